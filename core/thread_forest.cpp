#include "core/thread_forest.hpp"

#include <cstdint>

namespace casefile::core {

ThreadForest::Index ThreadForest::add(std::string id) {
    ids_.push_back(std::move(id));
    messages_.push_back(none);
    parents_.push_back(none);
    return static_cast<Index>(ids_.size() - 1);
}

void ThreadForest::break_cycles(const std::function<bool(Index, Index)>& before) {
    enum : std::uint8_t { unseen, on_path, done };
    std::vector<std::uint8_t> state(size(), unseen);
    std::vector<Index> path;
    for (Index start = 0; start < static_cast<Index>(size()); ++start) {
        if (state[start] != unseen) {
            continue;
        }
        path.clear();
        Index at = start;
        while (at != none && state[at] == unseen) {
            state[at] = on_path;
            path.push_back(at);
            at = parents_[at];
        }
        if (at != none && state[at] == on_path) {
            // The walk came back to a container of its own path: the loop is
            // the path's tail from `at` onwards.
            std::size_t first = path.size() - 1;
            while (path[first] != at) {
                --first;
            }
            Index loser = path[first];
            for (std::size_t k = first + 1; k < path.size(); ++k) {
                if (before(path[k], loser)) {
                    loser = path[k];
                }
            }
            parents_[loser] = none;
        }
        for (const Index visited : path) {
            state[visited] = done;
        }
    }
}

std::vector<ThreadForest::Index> ThreadForest::top_down_order() const {
    const std::size_t n = size();
    // Children in compressed rows: child_start[p]..child_start[p+1] index
    // into `children`. Flat arrays keep 100,000 containers cheap to build.
    std::vector<std::size_t> child_start(n + 1, 0);
    for (std::size_t c = 0; c < n; ++c) {
        if (parents_[c] != none) {
            ++child_start[static_cast<std::size_t>(parents_[c]) + 1];
        }
    }
    for (std::size_t p = 0; p < n; ++p) {
        child_start[p + 1] += child_start[p];
    }
    std::vector<Index> children(child_start[n]);
    std::vector<std::size_t> fill(child_start.begin(), child_start.end() - 1);
    for (std::size_t c = 0; c < n; ++c) {
        if (parents_[c] != none) {
            children[fill[static_cast<std::size_t>(parents_[c])]++] = static_cast<Index>(c);
        }
    }
    std::vector<Index> order;
    order.reserve(n);
    for (std::size_t c = 0; c < n; ++c) {
        if (parents_[c] == none) {
            order.push_back(static_cast<Index>(c));
        }
    }
    for (std::size_t next = 0; next < order.size(); ++next) {
        const auto p = static_cast<std::size_t>(order[next]);
        order.insert(order.end(), children.begin() + static_cast<std::ptrdiff_t>(child_start[p]),
                     children.begin() + static_cast<std::ptrdiff_t>(child_start[p + 1]));
    }
    return order;
}

void ThreadForest::join_trees(const std::vector<std::pair<Index, Index>>& joins) {
    if (joins.empty()) {
        return;
    }
    std::vector<Index> root(size(), none);
    for (const Index c : top_down_order()) {
        root[c] = parents_[c] == none ? c : root[parents_[c]];
    }
    // Union-find over the trees' roots, so "same tree yet?" stays cheap while
    // joins merge trees. Path halving keeps find() iterative.
    std::vector<Index> group(size());
    for (std::size_t c = 0; c < size(); ++c) {
        group[c] = static_cast<Index>(c);
    }
    auto find = [&group](Index c) {
        while (group[c] != c) {
            group[c] = group[group[c]];
            c = group[c];
        }
        return c;
    };
    for (const auto& [child_root, new_parent] : joins) {
        const Index a = find(root[child_root]);
        const Index b = find(root[new_parent]);
        if (a == b || parents_[child_root] != none) {
            continue;
        }
        parents_[child_root] = new_parent;
        group[a] = b;
    }
}

ThreadForest::Resolved ThreadForest::resolve() const {
    Resolved resolved;
    resolved.root.assign(size(), none);
    resolved.message_parent.assign(size(), none);
    for (const Index c : top_down_order()) {
        const Index parent = parents_[c];
        if (parent == none) {
            resolved.root[c] = c;
            continue;
        }
        resolved.root[c] = resolved.root[parent];
        resolved.message_parent[c] =
            messages_[parent] != none ? parent : resolved.message_parent[parent];
    }
    return resolved;
}

}  // namespace casefile::core
