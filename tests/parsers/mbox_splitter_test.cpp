#include "parsers/mbox_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casefile::parsers {
namespace {

std::vector<std::string> split(std::string_view mbox, std::size_t chunk) {
    MboxSplitter splitter;
    std::vector<std::string> messages;
    std::string message;
    for (std::size_t offset = 0; offset < mbox.size(); offset += chunk) {
        splitter.feed(mbox.substr(offset, chunk));
        while (splitter.next_message(message)) messages.push_back(message);
    }
    splitter.finish();
    while (splitter.next_message(message)) messages.push_back(message);
    return messages;
}

constexpr std::string_view kTwoMessages =
    "From bob@acme.example Mon Dec  1 09:14:00 2025\n"
    "From: Bob <bob@acme.example>\n"
    "Subject: one\n"
    "\n"
    "First body.\n"
    ">From the desk of Bob\n"
    ">>From quoted twice\n"
    "\n"
    "From dana@reyes-va.example Mon Dec  1 10:02:00 2025\n"
    "From: Dana <dana@reyes-va.example>\n"
    "Subject: two\n"
    "\n"
    "Second body.\n";

TEST(MboxSplitter, SplitsAndUndoesMboxrdQuotingAtEveryChunkSize) {
    for (std::size_t chunk : {1u, 2u, 7u, 64u, 4096u}) {
        const auto messages = split(kTwoMessages, chunk);
        ASSERT_EQ(messages.size(), 2u) << "chunk " << chunk;
        EXPECT_EQ(messages[0],
                  "From: Bob <bob@acme.example>\nSubject: one\n\nFirst body.\n"
                  "From the desk of Bob\n>From quoted twice\n");
        EXPECT_EQ(messages[1],
                  "From: Dana <dana@reyes-va.example>\nSubject: two\n\nSecond body.\n");
    }
}

TEST(MboxSplitter, BodyLineStartingWithFromWithoutBlankLineBeforeIsNotASeparator) {
    // mboxo writers that forgot to quote: only "From " after a blank line splits.
    const auto messages = split(
        "From a@x Mon Dec  1 09:14:00 2025\nSubject: s\n\nHello\nFrom here on we agree.\n", 5);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("From here on we agree."), std::string::npos);
}

TEST(MboxSplitter, KeepsCrlfLineEnds) {
    const auto messages =
        split("From a@x Mon Dec  1 09:14:00 2025\r\nSubject: s\r\n\r\nBody\r\n\r\n"
              "From b@x Mon Dec  1 09:15:00 2025\r\nSubject: t\r\n\r\nBody 2\r\n",
              3);
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0], "Subject: s\r\n\r\nBody\r\n");
    EXPECT_EQ(messages[1], "Subject: t\r\n\r\nBody 2\r\n");
}

TEST(MboxSplitter, LastMessageWithoutTrailingNewline) {
    const auto messages = split("From a@x Mon Dec  1 09:14:00 2025\nSubject: s\n\nno newline", 4);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0], "Subject: s\n\nno newline");
}

TEST(MboxSplitter, EmptyInputAndGarbageBeforeTheFirstSeparator) {
    EXPECT_TRUE(split("", 10).empty());
    MboxSplitter splitter;
    splitter.feed("not an mbox\n\nFrom a@x Mon Dec  1 09:14:00 2025\nSubject: s\n\nx\n");
    splitter.finish();
    std::string message;
    ASSERT_TRUE(splitter.next_message(message));
    EXPECT_TRUE(splitter.saw_leading_garbage());
    EXPECT_EQ(message, "Subject: s\n\nx\n");
}

TEST(MboxSplitter, LooksLikeMbox) {
    EXPECT_TRUE(looks_like_mbox("From a@x Mon Dec  1 09:14:00 2025\n"));
    EXPECT_FALSE(looks_like_mbox("From: a@x\n"));
    EXPECT_FALSE(looks_like_mbox(""));
}

}  // namespace
}  // namespace casefile::parsers
