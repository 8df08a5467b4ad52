// Conversation threading after Jamie Zawinski's algorithm
// (https://www.jwz.org/doc/threading.html, also RFC 5256 §2.2 REFERENCES):
// Message-ID, In-Reply-To and References build a forest of containers, with
// placeholders for messages that are referred to but not stored; placeholders
// are then pruned away. A conservative subject fallback joins replies whose
// headers were lost. Pure: no I/O, deterministic, input order does not matter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casefile::core {

struct ThreadInput {
    std::int64_t key = 0;                 // the store's row id; unique
    std::string message_id;               // no angle brackets; may be empty (absent)
    std::string in_reply_to;              // may be empty
    std::vector<std::string> references;  // oldest first
    std::string subject;                  // decoded
    std::int64_t date_unix = 0;           // 0 when unknown
};

struct ThreadPlacement {
    std::int64_t key = 0;
    std::optional<std::int64_t> parent_key;  // the parent message after pruning; nullopt for a root
    std::string thread_id;                   // stable id shared by the whole thread
};

// One placement per input, in input order.
//
// Contract, beyond JWZ:
// - Ids are compared exactly, except that the domain part (after the last
//   '@') is lower-cased and surrounding whitespace or <> are dropped.
// - A message's parent is its In-Reply-To when present, else the last id of
//   References. The References chain (with an In-Reply-To it lacks added at
//   its end) also links each id under the one before it: "weak" links, where
//   the earliest message asserting one wins, and a message's own headers beat
//   what other messages say about it. A message whose own headers name no
//   parent still takes a weak link (JWZ would make it a root only when it
//   happens to be processed last; this keeps the answer order-independent).
// - A message that refers to itself is treated as not referring to itself;
//   link cycles (A refers to B, B refers to A) are cut where the earliest
//   message of the cycle would be re-parented, so it becomes the root.
// - A message without a Message-ID gets a synthetic one from its key.
// - The second (later, by date then key) message with an already used
//   Message-ID gets its own container; when its own headers give it no parent
//   it is placed beside the first copy: same parent_key, same thread.
// - parent_key is the nearest ancestor that is a stored message. Children of
//   a missing root (an empty container at root level) become roots of one
//   shared thread.
// - Subject fallback: a message that is a root by its headers, whose subject
//   has a reply prefix ("Re:", "AW:", "[list] Re[2]:", ...; never "Fwd:") and
//   whose base subject is not generic, becomes a child of the earliest message
//   with the same base subject dated at most 30 days before it (both dates
//   known). See core/thread_subject.hpp.
// - thread_id is "t" + the first 16 hex digits of SHA-256 of the id of the
//   thread's topmost container before pruning (a placeholder's id when the
//   root message is missing), so it does not change when that message, or
//   later replies, arrive and the set is threaded again.
// Runs in O(n log n) time and O(n) memory for n messages plus their
// references; reply chains of any depth are walked with loops, not recursion,
// so the stack depth does not grow with them.
std::vector<ThreadPlacement> thread_messages(const std::vector<ThreadInput>& messages);

// Message-ID as threading compares it: trimmed, angle brackets dropped, the
// domain part lower-cased. Empty when nothing usable remains.
std::string normalize_message_id(const std::string& raw);

}  // namespace casefile::core
