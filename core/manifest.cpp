#include "core/manifest.hpp"

#include <algorithm>

namespace casefile::core {
namespace {

constexpr std::string_view kHeader = "# casefile bundle exported at ";

bool is_hex_digest(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char character) {
               return (character >= '0' && character <= '9') ||
                      (character >= 'a' && character <= 'f');
           });
}

}  // namespace

std::string compose_manifest(std::vector<ManifestLine> lines, std::string_view export_time) {
    std::sort(lines.begin(), lines.end(),
              [](const ManifestLine& left, const ManifestLine& right) { return left.path < right.path; });
    std::string text;
    text += kHeader;
    text += export_time;
    text += '\n';
    for (const ManifestLine& line : lines) {
        // Two spaces: sha256sum's text mode. Our paths never hold a newline
        // or a backslash, which would need sha256sum's escaping.
        text += line.sha256 + "  " + line.path + "\n";
    }
    return text;
}

ParsedManifest parse_manifest(std::string_view text) {
    ParsedManifest manifest;
    std::size_t start = 0;
    std::size_t number = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if (line.starts_with('#')) {
            if (line.starts_with(kHeader)) manifest.export_time = std::string(line.substr(kHeader.size()));
            continue;
        }
        // "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode).
        if (line.size() < 67 || !is_hex_digest(line.substr(0, 64)) || line[64] != ' ' ||
            (line[65] != ' ' && line[65] != '*')) {
            manifest.problems.push_back("line " + std::to_string(number) +
                                        " is not \"<sha256>  <file>\"");
            continue;
        }
        manifest.lines.push_back(ManifestLine{std::string(line.substr(0, 64)),
                                              std::string(line.substr(66))});
    }
    return manifest;
}

}  // namespace casefile::core
