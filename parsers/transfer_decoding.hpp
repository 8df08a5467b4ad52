// Content-Transfer-Encoding (RFC 2045 §6) decoders. Ours rather than
// mimetic's: its base64 decoder reads out of bounds on the byte '|', and real
// mail needs leniency (garbage between lines, missing padding, bad escapes).
#pragma once

#include <string>
#include <string_view>

namespace casefile::parsers {

// RFC 2045 §6.8. Characters outside the alphabet (line breaks, garbage) are
// skipped; decoding stops at the first '=' pad; a trailing partial quantum of
// two or three characters still yields its whole bytes. `garbage`, when
// given, is set to true if any character other than whitespace was skipped.
std::string decode_base64(std::string_view encoded, bool* garbage = nullptr);

// RFC 2045 §6.7. Soft line breaks ("=" at line end, also with trailing
// whitespace before the break) are removed; "=XX" becomes the byte; a '='
// that starts no valid escape is kept literally (rule (1) of §6.7's note on
// robust decoders). Line ends in the output are kept as they were.
std::string decode_quoted_printable(std::string_view encoded);

// Decodes `body` by the (raw, any case) Content-Transfer-Encoding value.
// 7bit, 8bit, binary and unknown encodings return the bytes as they are;
// `warning` is set for unknown encodings and for base64 with garbage.
std::string decode_transfer_encoding(std::string_view body, std::string_view encoding,
                                     std::string& warning);

}  // namespace casefile::parsers
