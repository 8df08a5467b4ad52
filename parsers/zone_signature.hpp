// Finds where the sender's signature starts in the last stretch of own text.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace casefile::parsers {

// `lines` is one stretch of the sender's own text (no quoted lines), without
// line ends; its last line is not blank. Returns the index of the first
// signature line, or lines.size() when there is none.
//
// Recognised, in order of trust:
//  - the RFC 3676 §4.3 delimiter "-- " (followed by at most 30 lines),
//  - a mobile client's tag as the last line ("Sent from my iPhone"),
//  - a sign-off line ("Thanks,", "Best regards", "Cheers, Kirk"), a bare
//    "--", or a name block with a phone, mail or web address, each only when
//    every line after it is short and reads like a name, title, company or
//    contact line, and the sender wrote something before it.
// A line after the candidate that reads like a sentence, asks something, says
// "please" or names a weekday or month keeps everything in the own text: a
// request hidden in the signature is worse than a signature left in the text.
std::size_t find_signature_start(std::span<const std::string_view> lines);

}  // namespace casefile::parsers
