#include "core/date_tokens.hpp"

#include <array>
#include <cstring>

namespace casefile::core::date_detail {
namespace {

struct Entry {
    const char* word;  // lower case
    LexKind lex;
    Kw keyword;
    int value;
    bool abbreviation;
    bool ambiguous;
};

constexpr LexKind M = LexKind::month;
constexpr LexKind W = LexKind::weekday;
constexpr LexKind N = LexKind::number_word;
constexpr LexKind O = LexKind::ordinal_word;
constexpr LexKind K = LexKind::keyword;

// Every word the date parsers care about. Anything else is LexKind::none.
constexpr Entry kEntries[] = {
    {"january", M, Kw::none, 1, false, false}, {"jan", M, Kw::none, 1, true, false},
    {"february", M, Kw::none, 2, false, false}, {"feb", M, Kw::none, 2, true, false},
    {"march", M, Kw::none, 3, false, true}, {"mar", M, Kw::none, 3, true, false},
    {"april", M, Kw::none, 4, false, false}, {"apr", M, Kw::none, 4, true, false},
    {"may", M, Kw::none, 5, false, true},
    {"june", M, Kw::none, 6, false, false}, {"jun", M, Kw::none, 6, true, false},
    {"july", M, Kw::none, 7, false, false}, {"jul", M, Kw::none, 7, true, false},
    {"august", M, Kw::none, 8, false, false}, {"aug", M, Kw::none, 8, true, false},
    {"september", M, Kw::none, 9, false, false}, {"sep", M, Kw::none, 9, true, false},
    {"sept", M, Kw::none, 9, true, false},
    {"october", M, Kw::none, 10, false, false}, {"oct", M, Kw::none, 10, true, false},
    {"november", M, Kw::none, 11, false, false}, {"nov", M, Kw::none, 11, true, false},
    {"december", M, Kw::none, 12, false, false}, {"dec", M, Kw::none, 12, true, false},
    {"monday", W, Kw::none, 0, false, false}, {"mon", W, Kw::none, 0, true, true},
    {"tuesday", W, Kw::none, 1, false, false}, {"tue", W, Kw::none, 1, true, false},
    {"tues", W, Kw::none, 1, true, false},
    {"wednesday", W, Kw::none, 2, false, false}, {"wed", W, Kw::none, 2, true, true},
    {"thursday", W, Kw::none, 3, false, false}, {"thu", W, Kw::none, 3, true, false},
    {"thur", W, Kw::none, 3, true, false}, {"thurs", W, Kw::none, 3, true, false},
    {"friday", W, Kw::none, 4, false, false}, {"fri", W, Kw::none, 4, true, false},
    {"saturday", W, Kw::none, 5, false, false}, {"sat", W, Kw::none, 5, true, true},
    {"sunday", W, Kw::none, 6, false, false}, {"sun", W, Kw::none, 6, true, true},
    {"one", N, Kw::none, 1, false, false}, {"two", N, Kw::none, 2, false, false},
    {"three", N, Kw::none, 3, false, false}, {"four", N, Kw::none, 4, false, false},
    {"five", N, Kw::none, 5, false, false}, {"six", N, Kw::none, 6, false, false},
    {"seven", N, Kw::none, 7, false, false}, {"eight", N, Kw::none, 8, false, false},
    {"nine", N, Kw::none, 9, false, false}, {"ten", N, Kw::none, 10, false, false},
    {"eleven", N, Kw::none, 11, false, false}, {"twelve", N, Kw::none, 12, false, false},
    {"fourteen", N, Kw::none, 14, false, false}, {"fifteen", N, Kw::none, 15, false, false},
    {"twenty", N, Kw::none, 20, false, false}, {"thirty", N, Kw::none, 30, false, false},
    {"first", O, Kw::none, 1, false, false}, {"second", O, Kw::none, 2, false, false},
    {"third", O, Kw::none, 3, false, false}, {"fourth", O, Kw::none, 4, false, false},
    {"fifth", O, Kw::none, 5, false, false}, {"sixth", O, Kw::none, 6, false, false},
    {"seventh", O, Kw::none, 7, false, false}, {"eighth", O, Kw::none, 8, false, false},
    {"ninth", O, Kw::none, 9, false, false}, {"tenth", O, Kw::none, 10, false, false},
    {"eleventh", O, Kw::none, 11, false, false}, {"twelfth", O, Kw::none, 12, false, false},
    {"fifteenth", O, Kw::none, 15, false, false}, {"twentieth", O, Kw::none, 20, false, false},
    {"thirtieth", O, Kw::none, 30, false, false},
    {"today", K, Kw::today, 0, false, false}, {"tonight", K, Kw::tonight, 0, false, false},
    {"tomorrow", K, Kw::tomorrow, 0, false, false}, {"tmrw", K, Kw::tomorrow, 0, false, false},
    {"tmr", K, Kw::tomorrow, 0, false, false}, {"tomorow", K, Kw::tomorrow, 0, false, false},
    {"tommorow", K, Kw::tomorrow, 0, false, false}, {"yesterday", K, Kw::yesterday, 0, false, false},
    {"next", K, Kw::next, 0, false, false}, {"this", K, Kw::this_, 0, false, false},
    {"last", K, Kw::last, 0, false, false}, {"coming", K, Kw::coming, 0, false, false},
    {"upcoming", K, Kw::coming, 0, false, false}, {"following", K, Kw::following, 0, false, false},
    {"after", K, Kw::after, 0, false, false}, {"every", K, Kw::every, 0, false, false},
    {"each", K, Kw::every, 0, false, false},
    {"end", K, Kw::end, 0, false, false}, {"eod", K, Kw::eod, 0, false, false},
    {"cob", K, Kw::cob, 0, false, false}, {"eob", K, Kw::eob, 0, false, false},
    {"eow", K, Kw::eow, 0, false, false}, {"eom", K, Kw::eom, 0, false, false},
    {"eoq", K, Kw::eoq, 0, false, false}, {"eoy", K, Kw::eoy, 0, false, false},
    {"close", K, Kw::close, 0, false, false}, {"play", K, Kw::play, 0, false, false},
    {"business", K, Kw::business, 0, false, false}, {"working", K, Kw::working, 0, false, false},
    {"day", K, Kw::day, 0, false, false}, {"days", K, Kw::day, 0, false, false},
    {"week", K, Kw::week, 0, false, false}, {"weeks", K, Kw::week, 0, false, false},
    {"wk", K, Kw::week, 0, false, false}, {"wks", K, Kw::week, 0, false, false},
    {"weekend", K, Kw::weekend, 0, false, false},
    {"month", K, Kw::month, 0, false, false}, {"months", K, Kw::month, 0, false, false},
    {"year", K, Kw::year, 0, false, false}, {"years", K, Kw::year, 0, false, false},
    {"quarter", K, Kw::quarter, 0, false, false},
    {"hour", K, Kw::hour, 0, false, false}, {"hours", K, Kw::hour, 0, false, false},
    {"hr", K, Kw::hour, 0, false, false}, {"hrs", K, Kw::hour, 0, false, false},
    {"minute", K, Kw::minute, 0, false, false}, {"minutes", K, Kw::minute, 0, false, false},
    {"min", K, Kw::minute, 0, false, false}, {"mins", K, Kw::minute, 0, false, false},
    {"in", K, Kw::in, 0, false, false}, {"within", K, Kw::within, 0, false, false},
    {"by", K, Kw::by, 0, false, false}, {"on", K, Kw::on, 0, false, false},
    {"at", K, Kw::at, 0, false, false}, {"before", K, Kw::before, 0, false, false},
    {"until", K, Kw::until, 0, false, false}, {"till", K, Kw::until, 0, false, false},
    {"til", K, Kw::until, 0, false, false}, {"through", K, Kw::through, 0, false, false},
    {"thru", K, Kw::through, 0, false, false}, {"to", K, Kw::to, 0, false, false},
    {"from", K, Kw::from, 0, false, false}, {"between", K, Kw::between, 0, false, false},
    {"and", K, Kw::and_, 0, false, false}, {"of", K, Kw::of, 0, false, false},
    {"the", K, Kw::the, 0, false, false}, {"a", K, Kw::a, 1, false, false},
    {"an", K, Kw::a, 1, false, false}, {"over", K, Kw::over, 0, false, false},
    {"half", K, Kw::half, 0, false, false},
    {"due", K, Kw::due, 0, false, false}, {"around", K, Kw::around, 0, false, false},
    {"no", K, Kw::no, 0, false, false}, {"later", K, Kw::later, 0, false, false},
    {"than", K, Kw::than, 0, false, false}, {"latest", K, Kw::latest, 0, false, false},
    {"now", K, Kw::now, 0, false, false}, {"time", K, Kw::time, 0, false, false},
    {"thing", K, Kw::thing, 0, false, false}, {"couple", K, Kw::couple, 2, false, false},
    {"mid", K, Kw::mid, 0, false, false}, {"middle", K, Kw::middle, 0, false, false},
    {"early", K, Kw::early, 0, false, false}, {"late", K, Kw::late, 0, false, false},
    {"beginning", K, Kw::beginning, 0, false, false}, {"start", K, Kw::start, 0, false, false},
    {"noon", K, Kw::noon, 0, false, false}, {"midday", K, Kw::midday, 0, false, false},
    {"midnight", K, Kw::midnight, 0, false, false}, {"morning", K, Kw::morning, 0, false, false},
    {"afternoon", K, Kw::afternoon, 0, false, false}, {"evening", K, Kw::evening, 0, false, false},
    {"night", K, Kw::night, 0, false, false},
    {"am", K, Kw::am, 0, false, false}, {"pm", K, Kw::pm, 0, false, false},
    {"p", K, Kw::p, 0, false, false}, {"m", K, Kw::m, 0, false, false},
    {"o", K, Kw::o, 0, false, false}, {"clock", K, Kw::clock, 0, false, false},
    {"q", K, Kw::q, 0, false, false},
    {"utc", K, Kw::timezone, 0, false, false}, {"gmt", K, Kw::timezone, 0, false, false},
    {"est", K, Kw::timezone, -300, false, false}, {"edt", K, Kw::timezone, -240, false, false},
    {"cst", K, Kw::timezone, -360, false, false}, {"cdt", K, Kw::timezone, -300, false, false},
    {"mst", K, Kw::timezone, -420, false, false}, {"mdt", K, Kw::timezone, -360, false, false},
    {"pst", K, Kw::timezone, -480, false, false}, {"pdt", K, Kw::timezone, -420, false, false},
    {"cet", K, Kw::timezone, 60, false, false}, {"cest", K, Kw::timezone, 120, false, false},
    {"asap", K, Kw::asap, 0, false, false}, {"soon", K, Kw::soon, 0, false, false},
    {"urgent", K, Kw::urgent, 0, false, false}, {"urgently", K, Kw::urgent, 0, false, false},
    {"right", K, Kw::right, 0, false, false}, {"away", K, Kw::away, 0, false, false},
    {"immediately", K, Kw::immediately, 0, false, false},
    {"earliest", K, Kw::earliest, 0, false, false},
    {"convenience", K, Kw::convenience, 0, false, false},
    {"possible", K, Kw::possible, 0, false, false}, {"as", K, Kw::as, 0, false, false},
    {"your", K, Kw::your, 0, false, false},
    {"push", K, Kw::move_verb, 0, false, false}, {"pushed", K, Kw::move_verb, 0, false, false},
    {"move", K, Kw::move_verb, 0, false, false}, {"moved", K, Kw::move_verb, 0, false, false},
    {"shift", K, Kw::move_verb, 0, false, false}, {"shifted", K, Kw::move_verb, 0, false, false},
    {"change", K, Kw::move_verb, 0, false, false}, {"changed", K, Kw::move_verb, 0, false, false},
    {"reschedule", K, Kw::move_verb, 0, false, false},
    {"rescheduled", K, Kw::move_verb, 0, false, false},
    {"postpone", K, Kw::move_verb, 0, false, false},
    {"postponed", K, Kw::move_verb, 0, false, false},
    {"delay", K, Kw::move_verb, 0, false, false}, {"delayed", K, Kw::move_verb, 0, false, false},
    {"bring", K, Kw::move_verb, 0, false, false}, {"extend", K, Kw::move_verb, 0, false, false},
    {"extended", K, Kw::move_verb, 0, false, false}, {"pull", K, Kw::move_verb, 0, false, false},
    {"percent", K, Kw::unit_noun, 0, false, false}, {"people", K, Kw::unit_noun, 0, false, false},
    {"cup", K, Kw::unit_noun, 0, false, false}, {"cups", K, Kw::unit_noun, 0, false, false},
    {"mile", K, Kw::unit_noun, 0, false, false}, {"miles", K, Kw::unit_noun, 0, false, false},
    {"inch", K, Kw::unit_noun, 0, false, false}, {"inches", K, Kw::unit_noun, 0, false, false},
    {"off", K, Kw::unit_noun, 0, false, false}, {"share", K, Kw::unit_noun, 0, false, false},
    {"split", K, Kw::unit_noun, 0, false, false}, {"majority", K, Kw::unit_noun, 0, false, false},
    {"page", K, Kw::counter_noun, 0, false, false}, {"pages", K, Kw::counter_noun, 0, false, false},
    {"step", K, Kw::counter_noun, 0, false, false}, {"part", K, Kw::counter_noun, 0, false, false},
    {"item", K, Kw::counter_noun, 0, false, false}, {"slide", K, Kw::counter_noun, 0, false, false},
    {"question", K, Kw::counter_noun, 0, false, false},
    {"chapter", K, Kw::counter_noun, 0, false, false},
    {"section", K, Kw::counter_noun, 0, false, false},
    {"version", K, Kw::counter_noun, 0, false, false},
    {"v", K, Kw::counter_noun, 0, false, false}, {"ver", K, Kw::counter_noun, 0, false, false},
    {"rated", K, Kw::counter_noun, 0, false, false},
    {"rating", K, Kw::counter_noun, 0, false, false},
    {"score", K, Kw::counter_noun, 0, false, false}, {"ratio", K, Kw::counter_noun, 0, false, false},
    {"issue", K, Kw::counter_noun, 0, false, false}, {"ticket", K, Kw::counter_noun, 0, false, false},
    {"room", K, Kw::counter_noun, 0, false, false}, {"suite", K, Kw::counter_noun, 0, false, false},
    {"unit", K, Kw::counter_noun, 0, false, false}, {"invoice", K, Kw::counter_noun, 0, false, false},
    {"order", K, Kw::counter_noun, 0, false, false}, {"ref", K, Kw::counter_noun, 0, false, false},
    {"ext", K, Kw::counter_noun, 0, false, false}, {"size", K, Kw::counter_noun, 0, false, false},
    {"black", K, Kw::holiday, 0, false, false}, {"good", K, Kw::holiday, 0, false, false},
    {"cyber", K, Kw::holiday, 0, false, false},
};

constexpr std::size_t kMaxWord = 12;
constexpr std::size_t kSlots = 1024;  // a power of two, well over twice the entries

std::uint32_t hash_word(const char* word, std::size_t length) {
    std::uint32_t hash = 2166136261u;  // FNV-1a: short keys, cheap, good enough spread
    for (std::size_t i = 0; i < length; ++i) {
        hash = (hash ^ static_cast<unsigned char>(word[i])) * 16777619u;
    }
    return hash;
}

// Open addressing over the entries, built once; a lookup costs one hash and
// usually one comparison, which matters at ~500 words per message.
class Lexicon {
public:
    Lexicon() {
        slots_.fill(-1);
        for (std::size_t i = 0; i < std::size(kEntries); ++i) {
            const std::size_t length = std::strlen(kEntries[i].word);
            lengths_[i] = static_cast<unsigned char>(length);
            shapes_[static_cast<std::size_t>(kEntries[i].word[0] - 'a')] |= 1u << length;
            std::size_t slot = hash_word(kEntries[i].word, length) & (kSlots - 1);
            while (slots_[slot] >= 0) slot = (slot + 1) & (kSlots - 1);
            slots_[slot] = static_cast<short>(i);
        }
    }

    // REQUIRES: word is lower-case ASCII letters, 1 <= length <= kMaxWord.
    const Entry* find(const char* word, std::size_t length) const {
        // Most prose words fail this first-letter-and-length test and are
        // never hashed.
        if ((shapes_[static_cast<std::size_t>(word[0] - 'a')] & (1u << length)) == 0) return nullptr;
        std::size_t slot = hash_word(word, length) & (kSlots - 1);
        while (slots_[slot] >= 0) {
            const std::size_t index = static_cast<std::size_t>(slots_[slot]);
            if (lengths_[index] == length && std::memcmp(kEntries[index].word, word, length) == 0) {
                return &kEntries[index];
            }
            slot = (slot + 1) & (kSlots - 1);
        }
        return nullptr;
    }

private:
    std::array<short, kSlots> slots_{};
    std::array<unsigned char, std::size(kEntries)> lengths_{};
    std::array<std::uint32_t, 26> shapes_{};  // per first letter: a bit per word length
};

const Lexicon& lexicon() {
    static const Lexicon instance;
    return instance;
}

bool is_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

void classify_word(std::string_view text, Token& token) {
    const std::size_t length = token.end - token.start;
    const char* begin = text.data() + token.start;
    token.capitalized = begin[0] >= 'A' && begin[0] <= 'Z';
    if (length > kMaxWord) return;
    char lower[kMaxWord] = {};  // zeroed only to quiet GCC 12's -Wmaybe-uninitialized
    for (std::size_t i = 0; i < length; ++i) {
        const unsigned char c = static_cast<unsigned char>(begin[i]);
        if (!is_letter(c)) return;  // UTF-8 inside the word: none of ours
        lower[i] = static_cast<char>(c | 0x20);
    }
    const Entry* entry = lexicon().find(lower, length);
    if (entry == nullptr) return;
    token.lex = entry->lex;
    token.keyword = entry->keyword;
    token.value = entry->value;
    token.abbreviation = entry->abbreviation;
    token.ambiguous = entry->ambiguous;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
    out.clear();
    const std::size_t size = text.size();
    std::size_t i = 0;
    bool space = true, newline = true;
    while (i < size) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            space = true;
            newline = newline || c == '\n';
            ++i;
            continue;
        }
        // U+00A0 no-break space is whitespace too.
        if (c == 0xC2 && i + 1 < size && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            space = true;
            i += 2;
            continue;
        }
        Token token;
        token.start = static_cast<std::uint32_t>(i);
        token.space_before = space;
        token.newline_before = newline;
        space = newline = false;
        if (is_digit(c)) {
            std::int64_t value = 0;
            std::size_t j = i;
            while (j < size && is_digit(static_cast<unsigned char>(text[j]))) {
                if (value <= 999'999'999) value = value * 10 + (text[j] - '0');
                ++j;
            }
            token.kind = TokenKind::number;
            token.digits = static_cast<std::uint8_t>(j - i > 255 ? 255 : j - i);
            token.value = j - i > 9 ? -1 : static_cast<int>(value);
            // "15th", "1st", "22nd", "3rd": the suffix is part of the number,
            // unless more letters follow ("5thousand" is not an ordinal).
            if (j + 1 < size) {
                const char a = static_cast<char>(text[j] | 0x20), b = static_cast<char>(text[j + 1] | 0x20);
                const bool suffix = (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                                    (a == 'r' && b == 'd') || (a == 't' && b == 'h');
                if (suffix && (j + 2 >= size || !is_letter(static_cast<unsigned char>(text[j + 2])))) {
                    token.ordinal = true;
                    j += 2;
                }
            }
            token.end = static_cast<std::uint32_t>(j);
            i = j;
        } else if (c == 0xE2 && i + 2 < size && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            // U+2000-U+203F, general punctuation: dashes are range symbols,
            // curly quotes are quotes, the rest is some other symbol.
            const unsigned char last = static_cast<unsigned char>(text[i + 2]);
            token.kind = TokenKind::symbol;
            token.symbol = last == 0x93 || last == 0x94 ? '-'
                           : last == 0x98 || last == 0x99 ? '\''
                           : last == 0x9C || last == 0x9D ? '"'
                                                          : '~';
            token.end = static_cast<std::uint32_t>(i + 3);
            i += 3;
        } else if (is_letter(c) || c >= 0x80) {
            std::size_t j = i;
            while (j < size) {
                const unsigned char d = static_cast<unsigned char>(text[j]);
                const bool punctuation =
                    j + 1 < size && ((d == 0xE2 && static_cast<unsigned char>(text[j + 1]) == 0x80) ||
                                     (d == 0xC2 && static_cast<unsigned char>(text[j + 1]) == 0xA0));
                if (!(is_letter(d) || (d >= 0x80 && !punctuation))) break;
                ++j;
            }
            if (j == i) j = i + 1;
            token.kind = TokenKind::word;
            token.end = static_cast<std::uint32_t>(j);
            classify_word(text, token);
            i = j;
        } else {
            token.kind = TokenKind::symbol;
            token.symbol = static_cast<char>(c);
            token.end = static_cast<std::uint32_t>(i + 1);
            ++i;
        }
        out.push_back(token);
    }
}

int month_number(std::string_view lower_word) {
    if (lower_word.empty() || lower_word.size() > kMaxWord) return 0;
    for (const char c : lower_word) {
        if (c < 'a' || c > 'z') return 0;
    }
    const Entry* entry = lexicon().find(lower_word.data(), lower_word.size());
    return entry != nullptr && entry->lex == LexKind::month ? entry->value : 0;
}

}  // namespace casefile::core::date_detail
