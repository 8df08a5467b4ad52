// Puts one composed digest where the VA asked for it (`[digest] delivery`):
// her SMTP server, a folder of her own IMAP mailbox, or a file. Composing the
// digest and deciding when to send it are the caller's business.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "daemon/delivery_failure.hpp"
#include "daemon/imap_session.hpp"
#include "daemon/smtp_sender.hpp"

namespace casefile::daemon {

struct DeliveryOptions {
    SmtpTimeouts smtp;
    ImapTimeouts imap;
};

// Delivers `message` (RFC 5322 bytes; line ends are normalised to CRLF, so
// every delivery carries the same bytes) according to `digest.delivery`:
//
// - "smtp": to `digest.to`, envelope sender `digest.from_address`, through
//   `digest.smtp_url` with `digest.tls` (see send_smtp). AUTH with
//   `digest.smtp_user` and the password from `digest.smtp_secret` when a
//   user is set. tls = "none" is logged as a warning.
// - "imap": APPEND into `digest.folder` ("INBOX" when empty) of the account
//   named `digest.account` (the first of `accounts` when empty), connecting
//   as the sync does. The folder must exist; casefile does not create it.
// - "file": writes `digest.file` ("~" and "$VAR" expanded) atomically: a
//   temporary file in the same directory, flushed, then renamed over it, so a
//   reader sees the old file or the new one, never half of one. Mode 0600.
//
// On failure, DeliveryFailure::transient says whether trying again later can
// help (a down server, a timeout, a 4xx reply, a full disk) or the VA must
// change something (a 5xx reply, a bad secret source, a missing folder, an
// unwritable directory, a NUL byte in the message for smtp or imap). Messages never hold the
// password or the message.
DeliveryResult<void> deliver_digest(const config::DigestSettings& digest,
                                    const std::vector<config::AccountSettings>& accounts,
                                    std::string_view message, const DeliveryOptions& options = {});

// The "file" delivery on its own: `bytes` as they are, to `path` (already
// expanded), atomically and with mode 0600.
DeliveryResult<void> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace casefile::daemon
