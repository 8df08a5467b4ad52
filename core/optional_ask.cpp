#include "core/optional_ask.hpp"

#include <algorithm>
#include <array>

#include "core/word_search.hpp"

namespace casefile::core {
namespace {

constexpr std::size_t npos = std::string_view::npos;

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& list) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view words) {
        return find_whole_words(text, words) != npos;
    });
}

// The start of the word after position `at` (skipping anything that is not a
// word), or text.size().
std::size_t next_word(std::string_view text, std::size_t at) {
    while (at < text.size() && is_word_byte(text[at])) ++at;
    while (at < text.size() && !is_word_byte(text[at])) ++at;
    return at;
}

bool starts_with_words(std::string_view text, std::size_t at, std::string_view words) {
    return text.substr(at).starts_with(words) &&
           (at + words.size() == text.size() || !is_word_byte(text[at + words.size()]));
}

// The reader's wish, right after "if you" / "should you" / "who" (at `at`):
// "would like", "prefer", "wish", "are interested", "are planning", ... A
// negation or "still" may come first ("if you do not wish to receive a paper
// copy", "if you still want to go"). A
// wish about the work itself is no offer but the ask's reason: "if you want
// it done by Friday, send me the data today", "Jeff, who wants this by noon";
// so the wish must not go on to "it", "this", "the" ... With
// `activity_only`, it must go on to an activity ("who would like to go",
// "who are interested in", "who are planning on").
bool names_a_wish(std::string_view text, std::size_t at, bool activity_only = false) {
    static constexpr std::array<std::string_view, 6> kNegations = {
        "do not", "don't", "would not", "wouldn't", "no longer", "still"};
    for (std::string_view negation : kNegations) {
        if (starts_with_words(text, at, negation)) {
            at = next_word(text, at + negation.size() - 1);
            break;
        }
    }
    static constexpr std::array<std::string_view, 26> kWishes = {
        "would like",   "would prefer", "would rather",   "would be interested",
        "prefer",       "prefers",      "wish",           "wishes",
        "want",         "wants",        "are interested", "is interested",
        "are planning", "is planning",  "plan",           "plans",
        "choose",       "chooses",      "decide",         "decides",
        "elect",        "elects",       "intend",         "intends",
        "care to",      "like to"};
    const auto wish = std::find_if(kWishes.begin(), kWishes.end(), [&](std::string_view words) {
        return starts_with_words(text, at, words);
    });
    if (wish == kWishes.end()) return false;
    const std::size_t object = next_word(text, at + wish->size() - 1);
    static constexpr std::array<std::string_view, 7> kTheWork = {"it",    "this", "that", "these",
                                                                 "those", "them", "the"};
    static constexpr std::array<std::string_view, 3> kActivities = {"to", "in", "on"};
    const auto object_is = [&](const auto& words) {
        return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
            return starts_with_words(text, object, word);
        });
    };
    return activity_only ? object_is(kActivities) : !object_is(kTheWork);
}

// True when an opt-in clause starts at `at`: "if you would like", "if you'd
// like", "if you're interested", "should you wish", ...
bool opt_in_at(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 2> kContracted = {"if you'd", "if you're"};
    for (std::string_view opener : kContracted) {
        if (!starts_with_words(text, at, opener)) continue;
        const std::size_t after = next_word(text, at + opener.size() - 1);
        static constexpr std::array<std::string_view, 6> kWishes = {
            "like", "prefer", "rather", "interested", "planning", "be interested"};
        return std::any_of(kWishes.begin(), kWishes.end(), [&](std::string_view wish) {
            return starts_with_words(text, after, wish);
        });
    }
    static constexpr std::array<std::string_view, 7> kOpeners = {
        "if you",        "should you", "if anyone",  "if anybody",
        "if any of you", "if someone", "if somebody"};
    for (std::string_view opener : kOpeners) {
        if (starts_with_words(text, at, opener)) {
            return names_a_wish(text, next_word(text, at + opener.size() - 1));
        }
    }
    // The reader's group: "if your chapter would be interested in doing
    // this", "if your team wants to take part". One or two words name it.
    if (starts_with_words(text, at, "if your")) {
        std::size_t word = next_word(text, at + 6);
        for (int i = 0; i < 2 && word < text.size(); ++i) {
            word = next_word(text, word);
            if (names_a_wish(text, word)) return true;
        }
    }
    return false;
}

// What the reader is asked to tell: a reply or a call, no work.
bool asks_to_be_told(std::string_view sentence) {
    static constexpr std::array<std::string_view, 18> kTell = {
        "let me know",    "let us know",  "email me",     "e-mail me", "call me",
        "call us",        "contact",      "contact us",   "advise",    "notify",
        "inform me",      "inform us",    "tell me",      "tell us",   "get back to me",
        "give me a call", "need to know", "needs to know"};
    if (contains_any(sentence, kTell)) return true;
    // "let HR or myself know", "let Michael Salinas or Lisa Lunz know":
    // "let" and "know" a few words apart.
    for (std::size_t at = find_whole_words(sentence, "let"); at != npos;
         at = find_whole_words(sentence, "let", at + 1)) {
        std::size_t word = next_word(sentence, at);
        for (int i = 0; i < 7 && word < sentence.size(); ++i, word = next_word(sentence, word)) {
            if (starts_with_words(sentence, word, "know")) return true;
        }
    }
    return false;
}

// Work a reply may carry: with one of these the answer is a deliverable.
constexpr std::array<std::string_view, 22> kDeliverables = {
    "comments",    "comment",  "changes",     "thoughts", "input",  "feedback", "review",  "edits",
    "corrections", "markup",   "information", "info",     "data",   "numbers",  "figures", "form",
    "forms",       "document", "documents",   "draft",    "report", "list"};

// Work verbs: a sentence that also asks for work ("Please finish the deck by
// Friday, and call me if you have any problems") is not a mere report.
constexpr std::array<std::string_view, 16> kWorkVerbs = {
    "send",   "provide", "submit",  "complete", "prepare", "finish", "review", "draft",
    "update", "compile", "deliver", "sign",     "fill",    "file",   "bring",  "forward"};

// "should" opens a condition only at the start of a clause and before its
// subject: "Should any party object, ...", "..., should you have questions";
// "You should let me know by Friday" is an ask.
bool opens_condition_with_should(std::string_view sentence, std::size_t at) {
    std::size_t before = at;
    while (before > 0 && sentence[before - 1] == ' ') --before;
    const bool clause_start = before == 0 || sentence[before - 1] == ',' ||
                              sentence[before - 1] == ';' || sentence[before - 1] == '(' ||
                              sentence[before - 1] == '\n';
    static constexpr std::array<std::string_view, 7> kSubjects = {
        "you", "any", "anyone", "anybody", "there", "this", "it"};
    const std::size_t subject = next_word(sentence, at);
    return clause_start &&
           std::any_of(kSubjects.begin(), kSubjects.end(), [&](std::string_view word) {
               return starts_with_words(sentence, subject, word);
           });
}

// The words that end a condition clause.
bool ends_clause(std::string_view text, std::size_t at) {
    const char c = text[at];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '?' || c == '!') return true;
    return starts_with_words(text, at, "please") || starts_with_words(text, at, "let") ||
           starts_with_words(text, at, "then");
}

// The condition clause opened at `at` (by "if", "should", "in case", "in the
// event", "unless"): up to its first comma, "please", "let" or "then", at
// most 15 words.
std::string_view condition_clause(std::string_view sentence, std::size_t at) {
    std::size_t end = next_word(sentence, at);
    const std::size_t start = end;
    for (int words = 0; end < sentence.size() && words < 15; ++words) {
        std::size_t scan = end;
        while (scan < sentence.size() && is_word_byte(sentence[scan])) ++scan;
        // Punctuation between this word and the next closes the clause.
        bool closed = false;
        for (std::size_t i = scan; i < sentence.size() && !is_word_byte(sentence[i]); ++i) {
            closed = closed || ends_clause(sentence, i);
        }
        end = scan;
        if (closed) break;
        const std::size_t next = next_word(sentence, scan);
        if (next < sentence.size() && ends_clause(sentence, next)) break;
        end = next;
    }
    return sentence.substr(start, end > start ? end - start : 0);
}

}  // namespace

bool is_reader_opt_in(std::string_view sentence, std::size_t hit) {
    // "Anyone who would like to go", "those of you who wish to enroll": the
    // readers who opt in.
    for (std::size_t at = find_whole_words(sentence, "who", 0, hit); at != npos;
         at = find_whole_words(sentence, "who", at + 1, hit)) {
        if (names_a_wish(sentence, next_word(sentence, at), true)) return true;
    }
    static constexpr std::array<std::string_view, 2> kOpeners = {"if", "should"};
    for (std::string_view opener : kOpeners) {
        for (std::size_t at = find_whole_words(sentence, opener, 0, hit); at != npos;
             at = find_whole_words(sentence, opener, at + 1, hit)) {
            if (opener == "should" && !opens_condition_with_should(sentence, at)) continue;
            if (opt_in_at(sentence, at)) return true;
        }
    }
    // A reply that only tells whether the reader opts in may put the
    // condition last: "I need to know ASAP if your chapter would be
    // interested in doing this", "let me know by Friday if you would like a
    // copy". An ask for work keeps its condition as a reason ("send me the
    // figures by Friday if you want them in the report").
    if (asks_to_be_told(sentence) && !contains_any(sentence, kDeliverables) &&
        !contains_any(sentence, kWorkVerbs)) {
        for (std::size_t at = find_whole_words(sentence, "if", hit); at != npos;
             at = find_whole_words(sentence, "if", at + 1)) {
            if (opt_in_at(sentence, at)) return true;
        }
    }
    return false;
}

bool opens_with_opt_in(std::string_view sentence) {
    std::size_t at = 0;
    while (at < sentence.size() && !is_word_byte(sentence[at])) ++at;
    return opt_in_at(sentence, at);
}

bool asks_only_a_reply(std::string_view sentence, std::size_t at) {
    static constexpr std::array<std::string_view, 5> kFillers = {"please", "pls", "also", "just",
                                                                 "kindly"};
    static constexpr std::array<std::string_view, 12> kReplies = {
        "confirm", "let", "advise", "call", "contact", "feel", "tell", "inform", "notify",
        "keep", "reply", "respond"};
    std::size_t from = std::min(at, sentence.size());
    for (int words = 0; words < 4; ++words) {
        while (from < sentence.size() && !is_word_byte(sentence[from])) ++from;
        std::size_t end = from;
        while (end < sentence.size() && is_word_byte(sentence[end])) ++end;
        const std::string_view word = sentence.substr(from, end - from);
        if (word.empty()) return false;
        if (std::find(kFillers.begin(), kFillers.end(), word) != kFillers.end()) {
            from = end;
            continue;
        }
        return std::find(kReplies.begin(), kReplies.end(), word) != kReplies.end();
    }
    return false;
}

bool is_exception_report(std::string_view sentence, std::size_t hit) {
    (void)hit;  // the condition may stand before or after the deadline phrase
    if (!asks_to_be_told(sentence) || contains_any(sentence, kDeliverables) ||
        contains_any(sentence, kWorkVerbs)) {
        return false;
    }
    static constexpr std::array<std::string_view, 5> kConditions = {"if", "should", "in case",
                                                                    "in the event", "unless"};
    // An assumption that may be wrong: "If this assumption is incorrect,
    // please email me by June 5" - silence confirms it.
    // A security notice's "If you did not request this change, please
    // contact us" asks only should the reader not have acted herself.
    static constexpr std::array<std::string_view, 27> kExceptions = {
        "did not",   "didn't",
        "object",    "objects",    "objection",    "objections",  "concern",
        "concerns",  "question",   "questions",    "problem",     "problems",
        "trouble",   "difficulty", "difficulties", "cannot",      "can't",
        "can not",   "unable",     "know",         "knows",       "disagree",
        "incorrect", "inaccurate", "wrong",        "not correct", "in error"};
    for (std::string_view condition : kConditions) {
        for (std::size_t at = find_whole_words(sentence, condition); at != npos;
             at = find_whole_words(sentence, condition, at + 1)) {
            if (condition == "should" && !opens_condition_with_should(sentence, at)) continue;
            if (contains_any(condition_clause(sentence, at + condition.size() - 1), kExceptions)) {
                return true;
            }
        }
    }
    return false;
}

bool asks_attendance(std::string_view sentence) {
    static constexpr std::array<std::string_view, 4> kAttending = {"attend", "attending",
                                                                   "attendance", "rsvp"};
    return contains_any(sentence, kAttending);
}

bool asks_mere_reply(std::string_view sentence) {
    static constexpr std::array<std::string_view, 8> kReplies = {
        "response",    "respond",     "reply",    "rsvp",
        "let me know", "let us know", "indicate", "confirm"};
    return contains_any(sentence, kReplies) && !contains_any(sentence, kDeliverables) &&
           !contains_any(sentence, kWorkVerbs);
}

}  // namespace casefile::core
