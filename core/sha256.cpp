#include "core/sha256.hpp"

#include <cpuid.h>
#include <immintrin.h>

#include <atomic>
#include <cstring>

namespace casefile::core {
namespace {

constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotate_right(std::uint32_t value, int bits) {
    return (value >> bits) | (value << (32 - bits));
}

// Intel SHA extensions (SHA-NI): about 4x the portable code, and hashing is
// the largest single cost of an import. Checked once at run time, so the
// binary still runs on CPUs without them.
bool cpu_has_sha_extensions() {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const bool ssse3_and_sse41 = (ecx & bit_SSSE3) && (ecx & bit_SSE4_1);
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return ssse3_and_sse41 && (ebx & bit_SHA);
}

std::atomic<bool> use_cpu_extensions{cpu_has_sha_extensions()};

// The SHA-NI round structure (Intel, "New Instructions Supporting the Secure
// Hash Algorithm on Intel Architecture Processors", 2013): the state is kept
// as ABEF/CDGH halves; each 4-round group adds K, runs two sha256rnds2, and
// extends the message schedule with sha256msg1/msg2:
//   W[g] = msg2(msg1(W[g-4], W[g-3]) + (W[g-2] >> 1 word | W[g-1] << 3 words), W[g-1])
__attribute__((target("sha,sse4.1,ssse3"))) void compress_with_sha_extensions(
    std::uint32_t* state, const std::uint8_t* data, std::size_t count) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i swapped = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
    __m128i state0 = _mm_alignr_epi8(swapped, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, swapped, 0xF0);      // CDGH

    for (; count > 0; --count, data += 64) {
        const __m128i saved0 = state0;
        const __m128i saved1 = state1;
        __m128i schedule[4];
        for (int group = 0; group < 16; ++group) {
            __m128i& words = schedule[group % 4];
            if (group < 4) {
                words = _mm_shuffle_epi8(
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * group)), byte_swap);
            } else {
                const __m128i& previous = schedule[(group + 3) % 4];
                const __m128i& before_previous = schedule[(group + 2) % 4];
                words = _mm_sha256msg1_epu32(words, schedule[(group + 1) % 4]);
                words = _mm_add_epi32(words, _mm_alignr_epi8(previous, before_previous, 4));
                words = _mm_sha256msg2_epu32(words, previous);
            }
            __m128i message = _mm_add_epi32(
                words, _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kRoundConstants[4 * group])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
        }
        state0 = _mm_add_epi32(state0, saved0);
        state1 = _mm_add_epi32(state1, saved1);
    }

    const __m128i abef = _mm_shuffle_epi32(state0, 0x1B);
    const __m128i cdgh = _mm_shuffle_epi32(state1, 0xB1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(abef, cdgh, 0xF0));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(cdgh, abef, 8));
}

}  // namespace

void Sha256::allow_cpu_extensions(bool allowed) {
    use_cpu_extensions = allowed && cpu_has_sha_extensions();
}

void Sha256::compress_blocks(const std::uint8_t* blocks, std::size_t count) {
    if (use_cpu_extensions.load(std::memory_order_relaxed)) {
        compress_with_sha_extensions(state_.data(), blocks, count);
        return;
    }
    for (std::size_t index = 0; index < count; ++index) compress(blocks + 64 * index);
}

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::compress(const std::uint8_t* block) {
    std::array<std::uint32_t, 64> schedule;
    for (int i = 0; i < 16; ++i) {
        schedule[i] = (std::uint32_t{block[i * 4]} << 24) | (std::uint32_t{block[i * 4 + 1]} << 16) |
                      (std::uint32_t{block[i * 4 + 2]} << 8) | std::uint32_t{block[i * 4 + 3]};
    }
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotate_right(schedule[i - 15], 7) ^
                                 rotate_right(schedule[i - 15], 18) ^ (schedule[i - 15] >> 3);
        const std::uint32_t s1 = rotate_right(schedule[i - 2], 17) ^
                                 rotate_right(schedule[i - 2], 19) ^ (schedule[i - 2] >> 10);
        schedule[i] = schedule[i - 16] + s0 + schedule[i - 7] + s1;
    }
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t temp1 = h + sum1 + choose + kRoundConstants[i] + schedule[i];
        const std::uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t temp2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::update(std::string_view bytes) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t remaining = bytes.size();
    total_bytes_ += remaining;
    if (buffered_ > 0) {
        const std::size_t take = std::min(remaining, buffer_.size() - buffered_);
        std::memcpy(buffer_.data() + buffered_, data, take);
        buffered_ += take;
        data += take;
        remaining -= take;
        if (buffered_ < buffer_.size()) return;
        compress_blocks(buffer_.data(), 1);
        buffered_ = 0;
    }
    if (remaining >= 64) {
        const std::size_t blocks = remaining / 64;
        compress_blocks(data, blocks);
        data += blocks * 64;
        remaining -= blocks * 64;
    }
    if (remaining > 0) {
        std::memcpy(buffer_.data(), data, remaining);
        buffered_ = remaining;
    }
}

Sha256::Digest Sha256::finish() {
    const std::uint64_t total_bits = total_bytes_ * 8;
    const std::uint8_t pad_start = 0x80;
    update(std::string_view(reinterpret_cast<const char*>(&pad_start), 1));
    const std::uint8_t zero = 0;
    while (buffered_ != 56) {
        update(std::string_view(reinterpret_cast<const char*>(&zero), 1));
    }
    std::array<std::uint8_t, 8> length;
    for (int i = 0; i < 8; ++i) length[i] = static_cast<std::uint8_t>(total_bits >> (56 - 8 * i));
    update(std::string_view(reinterpret_cast<const char*>(length.data()), length.size()));
    Digest digest;
    for (int i = 0; i < 8; ++i) {
        digest[i * 4] = static_cast<std::uint8_t>(state_[i] >> 24);
        digest[i * 4 + 1] = static_cast<std::uint8_t>(state_[i] >> 16);
        digest[i * 4 + 2] = static_cast<std::uint8_t>(state_[i] >> 8);
        digest[i * 4 + 3] = static_cast<std::uint8_t>(state_[i]);
    }
    return digest;
}

std::string to_hex(const Sha256::Digest& digest) {
    static constexpr char kHexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (std::uint8_t byte : digest) {
        hex.push_back(kHexDigits[byte >> 4]);
        hex.push_back(kHexDigits[byte & 0x0f]);
    }
    return hex;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hasher;
    hasher.update(bytes);
    return to_hex(hasher.finish());
}

}  // namespace casefile::core
