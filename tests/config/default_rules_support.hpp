// What the tests of the default rule set share: the rules, loaded once, and
// a one-line-per-event summary for failure messages, and whether a
// detection holds a deadline.
#pragma once

#include <string>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"

namespace casefile::config {

inline const core::RuleSet& defaults() {
    static const core::RuleSet rules = *core::RuleSet::create(default_rules());
    return rules;
}

inline std::string summary(const core::Detection& detection) {
    std::string out;
    for (const core::Event& event : detection.events) {
        out += std::string(core::category_name(event.category)) + " [" + event.rule +
               "] due=" + event.due + " prev=" + event.previous_due + " \"" + event.evidence +
               "\"\n";
    }
    return out;
}

inline bool has_deadline(const core::Detection& detection) {
    for (const core::Event& event : detection.events) {
        if (event.category == core::Category::deadline_set ||
            event.category == core::Category::deadline_change) {
            return true;
        }
    }
    return false;
}

}  // namespace casefile::config
