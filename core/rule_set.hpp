// A list of rules compiled for matching: phrases become word-key sequences in
// an index keyed by their first word, so a message is matched in one pass over
// its words whatever the number of rules; regular expressions are compiled
// once. Build it once (at start-up or config reload) and share it: matching
// never changes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <regex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "core/rule.hpp"
#include "core/rule_text.hpp"

namespace casefile::core {

// Where one phrase or pattern of one rule matched, in bytes of the text.
struct PhraseHit {
    std::uint32_t rule = 0;  // index into RuleSet::rules()
    bool exclusion = false;  // an exclusion phrase, not a trigger
    bool required = false;   // one of the rule's required phrases, not a trigger
    std::size_t start = 0;
    std::size_t end = 0;
};

class RuleSet {
public:
    // Compiles the enabled rules of `rules` (disabled ones are dropped).
    // Fails, naming the rule, when an id is empty or repeated, a weight is
    // outside (0, 1], a rule has neither phrases nor patterns, a phrase is
    // empty or starts or ends with "*", or a pattern does not compile.
    static Result<RuleSet> create(std::vector<Rule> rules);

    // Checks one regular expression the way create() compiles it; the error
    // says what is wrong with it.
    static Result<void> check_pattern(const std::string& pattern);
    // Checks one phrase (not empty, no "*" at either end).
    static Result<void> check_phrase(std::string_view phrase);

    const std::vector<Rule>& rules() const { return rules_; }

    // Every trigger and exclusion hit in `text`, in no particular order.
    // `tokens` are tokenize_words(text); `lowered` is lower_ascii(text).
    // Phrase hits never cross a sentence boundary; `sentence_of` maps each
    // token index to its sentence index (same size as `tokens`).
    void match(std::string_view lowered, const std::vector<WordToken>& tokens,
               const std::vector<std::uint32_t>& sentence_of,
               const std::vector<Sentence>& sentences, std::vector<PhraseHit>& out) const;

private:
    struct CompiledPhrase {
        std::uint32_t rule = 0;
        bool exclusion = false;
        bool required = false;
        std::vector<std::uint64_t> keys;    // the first key is the index's key
        std::vector<bool> wildcard;         // "*": any one word
    };
    struct CompiledPattern {
        std::uint32_t rule = 0;
        std::shared_ptr<const std::regex> regex;  // shared: RuleSet copies stay cheap
    };

    std::vector<Rule> rules_;
    std::vector<CompiledPhrase> phrases_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_first_key_;
    // One bit per first key (hashed to 16 bits): most words of a message
    // start no phrase, and a bit test turns them away before the map look-up.
    std::vector<std::uint64_t> first_key_bits_ = std::vector<std::uint64_t>(1024, 0);
    std::vector<CompiledPattern> patterns_;
};

}  // namespace casefile::core
