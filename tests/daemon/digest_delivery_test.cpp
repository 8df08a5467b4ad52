// The parts of digest delivery that need no server: line-end normalisation,
// the "file" delivery (atomic, 0600), and the failures found before any
// connection is made.
#include "daemon/digest_delivery.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using casefile::testing::TempDir;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

unsigned mode_of(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return 0;
    return status.st_mode & 07777;
}

std::size_t entries_in(const std::filesystem::path& directory) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory))
        ++count;
    return count;
}

config::DigestSettings file_digest(const std::string& path) {
    config::DigestSettings digest;
    digest.delivery = "file";
    digest.file = path;
    return digest;
}

TEST(DigestDelivery, NormalizesLineEnds) {
    EXPECT_EQ(normalize_crlf(""), "");
    EXPECT_EQ(normalize_crlf("a"), "a\r\n");
    EXPECT_EQ(normalize_crlf("a\nb\rc\r\nd\n\re"), "a\r\nb\r\nc\r\nd\r\n\r\ne\r\n");
    EXPECT_EQ(normalize_crlf("\n.\n"), "\r\n.\r\n");
    EXPECT_EQ(normalize_crlf("x\r\r\n"), "x\r\n\r\n");
    EXPECT_EQ(normalize_crlf("\r.\r\n"), "\r\n.\r\n");
}

TEST(DigestDelivery, FileIsWrittenWithMode0600AndCrlf) {
    TempDir directory;
    const std::string path = directory.file("digest.eml");
    const mode_t old_mask = ::umask(0);  // a permissive umask must not matter
    auto delivered = deliver_digest(file_digest(path), {}, "Subject: d\n\nbody\n");
    ::umask(old_mask);
    ASSERT_OK(delivered);
    EXPECT_EQ(read_text(path), "Subject: d\r\n\r\nbody\r\n");
    EXPECT_EQ(mode_of(path), 0600u);
    EXPECT_EQ(entries_in(directory.path()), 1u);  // no temporary file left behind
}

TEST(DigestDelivery, FileReplacesTheOldOneWhole) {
    TempDir directory;
    const std::string path = directory.file("digest.eml");
    {
        std::ofstream old(path);
        old << "yesterday's digest, a longer text than today's\n";
    }
    ::chmod(path.c_str(), 0644);
    std::filesystem::create_hard_link(path, directory.file("reader-still-has-this"));
    ASSERT_OK(write_file_atomically(path, "today\r\n"));
    EXPECT_EQ(read_text(path), "today\r\n");
    EXPECT_EQ(mode_of(path), 0600u);
    // A rename, not a rewrite in place: whoever had the old file open (here:
    // another name for the same inode) still sees the old one whole.
    EXPECT_EQ(read_text(directory.file("reader-still-has-this")),
              "yesterday's digest, a longer text than today's\n");
    EXPECT_EQ(entries_in(directory.path()), 2u);
}

TEST(DigestDelivery, FileInAMissingDirectoryIsPermanent) {
    TempDir directory;
    const std::string path = directory.file("no-such-dir/digest.eml");
    auto delivered = deliver_digest(file_digest(path), {}, "x\r\n");
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
    EXPECT_NE(delivered.error().message.find("no-such-dir"), std::string::npos)
        << delivered.error().message;
}

TEST(DigestDelivery, FileExpandsTheHomeDirectory) {
    TempDir directory;
    const char* old_home = std::getenv("HOME");
    const std::string saved = old_home ? old_home : "";
    ::setenv("HOME", directory.path().c_str(), 1);
    auto delivered = deliver_digest(file_digest("~/digest.eml"), {}, "x\r\n");
    old_home ? ::setenv("HOME", saved.c_str(), 1) : ::unsetenv("HOME");
    ASSERT_OK(delivered);
    EXPECT_EQ(read_text(directory.file("digest.eml")), "x\r\n");
}

TEST(DigestDelivery, ImapWithoutAnAccountIsPermanent) {
    config::DigestSettings digest;
    digest.delivery = "imap";
    digest.account = "elsewhere";
    config::AccountSettings account;
    account.name = "work";
    auto delivered = deliver_digest(digest, {account}, "x\r\n");
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
    EXPECT_NE(delivered.error().message.find("elsewhere"), std::string::npos);
}

TEST(DigestDelivery, AnUnreadableSmtpSecretIsPermanentAndSendsNothing) {
    TempDir directory;
    config::DigestSettings digest;
    digest.delivery = "smtp";
    digest.smtp_url = "smtp://127.0.0.1:1";
    digest.smtp_user = "dana";
    digest.smtp_secret.password_file = directory.file("missing.pass");
    digest.to = "dana@reyes-va.example";
    digest.from_address = "casefile@reyes-va.example";
    auto delivered = deliver_digest(digest, {}, "x\r\n");
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
    EXPECT_NE(delivered.error().message.find("missing.pass"), std::string::npos)
        << delivered.error().message;
}

TEST(DigestDelivery, ANulByteIsPermanentBeforeAnyConnection) {
    config::DigestSettings digest;
    digest.delivery = "imap";
    config::AccountSettings account;
    account.name = "work";
    account.url = "imap://127.0.0.1:1";
    account.secret.inline_password = "unused";
    auto delivered = deliver_digest(digest, {account}, std::string("a\0b\r\n", 5));
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
    EXPECT_NE(delivered.error().message.find("NUL"), std::string::npos)
        << delivered.error().message;
}

TEST(DigestDelivery, UnknownDeliveryIsPermanent) {
    config::DigestSettings digest;
    digest.delivery = "carrier-pigeon";
    auto delivered = deliver_digest(digest, {}, "x\r\n");
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
}

}  // namespace
}  // namespace casefile::daemon
