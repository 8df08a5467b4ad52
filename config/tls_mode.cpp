#include "config/tls_mode.hpp"

namespace casefile::config {

std::string_view to_string(TlsMode mode) {
    switch (mode) {
        case TlsMode::required:
            return "required";
        case TlsMode::starttls:
            return "starttls";
        case TlsMode::none:
            return "none";
    }
    return "required";
}

std::optional<TlsMode> parse_tls_mode(std::string_view text) {
    if (text == "required") return TlsMode::required;
    if (text == "starttls") return TlsMode::starttls;
    if (text == "none") return TlsMode::none;
    return std::nullopt;
}

}  // namespace casefile::config
