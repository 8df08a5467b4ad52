// Sends one already-composed message through an SMTP server with libcurl:
// the digest's way out when `[digest] delivery = "smtp"`.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "daemon/delivery_failure.hpp"

namespace casefile::daemon {

struct SmtpTarget {
    std::string url;  // smtp://host[:port] or smtps://host[:port]
    // required / starttls: TLS from the first byte (smtps://) or STARTTLS
    // before anything else (smtp://). none: plain text, for a relay on this
    // machine only; the caller warns.
    config::TlsMode tls = config::TlsMode::required;
    std::string user;      // empty: no AUTH
    std::string password;  // used only when user is set
    std::string ca_file;   // optional extra CA bundle; verification stays on
};

struct SmtpTimeouts {
    std::chrono::milliseconds connect{std::chrono::seconds(30)};
    // Each reply of the server (greeting, EHLO, MAIL, ... the end of DATA).
    std::chrono::milliseconds response{std::chrono::seconds(60)};
    // Fewer than `low_speed_bytes` per second over `low_speed_window` fails,
    // so a trickling server cannot hold the daemon.
    long low_speed_bytes = 1;
    std::chrono::seconds low_speed_window{60};
    // The whole exchange, connect to QUIT.
    std::chrono::milliseconds total{std::chrono::minutes(5)};
};

// Sends `message` (RFC 5322 bytes) to `recipients` with `envelope_from` as the
// SMTP MAIL FROM. Line ends are normalised to CRLF first (normalize_crlf), so
// a bare "\n.\n" in a body cannot end the DATA early: libcurl dot-escapes
// only a "." that follows CRLF.
//
// With tls = required or starttls and an smtp:// URL the server must offer
// STARTTLS; otherwise nothing (no AUTH, no MAIL FROM) is sent. AUTH only
// when `target.user` is set.
//
// On success the server accepted the message for every recipient. On
// failure the message names the server and what it refused, and says
// whether trying later can help (DeliveryFailure::transient: a 4xx reply, a
// refused or lost connection, a timeout). The password never appears in it.
// REQUIRES: a CurlGlobal exists; `recipients` is not empty.
DeliveryResult<void> send_smtp(const SmtpTarget& target, const std::string& envelope_from,
                               const std::vector<std::string>& recipients, std::string_view message,
                               const SmtpTimeouts& timeouts = {});

// CRLF stays; a bare LF or a bare CR becomes CRLF; the result ends with
// CRLF (an empty input stays empty).
std::string normalize_crlf(std::string_view message);

}  // namespace casefile::daemon
