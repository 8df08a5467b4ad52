// TOML text -> Settings, with validation that names file, line, column and
// key for every problem. Pure: no file or environment access; the daemon
// reads the file (daemon/config_files.hpp) and adds the checks that need I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "config/settings.hpp"

namespace casefile::config {

struct ConfigProblem {
    std::string file;
    int line = 0;  // 1-based; 0 when unknown
    int column = 0;
    // Dotted path with 0-based indexes, e.g. "account[1].tls" or
    // "client[2].domains[0]"; empty for problems with the whole file.
    std::string key;
    std::string message;  // what is wrong and what is expected, one sentence

    // "file:line:column: key: message"; the position and key parts are left
    // out when unknown.
    std::string to_string() const;
};

using LoadResult = tl::expected<Settings, std::vector<ConfigProblem>>;

// Answers whether an IANA time zone name exists. The daemon passes one that
// looks under /usr/share/zoneinfo; the default only checks the name's shape.
using TimezoneCheck = std::function<bool(std::string_view)>;

// Parses and validates `toml_text`; `file_name` only labels the problems.
// On success returns the settings (addresses lower-cased, working hours
// parsed, defaults filled in). On failure returns EVERY problem found, in
// file order, not only the first. Never throws.
LoadResult load_settings(std::string_view toml_text, const std::string& file_name,
                         const TimezoneCheck& timezone_exists = {});

// All problems, one per line, in to_string() form.
std::string format_problems(const std::vector<ConfigProblem>& problems);

// The commented example config (config/casefile.example.toml), embedded at
// build time; `casefile init` writes it.
std::string_view example_config();

}  // namespace casefile::config
