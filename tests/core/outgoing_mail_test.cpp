#include "core/outgoing_mail.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace casefile::core {
namespace {

std::vector<std::string> crlf_lines(const std::string& message) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < message.size()) {
        const std::size_t end = message.find("\r\n", start);
        EXPECT_NE(end, std::string::npos) << "the message must end with CRLF";
        if (end == std::string::npos) break;
        lines.push_back(message.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

// Quoted-printable decoding, for checking round trips.
std::string decode_quoted_printable(const std::string& encoded) {
    std::string out;
    for (std::size_t index = 0; index < encoded.size(); ++index) {
        if (encoded[index] != '=') {
            out.push_back(encoded[index]);
            continue;
        }
        if (encoded.compare(index + 1, 2, "\r\n") == 0) {
            index += 2;
            continue;
        }
        out.push_back(static_cast<char>(std::stoi(encoded.substr(index + 1, 2), nullptr, 16)));
        index += 2;
    }
    return out;
}

OutgoingMail digest_mail(std::string text, std::string html = {}) {
    OutgoingMail mail;
    mail.from = "casefile <casefile@reyes-va.example>";
    mail.to = "dana@reyes-va.example";
    mail.subject = "casefile digest, Monday 30 November 2026: 3 new messages";
    mail.message_id = "digest-2026-11-30.abc@reyes-va.example";
    mail.date = Timestamp{1764595800, -360};
    mail.text_body = std::move(text);
    mail.html_body = std::move(html);
    return mail;
}

TEST(OutgoingMail, HeadersAndAMultipartAlternative) {
    const std::string message = compose_mail(digest_mail("plain words", "<p>html words</p>"));
    const auto lines = crlf_lines(message);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "Date: Mon, 01 Dec 2025 07:30:00 -0600");
    EXPECT_NE(message.find("\r\nMessage-ID: <digest-2026-11-30.abc@reyes-va.example>\r\n"), std::string::npos);
    EXPECT_NE(message.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
    const auto type = message.find("Content-Type: multipart/alternative;\r\n boundary=\"");
    ASSERT_NE(type, std::string::npos);
    const auto start = message.find('"', type) + 1;
    const std::string boundary = message.substr(start, message.find('"', start) - start);
    EXPECT_NE(message.find("--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8"),
              std::string::npos);
    EXPECT_NE(message.find("--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8"),
              std::string::npos);
    EXPECT_NE(message.find("--" + boundary + "--\r\n"), std::string::npos);
    EXPECT_LT(message.find("text/plain"), message.find("text/html")) << "HTML last: preferred";
    EXPECT_EQ(compose_mail(digest_mail("plain words", "<p>html words</p>")), message)
        << "deterministic bytes";
}

TEST(OutgoingMail, NoLineIsLongAndEveryLineEndIsCrlf) {
    std::string long_line(5000, 'x');
    long_line += " ünïcödé ";
    const std::string message = compose_mail(digest_mail(long_line, "<p>" + long_line + "</p>"));
    bool in_headers = true;
    for (const std::string& line : crlf_lines(message)) {
        if (line.empty()) in_headers = false;
        // RFC 5322 §2.1.1: at most 998; bodies keep to quoted-printable's 76.
        EXPECT_LE(line.size(), in_headers ? 998u : 76u) << line.substr(0, 40);
        EXPECT_EQ(line.find('\r'), std::string::npos);
        EXPECT_EQ(line.find('\n'), std::string::npos);
    }
}

TEST(OutgoingMail, SmtpTerminatorsAndHeaderLikeLinesStayInsideTheBody) {
    const std::string hostile =
        "first\r\n.\r\nMAIL FROM:<x@evil.example>\r\nsecond\n.\nthird\r.\r\n"
        "Bcc: victim@example.com\r\nFrom the top\r\n.hidden\r\n";
    const std::string message = compose_mail(digest_mail(hostile, "<p>" + hostile + "</p>"));
    const auto lines = crlf_lines(message);
    for (const std::string& line : lines) {
        EXPECT_NE(line, ".");
        EXPECT_FALSE(line.starts_with(".")) << line;
        EXPECT_FALSE(line.starts_with("From ")) << line;
    }
    // The header block ends at the first empty line; nothing from the body is in it.
    const std::string headers = message.substr(0, message.find("\r\n\r\n"));
    EXPECT_EQ(headers.find("Bcc"), std::string::npos);
    EXPECT_EQ(headers.find("MAIL FROM"), std::string::npos);
    // And the text survives, line ends normalised.
    const std::string plain = compose_mail(digest_mail(hostile));
    const std::string body = plain.substr(plain.find("\r\n\r\n") + 4);
    EXPECT_EQ(decode_quoted_printable(body),
              "first\r\n.\r\nMAIL FROM:<x@evil.example>\r\nsecond\r\n.\r\nthird\r\n.\r\n"
              "Bcc: victim@example.com\r\nFrom the top\r\n.hidden\r\n\r\n");
}

TEST(OutgoingMail, HeaderValuesCannotStartHeaders) {
    OutgoingMail mail = digest_mail("x");
    mail.subject = "ok\r\nBcc: victim@example.com";
    mail.to = "dana@reyes-va.example\nX-Evil: 1";
    const std::string message = compose_mail(mail);
    const auto lines = crlf_lines(message);
    for (const std::string& line : lines) {
        EXPECT_FALSE(line.starts_with("Bcc:")) << line;
        EXPECT_FALSE(line.starts_with("X-Evil:")) << line;
    }
}

TEST(OutgoingMail, NonAsciiSubjectsAreEncodedWords) {
    const std::string encoded = encode_header_words("Résumé für Zoë — 📅 " + std::string(80, 'a'));
    EXPECT_TRUE(encoded.starts_with("=?UTF-8?B?"));
    std::istringstream lines(encoded);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        EXPECT_LE(line.size(), 76u) << line;
    }
    EXPECT_EQ(encode_header_words("plain ASCII"), "plain ASCII");
}

TEST(OutgoingMail, QuotedPrintableRoundTripsAndEncodesTrailingSpace) {
    const std::string text = "tab\tand space at end \r\n=equals= and ü\r\nline";
    const std::string encoded = encode_quoted_printable(text);
    EXPECT_EQ(decode_quoted_printable(encoded), text);
    EXPECT_NE(encoded.find("end=20\r\n"), std::string::npos) << encoded;
    EXPECT_NE(encoded.find("=3Dequals=3D"), std::string::npos) << encoded;
}

TEST(OutgoingMail, DotAfterASoftBreakIsEncodedToo) {
    // 74 letters then a dot: the soft break puts the dot at a line start.
    const std::string text = std::string(74, 'a') + "." + std::string(10, 'b');
    const std::string encoded = encode_quoted_printable(text);
    for (const std::string& line : crlf_lines(encoded + "\r\n")) {
        EXPECT_FALSE(line.starts_with(".")) << encoded;
    }
    EXPECT_EQ(decode_quoted_printable(encoded), text);
}

}  // namespace
}  // namespace casefile::core
