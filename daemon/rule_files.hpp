// The I/O side of the rules: the built-in rule set plus the VA's own rule
// files named in the config's [rules] files, compiled once.
#pragma once

#include <optional>
#include <string>

#include "config/settings.hpp"
#include "core/result.hpp"
#include "core/rule_set.hpp"

namespace casefile::daemon {

// The default rules with each file of `settings->rules.files` applied in
// order (config::merge_rules): same id replaces, `enabled = false` switches
// off. Paths expand "~" and "$VAR"; a relative path is relative to the config
// file's directory. Without settings, the defaults alone. On failure the
// error holds every problem, one per line, as file:line:column: key: message.
core::Result<core::RuleSet> load_rule_set(const std::optional<config::Settings>& settings);

}  // namespace casefile::daemon
