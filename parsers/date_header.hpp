// The Date header (RFC 5322 §3.3, with the obsolete forms of §4.3 and the
// broken ones real mailers write) -> core::Timestamp.
#pragma once

#include <optional>
#include <string_view>

#include "core/timestamp.hpp"

namespace casefile::parsers {

// Accepts "Fri, 21 Nov 1997 09:55:06 -0600" and: no weekday, no seconds,
// two- and three-digit years (RFC 5322 §4.3: < 50 -> 20xx, else 19xx / +1900),
// named zones (UT, GMT, EST..PDT, military letters as +0000), a trailing
// comment "(PST)", asctime order "Fri Nov 21 09:55:06 1997", ISO-like
// "1997-11-21 09:55:06 -0600", and junk after the zone. A missing zone is
// taken as +0000 (RFC 5322 §3.3: "-0000" means no information). Returns
// nullopt when no day, month, year and time can be read, or they are out of range.
std::optional<core::Timestamp> parse_date_header(std::string_view raw_value);

}  // namespace casefile::parsers
