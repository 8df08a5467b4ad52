#pragma once

#include <optional>
#include <string_view>

#include "config/settings.hpp"

namespace casefile::config {

std::string_view to_string(TlsMode mode);
// "required" | "starttls" | "none"; nullopt for anything else.
std::optional<TlsMode> parse_tls_mode(std::string_view text);

}  // namespace casefile::config
