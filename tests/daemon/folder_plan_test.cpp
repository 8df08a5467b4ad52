// FolderPlan::nothing_to_do: which folders a poll may pass over without
// opening them again. Passing over one that needs recording would lose a
// renumbering notice or leave a new folder unknown.
#include <gtest/gtest.h>

#include "daemon/folder_sync.hpp"

namespace casefile::daemon {
namespace {

FolderPlan synced_folder(std::uint32_t stored_uidvalidity, std::uint32_t server_uidvalidity) {
    FolderPlan plan;
    plan.state.known = true;
    plan.state.uidvalidity = stored_uidvalidity;
    plan.state.highest_uid = 120;
    plan.examined.uidvalidity = server_uidvalidity;
    plan.examined.uidnext = 121;
    plan.examined.exists = 118;
    return plan;
}

TEST(FolderPlanTest, AKnownFolderWithNothingNewNeedsNoSync) {
    EXPECT_TRUE(synced_folder(1700000000, 1700000000).nothing_to_do());
}

TEST(FolderPlanTest, NewMailMeansWork) {
    FolderPlan plan = synced_folder(1700000000, 1700000000);
    core::FetchBatch batch;
    batch.uids = {121, 122};
    batch.highest_uid = 122;
    plan.batches.push_back(batch);
    EXPECT_FALSE(plan.nothing_to_do());
}

TEST(FolderPlanTest, ARenumberedFolderIsSyncedEvenWhenEmpty) {
    // The sync records the new UIDVALIDITY and tells the VA, fetch or not.
    FolderPlan plan = synced_folder(1700000000, 1800000000);
    plan.examined.exists = 0;
    EXPECT_FALSE(plan.nothing_to_do());
}

TEST(FolderPlanTest, AFolderNeverSyncedIsRecordedEvenWhenEmpty) {
    FolderPlan plan;
    plan.examined.uidvalidity = 1700000000;
    EXPECT_FALSE(plan.nothing_to_do());
}

TEST(FolderPlanTest, AKnownFolderWhoseUidvalidityWasNeverStoredIsNotRenumbered) {
    // An imported folder row may carry no UIDVALIDITY yet (0): nothing to report.
    EXPECT_TRUE(synced_folder(0, 1700000000).nothing_to_do());
}

}  // namespace
}  // namespace casefile::daemon
