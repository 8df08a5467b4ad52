// A detection rule as the VA writes it (config/default_rules.toml and her own
// rule files): which words in a sentence of a client's own text show a
// deadline, a scope change, an agreement and so on. Plain data; RuleSet
// (core/rule_set.hpp) compiles a list of them for matching.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::core {

// What an event says happened. The spelling in rule files and JSON is the
// enumerator's name ("deadline_set", ...).
enum class Category {
    deadline_set,     // work or a deliverable asked for by a date or time ("by Friday", "ASAP")
    deadline_change,  // an earlier due date moved earlier, later, or dropped
    scope_add,        // work added to a request already under way in the thread
    scope_remove,     // work dropped from a request already under way
    agreement,        // terms, a plan, a price or a deliverable explicitly approved
    escalation,       // frustration, complaint or pressure about the VA's work
    payment,          // invoices, rates, late payment
    boundary,         // urgency sent outside the VA's working hours
};

inline constexpr Category kAllCategories[] = {
    Category::deadline_set, Category::deadline_change, Category::scope_add,
    Category::scope_remove, Category::agreement,       Category::escalation,
    Category::payment,      Category::boundary};

std::string_view category_name(Category category);
// deadline_set or deadline_change: the events that make a thread's deadline.
constexpr bool is_deadline(Category category) {
    return category == Category::deadline_set || category == Category::deadline_change;
}
// nullopt for anything that is not exactly one of the names above.
std::optional<Category> parse_category(std::string_view name);

// What must also hold in the sentence (or the message) for a rule to fire.
// A rule may list several; all of them must hold.
enum class RuleContext {
    date,            // some date expression in the sentence, "ASAP" included
    resolved_date,   // a date expression with a resolved value
    date_after,      // a date expression overlapping the phrase or starting at most
                     // three words after it ("by Friday", "due 3/15", "by EOD")
    outside_hours,   // the message was sent outside the VA's working hours
    sentence_start,  // the phrase is the sentence's first word: an instruction
                     // ("Log into the stack manager on Wednesday afternoon")
    date_nearby,     // a resolved date in the sentence, in one of the two sentences
                     // before it or in the one after it ("Your date of migration
                     // is May 17th. ... Please clean out your old mail before
                     // your date of migration."); the rule's exclusions apply to
                     // the sentence the date is in as well
    in_thread,       // the message answers an earlier one (it is not the first of
                     // its thread): an agreement agrees to something put before it
    date_in_clause,  // a date expression starting after the phrase in the same
                     // clause (no ",", ";" or ":" between, at most twelve words
                     // on): what is asked for may take several words before its
                     // date ("I will need this change input into the system
                     // today")
};

std::string_view context_name(RuleContext context);
std::optional<RuleContext> parse_context(std::string_view name);

// Whose mail a rule reads.
enum class RuleSender { any, client, va };

std::string_view sender_name(RuleSender sender);
std::optional<RuleSender> parse_sender(std::string_view name);

struct Rule {
    std::string id;  // unique in a rule set; a VA's rule with a default's id replaces it
    Category category = Category::deadline_set;
    // Phrases match case-insensitively on whole words: "by" never matches
    // inside "maybe". Whitespace between words matches any whitespace; each
    // punctuation character is its own word ("one more thing:"); "*" stands
    // for exactly one word ("asked * times") but may not start or end a phrase.
    std::vector<std::string> phrases;
    // ECMAScript regular expressions, matched case-insensitively against the
    // lower-cased text. Slower than phrases; use them only where a phrase
    // cannot say it. A match must lie inside one sentence.
    std::vector<std::string> patterns;
    std::vector<RuleContext> contexts;    // all must hold
    std::vector<std::string> exclusions;  // phrases; any in the sentence blocks the rule
    // Phrases; when not empty, at least one must be in the sentence. A deadline
    // is asked of someone ("please", "you", "must"): "shares were trading lower
    // before Thursday's announcement" asks nothing.
    std::vector<std::string> required;
    double weight = 0.8;                  // 0 < weight <= 1: the event's confidence
    RuleSender sender = RuleSender::any;
    // deadline_change only: the rule drops the deadline ("the deadline is off"),
    // so the event has no new due date.
    bool cancels = false;
    bool enabled = true;
};

}  // namespace casefile::core
