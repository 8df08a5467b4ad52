// The default rule set on asks made in the subject line only, as the daemon
// stores them: each event named a subject event (to_new_event), its span
// cutting exactly its evidence out of the subject, its date resolved
// against the message's Date - and the subjects that must store nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/detected_event.hpp"
#include "default_rules_support.hpp"

namespace casefile::config {
namespace {

// Monday 2025-12-01 09:10 in Chicago (-06:00).
constexpr core::Timestamp kMondayMorning{1764601800, -360};

// A body that asks nothing: the ask is the subject.
constexpr const char* kAttachmentNote = "Hi Dana,\n\nAttached.\n\nBob";

std::vector<core::NewEvent> stored_events(const std::string& subject, std::string_view own_text,
                                          bool first_in_thread = true) {
    core::DetectInput input;
    input.subject = subject;
    input.own_text = own_text;
    input.date = kMondayMorning;
    input.first_in_thread = first_in_thread;
    std::vector<core::NewEvent> stored;
    for (const core::Event& event : core::detect(defaults(), input).events) {
        stored.push_back(core::to_new_event(event, 1, 0));
    }
    return stored;
}

std::string at_span(const std::string& subject, const core::NewEvent& event) {
    return subject.substr(static_cast<std::size_t>(event.span_start),
                          static_cast<std::size_t>(event.span_end - event.span_start));
}

TEST(DefaultRulesStoredSubject, SubjectOnlyAsksAreStoredAsSubjectEvents) {
    struct Case {
        std::string subject;
        std::string own_text;
        std::string due;
    };
    const std::vector<Case> cases = {
        {"PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY",
         "Contractors on the Henderson account this period:\n\n  Dana Reyes\n  Sam Ortiz\n"
         "  Priya Nair\n\nCarol",
         "2025-12-02T12:00:00-06:00"},
        {"[acme-payroll] Timesheets due by noon Tuesday", kAttachmentNote,
         "2025-12-02T12:00:00-06:00"},
        {"Please sign and return the lease by Friday", "", "2025-12-05"},
        {"Q4 numbers needed by EOD Wednesday", kAttachmentNote, "2025-12-03T17:00:00-06:00"},
        {"Board deck - final version due Thursday 3pm", kAttachmentNote,
         "2025-12-04T15:00:00-06:00"},
    };
    for (const Case& item : cases) {
        const auto events = stored_events(item.subject, item.own_text);
        ASSERT_EQ(events.size(), 1u) << item.subject;
        const core::NewEvent& event = events[0];
        EXPECT_EQ(event.category, "deadline_set") << item.subject;
        EXPECT_EQ(event.evidence_source, "subject") << item.subject;
        EXPECT_EQ(at_span(item.subject, event), event.evidence) << item.subject;
        EXPECT_EQ(event.due, item.due) << item.subject;
    }
}

TEST(DefaultRulesStoredSubject, TheBodysOwnAskIsStoredAsOwnText) {
    const std::string body =
        "Hi Dana,\n\nCould you send me your timesheet by noon Tuesday? Payroll closes then.\n\n"
        "Carol";
    const auto events = stored_events("PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY", body);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].evidence_source, "own_text");
    EXPECT_EQ(body.substr(static_cast<std::size_t>(events[0].span_start),
                          static_cast<std::size_t>(events[0].span_end - events[0].span_start)),
              events[0].evidence);
}

TEST(DefaultRulesStoredSubject, RepliesForwardsAndTopicLinesStoreNothing) {
    EXPECT_TRUE(
        stored_events("Re: Q4 numbers needed by EOD Wednesday", "Sent them this morning.", false)
            .empty());
    EXPECT_TRUE(
        stored_events("Fwd: PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY", "FYI", false).empty());
    EXPECT_TRUE(stored_events("Holiday party - Friday, December 5", kAttachmentNote).empty());
    EXPECT_TRUE(stored_events("Automatic reply: Timesheets due by noon Tuesday",
                              "I am out of the office until Monday.", false)
                    .empty());
}

}  // namespace
}  // namespace casefile::config
