#include "config/rules_loader.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "config/default_rules_text.hpp"  // generated at configure time
#include "config/sections.hpp"
#include "config/toml_reader.hpp"
#include "core/rule_set.hpp"

namespace casefile::config {
namespace {

constexpr std::array<std::string_view, 1> kRootKeys = {"rule"};
constexpr std::array<std::string_view, 11> kRuleKeys = {
    "id",     "category", "phrases", "patterns", "context", "exclusions",
    "requires", "weight", "sender",  "cancels",  "enabled"};

std::string quoted_list(std::string_view (*name)(int), int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i > 0) out += i + 1 == count ? " or " : ", ";
        out += "\"" + std::string(name(i)) + "\"";
    }
    return out;
}

std::string category_choices() {
    return quoted_list([](int i) { return core::category_name(core::kAllCategories[i]); },
                       static_cast<int>(std::size(core::kAllCategories)));
}

// weight: a float or an integer, 0 < weight <= 1.
std::optional<double> read_weight(const toml::table& table, TableReader& reader) {
    const toml::node* node = table.get("weight");
    if (!node) return std::nullopt;
    double value = 0;
    if (const auto* real = node->as_floating_point()) {
        value = real->get();
    } else if (const auto* whole = node->as_integer()) {
        value = static_cast<double>(whole->get());
    } else {
        reader.problem("weight", "expected a number above 0 and at most 1, found " +
                                     std::string(describe_type(*node)));
        return std::nullopt;
    }
    if (!(value > 0.0 && value <= 1.0)) {
        reader.problem("weight", "expected a number above 0 and at most 1, found " + std::to_string(value));
        return std::nullopt;
    }
    return value;
}

// Phrases and exclusions: each one checked where it was written.
std::vector<std::string> read_phrases(TableReader& reader, std::string_view key, ProblemList& problems) {
    std::vector<std::string> out;
    auto phrases = reader.string_array(key);
    if (!phrases) return out;
    for (const PlacedString& phrase : *phrases) {
        if (auto checked = core::RuleSet::check_phrase(phrase.value); !checked) {
            problems.add(phrase.where, phrase.key, checked.error().message);
            continue;
        }
        out.push_back(phrase.value);
    }
    return out;
}

void read_rule(const toml::table& table, TableReader& reader, ProblemList& problems,
               std::map<std::string, int>& lines_by_id, std::vector<core::Rule>& out) {
    reader.check_known_keys(kRuleKeys);
    core::Rule rule;
    const auto enabled = reader.boolean("enabled");
    rule.enabled = enabled.value_or(true);
    const auto id = reader.string("id", "a rule name such as \"deadline-by-date\"");
    if (id) {
        rule.id = id->value;
        const auto [it, inserted] = lines_by_id.emplace(rule.id, static_cast<int>(id->where.begin.line));
        if (!inserted) {
            problems.add(id->where, id->key,
                         "rule id \"" + rule.id + "\" is already used on line " + std::to_string(it->second) +
                             "; give each rule its own id");
        }
    }
    // `id` + `enabled = false` switches a default off; nothing else is needed.
    const bool only_switch_off = !rule.enabled && !reader.has("category") && !reader.has("phrases") &&
                                 !reader.has("patterns");
    if (only_switch_off) {
        if (id) out.push_back(std::move(rule));
        return;
    }
    bool valid = id.has_value();
    if (auto category = reader.string("category", "one of " + category_choices())) {
        if (auto parsed = core::parse_category(category->value)) {
            rule.category = *parsed;
        } else {
            problems.add(category->where, category->key,
                         "unknown category \"" + category->value + "\": expected " + category_choices());
            valid = false;
        }
    } else {
        valid = false;
    }
    rule.phrases = read_phrases(reader, "phrases", problems);
    rule.exclusions = read_phrases(reader, "exclusions", problems);
    rule.required = read_phrases(reader, "requires", problems);
    if (auto patterns = reader.string_array("patterns")) {
        for (const PlacedString& pattern : *patterns) {
            if (auto checked = core::RuleSet::check_pattern(pattern.value); !checked) {
                problems.add(pattern.where, pattern.key, checked.error().message);
                valid = false;
                continue;
            }
            rule.patterns.push_back(pattern.value);
        }
    }
    if (!reader.has("phrases") && !reader.has("patterns")) {
        reader.problem_on_table("rule needs at least one entry in 'phrases' or 'patterns'");
        valid = false;
    }
    if (auto contexts = reader.string_array("context")) {
        for (const PlacedString& context : *contexts) {
            if (auto parsed = core::parse_context(context.value)) {
                rule.contexts.push_back(*parsed);
            } else {
                problems.add(context.where, context.key,
                             "unknown context \"" + context.value +
                                 "\": expected \"date\", \"resolved_date\", \"date_after\", "
                                 "\"date_nearby\", \"date_in_clause\", \"sentence_start\", "
                                 "\"outside_hours\" or \"in_thread\"");
            }
        }
    }
    if (auto weight = read_weight(table, reader)) rule.weight = *weight;
    if (auto sender = reader.string("sender")) {
        if (auto parsed = core::parse_sender(sender->value)) {
            rule.sender = *parsed;
        } else {
            problems.add(sender->where, sender->key,
                         "unknown sender \"" + sender->value + "\": expected \"any\", \"client\" or \"va\"");
        }
    }
    if (auto cancels = reader.boolean("cancels")) {
        rule.cancels = *cancels;
        if (rule.cancels && rule.category != core::Category::deadline_change) {
            reader.problem("cancels", "only a deadline_change rule can cancel a deadline");
        }
    }
    if (valid) out.push_back(std::move(rule));
}

}  // namespace

RulesResult parse_rules(std::string_view toml_text, const std::string& file_name) {
    ProblemList problems(file_name);
    auto parsed = parse_toml(toml_text, problems);
    if (!parsed) return tl::unexpected(problems.take_sorted());
    const toml::table& root = *parsed;
    TableReader(root, "", problems).check_known_keys(kRootKeys);
    std::vector<core::Rule> rules;
    std::map<std::string, int> lines_by_id;
    for_each_table(root, "rule", problems, [&](TableReader& reader, std::size_t index) {
        const toml::table& table = *root.get("rule")->as_array()->get(index)->as_table();
        read_rule(table, reader, problems, lines_by_id, rules);
    });
    if (!problems.empty()) return tl::unexpected(problems.take_sorted());
    return rules;
}

std::string_view default_rules_text() { return default_rules_toml; }

std::vector<core::Rule> default_rules() {
    auto parsed = parse_rules(default_rules_toml, "default_rules.toml");
    // The embedded file is checked by the tests; an empty set is the safe
    // answer should it ever be broken.
    return parsed ? std::move(*parsed) : std::vector<core::Rule>{};
}

std::vector<core::Rule> merge_rules(std::vector<core::Rule> base, const std::vector<core::Rule>& additions) {
    for (const core::Rule& addition : additions) {
        auto same = std::find_if(base.begin(), base.end(),
                                 [&](const core::Rule& rule) { return rule.id == addition.id; });
        if (same == base.end()) {
            base.push_back(addition);
        } else if (!addition.enabled && addition.phrases.empty() && addition.patterns.empty()) {
            same->enabled = false;
        } else {
            *same = addition;
        }
    }
    return base;
}

}  // namespace casefile::config
