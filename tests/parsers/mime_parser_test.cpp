#include "parsers/mime_parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/sha256.hpp"
#include "parsers/charset.hpp"

namespace casefile::parsers {
namespace {

std::string crlf(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out.push_back('\r');
        out.push_back(c);
    }
    return out;
}

bool has_warning(const core::ParsedMessage& message, std::string_view needle) {
    return std::any_of(message.warnings.begin(), message.warnings.end(),
                       [&](const std::string& warning) { return warning.find(needle) != std::string::npos; });
}

TEST(MimeParser, PlainMessageHeadersAndBody) {
    const std::string raw = crlf(R"(Return-Path: <bob@acme.example>
Message-ID: <CAF=x1@mail.acme.example>
In-Reply-To: <prev-2@reyes-va.example> <other@x>
References: <root-1@acme.example>
 <prev-2@reyes-va.example>
Date: Fri, 14 Mar 2025 09:30:00 -0500
From: Bob Smith <Bob@ACME.example>
To: Dana Reyes <dana@reyes-va.example>, ops@acme.example
Cc: "Lee, Pat" <pat@acme.example>
Subject: Re: Launch
 checklist =?utf-8?q?=E2=9C=93?=
Content-Type: text/plain; charset=utf-8

Hi Dana,

Please send the deck by Friday.

-- 
Bob
)");
    const auto message = parse_message(raw);
    EXPECT_EQ(message.message_id, "CAF=x1@mail.acme.example");
    EXPECT_EQ(message.in_reply_to, "prev-2@reyes-va.example");
    EXPECT_EQ(message.references, (std::vector<std::string>{"root-1@acme.example", "prev-2@reyes-va.example"}));
    EXPECT_EQ(message.subject, "Re: Launch checklist \xE2\x9C\x93");
    EXPECT_EQ(message.from, (core::Address{"Bob Smith", "Bob@acme.example"}));
    ASSERT_EQ(message.to.size(), 2u);
    EXPECT_EQ(message.to[1].address, "ops@acme.example");
    ASSERT_EQ(message.cc.size(), 1u);
    EXPECT_EQ(message.cc[0].name, "Lee, Pat");
    ASSERT_TRUE(message.date);
    EXPECT_EQ(core::to_iso8601(*message.date), "2025-03-14T09:30:00-05:00");
    EXPECT_EQ(message.text, "Hi Dana,\n\nPlease send the deck by Friday.\n\n-- \nBob\n");
    EXPECT_TRUE(message.attachments.empty());
    EXPECT_TRUE(message.warnings.empty()) << message.warnings.front();
    EXPECT_NE(message.zones.own_text.find("deck by Friday"), std::string::npos);
}

TEST(MimeParser, MissingMessageIdStaysEmpty) {
    const auto message = parse_message("From: a@b.example\nDate: Fri, 14 Mar 2025 09:30:00 -0500\n\nhello\n");
    EXPECT_EQ(message.message_id, "");
    EXPECT_EQ(message.text, "hello\n");
    EXPECT_TRUE(message.warnings.empty());
}

TEST(MimeParser, DuplicateHeadersUseTheFirstAndKeepAllRecipients) {
    const auto message = parse_message(
        "Subject: first\nSubject: second\nMessage-ID: <a@x>\nMessage-ID: <b@x>\n"
        "To: one@x.example\nTo: two@x.example\nDate: 1 Jan 2025 10:00 +0000\n\nbody\n");
    EXPECT_EQ(message.subject, "first");
    EXPECT_EQ(message.message_id, "a@x");
    EXPECT_EQ(message.to.size(), 2u);
    EXPECT_TRUE(has_warning(message, "duplicate Subject"));
    EXPECT_TRUE(has_warning(message, "duplicate Message-ID"));
}

TEST(MimeParser, QuotedPrintableLatin1Body) {
    const auto message = parse_message(crlf(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n\nCaf=E9 au lait, a very long line that was wrap=\nped softly.\n"));
    EXPECT_EQ(message.text, "Caf\xC3\xA9 au lait, a very long line that was wrapped softly.\n");
}

TEST(MimeParser, Base64Windows1252Body) {
    // "\x93Quote\x94 \x80" in windows-1252.
    const auto message = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=windows-1252\n"
        "Content-Transfer-Encoding: base64\n\nk1F1b3RllCCA\n");
    EXPECT_EQ(message.text, "\xE2\x80\x9CQuote\xE2\x80\x9D \xE2\x82\xAC");
}

TEST(MimeParser, Base64WithGarbageWarns) {
    const auto message = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Transfer-Encoding: base64\n\naGVs|bG8=\n");
    EXPECT_EQ(message.text, "hello");
    EXPECT_TRUE(has_warning(message, "base64"));
}

TEST(MimeParser, ShiftJisAndKoi8rBodies) {
    const auto japanese = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=Shift_JIS\n\n\x93\xFA\x96\x7B\x8C\xEA\n");
    EXPECT_EQ(japanese.text, "日本語\n");
    const auto russian = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=\"KOI8-R\"\n\n\xF0\xD2\xC9\xD7\xC5\xD4\n");
    EXPECT_EQ(russian.text, "Привет\n");
}

TEST(MimeParser, UnknownCharsetAndInvalidBytes) {
    const auto message = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=x-klingon\n\ncaf\xE9 \xFF\n");
    EXPECT_TRUE(is_valid_utf8(message.text));
    EXPECT_TRUE(has_warning(message, "x-klingon"));
    const auto invalid = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=utf-8\n\nbad \xC3\x28 byte\n");
    EXPECT_EQ(invalid.text, "bad \xEF\xBF\xBD( byte\n");
    EXPECT_TRUE(has_warning(invalid, "UTF-8"));
}

TEST(MimeParser, HtmlOnlyMailIsConverted) {
    const auto message = parse_message(crlf(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/html; charset=utf-8\n\n"
        "<html><head><style>p{color:red}</style></head><body><p>Deadline is <b>Friday</b>.</p></body></html>\n"));
    EXPECT_NE(message.text.find("Deadline is Friday."), std::string::npos) << message.text;
    EXPECT_EQ(message.text.find("<p>"), std::string::npos);
    EXPECT_EQ(message.text.find("color"), std::string::npos);
}

TEST(MimeParser, AlternativePrefersPlain) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

This is a multi-part message in MIME format.
--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Plain version.
--alt
Content-Type: text/html; charset=utf-8

<p>HTML version.</p>
--alt--
epilogue
)"));
    EXPECT_EQ(message.text, "Plain version.");
    EXPECT_TRUE(message.attachments.empty());
    EXPECT_TRUE(message.warnings.empty()) << message.warnings.front();
}

TEST(MimeParser, CalendarAlternativeIsListed) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

Invitation: review on Thursday
--b
Content-Type: text/calendar; method=REQUEST

BEGIN:VCALENDAR
END:VCALENDAR
--b--
)"));
    EXPECT_EQ(message.text, "Invitation: review on Thursday");
    ASSERT_EQ(message.attachments.size(), 1u);
    EXPECT_EQ(message.attachments[0].content_type, "text/calendar");
}

TEST(MimeParser, AlternativeWithEmptyPlainUsesHtml) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

--b
Content-Type: text/html

<div>Real text</div>
--b--
)"));
    EXPECT_NE(message.text.find("Real text"), std::string::npos);
}

TEST(MimeParser, NestedMixedWithAttachments) {
    const std::string pdf_bytes = "%PDF-1.4 fake";
    const std::string raw = crlf(R"(Date: 1 Jan 2025 10:00 +0000
Subject: Invoice
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8

See the attached invoice.
--inner
Content-Type: text/html; charset=utf-8

<p>See the attached invoice.</p>
--inner--

--outer
Content-Type: application/pdf; name="ignored.pdf"
Content-Disposition: attachment;
 filename*=utf-8''Invoice%20%E2%82%AC42.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQgZmFrZQ==
--outer
Content-Type: text/plain; charset=utf-8; name="notes.txt"
Content-Disposition: attachment

line one
--outer
Content-Type: image/png; name="=?utf-8?q?logo_=C3=A9.png?="
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--outer--
)");
    const auto message = parse_message(raw);
    EXPECT_EQ(message.text, "See the attached invoice.");
    ASSERT_EQ(message.attachments.size(), 3u);
    EXPECT_EQ(message.attachments[0].filename, "Invoice \xE2\x82\xAC" "42.pdf");
    EXPECT_EQ(message.attachments[0].content_type, "application/pdf");
    EXPECT_EQ(message.attachments[0].size, pdf_bytes.size());
    EXPECT_EQ(message.attachments[0].sha256, core::sha256_hex(pdf_bytes));
    EXPECT_EQ(message.attachments[1].filename, "notes.txt");
    EXPECT_EQ(message.attachments[1].size, 8u);  // "line one": the CRLF before the delimiter is not content
    EXPECT_EQ(message.attachments[1].sha256, core::sha256_hex("line one"));
    EXPECT_EQ(message.attachments[2].filename, "logo \xC3\xA9.png");
    EXPECT_EQ(message.attachments[2].content_type, "image/png");
    EXPECT_EQ(message.attachments[2].size, 8u);
    EXPECT_TRUE(message.warnings.empty()) << message.warnings.front();
}

TEST(MimeParser, AttachmentNamesAreNotSanitisedIntoPaths) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/mixed; boundary=b

--b

body
--b
Content-Type: application/octet-stream; name="../../etc/passwd"

x
--b--
)"));
    ASSERT_EQ(message.attachments.size(), 1u);
    EXPECT_EQ(message.attachments[0].filename, "../../etc/passwd");
    EXPECT_EQ(message.text, "body");
}

TEST(MimeParser, ForwardedMessageIsAnAttachmentOfItsExactBytes) {
    const std::string inner = crlf("From: Carol <carol@x.example>\nSubject: Original plan\n\nWe agreed on May 3.");
    const std::string raw = crlf("Date: 1 Jan 2025 10:00 +0000\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
                                 "Content-Type: text/plain\n\nFYI, see below.\n--b\nContent-Type: message/rfc822\n\n") +
                            inner + crlf("\n--b--\n");
    const auto message = parse_message(raw);
    ASSERT_EQ(message.attachments.size(), 1u);
    EXPECT_EQ(message.attachments[0].content_type, "message/rfc822");
    EXPECT_EQ(message.attachments[0].filename, "Original plan.eml");
    EXPECT_EQ(message.attachments[0].size, inner.size());
    EXPECT_EQ(message.attachments[0].sha256, core::sha256_hex(inner));
    EXPECT_NE(message.text.find("FYI, see below."), std::string::npos);
    EXPECT_NE(message.text.find("> We agreed on May 3."), std::string::npos) << message.text;
}

TEST(MimeParser, BoundaryInTheMiddleOfALineDoesNotSplit) {
    // mimetic 0.9.8 splits here; RFC 2046 §5.1.1 says delimiters start a line.
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

see a--b in the middle
--b--
)"));
    EXPECT_EQ(message.text, "see a--b in the middle");
    EXPECT_TRUE(message.attachments.empty());
}

TEST(MimeParser, SinglePartAttachmentMessage) {
    const auto message = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQgZmFrZQ==\n");
    EXPECT_EQ(message.text, "");
    ASSERT_EQ(message.attachments.size(), 1u);
    EXPECT_EQ(message.attachments[0].filename, "a.pdf");
    EXPECT_EQ(message.attachments[0].size, 13u);
}

TEST(MimeParser, FormatFlowedIsJoined) {
    const auto message = parse_message(crlf(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n"
        "Please send the deck \nby Friday.\n From the stuffed line.\n> quoted and \n> joined\n\n-- \nBob\n"));
    EXPECT_EQ(message.text,
              "Please send the deck by Friday.\nFrom the stuffed line.\n> quoted and joined\n\n-- \nBob\n");
    const auto delsp = parse_message(
        "Date: 1 Jan 2025 10:00 +0000\nContent-Type: text/plain; format=flowed; delsp=yes\n\nlong\u3000 \nword\n");
    EXPECT_EQ(delsp.text, "long\u3000word\n");
}

TEST(MimeParser, BareLfAndCrlfMixed) {
    const auto message = parse_message("Subject: mixed\r\nDate: 1 Jan 2025 10:00 +0000\n\r\nline one\r\nline two\nline three\r");
    EXPECT_EQ(message.subject, "mixed");
    EXPECT_EQ(message.text, "line one\nline two\nline three\n");
}

TEST(MimeParser, DigestPartsDefaultToMessages) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/digest; boundary=d

--d

Subject: first

one
--d

Subject: second

two
--d--
)"));
    ASSERT_EQ(message.attachments.size(), 2u);
    EXPECT_EQ(message.attachments[0].filename, "first.eml");
    EXPECT_EQ(message.attachments[1].content_type, "message/rfc822");
}

TEST(MimeParser, MissingBoundaryParameterIsGuessed) {
    const auto message = parse_message(crlf(R"(Date: 1 Jan 2025 10:00 +0000
Content-Type: multipart/mixed

--zzz
Content-Type: text/plain

guessed
--zzz--
)"));
    EXPECT_EQ(message.text, "guessed");
    EXPECT_TRUE(has_warning(message, "boundary"));
}

TEST(MimeParser, DateProblemsAreWarnings) {
    const auto unreadable = parse_message("Date: sometime soon\n\nx");
    EXPECT_FALSE(unreadable.date);
    EXPECT_TRUE(has_warning(unreadable, "unreadable Date"));
    const auto missing = parse_message("Subject: x\n\nx");
    EXPECT_FALSE(missing.date);
    EXPECT_TRUE(has_warning(missing, "no Date"));
}

TEST(MimeParser, ADatedIssueToACrowdIsBulk) {
    // A company newsletter without list headers or an unsubscribe footer:
    // its "please e-mail your news by noon Thursday" is not a deadline.
    const std::string newsletter = crlf(R"(Message-ID: <issue-0416@acme.example>
Date: Sun, 15 Apr 2001 22:22:00 -0700
From: Acme In Action <acme.action@acme.example>
To: all.houston@acme.example
Subject: Acme In Action 04.16.01
Content-Type: text/plain; charset=us-ascii

To post news or events in Acme In Action, please e-mail your information
no later than 12:00 noon the Thursday prior to the next Monday's mailing.
)");
    EXPECT_TRUE(parse_message(newsletter).bulk);

    // The same dated subject written to one person is a conversation.
    std::string to_one = newsletter;
    to_one.replace(to_one.find("all.houston@acme.example"), 24, "dana@reyes-va.example");
    EXPECT_FALSE(parse_message(to_one).bulk);
}

}  // namespace
}  // namespace casefile::parsers
