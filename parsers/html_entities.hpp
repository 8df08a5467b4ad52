// HTML character references (named, decimal and hex) -> UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace casefile::parsers {

// Appends `code_point` as UTF-8. Invalid code points (surrogates, above
// U+10FFFF) become U+FFFD, so the output is always valid UTF-8.
void append_utf8(char32_t code_point, std::string& out);

// `text` starts with '&'. When it begins a character reference ("&amp;",
// "&#8217;", "&#x2014;", or a legacy name without ';' such as "&nbsp "),
// appends the decoded UTF-8 to `out` and returns the number of bytes the
// reference spans. Returns 0 when it is no reference; the caller then keeps
// the '&' as text. Looks at most 40 bytes ahead, so callers stay linear.
std::size_t decode_character_reference(std::string_view text, std::string& out);

}  // namespace casefile::parsers
