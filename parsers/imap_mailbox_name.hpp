// Mailbox names in IMAP4rev1 are sent in modified UTF-7 (RFC 3501 §5.1.3):
// "Entw&APw-rfe" is "Entwürfe". These convert between that and UTF-8, for
// showing a folder to the VA and for sending a folder name from the config.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace casefile::parsers::imap {

// Modified UTF-7 -> UTF-8. "&-" is "&"; "&...-" is modified base64 (',' for
// '/', no padding) of UTF-16BE. Bytes of 0x80 and above pass through
// unchanged, since servers with UTF8=ACCEPT (RFC 6855) send raw UTF-8.
// Fails on a shift sequence without '-', a character outside the base64
// alphabet, leftover bits, an odd byte count, or an unpaired surrogate.
core::Result<std::string> decode_mailbox_name(std::string_view name);

// UTF-8 -> modified UTF-7, the form to put in a command (then quote it with
// the command helpers). Fails on invalid UTF-8.
core::Result<std::string> encode_mailbox_name(std::string_view utf8);

}  // namespace casefile::parsers::imap
