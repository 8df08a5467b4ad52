// Splits a message's readable text into the sender's own words, quoted
// earlier messages, and the signature.
#pragma once

#include <string_view>

#include "core/message.hpp"

namespace casefile::parsers {

// `text` is UTF-8 with "\n" or "\r\n" line ends. The three zones together
// hold every non-blank line of `text`, each in exactly one zone, in their
// original order and unchanged (only the line end goes). Each zone uses "\n"
// line ends and has no blank lines at either end; blank lines between two of
// its lines are kept, and one blank line stands where another zone's lines
// came between (an interleaved quote).
//
// quoted_text: '>' lines and the attribution introducing them ("On ...
// wrote:", "Am ... schrieb ...:", "Le ... a écrit :", "El ... escribió:"),
// and everything from the first forward or reply block to the end: "-----
// Original Message-----", "---------- Forwarded message ----------", "Begin
// forwarded message:", Outlook and Gmail "From:/Sent:/To:/Subject:" blocks,
// Lotus Notes "Name/ORG@ORG on 03/15/2001 10:00 AM" and "----- Forwarded by"
// blocks, and a dated attribution that is not followed by '>' lines.
// Answers between quoted lines stay in own_text.
//
// signature: searched in the last stretch of own text only; see
// find_signature_start (zone_signature.hpp). A sign-off line ("Thanks,")
// goes with the signature. Conservative: when in doubt the lines stay in
// own_text, which is what the deadline and scope rules read.
//
// Linear in the size of `text`; no allocation per line beyond the line table.
core::TextZones split_zones(std::string_view text);

}  // namespace casefile::parsers
