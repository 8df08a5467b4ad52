#include "core/fetch_plan.hpp"

#include <algorithm>
#include <string>

namespace casefile::core {

std::vector<FetchBatch> plan_fetch(std::vector<UidSize> available, std::uint32_t high_water,
                                   const FetchLimits& limits) {
    std::erase_if(available, [&](const UidSize& item) { return item.uid <= high_water; });
    std::sort(available.begin(), available.end(),
              [](const UidSize& a, const UidSize& b) { return a.uid < b.uid; });
    available.erase(std::unique(available.begin(), available.end(),
                                [](const UidSize& a, const UidSize& b) { return a.uid == b.uid; }),
                    available.end());

    std::vector<FetchBatch> batches;
    FetchBatch current;
    std::uint64_t current_bytes = 0;
    auto close_batch = [&] {
        if (current.uids.empty() && current.oversized_uids.empty()) return;
        batches.push_back(std::move(current));
        current = FetchBatch{};
        current_bytes = 0;
    };
    for (const UidSize& item : available) {
        if (item.size > limits.max_message_bytes) {
            current.oversized_uids.push_back(item.uid);
        } else {
            const bool full = current.uids.size() >= limits.max_messages_per_batch ||
                              (!current.uids.empty() &&
                               current_bytes + item.size > limits.max_bytes_per_batch);
            if (full) close_batch();
            current.uids.push_back(item.uid);
            current_bytes += item.size;
        }
        current.highest_uid = item.uid;
    }
    close_batch();
    return batches;
}

std::string format_uid_set(const std::vector<std::uint32_t>& sorted_uids) {
    std::string text;
    std::size_t index = 0;
    while (index < sorted_uids.size()) {
        std::size_t run_end = index;
        while (run_end + 1 < sorted_uids.size() && sorted_uids[run_end + 1] == sorted_uids[run_end] + 1) {
            ++run_end;
        }
        if (!text.empty()) text.push_back(',');
        text += std::to_string(sorted_uids[index]);
        if (run_end > index) {
            text.push_back(':');
            text += std::to_string(sorted_uids[run_end]);
        }
        index = run_end + 1;
    }
    return text;
}

}  // namespace casefile::core
