#include "core/fetch_plan.hpp"

#include <algorithm>

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

}  // namespace casefile::core
