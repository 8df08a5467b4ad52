// The default rule set against realistic mail of the kinds the sixth tuning
// round looked at (bench/detection/README.md): asks written as labels or
// passed on from someone else, and reports, forecasts and notices that name a
// date but ask the reader nothing.
#include <gtest/gtest.h>

#include <string>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"

namespace casefile::config {
namespace {

using core::Category;

// Wednesday 2025-03-12 09:00 in Chicago (-05:00).
constexpr core::Timestamp kWednesday{1741788000, -300};

const core::RuleSet& defaults() {
    static const core::RuleSet rules = *core::RuleSet::create(default_rules());
    return rules;
}

core::Detection detect(std::string_view own_text, bool first_in_thread = false) {
    core::DetectInput input;
    input.own_text = own_text;
    input.date = kWednesday;
    input.first_in_thread = first_in_thread;
    return core::detect(defaults(), input);
}

std::string summary(const core::Detection& detection) {
    std::string out;
    for (const core::Event& event : detection.events) {
        out += std::string(core::category_name(event.category)) + " [" + event.rule +
               "] due=" + event.due + " \"" + event.evidence + "\"\n";
    }
    return out;
}

// The one deadline_set the text shows, with its due day.
void expect_deadline(std::string_view text, std::string_view due_day) {
    const auto found = detect(text);
    ASSERT_EQ(found.events.size(), 1u) << text << "\n" << summary(found);
    EXPECT_EQ(found.events[0].category, Category::deadline_set) << summary(found);
    EXPECT_EQ(found.events[0].due.substr(0, 10), due_day) << summary(found);
}

TEST(DefaultRulesReports, ADueDateLabelIsADeadline) {
    expect_deadline(
        "Your assignment for this week is below. Please write the section on forward contracts "
        "and send it back to me.\n\nDue Date: Friday, March 14th, 2025\n\nLet me know if you have "
        "time to complete this.",
        "2025-03-14");
}

TEST(DefaultRulesReports, AnAskPassedOnWithWantsIsADeadline) {
    expect_deadline(
        "Attached is the draft operating plan for 2002. Please have a look and send me your "
        "comments. Tracey G wants this by close of play on Monday.",
        "2025-03-17");
    // A question about what the reader wants asks her nothing.
    const auto asked = detect("Do you want it Friday or Monday?");
    EXPECT_TRUE(asked.events.empty()) << summary(asked);
}


TEST(DefaultRulesReports, ASoftenedOrUrgedAskIsADeadline) {
    expect_deadline(
        "Per our conversation, the customer wants an additional 5,000 MMBtu/d added to the "
        "amendment. We need to get something to the customer on Monday if at all possible.",
        "2025-03-17");
    const auto urged = detect(
        "These deals are still not in the system. I really need you guys to push this with "
        "urgency.");
    ASSERT_EQ(urged.events.size(), 1u) << summary(urged);
    EXPECT_EQ(urged.events[0].category, Category::deadline_set);
    EXPECT_EQ(urged.events[0].due, "") << summary(urged);
    // The sender's own softened promise and a meeting ask nothing of the reader.
    const auto quiet = detect(
        "I will try to get the draft to you Friday if at all possible. Let's meet on Monday if "
        "at all possible.");
    EXPECT_TRUE(quiet.events.empty()) << summary(quiet);
}

}  // namespace
}  // namespace casefile::config
