#include "core/backoff.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, GrowsExponentiallyWithinJitterBounds) {
    const BackoffPolicy policy{milliseconds(1000), milliseconds(60000)};
    EXPECT_EQ(backoff_delay(policy, 0, 0.0), milliseconds(500));
    EXPECT_EQ(backoff_delay(policy, 0, 0.999999), milliseconds(999));
    EXPECT_EQ(backoff_delay(policy, 3, 0.0), milliseconds(4000));
    EXPECT_EQ(backoff_delay(policy, 3, 1.0), milliseconds(8000));
}

TEST(Backoff, NeverExceedsTheMaximumEvenAfterManyAttempts) {
    const BackoffPolicy policy{milliseconds(1000), milliseconds(60000)};
    for (unsigned attempt = 0; attempt < 200; ++attempt) {
        EXPECT_LE(backoff_delay(policy, attempt, 1.0), milliseconds(60000)) << attempt;
        EXPECT_GE(backoff_delay(policy, attempt, 0.0), milliseconds(500)) << attempt;
    }
    EXPECT_EQ(backoff_delay(policy, 100, 0.0), milliseconds(30000));
}

}  // namespace
}  // namespace casefile::core
