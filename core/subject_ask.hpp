// The subject line as a place where the sender asks: "PLEASE SEND ME YOUR
// TIME ... BY NOON TUESDAY" or "READ THIS URGENT" may be the only ask a mail
// makes, its body a list or an attachment note. Only a subject the sender
// wrote counts: a reply or a forward carries the subject of someone else's
// mail, and an automatic reply or bounce repeats the subject it answers.
#pragma once

#include <string_view>

namespace casefile::core {

// The subject, trimmed, when its words are the sender's own; empty for a
// reply (has_reply_prefix), a forward ("Fw:", "Fwd:", "WG:", "TR:", after any
// "[list]" tags) and an automatic reply or delivery report ("Out of Office",
// "Automatic reply", "Undeliverable", "Delivery Status Notification",
// "Returned mail").
std::string_view subject_of_own_ask(std::string_view subject);

}  // namespace casefile::core
