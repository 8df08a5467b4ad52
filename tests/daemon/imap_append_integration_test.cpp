// IMAP APPEND against a real Dovecot (tests/support/dovecot_sandbox.hpp): the
// digest lands byte for byte in the chosen folder, unread, with LITERAL+ and
// without it; deliver_digest's "imap" delivery end to end; a missing folder
// is reported, not created.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "daemon/digest_delivery.hpp"
#include "daemon/imap_session.hpp"
#include "support/dovecot_sandbox.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::DovecotSandbox;

// CRLF line ends, a body line that is only ".", a header-like line and a
// UTF-8 word: none of it may change on the way in.
std::string digest_message(const std::string& day) {
    return "From: casefile <casefile@reyes-va.example>\r\n"
           "To: dana@reyes-va.example\r\n"
           "Subject: casefile digest for " +
           day +
           "\r\n"
           "Date: Mon, 11 Mar 2024 07:30:00 -0500\r\n"
           "Message-ID: <digest-" +
           day +
           "@reyes-va.example>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "\r\n"
           "Good morning, Dana.\r\n"
           ".\r\n"
           "Bcc: not-a-header@example.com\r\n"
           "Caf\xc3\xa9 Brightside: 2 requests outside working hours.\r\n";
}

class ImapAppend : public ::testing::Test {
  protected:
    void SetUp() override {
        auto started = DovecotSandbox::start();
        ASSERT_OK(started);
        dovecot_.emplace(std::move(*started));
    }

    ImapConnectSettings connect_settings() const {
        ImapConnectSettings settings;
        settings.url = "imap://127.0.0.1:" + std::to_string(dovecot_->imap_port());
        settings.user = dovecot_->user();
        settings.secret = dovecot_->password();
        settings.tls = config::TlsMode::none;
        return settings;
    }

    static ImapTimeouts timeouts() {
        ImapTimeouts value;
        value.read = std::chrono::seconds(10);
        return value;
    }

    // Every message of `folder`, fetched back over a fresh read-only session.
    std::vector<std::string> read_back(const std::string& folder) {
        std::vector<std::string> messages;
        auto session = ImapSession::open(connect_settings(), timeouts());
        EXPECT_OK(session);
        if (!session) return messages;
        auto examined = session->examine(folder);
        EXPECT_OK(examined);
        if (!examined) return messages;
        auto sizes = session->uid_sizes(1);
        EXPECT_OK(sizes);
        if (!sizes) return messages;
        std::vector<std::uint32_t> uids;
        for (const auto& entry : *sizes) uids.push_back(entry.uid);
        EXPECT_OK(session->fetch(uids, false, [&](FetchedMessage&& message) {
            messages.push_back(std::move(message.bytes));
        }));
        session->logout();
        return messages;
    }

    // doveadm's "flags:" lines for `folder`, one per message, without
    // \Recent (a session flag the server sets itself, not one casefile sent).
    std::vector<std::string> flag_lines(const std::string& folder) {
        std::vector<std::string> lines;
        auto flags = dovecot_->flags(folder);
        EXPECT_OK(flags);
        if (!flags) return lines;
        std::size_t at = 0;
        while ((at = flags->find("flags:", at)) != std::string::npos) {
            const std::size_t end = flags->find('\n', at);
            std::string line = flags->substr(at, end == std::string::npos ? end : end - at);
            if (const std::size_t recent = line.find(" \\Recent"); recent != std::string::npos) {
                line.erase(recent, 8);
            }
            while (line.ends_with(' ')) line.pop_back();
            lines.push_back(std::move(line));
            at += 6;
        }
        return lines;
    }

    config::AccountSettings account() {
        const std::string password_file = directory_.file("imap.pass");
        {
            std::ofstream out(password_file, std::ios::trunc);
            out << dovecot_->password() << "\n";
        }
        ::chmod(password_file.c_str(), 0600);
        config::AccountSettings settings;
        settings.name = "work";
        settings.url = "imap://127.0.0.1:" + std::to_string(dovecot_->imap_port());
        settings.user = dovecot_->user();
        settings.secret.password_file = password_file;
        settings.tls = config::TlsMode::none;
        return settings;
    }

    testing::TempDir directory_;
    std::optional<DovecotSandbox> dovecot_;
};

TEST_F(ImapAppend, AppendsIntoAFolderUnreadAndByteExact) {
    ASSERT_OK(dovecot_->create_folder("Digests"));
    auto session = ImapSession::open(connect_settings(), timeouts());
    ASSERT_OK(session);
    EXPECT_TRUE(session->has_capability("LITERAL+"));  // Dovecot's default
    const std::string message = digest_message("2024-03-11");
    ASSERT_OK(session->append("Digests", message));
    session->logout();

    const auto messages = read_back("Digests");
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], message);
    EXPECT_TRUE(read_back("INBOX").empty());
    const auto flags = flag_lines("Digests");
    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].find("\\Seen"), std::string::npos) << flags[0];
    EXPECT_EQ(flags[0], "flags:") << "APPEND set flags";
}

TEST_F(ImapAppend, FolderNamesAreEncodedAsModifiedUtf7) {
    ASSERT_OK(dovecot_->create_folder("Entw\xc3\xbcrfe & \"Digests\""));
    auto session = ImapSession::open(connect_settings(), timeouts());
    ASSERT_OK(session);
    ASSERT_OK(session->append("Entw\xc3\xbcrfe & \"Digests\"", digest_message("2024-03-12")));
    session->logout();
    const auto messages = read_back("Entw\xc3\xbcrfe & \"Digests\"");
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], digest_message("2024-03-12"));
}

// A server without LITERAL+: the session must wait for "+" before the bytes.
TEST_F(ImapAppend, WaitsForTheContinuationWithoutLiteralPlus) {
    {
        std::ofstream conf(dovecot_->directory() / "dovecot.conf", std::ios::app);
        conf << "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN\n";
    }
    ASSERT_OK(dovecot_->restart());
    auto session = ImapSession::open(connect_settings(), timeouts());
    ASSERT_OK(session);
    EXPECT_FALSE(session->has_capability("LITERAL+"));
    ASSERT_OK(session->append("INBOX", digest_message("2024-03-13")));
    ASSERT_OK(session->append("INBOX", digest_message("2024-03-14")));
    ASSERT_OK(session->noop());  // the connection is still in step
    session->logout();
    const auto messages = read_back("INBOX");
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0], digest_message("2024-03-13"));
    EXPECT_EQ(messages[1], digest_message("2024-03-14"));
}

TEST_F(ImapAppend, AMissingFolderIsRefusedAndTheSessionGoesOn) {
    auto session = ImapSession::open(connect_settings(), timeouts());
    ASSERT_OK(session);
    auto appended = session->append("No Such Folder", digest_message("2024-03-15"));
    ASSERT_FALSE(appended);
    EXPECT_NE(appended.error().message.find("does not exist"), std::string::npos)
        << appended.error().message;
    EXPECT_OK(session->noop());
    session->logout();
}

TEST_F(ImapAppend, DeliverDigestThroughImap) {
    ASSERT_OK(dovecot_->create_folder("casefile"));
    config::DigestSettings digest;
    digest.delivery = "imap";
    digest.folder = "casefile";
    digest.account = "work";
    config::AccountSettings other = account();
    other.name = "other";
    other.url = "imap://127.0.0.1:1";  // must not be used
    // LF line ends in: CRLF on the server.
    std::string with_lf = digest_message("2024-03-16");
    for (std::size_t at = with_lf.find("\r\n"); at != std::string::npos;
         at = with_lf.find("\r\n", at)) {
        with_lf.erase(at, 1);
    }
    ASSERT_OK(deliver_digest(digest, {other, account()}, with_lf));
    const auto messages = read_back("casefile");
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], digest_message("2024-03-16"));
    EXPECT_EQ(flag_lines("casefile"), std::vector<std::string>{"flags:"});

    // The default folder is INBOX, the default account the first.
    digest.folder.clear();
    digest.account.clear();
    ASSERT_OK(deliver_digest(digest, {account()}, digest_message("2024-03-17")));
    ASSERT_EQ(read_back("INBOX").size(), 1u);
}

TEST_F(ImapAppend, DeliverDigestToAMissingFolderIsPermanent) {
    config::DigestSettings digest;
    digest.delivery = "imap";
    digest.folder = "Digests";
    auto delivered = deliver_digest(digest, {account()}, digest_message("2024-03-18"));
    ASSERT_FALSE(delivered);
    EXPECT_FALSE(delivered.error().transient);
    EXPECT_NE(delivered.error().message.find("Digests"), std::string::npos);
    EXPECT_NE(delivered.error().message.find("does not exist"), std::string::npos);
    EXPECT_EQ(delivered.error().message.find(dovecot_->password()), std::string::npos);
    EXPECT_TRUE(read_back("INBOX").empty());
}

TEST_F(ImapAppend, DeliverDigestWithTheServerDownIsTransient) {
    config::DigestSettings digest;
    digest.delivery = "imap";
    const config::AccountSettings settings = account();
    ASSERT_OK(dovecot_->stop());
    auto delivered = deliver_digest(digest, {settings}, digest_message("2024-03-19"));
    ASSERT_FALSE(delivered);
    EXPECT_TRUE(delivered.error().transient) << delivered.error().message;
}

}  // namespace
}  // namespace casefile::daemon
