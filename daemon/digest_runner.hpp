// Building and sending the daily digest exactly once per local day, for
// `casefile digest` and the daemon's digest thread.
//
// Exactly-once: the composed mail is recorded as pending (with its bytes)
// before it is handed to the server, and marked sent only after the server
// accepted it. A crash in between leaves it pending; the next attempt sends
// the same bytes with the same Message-ID, so the VA gets it at most twice
// in that one case and never loses it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "config/settings.hpp"
#include "core/digest.hpp"
#include "core/digest_schedule.hpp"
#include "core/result.hpp"
#include "core/store.hpp"
#include "core/time_zone.hpp"
#include "core/working_week.hpp"

namespace casefile::daemon {

// What the digest needs from the config, with the time zone loaded.
struct DigestContext {
    config::DigestSettings digest;
    core::TimeZone zone;
    core::WorkingWeek working_week;
    int time_minutes = 7 * 60 + 30;
};

// Fails (naming the key) when [digest] is missing or its time or the VA's
// time zone cannot be used.
core::Result<DigestContext> digest_context(const config::Settings& settings);

struct ComposedDigest {
    core::DigestText content;
    std::string message_id;
    std::string message;  // RFC 5322 bytes, CRLF
    std::string ledger_head;
};

// The digest for `window` as it would be sent at `now`; records nothing.
core::Result<ComposedDigest> build_digest(core::Store& store, const DigestContext& context,
                                          const core::DigestWindow& window, std::int64_t now);

// Hands the bytes to the server (SMTP, IMAP APPEND or a file).
using DigestDelivery = std::function<core::Result<void>(const std::string& message)>;

// The delivery [digest] configures (daemon/digest_delivery.hpp), with a
// failure that needs the VA (a 5xx reply, a refused login, a missing folder)
// saying so.
DigestDelivery digest_delivery_for(const config::Settings& settings);

enum class DigestOutcome { sent, resent_pending, already_sent, skipped_quiet };

// Sends the digest for `window` unless its record says it went out already.
// On a delivery failure the record stays pending and the error is returned;
// calling again re-sends the same bytes.
core::Result<DigestOutcome> send_digest_once(core::Store& store, const DigestContext& context,
                                             const core::DigestWindow& window, std::int64_t now,
                                             const DigestDelivery& deliver);

}  // namespace casefile::daemon
