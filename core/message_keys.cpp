#include "core/message_keys.hpp"

#include "core/sha256.hpp"

namespace casefile::core {
namespace {

// The bytes after the header block.
std::string_view body_of(std::string_view raw) {
    const std::size_t crlf = raw.find("\r\n\r\n");
    const std::size_t lf = raw.find("\n\n");
    if (crlf == std::string_view::npos && lf == std::string_view::npos) return {};
    if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) {
        return raw.substr(crlf + 4);
    }
    return raw.substr(lf + 2);
}

}  // namespace

std::string message_body_key(std::string_view raw) {
    const std::string_view body = body_of(raw);
    Sha256 hasher;
    std::size_t start = 0;
    while (start < body.size()) {
        const std::size_t crlf = body.find("\r\n", start);
        if (crlf == std::string_view::npos) {
            hasher.update(body.substr(start));
            break;
        }
        hasher.update(body.substr(start, crlf - start));
        hasher.update("\n");
        start = crlf + 2;
    }
    return to_hex(hasher.finish());
}

void compute_message_keys(IncomingMessage& message) {
    message.sha256 = sha256_hex(message.raw);
    message.body_key = message_body_key(message.raw);
}

}  // namespace casefile::core
