// HTML-only mail as Gmail, Outlook, Apple Mail and bulk senders write it,
// plus hostile input that must stay linear. All samples are written here.
#include "parsers/html_to_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "parsers/zones.hpp"
#include "support/cpu_time.hpp"

namespace casefile::parsers {
namespace {

// The cheapest of three runs, in CPU time: noise only ever adds.
double seconds_for(const std::string& html) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        std::string text;
        best = std::min(best, testing::cpu_seconds_of([&] { text = html_to_text(html); }));
        // A line prefix is at most 32 "> ": output stays within a constant factor.
        EXPECT_LE(text.size(), html.size() * 16 + 16);
    }
    return best;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80    ? 1
                                   : byte >= 0xF0 ? 4
                                   : byte >= 0xE0 ? 3
                                   : byte >= 0xC2 ? 2
                                                  : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

TEST(HtmlToTextTest, ParagraphsAndLineBreaks) {
    EXPECT_EQ(html_to_text("<p>Hi Dana,</p><p>Please call the caterer.<br>They close at 5.</p>"),
              "Hi Dana,\n\nPlease call the caterer.\nThey close at 5.");
}

TEST(HtmlToTextTest, CollapsesWhitespaceLikeABrowser) {
    EXPECT_EQ(html_to_text("  <div>\n   Send   the\n\tinvoice  <b> today </b>.\n</div>  "),
              "Send the invoice today .");
}

TEST(HtmlToTextTest, DropsHeadScriptStyleTitleAndComments) {
    EXPECT_EQ(html_to_text("<!DOCTYPE html><html><head><title>Newsletter</title>"
                           "<meta charset=\"utf-8\"><style>p { color: red; }</style></head>"
                           "<body><!-- tracking --><script>alert('x')</script><p>Visible</p>"
                           "<!--[if mso]><p>Outlook only</p><![endif]--></body></html>"),
              "Visible");
}

TEST(HtmlToTextTest, GmailBlankLineIdiom) {
    EXPECT_EQ(html_to_text("<div dir=\"ltr\">Hi Dana,<div><br></div><div>Can you renew the domain?"
                           "</div><div><br></div><div>Bob</div></div>"),
              "Hi Dana,\n\nCan you renew the domain?\n\nBob");
}

TEST(HtmlToTextTest, NamedEntities) {
    EXPECT_EQ(
        html_to_text("Fish &amp; chips &lt;3 &quot;ok&quot; &apos;a&apos; &copy; &reg; &euro;5 "
                     "wait&hellip; a&mdash;b 1&ndash;2 &lsquo;x&rsquo; &ldquo;y&rdquo; &bull; "
                     "&middot; caf&eacute; &Uuml;ber &szlig; &yuml;"),
        "Fish & chips <3 \"ok\" 'a' © ® €5 wait… a—b 1–2 ‘x’ “y” • · café Über ß ÿ");
}

TEST(HtmlToTextTest, NumericReferences) {
    EXPECT_EQ(html_to_text("&#72;&#x69;&#X21; &#8217; &#x1F44D; &#146;s"), "Hi! ’ 👍 ’s");
}

TEST(HtmlToTextTest, InvalidNumericReferencesBecomeReplacementCharacter) {
    EXPECT_EQ(html_to_text("a&#0;b&#xD800;c&#x110000;d&#99999999999999999999;e"),
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD"
              "d\xEF\xBF\xBD"
              "e");
}

TEST(HtmlToTextTest, UnknownOrBareAmpersandsStayText) {
    EXPECT_EQ(html_to_text("R&D, AT&T, &bogus; &amp &nbsp;x &#; &#x;"),
              "R&D, AT&T, &bogus; & x &#; &#x;");
}

TEST(HtmlToTextTest, NoBreakSpacesBecomeSpacesAndOutlookEmptyParagraphs) {
    EXPECT_EQ(html_to_text("<p class=MsoNormal>Hi&nbsp;Dana,<o:p></o:p></p>"
                           "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                           "<p class=MsoNormal>Meeting at 10&nbsp;AM.<o:p></o:p></p>"
                           "<p class=MsoNormal>Room 4.<o:p></o:p></p>"),
              "Hi Dana,\n\nMeeting at 10 AM.\nRoom 4.");
}

TEST(HtmlToTextTest, ListsGetDashes) {
    EXPECT_EQ(html_to_text(
                  "<p>To do:</p><ul><li>Book flights</li><li>Hotel<ul><li>2 nights</li></ul></li>"
                  "</ul><ol><li>First</li></ol>"),
              "To do:\n\n- Book flights\n- Hotel\n  - 2 nights\n\n- First");
}

TEST(HtmlToTextTest, HeadingsTablesAndRules) {
    EXPECT_EQ(html_to_text("<h1>Invoice</h1><table><tr><td>Hours</td><td>12</td></tr>"
                           "<tr><th>Total</th><td>$600</td></tr></table><hr><p>Due in 30 days</p>"),
              "Invoice\n\nHours 12\nTotal $600\n\nDue in 30 days");
}

TEST(HtmlToTextTest, PreKeepsSpacesAndLines) {
    EXPECT_EQ(
        html_to_text("<p>Log:</p><pre>\nline 1\n  indented  twice\n\n\nend</pre><p>after</p>"),
        "Log:\n\nline 1\n  indented  twice\n\nend\n\nafter");
}

TEST(HtmlToTextTest, LinksAndImages) {
    EXPECT_EQ(
        html_to_text("<p>See <a href=\"https://docs.example/brief\">the brief</a>, "
                     "<a href=\"https://acme.example/\">acme.example</a>, "
                     "<a href=\"mailto:bob@acme.example\">bob@acme.example</a>, "
                     "<a href=\"javascript:void(0)\">nothing</a>, "
                     "<a href='https://x.example/?a=1&amp;b=2'>query</a>.</p>"
                     "<img src=\"logo.png\" alt=\"Acme logo\"><img src=\"pixel.gif\" alt=\"\">"),
        "See the brief <https://docs.example/brief>, acme.example, bob@acme.example, nothing, "
        "query <https://x.example/?a=1&b=2>.\n\nAcme logo");
}

TEST(HtmlToTextTest, BlockquotesArePrefixedAndNested) {
    EXPECT_EQ(
        html_to_text("<p>Yes.</p><blockquote><p>Can you ship it Monday?</p>"
                     "<blockquote>Original due date: March 1</blockquote></blockquote><p>Bob</p>"),
        "Yes.\n\n> Can you ship it Monday?\n>\n> > Original due date: March 1\n\nBob");
}

TEST(HtmlToTextTest, GmailQuoteIsQuotedAndZonedAsQuote) {
    const std::string html =
        "<div dir=\"ltr\">Sounds good, book it.<div><br></div><div>Bob</div></div><br>"
        "<div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">"
        "On Mon, Mar 3, 2025 at 10:00 AM Dana Reyes &lt;<a href=\"mailto:dana@reyes-va.example\">"
        "dana@reyes-va.example</a>&gt; wrote:<br></div>"
        "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\"><div dir=\"ltr\">"
        "The venue needs a deposit by March 5.</div></blockquote></div>";
    const std::string text = html_to_text(html);
    EXPECT_EQ(text,
              "Sounds good, book it.\n\nBob\n\n"
              "> On Mon, Mar 3, 2025 at 10:00 AM Dana Reyes <dana@reyes-va.example> wrote:\n>\n"
              "> > The venue needs a deposit by March 5.");
    const auto zones = split_zones(text);
    EXPECT_EQ(zones.own_text, "Sounds good, book it.\n\nBob");
    EXPECT_EQ(zones.own_text.find("March 5"), std::string::npos);
}

TEST(HtmlToTextTest, OutlookReplyQuotesEverythingAfterDivRplyFwdMsg) {
    const std::string html =
        "<html><head><style>p.MsoNormal{margin:0}</style></head><body>"
        "<div>Please move the dentist appointment.</div><div id=\"appendonsend\"></div>"
        "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
        "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Dana Reyes<br>"
        "<b>Sent:</b> Monday, March 3, 2025 9:00 AM<br><b>To:</b> Bob Smith<br>"
        "<b>Subject:</b> Appointments</font><div>&nbsp;</div></div>"
        "<div><p>Your dentist appointment is on March 6 at 9 am.</p></div></body></html>";
    const std::string text = html_to_text(html);
    EXPECT_EQ(text,
              "Please move the dentist appointment.\n\n"
              "> From: Dana Reyes\n> Sent: Monday, March 3, 2025 9:00 AM\n> To: Bob Smith\n"
              "> Subject: Appointments\n>\n> Your dentist appointment is on March 6 at 9 am.");
    const auto zones = split_zones(text);
    EXPECT_EQ(zones.own_text, "Please move the dentist appointment.");
}

TEST(HtmlToTextTest, AppleMailCiteBlockquote) {
    const std::string text = html_to_text(
        "<html><body dir=\"auto\">Will do.<br><br><div dir=\"ltr\">Sent from my iPhone</div>"
        "<div dir=\"ltr\"><br><blockquote type=\"cite\">On Mar 5, 2025, at 13:20, Dana Reyes "
        "&lt;dana@reyes-va.example&gt; wrote:<br><br></blockquote></div>"
        "<blockquote type=\"cite\"><div dir=\"ltr\">Reminder: the filing deadline is "
        "March 15.</div></blockquote></body></html>");
    const auto zones = split_zones(text);
    EXPECT_EQ(zones.own_text, "Will do.");
    EXPECT_EQ(zones.signature, "Sent from my iPhone");
    EXPECT_EQ(zones.own_text.find("March"), std::string::npos);
}

TEST(HtmlToTextTest, ScriptContainingCloseTagFragments) {
    EXPECT_EQ(html_to_text("<p>before</p><script>var a = \"</scr\" + \"ipt>\"; if (x</script2) {}"
                           " document.write('</SCRIPTS>');</ScRiPt ><p>after</p>"),
              "before\n\nafter");
}

TEST(HtmlToTextTest, UnclosedConstructsDropTheRestAsABrowserDoes) {
    EXPECT_EQ(html_to_text("kept<!-- never closed <p>lost</p>"), "kept");
    EXPECT_EQ(html_to_text("kept<a href=\"https://x.example>lost"), "kept");
    EXPECT_EQ(html_to_text("kept<script>lost"), "kept");
    EXPECT_EQ(html_to_text("kept<div"), "kept");
    EXPECT_EQ(html_to_text("a < b and c<3 <<>> d"), "a < b and c<3 <<>> d");
    EXPECT_EQ(html_to_text("<p>unclosed <b>bold <i>italic</p><p>next"),
              "unclosed bold italic\n\nnext");
}

TEST(HtmlToTextTest, UnclosedHeadEndsAtFirstBodyElement) {
    EXPECT_EQ(html_to_text("<html><head><meta charset=utf-8><p>Body text</p>"), "Body text");
}

TEST(HtmlToTextTest, InvalidUtf8BecomesReplacementCharacters) {
    const std::string text = html_to_text("<p>bad \xFF\xFE bytes \xC3 and \xED\xA0\x80 end</p>");
    EXPECT_TRUE(is_valid_utf8(text));
    EXPECT_EQ(text.substr(0, 4), "bad ");
}

TEST(HtmlToTextTest, NeverMoreThanOneBlankLine) {
    EXPECT_EQ(
        html_to_text("<p>a</p><p></p><br><br><br><div><br></div><p>&nbsp;</p><h2>b</h2><br><br>"),
        "a\n\nb");
}

// Quadratic work shows as a 16x slowdown for 4x the input; linear work stays
// near 4x. The floor absorbs timer noise on small inputs and the factor the
// noise of a sanitizer build; CPU time keeps other processes out of it.
template <typename Make>
void expect_linear(const Make& make, std::size_t count) {
    const double small = seconds_for(make(count));
    const double large = seconds_for(make(4 * count));
    EXPECT_LT(large, std::max(small * 10, 0.05))
        << "small " << small << " s, large " << large << " s";
}

std::string repeat(std::string_view piece, std::size_t count) {
    std::string out;
    out.reserve(piece.size() * count);
    for (std::size_t i = 0; i < count; ++i) out += piece;
    return out;
}

TEST(HtmlToTextTest, HostileInputStaysLinear) {
    expect_linear([](std::size_t n) { return repeat("<", n); }, 1 << 18);
    expect_linear([](std::size_t n) { return repeat("<div><blockquote><a href=x><script>", n); },
                  25000);
    expect_linear([](std::size_t n) { return "<script>" + repeat("</scr</a</p<!-</", n); }, 50000);
    expect_linear([](std::size_t n) { return repeat("</scr</a</p<!-</", n); }, 50000);
    expect_linear([](std::size_t n) { return repeat("<blockquote>", n) + "deep"; }, 25000);
    expect_linear(
        [](std::size_t n) { return repeat("&", n) + "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;"; },
        1 << 18);
    expect_linear([](std::size_t n) { return "<p" + repeat(" a=b c='d' e", n) + ">x"; }, 25000);
    expect_linear([](std::size_t n) { return repeat("<!--", n); }, 1 << 16);
    // Deep nesting must not make every following line carry a huge prefix.
    expect_linear([](std::size_t n) { return repeat("<blockquote>", n) + repeat("<br>x", n); },
                  10000);
    expect_linear([](std::size_t n) { return repeat("<ul>", n) + repeat("<li>x", n); }, 10000);
    expect_linear([](std::size_t n) { return repeat("<a href='", n); }, 1 << 16);
}

TEST(HtmlToTextTest, QuoteDepthIsCapped) {
    const std::string text = html_to_text(repeat("<blockquote>", 100) + "deep");
    EXPECT_EQ(text, repeat("> ", 32) + "deep");
}

TEST(HtmlToTextTest, EmptyInput) {
    EXPECT_EQ(html_to_text(""), "");
    EXPECT_EQ(html_to_text("<html><body></body></html>"), "");
}

}  // namespace
}  // namespace casefile::parsers
