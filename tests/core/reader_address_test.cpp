// Who must act by a date: whether a sentence turns to the reader at all, the
// reading detect() uses to tell the reader's deadline from news and other
// parties' dates (bench/detection/README.md, tenth round).
#include "core/reader_address.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(ReaderAddress, NewsAndOtherPartiesDatesAddressNoOne) {
    const char* sentences[] = {
        "briefs are due january 30, 2002.",
        "the deadline for submissions is november 30, 2001.",
        "carriers will be compliant with today's deadline for the fcc's phase ii location "
        "services mandate.",
        "socalgas has not given a date certain for the submission of its revised application, "
        "but hopes to provide that information to the commission by mid-january.",
        "we are working with pjm, and should have resolution by the 27th.",
        "the loss of investment-grade credit forces some $3.9 billion in debts to come due "
        "immediately.",
        "i regret to announce that paul kane tendered his resignation from enron this afternoon "
        "effective close of business tomorrow.",
        // A noun that shares an instruction verb's spelling.
        "order processing will be closed by noon friday.",
        "review will be done this week.",
    };
    for (const char* sentence : sentences) EXPECT_FALSE(addresses_reader(sentence)) << sentence;
}

TEST(ReaderAddress, AsksOfTheReaderAddressHer) {
    const char* sentences[] = {
        "please send me the revised deck by thursday.",
        "can you get the q3 numbers to jay by friday?",
        "your timesheet is due by noon tuesday.",
        "i need the signed originals back in houston by friday.",
        "we'd like the comments before the 15th.",
        "can we do this asap?",
        "get it to me by end of day.",
        "let's get this wrapped up by friday.",
        "everyone must collect their new badge by 7 p.m. monday.",
        "all employees should complete the survey by friday.",
        "remember to turn in your pager by the end of this week.",
        "reminder: time reports are due tomorrow.",
    };
    for (const char* sentence : sentences) EXPECT_TRUE(addresses_reader(sentence)) << sentence;
}

TEST(ReaderAddress, InstructionsAddressTheReader) {
    EXPECT_TRUE(addresses_reader("return the signed lease to the front desk by friday."));
    EXPECT_TRUE(addresses_reader("2. send forms of agreements to the counterparty tomorrow."));
    EXPECT_TRUE(addresses_reader("also, clean out your voicemail by 5:00 pm on friday."));
    EXPECT_TRUE(addresses_reader("important: submit the forms to hr before march 1."));
    EXPECT_TRUE(addresses_reader("migration weekend - log off before you leave on friday."));
    // "Due Date" is a label, not an instruction; "Order" here names the order.
    EXPECT_FALSE(addresses_reader("due date: friday, march 14th."));
    EXPECT_FALSE(addresses_reader("order must ship by friday from the warehouse in dallas"));
}

TEST(ReaderAddress, NoticesPassiveDutiesAndRelayedAsksAddressTheReaders) {
    EXPECT_TRUE(addresses_reader(
        "all open expense reports in xms must be submitted and approved by june 27th."));
    EXPECT_TRUE(addresses_reader(
        "all compliant data and email should be copied to the new environment no later than "
        "midnight thursday."));
    EXPECT_TRUE(addresses_reader("the prepay for april is to be made on friday, march 29th."));
    EXPECT_TRUE(
        addresses_reader("barry asked for 5 copies of the attached on his desk in the "
                         "morning for his review."));
    EXPECT_TRUE(addresses_reader("tracey g wants this by close of play on monday."));
    EXPECT_TRUE(
        addresses_reader("north branch has requested that the unit be on line by "
                         "wednesday."));
}

TEST(ReaderAddress, AWishPassedOnAddressesTheReaderAMusingDoesNot) {
    EXPECT_TRUE(addresses_reader("legal would like to include a clause on late delivery."));
    EXPECT_TRUE(addresses_reader("after discussing with nelson, he'd like the three days added."));
    EXPECT_TRUE(addresses_reader("bp would also like to add bp amoco chemical company to the list."));
    EXPECT_FALSE(addresses_reader("i sure would like to add something sizable to the totals."));
    EXPECT_FALSE(addresses_reader("the price would likely rise by friday."));
}

TEST(ReaderAddress, ANotesTelegraphicNeedAddressesTheReader) {
    EXPECT_TRUE(addresses_reader("need to also include the moneys owed to the affiliates."));
    EXPECT_FALSE(addresses_reader("need for capacity is rising this winter."));
}

TEST(ReaderAddress, LineBreaksAndNonBreakingSpacesAreSpaces) {
    EXPECT_TRUE(addresses_reader("as we\nneed to begin the next phase of the planning asap."));
    EXPECT_TRUE(addresses_reader("we\xC2\xA0need the numbers by friday."));
    EXPECT_TRUE(addresses_reader("let me\r\nknow by friday."));
}

}  // namespace
}  // namespace casefile::core
