// Dated newsletter issues mailed to a crowd are bulk; a person's dated
// subject, a dated all-hands ask and a reply are not.
#include "core/newsletter_issue.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

std::vector<Address> people(std::size_t count) {
    std::vector<Address> out;
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back({"Person " + std::to_string(i), "person" + std::to_string(i) + "@acme.example"});
    }
    return out;
}

TEST(NewsletterIssue, SubjectsThatNameAnIssue) {
    EXPECT_TRUE(subject_names_an_issue("Enron In Action 04.16.01"));
    EXPECT_TRUE(subject_names_an_issue("Enron Mentions- 11/14/01"));
    EXPECT_TRUE(subject_names_an_issue("TW Weekly for February 28, 2002"));
    EXPECT_TRUE(subject_names_an_issue("Acme Client Digest - 5 March"));
    EXPECT_TRUE(subject_names_an_issue("Credit Watch List--Week of 10/29/01"));
    EXPECT_TRUE(subject_names_an_issue("YPO eNews Issue 26"));
    EXPECT_TRUE(subject_names_an_issue("Studio Newsletter, Vol. 3"));
}

TEST(NewsletterIssue, SubjectsThatDoNot) {
    // No date.
    EXPECT_FALSE(subject_names_an_issue("Q3 board deck"));
    EXPECT_FALSE(subject_names_an_issue("Public Utility District No. 1 of Franklin County"));
    // A version number is no date.
    EXPECT_FALSE(subject_names_an_issue("Demo for new Etag 1.7"));
    // Replies and forwards are conversations.
    EXPECT_FALSE(subject_names_an_issue("Re: Enron In Action 04.16.01"));
    EXPECT_FALSE(subject_names_an_issue("FW: TW Weekly for February 28, 2002"));
    // Something the reader may have to act on or attend.
    EXPECT_FALSE(subject_names_an_issue("Budget review meeting - Monday, October 22"));
    EXPECT_FALSE(subject_names_an_issue("PLEASE READ - testing schedule for Monday, Feb 4th"));
    EXPECT_FALSE(subject_names_an_issue("Contracted Marketer Deadline for November 1"));
    EXPECT_FALSE(subject_names_an_issue("Action required: expense reports 12/3/01"));
    EXPECT_FALSE(subject_names_an_issue("Integration Test Dry Run - 1/20/02"));
}

TEST(NewsletterIssue, CrowdsAndPeople) {
    EXPECT_TRUE(is_addressed_to_a_crowd({}, {}));  // undisclosed recipients
    EXPECT_TRUE(is_addressed_to_a_crowd({{"All Enron Houston", "all.houston@enron.com"}}, {}));
    EXPECT_TRUE(is_addressed_to_a_crowd({{"", "energygroup@buffalo.example"}}, {}));
    EXPECT_TRUE(is_addressed_to_a_crowd({{"", "everyone@acme.example"}}, {}));
    EXPECT_TRUE(is_addressed_to_a_crowd(people(20), people(kCrowdRecipients - 20)));
    EXPECT_FALSE(is_addressed_to_a_crowd({{"Dana Reyes", "dana@reyes-va.example"}}, {}));
    EXPECT_FALSE(is_addressed_to_a_crowd(people(kCrowdRecipients - 1), {}));
    // "allen" and "sally" are people, not "all".
    EXPECT_FALSE(is_addressed_to_a_crowd({{"", "allen.phillip@acme.example"}}, {}));
}

TEST(NewsletterIssue, BothSignalsAndNoReply) {
    ParsedMessage issue;
    issue.subject = "Acme In Action 04.16.01";
    issue.to = {{"All Acme Houston", "all.houston@acme.example"}};
    EXPECT_TRUE(is_dated_issue(issue));

    // A client's dated subject to the VA alone: a conversation.
    ParsedMessage person = issue;
    person.to = {{"Dana Reyes", "dana@reyes-va.example"}};
    EXPECT_FALSE(is_dated_issue(person));

    // The crowd, but a subject that asks: "please send your numbers by Friday"
    // in an all-hands mail stays classified.
    ParsedMessage ask = issue;
    ask.subject = "Please send Q1 numbers - due 3/14";
    EXPECT_FALSE(is_dated_issue(ask));

    // A reply in a thread, whatever its subject.
    ParsedMessage reply = issue;
    reply.in_reply_to = "abc@acme.example";
    EXPECT_FALSE(is_dated_issue(reply));
}

}  // namespace
}  // namespace casefile::core
