// The container forest behind core/threading.hpp (JWZ's "Container" objects),
// stored as flat arrays indexed by container number rather than as linked
// nodes: threads can be 100,000 replies deep, and every walk over them here
// is an explicit loop, never recursion, so the stack depth stays constant.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace casefile::core {

class ThreadForest {
  public:
    using Index = std::int32_t;
    static constexpr Index none = -1;

    // Adds a container for `id` (a Message-ID, a placeholder's id, or a
    // synthetic one), with no message and no parent. Returns its index.
    Index add(std::string id);

    std::size_t size() const { return ids_.size(); }
    const std::string& id(Index container) const { return ids_[container]; }
    Index message(Index container) const { return messages_[container]; }
    Index parent(Index container) const { return parents_[container]; }

    void set_message(Index container, Index message) { messages_[container] = message; }
    // May form loops; break_cycles() removes them before anything walks up.
    void set_parent(Index container, Index parent) { parents_[container] = parent; }

    // Every container has at most one parent, so the parent links form a
    // functional graph: each loop is found once, in O(n) total. Of each loop,
    // the container that `before` ranks first loses its parent and becomes a
    // root. After this call the links form a forest.
    void break_cycles(const std::function<bool(Index, Index)>& before);

    // Each pair is (root container, container in another tree): the root is
    // linked under the other container, in the order given. A pair whose two
    // containers are (by then) in the same tree is skipped, since linking it
    // would close a loop. REQUIRES: a forest (break_cycles ran).
    void join_trees(const std::vector<std::pair<Index, Index>>& joins);

    struct Resolved {
        std::vector<Index> root;            // topmost container of each container's tree
        std::vector<Index> message_parent;  // nearest ancestor holding a message, or none
    };
    // JWZ step 4 (prune empty containers), expressed as what it leaves: each
    // container's nearest ancestor that holds a message, so a placeholder's
    // children are promoted to the placeholder's parent, and the children of a
    // placeholder root become roots themselves, still sharing that root's
    // tree. REQUIRES: a forest.
    Resolved resolve() const;

  private:
    // Containers in breadth-first order from the roots: parents come before
    // their children, which lets one forward pass carry values downwards.
    std::vector<Index> top_down_order() const;

    std::vector<std::string> ids_;
    std::vector<Index> messages_;
    std::vector<Index> parents_;
};

}  // namespace casefile::core
