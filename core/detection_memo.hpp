// Detection worked out ahead of classification.
//
// Classification runs after a sync, in date order, because each message is
// read against its thread's deadline as the earlier messages left it. But
// detection itself is a pure function of ClassifyInput, and most of its input
// is known as soon as a message is parsed. So the sync's fetch worker - idle
// while the store writes the previous batch - runs the classifier under the
// context a message most likely has (the first of its thread unless it is a
// reply; no thread deadline yet) and remembers the answer here, keyed by the
// message's SHA-256. classify_pending takes the remembered events only when
// the real input turns out the same in every field (the subject included: an
// ask made only there is an event too), and runs detection again otherwise:
// the memo can make classification faster, never different. A message the
// sync stored with the memo (stored_as) is bound to its row: its stored text
// is the very text the events were worked out on, so it is not read back to
// be compared - only the context and the subject are.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/store_types.hpp"

namespace casefile::core {

class DetectionMemo {
  public:
    // At most `capacity` messages are remembered (~100 bytes each); the rest
    // are simply classified the ordinary way.
    explicit DetectionMemo(std::size_t capacity = 40000);

    // The context an incoming message most likely has when it is classified:
    // first in its thread unless it replies (In-Reply-To, References or a
    // reply prefix), and no thread deadline.
    static bool likely_first_in_thread(const ParsedMessage& parsed);

    // Classifies a message just parsed (its sha256 computed) under its
    // likely context and remembers the answer. Meant for a sync's or an
    // import's parse thread; does nothing without a SHA-256 or once full.
    void work_out(const IncomingMessage& message, const Classifier& classify);

    // Remembers what classifying `input` found for the message with raw
    // bytes hashing to `sha256` (hex). Safe to call from any thread.
    void remember(std::string_view sha256, const ClassifyInput& input,
                  std::vector<NewEvent> events);

    // The remembered events (their message_row set to input.message_row)
    // when `input` equals the remembered input in every field but the row.
    std::optional<std::vector<NewEvent>> recall(std::string_view sha256,
                                                const ClassifyInput& input) const;

    // The message with raw bytes hashing to `sha256` was stored as `row`, its
    // text exactly the parse the remembered events were worked out on.
    void stored_as(std::string_view sha256, std::int64_t row);

    // Like recall, for a message stored as `input.message_row` in this pass
    // (stored_as), whose text need not be read back: every field but the
    // own text must match (the subject too), the text being the row's own.
    std::optional<std::vector<NewEvent>> recall_stored(std::string_view sha256,
                                                       const ClassifyInput& input) const;

    std::size_t size() const;
    // How many recall() calls found a matching entry, and how many did not.
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }
    void clear();

  private:
    // Everything of a ClassifyInput but the row; the text and the subject
    // by hash and size (detection reads both).
    struct Fingerprint {
        std::uint64_t text_hash = 0;
        std::size_t text_size = 0;
        std::uint64_t subject_hash = 0;
        std::size_t subject_size = 0;
        std::optional<Timestamp> date;
        bool from_me = false;
        bool bulk = false;
        bool first_in_thread = false;
        std::string current_deadline;
        bool operator==(const Fingerprint&) const = default;
    };
    struct Entry {
        Fingerprint input;
        std::vector<NewEvent> events;
        std::int64_t row = 0;  // where it was stored in this pass; 0 before
    };
    std::optional<std::vector<NewEvent>> take(const Entry* entry, std::int64_t row) const;
    static Fingerprint fingerprint(const ClassifyInput& input);
    static std::uint64_t key_of(std::string_view sha256);

    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, Entry> entries_;
    mutable std::atomic<std::size_t> hits_{0}, misses_{0};
};

}  // namespace casefile::core
