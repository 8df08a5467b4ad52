#include "parsers/header_decoding.hpp"

#include <gtest/gtest.h>

namespace casefile::parsers {
namespace {

// RFC 2047 §8, the examples table.
TEST(EncodedWords, Rfc2047SectionEightExamples) {
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?=)"), "(a)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?= b)"), "(a b)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)"), "(ab)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)"), "(ab)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)"), "(ab)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a_b?=)"), "(a b)");
    EXPECT_EQ(decode_header_text("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)"), "(a b)");
}

TEST(EncodedWords, Rfc2047SectionEightMessage) {
    EXPECT_EQ(decode_header_text("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?="), "Keld J\xC3\xB8rn Simonsen");
    EXPECT_EQ(decode_header_text("=?ISO-8859-1?Q?Andr=E9?= Pirard"), "Andr\xC3\xA9 Pirard");
    EXPECT_EQ(decode_header_text("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n"
                                 "    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?="),
              "If you can read this you understand the example.");
    EXPECT_EQ(decode_header_text("=?US-ASCII?Q?Keith_Moore?="), "Keith Moore");
}

TEST(EncodedWords, Utf8CharacterSplitAcrossTwoWords) {
    // "é" is C3 A9; a mailer cut the word between the two bytes.
    EXPECT_EQ(decode_header_text("=?UTF-8?B?w6k=?="), "\xC3\xA9");
    EXPECT_EQ(decode_header_text("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?="), "caf\xC3\xA9");
}

TEST(EncodedWords, MalformedWordsStayAsWritten) {
    EXPECT_EQ(decode_header_text("=?utf-8?x?abc?="), "=?utf-8?x?abc?=");
    EXPECT_EQ(decode_header_text("=?utf-8?q?no end"), "=?utf-8?q?no end");
    EXPECT_EQ(decode_header_text("=??q?abc?="), "=??q?abc?=");
    EXPECT_EQ(decode_header_text("price =? unknown"), "price =? unknown");
    EXPECT_EQ(decode_header_text("=?utf-8?q?sp ace?="), "=?utf-8?q?sp ace?=");
}

TEST(EncodedWords, TextBetweenWordsIsKept) {
    EXPECT_EQ(decode_header_text("Re: =?utf-8?q?Caf=C3=A9?= menu =?utf-8?q?today?="), "Re: Caf\xC3\xA9 menu today");
}

TEST(EncodedWords, RawEightBitHeaders) {
    EXPECT_EQ(decode_header_text("Caf\xC3\xA9"), "Caf\xC3\xA9");  // RFC 6532 UTF-8
    EXPECT_EQ(decode_header_text("Caf\xE9"), "Caf\xC3\xA9");      // latin-1 from an old mailer
}

TEST(EncodedWords, UnknownCharsetInAWordStillGivesValidUtf8) {
    const std::string decoded = decode_header_text("=?x-unknown?q?caf=E9?=");
    EXPECT_EQ(decoded, "caf\xC3\xA9");
}

TEST(Unfolding, RemovesLineBreaksKeepsBlanks) {
    EXPECT_EQ(unfold_header(" This is a\r\n  folded\n\tsubject \r\n"), "This is a  folded\tsubject");
}

TEST(Parameters, ContentTypeWithQuotedAndTokenValues) {
    const auto parsed = parse_parameterized(" Text/Plain; charset=\"UTF-8\"; format=flowed ;delsp=yes");
    EXPECT_EQ(parsed.value, "text/plain");
    ASSERT_NE(parsed.find("charset"), nullptr);
    EXPECT_EQ(*parsed.find("charset"), "UTF-8");
    EXPECT_EQ(*parsed.find("format"), "flowed");
    EXPECT_EQ(*parsed.find("delsp"), "yes");
    EXPECT_EQ(parsed.find("name"), nullptr);
}

TEST(Parameters, QuotedStringsMayHoldSemicolonsAndEscapes) {
    const auto parsed = parse_parameterized("attachment; filename=\"a;b \\\"c\\\".pdf\"; size=12");
    EXPECT_EQ(parsed.value, "attachment");
    EXPECT_EQ(*parsed.find("filename"), "a;b \"c\".pdf");
    EXPECT_EQ(*parsed.find("size"), "12");
}

TEST(Parameters, CommentsInTheMainValue) {
    EXPECT_EQ(parse_parameterized("text/plain (a comment); charset=us-ascii").value, "text/plain");
}

// RFC 2231 §4 and §3.
TEST(Parameters, Rfc2231CharsetAndLanguage) {
    const auto parsed = parse_parameterized("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf");
    EXPECT_EQ(*parsed.find("filename"), "\xE2\x82\xAC rates.pdf");
    const auto latin = parse_parameterized("attachment; filename*=iso-8859-1'fr'caf%E9.txt");
    EXPECT_EQ(*latin.find("filename"), "caf\xC3\xA9.txt");
}

TEST(Parameters, Rfc2231ContinuationsOutOfOrder) {
    const auto parsed = parse_parameterized(
        "attachment;\r\n filename*1*=%20report.pdf;\r\n filename*0*=utf-8''Quarterly%C3%A9");
    EXPECT_EQ(*parsed.find("filename"), "Quarterly\xC3\xA9 report.pdf");
    const auto rfc_example = parse_parameterized(
        "message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"");
    EXPECT_EQ(*rfc_example.find("url"), "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar");
}

TEST(Parameters, ExtendedValueWinsOverPlain) {
    const auto parsed = parse_parameterized("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
    EXPECT_EQ(*parsed.find("filename"), "r\xC3\xA9sum\xC3\xA9.pdf");
}

TEST(Parameters, GarbageIsTolerated) {
    const auto parsed = parse_parameterized("multipart/mixed;; junk; boundary=abc; =x; filename*x*=1; name=\"unterminated");
    EXPECT_EQ(parsed.value, "multipart/mixed");
    EXPECT_EQ(*parsed.find("boundary"), "abc");
    EXPECT_EQ(*parsed.find("name"), "unterminated");
}

}  // namespace
}  // namespace casefile::parsers
