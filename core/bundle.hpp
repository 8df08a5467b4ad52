// The dispute export bundle, composed from values: what the store holds for
// one client (CaseExport) becomes the bundle's files (BundleFile), and a
// bundle's files are checked back (verify_bundle in bundle_verify.hpp).
// Nothing here touches the file system; daemon/bundle_files.cpp does.
//
// A bundle directory holds:
//   index.html        the report a mediator reads (export_html.cpp)
//   messages/*.eml    every original message byte for byte (or messages.mbox)
//   case.json         clients, threads, messages and events (export_json.cpp)
//   ledger.json       the ledger entries behind them and the head
//   manifest.sha256   sha256sum lines for every other file (manifest.cpp)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ledger.hpp"
#include "core/result.hpp"
#include "core/store_types.hpp"

namespace casefile::core {

inline constexpr const char* kBundleHtml = "index.html";
inline constexpr const char* kBundleCase = "case.json";
inline constexpr const char* kBundleLedger = "ledger.json";
inline constexpr const char* kBundleManifest = "manifest.sha256";
inline constexpr const char* kBundleMbox = "messages.mbox";
inline constexpr const char* kBundleMessages = "messages/";

enum class BundleFormat { eml, mbox };

struct CaseExport {
    CaseRecord record;                 // messages in thread order
    std::vector<StoredEvent> events;   // of those messages
    std::vector<LedgerEntry> ledger;   // entries of those messages and events, by sequence
    CaseQuery query;                   // what was asked for (shown in the summary)
    BundleFormat format = BundleFormat::eml;
};

struct BundleFile {
    std::string path;  // relative, '/'-separated, generated here: never from mail
    std::string bytes;
};

class Store;

// Reads one client's case from the store: the messages `query` selects, the
// events of those messages, and the ledger entries of both.
Result<CaseExport> read_case_export(Store& store, const CaseQuery& query, BundleFormat format);

// Generated names for the messages, parallel to `messages`:
// "messages/<UTC date YYYY-MM-DDTHHMM>-<first 8 hex of SHA-256>.eml"
// ("undated-..." without a Date), longer hash prefixes on a clash.
std::vector<std::string> message_file_names(const std::vector<CaseMessage>& messages);

// Every file of the bundle, manifest last. `export_time` (ISO 8601 UTC) goes
// only into the manifest's comment line, so the same CaseExport always gives
// the same bytes otherwise.
std::vector<BundleFile> compose_bundle(const CaseExport& export_data, const std::string& export_time);

// The parts, for tests and for compose_bundle.
std::string compose_index_html(const CaseExport& export_data,
                               const std::vector<std::string>& file_names);
std::string compose_case_json(const CaseExport& export_data,
                              const std::vector<std::string>& file_names);
std::string compose_ledger_json(const CaseExport& export_data);

// mboxrd (one "From " line per message; body lines matching ^>*From  get one
// more '>'). Each message gets a line feed added when it lacks a final one,
// then a blank separator line.
std::string compose_mboxrd(const CaseExport& export_data);
// Splits an mboxrd back into messages with the quoting undone. Each item is
// the message followed by its separator; see mboxrd_candidates().
std::vector<std::string> split_mboxrd(std::string_view mbox);
// The message bytes an mboxrd item can stand for: without the separator line
// feed, and without the line feed compose_mboxrd may have added.
std::vector<std::string> mboxrd_candidates(const std::string& item);

}  // namespace casefile::core
