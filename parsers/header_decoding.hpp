// Header field values -> UTF-8: unfolding (RFC 5322 §2.2.3), encoded words
// (RFC 2047) and MIME parameters (RFC 2045 §5.1 with RFC 2231 extensions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::parsers {

// Removes the line breaks of a folded value (each CR and LF; the whitespace
// after them stays, RFC 5322 §2.2.3) and trims whitespace at both ends.
std::string unfold_header(std::string_view raw_value);

// Decodes RFC 2047 encoded words ("=?charset?B|Q?text?=") in an unfolded
// value. Whitespace between two adjacent encoded words is dropped (§6.2);
// adjacent words in one charset are joined before conversion, so a UTF-8
// character split across two words survives. Malformed words stay as
// written. Raw 8-bit text outside encoded words is read as UTF-8 when valid,
// else as windows-1252. The result is valid UTF-8.
std::string decode_encoded_words(std::string_view unfolded);

// unfold_header + decode_encoded_words: what Subject and display names need.
std::string decode_header_text(std::string_view raw_value);

struct HeaderParameter {
    std::string name;   // lower case, without RFC 2231 "*" or section suffixes
    std::string value;  // unquoted; RFC 2231 values decoded to UTF-8, others as written
};

// A structured value such as Content-Type or Content-Disposition.
struct ParameterizedValue {
    std::string value;  // the leading token, lower case, comments removed: "text/plain"
    std::vector<HeaderParameter> parameters;

    // The value of parameter `name` (lower case), or nullptr.
    const std::string* find(std::string_view name) const;
};

// Parses "type/subtype; name=value; name*=charset'lang'%XX; name*0*=...".
// RFC 2231 continuations are put back together in section order and
// decoded; when both "name" and "name*" are given, the RFC 2231 one wins.
ParameterizedValue parse_parameterized(std::string_view raw_value);

}  // namespace casefile::parsers
