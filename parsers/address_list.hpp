// From/To/Cc values -> core::Address (RFC 5322 §3.4, with the obsolete and
// broken forms real mail carries).
#pragma once

#include <string_view>
#include <vector>

#include "core/message.hpp"

namespace casefile::parsers {

// Parses a raw (possibly folded) address-list. Display names are unquoted
// and RFC 2047-decoded; a comment stands in for a missing display name
// ("bob@x.example (Bob)"); groups contribute their members, so
// "undisclosed-recipients:;" yields nothing. The domain is lower-cased, the
// local part kept as written (RFC 5321 §2.4: it may be case-sensitive).
// Garbage never fails: a piece without '@' becomes a name-only Address when
// it has several words, or an address when it is one word.
std::vector<core::Address> parse_address_list(std::string_view raw_value);

}  // namespace casefile::parsers
