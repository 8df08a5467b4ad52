#include "core/html_text.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(HtmlText, EscapesEveryCharacterThatCanStartMarkupOrEndAnAttribute) {
    EXPECT_EQ(html_escape("<script>alert('x')</script> & \"q\""),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    EXPECT_EQ(display_html("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
}

TEST(HtmlText, ShowsBidiControlsAsVisibleMarkers) {
    // "invoice\u202Egpj.exe" would read as "invoiceexe.jpg".
    EXPECT_EQ(display_text("invoice\xE2\x80\xAEgpj.exe"), "invoice[U+202E]gpj.exe");
    EXPECT_EQ(display_text("a\xE2\x81\xA6" "b\xE2\x81\xA9" "c"), "a[U+2066]b[U+2069]c");
    EXPECT_EQ(display_text("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD"),
              "[U+202A][U+202B][U+202C][U+202D]");
}

TEST(HtmlText, DropsNulAndControlsButKeepsLinesAndTabs) {
    EXPECT_EQ(display_text(std::string("a\0b\x01\r\nc\td\x7f", 10)), "ab\nc\td");
    EXPECT_EQ(display_text("\xC2\x85x"), "x");  // U+0085, a C1 control
}

TEST(HtmlText, ReplacesInvalidUtf8) {
    EXPECT_EQ(display_text("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(display_text("\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '<'
    EXPECT_EQ(display_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    EXPECT_EQ(display_text("caf\xC3\xA9 \xF0\x9F\x93\x85"), "caf\xC3\xA9 \xF0\x9F\x93\x85");
}

}  // namespace
}  // namespace casefile::core
