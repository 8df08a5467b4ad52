#include "daemon/account_sync.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/mailbox_selection.hpp"
#include "daemon/paths.hpp"
#include "daemon/secrets.hpp"

namespace casefile::daemon {

core::Result<ImapSession> connect_account(const config::AccountSettings& account,
                                          const ImapTimeouts& timeouts) {
    const bool xoauth2 = account.auth == "xoauth2";
    auto secret = resolve_secret(account.secret, "account \"" + account.name + "\" " +
                                                     (xoauth2 ? "token" : "password"));
    if (!secret) return core::Unexpected(secret.error());
    ImapConnectSettings settings;
    settings.url = account.url;
    settings.user = account.user;
    settings.secret = std::move(*secret);
    settings.xoauth2 = xoauth2;
    settings.tls = account.tls;
    settings.ca_file = expand_path(account.ca_file);
    if (account.tls == config::TlsMode::none) {
        spdlog::warn("account {}: tls = \"none\": the password crosses the network in clear text",
                     account.name);
    }
    return ImapSession::open(settings, timeouts);
}

core::FetchLimits fetch_limits_for(const config::AccountSettings& account) {
    core::FetchLimits limits;
    limits.max_message_bytes = account.max_message_bytes;
    return limits;
}

core::Result<AccountPlan> plan_account(ImapSession& session, core::Store& store,
                                       const config::AccountSettings& account,
                                       const core::FetchLimits& limits) {
    auto listing = session.list_mailboxes();
    if (!listing) return core::Unexpected(listing.error());
    const core::MailboxSelection selection = core::select_mailboxes(account.folders, *listing);
    AccountPlan plan;
    plan.warnings = selection.warnings;
    // Examined last to first, so the first folder (INBOX, where the daemon
    // IDLEs) is the one left selected: a poll that finds nothing new then
    // opens each folder once. Opening a large INBOX again costs Dovecot
    // ~15-30 ms (20,000 messages).
    for (auto choice = selection.folders.rbegin(); choice != selection.folders.rend(); ++choice) {
        auto folder = plan_folder(session, store, account.name, choice->name, limits);
        if (!folder) return core::Unexpected(folder.error());
        plan.bytes += folder->bytes;
        plan.messages += folder->messages;
        plan.folders.emplace_back(choice->name, std::move(*folder));
    }
    std::reverse(plan.folders.begin(), plan.folders.end());
    return plan;
}

core::Result<AccountSyncResult> sync_account(ImapSession& session, core::Store& store,
                                             const core::ClientMatcher& matcher,
                                             const config::AccountSettings& account,
                                             const AccountPlan& plan,
                                             const FolderSyncOptions& options) {
    AccountSyncResult result;
    result.warnings = plan.warnings;
    for (const auto& warning : plan.warnings) spdlog::warn("account {}: {}", account.name, warning);
    std::uint64_t bytes_before = 0, messages_before = 0;
    for (const auto& [name, folder_plan] : plan.folders) {
        FolderSyncOptions folder_options = options;
        if (options.on_progress) {
            folder_options.on_progress = [&, before_bytes = bytes_before,
                                          before_messages = messages_before](std::uint64_t bytes,
                                                                             std::uint64_t messages) {
                options.on_progress(before_bytes + bytes, before_messages + messages);
            };
        }
        if (folder_plan.nothing_to_do()) {
            FolderSyncResult unchanged;
            unchanged.folder = name;
            result.folders.push_back(std::move(unchanged));
            continue;
        }
        // plan_account examined every folder in turn.
        if (auto examined = session.keep_examined(name); !examined) {
            return core::Unexpected(examined.error());
        }
        auto folder = sync_folder(session, store, matcher, account.name, name, folder_plan,
                                  folder_options);
        if (!folder) return core::Unexpected(folder.error());
        bytes_before += folder_plan.bytes;
        messages_before += folder_plan.messages;
        result.stored += folder->stored;
        result.stopped_early = result.stopped_early || folder->stopped_early;
        if (folder->stored.stored > 0 || folder->rematched > 0) {
            spdlog::info("{}/{}: {} new messages stored, {} already present, {} re-matched",
                         account.name, name, folder->stored.stored, folder->stored.already_present,
                         folder->rematched);
        }
        result.folders.push_back(std::move(*folder));
        if (result.stopped_early) break;
    }
    return result;
}

}  // namespace casefile::daemon
