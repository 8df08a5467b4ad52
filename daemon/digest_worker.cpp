#include "daemon/digest_worker.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>

#include "core/timestamp.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

// "2026-12-01 07:30" in the VA's zone, for the status line and the log.
std::string local_time(std::int64_t unix_seconds, const core::TimeZone& zone) {
    const std::string iso = core::to_iso8601(core::Timestamp{unix_seconds, zone.offset_minutes_at(unix_seconds)});
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

}  // namespace

DigestWorker::DigestWorker(DigestContext context, DigestDelivery deliver, std::string store_path,
                           const SignalWatch& signals, const std::atomic<bool>& stop,
                           core::BackoffPolicy backoff)
    : context_(std::move(context)), deliver_(std::move(deliver)), store_path_(std::move(store_path)),
      signals_(signals), stop_(stop), backoff_(backoff) {}

std::string DigestWorker::status() const {
    std::lock_guard lock(status_mutex_);
    return status_;
}

void DigestWorker::set_status(std::string text) {
    std::lock_guard lock(status_mutex_);
    status_ = "digest: " + std::move(text);
}

void DigestWorker::run() {
    SystemClock clock;
    auto store = core::Store::open(store_path_, clock);
    if (!store) {
        spdlog::error("digest: {}", store.error().message);
        set_status("store unavailable");
        return;
    }
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    unsigned failures = 0;
    while (!stop_ && !signals_.stop_requested()) {
        const std::int64_t now = clock.now_unix();
        const core::DigestWindow window = core::latest_due_window(now, context_.time_minutes, context_.zone);
        auto sent = send_digest_once(*store, context_, window, now, deliver_);
        if (!sent) {
            const auto delay = core::backoff_delay(backoff_, failures++, unit(random));
            spdlog::warn("digest for {}: {}; retrying in {} s", window.day_text, sent.error().message,
                         (delay.count() + 999) / 1000);
            if (failures == 1) {
                (void)store->add_notice(core::Notice{
                    "digest_failed", "", "",
                    "The digest for " + window.day_text + " could not be delivered (" +
                        sent.error().message + "); casefile keeps retrying."});
            }
            set_status("the digest for " + window.day_text + " is not delivered yet; retrying");
            sleep_unless_stopped(signals_, stop_, delay);
            continue;
        }
        if (*sent == DigestOutcome::sent || *sent == DigestOutcome::resent_pending) {
            spdlog::info("digest for {} delivered{}", window.day_text,
                         *sent == DigestOutcome::resent_pending ? " (the pending copy, re-sent)" : "");
        } else if (*sent == DigestOutcome::skipped_quiet) {
            spdlog::info("digest for {}: a quiet day, not sent (send_empty = false)", window.day_text);
        }
        failures = 0;
        const std::int64_t next_due =
            core::digest_window(window.day + 1, context_.time_minutes, context_.zone).due;
        set_status("next " + local_time(next_due, context_.zone));
        // Wake at least hourly: a clock change or a suspended machine must
        // not make the daemon sleep past the due time.
        const std::int64_t wait_seconds = std::clamp<std::int64_t>(next_due - clock.now_unix(), 1, 3600);
        sleep_unless_stopped(signals_, stop_, std::chrono::seconds(wait_seconds));
    }
    set_status("stopped");
}

}  // namespace casefile::daemon
