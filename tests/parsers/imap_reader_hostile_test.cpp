// A broken or hostile server must produce failed() with a readable error:
// never a crash, a hang, or an allocation sized by a number it sent.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "parsers/imap_reader.hpp"

namespace casefile::parsers::imap {
namespace {

using namespace std::string_literals;

// Feeds `input` and returns the reader's error ("" when it did not fail).
std::string error_for(std::string_view input, ReaderLimits limits = {}) {
    ResponseReader reader(limits);
    reader.feed(input);
    while (reader.next()) {
    }
    return reader.error();
}

void expect_failure(std::string_view input, std::string_view message_part) {
    const std::string error = error_for(input);
    EXPECT_NE(error.find(message_part), std::string::npos)
        << "input: " << input.substr(0, 60) << "\nerror: " << error;
    // The quoted excerpt stays short and printable.
    EXPECT_LT(error.size(), 200u) << error;
    for (const char c : error) {
        EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "unprintable byte in error: " << error;
    }
}

TEST(ImapReaderHostile, UnterminatedQuotedString) {
    expect_failure("* LIST () \"/\" \"INBOX\r\n", "unterminated quoted string");
    expect_failure("* 1 FETCH (INTERNALDATE \"01-Dec-2025)\r\n", "unterminated quoted string");
}

TEST(ImapReaderHostile, MalformedLiteralMarkers) {
    expect_failure("* 1 FETCH (BODY[] {abc}\r\n", "malformed literal");
    expect_failure("* 1 FETCH (BODY[] {99999999999999999999}\r\n", "literal larger than");
    expect_failure("* 1 FETCH (BODY[] {12} x)\r\n", "literal marker not at the end");
    expect_failure("* 1 FETCH (BODY[] {3000000000}\r\n", "literal larger than 2147483648");
    ReaderLimits small;
    small.max_literal_size = 1000;
    EXPECT_NE(error_for("* 1 FETCH (BODY[] {1001}\r\n", small).find("literal larger than 1000"),
              std::string::npos);
    EXPECT_EQ(error_for("* 1 FETCH (BODY[] {1000}\r\n", small), "");
}

TEST(ImapReaderHostile, LineWithoutCrlfIsCapped) {
    ResponseReader reader;
    const std::string chunk(64 * 1024, 'a');
    reader.feed("* OK ");
    for (int i = 0; i < 32 && !reader.failed(); ++i) reader.feed(chunk);
    ASSERT_TRUE(reader.failed());
    EXPECT_NE(reader.error().find("line longer than 1048576"), std::string::npos) << reader.error();
    EXPECT_EQ(reader.buffered_bytes(), 0u);
    reader.feed("* 1 EXISTS\r\n");  // ignored after the error
    EXPECT_FALSE(reader.next());
}

TEST(ImapReaderHostile, EndlessEmptyLiteralsAreCapped) {
    ReaderLimits limits;
    limits.max_literals_per_response = 100;
    std::string input = "* 1 FETCH (";
    for (int i = 0; i < 200; ++i) input += "BODY[] {0}\r\n ";
    EXPECT_NE(error_for(input, limits).find("more than 100 literals"), std::string::npos);
}

TEST(ImapReaderHostile, GarbageLines) {
    expect_failure("hello world\r\n", "expected OK, NO or BAD after the tag");
    expect_failure("\r\n", "expected '*', '+' or a tag");
    expect_failure("*\r\n", "expected a space after '*'");
    expect_failure("* \x01\x02\r\n", "expected a response name");
    expect_failure("A1\r\n", "expected a space after the tag");
    expect_failure("* 99999999999 EXISTS\r\n", "larger than 32 bits");
    expect_failure("* 1 FETCH (UID 1\r\n", "unterminated list");
    expect_failure("* 1 FETCH (UID 1))\r\n", "expected a space between values");
    expect_failure("* 1 FETCH (BODY[HEADER\r\n", "unterminated list");
}

TEST(ImapReaderHostile, ErrorQuotesOnlyAShortSanitisedExcerpt) {
    const std::string line = "* 1 FETCH (" + std::string(5000, 'x') + " \"\x01\xff\r\n";
    const std::string error = error_for(line);
    EXPECT_NE(error.find("unterminated quoted string"), std::string::npos);
    EXPECT_NE(error.find("\\x01\\xFF"), std::string::npos) << error;
    EXPECT_LT(error.size(), 200u);
}

TEST(ImapReaderHostile, DeepNestingFailsWithoutRecursingForever) {
    expect_failure("* 1 FETCH " + std::string(100000, '(') + "\r\n", "nested too deeply");
    expect_failure("* 1 FETCH (BODY" + std::string(100000, '[') + "\r\n", "");
}

TEST(ImapReaderHostile, ResponsesBeforeTheErrorAreStillDelivered) {
    ResponseReader reader;
    reader.feed("* 3 EXISTS\r\nnonsense\r\n* 4 EXISTS\r\n");
    EXPECT_TRUE(reader.failed());
    auto first = reader.next();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->number, 3u);
    EXPECT_FALSE(reader.next());
}

TEST(ImapReaderHostile, RandomBytesNeverCrash) {
    std::mt19937 random(20251201);
    std::uniform_int_distribution<int> byte(0, 255);
    int failures = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string input(1 + random() % 512, '\0');
        for (char& c : input) c = static_cast<char>(byte(random));
        // Random bytes with IMAP-ish punctuation sprinkled in reach deeper.
        for (int i = 0; i < 20; ++i) {
            input[random() % input.size()] = "(){}[]\" \r\n*+~0123456789"[random() % 24];
        }
        ResponseReader reader;
        for (std::size_t offset = 0; offset < input.size(); offset += 7) {
            reader.feed(std::string_view(input).substr(offset, 7));
            while (reader.next()) {
            }
        }
        if (reader.failed()) ++failures;
    }
    // Nearly every random input is garbage; a few end inside a line or a
    // literal and are merely incomplete.
    EXPECT_GT(failures, 1500);
}

TEST(ImapReaderHostile, StructuredFuzzDoesNotCrash) {
    // Mutations of a valid FETCH: every single-byte deletion and every byte
    // replaced by each special character.
    const std::string valid =
        "* 5 FETCH (UID 9 FLAGS (\\Seen) BODY[HEADER.FIELDS (FROM)]<0> {4}\r\nab\r\n "
        "BINARY[1] ~{2}\r\n\0\1 X \"q\\\"\" NIL)\r\n"s;
    const std::string specials = "(){}[]\"\\ \r\n~+<>*";
    for (std::size_t i = 0; i < valid.size(); ++i) {
        std::string deleted = valid;
        deleted.erase(i, 1);
        error_for(deleted + "A1 OK\r\n");
        for (const char special : specials) {
            std::string replaced = valid;
            replaced[i] = special;
            error_for(replaced + "A1 OK\r\n");
        }
    }
    SUCCEED();
}

}  // namespace
}  // namespace casefile::parsers::imap
