// A detected event (core/detect.hpp) as the store keeps it (NewEvent): the
// category and source by name, and a span that indexes the text the store
// holds, so that the stored text's span is exactly the evidence.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/detect.hpp"
#include "core/store_types.hpp"

namespace casefile::core {

// `subject_offset` is where the subject detection read (DetectInput::subject)
// starts within the Subject as stored; a subject event's span is moved by it,
// so it indexes messages.subject. Own-text spans are kept as they are.
NewEvent to_new_event(const Event& event, std::int64_t message_row, std::size_t subject_offset);

}  // namespace casefile::core
