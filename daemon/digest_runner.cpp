#include "daemon/digest_runner.hpp"

#include "core/outgoing_mail.hpp"
#include "core/sha256.hpp"
#include "core/timestamp.hpp"
#include "daemon/digest_delivery.hpp"
#include "daemon/working_time.hpp"

namespace casefile::daemon {
namespace {

std::string domain_of(const std::string& address) {
    const auto at = address.rfind('@');
    return at == std::string::npos ? "casefile.invalid" : address.substr(at + 1);
}

}  // namespace

DigestDelivery digest_delivery_for(const config::Settings& settings) {
    return [digest = *settings.digest, accounts = settings.accounts](const std::string& message)
               -> core::Result<void> {
        auto delivered = deliver_digest(digest, accounts, message);
        if (delivered) return core::ok();
        if (delivered.error().transient) return core::fail(delivered.error().message);
        return core::fail(delivered.error().message + " (this needs a change to [digest] or the "
                                                      "server; retrying will not help)");
    };
}

core::Result<DigestContext> digest_context(const config::Settings& settings) {
    if (!settings.digest) {
        return core::fail(settings.source_file + ": no [digest] table: add one with time, to and from "
                          "(see casefile init --print)");
    }
    DigestContext context;
    context.digest = *settings.digest;
    const auto minutes = core::parse_digest_time(context.digest.time);
    if (!minutes) {
        return core::fail(settings.source_file + ": digest.time: \"" + context.digest.time +
                          "\" is not a time such as \"07:30\"");
    }
    context.time_minutes = *minutes;
    auto working = working_time_for(settings);
    if (!working) return core::Unexpected(working.error());
    context.zone = std::move(working->zone);
    context.working_week = working->week;
    return context;
}

core::Result<ComposedDigest> build_digest(core::Store& store, const DigestContext& context,
                                          const core::DigestWindow& window, std::int64_t now) {
    core::DigestQuery query;
    query.window_start = window.start;
    query.window_end = window.end;
    query.working_week = context.working_week;
    query.zone = context.zone;
    auto data = store.digest_data(query);
    if (!data) return core::Unexpected(data.error());
    data->day_label = window.day_label;

    ComposedDigest composed;
    composed.content = core::compose_digest(*data);
    composed.ledger_head = data->ledger_head;
    // Stable for the day and the record it describes; unique across days.
    composed.message_id = "digest-" + window.day_text + "." +
                          core::sha256_hex(window.day_text + data->ledger_head).substr(0, 12) +
                          "@" + domain_of(context.digest.from_address);
    core::OutgoingMail mail;
    mail.from = context.digest.from;
    mail.to = context.digest.to;
    mail.subject = composed.content.subject;
    mail.message_id = composed.message_id;
    mail.date = core::Timestamp{now, context.zone.offset_minutes_at(now)};
    mail.text_body = composed.content.text;
    mail.html_body = composed.content.html;
    mail.extra_headers = {{"X-Casefile-Digest", window.day_text},
                          {"X-Casefile-Ledger-Head", data->ledger_head}};
    composed.message = core::compose_mail(mail);
    return composed;
}

core::Result<DigestOutcome> send_digest_once(core::Store& store, const DigestContext& context,
                                             const core::DigestWindow& window, std::int64_t now,
                                             const DigestDelivery& deliver) {
    auto record = store.digest_record(window.day_text);
    if (!record) return core::Unexpected(record.error());
    DigestOutcome outcome = DigestOutcome::sent;
    std::string message;
    if (*record) {
        if ((*record)->state != "pending") return DigestOutcome::already_sent;
        message = (*record)->message;  // the same bytes, the same Message-ID
        outcome = DigestOutcome::resent_pending;
    } else {
        auto composed = build_digest(store, context, window, now);
        if (!composed) return core::Unexpected(composed.error());
        core::DigestRecord fresh;
        fresh.day = window.day_text;
        fresh.window_start = to_iso8601(core::Timestamp{window.start, 0});
        fresh.window_end = to_iso8601(core::Timestamp{window.end, 0});
        fresh.message_id = composed->message_id;
        fresh.ledger_head = composed->ledger_head;
        fresh.message = composed->message;
        if (composed->content.quiet && !context.digest.send_empty) {
            fresh.state = "skipped";
            auto saved = store.save_digest(fresh);
            if (!saved) return core::Unexpected(saved.error());
            return DigestOutcome::skipped_quiet;
        }
        fresh.state = "pending";
        auto saved = store.save_digest(fresh);
        if (!saved) return core::Unexpected(saved.error());
        if (!*saved) return DigestOutcome::already_sent;  // another process got there first
        message = std::move(composed->message);
    }
    if (auto delivered = deliver(message); !delivered) return core::Unexpected(delivered.error());
    if (auto marked = store.mark_digest_sent(window.day_text); !marked) {
        return core::Unexpected(marked.error());
    }
    return outcome;
}

}  // namespace casefile::daemon
