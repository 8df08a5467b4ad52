// A message of the test thread rooted at "root@acme.example" (or the root
// itself), for the classification tests: its own text is "deadline
// YYYY-MM-DD" when it states one, "Thanks." otherwise.
#pragma once

#include <cstdint>
#include <string>

#include "core/store_types.hpp"

namespace casefile::testing {

inline core::IncomingMessage thread_message(const std::string& id, std::int64_t date,
                                            const std::string& deadline) {
    core::IncomingMessage incoming;
    incoming.parsed.message_id = id + "@acme.example";
    if (id != "root") incoming.parsed.in_reply_to = "root@acme.example";
    incoming.parsed.subject = id == "root" ? "Q4 report" : "Re: Q4 report";
    incoming.parsed.from = core::Address{"Bob", "bob@acme.example"};
    incoming.parsed.date = core::Timestamp{date, 0};
    incoming.parsed.zones.own_text = deadline.empty() ? "Thanks." : "deadline " + deadline;
    incoming.raw = "Message-ID: <" + incoming.parsed.message_id + ">\r\n\r\n" +
                   incoming.parsed.zones.own_text + "\r\n";
    incoming.source = "test";
    return incoming;
}

}  // namespace casefile::testing
