// The readings detect() uses to tell an ask that binds the reader to work
// from an offer she may take up, a report wanted only should something be
// wrong, and a reply about attending.
#include "core/optional_ask.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace casefile::core {
namespace {

// A reading on a lower-cased sentence, with the deadline phrase at the first
// occurrence of `phrase`.
bool opt_in(std::string_view sentence, std::string_view phrase) {
    return is_reader_opt_in(sentence, sentence.find(phrase));
}

bool exception(std::string_view sentence, std::string_view phrase) {
    return is_exception_report(sentence, sentence.find(phrase));
}

TEST(ReaderOptIn, TheReadersWishBeforeThePhraseMakesAnOffer) {
    EXPECT_TRUE(
        opt_in("if you would like a paper copy, please return the form by friday.", "by friday"));
    EXPECT_TRUE(opt_in("if you'd like to join the car pool, send me your address before monday.",
                       "before"));
    EXPECT_TRUE(
        opt_in("if you are planning on eating breakfast and lunch tomorrow please come see "
               "me with cash by noon.",
               "by noon"));
    EXPECT_TRUE(opt_in("should you wish to change your election, the form must reach us by may 1.",
                       "by may"));
    EXPECT_TRUE(
        opt_in("if you do not wish to receive the printed report, reply by friday.", "by friday"));
    EXPECT_TRUE(
        opt_in("if you're interested in a ticket, let me know by thursday.", "by thursday"));
    // The readers who opt in.
    EXPECT_TRUE(
        opt_in("i will need to know who would like to go no later than wednesday "
               "afternoon so i can set up reservations.",
               "no later"));
    EXPECT_TRUE(
        opt_in("anyone who wants to order a jersey, send me your size by friday.", "by friday"));
}

TEST(ReaderOptIn, AbilityNeedOrATrailingWishIsNoOffer) {
    // How polite asks are phrased.
    EXPECT_FALSE(opt_in("if you could send the deck by friday that would be great.", "by friday"));
    EXPECT_FALSE(opt_in("if you can, please get me the numbers by noon.", "by noon"));
    EXPECT_FALSE(
        opt_in("if you need anything from me, send the draft by friday anyway.", "by friday"));
    // The wish comes after the phrase: it is not what the ask hangs on.
    EXPECT_FALSE(
        opt_in("please send the signed lease by friday, or earlier if you prefer.", "by friday"));
    // "should" as a duty, not a condition.
    EXPECT_FALSE(opt_in("you should want to finish this by friday.", "by friday"));
    // "who" and an ability or a duty: everyone concerned is asked.
    EXPECT_FALSE(opt_in("everyone who needs a new badge must collect it by monday.", "by monday"));
    EXPECT_FALSE(
        opt_in("the traders who can cover the desk, send me your names by noon.", "by noon"));
    // A wish about the work itself is the ask's reason, not an offer.
    EXPECT_FALSE(opt_in("if you want it done by friday, send me the data today.", "today"));
    EXPECT_FALSE(opt_in("please get the deck to jeff, who wants this by noon.", "by noon"));
}

TEST(ReaderOptIn, AGroupsOrAnyonesWishMakesAnOffer) {
    EXPECT_TRUE(
        opt_in("if anyone is interested in a ticket, let me know by thursday.", "by thursday"));
    EXPECT_TRUE(
        opt_in("if your team would like a table at the dinner, reply by friday.", "by friday"));
    EXPECT_TRUE(opt_in("if your chapter would be interested in doing this, call me before monday.",
                       "before"));
    // A group's wish about the work is the ask's reason.
    EXPECT_FALSE(opt_in("if your manager wants it by noon, send me the data today.", "today"));
    // No wish: "if your" opens a plain condition.
    EXPECT_FALSE(opt_in("if your numbers change, send them to me by friday.", "by friday"));
}

TEST(ReaderOptIn, AReplyAboutOptingInMayPutItsConditionLast) {
    EXPECT_TRUE(
        opt_in("i need to know asap if your chapter would be interested in doing this.", "asap"));
    EXPECT_TRUE(opt_in("please let me know by friday if you would like to join us for dinner.",
                       "by friday"));
    EXPECT_TRUE(opt_in("let me know by noon if anyone wants to go.", "by noon"));
    // Work asked with a trailing wish stays an ask.
    EXPECT_FALSE(opt_in("please send me the figures by friday if you want them in the report.",
                        "by friday"));
    // A reply whose condition is no wish.
    EXPECT_FALSE(opt_in("please let me know by friday if the numbers are final.", "by friday"));
}

TEST(ReaderOptIn, ASentenceOpeningWithTheReadersWish) {
    EXPECT_TRUE(
        opens_with_opt_in("if you prefer to receive a hardcopy of your pay stub, click on "
                          "the link below to complete a request form."));
    EXPECT_TRUE(opens_with_opt_in("  should you wish to enroll, the forms are on the portal."));
    EXPECT_FALSE(opens_with_opt_in("please complete the request form if you prefer a hardcopy."));
    EXPECT_FALSE(opens_with_opt_in("if you have questions, call payroll."));
}

TEST(ExceptionReport, ToBeToldOnlyShouldSomethingBeWrong) {
    EXPECT_TRUE(
        exception("if any party objects to or has concerns about mirant undertaking such "
                  "action, please let me know no later than november 28, 2001 at noon.",
                  "no later"));
    EXPECT_TRUE(
        exception("if anybody know where it may have gone please let hr or myself know as "
                  "soon as possible.",
                  "as soon"));
    EXPECT_TRUE(
        exception("please let me know by noon wednesday if you cannot make either of these "
                  "times:",
                  "by noon"));
    EXPECT_TRUE(exception("should you have any questions, call me before friday.", "before"));
    EXPECT_TRUE(exception("please let michael salinas or lisa lunz know if you cannot attend asap!",
                          "asap"));
}

TEST(ExceptionReport, AnAssumptionOrADeliveryThatMayBeWrong) {
    EXPECT_TRUE(
        exception("if this assumption is incorrect, please email me by the end of the day on "
                  "tuesday, june 5.",
                  "by the end"));
    EXPECT_TRUE(exception("if the dates above are wrong, call me before noon.", "before"));
    EXPECT_TRUE(
        exception("if the reader of this message has received this message in error, notify us "
                  "by telephone immediately.",
                  "immediately"));
    EXPECT_TRUE(exception("i need to know by friday if you cannot make the trip.", "by friday"));
    // Corrections to send are a review.
    EXPECT_FALSE(
        exception("if any of the information is incorrect, please send me the corrections by "
                  "friday.",
                  "by friday"));
}

TEST(AsksOnlyAReply, AnAlsoThatAsksForAReplyAddsNoWork) {
    const auto after = [](std::string_view sentence, std::string_view phrase) {
        return asks_only_a_reply(sentence, sentence.find(phrase) + phrase.size());
    };
    EXPECT_TRUE(after("also, please confirm that the september 2002 date is acceptable.",
                      "also,"));
    EXPECT_TRUE(after("also, please let me know if you need any other information.", "also,"));
    EXPECT_TRUE(after("one more thing, just call me with any questions.", "one more thing"));
    EXPECT_FALSE(after("also, please add the march figures to the summary.", "also,"));
    EXPECT_FALSE(after("could you also pull the q3 numbers?", "could you also"));
    EXPECT_FALSE(after("please also", "please also"));
}

TEST(ExceptionReport, ASecurityNoticeAsksOnlyShouldTheReaderNotHaveActed) {
    EXPECT_TRUE(
        exception("if you did not request the action(s) listed please contact 1-866-545-9204 as "
                  "soon as possible to ensure that your online account is secure.",
                  "as soon"));
    EXPECT_TRUE(exception("if you didn't make this change, contact us asap.", "asap"));
    // Work asked whatever the reader did stays an ask.
    EXPECT_FALSE(
        exception("if you did not send the form yet, please send it by friday.", "by friday"));
}

TEST(ExceptionReport, AReviewOrWorkIsNoMereReport) {
    // A reply that carries a review.
    EXPECT_FALSE(
        exception("please let me know asap if there is any missing or incorrect "
                  "information.",
                  "asap"));
    EXPECT_FALSE(exception("if you have any comments, please let me know by friday.", "by friday"));
    // Work asked beside the report.
    EXPECT_FALSE(exception(
        "please finish the deck by friday, and call me if you have any problems.", "by friday"));
    // No condition: a plain reply or ask.
    EXPECT_FALSE(exception("please let me know by friday which option you pick.", "by friday"));
    // "should" as a duty is no condition.
    EXPECT_FALSE(exception("you should let me know by friday if that works.", "by friday"));
}

TEST(AttendanceReply, AQuestionAboutAttendingAndABareReply) {
    EXPECT_TRUE(asks_attendance(
        "please indicate below whether or not you plan to attend this meeting and through what "
        "medium."));
    EXPECT_TRUE(asks_attendance("rsvp to kay by friday."));
    EXPECT_FALSE(asks_attendance("please send your slides for the meeting by friday."));

    EXPECT_TRUE(
        asks_mere_reply("please return this e-mail to me with your response by 12:00 p.m., "
                        "friday, june 1."));
    EXPECT_TRUE(asks_mere_reply("please respond no later than thursday."));
    // Something to deliver with the reply.
    EXPECT_FALSE(asks_mere_reply("please return the completed form with your response by friday."));
    EXPECT_FALSE(asks_mere_reply("please send your comments in response to the draft by friday."));
    // Work asked beside the reply.
    EXPECT_FALSE(
        asks_mere_reply("please finish the model by friday so we can respond to the bank."));
}

}  // namespace
}  // namespace casefile::core
