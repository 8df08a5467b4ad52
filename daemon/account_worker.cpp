#include "daemon/account_worker.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <random>
#include <thread>

#include "core/detection_memo.hpp"
#include "daemon/account_sync.hpp"
#include "daemon/message_intake.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {

AccountWorker::AccountWorker(config::AccountSettings account, WorkerOptions options,
                             const SignalWatch& signals, const std::atomic<bool>& stop)
    : account_(std::move(account)), options_(std::move(options)), signals_(signals), stop_(stop) {
    status_ = account_.name + ": starting";
}

std::string AccountWorker::status() const {
    std::lock_guard lock(status_mutex_);
    return status_;
}

void AccountWorker::set_status(std::string text) {
    std::lock_guard lock(status_mutex_);
    status_ = account_.name + ": " + std::move(text);
}

bool AccountWorker::stopping() const { return stop_ || signals_.stop_requested(); }

void AccountWorker::pause(std::chrono::milliseconds delay) const {
    sleep_unless_stopped(signals_, stop_, delay);
}

void AccountWorker::run() {
    SystemClock clock;
    auto store = core::Store::open(options_.store_path, clock);
    if (!store) {
        spdlog::error("account {}: {}", account_.name, store.error().message);
        set_status("store unavailable");
        return;
    }
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // Detection worked out by the fetch worker while batches are stored.
    core::DetectionMemo memo;
    unsigned failures = 0;
    bool outage_noticed = false;
    const auto poll_interval = std::chrono::milliseconds(std::int64_t{account_.poll_seconds} * 1000);

    while (!stopping()) {
        auto failed = [&](const std::string& why) {
            const auto delay = core::backoff_delay(options_.backoff, failures++, unit(random));
            spdlog::warn("account {}: {}; retrying in {} s", account_.name, why,
                         (delay.count() + 999) / 1000);
            set_status("unreachable (" + why + ")");
            if (!outage_noticed) {
                outage_noticed = true;
                (void)store->add_notice(core::Notice{
                    "account_unreachable", account_.name, "",
                    "casefile could not reach the account " + account_.name + ": " + why +
                        ". It keeps retrying; mail is fetched once the server answers."});
            }
            pause(delay);
        };
        auto session = connect_account(account_, options_.timeouts);
        if (!session) {
            failed(session.error().message);
            continue;
        }
        if (outage_noticed) {
            outage_noticed = false;
            (void)store->add_notice(core::Notice{"account_reachable", account_.name, "",
                                                 "The account " + account_.name +
                                                     " is reachable again."});
        }
        spdlog::info("account {}: connected", account_.name);
        const bool can_idle = session->has_capability("IDLE");
        std::string error;
        while (!stopping()) {
            auto identity = store->load_identity();
            if (!identity) {
                error = identity.error().message;
                break;
            }
            const core::ClientMatcher matcher = make_client_matcher(*identity);
            set_status("syncing");
            const auto poll_started = std::chrono::steady_clock::now();
            auto plan = plan_account(*session, *store, account_, fetch_limits_for(account_));
            if (!plan) {
                error = plan.error().message;
                break;
            }
            FolderSyncOptions folder_options;
            folder_options.limits = fetch_limits_for(account_);
            folder_options.should_stop = [&] { return stopping(); };
            if (options_.classify) {
                folder_options.classify = &options_.classify;
                folder_options.memo = &memo;
            }
            auto synced = sync_account(*session, *store, matcher, account_, *plan, folder_options);
            if (!synced) {
                error = synced.error().message;
                break;
            }
            if (options_.classify) {
                if (auto events = store->classify_pending(options_.classify, &memo); !events) {
                    error = events.error().message;
                    break;
                } else if (*events > 0) {
                    spdlog::info("account {}: {} events found", account_.name, *events);
                }
            }
            failures = 0;
            // A poll that finds nothing new should cost next to nothing
            // (issue 3: under 50 ms on loopback); bench/sync_bench.sh reads this.
            spdlog::debug("account {}: poll done in {} ms, {} new messages", account_.name,
                          std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - poll_started)
                              .count(),
                          synced->stored.stored);
            if (stopping() || plan->folders.empty()) break;
            if (can_idle) {
                // IDLE on the first folder (INBOX): new client mail arrives
                // there; the other folders are read at least every poll interval.
                set_status("idle");
                if (auto examined = session->keep_examined(plan->folders.front().first);
                    !examined) {
                    error = examined.error().message;
                    break;
                }
                auto outcome = session->idle(std::min(options_.idle_limit, poll_interval),
                                             signals_.wake_descriptor());
                if (!outcome) {
                    error = outcome.error().message;
                    break;
                }
                if (outcome->woken && !stopping()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
            } else {
                set_status("polling every " + std::to_string(account_.poll_seconds) + " s");
                pause(poll_interval);
            }
        }
        if (!error.empty() && !stopping()) {
            failed(error);
            continue;
        }
        session->logout();
    }
    set_status("stopped");
}

}  // namespace casefile::daemon
