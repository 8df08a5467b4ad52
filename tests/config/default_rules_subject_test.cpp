// The default rule set reading asks made in the subject line only (seventh
// tuning round, bench/detection/README.md): an assistant's timesheet call
// whose body is a signature, and the subjects that must add nothing -
// replies, forwards, a body that already asks, and topic lines.
#include <gtest/gtest.h>

#include <string>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"
#include "default_rules_support.hpp"

namespace casefile::config {
namespace {

using core::Category;
using core::EvidenceSource;

// Wednesday 2025-03-12 09:00 in Chicago (-05:00).
constexpr core::Timestamp kWednesday{1741788000, -300};

core::Detection detect(std::string_view subject, std::string_view own_text, bool first_in_thread = true) {
    core::DetectInput input;
    input.subject = subject;
    input.own_text = own_text;
    input.date = kWednesday;
    input.first_in_thread = first_in_thread;
    return core::detect(defaults(), input);
}

TEST(DefaultRulesSubject, ReadsATimesheetCallMadeInTheSubjectOnly) {
    const auto found = detect("PLEASE SEND ME YOUR HOURS FOR MARCH 1-15 BY NOON FRIDAY",
                              "Maria Lopez\nAdministrative Assistant\nEB 3021\nPhone: (713) 555-0142\n");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].category, Category::deadline_set);
    EXPECT_EQ(found.events[0].source, EvidenceSource::subject);
    EXPECT_EQ(found.events[0].due.substr(0, 10), "2025-03-14");
}

TEST(DefaultRulesSubject, ReadsATimeReportReminderWhoseBodyOnlySaysSubmit) {
    const auto found = detect("Time Reports Due Tomorrow!!", "Please submit....\n");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].source, EvidenceSource::subject);
    EXPECT_EQ(found.events[0].due.substr(0, 10), "2025-03-13");
}

TEST(DefaultRulesSubject, TheBodysAskIsTheOnlyEventWhenBothAsk) {
    const auto found = detect("Budget template - need it back by Thursday",
                              "Please fill in the attached template and send it back to me by Thursday.\n");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].source, EvidenceSource::own_text);
}

TEST(DefaultRulesSubject, RepliesForwardsAndTopicLinesAddNothing) {
    EXPECT_TRUE(detect("RE: PLEASE SEND ME YOUR HOURS BY NOON FRIDAY", "Sent them this morning.\n", false)
                    .events.empty());
    EXPECT_TRUE(detect("FW: Expense reports due by Friday", "FYI\n", false).events.empty());
    EXPECT_TRUE(detect("Holiday party - Friday, December 20", "Hope to see everyone there.\n").events.empty());
    EXPECT_TRUE(detect("Weekly Summary for 03/03/25", "Attached please find the weekly summary.\n")
                    .events.empty());
}

}  // namespace
}  // namespace casefile::config
