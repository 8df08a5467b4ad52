// to_new_event: a detected event as the store keeps it, its span indexing
// the text the store holds - the own text, or the Subject as stored.
#include "core/detected_event.hpp"

#include <gtest/gtest.h>

#include <string>

namespace casefile::core {
namespace {

Event timesheet_call() {
    Event event;
    event.category = Category::deadline_set;
    event.evidence = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
    event.start = 0;
    event.end = 42;
    event.source = EvidenceSource::subject;
    event.due = "2025-12-02T12:00:00-06:00";
    event.rule = "deadline.send-by";
    event.confidence = 0.8;
    return event;
}

TEST(DetectedEvent, ASubjectEventNamesItsSourceAndIndexesTheStoredSubject) {
    // Detection read the subject trimmed; the store keeps it as parsed.
    const std::string stored_subject = "  PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
    const NewEvent stored = to_new_event(timesheet_call(), 7, 2);
    EXPECT_EQ(stored.message_row, 7);
    EXPECT_EQ(stored.category, "deadline_set");
    EXPECT_EQ(stored.evidence_source, "subject");
    EXPECT_EQ(stored.span_start, 2);
    EXPECT_EQ(stored.span_end, 44);
    EXPECT_EQ(stored_subject.substr(static_cast<std::size_t>(stored.span_start),
                                    static_cast<std::size_t>(stored.span_end - stored.span_start)),
              stored.evidence);
    EXPECT_EQ(stored.due, "2025-12-02T12:00:00-06:00");
    EXPECT_EQ(stored.rule_id, "deadline.send-by");
    EXPECT_DOUBLE_EQ(stored.confidence, 0.8);
}

TEST(DetectedEvent, AnOwnTextEventKeepsItsSpanWhateverTheSubjectOffset) {
    Event asked;
    asked.category = Category::deadline_change;
    asked.evidence = "Can we push the review to next Wednesday?";
    asked.start = 10;
    asked.end = 51;
    asked.due = "2025-12-10";
    asked.previous_due = "2025-12-05";
    asked.rule = "deadline.push-to";
    asked.confidence = 0.9;
    const NewEvent stored = to_new_event(asked, 3, 5);
    EXPECT_EQ(stored.evidence_source, "own_text");
    EXPECT_EQ(stored.category, "deadline_change");
    EXPECT_EQ(stored.span_start, 10);
    EXPECT_EQ(stored.span_end, 51);
    EXPECT_EQ(stored.previous_due, "2025-12-05");
}

TEST(EvidenceSourceName, NamesOnlyTheSourcesTheStoreCanShow) {
    EXPECT_EQ(evidence_source_name(EvidenceSource::own_text), "own_text");
    EXPECT_EQ(evidence_source_name(EvidenceSource::subject), "subject");
    EXPECT_TRUE(is_evidence_source_name("own_text"));
    EXPECT_TRUE(is_evidence_source_name("subject"));
    EXPECT_FALSE(is_evidence_source_name(""));
    EXPECT_FALSE(is_evidence_source_name("Subject"));
    EXPECT_FALSE(is_evidence_source_name("quoted_text"));
}

}  // namespace
}  // namespace casefile::core
