#include "core/detection_memo.hpp"

#include <functional>

#include "core/thread_subject.hpp"

namespace casefile::core {

DetectionMemo::DetectionMemo(std::size_t capacity) : capacity_(capacity) {}

bool DetectionMemo::likely_first_in_thread(const ParsedMessage& parsed) {
    return parsed.in_reply_to.empty() && parsed.references.empty() &&
           !has_reply_prefix(parsed.subject);
}

DetectionMemo::Fingerprint DetectionMemo::fingerprint(const ClassifyInput& input) {
    Fingerprint print;
    print.text_hash = std::hash<std::string_view>{}(input.own_text);
    print.text_size = input.own_text.size();
    print.subject_hash = std::hash<std::string_view>{}(input.subject);
    print.subject_size = input.subject.size();
    print.date = input.date;
    print.from_me = input.from_me;
    print.bulk = input.bulk;
    print.first_in_thread = input.first_in_thread;
    print.current_deadline = input.current_deadline;
    return print;
}

// The first 64 bits of the SHA-256. Two messages sharing them would also need
// the same fingerprint (a 64-bit hash of the same-sized text) to be confused.
std::uint64_t DetectionMemo::key_of(std::string_view sha256) {
    std::uint64_t key = 0;
    for (std::size_t index = 0; index < 16 && index < sha256.size(); ++index) {
        const char digit = sha256[index];
        const unsigned value = digit >= '0' && digit <= '9'   ? digit - '0'
                               : digit >= 'a' && digit <= 'f' ? digit - 'a' + 10
                               : digit >= 'A' && digit <= 'F' ? digit - 'A' + 10
                                                              : 0;
        key = key << 4 | value;
    }
    return key;
}

void DetectionMemo::work_out(const IncomingMessage& message, const Classifier& classify) {
    if (message.sha256.empty()) return;
    {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= capacity_) return;
    }
    ClassifyInput input;
    input.own_text = message.parsed.zones.own_text;
    input.subject = message.parsed.subject;  // as the store keeps it (messages.subject)
    input.date = message.parsed.date;
    input.from_me = message.from_me;
    input.bulk = message.parsed.bulk;
    input.first_in_thread = likely_first_in_thread(message.parsed);
    remember(message.sha256, input, classify(input));
}

void DetectionMemo::remember(std::string_view sha256, const ClassifyInput& input,
                             std::vector<NewEvent> events) {
    Entry entry{fingerprint(input), std::move(events)};
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) return;
    entries_.insert_or_assign(key_of(sha256), std::move(entry));
}

// Counts the answer; the events of `entry` (null: no match) for `row`.
std::optional<std::vector<NewEvent>> DetectionMemo::take(const Entry* entry, std::int64_t row) const {
    if (entry == nullptr) {
        ++misses_;
        return std::nullopt;
    }
    ++hits_;
    std::vector<NewEvent> events = entry->events;
    for (NewEvent& event : events) event.message_row = row;
    return events;
}

std::optional<std::vector<NewEvent>> DetectionMemo::recall(std::string_view sha256,
                                                           const ClassifyInput& input) const {
    const Fingerprint wanted = fingerprint(input);
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(key_of(sha256));
    const bool same = found != entries_.end() && found->second.input == wanted;
    return take(same ? &found->second : nullptr, input.message_row);
}

void DetectionMemo::stored_as(std::string_view sha256, std::int64_t row) {
    std::lock_guard lock(mutex_);
    if (const auto found = entries_.find(key_of(sha256)); found != entries_.end()) found->second.row = row;
}

std::optional<std::vector<NewEvent>> DetectionMemo::recall_stored(std::string_view sha256,
                                                                  const ClassifyInput& input) const {
    Fingerprint wanted = fingerprint(input);
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(key_of(sha256));
    bool same = false;
    if (found != entries_.end() && found->second.row != 0 && found->second.row == input.message_row) {
        wanted.text_hash = found->second.input.text_hash;  // the row's text is the entry's
        wanted.text_size = found->second.input.text_size;
        same = found->second.input == wanted;
    }
    // Not counted as a miss: the caller reads the text and asks recall().
    if (!same) return std::nullopt;
    return take(&found->second, input.message_row);
}

std::size_t DetectionMemo::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void DetectionMemo::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

}  // namespace casefile::core
