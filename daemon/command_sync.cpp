// casefile sync: one pass over every configured account, with a progress bar
// for the first large sync. The daemon (`casefile run`) does the same pass
// and then follows the mailbox.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "core/detection_memo.hpp"
#include "daemon/account_sync.hpp"
#include "daemon/classifier.hpp"
#include "daemon/commands.hpp"
#include "daemon/logging.hpp"
#include "daemon/message_intake.hpp"
#include "daemon/progress.hpp"
#include "daemon/signals.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {

int command_sync(const GlobalOptions& options, Arguments& arguments) {
    const bool quiet = arguments.flag("--quiet");
    const auto only_account = arguments.option("--account");
    if (!finish_arguments(arguments, "casefile sync [--account NAME] [--quiet]")) return kExitUsage;
    setup_logging(options.verbose);
    auto config = load_config(options, true);
    if (config.exit_code != kExitOk) return config.exit_code;
    const config::Settings& settings = *config.settings;
    if (settings.accounts.empty()) {
        print_error("the config has no [[account]]; add one to sync (casefile init shows how)");
        return kExitUsage;
    }
    auto classifier = make_classifier(config.settings);
    if (!classifier) {
        print_error(classifier.error().message);
        return kExitUsage;
    }
    SystemClock clock;
    auto store = open_store(options, config.settings, clock);
    if (!store) {
        print_error(store.error().message);
        return kExitFailure;
    }
    auto identity = store->load_identity();
    if (!identity) {
        print_error(identity.error().message);
        return kExitFailure;
    }
    const core::ClientMatcher matcher = make_client_matcher(*identity);
    SignalWatch signals;
    // Detection worked out by the fetch worker while batches are stored.
    core::DetectionMemo memo;

    int exit_code = kExitOk;
    bool matched_account = false;
    for (const config::AccountSettings& account : settings.accounts) {
        if (only_account && account.name != *only_account) continue;
        matched_account = true;
        const std::int64_t started = clock.now_unix();
        auto session = connect_account(account, ImapTimeouts{});
        if (!session) {
            print_error("account " + account.name + ": " + session.error().message);
            exit_code = kExitFailure;
            continue;
        }
        const core::FetchLimits limits = fetch_limits_for(account);
        auto plan = plan_account(*session, *store, account, limits);
        if (!plan) {
            print_error("account " + account.name + ": " + plan.error().message);
            exit_code = kExitFailure;
            continue;
        }
        Progress progress("syncing " + account.name, plan->bytes);
        FolderSyncOptions folder_options;
        folder_options.limits = limits;
        folder_options.should_stop = [&] { return signals.stop_requested(); };
        folder_options.classify = &*classifier;
        folder_options.memo = &memo;
        if (!quiet) {
            folder_options.on_progress = [&](std::uint64_t bytes, std::uint64_t messages) {
                progress.update(bytes, messages);
            };
        }
        auto result = sync_account(*session, *store, matcher, account, *plan, folder_options);
        progress.finish();
        session->logout();
        if (!result) {
            print_error("account " + account.name + ": " + result.error().message);
            exit_code = kExitFailure;
            continue;
        }
        for (const auto& warning : result->warnings) print_error("account " + account.name + ": " + warning);
        for (const auto& folder : result->folders) {
            std::printf("%s/%s: %zu stored, %zu already present, %zu re-matched%s%s\n",
                        account.name.c_str(), folder.folder.c_str(), folder.stored.stored,
                        folder.stored.already_present, folder.rematched,
                        folder.placeholders ? ", some over the size cap (headers only)" : "",
                        folder.uidvalidity_changed ? " (the server renumbered this folder)" : "");
        }
        core::RunRecord run{"sync", "imap:" + account.name, started, clock.now_unix(), result->stored};
        if (auto recorded = store->record_run(run); !recorded) print_error(recorded.error().message);
        if (result->stopped_early) {
            std::printf("Stopped on request; the next sync continues where this one stopped.\n");
            break;
        }
    }
    if (only_account && !matched_account) {
        print_error("no account named \"" + *only_account + "\" in the config");
        return kExitUsage;
    }
    // What a sync stopped early (or a crash) left unread is read next time.
    auto events = store->classify_pending(*classifier, &memo);
    spdlog::debug("detection worked out during the sync: {} messages took it, {} were read again",
                  memo.hits(), memo.misses());
    if (!events) {
        print_error("the mail is stored, but the rules could not read it: " + events.error().message);
        exit_code = kExitFailure;
    } else if (*events > 0) {
        std::printf("%zu events found (deadlines, scope changes, ...)\n", *events);
    }
    return exit_code;
}

}  // namespace casefile::daemon
