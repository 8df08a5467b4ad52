// Which server folders a sync reads: the configured ones, the folder the
// server marks \Sent (RFC 6154) even when the VA wrote "Sent" and the server
// calls it "Sent Items", and never Gmail's "All Mail" unless asked for by name.
#pragma once

#include <string>
#include <vector>

namespace casefile::core {

struct MailboxListing {
    std::string name;                // decoded to UTF-8
    std::vector<std::string> flags;  // e.g. "\\Sent", "\\Noselect", "\\HasNoChildren"
};

struct MailboxChoice {
    std::string name;    // as listed by the server
    std::string reason;  // "configured", "special-use \\Sent"
};

struct MailboxSelection {
    std::vector<MailboxChoice> folders;
    std::vector<std::string> warnings;  // e.g. a configured folder the server does not have
};

MailboxSelection select_mailboxes(const std::vector<std::string>& configured,
                                  const std::vector<MailboxListing>& listing);

}  // namespace casefile::core
