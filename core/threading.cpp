#include "core/threading.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/sha256.hpp"
#include "core/thread_forest.hpp"
#include "core/thread_subject.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t subject_window_seconds = 30LL * 24 * 60 * 60;

// normalize_message_id() into a buffer the caller reuses: References lists
// make this the hottest loop, and most ids fit no small-string buffer.
void normalize_message_id_into(std::string_view id, std::string& out) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!id.empty() && is_space(id.front())) {
        id.remove_prefix(1);
    }
    while (!id.empty() && is_space(id.back())) {
        id.remove_suffix(1);
    }
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') {
        id = id.substr(1, id.size() - 2);
    }
    out.assign(id);
    // RFC 5322 §3.6.4: the local part is case-sensitive; the domain is not.
    if (const std::size_t at = out.rfind('@'); at != std::string::npos) {
        for (std::size_t i = at + 1; i < out.size(); ++i) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = static_cast<char>(out[i] - 'A' + 'a');
            }
        }
    }
}

// Builds the container forest. Every decision is taken in one canonical order
// of the messages (known dates first, then date, id, key), never in input
// order: that is what makes threading a shuffled set give the same answer.
class ThreadBuilder {
  public:
    explicit ThreadBuilder(const std::vector<ThreadInput>& messages) : messages_(messages) {}

    std::vector<ThreadPlacement> run() {
        sort_canonically();
        create_message_containers();
        link_references();
        choose_parents();
        forest_.break_cycles([this](Index a, Index b) { return ranks_before(a, b); });
        join_by_subject();
        return placements();
    }

  private:
    using Index = ThreadForest::Index;
    static constexpr Index none = ThreadForest::none;

    void sort_canonically() {
        const std::size_t n = messages_.size();
        ids_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            ids_[i] = normalize_message_id(messages_[i].message_id);
        }
        // Sorted as compact keys: comparing through the (large) inputs in
        // random order costs more in cache misses than the sort itself.
        // Unknown dates sort last: they must not decide who came first.
        struct SortKey {
            bool unknown_date;
            std::int64_t date;
            const std::string* id;
            std::int64_t key;
            Index message;
            bool operator<(const SortKey& other) const {
                return std::tie(unknown_date, date, *id, key) <
                       std::tie(other.unknown_date, other.date, *other.id, other.key);
            }
        };
        std::vector<SortKey> keys(n);
        for (std::size_t i = 0; i < n; ++i) {
            const ThreadInput& message = messages_[i];
            keys[i] = {message.date_unix == 0, message.date_unix, &ids_[i], message.key,
                       static_cast<Index>(i)};
        }
        std::sort(keys.begin(), keys.end());
        order_.resize(n);
        for (std::size_t position = 0; position < n; ++position) {
            order_[position] = keys[position].message;
        }
        rank_.resize(n);
        for (std::size_t position = 0; position < n; ++position) {
            rank_[order_[position]] = static_cast<Index>(position);
        }
    }

    // JWZ step 1A. The first copy of an id (in canonical order) owns the id's
    // container; a later copy gets a container of its own, as JWZ advises,
    // so neither message is lost.
    void create_message_containers() {
        container_of_.resize(messages_.size());
        by_id_.reserve(messages_.size() * 2);
        for (const Index i : order_) {
            const std::string& id = ids_[i];
            const std::string key_text = std::to_string(messages_[i].key);
            Index container = none;
            if (id.empty()) {
                // '<' cannot occur in a normalized id, so synthetic ids never
                // collide with real ones or get found through References.
                container = forest_.add("<no-id>" + key_text);
            } else if (const auto found = by_id_.find(id); found == by_id_.end()) {
                container = forest_.add(id);
                by_id_.emplace(id, container);
            } else if (forest_.message(found->second) == none) {
                container = found->second;
            } else {
                container = forest_.add("<copy>" + key_text);
                copy_owner_.resize(forest_.size(), none);
                copy_owner_[container] = found->second;
            }
            forest_.set_message(container, i);
            container_of_[i] = container;
        }
    }

    Index copy_owner(Index container) const {
        return static_cast<std::size_t>(container) < copy_owner_.size() ? copy_owner_[container]
                                                                        : none;
    }

    Index container_for(const std::string& id) {
        if (const auto found = by_id_.find(id); found != by_id_.end()) {
            return found->second;
        }
        const Index container = forest_.add(id);  // a placeholder (JWZ "empty container")
        by_id_.emplace(id, container);
        return container;
    }

    // JWZ steps 1B and 1C, without linking yet: collect each container's own
    // parent (from its message's headers) and its weak parent (from other
    // messages' References). Loops are cut afterwards in one linear pass,
    // which is both order-independent and free of per-link ancestor walks.
    void link_references() {
        own_parent_.assign(forest_.size(), none);
        weak_parent_.assign(forest_.size(), none);
        std::vector<Index> chain;
        std::string id;
        std::string reply_to;
        for (const Index i : order_) {
            const ThreadInput& message = messages_[i];
            const std::string& own_id = ids_[i];
            chain.clear();
            for (const std::string& reference : message.references) {
                normalize_message_id_into(reference, id);
                // A reference to oneself is a client bug, not a parent.
                if (id.empty() || id == own_id) {
                    continue;
                }
                const Index container = container_for(id);
                if (chain.empty() || chain.back() != container) {
                    chain.push_back(container);
                }
            }
            Index parent = chain.empty() ? none : chain.back();
            normalize_message_id_into(message.in_reply_to, reply_to);
            if (!reply_to.empty() && reply_to != own_id) {
                // In-Reply-To names the one message replied to; Outlook and
                // some mobile clients send it alone or with References that
                // stop short, so it wins over References' last id.
                parent = container_for(reply_to);
                if (std::find(chain.begin(), chain.end(), parent) == chain.end()) {
                    chain.push_back(parent);
                }
            }
            grow(forest_.size());
            for (std::size_t k = 1; k < chain.size(); ++k) {
                if (weak_parent_[chain[k]] == none) {
                    weak_parent_[chain[k]] = chain[k - 1];
                }
            }
            own_parent_[container_of_[i]] = parent;
        }
    }

    void grow(std::size_t size) {
        own_parent_.resize(size, none);
        weak_parent_.resize(size, none);
    }

    void choose_parents() {
        for (Index c = 0; c < static_cast<Index>(forest_.size()); ++c) {
            const bool has_message = forest_.message(c) != none;
            Index parent = has_message && own_parent_[c] != none ? own_parent_[c] : weak_parent_[c];
            if (parent == none) {
                if (const Index owner = copy_owner(c); owner != none) {
                    // Kept under its first copy for now; placements() moves it
                    // beside that copy. A copy has no children, so no loop.
                    parent = owner;
                    copies_beside_owner_.push_back(c);
                }
            }
            forest_.set_parent(c, parent);
        }
    }

    // Which container of a loop gives up its parent: the earliest message
    // (most likely the conversation's start), else the smallest placeholder id.
    bool ranks_before(Index a, Index b) const {
        const Index message_a = forest_.message(a);
        const Index message_b = forest_.message(b);
        if ((message_a == none) != (message_b == none)) {
            return message_a != none;
        }
        if (message_a != none) {
            return rank_[message_a] < rank_[message_b];
        }
        return forest_.id(a) < forest_.id(b);
    }

    // JWZ step 5, narrowed: only a message that is a root by its own headers
    // and whose subject says it is a reply may join, and only a thread that
    // started with the same base subject at most 30 days earlier.
    void join_by_subject() {
        std::unordered_map<std::string, std::vector<Index>> by_subject;
        std::vector<bool> reply(messages_.size(), false);
        for (const Index i : order_) {  // canonical order keeps each group sorted
            const ThreadInput& message = messages_[i];
            if (message.date_unix == 0 || copy_owner(container_of_[i]) != none) {
                continue;
            }
            std::string base = normalize_subject(message.subject);
            if (is_generic_subject(base)) {
                continue;
            }
            reply[i] = has_reply_prefix(message.subject);
            by_subject[std::move(base)].push_back(i);
        }
        std::vector<std::pair<Index, Index>> joins;  // (message, earlier message)
        for (const auto& [base, group] : by_subject) {
            for (std::size_t position = 1; position < group.size(); ++position) {
                const Index i = group[position];
                if (!reply[i] || forest_.parent(container_of_[i]) != none) {
                    continue;
                }
                const std::int64_t earliest = messages_[i].date_unix - subject_window_seconds;
                const auto first = std::lower_bound(
                    group.begin(), group.begin() + static_cast<std::ptrdiff_t>(position), earliest,
                    [this](Index m, std::int64_t date) { return messages_[m].date_unix < date; });
                if (first != group.begin() + static_cast<std::ptrdiff_t>(position)) {
                    joins.emplace_back(i, *first);
                }
            }
        }
        // Applied in canonical order, so which of two crossing joins is
        // refused (it would close a loop) never depends on input order.
        std::sort(joins.begin(), joins.end(),
                  [this](const auto& a, const auto& b) { return rank_[a.first] < rank_[b.first]; });
        for (auto& [message, earlier] : joins) {
            message = container_of_[message];
            earlier = container_of_[earlier];
        }
        forest_.join_trees(joins);
    }

    std::vector<ThreadPlacement> placements() {
        const ThreadForest::Resolved resolved = forest_.resolve();
        std::vector<std::optional<std::string>> thread_ids(forest_.size());
        auto parent_key = [&](Index container) -> std::optional<std::int64_t> {
            const Index parent = resolved.message_parent[container];
            if (parent == none) {
                return std::nullopt;
            }
            return messages_[forest_.message(parent)].key;
        };
        std::vector<ThreadPlacement> out(messages_.size());
        for (std::size_t i = 0; i < messages_.size(); ++i) {
            const Index container = container_of_[i];
            const Index root = resolved.root[container];
            if (!thread_ids[root]) {
                thread_ids[root] = "t" + sha256_hex(forest_.id(root)).substr(0, 16);
            }
            out[i].key = messages_[i].key;
            out[i].parent_key = parent_key(container);
            out[i].thread_id = *thread_ids[root];
        }
        for (const Index copy : copies_beside_owner_) {
            const Index owner = copy_owner(copy);
            out[forest_.message(copy)].parent_key = parent_key(owner);
        }
        return out;
    }

    const std::vector<ThreadInput>& messages_;
    std::vector<std::string> ids_;     // normalized Message-ID per message
    std::vector<Index> order_;         // message indices in canonical order
    std::vector<Index> rank_;          // position of each message in order_
    std::vector<Index> container_of_;  // message -> its container
    std::unordered_map<std::string, Index> by_id_;
    std::vector<Index> copy_owner_;  // later copy -> first copy's container, else none
    std::vector<Index> copies_beside_owner_;
    std::vector<Index> own_parent_;
    std::vector<Index> weak_parent_;
    ThreadForest forest_;
};

}  // namespace

std::string normalize_message_id(const std::string& raw) {
    std::string out;
    normalize_message_id_into(raw, out);
    return out;
}

std::vector<ThreadPlacement> thread_messages(const std::vector<ThreadInput>& messages) {
    return ThreadBuilder(messages).run();
}

}  // namespace casefile::core
