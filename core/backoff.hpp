// Reconnect delays: exponential backoff with full jitter, so a fleet of
// daemons (or several accounts) does not hammer a server that just came back.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace casefile::core {

struct BackoffPolicy {
    std::chrono::milliseconds initial{1000};
    std::chrono::milliseconds maximum{std::chrono::minutes(5)};
};

// The delay before retry number `attempt` (0 for the first retry): a value in
// [ceiling / 2, ceiling] where ceiling = min(maximum, initial * 2^attempt).
// `random_unit` is a uniform random number in [0, 1) supplied by the caller,
// which keeps this function pure and testable.
inline std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, unsigned attempt,
                                               double random_unit) {
    const unsigned shift = std::min(attempt, 30u);
    const std::int64_t grown = policy.initial.count() << shift;
    const std::int64_t ceiling =
        std::min<std::int64_t>(grown <= 0 ? policy.maximum.count() : grown, policy.maximum.count());
    const double jittered = static_cast<double>(ceiling) * (0.5 + 0.5 * std::clamp(random_unit, 0.0, 1.0));
    return std::chrono::milliseconds(static_cast<std::int64_t>(jittered));
}

}  // namespace casefile::core
