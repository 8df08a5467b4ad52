#include "daemon/classifier.hpp"

#include <memory>

#include "core/detect.hpp"
#include "core/working_week.hpp"
#include "daemon/rule_files.hpp"
#include "daemon/time_zones.hpp"

namespace casefile::daemon {
namespace {

// Everything the classifier needs, shared by its copies.
struct ClassifierState {
    core::RuleSet rules;
    core::TimeZone zone;
    core::WorkingWeek week;
};

}  // namespace

core::Result<core::Classifier> make_classifier(const std::optional<config::Settings>& settings) {
    auto rules = load_rule_set(settings);
    if (!rules) return core::Unexpected(rules.error());
    auto state = std::make_shared<ClassifierState>();
    state->rules = std::move(*rules);
    if (settings) {
        auto zone = load_time_zone(settings->me.timezone);
        if (!zone) return core::fail(settings->source_file + ": me.timezone: " + zone.error().message);
        state->zone = std::move(*zone);
        state->week.weekdays = settings->me.working_hours.weekdays;
        state->week.start_minute = settings->me.working_hours.start_minute;
        state->week.end_minute = settings->me.working_hours.end_minute;
    }
    return core::Classifier([state](const core::ClassifyInput& input) {
        std::vector<core::NewEvent> events;
        // Without a Date there is nothing to resolve "Friday" against.
        if (!input.date || input.own_text.empty()) return events;
        core::DetectInput detect_input;
        detect_input.own_text = input.own_text;
        // No subject yet: stored evidence spans index the own text
        // (core/event_hash.hpp), so an ask read in the subject line needs an
        // evidence source in the store before the daemon can keep it.
        detect_input.date = *input.date;
        detect_input.from_va = input.from_me;
        detect_input.first_in_thread = input.first_in_thread;
        detect_input.bulk = input.bulk;
        detect_input.outside_working_hours =
            !core::within_working_hours(input.date->unix_seconds, state->week, state->zone);
        detect_input.current_deadline = input.current_deadline;
        detect_input.date_options.zone = &state->zone;
        for (const core::Event& event : core::detect(state->rules, detect_input).events) {
            core::NewEvent stored;
            stored.message_row = input.message_row;
            stored.category = std::string(core::category_name(event.category));
            stored.evidence = event.evidence;
            stored.span_start = static_cast<std::int64_t>(event.start);
            stored.span_end = static_cast<std::int64_t>(event.end);
            stored.due = event.due;
            stored.previous_due = event.previous_due;
            stored.rule_id = event.rule;
            stored.confidence = event.confidence;
            events.push_back(std::move(stored));
        }
        return events;
    });
}

}  // namespace casefile::daemon
