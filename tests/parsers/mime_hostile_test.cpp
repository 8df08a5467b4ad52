// Hostile and broken input: each case must finish fast, keep every string
// valid UTF-8 and say what happened in a warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "parsers/charset.hpp"
#include "parsers/mime_parser.hpp"
#include "support/cpu_time.hpp"

namespace casefile::parsers {
namespace {

bool has_warning(const core::ParsedMessage& message, std::string_view needle) {
    return std::any_of(message.warnings.begin(), message.warnings.end(),
                       [&](const std::string& warning) { return warning.find(needle) != std::string::npos; });
}

void expect_all_valid_utf8(const core::ParsedMessage& message) {
    EXPECT_TRUE(is_valid_utf8(message.message_id));
    EXPECT_TRUE(is_valid_utf8(message.subject));
    EXPECT_TRUE(is_valid_utf8(message.from.name));
    EXPECT_TRUE(is_valid_utf8(message.from.address));
    EXPECT_TRUE(is_valid_utf8(message.text));
    EXPECT_EQ(message.text.find('\0'), std::string::npos);
    EXPECT_TRUE(is_valid_utf8(message.zones.own_text));
    for (const auto& attachment : message.attachments) EXPECT_TRUE(is_valid_utf8(attachment.filename));
    for (const auto& warning : message.warnings) EXPECT_TRUE(is_valid_utf8(warning));
}

// Parses on a CPU-time budget: hostile input may cost at most `budget`
// (a guard against quadratic work, which would take minutes, not a speed
// target; those live in bench/).
core::ParsedMessage timed_parse(std::string_view raw, std::chrono::milliseconds budget = std::chrono::milliseconds(1000)) {
    core::ParsedMessage message;
    const double seconds = testing::cpu_seconds_of([&] { message = parse_message(raw); });
    EXPECT_LT(seconds * 1000, static_cast<double>(budget.count())) << "took " << seconds * 1000 << " ms of CPU";
    expect_all_valid_utf8(message);
    return message;
}

std::string nested_multiparts(int depth) {
    std::string raw = "Subject: deep\r\nDate: 1 Jan 2025 10:00 +0000\r\n";
    for (int level = 0; level < depth; ++level) {
        raw += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(level) + "\"\r\n\r\n--b" +
               std::to_string(level) + "\r\n";
    }
    raw += "Content-Type: text/plain\r\n\r\ninnermost\r\n";
    for (int level = depth - 1; level >= 0; --level) raw += "--b" + std::to_string(level) + "--\r\n";
    return raw;
}

TEST(MimeHostile, NestingDeeperThanTheLimit) {
    const auto message = timed_parse(nested_multiparts(150));
    EXPECT_EQ(message.subject, "deep");
    EXPECT_TRUE(has_warning(message, "MIME nesting deeper than 100 levels"));
}

TEST(MimeHostile, NestingWithinTheLimitIsRead) {
    const auto message = timed_parse(nested_multiparts(60));
    EXPECT_EQ(message.text, "innermost");
    EXPECT_TRUE(message.warnings.empty()) << message.warnings.front();
}

TEST(MimeHostile, FiftyThousandNestedLevelsDoNotOverflowTheStack) {
    const auto message = timed_parse(nested_multiparts(50000), std::chrono::milliseconds(3000));
    EXPECT_TRUE(has_warning(message, "MIME nesting deeper"));
}

TEST(MimeHostile, NestedForwardedMessages) {
    std::string raw = "Date: 1 Jan 2025 10:00 +0000\r\n";
    for (int level = 0; level < 5000; ++level) raw += "Content-Type: message/rfc822\r\n\r\n";
    raw += "\r\nbottom\r\n";
    const auto message = timed_parse(raw);
    EXPECT_TRUE(has_warning(message, "MIME nesting deeper"));
}

TEST(MimeHostile, TwentyThousandEmptyParts) {
    std::string raw = "Date: 1 Jan 2025 10:00 +0000\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n";
    for (int part = 0; part < 20000; ++part) raw += "--x\r\n";
    raw += "--x--\r\n";
    const auto message = timed_parse(raw);
    EXPECT_TRUE(has_warning(message, "more than 10000 MIME parts"));
}

TEST(MimeHostile, PartLimitIsConfigurable) {
    std::string raw = "Content-Type: multipart/mixed; boundary=x\r\n\r\n";
    for (int part = 0; part < 10; ++part) raw += "--x\r\n\r\ntext " + std::to_string(part) + "\r\n";
    raw += "--x--\r\n";
    MimeLimits limits;
    limits.max_parts = 3;
    const auto message = parse_message(raw, limits);
    EXPECT_TRUE(has_warning(message, "more than 3 MIME parts"));
    EXPECT_EQ(message.text, "text 0\ntext 1\ntext 2");
}

TEST(MimeHostile, TwoMegabyteHeaderLine) {
    std::string raw = "Subject: " + std::string(2 * 1024 * 1024, 'a') + "\r\nDate: 1 Jan 2025 10:00 +0000\r\n\r\nbody\r\n";
    const auto message = timed_parse(raw);
    EXPECT_EQ(message.subject.size(), 64u * 1024);
    EXPECT_EQ(message.text, "body\n");
    EXPECT_TRUE(has_warning(message, "bytes long"));
}

TEST(MimeHostile, TwoMegabyteFoldedAddressHeader) {
    std::string to = "To: ";
    while (to.size() < 2 * 1024 * 1024) to += "\"=?utf-8?q?x?=\" <a@b.example>,\r\n ";
    const auto message = timed_parse(to + "\r\n\r\nbody");
    EXPECT_FALSE(message.to.empty());
}

TEST(MimeHostile, ManyEncodedWordsAndParameters) {
    std::string subject = "Subject: ";
    for (int i = 0; i < 100000; ++i) subject += "=?utf-8?b?w6k=?= ";
    std::string type = "Content-Type: text/plain";
    for (int i = 0; i < 20000; ++i) type += "; filename*" + std::to_string(i % 999) + "*=%41";
    const auto message = timed_parse(subject + "\r\n" + type + "\r\n\r\nbody");
    EXPECT_TRUE(message.subject.starts_with("\xC3\xA9\xC3\xA9"));
}

TEST(MimeHostile, ThousandsOfDistinctParameters) {
    std::string type = "Content-Type: text/plain; charset=utf-8";
    for (int i = 0; i < 30000; ++i) type += ";\r\n p" + std::to_string(i) + "*0*=x; q" + std::to_string(i) + "=y";
    const auto message = timed_parse(type + "\r\n\r\nbody", std::chrono::milliseconds(500));
    EXPECT_EQ(message.text, "body");
}

TEST(MimeHostile, NulBytes) {
    static constexpr char bytes[] = "Subject: a\0b\r\nDate: 1 Jan 2025 10:00 +0000\r\n\r\nte\0xt\0\r\n";
    const std::string raw(bytes, sizeof bytes - 1);
    const auto message = timed_parse(raw);
    EXPECT_EQ(message.subject, "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(message.text, "te\xEF\xBF\xBDxt\xEF\xBF\xBD\n");
    EXPECT_TRUE(has_warning(message, "NUL"));
}

TEST(MimeHostile, TruncatedMultipart) {
    const auto message = timed_parse(
        "Date: 1 Jan 2025 10:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        "Content-Type: text/plain\r\n\r\nfirst part\r\n--b\r\nContent-Type: application/pdf\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBER");
    EXPECT_EQ(message.text, "first part");
    ASSERT_EQ(message.attachments.size(), 1u);
    EXPECT_TRUE(has_warning(message, "closing boundary"));
}

TEST(MimeHostile, MultipartWithoutAnyDelimiter) {
    const auto message = timed_parse(
        "Date: 1 Jan 2025 10:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\njust text\r\n");
    EXPECT_EQ(message.text, "just text\n");
    EXPECT_TRUE(has_warning(message, "no part"));
}

TEST(MimeHostile, EmptyInput) {
    const auto message = timed_parse("");
    EXPECT_TRUE(message.text.empty());
    EXPECT_TRUE(has_warning(message, "empty message"));
}

TEST(MimeHostile, OnlyHeaders) {
    const auto message = timed_parse("Subject: only headers\r\nMessage-ID: <x@y>\r\nDate: 1 Jan 2025 10:00 +0000");
    EXPECT_EQ(message.subject, "only headers");
    EXPECT_EQ(message.message_id, "x@y");
    EXPECT_TRUE(message.text.empty());
}

TEST(MimeHostile, NoHeaderBodySeparator) {
    const auto message = timed_parse("Subject: hi\r\nDate: 1 Jan 2025 10:00 +0000\r\nthis line is body\r\n");
    EXPECT_EQ(message.subject, "hi");
    EXPECT_EQ(message.text, "this line is body\n");
    EXPECT_TRUE(has_warning(message, "blank line"));
}

TEST(MimeHostile, NoHeaderAtAll) {
    const auto message = timed_parse("just some words\nand more\n");
    EXPECT_EQ(message.text, "just some words\nand more\n");
    EXPECT_TRUE(has_warning(message, "no header"));
}

TEST(MimeHostile, InvalidUtf8Everywhere) {
    const auto message = timed_parse(
        "Subject: \xFF\xFE\r\nFrom: \xC3\x28 <\xFF@\xFE>\r\nMessage-ID: <\xFF@x>\r\n"
        "Content-Type: multipart/mixed; boundary=\xFF\r\n\r\n--\xFF\r\nContent-Type: text/plain; charset=\xFF\r\n\r\n\xFF\r\n"
        "--\xFF\r\nContent-Type: application/x; name=\"\xFF\"\r\n\r\nx\r\n--\xFF--\r\n");
    EXPECT_EQ(message.attachments.size(), 1u);
}

TEST(MimeHostile, ManyLinesThatLookLikeBoundaries) {
    std::string raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n";
    for (int i = 0; i < 200000; ++i) raw += "--bb\r\n";
    raw += "--b--\r\n";
    const auto message = timed_parse(raw);
    EXPECT_EQ(message.attachments.size(), 0u);
}

}  // namespace
}  // namespace casefile::parsers
