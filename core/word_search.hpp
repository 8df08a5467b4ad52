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
