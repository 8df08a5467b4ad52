// TOML rule files -> core::Rule lists, with the same precise problems as the
// config loader (file:line:column: key: message, unknown keys rejected with a
// suggestion). Pure: the daemon reads the files and passes their text.
//
// A rule file holds [[rule]] tables with the keys described at the top of
// config/default_rules.toml: id, category, phrases, patterns, context,
// exclusions, weight, sender, cancels, enabled.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "config/config_loader.hpp"
#include "core/rule.hpp"

namespace casefile::config {

using RulesResult = tl::expected<std::vector<core::Rule>, std::vector<ConfigProblem>>;

// Parses one rule file; `file_name` only labels the problems. On failure
// returns every problem found, in file order. A rule written only as
// `id = "..."` plus `enabled = false` is valid (it switches off a default);
// every other rule needs an id, a category and at least one phrase or
// pattern. Ids must be unique within the file. Never throws.
RulesResult parse_rules(std::string_view toml_text, const std::string& file_name);

// The built-in rule set (config/default_rules.toml, embedded at build time).
std::string_view default_rules_text();
// default_rules_text() parsed; the tests keep it free of problems.
std::vector<core::Rule> default_rules();

// `base` with `additions` applied in order: a rule whose id is already in
// `base` replaces it in place (and `enabled = false` switches it off);
// others are appended.
std::vector<core::Rule> merge_rules(std::vector<core::Rule> base,
                                    const std::vector<core::Rule>& additions);

}  // namespace casefile::config
