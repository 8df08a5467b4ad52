#include "daemon/secrets.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using casefile::testing::TempDir;
using namespace std::chrono_literals;

class ScopedEnv {
  public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
    }
    ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

std::string write_file(const std::string& path, const std::string& content, mode_t mode) {
    std::ofstream(path, std::ios::binary) << content;
    ::chmod(path.c_str(), mode);
    return path;
}

config::SecretSource from_file(const std::string& path) {
    config::SecretSource source;
    source.password_file = path;
    return source;
}

config::SecretSource from_command(const std::string& command) {
    config::SecretSource source;
    source.password_command = command;
    return source;
}

TEST(Secrets, PasswordFileStripsOneNewline) {
    TempDir dir;
    auto secret = resolve_secret(from_file(write_file(dir.file("p"), "hunter2\n", 0600)), "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "hunter2");
    secret = resolve_secret(from_file(write_file(dir.file("q"), "two lines\n\n", 0400)), "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "two lines\n");
    secret = resolve_secret(from_file(write_file(dir.file("r"), "crlf\r\n", 0600)), "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "crlf");
}

TEST(Secrets, PasswordFileReadableByOthersIsRefused) {
    TempDir dir;
    const std::string path = write_file(dir.file("p"), "hunter2\n", 0644);
    const auto secret = resolve_secret(from_file(path), "account \"work\" password");
    ASSERT_FALSE(secret);
    EXPECT_EQ(secret.error().message, "account \"work\" password: password file " + path +
                                          " can be read by other users; run `chmod 600 " + path +
                                          "`");
    EXPECT_EQ(secret.error().message.find("hunter2"), std::string::npos);
    write_file(path, "hunter2\n", 0640);
    EXPECT_FALSE(resolve_secret(from_file(path), "imap"));
}

TEST(Secrets, PasswordFilePathIsExpanded) {
    TempDir dir;
    ScopedEnv home("HOME", dir.path().string());
    write_file(dir.file("imap.pass"), "from-home", 0600);
    const auto secret = resolve_secret(from_file("~/imap.pass"), "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "from-home");
}

TEST(Secrets, MissingOrEmptyPasswordFile) {
    TempDir dir;
    const auto missing = resolve_secret(from_file(dir.file("nope")), "imap");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("No such file or directory"), std::string::npos);
    EXPECT_FALSE(resolve_secret(from_file(write_file(dir.file("e"), "\n", 0600)), "imap"));
}

TEST(Secrets, PasswordCommandFirstLine) {
    const auto secret = resolve_secret(from_command("printf 'abc def\\nsecond line\\n'"), "smtp");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "abc def");
    // No trailing newline at all is fine too.
    const auto bare = resolve_secret(from_command("printf tok"), "smtp");
    ASSERT_OK(bare);
    EXPECT_EQ(*bare, "tok");
}

TEST(Secrets, PasswordCommandFailureNamesCommandNotOutput) {
    TempDir dir;
    const std::string file = write_file(dir.file("s"), "s3cret-value\n", 0600);
    const std::string command = "cat " + file + "; exit 3";
    const auto secret = resolve_secret(from_command(command), "imap");
    ASSERT_FALSE(secret);
    EXPECT_EQ(secret.error().message,
              "imap: password_command `" + command + "` failed with exit status 3");
    EXPECT_EQ(secret.error().message.find("s3cret-value"), std::string::npos);
}

TEST(Secrets, PasswordCommandWithoutOutputOrTooSlow) {
    const auto empty = resolve_secret(from_command("true"), "imap");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().message,
              "imap: password_command `true` printed no password on its first line");
    const auto slow = resolve_secret(from_command("sleep 5"), "imap", 200ms);
    ASSERT_FALSE(slow);
    EXPECT_EQ(slow.error().message,
              "imap: password_command `sleep 5` did not finish within 200 ms");
    const auto killed = resolve_secret(from_command("kill -9 $$"), "imap");
    ASSERT_FALSE(killed);
    EXPECT_EQ(killed.error().message, "imap: password_command `kill -9 $$` was killed by signal 9");
}

TEST(Secrets, CredentialNeedsSystemd) {
    ScopedEnv unset("CREDENTIALS_DIRECTORY", std::nullopt);
    config::SecretSource source;
    source.credential = "imap";
    const auto secret = resolve_secret(source, "imap");
    ASSERT_FALSE(secret);
    EXPECT_EQ(secret.error().message,
              "imap: credential \"imap\" cannot be read: not running under systemd with "
              "LoadCredential= (CREDENTIALS_DIRECTORY is not set)");
}

TEST(Secrets, CredentialFromDirectory) {
    TempDir dir;
    ScopedEnv credentials("CREDENTIALS_DIRECTORY", dir.path().string());
    write_file(dir.file("imap"), "cred-value\n", 0400);
    config::SecretSource source;
    source.credential = "imap";
    const auto secret = resolve_secret(source, "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "cred-value");
    source.credential = "../imap";
    EXPECT_FALSE(resolve_secret(source, "imap"));
    source.credential = "absent";
    EXPECT_FALSE(resolve_secret(source, "imap"));
}

TEST(Secrets, InlineAndNone) {
    config::SecretSource source;
    const auto none = resolve_secret(source, "imap");
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("no password source"), std::string::npos);
    source.inline_password = "written-inline";
    const auto secret = resolve_secret(source, "imap");
    ASSERT_OK(secret);
    EXPECT_EQ(*secret, "written-inline");
}

}  // namespace
}  // namespace casefile::daemon
