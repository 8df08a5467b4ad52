#include "parsers/charset.hpp"

#include <gtest/gtest.h>

namespace casefile::parsers {
namespace {

TEST(Charset, ValidatesUtf8StrictlyPerRfc3629) {
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));       // truncated
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Charset, MakeValidReplacesEachBadByteAndNul) {
    EXPECT_EQ(make_valid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(make_valid_utf8(std::string_view("a\0b", 3)), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(make_valid_utf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(is_valid_utf8(make_valid_utf8("\xC0\xAF\xED\xA0\x80\xF8\x88\x80\x80\x80")));
}

TEST(Charset, Latin1LabelsDecodeAsWindows1252) {
    EXPECT_EQ(convert_to_utf8("caf\xE9", "iso-8859-1").text, "caf\xC3\xA9");
    EXPECT_EQ(convert_to_utf8("caf\xE9", "ISO-8859-1").warning, "");
    // Outlook's curly quotes under a latin-1 label.
    EXPECT_EQ(convert_to_utf8("\x93hi\x94", "latin1").text, "\xE2\x80\x9Chi\xE2\x80\x9D");
    EXPECT_EQ(convert_to_utf8("\x80 5", "cp1252").text, "\xE2\x82\xAC 5");
    EXPECT_EQ(convert_to_utf8("\x80 5", "\"windows-1252\"").text, "\xE2\x82\xAC 5");
}

TEST(Charset, Utf8Aliases) {
    EXPECT_EQ(convert_to_utf8("caf\xC3\xA9", "utf8").text, "caf\xC3\xA9");
    EXPECT_EQ(convert_to_utf8("caf\xC3\xA9", "UTF-8").text, "caf\xC3\xA9");
}

TEST(Charset, InvalidUtf8IsReplacedWithAWarning) {
    const auto converted = convert_to_utf8("caf\xE9!", "utf-8");
    EXPECT_EQ(converted.text, "caf\xEF\xBF\xBD!");
    EXPECT_FALSE(converted.warning.empty());
}

TEST(Charset, ShiftJisKoi8rAndKorean) {
    EXPECT_EQ(convert_to_utf8("\x93\xFA\x96\x7B\x8C\xEA", "shift_jis").text, "日本語");
    EXPECT_EQ(convert_to_utf8("\x93\xFA\x96\x7B\x8C\xEA", "Shift-JIS").text, "日本語");
    EXPECT_EQ(convert_to_utf8("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r").text, "Привет");
    EXPECT_EQ(convert_to_utf8("\xC7\xD1\xB1\xB9\xBE\xEE", "ks_c_5601-1987").text, "한국어");
    EXPECT_EQ(convert_to_utf8("\x1B$BF|K\\8l\x1B(B", "iso-2022-jp").text, "日本語");
}

TEST(Charset, UnknownCharsetFallsBackWithAWarning) {
    const auto utf8_guess = convert_to_utf8("caf\xC3\xA9", "x-unknown");
    EXPECT_EQ(utf8_guess.text, "caf\xC3\xA9");
    EXPECT_FALSE(utf8_guess.warning.empty());
    const auto latin_guess = convert_to_utf8("caf\xE9", "x-no-such-charset");
    EXPECT_EQ(latin_guess.text, "caf\xC3\xA9");
    EXPECT_FALSE(latin_guess.warning.empty());
    // Pure ASCII under a strange label is not worth a warning.
    EXPECT_TRUE(convert_to_utf8("hello", "x-no-such-charset").warning.empty());
}

TEST(Charset, Utf7AndIconvSuffixesAreRefused) {
    // "+ADw-script+AD4-" is "<script>" in UTF-7: it must stay inert.
    EXPECT_EQ(convert_to_utf8("+ADw-script+AD4-", "utf-7").text, "+ADw-script+AD4-");
    EXPECT_EQ(canonical_charset("utf-8//TRANSLIT"), "");
    EXPECT_EQ(canonical_charset("../../etc/passwd"), "");
    EXPECT_EQ(canonical_charset("UTF-8*en"), "utf-8");
    EXPECT_EQ(canonical_charset("CP1251"), "windows-1251");
    EXPECT_EQ(canonical_charset("cp12510"), "cp12510");
}

TEST(Charset, InvalidBytesInALegacyCharsetBecomeReplacementCharacters) {
    // 0x81 0x20 is not a Shift_JIS character.
    const auto converted = convert_to_utf8("a\x81 b", "shift_jis");
    EXPECT_TRUE(is_valid_utf8(converted.text));
    EXPECT_NE(converted.text.find("\xEF\xBF\xBD"), std::string::npos);
    EXPECT_FALSE(converted.warning.empty());
    // A truncated multibyte sequence at the end.
    EXPECT_TRUE(is_valid_utf8(convert_to_utf8("\x93", "shift_jis").text));
}

TEST(Charset, UsAsciiWithEightBitBytesIsGuessed) {
    EXPECT_EQ(convert_to_utf8("caf\xE9", "us-ascii").text, "caf\xC3\xA9");
    EXPECT_EQ(convert_to_utf8("caf\xC3\xA9", "us-ascii").text, "caf\xC3\xA9");
}

}  // namespace
}  // namespace casefile::parsers
