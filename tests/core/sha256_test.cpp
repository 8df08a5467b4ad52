#include "core/sha256.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

// FIPS 180-4 / NIST CAVP example vectors.
TEST(Sha256, KnownVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, ChunkedUpdatesMatchOneShot) {
    std::string data;
    for (int i = 0; i < 5000; ++i) data.push_back(static_cast<char>(i * 7 + 3));
    const std::string expected = sha256_hex(data);
    for (std::size_t chunk : {1u, 3u, 63u, 64u, 65u, 1000u}) {
        Sha256 hasher;
        for (std::size_t offset = 0; offset < data.size(); offset += chunk) {
            hasher.update(std::string_view(data).substr(offset, chunk));
        }
        EXPECT_EQ(to_hex(hasher.finish()), expected) << "chunk " << chunk;
    }
}

TEST(Sha256, PaddingBoundaries) {
    // Lengths around the 55/56/64-byte padding edges.
    EXPECT_EQ(sha256_hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256_hex(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256_hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

}  // namespace
}  // namespace casefile::core

namespace casefile::core {
namespace {

TEST(Sha256, CpuExtensionsAndPortableCodeAgree) {
    std::string data;
    std::uint32_t seed = 12345;
    for (int i = 0; i < 100000; ++i) {
        seed = seed * 1103515245 + 12345;
        data.push_back(static_cast<char>(seed >> 16));
    }
    for (std::size_t length : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 127u, 128u, 1000u, 100000u}) {
        const std::string_view piece(data.data(), length);
        Sha256::allow_cpu_extensions(false);
        const std::string portable = sha256_hex(piece);
        Sha256::allow_cpu_extensions(true);
        EXPECT_EQ(sha256_hex(piece), portable) << "length " << length;
    }
}

}  // namespace
}  // namespace casefile::core
