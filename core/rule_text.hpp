// The text side of rule matching: sentences of a message's own text and the
// word tokens that phrases are compared with. Both keep byte spans into the
// original text, so evidence is quoted exactly as the client wrote it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::core {

struct Sentence {
    std::size_t start = 0;  // byte span in the text, without surrounding whitespace
    std::size_t end = 0;
};

// Splits `text` into sentences: at '.', '!' or '?' followed by whitespace
// (not after common abbreviations such as "e.g.", "Mr." or an initial), at
// blank lines, and before list items ("- ", "* ", "• ", "1. ", "2) ") that
// begin a line. A single line break inside a paragraph does not end a
// sentence, because mail wraps lines at 72 columns. Empty sentences are left
// out. Linear in the size of `text`.
std::vector<Sentence> split_sentences(std::string_view text);

// A word ("deadline", "3", "i've") or one punctuation character. `key`
// identifies the lower-cased word: equal words have equal keys (a 64-bit
// FNV-1a hash; two different words sharing one is vanishingly unlikely and
// would at worst cause one spurious match). The typographic apostrophe U+2019
// counts as "'".
struct WordToken {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint64_t key = 0;
    bool is_word = false;  // false for punctuation
};

// Replaces `out` with the tokens of `text`. Letters are compared ASCII
// case-insensitively; bytes of other UTF-8 characters are part of words and
// compared exactly.
void tokenize_words(std::string_view text, std::vector<WordToken>& out);

// ASCII lower-case copy with the same byte length (so spans carry over).
std::string lower_ascii(std::string_view text);

}  // namespace casefile::core
