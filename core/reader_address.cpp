#include "core/reader_address.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>

#include "core/deadline_reading.hpp"
#include "core/word_search.hpp"

namespace casefile::core {
namespace {

bool has_any(std::string_view text, const std::string_view* first, const std::string_view* last) {
    return std::any_of(first, last, [&](std::string_view words) {
        return find_whole_words(text, words) != std::string_view::npos;
    });
}

// The reader, named.
constexpr std::string_view kReader[] = {"you",    "your",   "yours",  "yourself", "yourselves",
                                        "you'll", "you're", "you've", "you'd",    "y'all"};

// Asking words, and the writer's own need or wish: "please", "let me know",
// "I need", "we'd like", "send it to me".
constexpr std::string_view kAsks[] = {"please",
                                      "pls",
                                      "plz",
                                      "kindly",
                                      "make sure",
                                      "be sure",
                                      "remember",
                                      "don't forget",
                                      "do not forget",
                                      "reminder",
                                      "remind",
                                      "ask that",
                                      "we ask",
                                      "i ask",
                                      "we request",
                                      "i request",
                                      "requesting",
                                      "i need",
                                      "we need",
                                      "i'll need",
                                      "we'll need",
                                      "i will need",
                                      "we will need",
                                      "i want",
                                      "we want",
                                      "i'd like",
                                      "we'd like",
                                      "i would like",
                                      "we would like",
                                      "would appreciate",
                                      "i'd appreciate",
                                      "need to know",
                                      "needs to know",
                                      "i require",
                                      "we require",
                                      "we must",
                                      "we have to",
                                      "we should",
                                      "let's",
                                      "let us",
                                      "can we",
                                      "could we",
                                      "me",
                                      "us"};

// Groups that hold the reader: a duty on all of them is hers too.
constexpr std::string_view kGroups[] = {"everyone",  "everybody",    "employees",    "employee",
                                        "staff",     "users",        "user",         "traders",
                                        "managers",  "supervisors",  "team members", "each of us",
                                        "all of us", "all employees"};

// A duty put on the mail's readers without naming them, the way notices ask
// ("All open expense reports must be submitted and approved by June 27th",
// "Nominations must be received by Wednesday"), and an ask passed on from
// someone else ("Barry asked for 5 copies ... in the morning", "Tracey G
// wants this by close of play on Monday").
constexpr std::string_view kPassiveDuties[] = {
    "must be",   "should be", "need to be", "needs to be",     "have to be", "has to be",
    "are to be", "is to be",  "to be made", "will need to be", "shall be"};
constexpr std::string_view kRelayedAsks[] = {"asked for",      "asked that",     "has requested",
                                             "have requested", "requested that", "been asked",
                                             "been ask",       "wants",          "request"};

// A wish passed on ("Legal would like to include a clause", "he'd like the
// figures", "BP would also like to add ...") is an ask; "I sure would like to
// add something" is the writer musing, told apart by the adverb before
// "would".
bool passes_on_a_wish(std::string_view sentence) {
    static constexpr std::string_view kMusing[] = {"sure", "really", "certainly", "definitely",
                                                   "truly", "so", "just"};
    const auto word_ending_at = [&](std::size_t end) { return word_before(sentence, end, true); };
    for (std::size_t at = find_whole_words(sentence, "like"); at != std::string_view::npos;
         at = find_whole_words(sentence, "like", at + 1)) {
        // "would like", "'d like", "would also like", "'d still like".
        std::string_view before = word_ending_at(at);
        if (before == "also" || before == "still") {
            before = word_ending_at(static_cast<std::size_t>(before.data() - sentence.data()));
        }
        std::size_t modal_at = static_cast<std::size_t>(before.data() - sentence.data());
        // "'d" is glued to its subject: "he'd" reads as the word "d".
        if (before == "d" && modal_at >= 1 && sentence[modal_at - 1] == '\'') {
            modal_at -= 1;
        } else if (before != "would") {
            continue;
        }
        const std::string_view subject = word_ending_at(modal_at);
        if (subject.empty()) continue;
        if (std::find(std::begin(kMusing), std::end(kMusing), subject) != std::end(kMusing)) continue;
        return true;
    }
    return false;
}

// Verbs that open an instruction: "Return the form by Friday", "Turn in your
// pager". Nouns that share the spelling ("Order must be placed by noon",
// "Review will be done") are told apart by the auxiliary after them.
constexpr std::string_view kImperatives[] = {
    "send",      "return",    "submit",   "complete", "provide",    "make",      "get",
    "have",      "call",      "let",      "fill",     "forward",    "turn",      "bring",
    "review",    "sign",      "read",     "log",      "note",       "be",        "ensure",
    "contact",   "email",     "e-mail",   "reply",    "respond",    "clean",     "pack",
    "check",     "update",    "use",      "move",     "take",       "give",      "put",
    "print",     "remove",    "delete",   "copy",     "save",       "press",     "click",
    "approve",   "process",   "reject",   "prepare",  "finish",     "file",      "register",
    "confirm",   "hold",      "keep",     "continue", "start",      "stop",      "go",
    "come",      "see",       "try",      "tell",     "notify",     "inform",    "advise",
    "write",     "draft",     "pick",     "drop",     "fax",        "mail",      "deliver",
    "pay",       "wire",      "enter",    "fix",      "verify",     "identify",  "find",
    "look",      "add",       "include",  "arrange",  "set",        "sell",      "buy",
    "cover",     "supply",    "test",     "run",      "do",         "don't",     "leave",
    "post",      "clear",     "finalize", "purge",    "migrate",    "install",   "download",
    "upload",    "select",    "choose",   "vote",     "reserve",    "stay",      "act",
    "reconcile", "calculate", "obtain",   "collect",  "distribute", "circulate", "coordinate",
    "organize",  "assign",    "follow",   "accept",   "change",     "modify",    "revise",
    "correct",   "edit",      "comment",  "schedule", "book",       "cancel",    "attend"};

// Words that may stand before an instruction's verb: "1. Send", "Also, send",
// "Then sign".
constexpr std::string_view kLeadIns[] = {"also", "and",    "then",      "so",          "now",
                                         "just", "simply", "again",     "first",       "finally",
                                         "next", "lastly", "otherwise", "additionally"};

bool in_list(std::string_view word, const std::string_view* first, const std::string_view* last) {
    return std::find(first, last, word) != last;
}

// The words of text[from, to), in order, with their ends.
struct Word {
    std::string_view text;
    std::size_t end = 0;
};

std::size_t next_word(std::string_view text, std::size_t at, std::size_t to, Word& word) {
    while (at < to && !is_word_byte(text[at])) ++at;
    std::size_t end = at;
    while (end < to && (is_word_byte(text[end]) ||
                        (text[end] == '-' && end + 1 < to && is_word_byte(text[end + 1])))) {
        ++end;
    }
    word = Word{text.substr(at, end - at), end};
    return end;
}

bool is_number(std::string_view word) {
    return !word.empty() &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when the clause text[from, to) opens with a verb in the imperative.
bool opens_with_instruction(std::string_view text, std::size_t from, std::size_t to) {
    Word word;
    std::size_t at = from;
    for (int skipped = 0; skipped < 4; ++skipped) {
        at = next_word(text, at, to, word);
        if (word.text.empty()) return false;
        if (is_number(word.text) || word.text.size() == 1 ||
            in_list(word.text, std::begin(kLeadIns), std::end(kLeadIns))) {
            continue;
        }
        Word after;
        next_word(text, at, to, after);
        // A note's telegraphic ask: "Need to also include the moneys owed".
        if (word.text == "need" && after.text == "to") return true;
        if (!in_list(word.text, std::begin(kImperatives), std::end(kImperatives))) return false;
        return !is_auxiliary_verb(after.text);
    }
    return false;
}

}  // namespace

bool addresses_reader(std::string_view raw) {
    const std::string text = collapse_whitespace(raw);
    const std::string_view sentence = text;
    if (has_any(sentence, std::begin(kReader), std::end(kReader)) ||
        has_any(sentence, std::begin(kAsks), std::end(kAsks)) ||
        has_any(sentence, std::begin(kGroups), std::end(kGroups))) {
        return true;
    }
    if (has_any(sentence, std::begin(kPassiveDuties), std::end(kPassiveDuties)) ||
        has_any(sentence, std::begin(kRelayedAsks), std::end(kRelayedAsks)) ||
        passes_on_a_wish(sentence)) {
        return true;
    }
    // The sentence's first clause, then each one after ";", ":" or a dash.
    if (opens_with_instruction(sentence, 0, sentence.size())) return true;
    for (std::size_t at = 0; at < sentence.size(); ++at) {
        const char c = sentence[at];
        const bool dash = c == '-' && at > 0 && sentence[at - 1] == ' ';
        if ((c == ';' || c == ':' || dash) &&
            opens_with_instruction(sentence, at + 1, sentence.size())) {
            return true;
        }
    }
    return false;
}

}  // namespace casefile::core
