// Text from mail, made safe to show in the export's HTML. Every piece of mail
// content (subjects, names, addresses, bodies, attachment names, evidence)
// goes through display_html() and nothing else, so a client's HTML is shown
// as text and never rendered.
#pragma once

#include <string>
#include <string_view>

namespace casefile::core {

// Escapes & < > " ' for use in element content and quoted attribute values.
std::string html_escape(std::string_view text);

// The text as it should be displayed: invalid UTF-8 becomes U+FFFD, NUL and
// other C0/C1 controls (except tab, line feed) are dropped, and the bidi
// embedding/override/isolate characters (U+202A-U+202E, U+2066-U+2069) that
// could make a file name or a sentence read backwards are shown as a visible
// marker "[U+202E]" instead.
std::string display_text(std::string_view text);

// html_escape(display_text(text)).
std::string display_html(std::string_view text);

}  // namespace casefile::core
