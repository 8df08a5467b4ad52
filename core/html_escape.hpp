// Text into HTML: every character that could start markup or end an
// attribute is escaped, control characters (NUL included) and the Unicode
// bidi overrides that can disguise text (U+202A-U+202E, U+2066-U+2069) are
// replaced, so mail content is always shown as text, never rendered.
#pragma once

#include <string>
#include <string_view>

namespace casefile::core {

std::string html_escape(std::string_view text);

}  // namespace casefile::core
