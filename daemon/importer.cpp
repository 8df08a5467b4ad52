#include "daemon/importer.hpp"

#include <future>

#include "daemon/mail_reader.hpp"
#include "daemon/message_intake.hpp"
#include "daemon/progress.hpp"

namespace casefile::daemon {
namespace {

// Reads and parses the next batch. Returns an empty batch at the end.
std::vector<core::IncomingMessage> read_batch(MailReader& reader, const ImportOptions& options,
                                              const core::ClientMatcher& matcher) {
    std::vector<core::IncomingMessage> messages;
    messages.reserve(options.batch_size);
    std::size_t bytes = 0;
    RawMail mail;
    while (messages.size() < options.batch_size && bytes < options.batch_bytes &&
           reader.next(mail)) {
        bytes += mail.bytes.size();
        messages.push_back(take_in(std::move(mail.bytes), std::move(mail.source), matcher));
    }
    return messages;
}

}  // namespace

core::Result<ImportSummary> import_mail(core::Store& store, const std::vector<std::string>& paths,
                                        const core::Clock& clock, const ImportOptions& options) {
    const std::int64_t started = clock.now_unix();
    auto inventory = find_mail(paths);
    if (!inventory) return core::Unexpected(inventory.error());
    auto identity = store.load_identity();
    if (!identity) return core::Unexpected(identity.error());
    const core::ClientMatcher matcher = make_client_matcher(*identity);

    ImportSummary summary;
    summary.skipped_files = inventory->skipped_files;
    Progress progress("importing", inventory->total_bytes);
    MailReader reader(std::move(*inventory));

    // Two stages on two cores: while this thread commits batch N to the
    // store, a worker reads and parses batch N + 1 (reading, parsing and
    // hashing are pure or private to the reader, so no locks are needed; the
    // reader is only touched by one batch at a time).
    auto next_batch = [&] {
        return std::async(std::launch::async, read_batch, std::ref(reader), std::cref(options),
                          std::cref(matcher));
    };
    std::future<std::vector<core::IncomingMessage>> reading = next_batch();
    // What is stored stays stored, however the import ends: batches left
    // open in a transaction are committed.
    core::CommitOpenBatchesOnExit commit_on_exit(store);
    for (std::size_t index = 0;; ++index) {
        std::vector<core::IncomingMessage> batch = reading.get();
        if (batch.empty()) break;
        const std::uint64_t bytes_read = reader.bytes_read();
        reading = next_batch();
        // The run record written after the last batch flushes every batch
        // to disk; until then a power cut can only take back mail that is
        // still in the files (see core::Durability). Most batches join the
        // next one's transaction.
        const bool commit_now = (index + 1) % core::kBatchesPerTransaction == 0;
        auto stored = store.ingest_batch(
            batch, std::nullopt, nullptr,
            commit_now ? core::Durability::kWithNextCommit : core::Durability::kInNextCommit);
        if (!stored) {
            reading.wait();
            return core::Unexpected(stored.error());
        }
        summary.result += *stored;
        summary.messages_read += batch.size();
        if (options.show_progress) progress.update(bytes_read, summary.messages_read);
    }
    if (options.show_progress) progress.finish();
    if (auto committed = store.commit_open_batches(); !committed) {
        return core::Unexpected(committed.error());
    }
    summary.problems = reader.problems();

    core::RunRecord run;
    run.kind = "import";
    for (const auto& path : paths) run.source += (run.source.empty() ? "" : " ") + path;
    run.started_unix = started;
    run.finished_unix = clock.now_unix();
    run.result = summary.result;
    if (auto recorded = store.record_run(run); !recorded) return core::Unexpected(recorded.error());
    return summary;
}

}  // namespace casefile::daemon
