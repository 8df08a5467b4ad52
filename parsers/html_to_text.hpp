// HTML (already UTF-8) -> readable plain text, for HTML-only mail.
#pragma once

#include <string>
#include <string_view>

namespace casefile::parsers {

// Drops scripts, styles, <head>, <title>, comments, <!DOCTYPE> and tags;
// collapses whitespace as a browser does (NO-BREAK SPACE becomes a space),
// keeps <pre> as written; block elements end lines, paragraphs, headings,
// tables and lists are set off by a blank line; list items start with "- ";
// <blockquote> content, Gmail's gmail_quote, and everything from Outlook's
// divRplyFwdMsg / appendonsend on are prefixed with "> " per level (at most
// 32), so split_zones puts them in quoted_text. Links keep their text and
// add " <url>" for http(s) and mailto targets the text does not already
// show; images give their alt text. Character references are decoded
// (invalid code points become U+FFFD).
//
// Never fails. Output is valid UTF-8 (invalid input bytes become U+FFFD), uses
// "\n" line ends, has at most one blank line in a row and no blank lines or
// trailing spaces at either end. Linear time on any input; whatever is left
// unterminated at the end (a comment, a tag, a quoted attribute, a script)
// is dropped, as a browser does.
std::string html_to_text(std::string_view html);

}  // namespace casefile::parsers
