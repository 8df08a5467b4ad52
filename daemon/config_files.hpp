// The I/O side of configuration: reading the config file, the checks that
// need the file system (time zones, the file's own permissions), and writing
// the example config for `casefile init`.
#pragma once

#include <string>

#include "config/config_loader.hpp"
#include "core/result.hpp"

namespace casefile::daemon {

// Reads and validates the config file at `path` (as given; "~" is expanded).
// A missing or unreadable file is one problem that names the path and says
// to run `casefile init`. On top of config::load_settings it checks that the
// time zone exists under $TZDIR or /usr/share/zoneinfo (skipped when that
// directory is absent) and refuses an inline password when the file can be
// read by group or others, pointing at the password's line.
config::LoadResult load_config_file(const std::string& path);

// True when `name` is a time zone file under $TZDIR or /usr/share/zoneinfo;
// also true when no zoneinfo directory exists at all (nothing to check with).
bool timezone_exists(std::string_view name);

// Writes config::example_config() to `path` for `casefile init`: creates
// missing parent directories with mode 0700 and the file with mode 0600.
// Refuses to replace an existing file unless `force`; with `force` the old
// file is replaced atomically. Returns the path written ("~" expanded).
core::Result<std::string> write_example_config(const std::string& path, bool force);

}  // namespace casefile::daemon
