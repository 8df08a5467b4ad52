// End to end through the casefile binary: import the sample mail, import it
// again, verify, tamper, and import hostile mail. No config file, no network.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::quote;
using testing::run_command;

std::size_t count_eml_files(const std::string& directory) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() == ".eml") ++count;
    }
    return count;
}

class CliImport : public ::testing::Test {
protected:
    testing::CommandResult casefile(const std::string& arguments) {
        return run_command(std::string(CASEFILE_BINARY) + " --store " + quote(store_) + " " +
                           arguments);
    }

    testing::TempDir directory_;
    std::string store_ = directory_.file("casefile.db");
    std::string sample_mail_ = std::string(CASEFILE_TEST_DATA) + "/sample-mail";
    std::string config_ = std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml";
};

TEST_F(CliImport, EveryMessageIsStoredOnceAndVerifies) {
    const std::size_t files = count_eml_files(sample_mail_);
    ASSERT_GT(files, 20u);
    auto first = casefile("import --quiet " + quote(sample_mail_));
    ASSERT_EQ(first.exit_code, 0) << first.output;
    EXPECT_NE(first.output.find(std::to_string(files) + " messages read: " + std::to_string(files) +
                                " stored, 0 already present"),
              std::string::npos)
        << first.output;

    auto second = casefile("import --quiet " + quote(sample_mail_));
    ASSERT_EQ(second.exit_code, 0) << second.output;
    EXPECT_NE(second.output.find("0 stored, " + std::to_string(files) + " already present"),
              std::string::npos)
        << second.output;

    // The same mail as an LF mbox: line ends differ, nothing new is stored.
    auto mbox = casefile("import --quiet " + quote(std::string(CASEFILE_TEST_DATA) +
                                                   "/sample-mail.mbox"));
    ASSERT_EQ(mbox.exit_code, 0) << mbox.output;
    EXPECT_NE(mbox.output.find("0 stored, " + std::to_string(files) + " already present"),
              std::string::npos)
        << mbox.output;

    // The rules read what was imported: the sample mail moves deadlines and
    // adds scope, and every event has a ledger entry beside its message's.
    const auto found = first.output.find(" events found");
    ASSERT_NE(found, std::string::npos) << first.output;
    const std::size_t line_start = first.output.rfind('\n', found) + 1;
    const std::size_t events = std::stoul(first.output.substr(line_start, found - line_start));
    EXPECT_GT(events, 0u);
    const std::string entries = std::to_string(files + events);

    auto status = casefile("status --json");
    ASSERT_EQ(status.exit_code, 0) << status.output;
    EXPECT_NE(status.output.find("\"messages\": " + std::to_string(files)), std::string::npos)
        << status.output;
    EXPECT_NE(status.output.find("\"ledger_entries\": " + entries), std::string::npos)
        << status.output;

    auto verify = casefile("verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_NE(verify.output.find("verified: " + entries + " ledger entries"), std::string::npos)
        << verify.output;
}

TEST_F(CliImport, FlippingOneStoredByteMakesVerifyFailAndNameTheMessage) {
    ASSERT_EQ(casefile("import --quiet " + quote(sample_mail_)).exit_code, 0);
    std::string message_id;
    {
        SQLite::Database database(store_, SQLite::OPEN_READWRITE);
        SQLite::Statement pick(database,
                               "SELECT m.id, m.message_id, r.raw FROM messages m JOIN message_raw r "
                               "ON r.message_row = m.id WHERE m.message_id IS NOT NULL "
                               "ORDER BY m.id LIMIT 1 OFFSET 5");
        ASSERT_TRUE(pick.executeStep());
        const auto row = pick.getColumn(0).getInt64();
        message_id = pick.getColumn(1).getString();
        std::string raw(static_cast<const char*>(pick.getColumn(2).getBlob()),
                        static_cast<std::size_t>(pick.getColumn(2).getBytes()));
        raw[raw.size() / 2] ^= 0x01;
        pick.reset();
        SQLite::Statement update(database, "UPDATE message_raw SET raw = ? WHERE message_row = ?");
        update.bind(1, raw.data(), static_cast<int>(raw.size()));
        update.bind(2, static_cast<int64_t>(row));
        update.exec();
    }
    auto verify = casefile("verify");
    EXPECT_EQ(verify.exit_code, 1) << verify.output;
    EXPECT_NE(verify.output.find("VERIFY FAILED"), std::string::npos) << verify.output;
    EXPECT_NE(verify.output.find("<" + message_id + ">"), std::string::npos) << verify.output;
}

TEST_F(CliImport, HostileMailIsStoredRawWithWarningsAndParseNeverCrashes) {
    const std::filesystem::path hostile = directory_.path() / "hostile";
    std::filesystem::create_directories(hostile);
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(hostile / name, std::ios::binary) << bytes;
    };
    std::string nested = "Content-Type: multipart/mixed; boundary=b0\n\n";
    for (int depth = 0; depth < 300; ++depth) {
        nested += "--b" + std::to_string(depth) + "\nContent-Type: multipart/mixed; boundary=b" +
                  std::to_string(depth + 1) + "\n\n";
    }
    write("deep.eml", "Subject: deep\nMessage-ID: <deep@x>\n" + nested);
    std::string parts = "Subject: parts\nContent-Type: multipart/mixed; boundary=p\n\n";
    for (int part = 0; part < 50000; ++part) parts += "--p\n\n";
    write("parts.eml", parts);
    write("long-header.eml", "Subject: " + std::string(2 * 1024 * 1024, 'x') + "\n\nbody\n");
    write("nul.eml", std::string("Subject: nul\0bytes\n\nbo\0dy\xff\xfe\n", 28));
    write("truncated.eml", "Subject: truncated\nContent-Type: multipart/mixed; boundary=z\n\n--z\n"
                           "Content-Type: text/plain; charset=x-unknown-charset\n"
                           "Content-Transfer-Encoding: base64\n\naGVsbG8gd29y|||");
    write("empty.eml", "");

    for (const auto& entry : std::filesystem::directory_iterator(hostile)) {
        auto parsed = run_command(std::string(CASEFILE_BINARY) + " parse --json " +
                                  quote(entry.path().string()) + " >/dev/null");
        EXPECT_EQ(parsed.exit_code, 0) << entry.path() << ": " << parsed.output;
    }
    auto imported = casefile("import --quiet " + quote(hostile.string()));
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    EXPECT_NE(imported.output.find("6 messages read: 6 stored"), std::string::npos)
        << imported.output;
    EXPECT_EQ(casefile("verify").exit_code, 0);
}

TEST_F(CliImport, UsageErrorsExitWithTwo) {
    EXPECT_EQ(casefile("import").exit_code, 2);
    EXPECT_EQ(casefile("import --bogus x").exit_code, 2);
    EXPECT_EQ(casefile("no-such-command").exit_code, 2);
    auto missing = casefile("import /nonexistent/casefile");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("/nonexistent/casefile"), std::string::npos);
}

}  // namespace
}  // namespace casefile::daemon
