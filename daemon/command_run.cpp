// casefile run: the daemon. One worker thread per account follows its
// mailbox; this thread talks to systemd (READY, STATUS, WATCHDOG), and
// handles SIGTERM/SIGINT (finish the batch in hand, then exit) and SIGHUP
// (reload the config and restart the workers).
#include <spdlog/spdlog.h>

#include <memory>
#include <thread>

#include "daemon/account_worker.hpp"
#include "daemon/classifier.hpp"
#include "daemon/commands.hpp"
#include "daemon/digest_runner.hpp"
#include "daemon/digest_worker.hpp"
#include "daemon/logging.hpp"
#include "daemon/sd_notify.hpp"
#include "daemon/signals.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

struct Workers {
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<AccountWorker>> workers;
    std::unique_ptr<DigestWorker> digest;
    std::vector<std::thread> threads;

    void start(const config::Settings& settings, const std::string& store_path,
               const SignalWatch& signals, const core::Classifier& classify) {
        stop = false;
        for (const auto& account : settings.accounts) {
            WorkerOptions options;
            options.store_path = store_path;
            options.classify = classify;
            workers.push_back(std::make_unique<AccountWorker>(account, options, signals, stop));
        }
        for (auto& worker : workers) threads.emplace_back([&worker] { worker->run(); });
        if (settings.digest) {
            auto context = digest_context(settings);
            if (!context) {
                spdlog::error("no digest will be sent: {}", context.error().message);
            } else {
                digest = std::make_unique<DigestWorker>(std::move(*context), digest_delivery_for(settings),
                                                        store_path, signals, stop);
                threads.emplace_back([this] { digest->run(); });
            }
        }
    }

    void stop_and_join() {
        stop = true;
        SignalWatch::wake_all();
        for (auto& thread : threads) thread.join();
        threads.clear();
        workers.clear();
        digest.reset();
    }

    std::string status() const {
        std::string text;
        if (workers.empty()) text = "no [[account]] configured; waiting (digest and ledger only)";
        for (const auto& worker : workers) {
            if (!text.empty()) text += "; ";
            text += worker->status();
        }
        if (digest) text += "; " + digest->status();
        return text;
    }
};

}  // namespace

int command_run(const GlobalOptions& options, Arguments& arguments) {
    if (!finish_arguments(arguments, "casefile run")) return kExitUsage;
    setup_logging(options.verbose);
    SignalWatch signals;
    SystemdNotifier notifier;
    SystemClock clock;

    auto config = load_config(options, true);
    if (config.exit_code != kExitOk) return config.exit_code;
    config::Settings settings = std::move(*config.settings);
    std::string store_path_now = store_path(options, settings);
    // Open once here: creates and migrates the store, records the clients.
    if (auto store = open_store(options, settings, clock); !store) {
        print_error(store.error().message);
        return kExitFailure;
    }

    auto classifier = make_classifier(settings);
    if (!classifier) {
        print_error(classifier.error().message);
        return kExitUsage;
    }
    Workers workers;
    workers.start(settings, store_path_now, signals, *classifier);
    spdlog::info("casefile {} running: {} account(s), store {}", CASEFILE_VERSION,
                 settings.accounts.size(), store_path_now);
    std::string last_status = workers.status();
    notifier.ready(last_status);

    const auto tick = notifier.watchdog_interval().value_or(std::chrono::milliseconds(2000));
    while (!signals.stop_requested()) {
        signals.wait(std::min(tick, std::chrono::milliseconds(2000)));
        if (signals.stop_requested()) break;
        if (signals.take_reload_request()) {
            notifier.notify("RELOADING=1");
            spdlog::info("reloading the config");
            auto reloaded = load_config(options, true);
            auto reclassifier = reloaded.settings ? make_classifier(reloaded.settings)
                                                  : core::Result<core::Classifier>(core::fail(""));
            if (!reloaded.settings || !reclassifier) {
                if (reloaded.settings) spdlog::error("{}", reclassifier.error().message);
                spdlog::error("the new config has problems; keeping the running one");
            } else {
                classifier = std::move(reclassifier);
                workers.stop_and_join();
                settings = std::move(*reloaded.settings);
                store_path_now = store_path(options, settings);
                if (auto store = open_store(options, settings, clock); !store) {
                    spdlog::error("{}", store.error().message);
                }
                workers.start(settings, store_path_now, signals, *classifier);
            }
            signals.drain();
            notifier.ready(workers.status());
        } else {
            signals.drain();
        }
        notifier.watchdog();
        const std::string status_now = workers.status();
        if (status_now != last_status) {
            notifier.status(status_now);
            last_status = status_now;
        }
    }
    notifier.stopping();
    spdlog::info("stopping: finishing the batch in hand");
    workers.stop_and_join();
    spdlog::info("stopped");
    return kExitOk;
}

}  // namespace casefile::daemon
