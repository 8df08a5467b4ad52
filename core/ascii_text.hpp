// ASCII whitespace, shared by the parsers and core: mail headers and
// addresses use only these four characters as white space.
#pragma once

#include <string_view>

namespace casefile::core {

// Space, tab, CR or LF.
constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `text` without leading and trailing spaces, tabs, CRs and LFs.
constexpr std::string_view trim_ascii_space(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace casefile::core
