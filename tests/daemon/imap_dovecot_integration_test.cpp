// The IMAP sync against a real Dovecot (tests/support/dovecot_sandbox.hpp):
// first sync of INBOX and the \Sent folder, incremental sync, flags untouched,
// a UIDVALIDITY change, an expunge between plan and sync, the server stopped
// mid-sync and restarted, and the TLS variants (IMAPS and STARTTLS).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "core/clock.hpp"
#include "core/store.hpp"
#include "daemon/account_sync.hpp"
#include "daemon/folder_sync.hpp"
#include "daemon/message_intake.hpp"
#include "support/dovecot_sandbox.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::DovecotSandbox;

// A short client mail, distinct per `number` (Message-ID, subject, body).
std::string client_mail(int number) {
    const std::string n = std::to_string(number);
    return "Return-Path: <maria@brightside.example>\r\n"
           "From: Maria Lopez <maria@brightside.example>\r\n"
           "To: Dana Reyes <dana@reyes-va.example>\r\n"
           "Subject: Newsletter draft " + n + "\r\n"
           "Date: Tue, 7 Nov 2023 09:1" + std::to_string(number % 10) + ":00 -0500\r\n"
           "Message-ID: <draft-" + n + ".9f2c@brightside.example>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n"
           "Hi Dana,\r\n"
           "\r\n"
           "Attached are my notes for draft " + n + ". Can we move the send date to\r\n"
           "next Thursday? The caf\xc3\xa9 photos are still missing.\r\n"
           "\r\n"
           "Thanks,\r\n"
           "Maria\r\n";
}

std::string sent_mail(int number) {
    const std::string n = std::to_string(number);
    return "From: Dana Reyes <dana@reyes-va.example>\r\n"
           "To: Maria Lopez <maria@brightside.example>\r\n"
           "Subject: Re: Newsletter draft " + n + "\r\n"
           "Date: Tue, 7 Nov 2023 11:00:00 -0600\r\n"
           "Message-ID: <reply-" + n + ".11aa@reyes-va.example>\r\n"
           "In-Reply-To: <draft-" + n + ".9f2c@brightside.example>\r\n"
           "References: <draft-" + n + ".9f2c@brightside.example>\r\n"
           "\r\n"
           "Hi Maria, Thursday works. I will chase the photos.\r\n"
           "Dana\r\n";
}

class ImapDovecot : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = core::Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
    }

    void start_dovecot(bool tls = false) {
        auto started = DovecotSandbox::start(tls);
        ASSERT_OK(started);
        dovecot_.emplace(std::move(*started));
    }

    // The account as a VA configures it: INBOX only (Sent is found by its
    // \Sent special use), the password in a 0600 file.
    config::AccountSettings account(const std::string& url,
                                    config::TlsMode tls = config::TlsMode::none) {
        const std::string password_file = directory_.file("imap.pass");
        {
            std::ofstream out(password_file, std::ios::trunc);
            out << dovecot_->password() << "\n";
        }
        ::chmod(password_file.c_str(), 0600);
        config::AccountSettings settings;
        settings.name = "work";
        settings.url = url;
        settings.user = dovecot_->user();
        settings.secret.password_file = password_file;
        settings.folders = {"INBOX"};
        settings.tls = tls;
        settings.ca_file = dovecot_->ca_file();
        return settings;
    }

    config::AccountSettings plain_account() {
        return account("imap://127.0.0.1:" + std::to_string(dovecot_->imap_port()));
    }

    static ImapTimeouts timeouts() {
        ImapTimeouts value;
        value.read = std::chrono::seconds(10);
        return value;
    }

    core::Result<AccountSyncResult> sync(const config::AccountSettings& settings,
                                         const core::FetchLimits& limits = {},
                                         const FolderSyncOptions& options = {}) {
        auto session = connect_account(settings, timeouts());
        if (!session) return core::Unexpected(session.error());
        auto plan = plan_account(*session, *store_, settings, limits);
        if (!plan) return core::Unexpected(plan.error());
        auto synced = sync_account(*session, *store_, matcher_, settings, *plan, options);
        if (synced) session->logout();
        return synced;
    }

    void add(const std::string& folder, const std::string& bytes) {
        ASSERT_OK(dovecot_->add_message(folder, bytes));
    }

    std::int64_t stored_messages() {
        auto status = store_->status();
        EXPECT_OK(status);
        return status ? status->messages : -1;
    }

    std::uint32_t high_water(const std::string& folder) {
        auto state = store_->folder_state("work", folder);
        EXPECT_OK(state);
        return state ? state->highest_uid : 0;
    }

    // The store holds exactly these Message-IDs, each once, and verifies.
    void expect_store_holds(const std::set<std::string>& message_ids) {
        auto rows = store_->threads(std::nullopt);
        ASSERT_OK(rows);
        std::multiset<std::string> stored;
        for (const auto& row : *rows) stored.insert(row.message_id.value_or("(none)"));
        EXPECT_EQ(stored, std::multiset<std::string>(message_ids.begin(), message_ids.end()));
        auto report = store_->verify();
        ASSERT_OK(report);
        EXPECT_TRUE(report->ok());
    }

    static const FolderSyncResult* folder_result(const AccountSyncResult& result,
                                                 const std::string& name) {
        for (const auto& folder : result.folders) {
            if (folder.folder == name) return &folder;
        }
        return nullptr;
    }

    testing::TempDir directory_;
    core::FixedClock clock_{1699370000};
    std::optional<core::Store> store_;
    std::optional<DovecotSandbox> dovecot_;
    core::ClientMatcher matcher_ = make_client_matcher(core::Identity{});
};

std::string draft_id(int number) { return "draft-" + std::to_string(number) + ".9f2c@brightside.example"; }
std::string reply_id(int number) { return "reply-" + std::to_string(number) + ".11aa@reyes-va.example"; }

TEST_F(ImapDovecot, FirstSyncStoresInboxAndTheSentFolder) {
    start_dovecot();
    add("INBOX", client_mail(1));
    add("INBOX", client_mail(2));
    add("Sent", sent_mail(1));
    auto synced = sync(plain_account());
    ASSERT_OK(synced);
    ASSERT_NE(folder_result(*synced, "INBOX"), nullptr);
    ASSERT_NE(folder_result(*synced, "Sent"), nullptr) << "the \\Sent folder was not synced";
    EXPECT_EQ(synced->stored.stored, 3u);
    EXPECT_EQ(high_water("INBOX"), 2u);
    EXPECT_EQ(high_water("Sent"), 1u);
    expect_store_holds({draft_id(1), draft_id(2), reply_id(1)});
}

TEST_F(ImapDovecot, IncrementalSyncStoresOnlyTheNew) {
    start_dovecot();
    add("INBOX", client_mail(1));
    add("INBOX", client_mail(2));
    ASSERT_OK(sync(plain_account()));
    add("INBOX", client_mail(3));
    add("Sent", sent_mail(3));

    auto second = sync(plain_account());
    ASSERT_OK(second);
    EXPECT_EQ(second->stored.stored, 2u);
    EXPECT_EQ(second->stored.already_present, 0u) << "old mail was fetched again";
    EXPECT_EQ(high_water("INBOX"), 3u);

    auto third = sync(plain_account());
    ASSERT_OK(third);
    EXPECT_EQ(third->stored.stored, 0u);
    EXPECT_EQ(third->stored.already_present, 0u);
    expect_store_holds({draft_id(1), draft_id(2), draft_id(3), reply_id(3)});
}

TEST_F(ImapDovecot, SyncLeavesEveryFlagAsItWas) {
    start_dovecot();
    for (int number = 1; number <= 4; ++number) add("INBOX", client_mail(number));
    ASSERT_OK(dovecot_->add_flags("INBOX", 2, "\\Seen"));
    ASSERT_OK(dovecot_->add_flags("INBOX", 3, "\\Flagged $Label1"));
    auto before = dovecot_->flags("INBOX");
    ASSERT_OK(before);
    ASSERT_NE(before->find("\\Flagged"), std::string::npos) << *before;

    ASSERT_OK(sync(plain_account()));
    auto after = dovecot_->flags("INBOX");
    ASSERT_OK(after);
    EXPECT_EQ(*after, *before);

    // An incremental pass, with one new unread message, changes nothing either.
    add("INBOX", client_mail(5));
    auto before_second = dovecot_->flags("INBOX");
    ASSERT_OK(before_second);
    ASSERT_OK(sync(plain_account()));
    auto after_second = dovecot_->flags("INBOX");
    ASSERT_OK(after_second);
    EXPECT_EQ(*after_second, *before_second);
    EXPECT_EQ(stored_messages(), 5);
}

TEST_F(ImapDovecot, UidValidityChangeRematchesWithoutDuplicatesOrLoss) {
    start_dovecot();
    for (int number = 1; number <= 3; ++number) add("INBOX", client_mail(number));
    ASSERT_OK(sync(plain_account()));
    ASSERT_OK(dovecot_->set_uidvalidity("INBOX", 777001));
    add("INBOX", client_mail(4));

    auto synced = sync(plain_account());
    ASSERT_OK(synced);
    const FolderSyncResult* inbox = folder_result(*synced, "INBOX");
    ASSERT_NE(inbox, nullptr);
    EXPECT_TRUE(inbox->uidvalidity_changed);
    EXPECT_EQ(inbox->rematched, 3u) << "stored mail was fetched again instead of re-matched";
    EXPECT_EQ(inbox->stored.stored, 1u);
    EXPECT_EQ(inbox->stored.already_present, 0u);
    expect_store_holds({draft_id(1), draft_id(2), draft_id(3), draft_id(4)});

    auto state = store_->folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_EQ(state->uidvalidity, 777001u);
    EXPECT_EQ(state->highest_uid, 4u);

    auto notices = store_->notices_since("");
    ASSERT_OK(notices);
    const auto noticed = std::count_if(notices->begin(), notices->end(), [](const core::Notice& n) {
        return n.kind == "uidvalidity_changed" && n.folder == "INBOX";
    });
    EXPECT_EQ(noticed, 1);

    // The next pass is quiet: no second notice, nothing fetched.
    auto again = sync(plain_account());
    ASSERT_OK(again);
    EXPECT_EQ(again->stored.stored, 0u);
    auto later = store_->notices_since("");
    ASSERT_OK(later);
    EXPECT_EQ(later->size(), notices->size());
}

TEST_F(ImapDovecot, MessageExpungedBetweenPlanAndSyncIsPassedOver) {
    start_dovecot();
    for (int number = 1; number <= 4; ++number) add("INBOX", client_mail(number));
    const config::AccountSettings settings = plain_account();
    auto session = connect_account(settings, timeouts());
    ASSERT_OK(session);
    auto plan = plan_folder(*session, *store_, "work", "INBOX", {});
    ASSERT_OK(plan);
    EXPECT_EQ(plan->messages, 4u);

    ASSERT_OK(dovecot_->expunge("INBOX", 2));

    auto synced = sync_folder(*session, *store_, matcher_, "work", "INBOX", *plan, {});
    ASSERT_OK(synced);
    EXPECT_EQ(synced->stored.stored, 3u);
    EXPECT_EQ(high_water("INBOX"), 4u);
    expect_store_holds({draft_id(1), draft_id(3), draft_id(4)});
}

TEST_F(ImapDovecot, ServerStoppedMidSyncThenRestartedEndsWithEveryMessageOnce) {
    start_dovecot();
    for (int number = 1; number <= 5; ++number) add("INBOX", client_mail(number));
    core::FetchLimits limits;
    limits.max_messages_per_batch = 2;
    FolderSyncOptions options;
    bool stopped = false;
    options.on_progress = [&](std::uint64_t, std::uint64_t) {
        if (stopped) return;
        stopped = true;
        EXPECT_OK(dovecot_->stop());
    };
    auto broken = sync(plain_account(), limits, options);
    ASSERT_TRUE(stopped);
    ASSERT_FALSE(broken) << "the sync went on after the server stopped";
    // The worker may already hold the next batch when the server goes away
    // (fetching overlaps storing), so 2 or 4 messages are in; never all 5,
    // and the high-water mark always matches what was stored.
    const auto stored_before = stored_messages();
    EXPECT_GE(stored_before, 2);
    EXPECT_LT(stored_before, 5);
    EXPECT_EQ(high_water("INBOX"), static_cast<std::uint32_t>(stored_before));

    ASSERT_OK(dovecot_->restart());
    auto healed = sync(plain_account(), limits);
    ASSERT_OK(healed);
    EXPECT_EQ(static_cast<std::int64_t>(healed->stored.stored), 5 - stored_before);
    expect_store_holds({draft_id(1), draft_id(2), draft_id(3), draft_id(4), draft_id(5)});
}

TEST_F(ImapDovecot, ImapsWithTheSandboxCertificate) {
    start_dovecot(/*tls=*/true);
    add("INBOX", client_mail(1));
    auto synced = sync(account("imaps://127.0.0.1:" + std::to_string(dovecot_->imaps_port()),
                               config::TlsMode::required));
    ASSERT_OK(synced);
    EXPECT_EQ(synced->stored.stored, 1u);
}

TEST_F(ImapDovecot, ImapsWithoutTrustingTheCertificateIsRefused) {
    start_dovecot(/*tls=*/true);
    config::AccountSettings settings =
        account("imaps://127.0.0.1:" + std::to_string(dovecot_->imaps_port()),
                config::TlsMode::required);
    settings.ca_file.clear();
    auto session = connect_account(settings, timeouts());
    ASSERT_FALSE(session);
    EXPECT_NE(session.error().message.find("certificate"), std::string::npos)
        << session.error().message;
}

TEST_F(ImapDovecot, StartTlsOnThePlainPort) {
    // With --tls the sandbox sets ssl = required, so its plain port offers
    // STARTTLS; both "starttls" and "required" (imap:// URL) must use it.
    start_dovecot(/*tls=*/true);
    add("INBOX", client_mail(1));
    const std::string url = "imap://127.0.0.1:" + std::to_string(dovecot_->imap_port());
    auto first = sync(account(url, config::TlsMode::starttls));
    ASSERT_OK(first);
    EXPECT_EQ(first->stored.stored, 1u);
    add("INBOX", client_mail(2));
    auto second = sync(account(url, config::TlsMode::required));
    ASSERT_OK(second);
    EXPECT_EQ(second->stored.stored, 1u);
}

}  // namespace
}  // namespace casefile::daemon
