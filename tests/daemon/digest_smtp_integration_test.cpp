// The daily digest end to end: the sample mail imported (the rules find its
// events), `casefile digest --send` through a real SMTP server (aiosmtpd on a
// free loopback port), exactly once per day across retries, a crash between
// sending and recording, and a server that is down.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/run_command.hpp"
#include "support/smtp_sandbox.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::quote;
using testing::run_command;

class DigestSmtp : public ::testing::Test {
protected:
    void SetUp() override {
        write_config(1);  // the clients for the import; each test points it at its server
        auto imported = casefile("import --quiet " + quote(std::string(CASEFILE_TEST_DATA) + "/sample-mail"));
        ASSERT_EQ(imported.exit_code, 0) << imported.output;
    }

    // The demo's people and clients, with a [digest] for SMTP on `port`.
    void write_config(int port) {
        std::ifstream demo(std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml");
        std::ofstream out(config_, std::ios::trunc);
        out << demo.rdbuf();
        out << "\n[digest]\ntime = \"07:30\"\nto = \"dana@reyes-va.example\"\n"
               "from = \"casefile <casefile@reyes-va.example>\"\ndelivery = \"smtp\"\n"
               "smtp_url = \"smtp://127.0.0.1:"
            << port << "\"\ntls = \"none\"\n";
    }

    testing::CommandResult casefile(const std::string& arguments) {
        return run_command(std::string(CASEFILE_BINARY) + " --config " + quote(config_) + " --store " +
                           quote(store_) + " " + arguments);
    }

    std::string digest_state(const std::string& day) {
        SQLite::Database database(store_, SQLite::OPEN_READONLY);
        SQLite::Statement query(database, "SELECT state FROM digests WHERE day = ?");
        query.bind(1, day);
        return query.executeStep() ? query.getColumn(0).getString() : "";
    }

    testing::TempDir directory_;
    std::string store_ = directory_.file("casefile.db");
    std::string config_ = directory_.file("config.toml");
};

TEST_F(DigestSmtp, OneWellFormedDigestPerDayWithItsSections) {
    auto smtp = testing::SmtpSandbox::start();
    ASSERT_TRUE(smtp.has_value()) << smtp.error().message;
    write_config(smtp->port());

    auto sent = casefile("digest --send --date 2025-12-01");
    ASSERT_EQ(sent.exit_code, 0) << sent.output;
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    auto again = casefile("digest --send --date 2025-12-01");
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("sent before; nothing sent again"), std::string::npos) << again.output;
    EXPECT_FALSE(smtp->wait_for(2, std::chrono::milliseconds(500))) << "a second digest arrived";

    const auto received = smtp->received();
    ASSERT_EQ(received.size(), 1u);
    const testing::ReceivedMessage& digest = received[0];
    EXPECT_EQ(digest.mail_from, "casefile@reyes-va.example");
    ASSERT_EQ(digest.rcpt_tos.size(), 1u);
    EXPECT_EQ(digest.rcpt_tos[0], "dana@reyes-va.example");
    const std::string& bytes = digest.bytes;
    const std::string headers = bytes.substr(0, bytes.find("\r\n\r\n"));
    EXPECT_NE(headers.find("Subject: casefile digest, Monday 1 December 2025"), std::string::npos) << headers;
    EXPECT_NE(headers.find("X-Casefile-Digest: 2025-12-01"), std::string::npos);
    EXPECT_NE(headers.find("multipart/alternative"), std::string::npos);
    EXPECT_EQ(headers.find("Actually I need it"), std::string::npos) << "client text in a header";
    EXPECT_NE(bytes.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
    EXPECT_NE(bytes.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
    // Quoted-printable keeps these words intact (short, ASCII).
    for (const char* section : {"Deadlines moved", "Scope added", "Awaiting your reply",
                                "Sent outside your working hours", "Ledger head:",
                                "Actually I need it by Wednesday instead."}) {
        EXPECT_NE(bytes.find(section), std::string::npos) << section;
    }
    for (std::size_t start = 0; start < bytes.size();) {
        const std::size_t end = bytes.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
        EXPECT_LE(end - start, 998u);
        start = end + 2;
    }
    EXPECT_EQ(digest_state("2025-12-01"), "sent");
}

TEST_F(DigestSmtp, APendingDigestIsSentOnceWithTheSameMessageId) {
    auto smtp = testing::SmtpSandbox::start();
    ASSERT_TRUE(smtp.has_value()) << smtp.error().message;
    write_config(smtp->port());
    // The state a crash between handing over and recording leaves: pending.
    auto printed = casefile("digest --print --date 2025-12-02");
    ASSERT_EQ(printed.exit_code, 0) << printed.output;
    {
        SQLite::Database database(store_, SQLite::OPEN_READWRITE);
        SQLite::Statement insert(database,
                                 "INSERT INTO digests (day, window_start, window_end, message_id, "
                                 "ledger_head, message, state, created_at) VALUES ('2025-12-02', "
                                 "'2025-12-02T06:00:00+00:00', '2025-12-03T06:00:00+00:00', "
                                 "'crashed@reyes-va.example', 'x', ?, 'pending', '2025-12-03')");
        const std::string message = "Message-ID: <crashed@reyes-va.example>\r\nSubject: kept\r\n\r\nbody\r\n";
        insert.bind(1, message.data(), static_cast<int>(message.size()));
        insert.exec();
    }
    auto sent = casefile("digest --send --date 2025-12-02");
    ASSERT_EQ(sent.exit_code, 0) << sent.output;
    EXPECT_NE(sent.output.find("left pending by an earlier attempt"), std::string::npos) << sent.output;
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    EXPECT_NE(smtp->received()[0].bytes.find("Message-ID: <crashed@reyes-va.example>"), std::string::npos);
    auto again = casefile("digest --send --date 2025-12-02");
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_FALSE(smtp->wait_for(2, std::chrono::milliseconds(500)));
    EXPECT_EQ(digest_state("2025-12-02"), "sent");
}

TEST_F(DigestSmtp, ADownServerLeavesItPendingAndItGoesOutLater) {
    auto smtp = testing::SmtpSandbox::start();
    ASSERT_TRUE(smtp.has_value()) << smtp.error().message;
    const int port = smtp->port();
    write_config(port);
    smtp->stop();  // nothing listens on the port now

    auto failed = casefile("digest --send --date 2025-12-01");
    EXPECT_EQ(failed.exit_code, 1) << failed.output;
    EXPECT_NE(failed.output.find("was not delivered"), std::string::npos) << failed.output;
    EXPECT_NE(failed.output.find("stays pending"), std::string::npos) << failed.output;
    EXPECT_EQ(digest_state("2025-12-01"), "pending");

    auto back = testing::SmtpSandbox::start();
    ASSERT_TRUE(back.has_value()) << back.error().message;
    write_config(back->port());
    auto sent = casefile("digest --send --date 2025-12-01");
    ASSERT_EQ(sent.exit_code, 0) << sent.output;
    ASSERT_TRUE(back->wait_for(1, std::chrono::seconds(5)));
    EXPECT_EQ(back->received().size(), 1u);
    EXPECT_EQ(digest_state("2025-12-01"), "sent");
}

TEST_F(DigestSmtp, ARejectedDigestSaysRetryingWillNotHelp) {
    testing::SmtpOptions options;
    options.reject_all = true;
    auto smtp = testing::SmtpSandbox::start(options);
    ASSERT_TRUE(smtp.has_value()) << smtp.error().message;
    write_config(smtp->port());
    auto failed = casefile("digest --send --date 2025-12-01");
    EXPECT_EQ(failed.exit_code, 1) << failed.output;
    EXPECT_NE(failed.output.find("554"), std::string::npos) << failed.output;
    EXPECT_NE(failed.output.find("retrying will not help"), std::string::npos) << failed.output;
}

}  // namespace
}  // namespace casefile::daemon
