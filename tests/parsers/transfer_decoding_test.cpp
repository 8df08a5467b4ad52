#include "parsers/transfer_decoding.hpp"

#include <gtest/gtest.h>

namespace casefile::parsers {
namespace {

TEST(Base64, DecodesWithLineBreaksAndPadding) {
    EXPECT_EQ(decode_base64("SGVsbG8s\r\nIHdvcmxk\r\nIQ=="), "Hello, world!");
    EXPECT_EQ(decode_base64("YQ=="), "a");
    EXPECT_EQ(decode_base64("YWI="), "ab");
    EXPECT_EQ(decode_base64(""), "");
}

TEST(Base64, MissingPaddingKeepsCompleteBytes) {
    EXPECT_EQ(decode_base64("YWI"), "ab");
    EXPECT_EQ(decode_base64("YQ"), "a");
}

TEST(Base64, GarbageIsSkippedAndReported) {
    bool garbage = false;
    // '|' is the byte that makes mimetic's decoder read out of bounds.
    EXPECT_EQ(decode_base64("SGVs|bG8*!", &garbage), "Hello");
    EXPECT_TRUE(garbage);
    EXPECT_EQ(decode_base64("||||||||", &garbage), "");
    garbage = false;
    decode_base64("SGVsbG8=\r\n", &garbage);
    EXPECT_FALSE(garbage);
}

TEST(Base64, ConcatenatedBlobsAfterPadding) { EXPECT_EQ(decode_base64("YQ==Yg=="), "ab"); }

TEST(QuotedPrintable, SoftBreaksAndEscapes) {
    EXPECT_EQ(decode_quoted_printable("caf=C3=A9 is =\r\nopen"), "caf\xC3\xA9 is open");
    EXPECT_EQ(decode_quoted_printable("soft=\nbreak"), "softbreak");
    EXPECT_EQ(decode_quoted_printable("padded= \t\r\nbreak"), "paddedbreak");
    EXPECT_EQ(decode_quoted_printable("ends with ="), "ends with ");
    EXPECT_EQ(decode_quoted_printable("a=3Db"), "a=b");
    EXPECT_EQ(decode_quoted_printable("lower=c3=a9"), "lower\xC3\xA9");
    EXPECT_EQ(decode_quoted_printable("line\r\nline"), "line\r\nline");
}

TEST(QuotedPrintable, BadEscapesStayLiteral) {
    EXPECT_EQ(decode_quoted_printable("100=% sure =ZZ"), "100=% sure =ZZ");
    EXPECT_EQ(decode_quoted_printable("=4"), "=4");
    EXPECT_EQ(decode_quoted_printable("="), "");
}

TEST(TransferEncoding, DispatchesOnTheHeaderValue) {
    std::string warning;
    EXPECT_EQ(decode_transfer_encoding("YQ==", " Base64 ", warning), "a");
    EXPECT_EQ(decode_transfer_encoding("a=3Db", "Quoted-Printable", warning), "a=b");
    EXPECT_EQ(decode_transfer_encoding("raw", "8bit", warning), "raw");
    EXPECT_TRUE(warning.empty());
    EXPECT_EQ(decode_transfer_encoding("raw", "x-uuencode", warning), "raw");
    EXPECT_FALSE(warning.empty());
}

}  // namespace
}  // namespace casefile::parsers
