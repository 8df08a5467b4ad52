// The date scanner's tokens: words, numbers and single symbols with their byte
// spans. Each word is looked up once in a small lexicon (months, weekdays,
// number words, keywords), so the parsers compare small integers, not text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace casefile::core::date_detail {

enum class TokenKind : std::uint8_t { word, number, symbol };

enum class LexKind : std::uint8_t { none, month, weekday, number_word, ordinal_word, keyword };

// Keywords the parsers look for. Plurals and short forms share one entry
// ("days" and "day" are both Kw::day).
enum class Kw : std::uint8_t {
    none,
    today, tonight, tomorrow, yesterday,
    next, this_, last, coming, following, after, every,
    end, eod, cob, eob, eow, eom, eoq, eoy, close, play, business, working,
    day, week, weekend, month, year, quarter, hour, minute,
    in, within, by, on, at, before, until, through, to, from, between, and_, of, the, a,
    over, due, around, no, later, than, latest, now, time, thing, couple, half,
    mid, middle, early, late, beginning, start,
    noon, midday, midnight, morning, afternoon, evening, night,
    am, pm, p, m, o, clock, q, timezone,
    asap, soon, urgent, right, away, immediately, earliest, convenience, possible, as, your,
    move_verb,   // push, move, reschedule ...: "from X to Y" is then a change
    unit_noun,   // of, percent, people, pages ...: "3/4 of" is a fraction
    counter_noun, // page, step, version ...: "page 3/15" is not a date
    holiday       // black, good, cyber: "Black Friday" is not this Friday
};

struct Token {
    std::uint32_t start = 0;  // byte span in the text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::word;
    LexKind lex = LexKind::none;
    Kw keyword = Kw::none;
    std::uint8_t digits = 0;       // numbers: how many digits were written
    bool ordinal = false;          // numbers: "15th"
    bool space_before = false;     // whitespace separates it from the previous token
    bool newline_before = false;   // a line break does
    bool capitalized = false;      // words: first letter upper case
    bool abbreviation = false;     // "Mar", "Fri"
    bool ambiguous = false;        // "May", "March", "Sat", "Sun", "Wed", "Mon"
    char symbol = 0;               // symbols: the character ('-' for en/em dashes)
    // numbers: the value (-1 when over 9 digits); months 1-12; weekdays 0-6
    // (Monday 0); number and ordinal words their value; time zones the offset
    // in minutes.
    int value = 0;
};

// Replaces `out` with the tokens of `text`. Whitespace separates tokens and is
// not itself a token; every other byte outside words and numbers is a symbol.
void tokenize(std::string_view text, std::vector<Token>& out);

// The month (1-12) a lower-case English month name or abbreviation names
// ("march", "sept"), from the same lexicon the tokens use; 0 for any other word.
int month_number(std::string_view lower_word);

}  // namespace casefile::core::date_detail
