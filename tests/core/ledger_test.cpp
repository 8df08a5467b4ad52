#include "core/ledger.hpp"

#include <gtest/gtest.h>

#include "core/sha256.hpp"

namespace casefile::core {
namespace {

LedgerEntry entry(std::int64_t sequence, std::string content) {
    LedgerEntry value;
    value.sequence = sequence;
    value.kind = "message";
    value.subject_id = sequence;
    value.content_hash = sha256_hex(content);
    value.recorded_at = "2025-12-01T09:00:00+00:00";
    return value;
}

TEST(Ledger, HashIsTheDocumentedCanonicalForm) {
    LedgerEntry first = entry(1, "raw bytes");
    seal_ledger_entry(first, kLedgerGenesisHash);
    const std::string canonical = "casefile-ledger-v1\n1\nmessage\n1\n" + sha256_hex("raw bytes") +
                                  "\n2025-12-01T09:00:00+00:00\n" + std::string(kLedgerGenesisHash) +
                                  "\n";
    EXPECT_EQ(first.entry_hash, sha256_hex(canonical));
}

TEST(Ledger, EachEntryChainsOverThePrevious) {
    LedgerEntry first = entry(1, "one");
    seal_ledger_entry(first, kLedgerGenesisHash);
    LedgerEntry second = entry(2, "two");
    seal_ledger_entry(second, first.entry_hash);
    EXPECT_EQ(second.previous_hash, first.entry_hash);

    // Changing anything in the first entry changes its hash, so the second no
    // longer links to it.
    LedgerEntry altered = first;
    altered.content_hash = sha256_hex("ONE");
    EXPECT_NE(ledger_entry_hash(altered), first.entry_hash);
    altered = first;
    altered.recorded_at = "2025-12-02T09:00:00+00:00";
    EXPECT_NE(ledger_entry_hash(altered), first.entry_hash);
    altered = first;
    altered.sequence = 2;
    EXPECT_NE(ledger_entry_hash(altered), first.entry_hash);
}

}  // namespace
}  // namespace casefile::core
