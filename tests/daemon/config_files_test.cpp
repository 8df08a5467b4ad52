#include "daemon/config_files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using casefile::testing::TempDir;

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

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path, std::ios::binary) << text;
    ::chmod(path.c_str(), mode);
}

mode_t mode_of(const std::string& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 07777;
}

// A fake zoneinfo directory holding only "Test/Zone", so the checks do not
// depend on the machine's tzdata.
class FakeZoneinfo {
  public:
    FakeZoneinfo() : tzdir_("TZDIR", dir_.path().string()) {
        ::mkdir(dir_.file("Test").c_str(), 0755);
        write_text(dir_.file("Test/Zone"), "TZif", 0644);
    }

  private:
    TempDir dir_;
    ScopedEnv tzdir_;
};

// [me] on lines 1-4, an account with an inline password at line 9, column 12.
const std::string inline_password_config =
    "[me]\nname = \"Dana\"\naddresses = [\"dana@reyes-va.example\"]\ntimezone = \"Test/Zone\"\n"
    "[[account]]\nname = \"work\"\nurl = \"imaps://imap.example.com\"\nuser = \"dana\"\n"
    "password = \"hunter2\"\n";

TEST(ConfigFiles, InitWritesPrivateExampleThatLoads) {
    TempDir dir;
    const std::string path = dir.file("xdg/casefile/config.toml");
    const auto written = write_example_config(path, false);
    ASSERT_OK(written);
    EXPECT_EQ(*written, path);
    EXPECT_EQ(read_text(path), std::string(config::example_config()));
    EXPECT_EQ(mode_of(path), 0600u);
    EXPECT_EQ(mode_of(dir.file("xdg/casefile")), 0700u);
    EXPECT_EQ(mode_of(dir.file("xdg")), 0700u);

    const config::LoadResult loaded = load_config_file(path);
    ASSERT_TRUE(loaded.has_value()) << config::format_problems(loaded.error());
    EXPECT_EQ(loaded->source_file, path);
}

TEST(ConfigFiles, InitRefusesToOverwriteUnlessForced) {
    TempDir dir;
    const std::string path = dir.file("config.toml");
    write_text(path, "# mine\n", 0600);
    const auto refused = write_example_config(path, false);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              path + " already exists; edit it, or pass --force to replace it with the example");
    EXPECT_EQ(read_text(path), "# mine\n");

    write_text(path, "# mine\n", 0644);
    ASSERT_OK(write_example_config(path, true));
    EXPECT_EQ(read_text(path), std::string(config::example_config()));
    EXPECT_EQ(mode_of(path), 0600u);
}

TEST(ConfigFiles, InitExpandsXdgPath) {
    TempDir dir;
    ScopedEnv config_home("XDG_CONFIG_HOME", dir.path().string());
    const auto written = write_example_config("$XDG_CONFIG_HOME/casefile/config.toml", false);
    ASSERT_OK(written);
    EXPECT_EQ(*written, dir.file("casefile/config.toml"));
}

TEST(ConfigFiles, MissingFileSaysToRunInit) {
    TempDir dir;
    const std::string path = dir.file("absent.toml");
    const config::LoadResult loaded = load_config_file(path);
    ASSERT_FALSE(loaded.has_value());
    ASSERT_EQ(loaded.error().size(), 1u);
    EXPECT_EQ(loaded.error()[0].to_string(),
              path +
                  ": cannot read the config file (No such file or directory); run `casefile "
                  "init` to write a commented example there");
}

TEST(ConfigFiles, InlinePasswordNeedsPrivateFile) {
    FakeZoneinfo zones;
    TempDir dir;
    const std::string path = dir.file("config.toml");
    write_text(path, inline_password_config, 0644);
    const config::LoadResult shared = load_config_file(path);
    ASSERT_FALSE(shared.has_value());
    ASSERT_EQ(shared.error().size(), 1u);
    EXPECT_EQ(shared.error()[0].to_string(),
              path +
                  ":9:12: account[0].password: password written in the config file that "
                  "others can read; run `chmod 600 " +
                  path + "` or use password_file");

    ::chmod(path.c_str(), 0600);
    const config::LoadResult private_file = load_config_file(path);
    ASSERT_TRUE(private_file.has_value()) << config::format_problems(private_file.error());
    EXPECT_EQ(private_file->accounts[0].secret.inline_password, "hunter2");
}

TEST(ConfigFiles, TimezoneMustExist) {
    FakeZoneinfo zones;
    EXPECT_TRUE(timezone_exists("Test/Zone"));
    EXPECT_FALSE(timezone_exists("Test/Zon"));
    EXPECT_FALSE(timezone_exists("Test"));  // a directory, not a zone
    EXPECT_FALSE(timezone_exists("../Test/Zone"));

    TempDir dir;
    const std::string path = dir.file("config.toml");
    std::string text = inline_password_config;
    text.replace(text.find("Test/Zone"), 9, "Test/Zon");
    write_text(path, text, 0600);
    const config::LoadResult loaded = load_config_file(path);
    ASSERT_FALSE(loaded.has_value());
    ASSERT_EQ(loaded.error().size(), 1u);
    EXPECT_EQ(loaded.error()[0].key, "me.timezone");
    EXPECT_EQ(loaded.error()[0].line, 4);
}

TEST(ConfigFiles, SyntaxErrorsCarryThePath) {
    TempDir dir;
    const std::string path = dir.file("config.toml");
    write_text(path, "[me\n", 0600);
    const config::LoadResult loaded = load_config_file(path);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error()[0].file, path);
    EXPECT_EQ(loaded.error()[0].line, 1);
}

}  // namespace
}  // namespace casefile::daemon
