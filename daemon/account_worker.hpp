// Follows one IMAP account for `casefile run`: sync, then IDLE (or poll),
// sync again on change; on any failure reconnect with backoff and jitter.
// Each worker has its own store connection and runs on its own thread.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "config/settings.hpp"
#include "core/backoff.hpp"
#include "core/store_types.hpp"
#include "daemon/imap_session.hpp"
#include "daemon/signals.hpp"

namespace casefile::daemon {

struct WorkerOptions {
    std::string store_path;
    // Detection over what each sync stored (empty: none).
    core::Classifier classify;
    core::BackoffPolicy backoff;
    ImapTimeouts timeouts;
    // RFC 2177 §3: servers may drop an IDLE after 30 minutes; re-issue before.
    std::chrono::milliseconds idle_limit{std::chrono::minutes(28)};
};

class AccountWorker {
public:
    AccountWorker(config::AccountSettings account, WorkerOptions options, const SignalWatch& signals,
                  const std::atomic<bool>& stop);

    // Runs until `stop` or a stop signal. Never throws.
    void run();

    // One line for systemd's STATUS= ("work: idle, 1234 messages").
    std::string status() const;

private:
    void set_status(std::string text);
    bool stopping() const;
    // Sleeps up to `delay`, returning early when asked to stop.
    void pause(std::chrono::milliseconds delay) const;

    config::AccountSettings account_;
    WorkerOptions options_;
    const SignalWatch& signals_;
    const std::atomic<bool>& stop_;
    mutable std::mutex status_mutex_;
    std::string status_;
};

}  // namespace casefile::daemon
