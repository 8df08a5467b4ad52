#include "daemon/mail_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<RawMail> read_all(const std::vector<std::string>& paths, MailInventory* seen = nullptr) {
    auto inventory = find_mail(paths);
    EXPECT_TRUE(inventory.has_value());
    if (seen) *seen = *inventory;
    MailReader reader(std::move(*inventory));
    std::vector<RawMail> mails;
    RawMail mail;
    while (reader.next(mail)) mails.push_back(mail);
    return mails;
}

TEST(MailReader, ReadsMaildirCurAndNewButNotTmp) {
    testing::TempDir directory;
    write(directory.path() / "mail/cur/1.host:2,S", "Subject: one\n\nbody\n");
    write(directory.path() / "mail/new/2.host", "Subject: two\n\nbody\n");
    write(directory.path() / "mail/tmp/3.host", "Subject: half-delivered\n\n");
    write(directory.path() / "mail/.Sent/cur/4.host:2,S", "Subject: sent\n\nbody\n");
    const auto mails = read_all({directory.file("mail")});
    ASSERT_EQ(mails.size(), 3u);
    for (const auto& mail : mails) EXPECT_EQ(mail.bytes.find("half-delivered"), std::string::npos);
}

TEST(MailReader, ReadsEmlFilesAndMboxesAndSkipsOtherFiles) {
    testing::TempDir directory;
    write(directory.path() / "archive/a.eml", "Subject: a\n\nbody\n");
    write(directory.path() / "archive/notes.txt", "not mail\n");
    write(directory.path() / "archive/old.mbox",
          "From a@x Mon Dec  1 09:14:00 2025\nSubject: m1\n\nx\n\n"
          "From b@x Mon Dec  1 09:15:00 2025\nSubject: m2\n\ny\n");
    MailInventory inventory;
    const auto mails = read_all({directory.file("archive")}, &inventory);
    EXPECT_EQ(inventory.skipped_files, 1u);
    ASSERT_EQ(mails.size(), 3u);
    EXPECT_EQ(mails[0].bytes, "Subject: a\n\nbody\n");
    EXPECT_EQ(mails[1].bytes, "Subject: m1\n\nx\n");
    EXPECT_NE(mails[1].source.find("old.mbox#1"), std::string::npos);
    EXPECT_EQ(mails[2].bytes, "Subject: m2\n\ny\n");
}

TEST(MailReader, AFileNamedOnTheCommandLineIsMailWhateverItsName) {
    testing::TempDir directory;
    write(directory.path() / "message.txt", "Subject: a\n\nbody\n");
    EXPECT_EQ(read_all({directory.file("message.txt")}).size(), 1u);
}

TEST(MailReader, MissingPathIsAnError) {
    auto inventory = find_mail({"/nonexistent/casefile/mail"});
    ASSERT_FALSE(inventory.has_value());
    EXPECT_NE(inventory.error().message.find("/nonexistent/casefile/mail"), std::string::npos);
}

TEST(MailReader, LargeMboxIsStreamedAcrossChunks) {
    testing::TempDir directory;
    std::string mbox;
    const std::string padding(3000, 'x');
    for (int i = 0; i < 2000; ++i) {
        mbox += "From a@x Mon Dec  1 09:14:00 2025\nSubject: " + std::to_string(i) + "\n\n" +
                padding + "\n\n";
    }
    write(directory.path() / "big.mbox", mbox);
    const auto mails = read_all({directory.file("big.mbox")});
    ASSERT_EQ(mails.size(), 2000u);
    EXPECT_EQ(mails[1999].bytes, "Subject: 1999\n\n" + padding + "\n");
}

}  // namespace
}  // namespace casefile::daemon
