#include "core/rule_set.hpp"

#include <algorithm>
#include <set>

namespace casefile::core {
namespace {

constexpr auto kRegexFlags = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

// The word keys of a phrase, with "*" marked as a wildcard.
void compile_phrase(std::string_view phrase, std::vector<std::uint64_t>& keys,
                    std::vector<bool>& wildcard) {
    std::vector<WordToken> tokens;
    tokenize_words(phrase, tokens);
    for (const WordToken& token : tokens) {
        const bool star = phrase.substr(token.start, token.end - token.start) == "*";
        keys.push_back(token.key);
        wildcard.push_back(star);
    }
}

std::string rule_label(const Rule& rule) { return "rule \"" + rule.id + "\""; }

// The bit of first_key_bits_ a word key maps to (keys are FNV-1a hashes; the
// multiply spreads their high bits down).
std::size_t key_bit(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 48); }

}  // namespace

Result<void> RuleSet::check_phrase(std::string_view phrase) {
    std::vector<std::uint64_t> keys;
    std::vector<bool> wildcard;
    compile_phrase(phrase, keys, wildcard);
    if (keys.empty()) return fail("a phrase must contain at least one word");
    if (wildcard.front() || wildcard.back()) {
        return fail("\"*\" stands for one word between others; a phrase may not start or end with it");
    }
    return ok();
}

Result<void> RuleSet::check_pattern(const std::string& pattern) {
    if (pattern.empty()) return fail("a pattern must not be empty");
    // std::regex reports a bad pattern by exception; this and create() are the
    // only places that build one.
    try {
        std::regex compiled(pattern, kRegexFlags);
    } catch (const std::regex_error& error) {
        return fail("not a valid regular expression (ECMAScript syntax): " + std::string(error.what()));
    }
    return ok();
}

Result<RuleSet> RuleSet::create(std::vector<Rule> rules) {
    RuleSet set;
    std::set<std::string> ids;
    for (Rule& rule : rules) {
        if (rule.id.empty()) return fail("a rule has an empty id");
        if (!ids.insert(rule.id).second) return fail(rule_label(rule) + " is defined twice");
        if (!rule.enabled) continue;
        if (!(rule.weight > 0.0 && rule.weight <= 1.0)) {
            return fail(rule_label(rule) + ": weight must be above 0 and at most 1");
        }
        if (rule.phrases.empty() && rule.patterns.empty()) {
            return fail(rule_label(rule) + " needs at least one phrase or pattern");
        }
        const auto index = static_cast<std::uint32_t>(set.rules_.size());
        auto add_phrases = [&](const std::vector<std::string>& listed, bool exclusion,
                               bool required) -> Result<void> {
            std::vector<std::string> phrases = listed;
            if (exclusion) {
                // An exclusion names a topic, and the topic in the plural is the
                // same one: "calendar" stops "Please put on your calendars that ...".
                for (const std::string& phrase : listed) {
                    const char last = phrase.empty() ? 's' : phrase.back();
                    const std::string plural = phrase + "s";
                    if (last >= 'a' && last <= 'z' && last != 's' && phrase.find('*') == std::string::npos &&
                        std::find(listed.begin(), listed.end(), plural) == listed.end()) {
                        phrases.push_back(plural);  // unless the rule lists it itself
                    }
                }
            }
            for (const std::string& phrase : phrases) {
                if (auto checked = check_phrase(phrase); !checked) {
                    return fail(rule_label(rule) + ": phrase \"" + phrase + "\": " + checked.error().message);
                }
                CompiledPhrase compiled;
                compiled.rule = index;
                compiled.exclusion = exclusion;
                compiled.required = required;
                compile_phrase(phrase, compiled.keys, compiled.wildcard);
                set.by_first_key_[compiled.keys.front()].push_back(
                    static_cast<std::uint32_t>(set.phrases_.size()));
                const std::size_t bit = key_bit(compiled.keys.front());
                set.first_key_bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
                set.phrases_.push_back(std::move(compiled));
            }
            return ok();
        };
        if (auto added = add_phrases(rule.phrases, false, false); !added) return Unexpected(added.error());
        if (auto added = add_phrases(rule.exclusions, true, false); !added) return Unexpected(added.error());
        if (auto added = add_phrases(rule.required, false, true); !added) return Unexpected(added.error());
        for (const std::string& pattern : rule.patterns) {
            if (auto checked = check_pattern(pattern); !checked) {
                return fail(rule_label(rule) + ": pattern \"" + pattern + "\": " + checked.error().message);
            }
            set.patterns_.push_back(
                CompiledPattern{index, std::make_shared<const std::regex>(pattern, kRegexFlags)});
        }
        set.rules_.push_back(std::move(rule));
    }
    return set;
}

void RuleSet::match(std::string_view lowered, const std::vector<WordToken>& tokens,
                    const std::vector<std::uint32_t>& sentence_of,
                    const std::vector<Sentence>& sentences, std::vector<PhraseHit>& out) const {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::size_t bit = key_bit(tokens[i].key);
        if ((first_key_bits_[bit / 64] >> (bit % 64) & 1) == 0) continue;
        const auto found = by_first_key_.find(tokens[i].key);
        if (found == by_first_key_.end()) continue;
        for (const std::uint32_t phrase_index : found->second) {
            const CompiledPhrase& phrase = phrases_[phrase_index];
            const std::size_t last = i + phrase.keys.size() - 1;
            if (last >= tokens.size() || sentence_of[last] != sentence_of[i]) continue;
            bool matched = true;
            for (std::size_t k = 1; k < phrase.keys.size() && matched; ++k) {
                const WordToken& token = tokens[i + k];
                matched = phrase.wildcard[k] ? token.is_word : token.key == phrase.keys[k];
            }
            if (matched) {
                out.push_back(PhraseHit{phrase.rule, phrase.exclusion, phrase.required, tokens[i].start,
                                        tokens[last].end});
            }
        }
    }
    // Patterns run once over the whole text, not per sentence: one scan per
    // pattern instead of one per sentence and pattern.
    for (const CompiledPattern& pattern : patterns_) {
        for (auto it = std::cregex_iterator(lowered.data(), lowered.data() + lowered.size(), *pattern.regex);
             it != std::cregex_iterator(); ++it) {
            const auto start = static_cast<std::size_t>(it->position(0));
            const std::size_t end = start + static_cast<std::size_t>(it->length(0));
            if (end == start) continue;
            // Keep it only when it lies inside one sentence.
            const auto sentence = std::upper_bound(sentences.begin(), sentences.end(), start,
                                                   [](std::size_t at, const Sentence& s) { return at < s.start; });
            if (sentence == sentences.begin()) continue;
            const Sentence& holder = *(sentence - 1);
            if (start >= holder.start && end <= holder.end) {
                out.push_back(PhraseHit{pattern.rule, false, false, start, end});
            }
        }
    }
}

}  // namespace casefile::core
