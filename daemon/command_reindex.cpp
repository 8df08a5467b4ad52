// casefile reindex: threads the store again, asks the parser again which
// messages are bulk mail (that verdict is taken when a message is parsed, so
// a changed bulk rule would otherwise reach only new mail), and has the
// current rules read every message again. The events found before are kept,
// marked superseded (each with a ledger entry saying so), never deleted: the
// record shows what casefile said then and what it says now.
#include <cstdio>

#include "daemon/commands.hpp"
#include "parsers/mime_parser.hpp"

namespace casefile::daemon {

int command_reindex(const GlobalOptions& options, Arguments& arguments) {
    if (!finish_arguments(arguments, "casefile reindex")) return kExitUsage;
    auto opened = open_command_store(options, {.needs_classifier = true});
    if (opened.exit_code != kExitOk) return opened.exit_code;
    core::Store* store = &*opened.store;
    const core::Classifier* classifier = &*opened.classifier;
    if (auto threaded = store->rethread(); !threaded) {
        print_error(threaded.error().message);
        return kExitFailure;
    }
    auto rebulked = store->refresh_bulk_flags(
        [](std::string_view raw) { return parsers::parse_message(raw).bulk; });
    if (!rebulked) {
        print_error(rebulked.error().message);
        return kExitFailure;
    }
    auto superseded = store->supersede_events();
    if (!superseded) {
        print_error(superseded.error().message);
        return kExitFailure;
    }
    auto events = store->classify_pending(*classifier);
    if (!events) {
        print_error(events.error().message);
        return kExitFailure;
    }
    std::printf("threaded again; %zu bulk flags changed; %zu earlier events kept as superseded, "
                "%zu events found now\n",
                *rebulked, *superseded, *events);
    return kExitOk;
}

}  // namespace casefile::daemon
