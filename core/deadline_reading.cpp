#include "core/deadline_reading.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "core/word_search.hpp"

namespace casefile::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The words of `text`, in order.
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text.size();) {
        while (at < text.size() && !is_word_byte(text[at])) ++at;
        std::size_t end = at;
        while (end < text.size() && is_word_byte(text[end])) ++end;
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end;
    }
    return words;
}

// Words that ask the reader wherever they stand in the sentence.
constexpr std::array<std::string_view, 12> kReaderAsks = {
    "please", "pls", "kindly", "you", "your", "yours", "can we", "could we", "let's", "make sure",
    "ensure", "we"};

// Duties; the word after them must be an active verb for the duty to be a
// third party's ("must communicate", not "must be submitted").
constexpr std::array<std::string_view, 14> kDuties = {
    "must",        "should",          "needs to",        "need to",       "has to",          "have to",
    "is to",       "are to",          "is required to", "are required to", "will have to",
    "would have to", "is obliged to", "are obliged to"};

// What someone else will do: "Enron Property Management will replenish the
// account no later than Thursday". Checked like a duty, with the verbs below
// left out.
// Reported or conditional plans count too: "her secretary said she would
// call back as soon as possible".
constexpr std::array<std::string_view, 4> kPlans = {"will", "would", "is going to", "are going to"};

// After "will be": a state someone else's work will be in is a forecast, not
// an announcement's passive ask: "they will be ready no later than tomorrow".
constexpr std::array<std::string_view, 7> kForecastStates = {
    "ready", "available", "done", "complete", "completed", "finished", "back"};

// After "should be": where something foreseen will be, or a state that is no
// participle ("should be completed by" asks, as announcements do).
constexpr std::array<std::string_view, 9> kForecastPlaces = {
    "ready", "available", "back", "east", "west", "north", "south", "over", "through"};

// After "will": a passive ("will be submitted by") or a duty ("will have to
// be filed by") is how announcements ask their readers, and a need or wish
// passed on ("Jeff will need the numbers by noon") is an ask.
constexpr std::array<std::string_view, 10> kNotAPlan = {
    "be", "been", "get", "have", "need", "want", "require", "expect", "ask", "like"};

// Adverbs between "will" and its verb: "will also provide".
constexpr std::array<std::string_view, 6> kAdverbs = {"also",   "still", "then",
                                                      "likely", "soon",  "probably"};

// Subjects that hold the reader: a duty on them is an ask.
constexpr std::array<std::string_view, 12> kReaderSubjects = {
    "you", "we", "i", "everyone", "everybody", "all", "each", "team", "u", "you'll", "we'll", "i'll"};

// True when one of kReaderAsks stands in the sentence as an ask. "ensure"
// after "will" or "to" is what someone does ("the mailing will ensure that
// the individuals receive a guest ID"), not an ask.
// Asks starting in [skip_from, skip_to) are not counted.
bool asks_the_reader(std::string_view sentence, std::size_t skip_from = 0, std::size_t skip_to = 0) {
    for (std::string_view ask : kReaderAsks) {
        for (std::size_t at = find_whole_words(sentence, ask); at != std::string_view::npos;
             at = find_whole_words(sentence, ask, at + 1)) {
            if (at >= skip_from && at < skip_to) continue;
            const std::string_view before = word_before(sentence, at);
            if (ask == "ensure" && (before == "will" || before == "to")) continue;
            return true;
        }
    }
    return false;
}

// Where the clause holding byte `hit` starts: after the last ",", ";" or ":"
// before it, or after " and " when a new subject follows ("... deal and the
// counterparty would like ..."), else 0.
std::size_t last_clause_start(std::string_view sentence, std::size_t hit) {
    std::size_t start = 0;
    const std::size_t mark = sentence.substr(0, hit).find_last_of(",;:");
    if (mark != std::string_view::npos) start = mark + 1;
    static constexpr std::string_view kJoins[] = {"and the", "and our", "and their", "and his",
                                                  "and her", "but the"};
    for (std::string_view join : kJoins) {
        for (std::size_t at = find_whole_words(sentence, join, start, hit); at != std::string_view::npos;
             at = find_whole_words(sentence, join, at + 1, hit)) {
            start = std::max(start, at + 4);
        }
    }
    return start;
}

}  // namespace

bool is_third_party_duty(std::string_view sentence, std::size_t hit) {
    const bool asks = asks_the_reader(sentence);
    // A duty binds the phrase only from within its clause: "The increase is
    // to provide support to an existing deal, and the counterparty would like
    // to have this amendment as soon as possible" passes on a wish.
    const std::size_t clause = last_clause_start(sentence, hit);
    for (std::string_view duty : kDuties) {
        if (asks) break;
        for (std::size_t at = find_whole_words(sentence, duty, clause, hit);
             at != std::string_view::npos; at = find_whole_words(sentence, duty, at + 1, hit)) {
            // "will have to": the subject stands before "will".
            std::string_view subject = word_before(sentence, at);
            if (subject == "will" || subject == "would" || subject == "also" ||
                subject == "still" || subject == "really" || subject == "then") {
                subject = word_before(sentence, at - subject.size() - 1);
            }
            if (subject.empty()) continue;
            bool reader = false;
            for (std::string_view holder : kReaderSubjects) reader = reader || subject == holder;
            if (reader) continue;
            const std::string_view verb = word_after(sentence, at + duty.size());
            if (duty == "should" && verb == "be") {
                // "The system should be east of the area by Wednesday": a
                // state foreseen, not a passive ask ("should be completed by").
                const std::size_t be_at = static_cast<std::size_t>(verb.data() - sentence.data());
                const std::string_view state = word_after(sentence, be_at + verb.size());
                if (std::find(kForecastPlaces.begin(), kForecastPlaces.end(), state) !=
                    kForecastPlaces.end()) {
                    return true;
                }
            }
            if (verb.empty() || verb == "be" || verb == "been" || verb == "get") continue;
            return true;
        }
    }
    for (std::string_view plan : kPlans) {
        for (std::size_t at = find_whole_words(sentence, plan, 0, hit);
             at != std::string_view::npos; at = find_whole_words(sentence, plan, at + 1, hit)) {
            const std::string_view subject = word_before(sentence, at);
            if (subject.empty() || std::find(kReaderSubjects.begin(), kReaderSubjects.end(),
                                             subject) != kReaderSubjects.end()) {
                continue;
            }
            std::size_t after = at + plan.size();
            std::string_view verb = word_after(sentence, after);
            while (!verb.empty() &&
                   std::find(kAdverbs.begin(), kAdverbs.end(), verb) != kAdverbs.end()) {
                after = sentence.find(verb, after) + verb.size();
                verb = word_after(sentence, after);
            }
            if (verb == "be") {
                const std::size_t be_at = sentence.find(verb, after);
                const std::string_view state = word_after(sentence, be_at + verb.size());
                if (std::find(kForecastStates.begin(), kForecastStates.end(), state) !=
                    kForecastStates.end()) {
                    return true;
                }
            }
            if (verb.empty() ||
                std::find(kNotAPlan.begin(), kNotAPlan.end(), verb) != kNotAPlan.end()) {
                continue;
            }
            // The reader as the object of someone else's plan is asked
            // nothing: "Stephanie will set you up in the new production by
            // the end of the day", "Mike will send you the data asap".
            const std::size_t verb_at = static_cast<std::size_t>(verb.data() - sentence.data());
            const std::string_view object = word_after(sentence, verb_at + verb.size());
            const std::size_t object_end =
                static_cast<std::size_t>(object.data() - sentence.data()) + object.size();
            if (asks && asks_the_reader(sentence, verb_at, object_end)) continue;
            return true;
        }
    }
    return false;
}

bool is_condition_on_others(std::string_view sentence, std::size_t hit) {
    static constexpr std::array<std::string_view, 2> kConditions = {"if", "unless"};
    // Words after "if" that make the clause the reader's or the writer's own,
    // or a plea rather than a condition ("if possible", "if at all possible").
    static constexpr std::array<std::string_view, 14> kOwnSubjects = {
        "you", "you're", "you'd", "your", "we", "we're", "we'd", "i", "i'm", "i'd",
        "possible", "at", "needed", "necessary"};
    static constexpr std::array<std::string_view, 2> kClosingWords = {"then", "please"};
    for (std::string_view condition : kConditions) {
        for (std::size_t at = find_whole_words(sentence, condition, 0, hit);
             at != std::string_view::npos;
             at = find_whole_words(sentence, condition, at + 1, hit)) {
            const std::size_t clause = at + condition.size();
            const std::string_view between = sentence.substr(clause, hit - clause);
            if (between.find_first_of(",;:") != std::string_view::npos) continue;
            bool closed = false;
            for (std::string_view word : kClosingWords) {
                closed = closed || find_whole_words(between, word, 0, between.size()) !=
                                       std::string_view::npos;
            }
            if (closed) continue;
            const std::string_view subject = word_after(sentence, clause);
            if (subject.empty()) continue;
            if (std::find(kOwnSubjects.begin(), kOwnSubjects.end(), subject) != kOwnSubjects.end()) continue;
            return true;
        }
    }
    return false;
}

bool is_past_report(std::string_view sentence, std::size_t at) {
    static constexpr std::string_view kPlans[] = {
        "will", "i'll", "we'll", "you'll", "he'll", "she'll", "they'll", "it'll", "need", "needs",
        "must", "should", "due", "going to", "please", "deadline", "have to", "has to"};
    for (std::string_view plan : kPlans) {
        if (find_whole_words(sentence, plan) != std::string_view::npos) return false;
    }
    static constexpr std::string_view kPastAuxiliaries[] = {"was", "were", "had", "did"};
    static constexpr std::string_view kPerfect[] = {"has", "have", "i've", "we've", "they've"};
    static constexpr std::string_view kSubjects[] = {"i", "we", "he", "she", "they"};
    static constexpr std::string_view kIrregular[] = {
        "spoke", "met", "sent", "said", "told", "got", "gave", "made", "took", "came", "went",
        "heard", "saw", "wrote", "left", "found", "thought", "brought", "bought", "paid", "spent",
        "done", "seen", "spoken", "given", "taken", "written", "gotten", "been"};
    static constexpr std::string_view kAdverbs[] = {"just", "already", "also", "only", "finally"};
    const auto in = [](std::string_view word, const auto& list) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    const auto past_form = [&](std::string_view word) {
        return (word.size() > 3 && word.ends_with("ed")) || in(word, kIrregular);
    };
    const std::vector<std::string_view> words = words_of(sentence.substr(0, std::min(at, sentence.size())));
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (in(words[i], kPastAuxiliaries)) return true;
        if (!in(words[i], kPerfect) && !in(words[i], kSubjects)) continue;
        std::size_t next = i + 1;
        if (next < words.size() && in(words[next], kAdverbs)) ++next;
        if (next < words.size() && past_form(words[next])) return true;
    }
    return false;
}

bool is_reply_after_work(std::string_view sentence, std::size_t at) {
    static constexpr std::string_view kReplies[] = {
        "let me know", "let us know", "get back to me", "get back to us", "get back to",
        "reply", "respond", "advise", "call me", "keep me posted", "hear back"};
    const bool reply = std::any_of(std::begin(kReplies), std::end(kReplies), [&](std::string_view r) {
        return sentence.compare(at, r.size(), r) == 0 &&
               (at + r.size() == sentence.size() || !is_word_byte(sentence[at + r.size()]));
    });
    if (!reply) return false;
    // "and" right before the reply, or with "then" or "please" between.
    std::string_view before = word_before(sentence, at);
    if (before == "then" || before == "please" || before == "pls") {
        before = word_before(sentence, static_cast<std::size_t>(before.data() - sentence.data()));
    }
    if (before != "and") return false;
    const std::size_t joined = static_cast<std::size_t>(before.data() - sentence.data());
    static constexpr std::string_view kAsks[] = {"please", "pls", "kindly", "can you", "could you",
                                                 "would you", "will you"};
    static constexpr std::string_view kReplyVerbs[] = {
        "let", "get", "reply", "respond", "call", "advise", "confirm", "tell", "inform",
        "contact", "give", "feel", "keep", "email", "e-mail", "write", "notify"};
    for (std::string_view ask : kAsks) {
        const std::size_t asked = find_whole_words(sentence, ask, 0, joined);
        if (asked == std::string_view::npos) continue;
        const std::string_view verb = word_after(sentence, asked + ask.size());
        if (verb.empty()) continue;
        if (std::find(std::begin(kReplyVerbs), std::end(kReplyVerbs), verb) != std::end(kReplyVerbs)) {
            return false;
        }
        return true;
    }
    return false;
}

bool is_time_need(std::string_view raw) {
    static constexpr std::string_view kThings[] = {"it",    "they", "them", "these",
                                                   "those", "this", "that"};
    static constexpr std::string_view kWriters[] = {"i", "we"};
    static constexpr std::string_view kWants[] = {"need", "want", "require", "expect"};
    static constexpr std::string_view kDutiesOfThings[] = {"must", "should", "has",
                                                           "have", "needs",  "need"};
    static constexpr std::string_view kStates[] = {"due", "needed", "required", "wanted"};
    const auto in = [](std::string_view word, const auto& list) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    const std::string text = collapse_whitespace(raw);
    const std::vector<std::string_view> words = words_of(text);
    const auto word = [&](std::size_t i) {
        return i < words.size() ? words[i] : std::string_view();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::size_t next = i + 1;
        // "I need it", "we'll need them", "I would want these".
        if (in(words[i], kWriters) || words[i] == "i'll" || words[i] == "we'll" ||
            words[i] == "i'd" || words[i] == "we'd") {
            if (word(next) == "will" || word(next) == "would") ++next;
            if (in(word(next), kWants) && in(word(next + 1), kThings)) return true;
            continue;
        }
        if (!in(words[i], kThings)) continue;
        // "it is due", "they are needed"; not "this is due to the fact"
        if ((word(next) == "is" || word(next) == "are") && in(word(next + 1), kStates) &&
            word(next + 2) != "to") {
            return true;
        }
        // "they need to go", "these must be", "it has to get", "this should reach"
        if (word(next) == "will" || word(next) == "would") ++next;
        if (!in(word(next), kDutiesOfThings)) continue;
        if (word(next + 1) == "to") ++next;
        const std::string_view verb = word(next + 1);
        // "it should be noted", "it must be possible": a remark, not a need.
        static constexpr std::string_view kRemarks[] = {"noted", "aware", "possible", "able",
                                                        "nice",  "great", "helpful",  "easier",
                                                        "good",  "clear", "said",     "fine"};
        if (verb == "be" && in(word(next + 2), kRemarks)) continue;
        if (verb == "be" || verb == "go" || verb == "get" || verb == "arrive" || verb == "reach" ||
            verb == "leave" || verb == "ship") {
            return true;
        }
    }
    return false;
}

bool is_event_word(std::string_view word) {
    static constexpr std::array<std::string_view, 9> kEvents = {
        "meet", "meeting", "call", "lunch", "dinner", "coffee", "catch up", "interview",
        "appointment"};
    for (std::string_view event : kEvents) {
        if (word == event) return true;
    }
    return false;
}

bool asks_for_deliverable(std::string_view sentence, std::size_t hit) {
    static constexpr std::array<std::string_view, 16> kAsks = {
        "please", "pls", "kindly", "can you", "could you", "would you", "will you", "need",
        "i'd like", "we'd like", "would like", "make sure", "ensure", "let's", "must", "should"};
    static constexpr std::array<std::string_view, 22> kWork = {
        "send",    "bring",   "prepare", "get me",  "get us",    "get it",   "get them", "ready",
        "done",    "finish",  "finished", "complete", "completed", "review",   "update",  "draft",
        "compile", "put together", "pull together", "submit", "provide", "return"};
    const auto any_before = [&](const auto& words) {
        for (std::string_view word : words) {
            if (find_whole_words(sentence, word, 0, hit) != std::string_view::npos) return true;
        }
        return false;
    };
    return any_before(kAsks) && any_before(kWork);
}

bool is_auxiliary_verb(std::string_view word) {
    static constexpr std::array<std::string_view, 17> kAuxiliaries = {
        "will", "is", "are", "was", "were", "has", "have", "had", "should",
        "would", "can", "could", "may", "might", "must", "shall", "won't"};
    return std::find(kAuxiliaries.begin(), kAuxiliaries.end(), word) != kAuxiliaries.end();
}

bool is_as_of_date(std::string_view text, std::size_t date_start) {
    const auto lower = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    // The word ending before `end` (skipping spaces), lower-cased.
    const auto previous = [&](std::size_t& end) {
        const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
        while (end > 0 && space(text[end - 1])) --end;
        std::size_t start = end;
        while (start > 0 && is_word_byte(lower(text[start - 1]))) --start;
        std::string word;
        for (std::size_t i = start; i < end; ++i) word += lower(text[i]);
        end = start;
        return word;
    };
    std::size_t at = std::min(date_start, text.size());
    std::string word = previous(at);
    // "to look exactly as it does today", "the book as it stands today": a
    // comparison with how things are now, not a due date ("the deadline is
    // today" stays one).
    static constexpr std::string_view kStates[] = {"is", "are", "does", "do", "stands", "looks"};
    const std::string_view said = text.substr(std::min(date_start, text.size()), 5);
    if ((said == "today" || said == "Today") &&
        std::find(std::begin(kStates), std::end(kStates), word) != std::end(kStates)) {
        std::size_t back = at;
        const std::string subject = previous(back);
        if ((subject == "it" || subject == "they" || subject == "things") && previous(back) == "as") {
            return true;
        }
    }
    if (word == "the") word = previous(at);
    return word == "of" && previous(at) == "as";
}

bool names_year(std::string_view text) {
    // Four digits in a row: "2002", "2002-03-05", "March 5, 2002".
    std::size_t run = 0;
    for (char c : text) {
        run = is_digit(c) ? run + 1 : 0;
        if (run == 4) return true;
    }
    // An apostrophe year: "March '02".
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] == '\'' && is_digit(text[i + 1]) && is_digit(text[i + 2])) return true;
    }
    // Three numeric groups: "3/5/02", "5.3.02", "3-5-02".
    int groups = 0;
    bool in_group = false;
    for (char c : text) {
        if (is_digit(c)) {
            if (!in_group) ++groups;
            in_group = true;
        } else if (c == '/' || c == '.' || c == '-') {
            in_group = false;
        } else {
            if (groups >= 3) return true;
            groups = 0;
            in_group = false;
        }
    }
    return groups >= 3;
}

}  // namespace casefile::core
