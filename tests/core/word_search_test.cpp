// The whole-word helpers every sentence reading of detection stands on: a
// wrong boundary here ("by" inside "bye", "he'd" read as one word where the
// reading wants its auxiliary) shows up as a false deadline far away.
#include "core/word_search.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(WordSearch, FindsWholeWordsOnly) {
    EXPECT_EQ(find_whole_words("send it by friday", "by"), 8u);
    EXPECT_EQ(find_whole_words("bye for now, back by noon", "by"), 18u);
    EXPECT_EQ(find_whole_words("goodbye", "by"), std::string_view::npos);
    EXPECT_EQ(find_whole_words("please let me know today", "let me know"), 7u);
    // A phrase past `to` is not found, even when it starts before it.
    EXPECT_EQ(find_whole_words("ship it by noon", "by noon", 0, 12), std::string_view::npos);
    // Apostrophes and UTF-8 bytes belong to the word: "don't" is not "don".
    EXPECT_EQ(find_whole_words("i don't know", "don"), std::string_view::npos);
    EXPECT_EQ(find_whole_words("the caf\xC3\xA9 by noon", "caf"), std::string_view::npos);
}

TEST(WordSearch, WordBeforeSkipsSpacesAndKeepsContractionsWhole) {
    const std::string_view text = "he'd  like the report";
    const std::size_t like = text.find("like");
    EXPECT_EQ(word_before(text, like), "he'd");
    EXPECT_EQ(word_before(text, like, /*split_contractions=*/true), "d");
    EXPECT_EQ(word_before(text, 0), "");
    EXPECT_EQ(word_before("(by friday", 1), "");
}

TEST(WordSearch, WordAfterSkipsSpaces) {
    const std::string_view text = "due   friday, 5pm";
    EXPECT_EQ(word_after(text, 3), "friday");
    EXPECT_EQ(word_after(text, text.find(',')), "");
    EXPECT_EQ(word_after(text, text.size()), "");
}

TEST(WordSearch, CollapsesMailWrappingToOneSpace) {
    EXPECT_EQ(collapse_whitespace("we\r\n  need\tit\xC2\xA0today"), "we need it today");
    EXPECT_EQ(collapse_whitespace("  leading"), "leading");
}

}  // namespace
}  // namespace casefile::core
