// The JSON of a message's parts as `casefile parse --json` and an export's
// case.json both write them (README documents the fields): one writer, so the
// two can never drift apart.
#pragma once

#include <vector>

#include "core/json_writer.hpp"
#include "core/message.hpp"

namespace casefile::core {

// {"name": ..., "address": ...}
void write_address(JsonWriter& out, const Address& address);
// [{"name": ..., "address": ...}, ...]
void write_addresses(JsonWriter& out, const std::vector<Address>& addresses);
// [{"filename", "content_type", "size", "sha256"}, ...]
void write_attachments(JsonWriter& out, const std::vector<Attachment>& attachments);

}  // namespace casefile::core
