// Syncs one IMAP folder into the store: fetch only UIDs above the folder's
// high-water mark, in batches, each batch stored with its mark in one
// transaction, so a crash at any moment loses nothing and duplicates nothing.
#pragma once

#include <functional>
#include <string>

#include "core/client_attribution.hpp"
#include "core/fetch_plan.hpp"
#include "core/store.hpp"
#include "daemon/imap_session.hpp"

namespace casefile::daemon {

struct FolderSyncOptions {
    core::FetchLimits limits;
    // Checked between batches: SIGTERM finishes the batch in hand, then stops.
    std::function<bool()> should_stop = [] { return false; };
    // Called after each stored batch with the bytes and messages so far.
    std::function<void(std::uint64_t bytes, std::uint64_t messages)> on_progress;
    // When both are set, the fetch worker also runs detection on each message
    // it parses, for the classification after the sync to take from `memo`.
    const core::Classifier* classify = nullptr;
    core::DetectionMemo* memo = nullptr;
};

struct FolderSyncResult {
    std::string folder;
    core::BatchResult stored;
    std::size_t rematched = 0;     // already stored, found by Message-ID and size
    std::size_t placeholders = 0;  // over the size cap: headers only
    bool uidvalidity_changed = false;
    bool stopped_early = false;
};

// Plans the work: how many messages and bytes a sync of `folder` would fetch.
struct FolderPlan {
    ExaminedMailbox examined;
    core::FolderState state;
    std::vector<core::FetchBatch> batches;
    std::uint64_t bytes = 0;
    std::uint64_t messages = 0;
    // The folder was synced before under another UIDVALIDITY: its UIDs
    // name other messages now.
    bool renumbered() const {
        return state.known && state.uidvalidity != 0 && state.uidvalidity != examined.uidvalidity;
    }
    // Nothing to fetch, the folder already known, its UIDVALIDITY unchanged:
    // sync_folder would neither fetch nor record anything.
    bool nothing_to_do() const { return batches.empty() && state.known && !renumbered(); }
};
core::Result<FolderPlan> plan_folder(ImapSession& session, core::Store& store,
                                     const std::string& account, const std::string& folder,
                                     const core::FetchLimits& limits);

core::Result<FolderSyncResult> sync_folder(ImapSession& session, core::Store& store,
                                           const core::ClientMatcher& matcher,
                                           const std::string& account, const std::string& folder,
                                           const FolderPlan& plan, const FolderSyncOptions& options);

}  // namespace casefile::daemon
