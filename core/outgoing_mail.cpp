#include "core/outgoing_mail.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/sha256.hpp"

namespace casefile::core {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kQuotedPrintableLine = 76;

char hex_digit(unsigned value) { return "0123456789ABCDEF"[value & 0x0F]; }

std::string base64(std::string_view bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t index = 0; index < bytes.size(); index += 3) {
        const std::size_t left = bytes.size() - index;
        const unsigned a = static_cast<unsigned char>(bytes[index]);
        const unsigned b = left > 1 ? static_cast<unsigned char>(bytes[index + 1]) : 0;
        const unsigned c = left > 2 ? static_cast<unsigned char>(bytes[index + 2]) : 0;
        const unsigned triple = (a << 16) | (b << 8) | c;
        out.push_back(kAlphabet[(triple >> 18) & 63]);
        out.push_back(kAlphabet[(triple >> 12) & 63]);
        out.push_back(left > 1 ? kAlphabet[(triple >> 6) & 63] : '=');
        out.push_back(left > 2 ? kAlphabet[triple & 63] : '=');
    }
    return out;
}

// A header value on one line: control characters (CR and LF above all)
// become spaces, so nothing can start a header of its own.
std::string single_line(std::string_view value) {
    std::string clean(value);
    for (char& character : clean) {
        const auto byte = static_cast<unsigned char>(character);
        if (byte < 0x20 || byte == 0x7F) character = ' ';
    }
    return clean;
}

bool is_ascii(std::string_view text) {
    for (char character : text) {
        if (static_cast<unsigned char>(character) >= 0x80) return false;
    }
    return true;
}

// Length of the UTF-8 sequence starting with `lead` (1 for a stray byte),
// so encoded-words never split a character (RFC 2047 §5).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

void encode_line(std::string_view line, std::string& out) {
    std::size_t column = 0;
    const auto soft_break_unless_fits = [&](std::size_t width) {
        // Room is kept for the "=" of a soft line break at column 76.
        if (column + width > kQuotedPrintableLine - 1) {
            out += "=";
            out += kCrlf;
            column = 0;
        }
    };
    for (std::size_t index = 0; index < line.size(); ++index) {
        const auto byte = static_cast<unsigned char>(line[index]);
        const bool last = index + 1 == line.size();
        bool literal = (byte >= 33 && byte <= 126 && byte != '=') ||
                       ((byte == ' ' || byte == '\t') && !last);
        if (literal) soft_break_unless_fits(1);
        // A line that starts with "." could end SMTP data (or be unstuffed);
        // one that starts with "From " gets a ">" in mbox files. Decided after
        // any soft break, which starts a line too.
        if (literal && column == 0 &&
            (byte == '.' || (byte == 'F' && line.substr(index).starts_with("From ")))) {
            literal = false;
        }
        if (literal) {
            out.push_back(static_cast<char>(byte));
            column += 1;
        } else {
            soft_break_unless_fits(3);
            out.push_back('=');
            out.push_back(hex_digit(byte >> 4));
            out.push_back(hex_digit(byte));
            column += 3;
        }
    }
}

std::string mime_boundary(const OutgoingMail& mail) {
    // "=_" never occurs in quoted-printable output ('=' is always followed by
    // a hex digit or a line end), so the boundary cannot occur in a body.
    return "=_casefile_" + sha256_hex(mail.message_id).substr(0, 24);
}

void write_header(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += kCrlf;
}

}  // namespace

std::string encode_quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        const bool final_line = end == std::string_view::npos;
        if (final_line) end = text.size();
        encode_line(text.substr(start, end - start), out);
        if (final_line) break;
        out += kCrlf;
        // CRLF, a bare CR or a bare LF: each is one line end.
        start = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    return out;
}

std::string encode_header_words(std::string_view text) {
    const std::string clean = single_line(text);
    if (is_ascii(clean)) return clean;
    // "=?UTF-8?B?" + base64 + "?=" within 75 characters: 45 bytes of input
    // make 60 base64 characters, 72 in all.
    constexpr std::size_t kChunk = 45;
    std::string out;
    std::size_t index = 0;
    while (index < clean.size()) {
        std::size_t end = index;
        while (end < clean.size()) {
            const std::size_t next = end + utf8_length(static_cast<unsigned char>(clean[end]));
            if (next - index > kChunk) break;
            end = std::min(next, clean.size());
        }
        if (end == index) end = std::min(index + kChunk, clean.size());
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(index, end - index)) + "?=";
        index = end;
    }
    return out;
}

std::string format_rfc5322_date(const Timestamp& timestamp) {
    static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t local = timestamp.unix_seconds + std::int64_t{timestamp.offset_minutes} * 60;
    std::int64_t days = local / 86400;
    std::int64_t seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    civil_from_days(days, year, month, day);
    const int offset = timestamp.offset_minutes;
    const int magnitude = offset < 0 ? -offset : offset;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d %c%02d%02d",
                  kDays[((days % 7) + 7) % 7], day, kMonths[month - 1], year,
                  static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60), offset < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
    return buffer;
}

std::string compose_mail(const OutgoingMail& mail) {
    std::string out;
    write_header(out, "Date", format_rfc5322_date(mail.date));
    write_header(out, "From", single_line(mail.from));
    write_header(out, "To", single_line(mail.to));
    write_header(out, "Subject", encode_header_words(mail.subject));
    write_header(out, "Message-ID", "<" + single_line(mail.message_id) + ">");
    for (const auto& [name, value] : mail.extra_headers) {
        write_header(out, single_line(name), encode_header_words(value));
    }
    write_header(out, "MIME-Version", "1.0");
    // No remote content, and nothing to auto-reply to.
    write_header(out, "Auto-Submitted", "auto-generated");

    const auto write_text_part = [&](std::string_view type, std::string_view body) {
        write_header(out, "Content-Type", std::string(type) + "; charset=UTF-8");
        write_header(out, "Content-Transfer-Encoding", "quoted-printable");
        out += kCrlf;
        out += encode_quoted_printable(body);
        out += kCrlf;
    };
    if (mail.html_body.empty()) {
        write_text_part("text/plain", mail.text_body);
        return out;
    }
    const std::string boundary = mime_boundary(mail);
    // Folded (RFC 5322 §2.2.3) to keep the line short.
    write_header(out, "Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\"");
    out += kCrlf;
    out += "The same digest as plain text and as HTML.";
    out += kCrlf;
    // RFC 2046 §5.1.4: the last alternative is the preferred one.
    for (const auto& [type, body] : {std::pair<std::string_view, std::string_view>{"text/plain", mail.text_body},
                                     {"text/html", mail.html_body}}) {
        out += kCrlf;
        out += "--" + boundary;
        out += kCrlf;
        write_text_part(type, body);
    }
    out += kCrlf;
    out += "--" + boundary + "--";
    out += kCrlf;
    return out;
}

}  // namespace casefile::core
