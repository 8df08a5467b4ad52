// casefile digest [--date YYYY-MM-DD] [--print | --send]: the daily digest
// by hand. Without a flag it shows the plain-text digest; --print writes the
// whole mail as it would be sent (RFC 5322, MIME); --send delivers it the way
// [digest] says, exactly once per day, like the daemon.
#include <cstdio>

#include "daemon/commands.hpp"
#include "daemon/digest_runner.hpp"
#include "daemon/logging.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage = "casefile digest [--date YYYY-MM-DD] [--print | --send]";

void write_out(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace

int command_digest(const GlobalOptions& options, Arguments& arguments) {
    const bool print = arguments.flag("--print");
    const bool send = arguments.flag("--send");
    const std::optional<std::string> date = arguments.option("--date");
    if (!finish_arguments(arguments, kUsage)) return kExitUsage;
    if (print && send) {
        print_error("--print and --send exclude each other");
        return kExitUsage;
    }
    setup_logging(options.verbose);
    auto config = load_config(options, true);
    if (config.exit_code != kExitOk) return config.exit_code;
    const config::Settings& settings = *config.settings;
    auto context = digest_context(settings);
    if (!context) {
        print_error(context.error().message);
        return kExitUsage;
    }

    SystemClock clock;
    const std::int64_t now = clock.now_unix();
    core::DigestWindow window = core::latest_due_window(now, context->time_minutes, context->zone);
    if (date) {
        const auto day = core::parse_day(*date);
        if (!day) {
            print_error("--date wants a day such as 2026-11-30, not \"" + *date + "\"");
            return kExitUsage;
        }
        window = core::digest_window(*day, context->time_minutes, context->zone);
    }
    auto store = open_store(options, settings, clock);
    if (!store) {
        print_error(store.error().message);
        return kExitFailure;
    }

    if (!send) {
        auto composed = build_digest(*store, *context, window, now);
        if (!composed) {
            print_error(composed.error().message);
            return kExitFailure;
        }
        write_out(print ? composed->message
                        : "Subject: " + composed->content.subject + "\n\n" + composed->content.text);
        return kExitOk;
    }

    auto sent = send_digest_once(*store, *context, window, now, digest_delivery_for(settings));
    if (!sent) {
        print_error("the digest for " + window.day_text + " was not delivered: " + sent.error().message +
                    " (it stays pending; casefile digest --send or the daemon will send it again)");
        return kExitFailure;
    }
    switch (*sent) {
        case DigestOutcome::sent:
            std::printf("the digest for %s was delivered (%s)\n", window.day_text.c_str(),
                        context->digest.delivery.c_str());
            break;
        case DigestOutcome::resent_pending:
            std::printf("the digest for %s was delivered: the copy left pending by an earlier "
                        "attempt, with the same Message-ID\n",
                        window.day_text.c_str());
            break;
        case DigestOutcome::already_sent:
            std::printf("the digest for %s was sent before; nothing sent again\n",
                        window.day_text.c_str());
            break;
        case DigestOutcome::skipped_quiet:
            std::printf("nothing new on %s and send_empty = false; no digest sent\n",
                        window.day_text.c_str());
            break;
    }
    return kExitOk;
}

}  // namespace casefile::daemon
