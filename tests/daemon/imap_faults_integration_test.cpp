// The IMAP sync against servers that misbehave in ways a real server will not
// do on demand (tests/support/scripted_imap_server.hpp): a connection cut
// inside a literal, a 1 byte/s trickle, silence, garbage, an unexpected BYE,
// a tagged NO, no STARTTLS. Each must end in a clear error, never a crash or a
// hang, with nothing partial stored and the high-water mark not moved past
// what was stored; and whatever the script, the client stays read-only.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/client_attribution.hpp"
#include "core/clock.hpp"
#include "core/store.hpp"
#include "daemon/folder_sync.hpp"
#include "daemon/imap_session.hpp"
#include "daemon/message_intake.hpp"
#include "support/expect_ok.hpp"
#include "support/scripted_imap_server.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::ConnectionScript;
using testing::Fault;
using testing::ScriptedImapServer;
using testing::ScriptedMessage;
using Clock = std::chrono::steady_clock;

constexpr const char* kAccount = "work";
constexpr const char* kUser = "dana@reyes-va.example";
constexpr const char* kPassword = "correct-horse-battery";

std::string sample_message(int number) {
    const std::string n = std::to_string(number);
    return "From: Bob Client <bob@acme.example>\r\n"
           "To: Dana Reyes <dana@reyes-va.example>\r\n"
           "Subject: Landing page, round " + n + "\r\n"
           "Date: Mon, 6 Nov 2023 10:0" + std::to_string(number % 10) + ":00 -0600\r\n"
           "Message-ID: <round-" + n + "@acme.example>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "\r\n"
           "Hi Dana,\r\n"
           "\r\n"
           "Could you have version " + n + " of the landing page ready by Friday?\r\n"
           "\r\n"
           "Bob\r\n";
}

ConnectionScript inbox_with(int count, Fault fault = {}) {
    ConnectionScript script;
    for (int number = 1; number <= count; ++number) {
        script.mailboxes[0].messages.push_back(
            ScriptedMessage{static_cast<std::uint32_t>(number), sample_message(number)});
    }
    script.fault = std::move(fault);
    return script;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class ImapFaults : public ::testing::Test {
protected:
    void SetUp() override { open_store("casefile.db"); }

    // A fresh, empty store (for tests that try several scripts in turn).
    void open_store(const std::string& name) {
        auto opened = core::Store::open(directory_.file(name), clock_);
        ASSERT_OK(opened);
        store_.reset();
        store_.emplace(std::move(*opened));
    }

    // Whatever the script did, the client sent nothing that changes the
    // mailbox (DESIGN.md: never change the server).
    void TearDown() override {
        for (const auto& server : servers_) {
            for (const std::string& line : server->client_lines()) {
                std::string upper = line;
                for (char& character : upper) character = static_cast<char>(std::toupper(
                                                   static_cast<unsigned char>(character)));
                for (const char* verb : {" SELECT ", " STORE ", " EXPUNGE", " COPY ", " MOVE ",
                                         " APPEND ", " UID STORE ", " UID COPY ", " UID MOVE ",
                                         " UID EXPUNGE"}) {
                    EXPECT_FALSE(contains(upper, verb)) << "the client sent: " << line;
                }
                EXPECT_FALSE(contains(upper, "BODY[")) << "a FETCH without .PEEK: " << line;
            }
        }
    }

    ScriptedImapServer& start_server(std::vector<ConnectionScript> scripts) {
        auto server = ScriptedImapServer::start(std::move(scripts));
        if (!server) ADD_FAILURE() << server.error().message;
        servers_.push_back(std::move(*server));
        return *servers_.back();
    }

    static ImapConnectSettings settings_for(const ScriptedImapServer& server) {
        ImapConnectSettings settings;
        settings.url = server.url();
        settings.user = kUser;
        settings.secret = kPassword;
        settings.tls = config::TlsMode::none;
        settings.connect_timeout = std::chrono::seconds(5);
        return settings;
    }

    static ImapTimeouts quick_timeouts() {
        ImapTimeouts timeouts;
        timeouts.read = std::chrono::seconds(5);
        return timeouts;
    }

    // Connects, plans and syncs INBOX as `casefile sync` does.
    core::Result<FolderSyncResult> sync_inbox(const ScriptedImapServer& server,
                                              const ImapTimeouts& timeouts,
                                              std::size_t batch_size = 250) {
        auto session = ImapSession::open(settings_for(server), timeouts);
        if (!session) return core::Unexpected(session.error());
        FolderSyncOptions options;
        options.limits.max_messages_per_batch = batch_size;
        auto plan = plan_folder(*session, *store_, kAccount, "INBOX", options.limits);
        if (!plan) return core::Unexpected(plan.error());
        auto synced = sync_folder(*session, *store_, matcher_, kAccount, "INBOX", *plan, options);
        if (synced) session->logout();
        return synced;
    }

    std::int64_t stored_messages() {
        auto status = store_->status();
        EXPECT_OK(status);
        return status ? status->messages : -1;
    }

    std::uint32_t high_water() {
        auto state = store_->folder_state(kAccount, "INBOX");
        EXPECT_OK(state);
        return state ? state->highest_uid : 0;
    }

    // Every stored message once, and the store's hashes and ledger intact.
    void expect_stored_once(std::size_t count) {
        EXPECT_EQ(stored_messages(), static_cast<std::int64_t>(count));
        auto rows = store_->threads(std::nullopt);
        ASSERT_OK(rows);
        std::set<std::string> ids;
        for (const auto& row : *rows) ids.insert(row.message_id.value_or(""));
        EXPECT_EQ(ids.size(), count);
        EXPECT_EQ(rows->size(), count);
        auto report = store_->verify();
        ASSERT_OK(report);
        EXPECT_TRUE(report->ok());
    }

    testing::TempDir directory_;
    core::FixedClock clock_{1699264800};
    std::optional<core::Store> store_;
    core::ClientMatcher matcher_ = make_client_matcher(core::Identity{});
    std::vector<std::unique_ptr<ScriptedImapServer>> servers_;
};

TEST_F(ImapFaults, HealthyScriptSyncsEverythingOnce) {
    // The baseline the fault tests depart from: the script carries a login
    // by libcurl and a whole sync.
    auto& server = start_server({inbox_with(3)});
    auto synced = sync_inbox(server, quick_timeouts());
    ASSERT_OK(synced);
    EXPECT_EQ(synced->stored.stored, 3u);
    EXPECT_EQ(high_water(), 3u);
    expect_stored_once(3);
    // With AUTH=PLAIN offered, libcurl uses AUTHENTICATE PLAIN, not LOGIN.
    EXPECT_FALSE(contains(server.client_text(), " LOGIN "));
}

TEST_F(ImapFaults, ConnectionCutInsideLiteralStoresNothingPartialThenResyncCompletes) {
    // Batches of two: {1,2} arrives whole; the connection dies 10 bytes into
    // message 3's literal, so batch {3,4} must leave no trace.
    auto& server = start_server(
        {inbox_with(4, Fault::close_mid_literal("BODY.PEEK[]", 3, 10)),
         inbox_with(4)});
    auto broken = sync_inbox(server, quick_timeouts(), 2);
    ASSERT_FALSE(broken);
    EXPECT_TRUE(contains(broken.error().message, "closed the connection")) << broken.error().message;
    EXPECT_EQ(stored_messages(), 2);
    EXPECT_EQ(high_water(), 2u);

    auto healed = sync_inbox(server, quick_timeouts(), 2);
    ASSERT_OK(healed);
    EXPECT_EQ(healed->stored.stored, 2u);
    EXPECT_EQ(high_water(), 4u);
    EXPECT_EQ(server.connections(), 2);
    expect_stored_once(4);
}

TEST_F(ImapFaults, TrickleOfOneBytePerSecondFailsAsTooSlow) {
    auto& server = start_server(
        {inbox_with(1, Fault::trickle_literal("BODY.PEEK[]", 1, std::chrono::seconds(1)))});
    ImapTimeouts timeouts;
    timeouts.read = std::chrono::seconds(2);
    timeouts.low_speed_bytes = 100;
    timeouts.low_speed_window = std::chrono::seconds(2);
    const auto started = Clock::now();
    auto synced = sync_inbox(server, timeouts);
    const auto elapsed = Clock::now() - started;
    ASSERT_FALSE(synced);
    EXPECT_TRUE(contains(synced.error().message, "too slow")) << synced.error().message;
    EXPECT_LT(elapsed, std::chrono::seconds(15));  // a bound on a hang, not a speed test
    EXPECT_EQ(stored_messages(), 0);
    EXPECT_EQ(high_water(), 0u);
}

TEST_F(ImapFaults, SilenceDuringACommandFailsWithTheReadTimeout) {
    auto& server = start_server({inbox_with(2, Fault::silent("BODY.PEEK[]"))});
    ImapTimeouts timeouts;
    timeouts.read = std::chrono::seconds(2);
    const auto started = Clock::now();
    auto synced = sync_inbox(server, timeouts);
    ASSERT_FALSE(synced);
    EXPECT_TRUE(contains(synced.error().message, "sent nothing for 2 s")) << synced.error().message;
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(15));
    EXPECT_EQ(stored_messages(), 0);
}

TEST_F(ImapFaults, SilenceRightAfterLoginFailsWithTheReadTimeout) {
    // The session's own CAPABILITY after libcurl's login gets no answer.
    auto& server = start_server({inbox_with(1, Fault::silent("CAPABILITY"))});
    ImapTimeouts timeouts;
    timeouts.read = std::chrono::seconds(2);
    const auto started = Clock::now();
    auto session = ImapSession::open(settings_for(server), timeouts);
    ASSERT_FALSE(session);
    EXPECT_TRUE(contains(session.error().message, "sent nothing for 2 s"))
        << session.error().message;
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(15));
}

TEST_F(ImapFaults, SilenceAfterTheGreetingFailsWithTheConnectTimeout) {
    // Not even libcurl's CAPABILITY is answered: the connect timeout covers
    // the login phase, so the daemon does not wait forever there either.
    ConnectionScript script = inbox_with(1);
    script.fault = Fault::silent_after_greeting();
    auto& server = start_server({script});
    ImapConnectSettings settings = settings_for(server);
    settings.connect_timeout = std::chrono::seconds(2);
    const auto started = Clock::now();
    auto session = ImapSession::open(settings, quick_timeouts());
    ASSERT_FALSE(session);
    EXPECT_TRUE(contains(session.error().message, "timed out")) << session.error().message;
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(15));
    EXPECT_FALSE(contains(server.client_text(), kPassword));
}

TEST_F(ImapFaults, MalformedResponsesAreReportedNotTrusted) {
    for (const std::string& garbage :
         {std::string("* 1 FETCH (UID {abc}\r\n"), std::string("\x01\xfe\x7f\xff garbage\r\n"),
          std::string("* 1 FETCH (UID 1 BODY[] {5}\r\nhel"), std::string("* 1 FETCH ((((\r\n")}) {
        SCOPED_TRACE(garbage);
        open_store("casefile-" + std::to_string(servers_.size()) + ".db");
        auto& server =
            start_server({inbox_with(2, Fault::malformed_line("BODY.PEEK[]", 0, garbage + "\r\n"))});
        auto synced = sync_inbox(server, quick_timeouts());
        ASSERT_FALSE(synced);
        EXPECT_TRUE(contains(synced.error().message, "sent something casefile cannot read"))
            << synced.error().message;
        EXPECT_EQ(stored_messages(), 0);
        EXPECT_EQ(high_water(), 0u);
    }
}

TEST_F(ImapFaults, UnreadableFetchOfOneMessageIsNotSkipped) {
    // Message 2's FETCH is well framed but its items make no sense, once in
    // the UID/size listing and once in the body fetch. Dropping it as if it
    // had been expunged would move the mark past UID 2 and lose the message
    // for good; the sync must fail instead, and a later sync fetch it.
    struct Case {
        const char* on_command;
        const char* line;
    };
    for (const Case& broken : {Case{"RFC822.SIZE)", "* 2 FETCH (UID 2 RFC822.SIZE many)\r\n"},
                               Case{"BODY.PEEK[]", "* 2 FETCH (UID 2 RFC822.SIZE many BODY[] "
                                                   "{5}\r\nhello)\r\n"}}) {
        SCOPED_TRACE(broken.on_command);
        open_store(std::string("casefile-") + (broken.on_command[0] == 'R' ? "sizes" : "body") +
                   ".db");
        auto& server = start_server(
            {inbox_with(3, Fault::malformed_line(broken.on_command, 2, broken.line)),
             inbox_with(3)});
        auto synced = sync_inbox(server, quick_timeouts());
        ASSERT_FALSE(synced) << "message 2 was skipped: " << stored_messages() << " stored";
        EXPECT_TRUE(contains(synced.error().message, "sent something casefile cannot read"))
            << synced.error().message;
        EXPECT_EQ(stored_messages(), 0);
        EXPECT_EQ(high_water(), 0u);

        ASSERT_OK(sync_inbox(server, quick_timeouts()));
        expect_stored_once(3);
    }
}

TEST_F(ImapFaults, UnexpectedByeMidFetchIsReportedAsAClosedConnection) {
    auto& server = start_server({inbox_with(3, Fault::bye("BODY.PEEK[]", 2))});
    auto synced = sync_inbox(server, quick_timeouts());
    ASSERT_FALSE(synced);
    EXPECT_TRUE(contains(synced.error().message, "closed the connection")) << synced.error().message;
    EXPECT_EQ(stored_messages(), 0);
    EXPECT_EQ(high_water(), 0u);
}

TEST_F(ImapFaults, TaggedNoOnFetchStoresNothingOfTheBatch) {
    // Batch {1,2}: message 1 arrives, then the command ends in NO.
    auto& server =
        start_server({inbox_with(4, Fault::tagged_no("BODY.PEEK[]", 2)), inbox_with(4)});
    auto synced = sync_inbox(server, quick_timeouts(), 2);
    ASSERT_FALSE(synced);
    EXPECT_TRUE(contains(synced.error().message, "refused UID")) << synced.error().message;
    EXPECT_TRUE(contains(synced.error().message, "NO")) << synced.error().message;
    EXPECT_EQ(stored_messages(), 0);
    EXPECT_EQ(high_water(), 0u);

    ASSERT_OK(sync_inbox(server, quick_timeouts(), 2));
    expect_stored_once(4);
}

TEST_F(ImapFaults, TaggedNoOnExamineFailsThePlan) {
    auto& server = start_server({inbox_with(1, Fault::tagged_no("EXAMINE"))});
    auto synced = sync_inbox(server, quick_timeouts());
    ASSERT_FALSE(synced);
    EXPECT_TRUE(contains(synced.error().message, "refused EXAMINE")) << synced.error().message;
}

TEST_F(ImapFaults, StartTlsRequiredButNotOfferedSendsNoCredentials) {
    for (const config::TlsMode mode : {config::TlsMode::required, config::TlsMode::starttls}) {
        auto& server = start_server({inbox_with(1)});
        ImapConnectSettings settings = settings_for(server);
        settings.tls = mode;  // imap:// URL: STARTTLS is mandatory
        auto session = ImapSession::open(settings, quick_timeouts());
        ASSERT_FALSE(session);
        EXPECT_TRUE(contains(session.error().message, "STARTTLS")) << session.error().message;
        EXPECT_FALSE(contains(session.error().message, kPassword));
        const std::string sent = server.client_text();
        EXPECT_FALSE(contains(sent, "LOGIN")) << sent;
        EXPECT_FALSE(contains(sent, "AUTHENTICATE")) << sent;
        EXPECT_FALSE(contains(sent, kPassword)) << sent;
        // base64("\0dana@reyes-va.example\0correct-horse-battery") starts so.
        EXPECT_FALSE(contains(sent, "AGRhbmFAcmV5ZXMtdmEuZXhhbXBsZQBjb3JyZWN0")) << sent;
    }
}

TEST_F(ImapFaults, IdleEndsWithDoneWhenTheLimitPasses) {
    auto& server = start_server({inbox_with(1)});
    auto session = ImapSession::open(settings_for(server), quick_timeouts());
    ASSERT_OK(session);
    ASSERT_OK(session->examine("INBOX"));
    auto outcome = session->idle(std::chrono::milliseconds(200), -1);
    ASSERT_OK(outcome);
    EXPECT_FALSE(outcome->mailbox_changed);
    EXPECT_FALSE(outcome->woken);
    ASSERT_OK(session->noop());
    const auto lines = server.client_lines();
    EXPECT_NE(std::find(lines.begin(), lines.end(), "DONE"), lines.end());
}

}  // namespace
}  // namespace casefile::daemon
