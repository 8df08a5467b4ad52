#include "core/threading.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/sha256.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t day = 24 * 60 * 60;
constexpr std::int64_t base_date = 1'741'000'000;  // early March 2025

ThreadInput mail(std::int64_t key, std::string id, std::vector<std::string> references = {},
                 std::string in_reply_to = {}, std::string subject = "Project plan",
                 std::int64_t date = 0) {
    ThreadInput input;
    input.key = key;
    input.message_id = std::move(id);
    input.references = std::move(references);
    input.in_reply_to = std::move(in_reply_to);
    input.subject = std::move(subject);
    input.date_unix = date == 0 ? base_date + key * 60 : date;
    return input;
}

std::string expected_thread_id(const std::string& root_id) {
    return "t" + sha256_hex(root_id).substr(0, 16);
}

std::map<std::int64_t, ThreadPlacement> by_key(const std::vector<ThreadInput>& inputs) {
    const std::vector<ThreadPlacement> placements = thread_messages(inputs);
    EXPECT_EQ(placements.size(), inputs.size());
    std::map<std::int64_t, ThreadPlacement> out;
    for (std::size_t i = 0; i < placements.size() && i < inputs.size(); ++i) {
        EXPECT_EQ(placements[i].key, inputs[i].key) << "placements must follow input order";
        out[placements[i].key] = placements[i];
    }
    return out;
}

std::optional<std::int64_t> parent(const std::map<std::int64_t, ThreadPlacement>& placed,
                                   std::int64_t key) {
    return placed.at(key).parent_key;
}

bool same_thread(const std::map<std::int64_t, ThreadPlacement>& placed, std::int64_t a,
                 std::int64_t b) {
    return placed.at(a).thread_id == placed.at(b).thread_id;
}

TEST(Threading, EmptyInputGivesNoPlacements) { EXPECT_TRUE(thread_messages({}).empty()); }

TEST(Threading, SimpleReplyChain) {
    const auto placed = by_key(
        {mail(1, "a@acme.example"), mail(2, "b@va.example", {"a@acme.example"}, "a@acme.example"),
         mail(3, "c@acme.example", {"a@acme.example", "b@va.example"}, "b@va.example")});
    EXPECT_EQ(parent(placed, 1), std::nullopt);
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 2);
    EXPECT_EQ(placed.at(1).thread_id, expected_thread_id("a@acme.example"));
    EXPECT_TRUE(same_thread(placed, 1, 2));
    EXPECT_TRUE(same_thread(placed, 1, 3));
}

TEST(Threading, SeparateConversationsGetSeparateThreads) {
    const auto placed =
        by_key({mail(1, "a@x"), mail(2, "b@x", {}, "", "Something else"), mail(3, "c@x", {"b@x"})});
    EXPECT_FALSE(same_thread(placed, 1, 2));
    EXPECT_TRUE(same_thread(placed, 2, 3));
    EXPECT_EQ(placed.at(1).thread_id.size(), 17U);
}

TEST(Threading, MissingMiddleMessageIsPrunedAndItsChildMovesUp) {
    const auto placed = by_key({mail(1, "a@x"), mail(3, "c@x", {"a@x", "b@x"}, "b@x")});
    EXPECT_EQ(parent(placed, 3), 1);
    EXPECT_TRUE(same_thread(placed, 1, 3));
}

TEST(Threading, MissingRootKeepsItsRepliesInOneThread) {
    // The VA's opening mail is in a Sent folder that was never imported.
    const auto placed = by_key({mail(1, "r1@client", {"start@va"}, "start@va"),
                                mail(2, "r2@client", {"start@va"}, "start@va"),
                                mail(3, "r3@va", {"start@va", "r1@client"}, "r1@client")});
    EXPECT_EQ(parent(placed, 1), std::nullopt);
    EXPECT_EQ(parent(placed, 2), std::nullopt);
    EXPECT_EQ(parent(placed, 3), 1);
    EXPECT_TRUE(same_thread(placed, 1, 2));
    EXPECT_TRUE(same_thread(placed, 1, 3));
    EXPECT_EQ(placed.at(1).thread_id, expected_thread_id("start@va"));
}

TEST(Threading, OutlookRepliesWithOnlyInReplyTo) {
    const auto placed =
        by_key({mail(1, "AAMkAD1@EURP.PROD.OUTLOOK.COM"),
                mail(2, "AAMkAD2@eurp.prod.outlook.com", {}, "<AAMkAD1@eurp.prod.outlook.com>"),
                mail(3, "AAMkAD3@eurp.prod.outlook.com", {}, "AAMkAD2@eurp.prod.outlook.com")});
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 2);
    EXPECT_TRUE(same_thread(placed, 1, 3));
}

TEST(Threading, InReplyToWinsOverADifferentLastReference) {
    // References stops at b, but the message answers c (In-Reply-To).
    const auto placed =
        by_key({mail(1, "a@x"), mail(2, "b@x", {"a@x"}, "a@x"), mail(3, "c@x", {"a@x"}, "a@x"),
                mail(4, "d@x", {"a@x", "b@x"}, "c@x")});
    EXPECT_EQ(parent(placed, 4), 3);
    EXPECT_TRUE(same_thread(placed, 1, 4));
}

TEST(Threading, ReferencesLastIdUsedWhenInReplyToIsAbsent) {
    const auto placed =
        by_key({mail(1, "a@x"), mail(2, "b@x", {"a@x"}, "a@x"), mail(3, "c@x", {"a@x", "b@x"})});
    EXPECT_EQ(parent(placed, 3), 2);
}

TEST(Threading, HeaderlessMessageTakesTheParentOthersReferenceItUnder) {
    // b lost its headers on the way (a forwarding gateway); c's References
    // still say b answered a.
    const auto placed = by_key({mail(1, "a@x"), mail(2, "b@x"), mail(3, "c@x", {"a@x", "b@x"})});
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 2);
}

TEST(Threading, EarliestMessageDecidesBetweenConflictingReferences) {
    // Two replies disagree about where b sits; the earlier one is believed,
    // whatever order the messages come in.
    const std::vector<ThreadInput> inputs = {mail(1, "a@x"), mail(2, "z@x"),
                                             mail(3, "c@x", {"a@x", "b@x"}),
                                             mail(4, "d@x", {"z@x", "b@x"})};
    for (const auto& order : {inputs, std::vector<ThreadInput>(inputs.rbegin(), inputs.rend())}) {
        const auto placed = by_key(order);
        EXPECT_EQ(parent(placed, 3), 1);
        EXPECT_EQ(parent(placed, 4), 1);
        EXPECT_FALSE(same_thread(placed, 2, 4));
    }
}

TEST(Threading, MissingInReplyToTargetHangsUnderTheReferencesChain) {
    const auto placed = by_key({mail(1, "a@x"), mail(2, "d@x", {"a@x"}, "missing@x")});
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_TRUE(same_thread(placed, 1, 2));
}

TEST(Threading, IdsCompareCaseSensitiveLocalPartButNotDomain) {
    const auto placed =
        by_key({mail(1, "Abc@Mail.Example"), mail(2, "r1@x", {}, "Abc@mail.example"),
                mail(3, "r2@x", {}, "abc@mail.example", "Other")});
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), std::nullopt);
    EXPECT_FALSE(same_thread(placed, 1, 3));
}

TEST(Threading, NormalizeMessageId) {
    EXPECT_EQ(normalize_message_id(" <Part.1@Host.Example> "), "Part.1@host.example");
    EXPECT_EQ(normalize_message_id("no-at-sign"), "no-at-sign");
    EXPECT_EQ(normalize_message_id("  "), "");
}

TEST(Threading, TwoMessagesReferringToEachOtherDoNotHang) {
    const auto placed = by_key({mail(1, "a@x", {"b@x"}, "b@x"), mail(2, "b@x", {"a@x"}, "a@x")});
    EXPECT_EQ(parent(placed, 1), std::nullopt) << "the earlier message becomes the root";
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_TRUE(same_thread(placed, 1, 2));
}

TEST(Threading, ThreeMessageLoopIsCutAtTheEarliest) {
    const auto placed =
        by_key({mail(2, "b@x", {"a@x"}), mail(3, "c@x", {"b@x"}), mail(1, "a@x", {"c@x"})});
    EXPECT_EQ(parent(placed, 1), std::nullopt);
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 2);
}

TEST(Threading, LoopAmongPlaceholdersDoesNotHang) {
    const auto placed = by_key({mail(1, "m@x", {"p@x", "q@x"}), mail(2, "n@x", {"q@x", "p@x"}),
                                mail(3, "o@x", {"p@x", "q@x", "p@x", "q@x"})});
    EXPECT_TRUE(same_thread(placed, 1, 2));
    EXPECT_TRUE(same_thread(placed, 1, 3));
}

TEST(Threading, SelfReferenceIsIgnored) {
    const auto placed = by_key({mail(1, "a@x", {"a@x"}, "a@x"), mail(2, "b@x", {"a@x", "b@x"}),
                                mail(3, "c@x", {"a@x", "c@x", "b@x"}, "c@x")});
    EXPECT_EQ(parent(placed, 1), std::nullopt);
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 2);
}

TEST(Threading, DuplicateMessageIdGetsItsOwnContainerInTheSameThread) {
    // The same mail twice (a list copy and the direct copy), and a reply.
    const auto placed = by_key({mail(1, "a@x"), mail(2, "a@x"), mail(3, "b@x", {"a@x"}, "a@x")});
    EXPECT_EQ(parent(placed, 1), std::nullopt);
    EXPECT_EQ(parent(placed, 2), std::nullopt) << "a copy sits beside the first copy";
    EXPECT_EQ(parent(placed, 3), 1) << "replies hang under the first copy";
    EXPECT_TRUE(same_thread(placed, 1, 2));
    EXPECT_TRUE(same_thread(placed, 1, 3));
}

TEST(Threading, DuplicateReplyKeepsItsOwnParent) {
    const auto placed = by_key({mail(1, "a@x"), mail(2, "b@x", {"a@x"}, "a@x"),
                                mail(3, "b@x", {"a@x"}, "a@x"), mail(4, "b@x")});
    EXPECT_EQ(parent(placed, 2), 1);
    EXPECT_EQ(parent(placed, 3), 1);
    EXPECT_EQ(parent(placed, 4), 1) << "a header-less copy goes beside the first copy";
    EXPECT_TRUE(same_thread(placed, 1, 4));
}

TEST(Threading, AbsentMessageIdsGetDistinctSyntheticIds) {
    const auto placed = by_key({mail(1, ""), mail(2, "", {}, "", "Another subject"),
                                mail(3, "r@x", {}, "", "Third"), mail(4, "", {"r@x"}, "r@x")});
    EXPECT_FALSE(same_thread(placed, 1, 2));
    EXPECT_EQ(parent(placed, 4), 3);
    EXPECT_EQ(placed.at(1).thread_id, thread_messages({mail(1, "")})[0].thread_id)
        << "the synthetic id depends on the key only";
}

TEST(Threading, ThreadIdStaysWhenMoreMessagesArrive) {
    std::vector<ThreadInput> inputs = {mail(10, "b@x", {"a@x"}, "a@x"),
                                       mail(11, "c@x", {"a@x", "b@x"}, "b@x")};
    const auto before = by_key(inputs);
    inputs.push_back(mail(3, "a@x"));  // the missing root, imported later
    inputs.push_back(mail(12, "d@x", {"a@x", "b@x", "c@x"}, "c@x"));
    inputs.push_back(mail(13, "z@x", {}, "", "Unrelated"));
    const auto after = by_key(inputs);
    EXPECT_EQ(before.at(10).thread_id, after.at(10).thread_id);
    EXPECT_EQ(before.at(11).thread_id, after.at(11).thread_id);
    EXPECT_EQ(after.at(3).thread_id, after.at(12).thread_id);
    EXPECT_EQ(parent(after, 10), 3);
    EXPECT_EQ(parent(after, 12), 11);
    EXPECT_FALSE(same_thread(after, 3, 13));
    EXPECT_EQ(by_key(inputs).at(13).thread_id, after.at(13).thread_id);
}

// A mailbox with most of what real mail throws at threading at once.
std::vector<ThreadInput> realistic_mailbox() {
    return {
        mail(1, "kickoff@acme.example", {}, "", "Website relaunch"),
        mail(2, "r1@va.example", {"kickoff@acme.example"}, "kickoff@acme.example",
             "Re: Website relaunch"),
        mail(3, "r2@acme.example", {"kickoff@acme.example", "r1@va.example"}, "r1@va.example",
             "RE: Website relaunch"),
        mail(4, "r2@acme.example", {"kickoff@acme.example", "r1@va.example"}, "r1@va.example",
             "RE: Website relaunch"),                                             // duplicate
        mail(5, "r4@acme.example", {"kickoff@acme.example", "lost@va.example"}),  // missing middle
        mail(6, "", {}, "", "Re: Website relaunch"),  // no ids: subject fallback
        mail(7, "loop1@x", {"loop2@x"}),
        mail(8, "loop2@x", {"loop1@x"}),
        mail(9, "self@x", {"self@x"}, "self@x", "Self"),
        mail(10, "o1@outlook.example", {}, "", "Invoice 12"),
        mail(11, "o2@outlook.example", {}, "o1@outlook.example", "AW: Invoice 12"),
        mail(12, "f1@x", {}, "", "Fwd: Website relaunch"),
        mail(13, "", {}, "", "Re: hi"),
        mail(14, "", {}, "", "Re: Hi"),
        mail(15, "late@x", {}, "", "Re: Invoice 12", base_date + 45 * day),
        mail(16, "m1@x", {"root-missing@x"}),
        mail(17, "m2@x", {"root-missing@x"}),
    };
}

TEST(Threading, RealisticMailboxThreadsAsExpected) {
    const auto placed = by_key(realistic_mailbox());
    EXPECT_EQ(parent(placed, 3), 2);
    EXPECT_EQ(parent(placed, 4), 2);
    EXPECT_EQ(parent(placed, 5), 1);
    EXPECT_EQ(parent(placed, 6), 1);
    for (std::int64_t key : {2, 3, 4, 5, 6}) {
        EXPECT_TRUE(same_thread(placed, 1, key)) << key;
    }
    EXPECT_TRUE(same_thread(placed, 7, 8));
    EXPECT_EQ(parent(placed, 11), 10);
    EXPECT_FALSE(same_thread(placed, 1, 12)) << "a forward starts a new thread";
    EXPECT_FALSE(same_thread(placed, 13, 14)) << "generic subjects never merge";
    EXPECT_FALSE(same_thread(placed, 10, 15)) << "more than 30 days later";
    EXPECT_TRUE(same_thread(placed, 16, 17));
}

TEST(Threading, ShuffledInputGivesTheSameThreads) {
    const std::vector<ThreadInput> inputs = realistic_mailbox();
    const auto expected = by_key(inputs);
    std::mt19937 random(42);
    for (int round = 0; round < 50; ++round) {
        std::vector<ThreadInput> shuffled = inputs;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        const auto placed = by_key(shuffled);
        for (const auto& [key, placement] : expected) {
            EXPECT_EQ(placed.at(key).parent_key, placement.parent_key) << "key " << key;
            EXPECT_EQ(placed.at(key).thread_id, placement.thread_id) << "key " << key;
        }
    }
}

}  // namespace
}  // namespace casefile::core
