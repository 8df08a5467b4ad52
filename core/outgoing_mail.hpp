// The mail casefile itself sends (the daily digest), written as RFC 5322
// bytes ready for SMTP or IMAP APPEND: CRLF line ends, every line under 998
// octets, a multipart/alternative of plain text and HTML, bodies in
// quoted-printable UTF-8, the subject RFC 2047-encoded when it is not ASCII.
//
// Header values come from casefile and the VA's config, never from client
// mail; even so every header value is stripped of CR, LF and other control
// characters here, so no text can start a header of its own.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/timestamp.hpp"

namespace casefile::core {

struct OutgoingMail {
    std::string from;        // "casefile <casefile@x.example>" or a bare address
    std::string to;          // one address
    std::string subject;     // UTF-8
    std::string message_id;  // without angle brackets
    Timestamp date;          // written in its own offset
    std::string text_body;   // UTF-8, any line ends
    std::string html_body;   // UTF-8; empty: a text/plain message only
    // More headers, e.g. {"X-Casefile-Digest", "2026-11-30"}; ASCII names.
    std::vector<std::pair<std::string, std::string>> extra_headers;
};

// The whole message. Deterministic: the same mail gives the same bytes (the
// MIME boundary is derived from the Message-ID), which lets a re-send after a
// crash be byte-identical.
std::string compose_mail(const OutgoingMail& mail);

// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with CRLF line ends: lines
// of at most 76 characters, a bare CR or LF in the text taken as a line end,
// and a '.' or "From " opening a line encoded, so neither SMTP's end of data
// nor an mbox separator can appear.
std::string encode_quoted_printable(std::string_view text);

// RFC 2047 "B" encoded-words for a header value that is not plain ASCII,
// each at most 75 characters, folded with CRLF SP; ASCII stays as it is.
std::string encode_header_words(std::string_view text);

// "Tue, 01 Dec 2026 07:30:00 -0600" (RFC 5322 §3.3).
std::string format_rfc5322_date(const Timestamp& timestamp);

}  // namespace casefile::core
