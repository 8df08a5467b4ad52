#include "core/rule_text.hpp"

#include <algorithm>
#include <array>

namespace casefile::core {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// U+2019 RIGHT SINGLE QUOTATION MARK, which mail clients put in "I’ve".
bool typographic_apostrophe_at(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80 &&
           static_cast<unsigned char>(text[i + 2]) == 0x99;
}

// Bytes of UTF-8 characters other than the apostrophe and a few punctuation
// marks are word bytes, so "café" is one word.
bool is_word_byte(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_alnum(c)) return true;
    if (c < 0x80) return false;
    if (c == 0xE2) {
        // U+2010-U+206F (dashes, quotes, bullets, ellipsis) are punctuation.
        return !(i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                                         static_cast<unsigned char>(text[i + 1]) == 0x81));
    }
    if (c == 0xC2) {
        // U+00A0 no-break space and Latin-1 punctuation (U+00A1-U+00BF).
        return !(i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xC0);
    }
    return true;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

constexpr std::array<std::string_view, 24> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "approx", "dept", "inc",
    "ltd", "co", "corp", "no", "e.g", "i.e", "eg", "ie", "fig", "ca", "est", "attn"};

// True when the '.' at `dot` ends an abbreviation or an initial, not a sentence.
bool is_abbreviation_dot(std::string_view text, std::size_t dot) {
    std::size_t begin = dot;
    while (begin > 0 && (is_alnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.')) {
        --begin;
    }
    const std::string_view word = text.substr(begin, dot - begin);
    if (word.size() == 1 && text[begin] >= 'A' && text[begin] <= 'Z') return true;  // "J. Smith"
    if (word.empty() || word.size() > 6) return false;
    // "1. first item": a list number at the start of a line.
    if (word.size() <= 3 && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::size_t before = begin;
        while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
        return before == 0 || text[before - 1] == '\n';
    }
    std::string lowered;
    for (char c : word) lowered += lower(c);
    for (std::string_view abbreviation : kAbbreviations) {
        if (lowered == abbreviation) return true;
    }
    return false;
}

// Abbreviations that also end sentences ("... and so on, etc."), so they
// join the next words only when those go on in lower case: "use any
// resources you need (fundies, etc.) and have them finished by next Thurs.",
// "by 5 p.m. today".
constexpr std::array<std::string_view, 27> kLowerCaseGoesOn = {
    "etc", "a.m", "p.m", "incl", "approx", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec"};

// True when the '.' at `dot` closes one of kLowerCaseGoesOn (a closing
// bracket may follow it) and the sentence goes on in lower case after it.
bool continues_after_abbreviation(std::string_view text, std::size_t dot, std::size_t after) {
    std::size_t begin = dot;
    while (begin > 0 && (is_alnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.')) {
        --begin;
    }
    std::string lowered;
    for (char c : text.substr(begin, dot - begin)) lowered += lower(c);
    if (std::find(kLowerCaseGoesOn.begin(), kLowerCaseGoesOn.end(), lowered) == kLowerCaseGoesOn.end()) {
        return false;
    }
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    return after < text.size() && text[after] >= 'a' && text[after] <= 'z';
}

// At `i`, the start of a line (after indentation): is it a list item?
bool list_item_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    const char c = text[i];
    if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() && text[i + 1] == ' ') return true;
    if (i + 2 < text.size() && static_cast<unsigned char>(c) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0xA2) {
        return true;  // U+2022 BULLET
    }
    std::size_t j = i;
    while (j < text.size() && j - i < 3 && text[j] >= '0' && text[j] <= '9') ++j;
    return j > i && j + 1 < text.size() && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ';
}

void push_sentence(std::string_view text, std::size_t start, std::size_t end, std::vector<Sentence>& out) {
    while (start < end && is_space(static_cast<unsigned char>(text[start]))) ++start;
    while (end > start && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end > start) out.push_back(Sentence{start, end});
}

}  // namespace

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower(c);
    return out;
}

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '.' || c == '!' || c == '?') {
            std::size_t j = i + 1;
            // "?!", "...", and a closing quote or bracket stay with the sentence.
            while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?' ||
                                       text[j] == '"' || text[j] == '\'' || text[j] == ')')) {
                ++j;
            }
            const bool at_space = j == text.size() || is_space(static_cast<unsigned char>(text[j]));
            const bool abbreviation = c == '.' && ((j == i + 1 && is_abbreviation_dot(text, i)) ||
                                                   continues_after_abbreviation(text, i, j));
            if (at_space && !abbreviation) {
                push_sentence(text, start, j, out);
                start = j;
            }
            i = j;
            continue;
        }
        if (c == '\n') {
            std::size_t j = i + 1;
            bool blank = false;
            while (j < text.size() && is_space(static_cast<unsigned char>(text[j]))) {
                if (text[j] == '\n') blank = true;
                ++j;
            }
            if (blank || list_item_at(text, j)) {
                push_sentence(text, start, i, out);
                start = j;
            }
            i = j;
            continue;
        }
        ++i;
    }
    push_sentence(text, start, text.size(), out);
    return out;
}

void tokenize_words(std::string_view text, std::vector<WordToken>& out) {
    out.clear();
    // About one token per five bytes of mail text: grown once, not doubled
    // a dozen times per message.
    out.reserve(text.size() / 5 + 16);
    // ASCII letters and digits, lower-cased; 0 for every other ASCII byte.
    static const std::array<unsigned char, 128> kAsciiWord = [] {
        std::array<unsigned char, 128> table{};
        for (int c = 0; c < 128; ++c) {
            if (is_alnum(static_cast<unsigned char>(c))) table[c] = static_cast<unsigned char>(lower(static_cast<char>(c)));
        }
        return table;
    }();
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (!is_word_byte(text, i)) {
            // One punctuation character, whole UTF-8 sequence included.
            const std::size_t length = std::min(sequence_length(c), text.size() - i);
            std::uint64_t key = kFnvOffset;
            for (std::size_t k = 0; k < length; ++k) {
                key = (key ^ static_cast<unsigned char>(text[i + k])) * kFnvPrime;
            }
            out.push_back(WordToken{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + length), key, false});
            i += length;
            continue;
        }
        const std::size_t start = i;
        std::uint64_t key = kFnvOffset;
        while (i < text.size()) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80 && kAsciiWord[byte] != 0) {  // the common case, without the UTF-8 checks
                key = (key ^ kAsciiWord[byte]) * kFnvPrime;
                ++i;
                continue;
            }
            if (is_word_byte(text, i)) {
                key = (key ^ static_cast<unsigned char>(lower(text[i]))) * kFnvPrime;
                ++i;
                continue;
            }
            // An apostrophe inside a word ("don't", "I’ve") belongs to it.
            const std::size_t apostrophe = text[i] == '\'' ? 1 : typographic_apostrophe_at(text, i) ? 3 : 0;
            if (apostrophe > 0 && i + apostrophe < text.size() && is_word_byte(text, i + apostrophe)) {
                key = (key ^ static_cast<unsigned char>('\'')) * kFnvPrime;
                i += apostrophe;
                continue;
            }
            break;
        }
        out.push_back(WordToken{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), key, true});
    }
}

}  // namespace casefile::core
