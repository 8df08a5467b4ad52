// casefile import PATH...
#include <unistd.h>

#include <cstdio>

#include "daemon/commands.hpp"
#include "daemon/importer.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {

int command_import(const GlobalOptions& options, Arguments& arguments) {
    constexpr std::string_view usage = "casefile import [--quiet] PATH...";
    const bool quiet = arguments.flag("--quiet");
    auto paths = finish_arguments(arguments, usage);
    if (!paths) return kExitUsage;
    if (paths->empty()) {
        print_error("import needs at least one PATH (an mbox, a Maildir, a folder of .eml files "
                    "or .eml files)");
        return kExitUsage;
    }
    auto opened = open_command_store(options, {.needs_classifier = true});
    if (opened.exit_code != kExitOk) return opened.exit_code;
    core::Store* store = &*opened.store;
    const core::Classifier* classifier = &*opened.classifier;
    SystemClock clock;
    ImportOptions import_options;
    import_options.show_progress = !quiet;
    auto summary = import_mail(*store, *paths, clock, import_options);
    if (!summary) {
        print_error(summary.error().message);
        return kExitFailure;
    }
    for (const auto& problem : summary->problems) print_error(problem);
    std::printf("%zu messages read: %zu stored, %zu already present, %zu stored with warnings",
                summary->messages_read, summary->result.stored, summary->result.already_present,
                summary->result.stored_with_warnings);
    if (summary->skipped_files > 0) {
        std::printf("; %zu files skipped (not mail)", summary->skipped_files);
    }
    std::printf("\n");
    if (summary->result.stored_with_warnings > 0) {
        std::printf("Messages with warnings are stored raw; `casefile parse FILE` shows why.\n");
    }
    auto events = store->classify_pending(*classifier);
    if (!events) {
        print_error("the mail is stored, but the rules could not read it: " + events.error().message);
        return kExitFailure;
    }
    if (*events > 0) std::printf("%zu events found (deadlines, scope changes, ...)\n", *events);
    return summary->problems.empty() ? kExitOk : kExitFailure;
}

}  // namespace casefile::daemon
