// The default rule set against realistic mail of the kinds the eighth tuning
// round looked at (bench/detection/README.md): asks with a date that bind the
// reader to no work - an offer she may take up, a report wanted only should
// something be wrong, a reply about attending, news of what was due - next to
// real asks written the same way.
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
    input.first_in_thread = true;
    return core::detect(defaults(), input);
}

TEST(DefaultRulesOptional, AnOfferOpenedInTheSentenceBeforeAsksNoWork) {
    // A payroll notice: electronic statements by default, paper on request.
    const auto found = detect(
        "Starting next month, earnings statements will be available online to everyone paid by "
        "direct deposit.\n\nIf you prefer to keep receiving a printed statement, use the link "
        "below to fill in a request form. The form must be returned to Payroll by March 21, 2025. "
        "Without a form your statements will only be online.\n\nQuestions? Call the payroll desk "
        "at extension 4411.");
    EXPECT_FALSE(has_deadline(found)) << summary(found);
}

TEST(DefaultRulesOptional, AnAskAfterAnOfferThatTurnsToTheReaderStaysADeadline) {
    // The offer is one sentence; the next one asks the reader herself.
    const auto found = detect(
        "If you would like a printed copy of the handbook, ask Maria at the front desk. Please "
        "return your signed acknowledgement form by Friday.");
    ASSERT_TRUE(has_deadline(found)) << summary(found);
    EXPECT_EQ(found.events.back().due, "2025-03-14") << summary(found);
}

TEST(DefaultRulesOptional, AnOfferInTheSameSentenceAsksNoWork) {
    const auto found = detect(
        "If you are planning on ordering a team jacket for the offsite please bring me cash by "
        "noon today.");
    EXPECT_FALSE(has_deadline(found)) << summary(found);
}

TEST(DefaultRulesOptional, AReportWantedOnlyOnAnObjectionAsksNoWork) {
    const auto objection = detect(
        "Our client intends to assign the gas purchase contract to its affiliate effective April "
        "1. If any party objects to or has concerns about the assignment, please let me know no "
        "later than March 20, 2025 at noon.\n\nThanks,\nCounsel for the seller");
    EXPECT_FALSE(has_deadline(objection)) << summary(objection);
    const auto lost = detect(
        "The signed confirmation for the Tenaska deal seems to have gone missing from the file "
        "room. If anybody knows where it may have gone please let HR or myself know as soon as "
        "possible.");
    EXPECT_FALSE(has_deadline(lost)) << summary(lost);
    const auto times = detect(
        "I have booked the board room for the budget review on Tuesday at 2 or Thursday at 10. "
        "Please let me know by noon Friday if you cannot make either of these times.");
    EXPECT_FALSE(has_deadline(times)) << summary(times);
}

TEST(DefaultRulesOptional, AReplyThatCarriesAReviewStaysADeadline) {
    const auto found = detect(
        "Attached is the draft press release. If you have any comments or changes, please let me "
        "know by Friday.");
    ASSERT_TRUE(has_deadline(found)) << summary(found);
    EXPECT_EQ(found.events.back().due, "2025-03-14") << summary(found);
}

TEST(DefaultRulesOptional, AReplyToAnAttendanceFormAsksNoWork) {
    const auto found = detect(
        "Operating Committee Weekly Meeting\n\nDate:\t\tMonday, March 17, 2025\nTime:\t\t10:00 "
        "a.m.\nLocation:\t42nd Floor Boardroom\n\nPlease indicate below whether or not you plan to "
        "attend this meeting and how.\n\nYes, I will attend in person\t\t______\n\nBy conference "
        "call\t\t\t______\n\nNo, I will not attend\t\t\t______\n\nPlease return this e-mail to me "
        "with your response by 12:00 p.m., Friday, March 14.\n\nThank you,\nKaren");
    EXPECT_FALSE(has_deadline(found)) << summary(found);
}

TEST(DefaultRulesOptional, AResponseWithSomethingToDeliverStaysADeadline) {
    // The meeting is mentioned, but the reply carries the figures.
    const auto found = detect(
        "We will go through the forecasts at Monday's meeting, which everyone should attend. "
        "Please send your response with the updated Q2 numbers by Friday.");
    ASSERT_TRUE(has_deadline(found)) << summary(found);
    EXPECT_EQ(found.events.back().due, "2025-03-14") << summary(found);
}

TEST(DefaultRulesOptional, ARequirementToAttendSoonIsADeadline) {
    // Attending is the work here: an HR requirement, not an invitation.
    const auto found = detect(
        "Our records show that several new employees have not yet taken the pre-employment drug "
        "screen. The testing sites and their hours are listed below. Please attend one as soon as "
        "possible to avoid delays in your payroll set-up.");
    ASSERT_TRUE(has_deadline(found)) << summary(found);
    EXPECT_EQ(found.events.back().due, "") << summary(found);
    // Attending by choice, and what to book for it, stays out.
    const auto hotel = detect(
        "If you plan to attend the spring conference, please book your hotel room as soon as "
        "possible.");
    EXPECT_FALSE(has_deadline(hotel)) << summary(hotel);
}

TEST(DefaultRulesOptional, WhatWasDueIsNews) {
    const auto found = detect(
        "Your mother called this morning to say that you were due back from Denver on Wednesday, "
        "so we will plan dinner for Thursday.");
    EXPECT_FALSE(has_deadline(found)) << summary(found);
    // The present tense still asks.
    const auto asked = detect("The revised budget is due Wednesday.");
    ASSERT_TRUE(has_deadline(asked)) << summary(asked);
    EXPECT_EQ(asked.events.back().due, "2025-03-12") << summary(asked);
}

}  // namespace
}  // namespace casefile::config
