// The sentence readings detect() uses to tell a deadline asked of the reader
// from a duty of someone else, and a date with its year from one without.
#include <gtest/gtest.h>

#include <string_view>
#include <utility>

#include "core/deadline_reading.hpp"

namespace casefile::core {
namespace {

// The duty check on a lower-cased sentence, with the deadline phrase at the
// first occurrence of `phrase`.
bool third_party(std::string_view sentence, std::string_view phrase) {
    return is_third_party_duty(sentence, sentence.find(phrase));
}

TEST(ThirdPartyDuty, ADutyOnSomeoneElseAsksNothingOfTheReader) {
    EXPECT_TRUE(third_party("every utility needs to declare which rto it plans to join by 12/1/01.",
                            "by 12"));
    EXPECT_TRUE(third_party("the seller must communicate its election to buyer by 10:30 on the prior "
                            "business day.",
                            "by 10"));
    EXPECT_TRUE(third_party("the printer has to deliver the brochures by friday.", "by friday"));
    EXPECT_TRUE(third_party("the landlord will have to fix the heating before march 20.",
                            "before"));
    EXPECT_TRUE(third_party("our accountant is required to file the return by april 15.", "by april"));
}

TEST(ThirdPartyDuty, AnAskOfTheReaderStaysADeadline) {
    // The reader is asked, whoever else has a duty.
    EXPECT_FALSE(third_party("bob needs to sign it, so please send it to him by friday.", "by friday"));
    EXPECT_FALSE(third_party("you need to send the signed lease by friday.", "by friday"));
    EXPECT_FALSE(third_party("we need to get the deck to the board by thursday.", "by thursday"));
    EXPECT_FALSE(third_party("everyone needs to submit their timesheets by 5pm friday.", "by 5pm"));
    // A passive duty is how an announcement asks its readers.
    EXPECT_FALSE(third_party("all expense reports must be submitted by october 15.", "by october"));
    // No duty word at all.
    EXPECT_FALSE(third_party("send the final invoice by friday.", "by friday"));
    // The duty word stands after the deadline phrase.
    EXPECT_FALSE(third_party("by friday the vendor must have the samples.", "by friday"));
}

TEST(ThirdPartyDuty, WhatSomeoneElseWillDoAsksNothingOfTheReader) {
    EXPECT_TRUE(
        third_party("property management will replenish the postage account no later than "
                    "thursday of this week.",
                    "no later"));
    EXPECT_TRUE(
        third_party("the mailing will ensure that the new users receive a guest id in time "
                    "for the february 11th go live date.",
                    "in time for"));
    EXPECT_TRUE(
        third_party("the new schedule will permit bids to be submitted until 5:00 a.m. on "
                    "tuesday.",
                    "until"));
    EXPECT_TRUE(third_party("the carrier will also deliver the samples by friday.", "by friday"));
    EXPECT_TRUE(
        third_party("the utilities are going to file their plans by december 1.", "by dec"));
}

TEST(ThirdPartyDuty, APassiveANeedOrTheReadersOwnPlanStaysAnAsk) {
    // How announcements ask their readers.
    EXPECT_FALSE(third_party("all expense reports will be submitted by october 15.", "by october"));
    EXPECT_FALSE(third_party("the forms will have to be filed by march 1.", "by march"));
    // A need passed on.
    EXPECT_FALSE(third_party("jeff will need the numbers by noon.", "by noon"));
    EXPECT_FALSE(third_party("the board will want the final deck by thursday.", "by thursday"));
    // The reader or the writer plans; or the sentence asks the reader.
    EXPECT_FALSE(third_party("we will send the draft by friday.", "by friday"));
    EXPECT_FALSE(
        third_party("payroll will close on friday, so please ensure your timesheet is in "
                    "by thursday.",
                    "by thursday"));
    // "will" after the phrase is no plan of what the phrase dates.
    EXPECT_FALSE(
        third_party("send the file by friday and the bank will wire the money.", "by friday"));
}

TEST(AsksForDeliverable, AnAskAndAWorkVerbBeforeThePhrase) {
    const std::string_view slides = "can you send me the slides by thursday for friday's meeting?";
    EXPECT_TRUE(asks_for_deliverable(slides, slides.find("by thursday")));
    const std::string_view binders = "please have the binders ready by 8 for the client call.";
    EXPECT_TRUE(asks_for_deliverable(binders, binders.find("by 8")));
    // No work asked: a confirmation, a meeting.
    const std::string_view confirm = "please confirm by friday that you can make the call.";
    EXPECT_FALSE(asks_for_deliverable(confirm, confirm.find("by friday")));
    const std::string_view meet = "can we meet by friday to review the budget?";
    EXPECT_FALSE(asks_for_deliverable(meet, meet.find("by friday")));
    // Work, but nobody asked: a report of what was done.
    const std::string_view done = "the team sent the slides by thursday for the meeting.";
    EXPECT_FALSE(asks_for_deliverable(done, done.find("by thursday")));
}

TEST(EventWord, MeetingsAndMealsNotWork) {
    EXPECT_TRUE(is_event_word("meeting"));
    EXPECT_TRUE(is_event_word("call"));
    EXPECT_TRUE(is_event_word("lunch"));
    EXPECT_FALSE(is_event_word("report"));
    EXPECT_FALSE(is_event_word("invoice"));
}

TEST(NamesYear, YearWrittenOrNot) {
    EXPECT_TRUE(names_year("March 5, 2002"));
    EXPECT_TRUE(names_year("2002-03-05"));
    EXPECT_TRUE(names_year("3/5/02"));
    EXPECT_TRUE(names_year("12/1/01"));
    EXPECT_TRUE(names_year("March '02"));
    EXPECT_FALSE(names_year("March 5"));
    EXPECT_FALSE(names_year("3/5"));
    EXPECT_FALSE(names_year("October 1"));
    EXPECT_FALSE(names_year("Friday at 10:30"));
    EXPECT_FALSE(names_year("the 15th"));
}

TEST(DeadlineReading, AuxiliaryVerbsFollowASubject) {
    EXPECT_TRUE(is_auxiliary_verb("will"));
    EXPECT_TRUE(is_auxiliary_verb("is"));
    EXPECT_TRUE(is_auxiliary_verb("should"));
    EXPECT_FALSE(is_auxiliary_verb("the"));
    EXPECT_FALSE(is_auxiliary_verb("your"));
    EXPECT_FALSE(is_auxiliary_verb("me"));
}

// The condition check on a lower-cased sentence, with the deadline phrase at
// the first occurrence of `phrase`.
bool condition(std::string_view sentence, std::string_view phrase) {
    return is_condition_on_others(sentence, sentence.find(phrase));
}

TEST(ConditionOnOthers, ADateInsideSomeoneElsesConditionAsksNothing) {
    EXPECT_TRUE(condition("darron and i may need it if ed does not cut the cord by tomorrow.", "by tomorrow"));
    EXPECT_TRUE(condition("the credit position is that if the deal needs to get done soon, then let's use "
                          "the gtcs.",
                          "done soon"));
    EXPECT_TRUE(condition("the security would rise if all of the contracts are acknowledged by noon "
                          "january 4.",
                          "by noon"));
    EXPECT_TRUE(condition("we can hold the price unless the pipeline posts a cut by friday.", "by friday"));
}

TEST(ConditionOnOthers, PoliteAsksAndClosedConditionsStayDeadlines) {
    EXPECT_FALSE(condition("it would be great, if you could get this done before tomorrow.", "before"));
    EXPECT_FALSE(condition("it would help if you could send the figures by friday.", "by friday"));
    EXPECT_FALSE(condition("we need something to the customer on monday if at all possible.", "on monday"));
    EXPECT_FALSE(condition("if any party objects, please let me know no later than november 28.",
                           "no later"));
    EXPECT_FALSE(condition("if there are changes please send them by friday.", "by friday"));
    EXPECT_FALSE(condition("please send the deck by friday if the client agrees.", "by friday"));
}

}  // namespace
}  // namespace casefile::core

namespace casefile::core {
namespace {

TEST(AsOfDate, WhatSomethingIsReportedAsOfIsNoDueDate) {
    const std::string_view notice =
        "We have the new amendment. As of the close of business today, we have shut down "
        "Bankers Trust for EOL trading.";
    EXPECT_TRUE(is_as_of_date(notice, notice.find("the close")));
    EXPECT_TRUE(is_as_of_date(notice, notice.find("close of")));
    const std::string_view positions = "Please send the positions as of Friday by noon tomorrow.";
    EXPECT_TRUE(is_as_of_date(positions, positions.find("Friday")));
    EXPECT_FALSE(is_as_of_date(positions, positions.find("noon")));
    const std::string_view line_break = "Balances as\nof\tMonday are attached.";
    EXPECT_TRUE(is_as_of_date(line_break, line_break.find("Monday")));
}

TEST(AsOfDate, TodayInAComparisonWithHowThingsAreIsNoDueDate) {
    const std::string_view oracle =
        "To perform the queries we will need Oracle to look exactly as it does today.";
    EXPECT_TRUE(is_as_of_date(oracle, oracle.find("today")));
    const std::string_view book = "Send me the book as it stands today.";
    EXPECT_TRUE(is_as_of_date(book, book.find("today")));
    // A deadline that is today stays one.
    const std::string_view due = "The deadline is today, so it does today or never.";
    EXPECT_FALSE(is_as_of_date(due, due.find("today")));
}

TEST(AsOfDate, OtherWordsBeforeADateLeaveItADueDate) {
    const std::string_view ask = "Please send the deck by the end of the day on Friday.";
    EXPECT_FALSE(is_as_of_date(ask, ask.find("the end")));
    EXPECT_FALSE(is_as_of_date(ask, ask.find("Friday")));
    const std::string_view start = "Tuesday works for me.";
    EXPECT_FALSE(is_as_of_date(start, 0));
    // "of" alone names no reference date: "the close of business Friday".
    const std::string_view close = "Comments by the close of Friday's session, please.";
    EXPECT_FALSE(is_as_of_date(close, close.find("Friday")));
}

TEST(ThirdPartyDuty, ReportedPlansAndForecastStatesAskNothing) {
    EXPECT_TRUE(
        third_party("her secretary said she would send beth a text page and would call back "
                    "as soon as possible, but i haven't received a return call yet.",
                    "as soon as"));
    EXPECT_TRUE(third_party("they tell me they will be ready no later than tomorrow.", "no later"));
    EXPECT_TRUE(third_party("the new books will be available by monday morning.", "by monday"));
    // A passive is still how an announcement asks; "would" with the reader
    // or a wish passed on stays an ask.
    EXPECT_FALSE(third_party("all forms will be submitted by friday.", "by friday"));
    EXPECT_FALSE(third_party("it would be great if you could send it by friday.", "by friday"));
    EXPECT_FALSE(third_party("jeff would like the numbers by noon.", "by noon"));
    EXPECT_FALSE(third_party("we would need the signed copy by thursday.", "by thursday"));
}

TEST(ThirdPartyDuty, ADutyInAnEarlierClauseBindsNothingInTheNext) {
    EXPECT_FALSE(third_party("the increase is to provide support to an existing deal and the "
                             "counterparty would like to have this amendment as soon as possible.",
                             "as soon"));
    EXPECT_FALSE(third_party("the seller must deliver the gas, so please send the nomination by "
                             "friday.",
                             "by friday"));
    // Within the clause it still binds the third party.
    EXPECT_TRUE(third_party("the judge must report to the commission within 10 days.", "within"));
}

TEST(ThirdPartyDuty, WhereSomethingShouldBeIsAForecast) {
    EXPECT_TRUE(third_party("the system is fast moving and should be east of the area by "
                            "wednesday morning.",
                            "by wednesday"));
    EXPECT_TRUE(third_party("the new servers should be available by monday.", "by monday"));
    // "should be" with a participle is how a notice asks; with the reader, an ask.
    EXPECT_FALSE(third_party("all expense reports should be completed by friday.", "by friday"));
    EXPECT_FALSE(third_party("you should be ready by friday.", "by friday"));
}

TEST(ThirdPartyDuty, TheReaderAsTheObjectOfSomeoneElsesPlanIsAskedNothing) {
    EXPECT_TRUE(third_party("stephanie will set you up in the new production by the end of the "
                            "day.",
                            "by the end"));
    EXPECT_TRUE(third_party("mike will send you the allocation data by friday.", "by friday"));
    // The reader asked elsewhere in the sentence stays a deadline.
    EXPECT_FALSE(third_party("mike will send you the data, so please review it by friday.",
                             "by friday"));
    EXPECT_FALSE(third_party("your assistant will need the forms by friday.", "by friday"));
}

TEST(ReplyAfterWork, AReplyJoinedToWorkAskedBeforeItIsHowTheWorkComesBack) {
    const auto reply_at = [](std::string_view sentence, std::string_view reply) {
        return is_reply_after_work(sentence, sentence.find(reply));
    };
    EXPECT_TRUE(reply_at("can you run this mini-book and get back to me as soon as possible.",
                         "get back to me"));
    EXPECT_TRUE(reply_at("please review the draft and then let me know asap.", "let me know"));
    // A mere reply, or a reply asked first, asks no work.
    EXPECT_FALSE(reply_at("please let me know as soon as possible.", "let me know"));
    EXPECT_FALSE(reply_at("please call and let me know asap.", "let me know"));
    EXPECT_FALSE(reply_at("please confirm and advise asap.", "advise"));
    EXPECT_FALSE(reply_at("the draft is attached and let me know asap.", "let me know"));
    // Not a reply phrase at all.
    EXPECT_FALSE(reply_at("please review it and send it asap.", "send it"));
}

TEST(TimeNeed, APronounForTheAskedThingWithItsTimeIsANeed) {
    const char* sentences[] = {
        "i need it before the board call tomorrow.",
        "they need to go on a plane to chicago later today.",
        "these must be in houston by friday.",
        "it is due monday.",
        "we'll need them back by the 15th.",
        "i would want these signed before the closing on thursday.",
        "it has to go out with the 5 p.m. mail today.",
        "they are needed for tomorrow's hearing.",
    };
    for (const char* sentence : sentences) EXPECT_TRUE(is_time_need(sentence)) << sentence;
}

TEST(TimeNeed, RemarksAndThingsNamedAfreshAreNoNeedOfTheAskedThing) {
    const char* sentences[] = {
        // A new thing named: an ask in its own right, read by the rules.
        "i need the q3 numbers by noon.",
        // Remarks and reasons.
        "it should be noted that the filing is friday.",
        "this is due to the storm on monday.",
        "it would be great to see you on friday.",
        "they went to chicago yesterday.",
        "i need to leave early today.",
    };
    for (const char* sentence : sentences) EXPECT_FALSE(is_time_need(sentence)) << sentence;
}

TEST(TimeNeed, LineBreaksAreSpaces) {
    EXPECT_TRUE(is_time_need("they need to go on a plane\nto chicago later today."));
}

// Where the date starts in `sentence`: the word `date` (lower-cased).
std::size_t date_at(std::string_view sentence, std::string_view date) {
    return sentence.find(date);
}

TEST(PastReport, WhatWasDoneOnADateIsNews) {
    const std::pair<const char*, const char*> reports[] = {
        {"i spoke with sylvia pollan this afternoon in regards to midland.", "this afternoon"},
        {"gary has approved this today.", "today"},
        {"we discussed the draft on monday.", "monday"},
        {"the counterparty was notified friday.", "friday"},
        {"i've just sent the letter today.", "today"},
        {"she met with the lenders this morning.", "this morning"},
    };
    for (const auto& [sentence, date] : reports) {
        EXPECT_TRUE(is_past_report(sentence, date_at(sentence, date))) << sentence;
    }
}

TEST(PastReport, PlansDutiesAndFactsAheadLendTheirDate) {
    const std::pair<const char*, const char*> ahead[] = {
        // Plans and duties, even beside a past verb.
        {"we agreed it is due friday.", "friday"},
        {"i spoke with him and he will sign it tomorrow.", "tomorrow"},
        {"the board approved it, so the forms must be filed by friday.", "friday"},
        // Facts still to come.
        {"the filing goes out thursday.", "thursday"},
        {"there will be dumpsters along the floor tomorrow afternoon.", "tomorrow afternoon"},
        {"your date of migration is may 17th.", "may 17th"},
        // A past verb after the date says nothing of it.
        {"on friday the deck goes to the board, which approved the plan.", "friday"},
        // "-ed" words that are no past verb.
        {"they need it tomorrow.", "tomorrow"},
        {"the revised schedule starts monday.", "monday"},
    };
    for (const auto& [sentence, date] : ahead) {
        EXPECT_FALSE(is_past_report(sentence, date_at(sentence, date))) << sentence;
    }
}

}  // namespace
}  // namespace casefile::core
