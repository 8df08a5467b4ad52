// Checking an export bundle from its files alone: the manifest, the ledger
// entries' hashes and links, each message's bytes against case.json and the
// ledger, and each event against its ledger entry. Pure: the caller reads
// the directory (daemon/bundle_files.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace casefile::core {

struct BundleContents {
    // Every regular file under the bundle directory: '/'-separated relative
    // path -> bytes.
    std::map<std::string, std::string> files;
    // Entries that are not regular files (symbolic links, devices, ...) or
    // could not be read, with why; each is a problem.
    std::map<std::string, std::string> unreadable;
};

struct BundleProblem {
    std::string file;         // the bundle file the problem is in, relative
    std::string description;  // a sentence
};

struct BundleReport {
    std::int64_t files_checked = 0;
    std::int64_t messages_checked = 0;
    std::int64_t events_checked = 0;
    std::int64_t ledger_entries_checked = 0;
    std::string head;         // ledger.json's head entry hash
    std::string export_time;  // from the manifest's comment line
    std::vector<BundleProblem> problems;
    bool ok() const { return problems.empty(); }
};

// Every problem found, each naming its file. ok() only when the manifest
// lists exactly the files present with their hashes, every ledger entry
// re-derives to its hash and consecutive entries chain, and every message
// and event matches both case.json and its ledger entry.
BundleReport verify_bundle(const BundleContents& bundle);

}  // namespace casefile::core
