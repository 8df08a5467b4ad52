// make_classifier: detection as the store runs it reads a deadline asked
// only in the Subject line, as detection_eval measures it, and keeps it as a
// subject event whose span indexes the subject the store holds.
#include "daemon/classifier.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/expect_ok.hpp"

namespace casefile::daemon {
namespace {

// Monday 2025-12-01 09:10 in Chicago (-06:00).
constexpr core::Timestamp kMondayMorning{1764601800, -360};

// Payroll's timesheet call: the ask is the subject; the body a signature.
core::ClassifyInput timesheet_call(const std::string& subject) {
    core::ClassifyInput input;
    input.message_row = 12;
    input.subject = subject;
    input.own_text = "Thanks,\nMaria Lopez\nPayroll, EB 3021\n(713) 555-0142";
    input.date = kMondayMorning;
    input.first_in_thread = true;
    return input;
}

std::vector<core::NewEvent> classify(const core::ClassifyInput& input) {
    auto classifier = make_classifier(std::nullopt);
    EXPECT_TRUE(classifier.has_value()) << classifier.error().message;
    return (*classifier)(input);
}

TEST(Classifier, ReadsADeadlineAskedOnlyInTheSubject) {
    const std::string subject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
    const auto events = classify(timesheet_call(subject));
    ASSERT_EQ(events.size(), 1u);
    const core::NewEvent& event = events[0];
    EXPECT_EQ(event.message_row, 12);
    EXPECT_EQ(event.category, "deadline_set");
    EXPECT_EQ(event.evidence_source, "subject");
    EXPECT_EQ(event.evidence, subject);
    EXPECT_EQ(event.span_start, 0);
    EXPECT_EQ(event.span_end, static_cast<std::int64_t>(subject.size()));
    EXPECT_EQ(event.due.substr(0, 10), "2025-12-02");
}

TEST(Classifier, ASubjectEventsSpanIndexesTheSubjectAsStored) {
    // White space the parser may have left around a folded header value.
    const std::string subject = " \tPLEASE SEND YOUR TIMESHEET BY NOON TUESDAY ";
    const auto events = classify(timesheet_call(subject));
    ASSERT_EQ(events.size(), 1u);
    const core::NewEvent& event = events[0];
    EXPECT_EQ(event.evidence_source, "subject");
    EXPECT_EQ(event.span_start, 2);
    EXPECT_EQ(subject.substr(static_cast<std::size_t>(event.span_start),
                             static_cast<std::size_t>(event.span_end - event.span_start)),
              event.evidence);
}

TEST(Classifier, AMailWithNoOwnTextStillAsksInItsSubject) {
    // A scan sent with only a subject line: nothing in the body at all.
    core::ClassifyInput input = timesheet_call("Please sign and return the lease by Friday");
    input.own_text.clear();
    const auto events = classify(input);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].evidence_source, "subject");
    EXPECT_EQ(events[0].due.substr(0, 10), "2025-12-05");
}

TEST(Classifier, TheBodysAskWinsAndAReplysSubjectIsNotRead) {
    core::ClassifyInput both = timesheet_call("Budget template - need it back by Thursday");
    both.own_text =
        "Hi Dana,\n\nPlease fill in the attached template and send it back to me by "
        "Thursday.\n\nThanks,\nBob";
    auto events = classify(both);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].evidence_source, "own_text");
    EXPECT_EQ(
        both.own_text.substr(static_cast<std::size_t>(events[0].span_start),
                             static_cast<std::size_t>(events[0].span_end - events[0].span_start)),
        events[0].evidence);

    core::ClassifyInput reply = timesheet_call("RE: PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY");
    reply.own_text = "Sent it this morning.\n\nDana";
    reply.first_in_thread = false;
    EXPECT_TRUE(classify(reply).empty());
}

TEST(Classifier, AMessageWithoutADateGivesNothing) {
    core::ClassifyInput input = timesheet_call("PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY");
    input.date.reset();
    EXPECT_TRUE(classify(input).empty());
}

}  // namespace
}  // namespace casefile::daemon
