// The default rule set against realistic mail of the kinds the tenth tuning
// round looked at (bench/detection/README.md): who must act by a date (the
// reader, or someone the mail only reports on), a date that sits in the
// sentence saying when the asked thing is needed, and a need whose object
// takes several words before its date.
#include <gtest/gtest.h>

#include <string>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"
#include "default_rules_support.hpp"

namespace casefile::config {
namespace {

using core::Category;

// Wednesday 2025-03-12 09:00 in Chicago (-05:00).
constexpr core::Timestamp kWednesday{1741788000, -300};

core::Detection detect(std::string_view own_text) {
    core::DetectInput input;
    input.own_text = own_text;
    input.date = kWednesday;
    return core::detect(defaults(), input);
}

// The one deadline_set the text shows, with its due day and evidence.
void expect_deadline(std::string_view text, std::string_view due_day, std::string_view evidence) {
    const auto found = detect(text);
    ASSERT_EQ(found.events.size(), 1u) << text << "\n" << summary(found);
    EXPECT_EQ(found.events[0].category, Category::deadline_set) << summary(found);
    EXPECT_EQ(found.events[0].due.substr(0, 10), due_day) << summary(found);
    EXPECT_EQ(found.events[0].evidence, evidence) << summary(found);
}

TEST(DefaultRulesStructure, AReportsDatesAskNoOneInTheConversation) {
    const char* texts[] = {
        // A regulatory summary: the briefs are the parties'.
        "The judge issued a procedural schedule in the PG&E case on Monday. The parties argued "
        "about discovery for most of the hearing. Briefs are due March 28, 2025. The commission "
        "is expected to rule in the summer.",
        // A call for papers mailed to a list.
        "The society was founded in 1996 to bring academics and practitioners together. The "
        "congress is held every two years. The deadline for submissions is March 30, 2025. "
        "Instructions for authors are on the web site.",
        // News of someone else's work.
        "SoCalGas filed its application last year. The utility withdrew it in January. SoCalGas "
        "has not given a date certain for its revised application, but hopes to provide that "
        "information to the Commission by March 31. Hearings will follow.",
        // The sender's side's forecast.
        "The escrow account is still frozen. We are working with PJM, and should have "
        "resolution by the 27th. Nothing else has changed. I will keep you posted.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_FALSE(has_deadline(found)) << text << "\n" << summary(found);
    }
}

TEST(DefaultRulesStructure, TheSameDateBesideAnAskIsTheReadersDeadline) {
    // The briefs are the reader's side's when she is asked about them.
    const auto ours = detect(
        "The judge issued a procedural schedule in the PG&E case on Monday. The parties argued "
        "about discovery for most of the hearing. Briefs are due March 28, 2025. Please send me "
        "your section of our brief a week ahead.");
    EXPECT_TRUE(has_deadline(ours)) << summary(ours);
    // A notice's passive duty is how it asks its readers.
    const auto notice = detect(
        "The expense system is being upgraded this month. The new system goes live on April 1. "
        "All open expense reports must be submitted and approved by March 27th. Questions go to "
        "the help desk.");
    EXPECT_TRUE(has_deadline(notice)) << summary(notice);
    // A short note is itself addressed to its reader.
    expect_deadline("The revised budget is due Friday.", "2025-03-14",
                    "The revised budget is due Friday.");
}

TEST(DefaultRulesStructure, ASentenceSayingWhenTheThingIsNeededLendsItsDate) {
    expect_deadline("Please send me the revised deck. I need it before the board call tomorrow.",
                    "2025-03-13", "Please send me the revised deck.");
    expect_deadline(
        "Bob, et al,\n\nPlease forward all PEC/NS/Aruba related documents to the attention of "
        "Kay Chapman with the estate. This would include all transportation agreements, "
        "binders, etc. If anyone has a full set of the agreements, please respond to this "
        "e-mail. They need to go on a plane to Chicago later today.",
        "2025-03-12",
        "Please forward all PEC/NS/Aruba related documents to the attention of Kay Chapman "
        "with the estate.");
    // A meeting is no need of the thing asked; a past trip lends nothing.
    const auto meeting =
        detect("Please send me the revised deck. The board call is tomorrow at 10.");
    EXPECT_FALSE(has_deadline(meeting)) << summary(meeting);
    const auto trip = detect(
        "Please forward the binders to Kay Chapman. They went to Chicago yesterday with the "
        "rest of the files.");
    EXPECT_FALSE(has_deadline(trip)) << summary(trip);
}

TEST(DefaultRulesStructure, AWritersNeedMayNameItsObjectBeforeTheDate) {
    expect_deadline(
        "Per our conversation, the deal settles tomorrow. In order to book the correct sales "
        "items, I will need this change input into the system today.",
        "2025-03-12",
        "In order to book the correct sales items, I will need this change input into the "
        "system today.");
    const char* texts[] = {
        // The writer's own errand, an opt-in, a date past, and a date in another clause.
        "I need to leave early today, so I will miss the staff meeting.",
        "We need an expression of your interest by 8:00 am on Monday, July 23.",
        "I need the report you sent last Friday.",
        "I need the binder for the Henderson account, which the courier brought on Friday.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_FALSE(has_deadline(found)) << text << "\n" << summary(found);
    }
}

}  // namespace
}  // namespace casefile::config
