// compose_bundle and the generated message file names.
#include <cstdio>
#include <set>

#include "core/bundle.hpp"
#include "core/manifest.hpp"
#include "core/sha256.hpp"

namespace casefile::core {
namespace {

std::string utc_minute(const std::optional<Timestamp>& date) {
    if (!date) return "undated";
    std::int64_t days = date->unix_seconds / 86400;
    std::int64_t second_of_day = date->unix_seconds % 86400;
    if (second_of_day < 0) second_of_day += 86400, days -= 1;
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d%02d", year, month, day,
                  static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60));
    return buffer;
}

}  // namespace

std::vector<std::string> message_file_names(const std::vector<CaseMessage>& messages) {
    std::vector<std::string> names;
    std::set<std::string> taken;
    names.reserve(messages.size());
    for (const CaseMessage& message : messages) {
        // The stored SHA-256 is hex we wrote; recompute when it is not, so
        // nothing but [0-9a-f] can reach the name.
        std::string hash = message.sha256;
        if (hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
            hash = sha256_hex(message.raw);
        }
        const std::string stem = std::string(kBundleMessages) + utc_minute(message.parsed.date) + "-";
        std::string name;
        for (std::size_t length = 8; length <= hash.size(); length += 4) {
            name = stem + hash.substr(0, length) + ".eml";
            if (!taken.count(name)) break;
        }
        // The same bytes twice (not possible from one store): number them.
        for (int copy = 2; taken.count(name); ++copy) {
            name = stem + hash + "-" + std::to_string(copy) + ".eml";
        }
        taken.insert(name);
        names.push_back(name);
    }
    return names;
}

std::vector<BundleFile> compose_bundle(const CaseExport& export_data,
                                       const std::string& export_time) {
    std::vector<BundleFile> files;
    std::vector<std::string> names;
    if (export_data.format == BundleFormat::eml) {
        names = message_file_names(export_data.record.messages);
        for (std::size_t index = 0; index < names.size(); ++index) {
            files.push_back(BundleFile{names[index], export_data.record.messages[index].raw});
        }
    } else {
        names.assign(export_data.record.messages.size(), kBundleMbox);
        files.push_back(BundleFile{kBundleMbox, compose_mboxrd(export_data)});
    }
    files.push_back(BundleFile{kBundleCase, compose_case_json(export_data, names)});
    files.push_back(BundleFile{kBundleLedger, compose_ledger_json(export_data)});
    files.push_back(BundleFile{kBundleHtml, compose_index_html(export_data, names)});
    std::vector<ManifestLine> lines;
    lines.reserve(files.size());
    for (const BundleFile& file : files) lines.push_back(ManifestLine{sha256_hex(file.bytes), file.path});
    files.push_back(BundleFile{kBundleManifest, compose_manifest(std::move(lines), export_time)});
    return files;
}

}  // namespace casefile::core
