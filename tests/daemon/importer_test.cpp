// import_mail: every message read is stored or found already present,
// whatever the batching.
#include "daemon/importer.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

const std::string kSampleMail = std::string(CASEFILE_TEST_DATA) + "/sample-mail";

class ImporterTest : public ::testing::Test {
protected:
    core::Store open() {
        auto store = core::Store::open(directory_.file("casefile.db"), clock_);
        EXPECT_TRUE(store.has_value());
        return std::move(*store);
    }

    testing::TempDir directory_;
    core::FixedClock clock_{1764633600};
};

TEST_F(ImporterTest, ABatchEndsAtItsByteCapAndNothingIsLostBetweenBatches) {
    core::Store store = open();
    ImportOptions options;
    options.show_progress = false;
    options.batch_bytes = 1;  // every message closes its batch: one transaction each
    auto first = import_mail(store, {kSampleMail}, clock_, options);
    ASSERT_OK(first);
    EXPECT_GE(first->messages_read, 27u);
    EXPECT_EQ(first->result.stored, first->messages_read);

    ImportOptions whole;
    whole.show_progress = false;
    auto again = import_mail(store, {kSampleMail}, clock_, whole);
    ASSERT_OK(again);
    EXPECT_EQ(again->result.stored, 0u);
    EXPECT_EQ(again->result.already_present, first->messages_read);

    auto status = store.status();
    ASSERT_OK(status);
    EXPECT_EQ(status->messages, static_cast<std::int64_t>(first->messages_read));
    auto verified = store.verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok());
}

}  // namespace
}  // namespace casefile::daemon
