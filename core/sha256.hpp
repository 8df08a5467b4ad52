// SHA-256 (FIPS 180-4). Every raw message, attachment and ledger entry is
// identified by it. Kept in core/ so hashing never depends on a crypto library
// being configured the same way on the machine that verifies a bundle.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace casefile::core {

class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    void update(std::string_view bytes);
    // REQUIRES: called once; the object is spent afterwards.
    Digest finish();

    // For tests: false makes every Sha256 use the portable code even where
    // the CPU has SHA extensions, so both paths can be checked against each other.
    static void allow_cpu_extensions(bool allowed);

private:
    void compress_blocks(const std::uint8_t* blocks, std::size_t count);
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

std::string to_hex(const Sha256::Digest& digest);

// Lower-case hex SHA-256 of the exact bytes given.
std::string sha256_hex(std::string_view bytes);

}  // namespace casefile::core
