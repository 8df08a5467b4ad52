// One pass over one account: connect (or reuse a session), choose the
// folders, sync each (the store threads every batch as it commits it).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "core/client_attribution.hpp"
#include "core/store.hpp"
#include "daemon/folder_sync.hpp"
#include "daemon/imap_session.hpp"

namespace casefile::daemon {

// Resolves the account's secret (password or OAuth2 token, fetched again on
// every call so a token helper can refresh it) and connects.
core::Result<ImapSession> connect_account(const config::AccountSettings& account,
                                          const ImapTimeouts& timeouts);

struct AccountSyncResult {
    std::vector<FolderSyncResult> folders;
    std::vector<std::string> warnings;  // e.g. a configured folder the server lacks
    core::BatchResult stored;
    bool stopped_early = false;
};

struct AccountPlan {
    std::vector<std::pair<std::string, FolderPlan>> folders;  // in sync order
    std::vector<std::string> warnings;
    std::uint64_t bytes = 0;
    std::uint64_t messages = 0;
};

core::Result<AccountPlan> plan_account(ImapSession& session, core::Store& store,
                                       const config::AccountSettings& account,
                                       const core::FetchLimits& limits);

core::Result<AccountSyncResult> sync_account(ImapSession& session, core::Store& store,
                                             const core::ClientMatcher& matcher,
                                             const config::AccountSettings& account,
                                             const AccountPlan& plan,
                                             const FolderSyncOptions& options);

core::FetchLimits fetch_limits_for(const config::AccountSettings& account);

}  // namespace casefile::daemon
