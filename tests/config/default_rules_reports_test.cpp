// The default rule set against realistic mail of the kinds the sixth tuning
// round looked at (bench/detection/README.md): asks written as labels or
// passed on from someone else, and reports, forecasts and notices that name a
// date but ask the reader nothing.
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

core::Detection detect(std::string_view own_text, bool first_in_thread = false) {
    core::DetectInput input;
    input.own_text = own_text;
    input.date = kWednesday;
    input.first_in_thread = first_in_thread;
    return core::detect(defaults(), input);
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


TEST(DefaultRulesReports, ForecastsTermsAndTheReadersOwnChoicesAreNoDeadlines) {
    const char* texts[] = {
        // Forecasts of how things will stand, and what the sender's side will have.
        "Hopefully by Tuesday morning, if not earlier, the water should be back to normal.",
        "I am having some temporary trouble with the PSDB database that should be resolved by "
        "Thursday of this week.",
        "By next week, we should have the paint for the second exterior coat.",
        // Rules and contract terms bind their parties.
        "b) the allocation shall be made as soon as practicable after the transaction is "
        "executed.",
        // "Push back" as resisting, not moving a date.
        "We should schedule in PJM through the 21st of March (they may push back, but we should "
        "remind them that they will be subject to LDs).",
        // Enrolment and booking a slot are the reader's own choice.
        "If you plan to make changes to your existing benefit coverage, you will need to make "
        "changes during Open Enrollment which begins Monday, March 17 and ends on March 28.",
        "Please send an e-mail to Ramona with 3 time slot requests to schedule your interview "
        "next week. The appointments will be made on a first come, first served basis, so send "
        "in your request as soon as possible.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // A plain ask with the same dates still is one.
    expect_deadline("Please send me the paint order by next Tuesday.", "2025-03-18");
}


TEST(DefaultRulesReports, AWorkNounOpeningAStatusIsNoInstruction) {
    const auto status = detect(
        "Here is where we stand on the new hires. Offer letters went out on Monday. Review will "
        "be done this week.");
    EXPECT_TRUE(status.events.empty()) << summary(status);
    // The same verb giving an order still does.
    expect_deadline("Review the attached offer letters this Friday and mark any changes.",
                    "2025-03-14");
}


TEST(DefaultRulesReports, AnAskGoingOnAfterEtcIsOneSentence) {
    expect_deadline(
        "I'd like each of you to fill in the attached document for your region. Feel free to use "
        "any resources you need (fundies, etc.) and have them finished by next Thurs. (3/20).",
        "2025-03-20");
}


TEST(DefaultRulesReports, ADutyOnTheReadersAsAGroupIsADeadline) {
    expect_deadline(
        "This migration requires a total system outage of approximately 6 hours. In order to "
        "validate the migration, production users need to test access to their home directories "
        "and applications on Sunday, March 16, 2025.",
        "2025-03-16");
    // Being told something is no work.
    const auto told = detect(
        "All employees should be aware that the building will be closed on Monday, March 17.");
    EXPECT_TRUE(told.events.empty()) << summary(told);
}


TEST(DefaultRulesReports, WhatTheReaderWillBeSentIsNoDeadline) {
    const char* texts[] = {
        "Your tickets and parking will be mailed by the end of March.",
        "Mike is working on the daily allocation data, and he will provide you that information "
        "as soon as possible.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
}


TEST(DefaultRulesReports, ProceedingsAbsencesOffersOfHelpAndTellingAreNoDeadlines) {
    const char* texts[] = {
        // A regulatory proceeding's dates bind all its parties.
        "ER02-194-000: Proposed tariff amendments for generation redispatch. "
        "(Interventions/protests due March 14, 2025).",
        "SoCal was ordered to submit modified cost-based tariff sheets (Due 3/20/25).",
        // People away and events put off move no deliverable.
        "Cece had planned to be on vacation next week, so we expect her back in the office no "
        "sooner than March 24th.",
        "Please note that although the Annual Conference has been postponed, the workshop will "
        "occur as planned on Monday, March 17.",
        // Help offered if something goes wrong, questions invited, news told.
        "The issue with the M: drive has been resolved, please contact IT ASAP if you have any "
        "problems.",
        "Please address any questions or concerns to me ASAP.",
        "Just wanted to let your area know as soon as possible that I was placed into a standby "
        "status.",
        // The sender's own intentions.
        "We intend to complete this process as quickly as possible.",
        "I am willing to confer with Dutton ASAP to see what they would agree to.",
        // Rooms to book and money owed.
        "The cut off date to hold a block of rooms is March 25 so, please reserve your rooms as "
        "soon as possible.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // The reader's own side's intervention is still due.
    expect_deadline("Our intervention in the pipeline case is due Friday, March 14.", "2025-03-14");
}


TEST(DefaultRulesReports, SilenceOffersForecastsAndTheSendersDutyAreNoDeadlines) {
    const char* texts[] = {
        "If he does not hear from you by Thursday, March 13 at 5:00 p.m., he will assume you have "
        "no objection to the filing of this suit.",
        "Limited-time offer: If you open a Choice account before March 30, you get a free month.",
        "For weekend rates, the vehicle must be picked up after 9 a.m. on Thursday and returned "
        "before midnight on Monday or higher daily rates apply.",
        "So the pot will start out at $2730.00 and should climb over the $3000 mark by the end of "
        "the month.",
        "Transitions into their new positions should be complete by the end of the month.",
        "A break in the cold is expected by Saturday at the latest.",
        "Left a message for Tim stating that I should have these contracts back to him by today.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        for (const core::Event& event : found.events) {
            EXPECT_NE(event.category, Category::deadline_set) << text << "\n" << summary(found);
        }
    }
}


TEST(DefaultRulesReports, EventsWhatToBringProgressAndLateDeliveriesAreNoDeadlines) {
    const char* texts[] = {
        "Please review the invitation for the Gregg Cooke luncheon, March 15.",
        "The shower is on Saturday, March 15. Please send regrets only for the shower via email.",
        "Badges will be handed out on Thursday, March 13. You will need to bring your Enron ID "
        "card or drivers license.",
        "The seminar is on March 20. Please forward this information to any one in your "
        "organization who might benefit from it.",
        "We have begun creating the schedule for those books and hope to have it for cob "
        "tomorrow.",
        "Please note that Wall 2 Wall has been delayed and will be in tomorrow instead of today.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
}


TEST(DefaultRulesReports, OwnStepsThirdPartiesStatusAndListsChangeNoScope) {
    const char* replies[] = {
        "We also need to develop a process of how we are going to update them on the volumes.",
        "The Commission would also need to consider whether an interim prohibition is needed.",
        "Please include Murray, Brenda and me on your distribution list of updates.",
        "I would like to add the following items to the agenda.",
        "The repairs are on hold for now until weather conditions improve.",
        "Let's not forget the fact that Citizens has cut Enron more during the life of the deal.",
    };
    for (const char* text : replies) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // A client adding to her request still does.
    const auto added = detect("Could you also include the Q3 numbers in the summary?");
    ASSERT_EQ(added.events.size(), 1u) << summary(added);
    EXPECT_EQ(added.events[0].category, Category::scope_add);
}

TEST(DefaultRulesReports, ADateInsideSomeoneElsesConditionIsNoDeadline) {
    const auto backup = detect(
        "Kim, thanks for the spreadsheet. Darron and I may need it if Ed does not cut the cord by "
        "tomorrow. I will let you know.");
    EXPECT_TRUE(backup.events.empty()) << summary(backup);
    const auto credit = detect(
        "The credit position is that if the deal needs to get done soon, then let's just use the GTCs "
        "and follow up later with an EEI.");
    EXPECT_TRUE(credit.events.empty()) << summary(credit);
    // A polite ask phrased as a condition on the reader stays one.
    expect_deadline("Could you move these deals to the Upstream desk? It would be great if you could "
                    "get this done before tomorrow.",
                    "2025-03-13");
}

TEST(DefaultRulesReports, WhatAnotherDepartmentWillDoAsksNothing) {
    const auto plan = detect(
        "The postage account had run dry for two to three weeks. Property Management will "
        "replenish the account no later than Thursday of this week and will put controls in place "
        "so that it does not happen again.");
    EXPECT_TRUE(plan.events.empty()) << summary(plan);
    // Their plan is the reason for an ask of the reader: the ask stays.
    expect_deadline(
        "Property Management will close the mail room on Friday. Please drop off your outgoing "
        "packages by Thursday noon.",
        "2025-03-13");
}

// The ninth tuning round (bench/detection/README.md): the sender's side's
// forecasts, statuses "as of" a time, and what others report they would do.
TEST(DefaultRulesReports, TheSendersForecastsAndStatusesAreNoDeadlines) {
    const char* texts[] = {
        "While we might finish before the end of the day, we believe it is important that most "
        "participants reserve the full day in the event we need that much time.",
        "We should be completed with this by noon tomorrow and will forward our final comments "
        "to you.",
        "The novation is at the bank for signature. Per the bank, we should receive the executed "
        "copy back from them on Friday. Please make sure the master agreement is attached to this "
        "counterparty in the system.",
        "As of the close of business today, we have shut down the old counterparty for online "
        "trading.",
        "Her secretary said she would call back as soon as possible, but I haven't heard back.",
        "The new cash books are being built. They tell me they will be ready no later than "
        "tomorrow.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // An ask in the same shape stays one.
    expect_deadline("If we need more time, please send the draft by Thursday.", "2025-03-13");
    expect_deadline("Please send the positions as of Friday by noon tomorrow.", "2025-03-13");
}

// Asks whose only condition is a wish, a wrong assumption or a misdelivered
// mail.
TEST(DefaultRulesReports, OptInsWrongAssumptionsAndMisdeliveriesAreNoDeadlines) {
    const char* texts[] = {
        "We are putting together a volunteer day. I need to know ASAP if your chapter would be "
        "interested in doing this.",
        "If anyone is interested in the extra tickets, let me know by Thursday.",
        "If this assumption is incorrect, please email me by the end of the day on Friday, "
        "March 14, with the transactions you made.",
        "If the reader of this message has received this message in error, notify us by "
        "telephone immediately, and return it unread.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        for (const core::Event& event : found.events) {
            EXPECT_NE(event.category, Category::deadline_set) << text << "\n" << summary(found);
        }
    }
    // Work asked with the same words stays a deadline.
    expect_deadline(
        "If any of the figures are incorrect, please send me the corrections by "
        "Thursday.",
        "2025-03-13");
    expect_deadline("I need to know by Thursday which of your deals are missing.", "2025-03-13");
}

TEST(DefaultRulesReports, TheSendersOwnAdditionsCopiesAndOmissionsChangeNoScope) {
    const char* replies[] = {
        "But I do want to open this bottle, and I have some other bottles that I can throw in "
        "also.",
        "We will be trying to include the entire amount in the new facility rather than split it.",
        "Could you please include me & keep me in the loop on this issue since we could have "
        "system issues.",
        "I forgot to include the draft copy (it's been one of those days).",
        "As it is written, I did not include the residential customers as an exemption.",
    };
    for (const char* text : replies) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // The client adding work to the request still changes its scope.
    const auto added =
        detect("Please include the Q3 numbers too, as we will need them for the board.");
    ASSERT_EQ(added.events.size(), 1u) << summary(added);
    EXPECT_EQ(added.events[0].category, Category::scope_add);
}

TEST(DefaultRulesReports, APrizeForTakingPartIsNoDeadline) {
    const char* texts[] = {
        "Member Evaluation Form: Please complete the attached form, return it to the reception "
        "desk before Thursday, March 13th, and your name will be entered in the drawing for a "
        "complimentary massage.",
        "So enter before midnight on March 14 for your chance to win!",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
    // A drawing to deliver is work.
    expect_deadline("Please send the revised site drawing by Thursday.", "2025-03-13");
    expect_deadline("Please finish drawing up the lease amendment by Thursday.", "2025-03-13");
}

TEST(DefaultRulesReports, ITNoticesAndTradingInstructionsWithADateAreDeadlines) {
    expect_deadline("The migration starts at 6 pm. Please log off of your machines tonight.",
                    "2025-03-12");
    expect_deadline("Please roll out the physical index products tomorrow.", "2025-03-13");
    expect_deadline("Please use your February hedgestrips today, but not before 3 p.m.",
                    "2025-03-12");
    expect_deadline(
        "Please move the following trades to the new book; we are waiting to calc "
        "today on this.",
        "2025-03-12");
    // Without a date they ask nothing by a time.
    const char* texts[] = {
        "Please use the attached form for all new requests.",
        "Please update your contact list when you get a chance.",
    };
    for (const char* text : texts) {
        const auto found = detect(text);
        EXPECT_TRUE(found.events.empty()) << text << "\n" << summary(found);
    }
}

}  // namespace
}  // namespace casefile::config
