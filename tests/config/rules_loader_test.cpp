// Rule files: every problem with file:line:column: key: message, unknown keys
// with a suggestion, and a VA's rules added to, replacing or switching off
// the defaults.
#include "config/rules_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/rule_set.hpp"

namespace casefile::config {
namespace {

using Problems = std::vector<std::string>;

Problems problems_of(std::string_view toml) {
    const RulesResult result = parse_rules(toml, "mine.toml");
    Problems out;
    if (result) return out;
    for (const ConfigProblem& problem : result.error()) out.push_back(problem.to_string());
    return out;
}

const core::Rule* find(const std::vector<core::Rule>& rules, std::string_view id) {
    auto found = std::find_if(rules.begin(), rules.end(), [&](const core::Rule& r) { return r.id == id; });
    return found == rules.end() ? nullptr : &*found;
}

TEST(RulesLoader, DefaultRulesLoadAndCompile) {
    const RulesResult parsed = parse_rules(default_rules_text(), "default_rules.toml");
    ASSERT_TRUE(parsed.has_value()) << format_problems(parsed.error());
    EXPECT_GE(parsed->size(), 12u);
    for (core::Category category : core::kAllCategories) {
        EXPECT_TRUE(std::any_of(parsed->begin(), parsed->end(),
                                [&](const core::Rule& r) { return r.category == category; }))
            << core::category_name(category);
    }
    const auto compiled = core::RuleSet::create(*parsed);
    EXPECT_TRUE(compiled.has_value()) << compiled.error().message;
    EXPECT_EQ(default_rules().size(), parsed->size());
}

TEST(RulesLoader, ReadsEveryKey) {
    const RulesResult parsed = parse_rules(
        "[[rule]]\n"
        "id = \"late-invoice\"\n"
        "category = \"payment\"\n"
        "phrases = [\"still unpaid\"]\n"
        "patterns = [\"inv-\\\\d+\"]\n"
        "context = [\"date\", \"outside_hours\", \"in_thread\"]\n"
        "exclusions = [\"thanks for paying\"]\n"
        "requires = [\"please\", \"you\"]\n"
        "weight = 0.5\n"
        "sender = \"va\"\n",
        "mine.toml");
    ASSERT_TRUE(parsed.has_value()) << format_problems(parsed.error());
    ASSERT_EQ(parsed->size(), 1u);
    const core::Rule& rule = parsed->front();
    EXPECT_EQ(rule.id, "late-invoice");
    EXPECT_EQ(rule.category, core::Category::payment);
    EXPECT_EQ(rule.phrases, std::vector<std::string>{"still unpaid"});
    EXPECT_EQ(rule.patterns, std::vector<std::string>{"inv-\\d+"});
    EXPECT_EQ(rule.contexts, (std::vector<core::RuleContext>{core::RuleContext::date,
                                                             core::RuleContext::outside_hours,
                                                             core::RuleContext::in_thread}));
    EXPECT_EQ(rule.exclusions, std::vector<std::string>{"thanks for paying"});
    EXPECT_EQ(rule.required, (std::vector<std::string>{"please", "you"}));
    EXPECT_DOUBLE_EQ(rule.weight, 0.5);
    EXPECT_EQ(rule.sender, core::RuleSender::va);
    EXPECT_TRUE(rule.enabled);
}

TEST(RulesLoader, ReadsEveryContext) {
    const RulesResult parsed = parse_rules(
        "[[rule]]\n"
        "id = \"need-object\"\n"
        "category = \"deadline_set\"\n"
        "phrases = [\"i need\"]\n"
        "context = [\"date\", \"resolved_date\", \"date_after\", \"date_nearby\", "
        "\"date_in_clause\", \"sentence_start\", \"outside_hours\"]\n",
        "mine.toml");
    ASSERT_TRUE(parsed.has_value()) << format_problems(parsed.error());
    using core::RuleContext;
    EXPECT_EQ(parsed->front().contexts,
              (std::vector<RuleContext>{RuleContext::date, RuleContext::resolved_date,
                                        RuleContext::date_after, RuleContext::date_nearby,
                                        RuleContext::date_in_clause, RuleContext::sentence_start,
                                        RuleContext::outside_hours}));
    const Problems problems = problems_of(
        "[[rule]]\n"
        "id = \"x\"\n"
        "category = \"deadline_set\"\n"
        "phrases = [\"i need\"]\n"
        "context = [\"date_in_sentence\"]\n");
    ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
    EXPECT_NE(problems[0].find("\"date_in_clause\""), std::string::npos) << problems[0];
}

TEST(RulesLoader, EveryProblemHasFileLineColumnAndKey) {
    const Problems problems = problems_of(
        "[[rule]]\n"                              // 1
        "id = \"a\"\n"                            // 2
        "category = \"deadline\"\n"               // 3
        "phrases = [\"by\", \"* end\"]\n"         // 4
        "weight = 2.0\n"                          // 5
        "contxt = [\"date\"]\n"                   // 6
        "\n"                                      // 7
        "[[rule]]\n"                              // 8
        "id = \"a\"\n"                            // 9
        "category = \"payment\"\n"                // 10
        "patterns = [\"(unclosed\"]\n"            // 11
        "sender = \"boss\"\n");                   // 12
    ASSERT_EQ(problems.size(), 7u) << ::testing::PrintToString(problems);
    EXPECT_EQ(problems[0].rfind("mine.toml:3:12: rule[0].category: unknown category \"deadline\": expected \"deadline_set\"", 0), 0u)
        << problems[0];
    EXPECT_EQ(problems[1].rfind("mine.toml:4:18: rule[0].phrases[1]: \"*\" stands for one word", 0), 0u) << problems[1];
    EXPECT_EQ(problems[2], "mine.toml:5:10: rule[0].weight: expected a number above 0 and at most 1, found 2.000000");
    EXPECT_EQ(problems[3], "mine.toml:6:1: rule[0].contxt: unknown key 'contxt'; did you mean 'context'?");
    EXPECT_EQ(problems[4], "mine.toml:9:6: rule[1].id: rule id \"a\" is already used on line 2; give each rule its own id");
    EXPECT_EQ(problems[5].rfind("mine.toml:11:13: rule[1].patterns[0]: not a valid regular expression", 0), 0u)
        << problems[5];
    EXPECT_EQ(problems[6], "mine.toml:12:10: rule[1].sender: unknown sender \"boss\": expected \"any\", \"client\" or \"va\"");
}

TEST(RulesLoader, MissingKeysAndSyntaxErrors) {
    EXPECT_EQ(problems_of("[[rule]]\nid = \"x\"\ncategory = \"payment\"\n"),
              Problems{"mine.toml:1:1: rule[0]: rule needs at least one entry in 'phrases' or 'patterns'"});
    const Problems missing = problems_of("[[rule]]\nphrases = [\"x\"]\n");
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0].rfind("mine.toml:1:1: rule[0]: missing required key 'id'", 0), 0u) << missing[0];
    const Problems syntax = problems_of("[[rule]]\nid = \"x\n");
    ASSERT_EQ(syntax.size(), 1u);
    EXPECT_EQ(syntax[0].rfind("mine.toml:2:", 0), 0u) << syntax[0];
    EXPECT_EQ(problems_of("[rule]\nid = \"x\"\n").size(), 1u);
    EXPECT_EQ(problems_of("[[rules]]\nid = \"x\"\n"),
              Problems{"mine.toml:1:3: rules: unknown key 'rules'; did you mean 'rule'?"});
}

TEST(RulesLoader, VaRuleWithADefaultIdReplacesIt) {
    const RulesResult mine = parse_rules(
        "[[rule]]\n"
        "id = \"payment-invoice\"\n"
        "category = \"payment\"\n"
        "phrases = [\"factura\"]\n"
        "\n"
        "[[rule]]\n"
        "id = \"escalation-complaint\"\n"
        "enabled = false\n"
        "\n"
        "[[rule]]\n"
        "id = \"my-own\"\n"
        "category = \"agreement\"\n"
        "phrases = [\"ship it\"]\n",
        "mine.toml");
    ASSERT_TRUE(mine.has_value()) << format_problems(mine.error());
    const std::vector<core::Rule> defaults = default_rules();
    const std::vector<core::Rule> merged = merge_rules(defaults, *mine);
    EXPECT_EQ(merged.size(), defaults.size() + 1);
    ASSERT_NE(find(merged, "payment-invoice"), nullptr);
    EXPECT_EQ(find(merged, "payment-invoice")->phrases, std::vector<std::string>{"factura"});
    ASSERT_NE(find(merged, "escalation-complaint"), nullptr);
    EXPECT_FALSE(find(merged, "escalation-complaint")->enabled);
    EXPECT_FALSE(find(merged, "escalation-complaint")->phrases.empty());  // switched off, kept
    ASSERT_NE(find(merged, "my-own"), nullptr);

    const auto compiled = core::RuleSet::create(merged);
    ASSERT_TRUE(compiled.has_value()) << compiled.error().message;
    EXPECT_EQ(compiled->rules().size(), defaults.size());  // one off, one added
}

}  // namespace
}  // namespace casefile::config
