#include "core/detect.hpp"

#include <algorithm>
#include <optional>

#include "core/date_calendar.hpp"
#include "core/deadline_reading.hpp"
#include "core/optional_ask.hpp"
#include "core/reader_address.hpp"
#include "core/rule_text.hpp"
#include "core/subject_ask.hpp"
#include "core/word_search.hpp"

namespace casefile::core {
namespace {

// A rule that held in one sentence, with the hit that made it fire.
struct Fired {
    std::uint32_t rule = 0;
    std::size_t sentence = 0;
    std::size_t hit_start = 0;
    std::size_t hit_end = 0;
    const DateExpression* date = nullptr;  // the date the rule's context found, if any
};

bool is_scope(Category category) {
    return category == Category::scope_add || category == Category::scope_remove;
}

// Day number of a value's "YYYY-MM-DD" start; nullopt when it has none.
std::optional<std::int64_t> day_of(std::string_view value) {
    if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t size) {
        unsigned n = 0;
        for (std::size_t i = at; i < at + size; ++i) {
            if (value[i] < '0' || value[i] > '9') return -1;
            n = n * 10 + static_cast<unsigned>(value[i] - '0');
        }
        return static_cast<int>(n);
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 1 || day < 1) return std::nullopt;
    return date_detail::day_number(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// A date written without its year resolves to its next occurrence, so one
// that has just passed ("the October 15 RTO filings" in a November mail)
// lands most of a year ahead. A year-less date further ahead than this is
// read as that past date, not as something due.
constexpr std::int64_t kFurthestYearlessDueDays = 183;

// A span this long ("this year"), or a window this far ahead ("renewals due
// in the next six months"), is not a date anything is due by.
constexpr std::int64_t kLongestDueSpanDays = 45;

// How many sentences before a bare reply ("Please return this e-mail to me
// with your response by 12:00 p.m., Friday") a question about attending may
// stand for the reply to be an RSVP: an invitation lists the date, time,
// place and the answers to tick between the two.
constexpr std::size_t kAttendanceReach = 10;

// How far a required pronoun ("you", "your", "me", "us") may be from the
// rule's phrase: at most this many
// words and one clause break (",", ";", ":") between them. "a short note from
// me, the holiday closure dates, a reminder to use up dental benefits before
// the end of the year" asks nothing before the year's end, though "me" is in
// the sentence; "could you send me the deck, ideally by Friday" does.
constexpr std::size_t kRequiredWordReach = 15;
constexpr std::size_t kRequiredClauseBreaks = 1;

// How many sentences after an ask a sentence saying when the asked thing is
// needed may stand ("Please forward the documents. ... They need to go on a
// plane to Chicago later today.").
constexpr std::size_t kTimeNeedReach = 3;

// A message of at most this many sentences is a note to its reader, not a
// report: every date in it is read as hers (core/reader_address).
constexpr std::size_t kShortNote = 3;

// How many words after its phrase a date_in_clause rule looks for the date,
// within the phrase's clause.
constexpr std::size_t kClauseReach = 12;

// Whole-word search in lower-cased text.
bool has_words(std::string_view text, std::string_view words, std::size_t from = 0,
               std::size_t to = std::string_view::npos) {
    return find_whole_words(text, words, from, to) != std::string_view::npos;
}

// The sender's own promise, not an ask of the reader: "I'll confirm pricing
// and send in your order by tomorrow", "My goal is to have an answer to you no
// later than Friday". `sentence` is lower-cased (typographic apostrophes as
// "'"); `hit` is where the deadline phrase starts in it. A first-person
// subject with a future or modal verb before the phrase makes a promise,
// unless it goes on to ask ("I will need the forms by Friday") or the
// sentence asks the reader anyway ("I'll be out Friday, so please send it by
// Thursday").
bool is_own_promise(std::string_view sentence, std::size_t hit) {
    static constexpr std::string_view kAsks[] = {
        "please",      "pls",         "kindly",      "can you",    "could you",   "would you",
        "will you",    "you need",    "you must",    "you should", "you'll need", "you will need",
        "need you",    "want you",    "ask you",     "ask that",   "make sure",   "let's",
        "i need",      "we need",     "would like",  "i'd like",   "we'd like",   "must",
        "required to", "is required", "are required"};
    // An ask word inside a condition asks nothing: "While we might finish
    // before the end of the day, ... reserve the full day in the event we
    // need that much time."
    static constexpr std::string_view kConditions[] = {"if", "in the event", "in the event that",
                                                       "in case", "unless"};
    const auto in_condition = [&](std::size_t at) {
        std::size_t end = at;
        while (end > 0 && sentence[end - 1] == ' ') --end;
        return std::any_of(std::begin(kConditions), std::end(kConditions), [&](std::string_view c) {
            return end >= c.size() && sentence.substr(end - c.size(), c.size()) == c &&
                   has_words(sentence, c, end - c.size(), end);
        });
    };
    for (std::string_view ask : kAsks) {
        for (std::size_t at = find_whole_words(sentence, ask); at != std::string_view::npos;
             at = find_whole_words(sentence, ask, at + 1)) {
            if (!in_condition(at)) return false;
        }
    }
    static constexpr std::string_view kPromises[] = {"i will",
                                                     "i'll",
                                                     "we will",
                                                     "we'll",
                                                     "i shall",
                                                     "we shall",
                                                     "i can",
                                                     "we can",
                                                     "i may",
                                                     "we may",
                                                     "i might",
                                                     "we might",
                                                     "i hope to",
                                                     "we hope to",
                                                     "i plan to",
                                                     "we plan to",
                                                     "i expect to",
                                                     "we expect to",
                                                     "i intend to",
                                                     "we intend to",
                                                     "i am willing to",
                                                     "i'm willing to",
                                                     "i'm going to",
                                                     "i am going to",
                                                     "we're going to",
                                                     "we are going to",
                                                     "i should be able",
                                                     "i should have",
                                                     "we should be able",
                                                     "we should have",
                                                     "we should be",
                                                     "we should receive",
                                                     "we should hear",
                                                     "i should be",
                                                     "i should receive",
                                                     "i should hear",
                                                     "my goal",
                                                     "our goal",
                                                     "my plan",
                                                     "our plan",
                                                     "i'm hoping",
                                                     "i am hoping",
                                                     "we're hoping",
                                                     "i'm trying",
                                                     "i am trying",
                                                     "i'll try",
                                                     "i will try"};
    static constexpr std::string_view kAskVerbs[] = {"need", "needs", "require",
                                                     "want", "ask",   "expect"};
    for (std::string_view promise : kPromises) {
        for (std::size_t at = sentence.find(promise); at != std::string_view::npos && at < hit;
             at = sentence.find(promise, at + 1)) {
            if (!has_words(sentence, promise, at, at + promise.size())) continue;
            std::size_t next = at + promise.size();
            while (next < sentence.size() && sentence[next] == ' ') ++next;
            const bool asks =
                std::any_of(std::begin(kAskVerbs), std::end(kAskVerbs), [&](std::string_view verb) {
                    return has_words(sentence, verb, next, next + verb.size());
                });
            if (!asks) return true;
        }
    }
    return false;
}

// The sentence holding byte `at` (sentences are sorted and disjoint).
std::size_t sentence_index(const std::vector<Sentence>& sentences, std::size_t at) {
    const auto after = std::upper_bound(
        sentences.begin(), sentences.end(), at,
        [](std::size_t position, const Sentence& s) { return position < s.start; });
    return after == sentences.begin() ? 0 : static_cast<std::size_t>(after - sentences.begin() - 1);
}

// Everything one detect() call works on; the dates are found only when a rule
// first needs them, because most mail never gets that far.
class Detector {
  public:
    Detector(const RuleSet& rules, const DetectInput& input)
        : rules_(rules), input_(input), reference_day_(to_iso8601(input.date).substr(0, 10)) {}

    Detection run();

  private:
    const std::vector<DateExpression>& dates() {
        if (!dates_) dates_ = find_dates(input_.own_text, input_.date, input_.date_options);
        return *dates_;
    }
    // The dates starting inside sentence `s`.
    std::pair<const DateExpression*, const DateExpression*> dates_in(std::size_t s) {
        const auto& all = dates();
        const Sentence& sentence = sentences_[s];
        auto first =
            std::lower_bound(all.begin(), all.end(), sentence.start,
                             [](const DateExpression& d, std::size_t at) { return d.start < at; });
        auto last =
            std::lower_bound(first, all.end(), sentence.end,
                             [](const DateExpression& d, std::size_t at) { return d.start < at; });
        return {all.data() + (first - all.begin()), all.data() + (last - all.begin())};
    }
    // Why the rule did not fire on this hit, or empty when it did.
    std::string check(const Rule& rule, const PhraseHit& hit, std::size_t s, Fired& fired);
    std::size_t limit_after(std::size_t hit_end, std::size_t s) const;
    // Where the clause holding byte `hit_end` ends (kClauseReach).
    std::size_t clause_end(std::size_t hit_end, std::size_t s) const;
    // True when the tokens starting at `a` and `b` are close enough for a
    // required word to belong to the phrase (kRequiredWordReach).
    bool within_reach(std::size_t a, std::size_t b) const;
    // Sentence `s` lower-cased; `hit` receives where byte `hit_start` lands in it.
    std::string lowered_sentence(std::size_t s, std::size_t hit_start, std::size_t& hit) const;
    // A pure reading `read(sentence, at)` of sentence `s`, lower-cased, with
    // byte `at` of the own text mapped into it.
    template <typename Reading>
    bool read_at(std::size_t s, std::size_t at, Reading read) const {
        std::size_t mapped = 0;
        const std::string text = lowered_sentence(s, at, mapped);
        return read(text, mapped);
    }
    bool own_promise(std::size_t s, std::size_t hit_start) const;
    bool third_party_duty(std::size_t s, std::size_t hit_start) const;
    // "may need it if Ed does not cut the cord by tomorrow" (deadline_reading).
    bool condition_on_others(std::size_t s, std::size_t hit_start) const;
    // True when the sentence names the writer or the reader ("can we push",
    // "I need it today instead"): "FERC postponed the December 15 deadline for
    // utilities" moves a third party's date, not one of this conversation.
    bool names_a_party(std::size_t s, std::size_t hit_start) const;
    // An offer the reader may take up (core/optional_ask): a wish of hers in
    // the sentence before the phrase, or opening the sentence before when
    // this one does not turn to her ("If you prefer a paper pay stub, complete
    // the request form. This form must be submitted by October 15.").
    bool reader_opt_in(std::size_t s, std::size_t hit_start) const;
    // "If any party objects, please let me know by November 28."
    bool exception_report(std::size_t s, std::size_t hit_start) const;
    // A bare reply after a question about attending in the sentences before.
    bool reply_about_attendance(std::size_t s, std::size_t hit_start) const;
    // Someone in the conversation is asked to act (core/reader_address).
    bool reader_addressed(std::size_t s) const;
    // Sentence `s` alone turns to someone in the conversation.
    bool sentence_addresses_reader(std::size_t s) const;
    // "I need it before the board call tomorrow" (deadline_reading).
    bool time_need(std::size_t s) const;
    // True when the exclusion at byte `at` is a reply phrase ("get back to
    // me", "let me know") joined by "and" to work asked before it: "Can you
    // run this mini-book and get back to me as soon as possible".
    bool reply_after_work(std::size_t s, std::size_t at) const;
    // True when sentence `t` tells of something done before the date at
    // `date_start` (core/deadline_reading's is_past_report).
    bool past_report(std::size_t t, std::size_t date_start) const;
    bool deliverable_asked(std::size_t s, std::size_t hit_start) const;
    bool usable(const Rule& rule, const DateExpression& date) const;
    // True when one of rule `rule_index`'s exclusions is in sentence `s`.
    bool excluded_in(std::uint32_t rule_index, std::size_t s) const;
    // True when no word but a list number comes before byte `at` in sentence `s`.
    bool starts_sentence(std::size_t s, std::size_t at) const;
    // True when the word after byte `at` is an auxiliary verb: "Review will
    // be done this week" names the review, it does not order one.
    bool followed_by_auxiliary(std::size_t at) const;
    // True when the word before byte `at` opens a relative clause ("anyone who
    // needs", "employees who would like"): a description, not an ask.
    bool after_relative_pronoun(std::size_t at) const;
    void near_miss(const Rule& rule, std::size_t s, std::string reason);
    Event make_event(const std::vector<Fired>& group);
    void resolve_deadline(Event& event, const Fired& strongest, std::string& current);

    const RuleSet& rules_;
    const DetectInput& input_;
    std::vector<Sentence> sentences_;
    std::vector<WordToken> tokens_;
    std::optional<std::vector<DateExpression>> dates_;
    const std::vector<PhraseHit>* hits_ = nullptr;  // all phrase hits of run(), sorted
    Detection out_;
    std::string reference_day_;  // "YYYY-MM-DD" of the message's Date, sender's offset
};

std::size_t Detector::limit_after(std::size_t hit_end, std::size_t s) const {
    // One word may come between: "due [on] 3/15", "by [the] 15th"; further
    // away, "sent by Bob on Friday" would read as a deadline. After a
    // preposition, "the end of" may come between too: "due [by the end of]
    // today".
    auto token = std::lower_bound(tokens_.begin(), tokens_.end(), hit_end,
                                  [](const WordToken& t, std::size_t at) { return t.start < at; });
    std::size_t limit = hit_end;
    if (token == tokens_.end()) return std::min(limit, sentences_[s].end);
    const auto word = [&](const WordToken& t) {
        return lower_ascii(input_.own_text.substr(t.start, t.end - t.start));
    };
    const std::string first = word(*token);
    const bool preposition =
        first == "by" || first == "on" || first == "before" || first == "until" || first == "at";
    for (int words = 0; token != tokens_.end() && words < 2; ++token, ++words) limit = token->start;
    for (int words = 0; preposition && token != tokens_.end() && words < 3; ++token, ++words) {
        const std::string next = word(*(token - 1));
        if (next != "the" && next != "end" && next != "close" && next != "of") break;
        limit = token->start;
    }
    return std::min(limit, sentences_[s].end);
}

std::size_t Detector::clause_end(std::size_t hit_end, std::size_t s) const {
    auto token = std::lower_bound(tokens_.begin(), tokens_.end(), hit_end,
                                  [](const WordToken& t, std::size_t at) { return t.start < at; });
    std::size_t words = 0;
    for (; token != tokens_.end() && token->start < sentences_[s].end; ++token) {
        if (token->is_word) {
            if (++words > kClauseReach) return token->start;
        } else {
            const char c = input_.own_text[token->start];
            if (c == ',' || c == ';' || c == ':') return token->start;
        }
    }
    return sentences_[s].end;
}

bool Detector::within_reach(std::size_t a, std::size_t b) const {
    if (a > b) std::swap(a, b);
    const auto by_start = [](const WordToken& t, std::size_t position) {
        return t.start < position;
    };
    auto token = std::lower_bound(tokens_.begin(), tokens_.end(), a, by_start);
    const auto last = std::lower_bound(token, tokens_.end(), b, by_start);
    std::size_t words = 0, breaks = 0;
    for (; token != last; ++token) {
        if (token->is_word) {
            ++words;
        } else {
            const char c = input_.own_text[token->start];
            if (c == ',' || c == ';' || c == ':') ++breaks;
        }
    }
    return words <= kRequiredWordReach && breaks <= kRequiredClauseBreaks;
}

std::string Detector::lowered_sentence(std::size_t s, std::size_t hit_start, std::size_t& hit) const {
    const Sentence& sentence = sentences_[s];
    // Lower-cased, with the typographic apostrophe U+2019 as "'".
    std::string text;
    hit = 0;
    const std::string_view raw =
        input_.own_text.substr(sentence.start, sentence.end - sentence.start);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (sentence.start + i == hit_start) hit = text.size();
        if (raw.compare(i, 3, "\xE2\x80\x99") == 0) {
            text += '\'';
            i += 2;
        } else {
            const char c = raw[i];
            text += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return text;
}

bool Detector::own_promise(std::size_t s, std::size_t hit_start) const {
    return read_at(s, hit_start, is_own_promise);
}

bool Detector::deliverable_asked(std::size_t s, std::size_t hit_start) const {
    return read_at(s, hit_start, asks_for_deliverable);
}

bool Detector::condition_on_others(std::size_t s, std::size_t hit_start) const {
    return read_at(s, hit_start, is_condition_on_others);
}

bool Detector::third_party_duty(std::size_t s, std::size_t hit_start) const {
    return read_at(s, hit_start, is_third_party_duty);
}

bool Detector::excluded_in(std::uint32_t rule_index, std::size_t s) const {
    if (!hits_) return false;
    const Sentence& sentence = sentences_[s];
    return std::any_of(hits_->begin(), hits_->end(), [&](const PhraseHit& other) {
        return other.exclusion && other.rule == rule_index && other.start >= sentence.start &&
               other.end <= sentence.end;
    });
}

bool Detector::starts_sentence(std::size_t s, std::size_t at) const {
    const auto by_start = [](const WordToken& t, std::size_t position) {
        return t.start < position;
    };
    auto token = std::lower_bound(tokens_.begin(), tokens_.end(), sentences_[s].start, by_start);
    for (; token != tokens_.end() && token->start < at; ++token) {
        if (!token->is_word) continue;
        // "2. Send the signed forms by Friday": a list number is no word of the sentence.
        const std::string_view word =
            input_.own_text.substr(token->start, token->end - token->start);
        if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
    }
    return true;
}

bool Detector::followed_by_auxiliary(std::size_t at) const {
    auto token = std::lower_bound(
        tokens_.begin(), tokens_.end(), at,
        [](const WordToken& t, std::size_t position) { return t.start < position; });
    if (token == tokens_.end() || !token->is_word) return false;
    return is_auxiliary_verb(lower_ascii(input_.own_text.substr(token->start, token->end - token->start)));
}

bool Detector::after_relative_pronoun(std::size_t at) const {
    auto token = std::lower_bound(
        tokens_.begin(), tokens_.end(), at,
        [](const WordToken& t, std::size_t position) { return t.start < position; });
    if (token == tokens_.begin()) return false;
    --token;
    if (!token->is_word) return false;
    const std::string word =
        lower_ascii(input_.own_text.substr(token->start, token->end - token->start));
    return word == "who" || word == "whoever";
}

bool Detector::names_a_party(std::size_t s, std::size_t hit_start) const {
    std::size_t hit = 0;
    const std::string text = lowered_sentence(s, hit_start, hit);
    static constexpr std::string_view kParties[] = {
        "i",   "i'm",    "i'd",   "i'll",   "i've",  "me",    "my",
        "we",  "we're",  "we'd",  "we'll",  "we've", "us",    "our",
        "you", "you're", "you'd", "you'll", "your",  "let's", "please"};
    return std::any_of(std::begin(kParties), std::end(kParties),
                       [&](std::string_view word) { return has_words(text, word); });
}

bool Detector::reader_opt_in(std::size_t s, std::size_t hit_start) const {
    std::size_t hit = 0;
    const std::string text = lowered_sentence(s, hit_start, hit);
    if (is_reader_opt_in(text, hit)) return true;
    if (s == 0) return false;
    static constexpr std::string_view kToTheReader[] = {"you", "your", "please", "pls", "kindly"};
    if (std::any_of(std::begin(kToTheReader), std::end(kToTheReader),
                    [&](std::string_view word) { return has_words(text, word); })) {
        return false;
    }
    std::size_t unused = 0;
    return opens_with_opt_in(lowered_sentence(s - 1, sentences_[s - 1].start, unused));
}

bool Detector::exception_report(std::size_t s, std::size_t hit_start) const {
    return read_at(s, hit_start, is_exception_report);
}

bool Detector::reply_about_attendance(std::size_t s, std::size_t hit_start) const {
    std::size_t hit = 0;
    if (!asks_mere_reply(lowered_sentence(s, hit_start, hit))) return false;
    const std::size_t first = s > kAttendanceReach ? s - kAttendanceReach : 0;
    for (std::size_t t = first; t < s; ++t) {
        std::size_t unused = 0;
        if (asks_attendance(lowered_sentence(t, sentences_[t].start, unused))) return true;
    }
    return false;
}

bool Detector::past_report(std::size_t t, std::size_t date_start) const {
    return read_at(t, date_start, is_past_report);
}

bool Detector::reply_after_work(std::size_t s, std::size_t at) const {
    return read_at(s, at, is_reply_after_work);
}

bool Detector::time_need(std::size_t s) const {
    std::size_t unused = 0;
    return is_time_need(lowered_sentence(s, sentences_[s].start, unused));
}

bool Detector::sentence_addresses_reader(std::size_t s) const {
    std::size_t unused = 0;
    return addresses_reader(lowered_sentence(s, sentences_[s].start, unused));
}

bool Detector::reader_addressed(std::size_t s) const {
    // A note this short is itself addressed to its reader: "The December
    // fuel bid is due tomorrow." reminds her; a report states dates.
    if (sentences_.size() <= kShortNote) return true;
    if (sentence_addresses_reader(s)) return true;
    // An announcement's passive date often sits next to its ask: "Your
    // migration is Friday. All data must be copied by midnight Thursday."
    if (s >= 1 && sentence_addresses_reader(s - 1)) return true;
    return s + 1 < sentences_.size() && sentence_addresses_reader(s + 1);
}

// A deadline lies ahead: "the notes from last Tuesday" names no due date.
bool Detector::usable(const Rule& rule, const DateExpression& date) const {
    if (!is_deadline(rule.category) || date.value.empty()) return true;
    // "As of the close of business today, we have shut down ...": a status.
    if (is_as_of_date(input_.own_text, date.start)) return false;
    const std::string_view last_day = date.end_value.empty() ? date.value : date.end_value;
    if (last_day.substr(0, 10) < reference_day_) return false;
    const auto first = day_of(date.value);
    if (!date.end_value.empty()) {
        const auto last = day_of(date.end_value);
        if (first && last && *last - *first > kLongestDueSpanDays) return false;
    }
    // "in the next six months" resolves to its far end, but it names a window
    // to work within, not a due date; "within the next 2 days" still counts.
    static constexpr std::string_view kWindows[] = {
        "in the next",   "within the next", "over the next",    "during the next",
        "in the coming", "over the coming", "within the coming"};
    const std::string text = lower_ascii(date.text);
    const auto reference = day_of(reference_day_);
    if (first && reference && *first - *reference > kFurthestYearlessDueDays &&
        !names_year(text)) {
        return false;
    }
    for (std::string_view window : kWindows) {
        if (text.starts_with(window) && first && reference &&
            *first - *reference > kLongestDueSpanDays) {
            return false;
        }
    }
    return true;
}

std::string Detector::check(const Rule& rule, const PhraseHit& hit, std::size_t s, Fired& fired) {
    if (is_scope(rule.category) && input_.first_in_thread) {
        return "the first message of a thread is the request itself, not a scope change";
    }
    // The first date in the sentence that ends after the phrase starts and
    // starts by `limit`, and that the rule may use; nullptr if none.
    const auto first_date_after_phrase = [&](std::size_t limit) -> const DateExpression* {
        const auto [first, last] = dates_in(s);
        for (auto* d = first; d != last; ++d) {
            if (d->end > hit.start && d->start <= limit && usable(rule, *d)) return d;
        }
        return nullptr;
    };
    for (RuleContext context : rule.contexts) {
        switch (context) {
            case RuleContext::outside_hours:
                if (!input_.outside_working_hours) return "sent within working hours";
                break;
            case RuleContext::in_thread:
                if (input_.first_in_thread) return "the first message of a thread answers nothing before it";
                break;
            case RuleContext::date:
            case RuleContext::resolved_date: {
                // The first fitting date after the phrase, else the last one
                // before it: "On Nov 24 we agreed the report, due Dec 5" is due Dec 5.
                const auto [first, last] = dates_in(s);
                const auto fits = [&](const DateExpression& d) {
                    return usable(rule, d) && (context == RuleContext::date || !d.value.empty());
                };
                const DateExpression* found = nullptr;
                for (auto* d = first; d != last && !found; ++d) {
                    if (d->end > hit.start && fits(*d)) found = d;
                }
                for (auto* d = last; d != first && !found; --d) {
                    if (fits(*(d - 1))) found = d - 1;
                }
                if (!found) {
                    return context == RuleContext::date ? "needs a date expression in the sentence"
                                                        : "needs a resolved date in the sentence";
                }
                if (!fired.date) fired.date = found;
                break;
            }
            case RuleContext::sentence_start:
                if (!starts_sentence(s, hit.start)) return "the phrase does not start the sentence";
                if (followed_by_auxiliary(hit.end)) {
                    return "the phrase is the sentence's subject, not an instruction";
                }
                break;
            case RuleContext::date_nearby: {
                // This sentence first, then the two before it, then the one
                // after it; a sentence with one of the rule's exclusions
                // ("Let's discuss it at Friday's meeting") lends no date.
                // A time already past when the mail was sent lends nothing
                // either: "Attached is a draft of our discussions from this
                // morning. Please provide your comments." Nor does the
                // sender's own schedule: "Please review and send any changes
                // so I can update. I will update again Thursday."
                const DateExpression* found = nullptr;
                const std::string sent = to_iso8601(input_.date);
                // A sentence that says when the asked thing is needed lends
                // its date from a little further on, and even when it names
                // the event the thing is for: "Please send me the revised
                // deck. I need it before the board call tomorrow."
                const auto look = [&](std::size_t t) {
                    if (found) return;
                    const bool need = t != s && time_need(t);
                    if (t != s && excluded_in(hit.rule, t) && !need) return;
                    const auto [first, last] = dates_in(t);
                    for (auto* d = first; d != last && !found; ++d) {
                        if (d->value.empty() || !usable(rule, *d)) continue;
                        const std::string& ends = d->end_value.empty() ? d->value : d->end_value;
                        if (t != s && ends.size() > 10 && compare_due(ends, sent) < 0) continue;
                        if (t != s && own_promise(t, d->start)) continue;
                        if (t != s && !need && past_report(t, d->start)) continue;
                        found = d;
                    }
                };
                look(s);
                if (s >= 1) look(s - 1);
                if (s >= 2) look(s - 2);
                if (s + 1 < sentences_.size()) look(s + 1);
                for (std::size_t t = s + 2;
                     !found && t <= s + kTimeNeedReach && t < sentences_.size(); ++t) {
                    if (time_need(t)) look(t);
                }
                if (!found) return "needs a resolved date in the sentence or the ones around it";
                if (!fired.date) fired.date = found;
                break;
            }
            case RuleContext::date_in_clause: {
                const DateExpression* found = first_date_after_phrase(clause_end(hit.end, s));
                if (!found) return "needs a date expression after the phrase in its clause";
                fired.date = found;
                break;
            }
            case RuleContext::date_after: {
                const DateExpression* found = first_date_after_phrase(limit_after(hit.end, s));
                if (!found) return "needs a date expression right after the phrase";
                fired.date = found;
                break;
            }
        }
    }
    return {};
}

void Detector::near_miss(const Rule& rule, std::size_t s, std::string reason) {
    if (!input_.explain) return;
    for (const NearMiss& miss : out_.near_misses) {
        if (miss.rule == rule.id && miss.start == sentences_[s].start) return;
    }
    const Sentence& sentence = sentences_[s];
    out_.near_misses.push_back(
        NearMiss{rule.id, rule.category,
                 std::string(input_.own_text.substr(sentence.start, sentence.end - sentence.start)),
                 sentence.start, sentence.end, EvidenceSource::own_text, std::move(reason)});
}

Detection Detector::run() {
    const std::string_view text = input_.own_text;
    if (input_.bulk || text.empty()) return {};
    sentences_ = split_sentences(text);
    tokenize_words(text, tokens_);
    std::vector<std::uint32_t> sentence_of(tokens_.size());
    std::size_t s = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        while (s + 1 < sentences_.size() && tokens_[i].start >= sentences_[s].end) ++s;
        sentence_of[i] = static_cast<std::uint32_t>(s);
    }
    std::vector<PhraseHit> hits;
    rules_.match(lower_ascii(text), tokens_, sentence_of, sentences_, hits);
    if (hits.empty()) return {};
    std::sort(hits.begin(), hits.end(), [](const PhraseHit& a, const PhraseHit& b) {
        return a.start != b.start ? a.start < b.start : a.rule < b.rule;
    });
    hits_ = &hits;

    std::vector<Fired> fired_list;
    for (const PhraseHit& hit : hits) {
        if (hit.exclusion || hit.required) continue;
        const Rule& rule = rules_.rules()[hit.rule];
        const std::size_t sentence = sentence_index(sentences_, hit.start);
        const bool seen = std::any_of(fired_list.begin(), fired_list.end(), [&](const Fired& f) {
            return f.rule == hit.rule && f.sentence == sentence;
        });
        if (seen) continue;
        if ((rule.sender == RuleSender::client && input_.from_va) ||
            (rule.sender == RuleSender::va && !input_.from_va)) {
            near_miss(rule, sentence,
                      rule.sender == RuleSender::va ? "reads only the VA's own mail"
                                                    : "reads only client mail");
            continue;
        }
        std::string blocked;
        // Event words after the deadline phrase may only name what the
        // deliverable is for ("send me the slides by Thursday for Friday's
        // meeting"): decided once the date is known.
        std::vector<const PhraseHit*> events_after;
        for (const PhraseHit& other : hits) {
            if (other.exclusion && other.rule == hit.rule &&
                other.start >= sentences_[sentence].start &&
                other.end <= sentences_[sentence].end) {
                const std::string_view excluded = text.substr(other.start, other.end - other.start);
                if (is_deadline(rule.category) && reply_after_work(sentence, other.start)) continue;
                if (rule.category == Category::deadline_set && other.start >= hit.end &&
                    is_event_word(lower_ascii(excluded))) {
                    events_after.push_back(&other);
                    continue;
                }
                blocked = "excluded by \"" + std::string(excluded) + "\"";
                break;
            }
        }
        if (blocked.empty() && !rule.required.empty()) {
            bool named = false;  // a required pronoun in the sentence, out of reach
            const bool asked = std::any_of(hits.begin(), hits.end(), [&](const PhraseHit& other) {
                if (!other.required || other.rule != hit.rule ||
                    other.start < sentences_[sentence].start ||
                    other.end > sentences_[sentence].end) {
                    return false;
                }
                // A bare pronoun names someone, but asks only in the phrase's
                // own clause; an asking word ("please", "must", "return")
                // asks from anywhere in the sentence.
                const std::string word =
                    lower_ascii(text.substr(other.start, other.end - other.start));
                const bool pronoun =
                    word == "you" || word == "your" || word == "me" || word == "us";
                // "employees who would like to take the GMAT before January
                // 31" describes them; it asks nothing.
                if (after_relative_pronoun(other.start)) return false;
                if (!pronoun || within_reach(other.start, hit.start)) return true;
                named = true;
                return false;
            });
            if (!asked) {
                blocked = named ? "its required pronoun is not in the phrase's clause"
                                : "none of its required words (\"" + rule.required.front() +
                                      "\", ...) in the sentence";
            }
        }
        // The sender's own next step adds no work to the reader's request
        // either: "I have some other bottles that I can throw in also".
        if (blocked.empty() &&
            (rule.category == Category::deadline_set || is_scope(rule.category)) &&
            rule.sender != RuleSender::va && own_promise(sentence, hit.start)) {
            blocked = "the sender's own promise, not an ask of the reader";
        }
        if (blocked.empty() && rule.category == Category::deadline_set &&
            rule.sender != RuleSender::va && third_party_duty(sentence, hit.start)) {
            blocked = "a duty of a third party, not an ask of the reader";
        }
        if (blocked.empty() && is_deadline(rule.category) && condition_on_others(sentence, hit.start)) {
            blocked = "inside a condition on someone else's action, not an ask";
        }
        // A deadline set earlier in this message counts like the thread's:
        // "The draft by Friday please. Sorry, push the draft to Monday."
        const bool set_before =
            std::any_of(fired_list.begin(), fired_list.end(), [&](const Fired& f) {
                return f.sentence < sentence &&
                       rules_.rules()[f.rule].category == Category::deadline_set;
            });
        if (blocked.empty() && rule.category == Category::deadline_change && !rule.cancels &&
            input_.current_deadline.empty() && !set_before && !names_a_party(sentence, hit.start)) {
            blocked = "no deadline in the thread, and no one in the conversation moves one";
        }
        if (blocked.empty() && rule.cancels && input_.current_deadline.empty() &&
            lower_ascii(text.substr(hit.start, hit.end - hit.start)).find("deadline") ==
                std::string::npos) {
            blocked = "the thread has no deadline to cancel";
        }
        Fired fired{hit.rule, sentence, hit.start, hit.end, nullptr};
        if (blocked.empty()) blocked = check(rule, hit, sentence, fired);
        // Work is added only when someone in the conversation is asked: "This
        // may include the interests of its shareholder" and "I sure would like
        // to add something sizable to the totals" ask no one. Unlike a
        // deadline's date, the sentence itself must ask. A drop ("No need for
        // the summary anymore") is itself said to the reader.
        if (blocked.empty() && rule.category == Category::scope_add &&
            rule.sender != RuleSender::va && !sentence_addresses_reader(sentence)) {
            blocked = "asks no one in the conversation to add work";
        }
        if (blocked.empty() && rule.category == Category::scope_add &&
            read_at(sentence, hit.end, asks_only_a_reply)) {
            blocked = "asks for a reply, not added work";
        }
        // Asks that bind the reader to no work whatever their date: an
        // offer, a report wanted only should something be wrong, an RSVP.
        // Read once the rule's context holds: most hits never get that far,
        // and these readings look at the sentences around the hit too.
        if (blocked.empty() && rule.category == Category::deadline_set &&
            rule.sender != RuleSender::va) {
            if (reader_opt_in(sentence, hit.start)) {
                blocked = "an offer the reader may take up, not work asked of her";
            } else if (exception_report(sentence, hit.start)) {
                blocked = "asks to be told only should something be wrong, not for work";
            } else if (reply_about_attendance(sentence, hit.start)) {
                blocked = "a reply about attending, not work";
            } else if (!reader_addressed(sentence)) {
                blocked = "asks no one in the conversation to act: news or another party's date";
            }
        }
        if (blocked.empty() && !events_after.empty()) {
            const bool for_an_event =
                fired.date != nullptr &&
                std::all_of(events_after.begin(), events_after.end(),
                            [&](const PhraseHit* event) { return event->start >= fired.date->end; }) &&
                deliverable_asked(sentence, hit.start);
            if (!for_an_event) {
                const PhraseHit& event = *events_after.front();
                blocked = "excluded by \"" +
                          std::string(text.substr(event.start, event.end - event.start)) + "\"";
            }
        }
        if (!blocked.empty()) {
            near_miss(rule, sentence, std::move(blocked));
            continue;
        }
        fired_list.push_back(fired);
    }

    // One event per sentence and category, in text order.
    std::stable_sort(fired_list.begin(), fired_list.end(), [&](const Fired& a, const Fired& b) {
        if (a.sentence != b.sentence) return a.sentence < b.sentence;
        return rules_.rules()[a.rule].category < rules_.rules()[b.rule].category;
    });
    std::string current = input_.current_deadline;
    for (std::size_t i = 0; i < fired_list.size();) {
        std::size_t j = i;
        const Category category = rules_.rules()[fired_list[i].rule].category;
        while (j < fired_list.size() && fired_list[j].sentence == fired_list[i].sentence &&
               rules_.rules()[fired_list[j].rule].category == category) {
            ++j;
        }
        const std::vector<Fired> group(fired_list.begin() + static_cast<std::ptrdiff_t>(i),
                                       fired_list.begin() + static_cast<std::ptrdiff_t>(j));
        const bool changed_here =
            category == Category::deadline_set &&
            std::any_of(fired_list.begin(), fired_list.end(), [&](const Fired& f) {
                return f.sentence == group.front().sentence &&
                       rules_.rules()[f.rule].category == Category::deadline_change;
            });
        if (!changed_here) {
            Event event = make_event(group);
            if (is_deadline(category)) {
                const Fired* strongest = &group.front();
                for (const Fired& f : group) {
                    if (rules_.rules()[f.rule].id == event.rule) strongest = &f;
                }
                resolve_deadline(event, *strongest, current);
            }
            out_.events.push_back(std::move(event));
        }
        i = j;
    }
    return std::move(out_);
}

Event Detector::make_event(const std::vector<Fired>& group) {
    const Rule* strongest = &rules_.rules()[group.front().rule];
    double miss = 1.0;
    for (const Fired& f : group) {
        const Rule& rule = rules_.rules()[f.rule];
        miss *= 1.0 - rule.weight;
        if (rule.weight > strongest->weight) strongest = &rule;
    }
    const Sentence& sentence = sentences_[group.front().sentence];
    Event event;
    event.category = strongest->category;
    event.evidence =
        std::string(input_.own_text.substr(sentence.start, sentence.end - sentence.start));
    event.start = sentence.start;
    event.end = sentence.end;
    event.rule = strongest->id;
    event.confidence = 1.0 - miss;
    return event;
}

void Detector::resolve_deadline(Event& event, const Fired& strongest, std::string& current) {
    const Rule& rule = rules_.rules()[strongest.rule];
    const auto [first, last] = dates_in(strongest.sentence);
    std::vector<const DateExpression*> resolved;
    for (auto* d = first; d != last; ++d) {
        if (!d->value.empty() &&
            (usable(rule, *d) || event.category == Category::deadline_change)) {
            resolved.push_back(d);
        }
    }
    if (event.category == Category::deadline_change) {
        if (rule.cancels) {
            event.previous_due = current;
            event.move = DueMove::cancelled;
            current.clear();
            return;
        }
        if (resolved.empty()) {
            event.previous_due = current;
            return;
        }
        const DateExpression* new_date = resolved.back();
        const DateExpression* old_date = resolved.size() > 1 ? resolved.front() : nullptr;
        if (old_date) {
            // "today instead of Friday": the new date comes first.
            const std::string between =
                lower_ascii(input_.own_text.substr(old_date->end, new_date->start - old_date->end));
            if (between.find("instead of") != std::string::npos ||
                between.find("rather than") != std::string::npos) {
                std::swap(new_date, old_date);
            }
        }
        event.due = new_date->value;
        event.previous_due = !current.empty() ? current
                             : old_date       ? old_date->value
                                              : std::string();
    } else {
        // The date the rule's context found; else the first one after the
        // phrase; else the last one before it. Intervals ("next week") count
        // from their start, the earlier and safer reading for the VA.
        const DateExpression* due = strongest.date;
        if (!due) {
            for (auto* d = first; d != last && !due; ++d) {
                if (d->start >= strongest.hit_start && usable(rule, *d)) due = d;
            }
            for (auto* d = last; d != first && !due; --d) {
                if (usable(rule, *(d - 1))) due = d - 1;
            }
        }
        if (!due || due->value.empty()) return;  // "ASAP": a deadline without a date
        event.due = due->value;
        // A date the client states that differs from the thread's deadline
        // moves it. Only the deadline the thread had before this message
        // counts: one mail often lists several deliverables with their own
        // dates. The VA's own dates are her commitments ("I'll have the
        // holiday hours done by the end of next week"), which move nothing
        // unless she says so in words a deadline_change rule knows.
        const std::string& before = input_.current_deadline;
        if (!input_.from_va && !before.empty() && compare_due(event.due, before) != 0) {
            event.category = Category::deadline_change;
            event.previous_due = before;
        }
        if (event.category == Category::deadline_set) {
            current = event.due;  // what an explicit change later in the mail moves
            return;
        }
    }
    if (!event.previous_due.empty()) {
        const int order = compare_due(event.due, event.previous_due);
        event.move = order < 0 ? DueMove::earlier : order > 0 ? DueMove::later : DueMove::none;
    }
    current = event.due;
}

}  // namespace

std::string_view due_move_name(DueMove move) {
    switch (move) {
        case DueMove::none:
            return "none";
        case DueMove::earlier:
            return "earlier";
        case DueMove::later:
            return "later";
        case DueMove::cancelled:
            return "cancelled";
    }
    return "none";
}

int compare_due(std::string_view a, std::string_view b) {
    const int day = a.substr(0, 10).compare(b.substr(0, 10));
    if (day != 0) return day < 0 ? -1 : 1;
    if (a.size() <= 10 || b.size() <= 10) return 0;
    const auto left = parse_iso8601(std::string(a));
    const auto right = parse_iso8601(std::string(b));
    if (!left || !right || left->unix_seconds == right->unix_seconds) return 0;
    return left->unix_seconds < right->unix_seconds ? -1 : 1;
}

namespace {

// A deadline asked in the subject line only ("PLEASE SEND ME YOUR TIME ... BY
// NOON TUESDAY" over a body that lists names). Read only when the own text
// shows no deadline: a subject restating the body's ask would count it twice.
void add_subject_deadline(const RuleSet& rules, const DetectInput& input, Detection& found) {
    if (input.bulk || input.subject.empty()) return;
    if (std::any_of(found.events.begin(), found.events.end(),
                    [](const Event& event) { return is_deadline(event.category); })) {
        return;
    }
    const std::string_view subject = subject_of_own_ask(input.subject);
    if (subject.empty()) return;
    DetectInput subject_input = input;
    subject_input.own_text = subject;
    subject_input.subject = {};
    Detection from_subject = Detector(rules, subject_input).run();
    for (Event& event : from_subject.events) {
        if (!is_deadline(event.category)) continue;  // scope and the rest need the body's context
        event.source = EvidenceSource::subject;
        found.events.push_back(std::move(event));
    }
    for (NearMiss& miss : from_subject.near_misses) {
        if (!is_deadline(miss.category)) continue;
        miss.source = EvidenceSource::subject;
        found.near_misses.push_back(std::move(miss));
    }
}

}  // namespace

Detection detect(const RuleSet& rules, const DetectInput& input) {
    Detection found = Detector(rules, input).run();
    add_subject_deadline(rules, input, found);
    return found;
}

}  // namespace casefile::core
