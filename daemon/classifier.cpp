#include "daemon/classifier.hpp"

#include <memory>

#include "core/ascii_text.hpp"
#include "core/detect.hpp"
#include "core/detected_event.hpp"
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
        // Without a Date there is nothing to resolve "Friday" against. A mail
        // with no own text may still ask in its subject ("Please sign by
        // Friday" over an attachment).
        if (!input.date || (input.own_text.empty() && input.subject.empty())) return events;
        core::DetectInput detect_input;
        detect_input.own_text = input.own_text;
        // Detection reads the subject trimmed; handing it the trimmed view
        // ourselves tells us where that view starts in the stored subject,
        // which a subject event's stored span must index.
        const std::string_view subject = core::trim_ascii_space(input.subject);
        const auto subject_offset = static_cast<std::size_t>(subject.data() - input.subject.data());
        detect_input.subject = subject;
        detect_input.date = *input.date;
        detect_input.from_va = input.from_me;
        detect_input.first_in_thread = input.first_in_thread;
        detect_input.bulk = input.bulk;
        detect_input.outside_working_hours =
            !core::within_working_hours(input.date->unix_seconds, state->week, state->zone);
        detect_input.current_deadline = input.current_deadline;
        detect_input.date_options.zone = &state->zone;
        for (const core::Event& event : core::detect(state->rules, detect_input).events) {
            events.push_back(core::to_new_event(event, input.message_row, subject_offset));
        }
        return events;
    });
}

}  // namespace casefile::daemon
