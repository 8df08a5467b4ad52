#include "core/thread_subject.hpp"

#include <gtest/gtest.h>

#include "core/threading.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t day = 24 * 60 * 60;
constexpr std::int64_t base_date = 1'741'000'000;

TEST(ThreadSubject, RecognisesReplyPrefixes) {
    for (const char* subject :
         {"Re: Invoice", "RE: Invoice", "re:Invoice", "Aw: Rechnung", "AW: Rechnung", "Sv: Faktura",
          "SV: Faktura", "Antw: Factuur", "Re[2]: Invoice", "Re(3): Invoice",
          "[acme-list] Re: Invoice", "  Re : Devis", "VS: Lasku", "Odp: Faktura",
          "RE:\xC2\xA0Invoice", "\xE5\x9B\x9E\xE5\xA4\x8D\xEF\xBC\x9A\xE5\x8F\x91\xE7\xA5\xA8"}) {
        EXPECT_TRUE(has_reply_prefix(subject)) << subject;
    }
}

TEST(ThreadSubject, ForwardsAndOrdinarySubjectsAreNotReplies) {
    for (const char* subject :
         {"Fwd: Invoice", "FW: Invoice", "WG: Rechnung", "TR: Devis", "Invoice", "Rent increase",
          "Resume attached", "Re invoice", "Regarding: contract", "", "[list] Invoice"}) {
        EXPECT_FALSE(has_reply_prefix(subject)) << subject;
    }
}

TEST(ThreadSubject, NormalizeStripsRepliesTagsAndWhitespace) {
    EXPECT_EQ(normalize_subject("Re: Re[2]:  Invoice   March\t2025 "), "invoice march 2025");
    EXPECT_EQ(normalize_subject("[acme] Re: [acme] RE: Invoice"), "invoice");
    EXPECT_EQ(normalize_subject("AW: Sv: Antw: Invoice"), "invoice");
    EXPECT_EQ(normalize_subject("Re: Fwd: Invoice"), "fwd: invoice") << "forwards are kept";
    EXPECT_EQ(normalize_subject("[no subject]"), "[no subject]");
    EXPECT_EQ(normalize_subject("Re:"), "");
    EXPECT_EQ(normalize_subject("Ünïcode Straße"), "Ünïcode straße") << "ASCII folding only";
}

TEST(ThreadSubject, GenericSubjects) {
    for (const char* subject : {"", "hi", "Hello!", "question?", "update", "(no subject)", "ok",
                                "quick question", "thanks", "follow up"}) {
        EXPECT_TRUE(is_generic_subject(normalize_subject(subject))) << subject;
    }
    for (const char* subject : {"Invoice March", "Website relaunch", "Update to the Q3 plan"}) {
        EXPECT_FALSE(is_generic_subject(normalize_subject(subject))) << subject;
    }
}

ThreadInput dated(std::int64_t key, std::string subject, std::int64_t day_number,
                  std::string id = {}) {
    ThreadInput input;
    input.key = key;
    input.message_id = std::move(id);
    input.subject = std::move(subject);
    input.date_unix = base_date + day_number * day + key;
    return input;
}

// Threads `inputs` and returns the parent and thread of the last one, and
// whether it shares the first one's thread.
struct LastPlacement {
    std::optional<std::int64_t> parent;
    bool joined_first = false;
};
LastPlacement thread_last(const std::vector<ThreadInput>& inputs) {
    const auto placements = thread_messages(inputs);
    return {placements.back().parent_key,
            placements.back().thread_id == placements.front().thread_id};
}

TEST(SubjectFallback, ReplyWithoutHeadersJoinsTheOriginal) {
    for (const char* reply :
         {"Re: Invoice March", "RE: invoice  march", "AW: Invoice March", "Sv: Invoice March",
          "Antw: Invoice March", "Re: Re[2]: Invoice March", "[acme] Re: Invoice March"}) {
        const auto last = thread_last({dated(1, "Invoice March", 0, "o@acme.example"),
                                       dated(2, reply, 3, "r@phone.example")});
        EXPECT_EQ(last.parent, 1) << reply;
        EXPECT_TRUE(last.joined_first) << reply;
    }
}

TEST(SubjectFallback, JoinsTheEarliestMessageInsideTheWindow) {
    // A monthly subject: the March reply belongs with the March mail.
    const auto placements =
        thread_messages({dated(1, "Monthly report", 0), dated(2, "Monthly report", 31),
                         dated(3, "Re: Monthly report", 33), dated(4, "Re: Monthly report", 34)});
    EXPECT_EQ(placements[2].parent_key, 2);
    EXPECT_EQ(placements[3].parent_key, 2);
    EXPECT_NE(placements[0].thread_id, placements[1].thread_id);
    EXPECT_EQ(placements[1].thread_id, placements[3].thread_id);
}

TEST(SubjectFallback, ExactlyThirtyDaysStillJoins) {
    ThreadInput reply = dated(2, "Re: Invoice March", 0);
    reply.date_unix = base_date + 30 * day;
    ThreadInput original = dated(1, "Invoice March", 0);
    original.date_unix = base_date;
    EXPECT_TRUE(thread_last({original, reply}).joined_first);
    reply.date_unix += 1;
    EXPECT_FALSE(thread_last({original, reply}).joined_first);
}

TEST(SubjectFallback, Negatives) {
    struct Case {
        const char* name;
        ThreadInput original;
        ThreadInput reply;
    };
    ThreadInput undated = dated(2, "Re: Invoice March", 0);
    undated.date_unix = 0;
    const std::vector<Case> cases = {
        {"generic", dated(1, "Hi", 0), dated(2, "Re: Hi", 1)},
        {"question", dated(1, "Question", 0), dated(2, "RE: question?", 1)},
        {"no subject", dated(1, "(no subject)", 0), dated(2, "Re: (no subject)", 1)},
        {"empty", dated(1, "", 0), dated(2, "Re:", 1)},
        {"too late", dated(1, "Invoice March", 0), dated(2, "Re: Invoice March", 31)},
        {"forward", dated(1, "Invoice March", 0), dated(2, "Fwd: Invoice March", 1)},
        {"reply to a forward", dated(1, "Invoice March", 0), dated(2, "Re: Fwd: Invoice March", 1)},
        {"no reply prefix", dated(1, "Invoice March", 0), dated(2, "Invoice March", 1)},
        {"reply is earlier", dated(1, "Invoice March", 5), dated(2, "Re: Invoice March", 1)},
        {"unknown date", dated(1, "Invoice March", 0), undated},
        {"different subject", dated(1, "Invoice March", 0), dated(2, "Re: Invoice April", 1)},
    };
    for (const Case& c : cases) {
        EXPECT_FALSE(thread_last({c.original, c.reply}).joined_first) << c.name;
    }
}

TEST(SubjectFallback, ReplyToAForwardJoinsTheForward) {
    const auto placements =
        thread_messages({dated(1, "Invoice March", 0), dated(2, "Fwd: Invoice March", 1),
                         dated(3, "Re: Fwd: Invoice March", 2)});
    EXPECT_EQ(placements[2].parent_key, 2);
    EXPECT_NE(placements[0].thread_id, placements[1].thread_id);
}

TEST(SubjectFallback, MessageWithAHeaderParentNeverMovesBySubject) {
    ThreadInput other = dated(2, "Other topic", 0, "other@x");
    ThreadInput reply = dated(3, "Re: Invoice March", 1, "r@x");
    reply.in_reply_to = "other@x";
    const auto placements = thread_messages({dated(1, "Invoice March", 0, "o@x"), other, reply});
    EXPECT_EQ(placements[2].parent_key, 2);
}

TEST(SubjectFallback, ThreadsJoiningEachOtherDoNotLoop) {
    // b answers a's thread by subject while a's thread answers b by header.
    ThreadInput a = dated(1, "Plan", 0, "a@x");
    ThreadInput b = dated(2, "Re: Plan", 1, "b@x");
    ThreadInput c = dated(3, "Re: Plan", 2, "c@x");
    a.in_reply_to = "c@x";
    c.in_reply_to = "b@x";
    const auto placements = thread_messages({a, b, c});
    EXPECT_EQ(placements[0].thread_id, placements[1].thread_id);
    EXPECT_EQ(placements[1].thread_id, placements[2].thread_id);
}

}  // namespace
}  // namespace casefile::core
