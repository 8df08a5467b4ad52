// rules_bench MAILDIR [PASSES]: detection throughput on real mail. Reads every
// file under MAILDIR (recursively: cur/, new/, subfolders), parses it and
// splits its zones once, then times detect() alone - the default rules plus
// date resolution on each message's own text - over PASSES passes (default
// 3). Prints messages/second on one core and the events found per category.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"
#include "parsers/mime_headers.hpp"
#include "parsers/mime_parser.hpp"

namespace {

struct Prepared {
    std::string own_text;
    std::string subject;  // read for a deadline asked in the subject only
    casefile::core::Timestamp date;
    bool first_in_thread = false;
    bool bulk = false;
};

std::string_view header_value(const casefile::parsers::HeaderBlock& headers, std::string_view name) {
    const auto* field = headers.find(name);
    return field ? field->value : std::string_view();
}

}  // namespace

int main(int argc, char** argv) {
    namespace core = casefile::core;
    if (argc < 2) {
        std::fprintf(stderr, "usage: rules_bench MAILDIR [PASSES]\n");
        return 2;
    }
    const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    auto rules = core::RuleSet::create(casefile::config::default_rules());
    if (!rules) {
        std::fprintf(stderr, "rules_bench: %s\n", rules.error().message.c_str());
        return 1;
    }

    std::vector<Prepared> messages;
    std::size_t bytes = 0;
    const auto parse_begin = std::chrono::steady_clock::now();
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(argv[1], error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file()) continue;
        std::ifstream file(it->path(), std::ios::binary);
        std::ostringstream contents;
        contents << file.rdbuf();
        const std::string raw = contents.str();
        const core::ParsedMessage message = casefile::parsers::parse_message(raw);
        const auto headers = casefile::parsers::split_header_block(raw);
        Prepared prepared;
        prepared.own_text = message.zones.own_text;
        prepared.subject = message.subject;
        prepared.date = message.date.value_or(core::Timestamp{});
        prepared.first_in_thread = message.in_reply_to.empty() && message.references.empty();
        prepared.bulk = core::is_bulk_mail({.list_id = header_value(headers, "List-Id"),
                                            .list_unsubscribe = header_value(headers, "List-Unsubscribe"),
                                            .precedence = header_value(headers, "Precedence"),
                                            .auto_submitted = header_value(headers, "Auto-Submitted"),
                                            .from_address = message.from.address}) ||
                          message.bulk;
        bytes += prepared.own_text.size();
        messages.push_back(std::move(prepared));
    }
    if (error) {
        std::fprintf(stderr, "rules_bench: %s: %s\n", argv[1], error.message().c_str());
        return 1;
    }
    if (messages.empty()) {
        std::fprintf(stderr, "rules_bench: no files under %s\n", argv[1]);
        return 1;
    }
    const double parse_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - parse_begin).count();

    std::map<std::string, std::size_t> per_category;
    std::size_t with_events = 0;
    std::size_t bulk = 0;
    const auto begin = std::chrono::steady_clock::now();
    for (int pass = 0; pass < passes; ++pass) {
        for (const Prepared& message : messages) {
            core::DetectInput input;
            input.own_text = message.own_text;
            input.subject = message.subject;
            input.date = message.date;
            input.first_in_thread = message.first_in_thread;
            input.bulk = message.bulk;
            const core::Detection detection = core::detect(*rules, input);
            if (pass != 0) continue;
            bulk += message.bulk ? 1 : 0;
            with_events += detection.events.empty() ? 0 : 1;
            for (const core::Event& event : detection.events) {
                ++per_category[std::string(core::category_name(event.category))];
            }
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    const double total = static_cast<double>(messages.size()) * passes;
    std::printf("messages: %zu (own text %.0f bytes average), bulk: %zu, with events: %zu\n",
                messages.size(), static_cast<double>(bytes) / static_cast<double>(messages.size()), bulk,
                with_events);
    std::printf("parse + zones (once, not timed below): %.2f s\n", parse_seconds);
    std::printf("detection: %d passes in %.3f s: %.0f messages/second, %.1f MB/s of own text\n", passes,
                seconds, total / seconds, static_cast<double>(bytes) * passes / seconds / 1e6);
    for (const auto& [category, count] : per_category) std::printf("  %-16s %zu\n", category.c_str(), count);
    return 0;
}
