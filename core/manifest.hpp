// manifest.sha256: the bundle's file list in sha256sum format, so
// `sha256sum -c manifest.sha256` checks a bundle without casefile.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace casefile::core {

struct ManifestLine {
    std::string sha256;  // lower-case hex
    std::string path;    // relative to the bundle directory
};

// "# casefile bundle exported at <export_time>\n" then "<sha256>  <path>\n"
// per file, sorted by path. The comment line is the only clock-dependent
// text in a bundle; sha256sum skips it.
std::string compose_manifest(std::vector<ManifestLine> lines, std::string_view export_time);

struct ParsedManifest {
    std::vector<ManifestLine> lines;
    std::string export_time;              // from the comment line, "" when absent
    std::vector<std::string> problems;    // one sentence per unreadable line
};

ParsedManifest parse_manifest(std::string_view text);

}  // namespace casefile::core
