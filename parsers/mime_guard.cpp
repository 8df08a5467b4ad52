#include "parsers/mime_guard.hpp"

#include <algorithm>
#include <cstring>

namespace casefile::parsers {

ByteScan scan_bytes(std::string_view raw) {
    ByteScan scan;
    const char* const data = raw.data();
    const char* const end = data + raw.size();
    const char* line = data;
    while (line < end) {
        const void* found = std::memchr(line, '\n', static_cast<std::size_t>(end - line));
        const char* newline = found ? static_cast<const char*>(found) : end;
        std::size_t length = static_cast<std::size_t>(newline - line);
        if (length > 0 && line[length - 1] == '\r') --length;
        scan.longest_line = std::max(scan.longest_line, length);
        ++scan.lines;
        line = newline + 1;
    }
    for (const char* cursor = data; cursor < end;) {
        const void* found = std::memchr(cursor, '\0', static_cast<std::size_t>(end - cursor));
        if (found == nullptr) break;
        ++scan.nul_bytes;
        cursor = static_cast<const char*>(found) + 1;
    }
    return scan;
}

void describe_scan(const ByteScan& scan, const MimeLimits& limits, std::vector<std::string>& warnings) {
    if (scan.nul_bytes > 0) {
        warnings.push_back("message contains " + std::to_string(scan.nul_bytes) +
                           " NUL byte(s); they were replaced with U+FFFD");
    }
    if (scan.longest_line > limits.max_line_bytes) {
        // RFC 5322 §2.1.1 caps lines at 998 characters; this is far beyond.
        warnings.push_back("a line is " + std::to_string(scan.longest_line) + " bytes long (limit " +
                           std::to_string(limits.max_line_bytes) + "); long header values were cut");
    }
}

bool truncate_utf8(std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return false;
    std::size_t cut = max_bytes;
    // Step back over continuation bytes so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    return true;
}

}  // namespace casefile::parsers
