// Which subject lines are the sender's own words, and so may carry an ask.
#include "core/subject_ask.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(SubjectOfOwnAsk, KeepsTheSendersOwnSubjectTrimmed) {
    EXPECT_EQ(subject_of_own_ask("  PLEASE SEND ME YOUR TIME FOR OCT 16-31 BY NOON TUESDAY "),
              "PLEASE SEND ME YOUR TIME FOR OCT 16-31 BY NOON TUESDAY");
    EXPECT_EQ(subject_of_own_ask("[team] Timesheets due Friday"), "[team] Timesheets due Friday");
    // "Fwd" and "Re" inside the words are not prefixes.
    EXPECT_EQ(subject_of_own_ask("Trade confirmations for Reliant"), "Trade confirmations for Reliant");
    EXPECT_EQ(subject_of_own_ask("Fwd looking curves needed today"), "Fwd looking curves needed today");
}

TEST(SubjectOfOwnAsk, DropsRepliesAndForwards) {
    EXPECT_EQ(subject_of_own_ask("RE: Rome Hotel - Respond immediately please"), "");
    EXPECT_EQ(subject_of_own_ask("Re[2]: send the deck by Friday"), "");
    EXPECT_EQ(subject_of_own_ask("FW: Move all your files for NEW COMPANY"), "");
    EXPECT_EQ(subject_of_own_ask("Fwd: please review by Monday"), "");
    EXPECT_EQ(subject_of_own_ask("[list] fw : please review by Monday"), "");
}

TEST(SubjectOfOwnAsk, DropsAutomaticRepliesAndBounces) {
    EXPECT_EQ(subject_of_own_ask("Out of Office AutoReply: Please send the report by Friday"), "");
    EXPECT_EQ(subject_of_own_ask("Automatic reply: budget due Monday"), "");
    EXPECT_EQ(subject_of_own_ask("Undeliverable: Fw: Last schedule"), "");
    EXPECT_EQ(subject_of_own_ask(""), "");
    EXPECT_EQ(subject_of_own_ask("   "), "");
}

}  // namespace
}  // namespace casefile::core
