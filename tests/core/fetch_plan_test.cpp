#include "core/fetch_plan.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(FetchPlan, DropsUidsAtOrBelowTheHighWaterMark) {
    // "UID 11:*" on a folder whose highest UID is 10 returns UID 10 again.
    const auto batches = plan_fetch({{10, 100}}, 10, FetchLimits{});
    EXPECT_TRUE(batches.empty());
}

TEST(FetchPlan, BatchesByCountAndBytes) {
    std::vector<UidSize> available;
    for (std::uint32_t uid = 1; uid <= 10; ++uid) available.push_back({uid, 1000});
    FetchLimits limits;
    limits.max_messages_per_batch = 4;
    limits.max_bytes_per_batch = 2500;
    const auto batches = plan_fetch(available, 0, limits);
    ASSERT_EQ(batches.size(), 5u);  // 2500 bytes allow two 1000-byte messages
    EXPECT_EQ(batches[0].uids, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(batches[0].highest_uid, 2u);
    EXPECT_EQ(batches[4].highest_uid, 10u);
}

TEST(FetchPlan, AHugeMessageUnderTheCapStillGetsABatchOfItsOwn) {
    FetchLimits limits;
    limits.max_bytes_per_batch = 1000;
    limits.max_message_bytes = 1'000'000;
    const auto batches = plan_fetch({{1, 10}, {2, 500'000}, {3, 10}}, 0, limits);
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches[1].uids, std::vector<std::uint32_t>{2});
}

TEST(FetchPlan, OversizedMessagesAreHeaderOnlyAndStillAdvanceTheMark) {
    FetchLimits limits;
    limits.max_message_bytes = 1000;
    const auto batches = plan_fetch({{5, 10}, {6, 5000}, {7, 10}}, 4, limits);
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches[0].uids, (std::vector<std::uint32_t>{5, 7}));
    EXPECT_EQ(batches[0].oversized_uids, std::vector<std::uint32_t>{6});
    EXPECT_EQ(batches[0].highest_uid, 7u);
}

TEST(FetchPlan, UnsortedAndDuplicateInput) {
    const auto batches = plan_fetch({{9, 1}, {3, 1}, {9, 1}, {4, 1}}, 0, FetchLimits{});
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches[0].uids, (std::vector<std::uint32_t>{3, 4, 9}));
}

}  // namespace
}  // namespace casefile::core
