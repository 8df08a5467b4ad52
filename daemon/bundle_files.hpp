// Export bundles on disk: writing the files compose_bundle made into a new
// directory, and reading a bundle directory back for verify_bundle.
#pragma once

#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/bundle_verify.hpp"
#include "core/result.hpp"

namespace casefile::daemon {

// Creates `directory` (and its parents) holding every file: written into a
// hidden sibling directory first and renamed into place, so the bundle
// appears whole or not at all. Refuses a directory that exists and is not
// empty, so an export never overwrites or mixes with another. Every file is created with O_EXCL and
// O_NOFOLLOW relative to the directory; a path that is not one of ours
// (anything but [A-Za-z0-9._-] names, one level under "messages/") is refused
// before anything is written, so nothing can land outside the bundle.
core::Result<void> write_bundle(const std::string& directory,
                                const std::vector<core::BundleFile>& files);

// Every regular file under `directory` with its bytes; symbolic links and
// other special files are listed as unreadable, never followed.
core::Result<core::BundleContents> read_bundle(const std::string& directory);

}  // namespace casefile::daemon
