// Whole-word search in lower-cased text, shared by the sentence readings of
// detection (core/deadline_reading, core/optional_ask, core/detect).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace casefile::core {

// A letter, digit, apostrophe or any byte of a multi-byte UTF-8 character:
// "don't" and "café" are one word each.
constexpr bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

// Where `words` first occurs in text[from, to) as whole words ("by" not in
// "bye"), or npos. `words` may hold spaces ("let me know").
// REQUIRES: `text` and `words` are lower-cased ASCII-wise.
constexpr std::size_t find_whole_words(std::string_view text, std::string_view words,
                                       std::size_t from = 0,
                                       std::size_t to = std::string_view::npos) {
    if (to > text.size()) to = text.size();
    for (std::size_t at = text.find(words, from);
         at != std::string_view::npos && at + words.size() <= to; at = text.find(words, at + 1)) {
        const bool left = at == 0 || !is_word_byte(text[at - 1]);
        const bool right =
            at + words.size() == text.size() || !is_word_byte(text[at + words.size()]);
        if (left && right) return at;
    }
    return std::string_view::npos;
}

// The word ending right before `at` (skipping spaces), or empty. With
// `split_contractions`, an apostrophe ends the word too, so "he'd" gives "d":
// for readings that look at the auxiliary a contraction hides.
constexpr std::string_view word_before(std::string_view text, std::size_t at,
                                       bool split_contractions = false) {
    std::size_t end = at;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 && is_word_byte(text[start - 1]) &&
           !(split_contractions && text[start - 1] == '\'')) {
        --start;
    }
    return text.substr(start, end - start);
}

// The word starting at or after `at` (skipping spaces), or empty.
constexpr std::string_view word_after(std::string_view text, std::size_t at) {
    while (at < text.size() && text[at] == ' ') ++at;
    std::size_t end = at;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    return text.substr(at, end - at);
}

// `text` with every run of spaces, tabs, line breaks and non-breaking spaces
// (U+00A0) as one space: mail wraps its lines, so "we\nneed" is "we need"
// for a phrase search.
inline std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text.compare(i, 2, "\xC2\xA0") == 0;
        const char c = text[i];
        if (nbsp || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            if (nbsp) ++i;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace casefile::core
