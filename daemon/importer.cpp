#include "daemon/importer.hpp"

#include <future>

#include "daemon/mail_reader.hpp"
#include "daemon/message_intake.hpp"
#include "daemon/progress.hpp"

namespace casefile::daemon {
namespace {

std::vector<core::IncomingMessage> take_in_all(std::vector<RawMail> batch,
                                               const core::ClientMatcher& matcher) {
    std::vector<core::IncomingMessage> messages;
    messages.reserve(batch.size());
    for (RawMail& mail : batch) {
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

    // Two stages on two cores: while the store commits batch N on this thread,
    // a worker parses batch N + 1. Parsing is pure, so this needs no locks.
    std::future<std::vector<core::IncomingMessage>> parsing;
    auto store_parsed = [&]() -> core::Result<void> {
        if (!parsing.valid()) return core::ok();
        std::vector<core::IncomingMessage> parsed = parsing.get();
        auto stored = store.ingest_batch(parsed);
        if (!stored) return core::Unexpected(stored.error());
        summary.result += *stored;
        summary.messages_read += parsed.size();
        if (options.show_progress) progress.update(reader.bytes_read(), summary.messages_read);
        return core::ok();
    };

    bool more = true;
    while (more) {
        std::vector<RawMail> batch;
        batch.reserve(options.batch_size);
        RawMail mail;
        while (batch.size() < options.batch_size && (more = reader.next(mail))) {
            batch.push_back(std::move(mail));
        }
        if (auto stored = store_parsed(); !stored) return core::Unexpected(stored.error());
        if (!batch.empty()) {
            parsing = std::async(std::launch::async, take_in_all, std::move(batch),
                                 std::cref(matcher));
        }
    }
    if (auto stored = store_parsed(); !stored) return core::Unexpected(stored.error());
    if (options.show_progress) progress.finish();
    summary.problems = reader.problems();

    if (auto threaded = store.rethread(); !threaded) return core::Unexpected(threaded.error());
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
