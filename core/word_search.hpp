// Whole-word search in lower-cased text, shared by the sentence readings of
// detection (core/deadline_reading, core/optional_ask, core/detect).
#pragma once

#include <cstddef>
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

}  // namespace casefile::core
