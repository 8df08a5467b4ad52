#include "core/ledger.hpp"

#include "core/sha256.hpp"

namespace casefile::core {

std::string ledger_entry_hash(const LedgerEntry& entry) {
    std::string canonical = "casefile-ledger-v1\n";
    canonical += std::to_string(entry.sequence);
    canonical += '\n';
    canonical += entry.kind;
    canonical += '\n';
    canonical += std::to_string(entry.subject_id);
    canonical += '\n';
    canonical += entry.content_hash;
    canonical += '\n';
    canonical += entry.recorded_at;
    canonical += '\n';
    canonical += entry.previous_hash;
    canonical += '\n';
    return sha256_hex(canonical);
}

void seal_ledger_entry(LedgerEntry& entry, std::string_view previous_hash) {
    entry.previous_hash = std::string(previous_hash);
    entry.entry_hash = ledger_entry_hash(entry);
}

}  // namespace casefile::core
