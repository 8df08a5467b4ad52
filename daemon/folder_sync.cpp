#include "daemon/folder_sync.hpp"

#include <spdlog/spdlog.h>

#include <future>
#include <map>

#include "core/detection_memo.hpp"
#include "daemon/message_intake.hpp"

namespace casefile::daemon {
namespace {

// The Message-ID out of a "Message-ID: <...>" header block, or "".
std::string message_id_of(const std::string& header_block) {
    const std::size_t open = header_block.find('<');
    const std::size_t close = header_block.find('>', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) return {};
    return header_block.substr(open + 1, close - open - 1);
}

std::string source_of(const std::string& account, const std::string& folder) {
    return "imap:" + account + "/" + folder;
}

// Messages already stored (imported earlier, or before a UIDVALIDITY change)
// are recognised by Message-ID and exact size, so only their UIDs are recorded.
core::Result<std::vector<std::pair<std::uint32_t, std::int64_t>>> rematch(
    ImapSession& session, core::Store& store, std::vector<std::uint32_t>& uids) {
    std::vector<std::pair<std::uint32_t, std::int64_t>> known;
    auto headers = session.fetch_message_id_headers(uids);
    if (!headers) return core::Unexpected(headers.error());
    std::map<std::uint32_t, std::int64_t> found;
    for (const FetchedMessage& header : *headers) {
        const std::string message_id = message_id_of(header.bytes);
        if (message_id.empty() || header.size == 0) continue;
        auto row = store.find_message(message_id, header.size);
        if (!row) return core::Unexpected(row.error());
        if (*row) found[header.uid] = **row;
    }
    std::erase_if(uids, [&](std::uint32_t uid) { return found.count(uid) > 0; });
    known.assign(found.begin(), found.end());
    return known;
}

// One batch as fetched and parsed, ready to store.
struct FetchedBatch {
    std::vector<core::IncomingMessage> messages;
    std::uint64_t bytes = 0;
};

// Fetches a batch's bodies (and the headers of its oversized messages) and
// parses them. Runs on the sync's worker thread: touches the session, never
// the store. `stored` is the batch stored before, freed here first: freeing
// 500 parsed messages took ~90 ms of the storing thread's ~1.8 s (20,000
// Enron messages), and that thread is the one the sync waits for.
core::Result<FetchedBatch> fetch_batch(ImapSession& session, core::FetchBatch batch,
                                       const core::ClientMatcher& matcher,
                                       const std::string& source,
                                       const FolderSyncOptions& options, FetchedBatch stored) {
    { [[maybe_unused]] const FetchedBatch freed = std::move(stored); }
    FetchedBatch out;
    out.messages.reserve(batch.uids.size() + batch.oversized_uids.size());
    auto take = [&](FetchedMessage&& fetched, bool placeholder) {
        out.bytes += fetched.size;
        core::IncomingMessage message = take_in(std::move(fetched.bytes), source, matcher);
        message.uid = fetched.uid;
        if (placeholder) {
            message.placeholder_size = fetched.size;
            message.parsed.warnings.push_back(
                "message of " + std::to_string(fetched.size) +
                " bytes is over the size cap; only its headers were stored");
        }
        if (options.classify && options.memo && !placeholder) {
            options.memo->work_out(message, *options.classify);
        }
        out.messages.push_back(std::move(message));
    };
    auto bodies = session.fetch(batch.uids, false,
                                [&](FetchedMessage&& message) { take(std::move(message), false); });
    if (!bodies) return core::Unexpected(bodies.error());
    auto headers = session.fetch(batch.oversized_uids, true,
                                 [&](FetchedMessage&& message) { take(std::move(message), true); });
    if (!headers) return core::Unexpected(headers.error());
    return out;
}

}  // namespace

core::Result<FolderPlan> plan_folder(ImapSession& session, core::Store& store,
                                     const std::string& account, const std::string& folder,
                                     const core::FetchLimits& limits) {
    FolderPlan plan;
    auto examined = session.examine(folder);
    if (!examined) return core::Unexpected(examined.error());
    plan.examined = *examined;
    auto state = store.folder_state(account, folder);
    if (!state) return core::Unexpected(state.error());
    plan.state = *state;
    const bool renumbered = plan.renumbered();
    const std::uint32_t high_water = renumbered ? 0 : state->highest_uid;
    if (examined->exists == 0) return plan;
    // Nothing new: UIDNEXT says so without a FETCH (a no-change poll stays cheap).
    if (!renumbered && examined->uidnext != 0 && examined->uidnext <= high_water + 1) return plan;
    auto sizes = session.uid_sizes(high_water + 1);
    if (!sizes) return core::Unexpected(sizes.error());
    plan.batches = core::plan_fetch(std::move(*sizes), high_water, limits);
    for (const auto& batch : plan.batches) plan.messages += batch.uids.size() + batch.oversized_uids.size();
    for (const auto& item : *sizes) {
        if (item.uid > high_water) plan.bytes += item.size;
    }
    return plan;
}

core::Result<FolderSyncResult> sync_folder(ImapSession& session, core::Store& store,
                                           const core::ClientMatcher& matcher,
                                           const std::string& account, const std::string& folder,
                                           const FolderPlan& plan, const FolderSyncOptions& options) {
    FolderSyncResult result;
    result.folder = folder;
    const std::uint32_t uidvalidity = plan.examined.uidvalidity;
    const core::FolderState& state = plan.state;
    result.uidvalidity_changed = plan.renumbered();
    if (result.uidvalidity_changed) {
        spdlog::warn("{}/{}: UIDVALIDITY changed from {} to {}; re-matching stored mail", account,
                     folder, state.uidvalidity, uidvalidity);
        auto noticed = store.add_notice(core::Notice{
            "uidvalidity_changed", account, folder,
            "The server renumbered the folder " + folder + " (UIDVALIDITY " +
                std::to_string(state.uidvalidity) + " -> " + std::to_string(uidvalidity) +
                "). casefile re-matched the mail it already had and fetched only what was new; "
                "nothing was lost or stored twice."});
        if (!noticed) return core::Unexpected(noticed.error());
    }
    const std::uint32_t high_water = result.uidvalidity_changed ? 0 : state.highest_uid;
    if (!state.known || result.uidvalidity_changed) {
        // Record the folder and its current UIDVALIDITY now, so an empty
        // folder is known and a renumbering is reported once.
        auto recorded = store.record_known(
            core::FolderProgress{account, folder, uidvalidity, high_water}, {});
        if (!recorded) return core::Unexpected(recorded.error());
    }
    // After a renumbering, or when this folder was never synced but mail was
    // imported (or came through another folder), look for what is already
    // stored before fetching bodies. Into an empty store nothing can match,
    // and skipping spares each batch a header FETCH and a lookup per message.
    auto stored_before = store.holds_messages();
    if (!stored_before) return core::Unexpected(stored_before.error());
    const bool try_rematch = high_water == 0 && *stored_before;

    // Two stages on two cores, as in import: while this thread stores batch
    // N (with its high-water mark, in one transaction), a worker fetches and
    // parses batch N + 1. The session is used by one of them at a time: the
    // re-match of the next batch runs here, after the worker has finished.
    std::uint64_t bytes_done = 0, messages_done = 0;
    std::future<core::Result<FetchedBatch>> fetching;
    FetchedBatch stored_batch;  // handed to the next fetch to free
    auto start_fetch = [&](std::size_t index) -> core::Result<void> {
        core::FetchBatch batch = plan.batches[index];
        if (try_rematch) {
            auto known = rematch(session, store, batch.uids);
            if (!known) return core::Unexpected(known.error());
            if (!known->empty()) {
                result.rematched += known->size();
                // The mark stays where it was; storing the batch advances it.
                auto recorded = store.record_known(
                    core::FolderProgress{account, folder, uidvalidity, high_water}, *known);
                if (!recorded) return core::Unexpected(recorded.error());
            }
        }
        fetching = std::async(std::launch::async, fetch_batch, std::ref(session), std::move(batch),
                              std::cref(matcher), source_of(account, folder), std::cref(options),
                              std::move(stored_batch));
        return {};
    };
    if (!plan.batches.empty()) {
        if (options.should_stop()) {
            result.stopped_early = true;
        } else if (auto started = start_fetch(0); !started) {
            return core::Unexpected(started.error());
        }
    }
    // A failure may leave batches stored in a transaction still open: what
    // was stored is whole and good, so it is committed, not taken back.
    core::CommitOpenBatchesOnExit commit_on_exit(
        store, [](const core::Error& error) { spdlog::warn("{}", error.message); });
    for (std::size_t index = 0; fetching.valid(); ++index) {
        auto fetched = fetching.get();
        if (!fetched) return core::Unexpected(fetched.error());
        if (index + 1 < plan.batches.size()) {
            if (options.should_stop()) {
                result.stopped_early = true;
            } else if (auto started = start_fetch(index + 1); !started) {
                return core::Unexpected(started.error());
            }
        }
        const core::FetchBatch& batch = plan.batches[index];
        const core::FolderProgress progress{account, folder, uidvalidity, batch.highest_uid};
        // UIDs missing from the answers were expunged meanwhile: nothing to
        // keep, and the mark may pass them.
        // While another batch is on its way, this one need not be on disk
        // yet: the next commit, or the last one of the folder, flushes it;
        // most batches join the next one's transaction (see core::Durability).
        // A re-match writes between batches, so then each commits alone.
        core::Durability durability = core::Durability::kOnDisk;
        if (fetching.valid()) {
            const bool commit_now = try_rematch || (index + 1) % core::kBatchesPerTransaction == 0;
            durability =
                commit_now ? core::Durability::kWithNextCommit : core::Durability::kInNextCommit;
        }
        auto stored = store.ingest_batch(fetched->messages, progress, options.memo, durability);
        if (!stored) {
            if (fetching.valid()) fetching.wait();  // the worker still holds the session
            return core::Unexpected(stored.error());
        }
        bytes_done += fetched->bytes;
        result.stored += *stored;
        result.placeholders += batch.oversized_uids.size();
        messages_done += batch.uids.size() + batch.oversized_uids.size();
        spdlog::debug("{}/{}: stored {} new, {} already present, up to UID {}", account, folder,
                      stored->stored, stored->already_present, batch.highest_uid);
        if (options.on_progress) options.on_progress(bytes_done, messages_done);
        stored_batch = std::move(*fetched);
    }
    if (result.placeholders > 0) {
        auto noticed = store.add_notice(core::Notice{
            "oversized", account, folder,
            std::to_string(result.placeholders) + " message(s) in " + folder +
                " were over the size cap; their headers and sizes are stored"});
        if (!noticed) return core::Unexpected(noticed.error());
    }
    return result;
}

}  // namespace casefile::daemon
