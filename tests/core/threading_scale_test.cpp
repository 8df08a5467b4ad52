// Threading at mailbox scale: 100,000 messages, as one reply chain (deep) and
// as many small threads (wide). These assert the result, not the time; a
// quadratic step or a recursive walk shows up here as a timeout or a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>

#include "core/threading.hpp"

namespace casefile::core {
namespace {

constexpr int message_count = 100'000;
constexpr std::int64_t base_date = 1'700'000'000;

std::string id_of(int i) { return "m" + std::to_string(i) + "@chain.example"; }

// Message i answers i-1. References are trimmed the way real clients trim
// them (the first id and the last few), so the input stays linear in size.
std::vector<ThreadInput> deep_chain(bool with_dates) {
    std::vector<ThreadInput> inputs(message_count);
    for (int i = 0; i < message_count; ++i) {
        ThreadInput& input = inputs[static_cast<std::size_t>(i)];
        input.key = i + 1;
        input.message_id = id_of(i);
        input.subject = i == 0 ? "Long negotiation" : "Re: Long negotiation";
        input.date_unix = with_dates ? base_date + i * 60 : 0;
        if (i > 0) {
            input.in_reply_to = id_of(i - 1);
            input.references.push_back(id_of(0));
            for (int back = std::min(i - 1, 3); back >= 1; --back) {
                input.references.push_back(id_of(i - back));
            }
            input.references.push_back(id_of(i - 1));
        }
    }
    return inputs;
}

void expect_one_chain(const std::vector<ThreadInput>& inputs,
                      const std::vector<ThreadPlacement>& placements) {
    ASSERT_EQ(placements.size(), inputs.size());
    const std::string& thread = placements.front().thread_id;
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const std::int64_t key = inputs[i].key;
        // Keys start at 1, so 0 stands for "no parent" (comparing optionals
        // here trips g++ 12's -Wmaybe-uninitialized).
        const std::int64_t expected = key - 1;
        if (placements[i].key != key || placements[i].parent_key.value_or(0) != expected ||
            placements[i].thread_id != thread) {
            ++wrong;
        }
    }
    EXPECT_EQ(wrong, 0U);
}

TEST(ThreadingScale, HundredThousandDeepChain) {
    const auto inputs = deep_chain(true);
    expect_one_chain(inputs, thread_messages(inputs));
}

TEST(ThreadingScale, HundredThousandDeepChainReversedAndUndated) {
    auto inputs = deep_chain(false);
    std::reverse(inputs.begin(), inputs.end());
    expect_one_chain(inputs, thread_messages(inputs));
}

TEST(ThreadingScale, HundredThousandDeepLoopIsCut) {
    auto inputs = deep_chain(true);
    inputs.front().in_reply_to = id_of(message_count - 1);  // the first "answers" the last
    std::mt19937 random(7);
    std::shuffle(inputs.begin(), inputs.end(), random);
    expect_one_chain(inputs, thread_messages(inputs));
}

// 20,000 threads of five: a root, two replies to it, a reply to the first
// reply that lost its parent (only In-Reply-To to a missing message plus the
// root in References), and a header-less "Re:" found by subject. Shuffled.
TEST(ThreadingScale, HundredThousandWideSet) {
    constexpr int threads = message_count / 5;
    std::vector<ThreadInput> inputs;
    inputs.reserve(message_count);
    for (int t = 0; t < threads; ++t) {
        const std::string root = "root" + std::to_string(t) + "@wide.example";
        const std::string subject = "Order " + std::to_string(t) + " delivery";
        const std::int64_t date = base_date + static_cast<std::int64_t>(t) * 600;
        const std::int64_t key = static_cast<std::int64_t>(t) * 5 + 1;
        auto add = [&](std::int64_t offset, std::string id, std::string reply_to,
                       std::vector<std::string> references, std::string subject_text) {
            ThreadInput input;
            input.key = key + offset;
            input.message_id = std::move(id);
            input.in_reply_to = std::move(reply_to);
            input.references = std::move(references);
            input.subject = std::move(subject_text);
            input.date_unix = date + offset * 60;
            inputs.push_back(std::move(input));
        };
        const std::string reply = "r" + std::to_string(t) + "@wide.example";
        add(0, root, "", {}, subject);
        add(1, reply, root, {root}, "Re: " + subject);
        add(2, "s" + std::to_string(t) + "@wide.example", root, {root}, "Re: " + subject);
        add(3, "u" + std::to_string(t) + "@wide.example", "missing" + std::to_string(t) + "@x",
            {root}, "RE: " + subject);
        add(4, "", "", {}, "Re: " + subject);
    }
    std::mt19937 random(11);
    std::shuffle(inputs.begin(), inputs.end(), random);

    const auto placements = thread_messages(inputs);
    ASSERT_EQ(placements.size(), inputs.size());
    std::vector<std::string> thread_of_root(threads);
    for (std::size_t i = 0; i < placements.size(); ++i) {
        if ((placements[i].key - 1) % 5 == 0) {
            thread_of_root[static_cast<std::size_t>((placements[i].key - 1) / 5)] =
                placements[i].thread_id;
        }
    }
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const std::int64_t key = placements[i].key;
        const std::int64_t root_key = key - (key - 1) % 5;
        const std::int64_t expected = key == root_key ? 0 : root_key;
        const auto t = static_cast<std::size_t>((root_key - 1) / 5);
        if (key != inputs[i].key || placements[i].parent_key.value_or(0) != expected ||
            placements[i].thread_id != thread_of_root[t]) {
            ++wrong;
        }
    }
    EXPECT_EQ(wrong, 0U);
    const std::unordered_set<std::string> distinct(thread_of_root.begin(), thread_of_root.end());
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(threads));
}

TEST(ThreadingScale, ManySameSubjectRepliesStayFast) {
    // 100,000 header-less replies to one recurring subject, a minute apart:
    // every one has a candidate; each must be found by binary search.
    std::vector<ThreadInput> inputs(message_count);
    for (int i = 0; i < message_count; ++i) {
        ThreadInput& input = inputs[static_cast<std::size_t>(i)];
        input.key = i + 1;
        input.subject = i == 0 ? "Daily numbers" : "Re: Daily numbers";
        input.date_unix = base_date + i * 60;
    }
    const auto placements = thread_messages(inputs);
    std::size_t wrong = 0;
    for (std::size_t i = 1; i < placements.size(); ++i) {
        const std::int64_t minutes_window = 30 * 24 * 60;
        const std::int64_t expected_parent =
            std::max<std::int64_t>(1, placements[i].key - minutes_window);
        if (placements[i].parent_key != expected_parent ||
            placements[i].thread_id != placements[0].thread_id) {
            ++wrong;
        }
    }
    EXPECT_EQ(wrong, 0U);
}

}  // namespace
}  // namespace casefile::core
