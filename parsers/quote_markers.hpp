// Line-level recognisers for what mail clients write above quoted or
// forwarded text. Each looks at one line (without its line end) and at most
// a few hundred bytes of it, so zoning stays linear in the message size.
#pragma once

#include <string_view>

namespace casefile::parsers {

// ASCII whitespace only: the zoning contract counts a line as blank when it
// holds nothing but spaces, tabs and CRs.
std::string_view trim_line(std::string_view line);
bool is_blank_line(std::string_view line);

// "> text", ">> text", "  > text": RFC 3676 §4.5 quote marks, tolerating the
// few spaces of indentation some clients put before them.
bool is_quoted_line(std::string_view line);

// "-----Original Message-----", "---------- Forwarded message ---------",
// "Begin forwarded message:", Lotus Notes "----- Forwarded by X on ... -----"
// and their German, French, Spanish, Dutch, Italian and Portuguese forms.
// Everything below such a line belongs to an earlier message.
bool is_forward_marker(std::string_view trimmed);

enum class Attribution {
    none,
    // "Bob <bob@x> wrote:": an attribution only when quoted lines follow.
    weak,
    // "On Mon, 3 Mar 2025 at 10:00, Bob wrote:" (or "Am ... schrieb ...:",
    // "Le ... a écrit :", "El ... escribió:"): names a date, so what follows
    // is an earlier message even when the client did not '>'-quote it.
    strong,
};
Attribution attribution_kind(std::string_view trimmed);

// True for the first line of a strong attribution that the sending client
// wrapped ("On Tue, Mar 4, 2025 at 9:12 AM Robert Smith <" / "rob@x> wrote:").
bool may_open_wrapped_attribution(std::string_view trimmed);

enum class HeaderKey { none, from, sent, to, cc, subject };

// The header label a forwarded or replied-to message starts with, in the
// forms Outlook, Gmail ("*From:*") and Lotus Notes write, in several
// languages ("Von:", "De :", "Asunto:").
HeaderKey header_key(std::string_view trimmed);

// Lotus Notes sender line: "Jane Doe/HOU/ECT@ECT on 03/15/2001 10:00 AM".
bool is_notes_sender_line(std::string_view trimmed);

// A horizontal rule of '_', '-' or '=' (Outlook puts 32 '_' above the
// header block of the message it replies to).
bool is_rule_line(std::string_view trimmed);

// ASCII case-insensitive helpers shared with the signature recogniser.
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);
bool ends_with_ignoring_case(std::string_view text, std::string_view suffix);
bool equals_ignoring_case(std::string_view a, std::string_view b);

}  // namespace casefile::parsers
