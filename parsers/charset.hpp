// Bytes in a declared charset -> valid UTF-8. Mail lies about its charset
// often enough that every path here ends in valid UTF-8, lossy if need be.
#pragma once

#include <string>
#include <string_view>

namespace casefile::parsers {

// True when `bytes` is well-formed UTF-8 (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Copies `bytes`, replacing each ill-formed sequence with U+FFFD. NUL bytes
// become U+FFFD too: they are never meaningful in mail text and break C
// consumers downstream.
std::string make_valid_utf8(std::string_view bytes);

// Appends `bytes` read as windows-1252 (which is what most mail labelled
// iso-8859-1 or us-ascii with 8-bit bytes really is) to `out` as UTF-8.
void append_windows_1252(std::string_view bytes, std::string& out);

// The result of converting text to UTF-8. `text` is always valid UTF-8;
// `warning` is empty when the conversion was exact.
struct Utf8Conversion {
    std::string text;
    std::string warning;
};

// Converts `bytes` labelled with `charset` (any spelling a mailer uses:
// "UTF8", "latin1", "\"cp1252\"", "ks_c_5601-1987", ...) to UTF-8 with
// glibc's iconv. An empty, unknown or unsafe (UTF-7) label, or a failing
// conversion, falls back to UTF-8-if-valid, else windows-1252, with a warning.
Utf8Conversion convert_to_utf8(std::string_view bytes, std::string_view charset);

// The canonical lower-case name we hand to iconv for a mail charset label,
// or "" when the label is unknown, empty or deliberately refused.
std::string canonical_charset(std::string_view label);

}  // namespace casefile::parsers
