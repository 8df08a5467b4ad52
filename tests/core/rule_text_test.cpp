// Sentences and word tokens for the rules engine: spans point into the
// original text, and words compare case-insensitively.
#include "core/rule_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casefile::core {
namespace {

std::vector<std::string> sentences_of(std::string_view text) {
    std::vector<std::string> out;
    for (const Sentence& sentence : split_sentences(text)) {
        out.emplace_back(text.substr(sentence.start, sentence.end - sentence.start));
    }
    return out;
}

using Strings = std::vector<std::string>;

TEST(SplitSentences, EndsAtPunctuationFollowedBySpace) {
    EXPECT_EQ(sentences_of("Hi Dana. Can you send it by Friday? Thanks!"),
              (Strings{"Hi Dana.", "Can you send it by Friday?", "Thanks!"}));
}

TEST(SplitSentences, KeepsWrappedLinesTogetherAndSplitsParagraphs) {
    EXPECT_EQ(sentences_of("Could you pull the Q3 numbers\ninto the deck by Friday\n\nCheers"),
              (Strings{"Could you pull the Q3 numbers\ninto the deck by Friday", "Cheers"}));
}

TEST(SplitSentences, AbbreviationsDecimalsAndDatesDoNotEndSentences) {
    EXPECT_EQ(sentences_of("Mr. Smith wants v2.5 e.g. the deck on 15.03.2025 too. J. Doe agrees."),
              (Strings{"Mr. Smith wants v2.5 e.g. the deck on 15.03.2025 too.", "J. Doe agrees."}));
}

// "etc.", "p.m." and short day names end sentences too, so they join what
// follows only when it goes on in lower case.
TEST(SplitSentences, AnAbbreviationFollowedByLowerCaseGoesOn) {
    EXPECT_EQ(sentences_of("Use any resources you need (fundies, etc.) and have them finished by "
                           "next Thurs. (2/7). Send it by 5 p.m. today, etc. Thanks."),
              (Strings{"Use any resources you need (fundies, etc.) and have them finished by next "
                       "Thurs.",
                       "(2/7).", "Send it by 5 p.m. today, etc.", "Thanks."}));
}

TEST(SplitSentences, ListItemsStartNewSentences) {
    EXPECT_EQ(sentences_of("Two things:\n- the logo\n- the footer\n1. first\n2) second"),
              (Strings{"Two things:", "- the logo", "- the footer", "1. first", "2) second"}));
}

TEST(SplitSentences, SpansPointIntoTheText) {
    const std::string text = "  Hello there.\r\n\r\n  Second one  ";
    const auto sentences = split_sentences(text);
    ASSERT_EQ(sentences.size(), 2u);
    EXPECT_EQ(text.substr(sentences[1].start, sentences[1].end - sentences[1].start), "Second one");
}

TEST(SplitSentences, EmptyTextHasNoSentences) {
    EXPECT_TRUE(split_sentences("").empty());
    EXPECT_TRUE(split_sentences(" \n\n ").empty());
}

TEST(TokenizeWords, CaseAndApostrophesDoNotMatter) {
    std::vector<WordToken> upper, lower, curly;
    tokenize_words("I'VE Asked", upper);
    tokenize_words("i've asked", lower);
    tokenize_words("I\xE2\x80\x99ve asked", curly);
    ASSERT_EQ(upper.size(), 2u);
    ASSERT_EQ(curly.size(), 2u);
    EXPECT_EQ(upper[0].key, lower[0].key);
    EXPECT_EQ(curly[0].key, lower[0].key);
    EXPECT_EQ(curly[0].end, 6u);  // the three-byte apostrophe is inside the span
}

TEST(TokenizeWords, PunctuationIsOneTokenEachAndUtf8StaysInWords) {
    std::vector<WordToken> tokens;
    tokenize_words("thing: caf\xC3\xA9 3/15", tokens);
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_FALSE(tokens[1].is_word);  // ':'
    EXPECT_EQ(tokens[2].end - tokens[2].start, 5u);  // "café"
    EXPECT_FALSE(tokens[4].is_word);  // '/'
}

}  // namespace
}  // namespace casefile::core
