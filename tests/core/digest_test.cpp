// The digest's content: a seeded store through Store::digest_data and
// compose_digest, the sections a VA expects, and the quiet day.
#include "core/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/digest_schedule.hpp"
#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

TimeZone chicago() {
    return TimeZone("America/Chicago", -6 * 3600, {}, parse_posix_zone_rule("CST6CDT,M3.2.0,M11.1.0"));
}

std::int64_t utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

IncomingMessage mail(const std::string& id, const std::string& from, const std::string& to,
                     const std::string& subject, std::int64_t date, const std::string& in_reply_to = {},
                     const std::string& client = "Acme", bool from_me = false) {
    IncomingMessage incoming;
    incoming.raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
                   "\r\nMessage-ID: <" + id + ">\r\n\r\nbody " + id + "\r\n";
    incoming.parsed.message_id = id;
    incoming.parsed.in_reply_to = in_reply_to;
    incoming.parsed.subject = subject;
    incoming.parsed.from = Address{"", from};
    incoming.parsed.to = {Address{"", to}};
    incoming.parsed.date = Timestamp{date, -360};
    incoming.source = "test";
    if (!client.empty()) incoming.client = client;
    incoming.from_me = from_me;
    return incoming;
}

class DigestTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
        Identity identity;
        identity.own_addresses = {"dana@reyes-va.example"};
        identity.clients = {ClientRecord{"Acme", {"bob@acme.example"}, {"acme.example"}}};
        ASSERT_OK(store_->save_identity(identity));
    }

    void add_event(const std::string& message_id, const std::string& category,
                   const std::string& evidence, const std::string& due,
                   const std::string& previous_due = {}, const std::string& source = "own_text") {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        SQLite::Statement insert(database,
                                 "INSERT INTO events (message_row, category, evidence, span_start, "
                                 "span_end, due, previous_due, rule_id, confidence, created_at, "
                                 "evidence_source) "
                                 "SELECT id, ?, ?, 0, ?, ?, ?, 'test', 0.9, '2026-12-01', ? FROM "
                                 "messages WHERE message_id = ?");
        insert.bind(1, category);
        insert.bind(2, evidence);
        insert.bind(3, static_cast<int>(evidence.size()));
        if (due.empty()) insert.bind(4); else insert.bind(4, due);
        if (previous_due.empty()) insert.bind(5); else insert.bind(5, previous_due);
        insert.bind(6, source);
        insert.bind(7, message_id);
        ASSERT_EQ(insert.exec(), 1);
    }

    DigestData data_for(std::int64_t day) {
        const DigestWindow window = digest_window(day, 450, chicago());
        DigestQuery query;
        query.window_start = window.start;
        query.window_end = window.end;
        query.zone = chicago();
        auto data = store_->digest_data(query);
        EXPECT_TRUE(data.has_value()) << (data ? "" : data.error().message);
        data->day_label = window.day_label;
        return *data;
    }

    testing::TempDir directory_;
    FixedClock clock_{utc(2026, 12, 1, 14)};
    std::optional<Store> store_;
};

TEST_F(DigestTest, ADayWithClientMailHasEverySection) {
    const std::int64_t monday = days_from_civil(2026, 11, 30);
    ASSERT_OK(store_->ingest_batch({
        mail("q4@acme.example", "bob@acme.example", "dana@reyes-va.example", "Q4 vendor report",
             utc(2026, 11, 27, 15)),
        mail("re1@reyes-va.example", "dana@reyes-va.example", "bob@acme.example",
             "Re: Q4 vendor report", utc(2026, 11, 27, 16), "q4@acme.example", "Acme", true),
        mail("move@acme.example", "bob@acme.example", "dana@reyes-va.example",
             "Re: Q4 vendor report", utc(2026, 11, 30, 15, 5), "re1@reyes-va.example"),
        mail("late@acme.example", "bob@acme.example", "dana@reyes-va.example",
             "Re: Q4 vendor report", utc(2026, 12, 1, 5, 40), "move@acme.example"),
        mail("news@list.example", "news@list.example", "dana@reyes-va.example", "Weekly tips",
             utc(2026, 11, 30, 16), "", ""),
    }));
    add_event("q4@acme.example", "deadline_set", "Please send the Q4 report by Friday.", "2026-12-04");
    add_event("move@acme.example", "deadline_change",
              "Can we push the Q4 report to Wednesday instead?", "2026-12-02", "2026-12-04");
    add_event("move@acme.example", "scope_add", "Could you also add the Q3 numbers?", "");

    const DigestData data = data_for(monday);
    EXPECT_EQ(data.new_messages, 3) << "two of Bob's and the newsletter, dated Monday";
    ASSERT_EQ(data.clients.size(), 1u);
    const DigestClientSection& acme = data.clients[0];
    EXPECT_EQ(acme.client, "Acme");
    ASSERT_EQ(acme.events.size(), 2u) << "Friday's deadline_set was not on Monday";
    EXPECT_EQ(acme.events[0].category, "deadline_change");
    ASSERT_EQ(acme.deadlines.size(), 1u) << "the thread's current deadline only";
    EXPECT_EQ(acme.deadlines[0].due, "2026-12-02");
    EXPECT_FALSE(acme.deadlines[0].overdue);
    ASSERT_EQ(acme.awaiting.size(), 1u);
    EXPECT_EQ(acme.awaiting[0].received.substr(0, 16), "2026-11-30T09:05");
    ASSERT_EQ(acme.out_of_hours.size(), 1u);
    EXPECT_EQ(acme.out_of_hours[0].received_local, "Mon 30 Nov 23:40");

    const DigestText text = compose_digest(data);
    EXPECT_FALSE(text.quiet);
    EXPECT_EQ(text.subject.find("Can we push"), std::string::npos) << "no client text in the subject";
    EXPECT_NE(text.subject.find("Monday 30 November 2026"), std::string::npos);
    for (const char* expected : {"Deadlines moved", "2026-12-04 → 2026-12-02 (earlier)",
                                 "\"Can we push the Q4 report to Wednesday instead?\"", "Scope added",
                                 "Deadlines in the next 7 days", "Awaiting your reply",
                                 "Sent outside your working hours", "Ledger head: "}) {
        EXPECT_NE(text.text.find(expected), std::string::npos) << expected << "\n" << text.text;
    }
    EXPECT_NE(text.html.find("Can we push the Q4 report to Wednesday instead?"), std::string::npos);
    EXPECT_NE(text.text.find(data.ledger_head), std::string::npos);
}

TEST_F(DigestTest, AnAskMadeOnlyInTheSubjectLineIsQuotedAsTheSubjectLine) {
    // Payroll's timesheet call: the ask is the subject, the body a signature.
    ASSERT_OK(store_->ingest_batch(
        {mail("hours@acme.example", "bob@acme.example", "dana@reyes-va.example",
              "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY", utc(2026, 11, 30, 15))}));
    add_event("hours@acme.example", "deadline_set", "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY",
              "2026-12-01T12:00:00-06:00", "", "subject");
    const DigestData data = data_for(days_from_civil(2026, 11, 30));
    ASSERT_EQ(data.clients.size(), 1u);
    ASSERT_EQ(data.clients[0].events.size(), 1u);
    EXPECT_TRUE(data.clients[0].events[0].evidence_in_subject);
    ASSERT_EQ(data.clients[0].deadlines.size(), 1u);
    EXPECT_TRUE(data.clients[0].deadlines[0].evidence_in_subject);

    const DigestText text = compose_digest(data);
    EXPECT_NE(
        text.text.find("    in the subject line: \"PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY\""),
        std::string::npos)
        << text.text;
    EXPECT_NE(
        text.html.find("<blockquote><em>in the subject line: </em>PLEASE SEND YOUR TIMESHEET"),
        std::string::npos)
        << text.html;
}

TEST_F(DigestTest, ABodySentenceIsQuotedWithoutASourceLabel) {
    ASSERT_OK(
        store_->ingest_batch({mail("q4@acme.example", "bob@acme.example", "dana@reyes-va.example",
                                   "Q4 vendor report", utc(2026, 11, 30, 15))}));
    add_event("q4@acme.example", "deadline_set", "Please send the Q4 report by Friday.",
              "2026-12-04");
    const DigestData data = data_for(days_from_civil(2026, 11, 30));
    ASSERT_EQ(data.clients.size(), 1u);
    ASSERT_EQ(data.clients[0].events.size(), 1u);
    EXPECT_FALSE(data.clients[0].events[0].evidence_in_subject);
    const DigestText text = compose_digest(data);
    EXPECT_NE(text.text.find("    \"Please send the Q4 report by Friday.\""), std::string::npos)
        << text.text;
    EXPECT_EQ(text.text.find("subject line"), std::string::npos) << text.text;
}

TEST_F(DigestTest, ClientTextIsEscapedInTheHtml) {
    ASSERT_OK(store_->ingest_batch({mail("x@acme.example", "bob@acme.example",
                                         "dana@reyes-va.example", "<script>alert(1)</script>",
                                         utc(2026, 11, 30, 15))}));
    add_event("x@acme.example", "escalation", "<img src=x onerror=alert(1)> I've asked three times!", "");
    const DigestText text = compose_digest(data_for(days_from_civil(2026, 11, 30)));
    EXPECT_EQ(text.html.find("<script>"), std::string::npos);
    EXPECT_EQ(text.html.find("<img"), std::string::npos);
    EXPECT_NE(text.html.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(DigestTest, AQuietDayIsOneLine) {
    const DigestText text = compose_digest(data_for(days_from_civil(2026, 11, 30)));
    EXPECT_TRUE(text.quiet);
    EXPECT_NE(text.subject.find("nothing new"), std::string::npos);
    EXPECT_EQ(std::count(text.text.begin(), text.text.end(), '\n'), 1) << text.text;
}

TEST_F(DigestTest, AnOverdueDeadlineIsFlagged) {
    ASSERT_OK(store_->ingest_batch({mail("due@acme.example", "bob@acme.example",
                                         "dana@reyes-va.example", "Slides", utc(2026, 11, 20, 15))}));
    add_event("due@acme.example", "deadline_set", "I need the slides by the 25th.", "2026-11-25");
    const DigestData data = data_for(days_from_civil(2026, 11, 30));
    ASSERT_EQ(data.clients.size(), 1u);
    ASSERT_EQ(data.clients[0].deadlines.size(), 1u);
    EXPECT_TRUE(data.clients[0].deadlines[0].overdue);
    EXPECT_NE(compose_digest(data).text.find("OVERDUE since 2026-11-25"), std::string::npos);
}

// "Outline by Wednesday, please; the final deck is due the 11th.": the
// nearer date is what the VA must meet next, though it comes first.
TEST_F(DigestTest, OfSeveralDatesInOneMailTheNearestIsListed) {
    ASSERT_OK(store_->ingest_batch({mail("deck@acme.example", "bob@acme.example",
                                         "dana@reyes-va.example", "Board deck", utc(2026, 11, 30, 15))}));
    add_event("deck@acme.example", "deadline_set", "Outline by Wednesday, please.", "2026-12-02");
    add_event("deck@acme.example", "deadline_set", "The final deck is due the 11th.", "2026-12-11");
    const DigestData data = data_for(days_from_civil(2026, 11, 30));
    ASSERT_EQ(data.clients.size(), 1u);
    ASSERT_EQ(data.clients[0].deadlines.size(), 1u);
    EXPECT_EQ(data.clients[0].deadlines[0].due, "2026-12-02");
    EXPECT_EQ(data.clients[0].deadlines[0].evidence, "Outline by Wednesday, please.");
}

TEST_F(DigestTest, TheVasOwnPromisesAreListedApartFromTheClientsDeadline) {
    // Bob wants the deck by Friday; Dana promises Thursday. In another
    // thread she promises Monday for a report Bob wanted on Wednesday, and in
    // a third she only confirms his Friday.
    ASSERT_OK(store_->ingest_batch({
        mail("deck@acme.example", "bob@acme.example", "dana@reyes-va.example", "Board deck",
             utc(2026, 11, 30, 15)),
        mail("deck-re@reyes-va.example", "dana@reyes-va.example", "bob@acme.example",
             "Re: Board deck", utc(2026, 11, 30, 16), "deck@acme.example", "Acme", true),
        mail("report@acme.example", "bob@acme.example", "dana@reyes-va.example", "Expense report",
             utc(2026, 11, 30, 17)),
        mail("report-re@reyes-va.example", "dana@reyes-va.example", "bob@acme.example",
             "Re: Expense report", utc(2026, 11, 30, 18), "report@acme.example", "Acme", true),
        mail("memo@acme.example", "bob@acme.example", "dana@reyes-va.example", "Staff memo",
             utc(2026, 11, 30, 19)),
        mail("memo-re@reyes-va.example", "dana@reyes-va.example", "bob@acme.example",
             "Re: Staff memo", utc(2026, 11, 30, 20), "memo@acme.example", "Acme", true),
    }));
    add_event("deck@acme.example", "deadline_set", "I need the deck by Friday.", "2026-12-04");
    add_event("deck-re@reyes-va.example", "deadline_set", "I'll send it to you Thursday.", "2026-12-03");
    add_event("report@acme.example", "deadline_set", "Please file it by Wednesday.", "2026-12-02");
    add_event("report-re@reyes-va.example", "deadline_set", "I can have it by Monday.", "2026-12-07");
    add_event("memo@acme.example", "deadline_set", "The memo is due Friday.", "2026-12-04");
    add_event("memo-re@reyes-va.example", "deadline_set", "I'll have it done by Friday.", "2026-12-04");

    const DigestData data = data_for(days_from_civil(2026, 11, 30));
    ASSERT_EQ(data.clients.size(), 1u);
    const auto& deadlines = data.clients[0].deadlines;
    std::vector<std::string> listed;
    for (const DigestDeadline& deadline : deadlines) {
        listed.push_back(deadline.due + (deadline.own_promise ? " promised" : " client"));
    }
    EXPECT_EQ(listed, (std::vector<std::string>{"2026-12-02 client", "2026-12-03 promised",
                                                "2026-12-04 client", "2026-12-04 client",
                                                "2026-12-07 promised"}))
        << "her later Monday does not hide Bob's Wednesday; a promise of his own date adds nothing";
    const std::string text = compose_digest(data).text;
    EXPECT_NE(text.find("you promised it for 2026-12-03: \"Re: Board deck\""), std::string::npos) << text;
    EXPECT_NE(text.find("due 2026-12-02: \"Expense report\""), std::string::npos) << text;
}

TEST(DigestFormat, LongListsAreCutForAPhone) {
    DigestData data;
    data.day_label = "Monday 30 November 2026";
    DigestClientSection client;
    client.client = "Acme";
    for (int index = 0; index < 40; ++index) {
        client.awaiting.push_back(DigestAwaiting{"Request " + std::to_string(index), "bob@acme.example",
                                                 "2026-11-20T10:00:00-06:00", 3600});
    }
    data.clients.push_back(client);
    const DigestText text = compose_digest(data);
    EXPECT_NE(text.text.find("Request 14"), std::string::npos);
    EXPECT_EQ(text.text.find("Request 15"), std::string::npos);
    EXPECT_NE(text.text.find("... and 25 more"), std::string::npos);
    EXPECT_NE(text.subject.find("40 awaiting reply"), std::string::npos) << "the count stays whole";
}

TEST(DigestFormat, WorkingTime) {
    EXPECT_EQ(format_working_time(45 * 60), "45 min");
    EXPECT_EQ(format_working_time(3 * 3600), "3 h");
    EXPECT_EQ(format_working_time(3 * 3600 + 20 * 60 + 59), "3 h 20 min");
}

}  // namespace
}  // namespace casefile::core
