// TZif files (RFC 8536), the compiled IANA time zone database under
// /usr/share/zoneinfo, turned into a core::TimeZone. Pure: takes the file's
// bytes (daemon/ reads the file).
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time_zone.hpp"

namespace casefile::parsers {

// Reads version 1 data, or the 64-bit version 2+ data and its POSIX TZ
// footer when present. Leap-second records are skipped (the "right/" zones
// count them; casefile's clock does not). Fails, naming the problem, on a
// file that is truncated or is not TZif; never reads out of bounds.
core::Result<core::TimeZone> parse_tzif(std::string_view bytes, const std::string& name);

}  // namespace casefile::parsers
