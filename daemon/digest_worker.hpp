// The daemon's digest thread: sends each day's digest once, at the VA's
// chosen local time; at start it sends the latest one that is due and was
// never sent (the machine was off, the daemon down), then sleeps until the
// next. A failed delivery is retried with backoff and noted for the VA.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include "core/backoff.hpp"
#include "daemon/digest_runner.hpp"
#include "daemon/signals.hpp"

namespace casefile::daemon {

class DigestWorker {
public:
    DigestWorker(DigestContext context, DigestDelivery deliver, std::string store_path,
                 const SignalWatch& signals, const std::atomic<bool>& stop,
                 core::BackoffPolicy backoff = {});

    // Runs until `stop` or a stop signal. Never throws.
    void run();

    // For systemd's STATUS= ("digest: next Tue 1 Dec 07:30").
    std::string status() const;

private:
    void set_status(std::string text);

    DigestContext context_;
    DigestDelivery deliver_;
    std::string store_path_;
    const SignalWatch& signals_;
    const std::atomic<bool>& stop_;
    core::BackoffPolicy backoff_;
    mutable std::mutex status_mutex_;
    std::string status_ = "digest: starting";
};

}  // namespace casefile::daemon
