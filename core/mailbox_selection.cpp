#include "core/mailbox_selection.hpp"

#include <algorithm>

namespace casefile::core {
namespace {

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

bool has_flag(const MailboxListing& mailbox, std::string_view flag) {
    return std::any_of(mailbox.flags.begin(), mailbox.flags.end(),
                       [&](const std::string& item) { return equals_ignoring_ascii_case(item, flag); });
}

bool selectable(const MailboxListing& mailbox) {
    return !has_flag(mailbox, "\\Noselect") && !has_flag(mailbox, "\\NonExistent");
}

// RFC 3501 §5.1: INBOX is case-insensitive; every other name is exact.
bool same_mailbox(std::string_view configured, std::string_view listed) {
    if (equals_ignoring_ascii_case(configured, "INBOX")) {
        return equals_ignoring_ascii_case(listed, "INBOX");
    }
    return configured == listed;
}

}  // namespace

MailboxSelection select_mailboxes(const std::vector<std::string>& configured,
                                  const std::vector<MailboxListing>& listing) {
    MailboxSelection selection;
    auto already_chosen = [&](const std::string& name) {
        return std::any_of(selection.folders.begin(), selection.folders.end(),
                           [&](const MailboxChoice& choice) { return choice.name == name; });
    };
    const auto sent = std::find_if(listing.begin(), listing.end(), [](const MailboxListing& mailbox) {
        return has_flag(mailbox, "\\Sent") && selectable(mailbox);
    });

    for (const std::string& wanted : configured) {
        const auto found = std::find_if(listing.begin(), listing.end(), [&](const MailboxListing& mailbox) {
            return same_mailbox(wanted, mailbox.name);
        });
        if (found != listing.end() && selectable(*found)) {
            if (!already_chosen(found->name)) selection.folders.push_back({found->name, "configured"});
        } else if (equals_ignoring_ascii_case(wanted, "Sent") && sent != listing.end()) {
            // Servers name it "Sent Items", "Sent Messages", "[Gmail]/Sent Mail"...
            if (!already_chosen(sent->name)) {
                selection.folders.push_back({sent->name, "special-use \\Sent"});
            }
        } else {
            selection.warnings.push_back("the server has no folder named \"" + wanted +
                                         "\"; check `folders` in the config");
        }
    }
    // The VA's own replies are half the record: always read the \Sent folder.
    if (sent != listing.end() && !already_chosen(sent->name)) {
        selection.folders.push_back({sent->name, "special-use \\Sent"});
    }
    return selection;
}

}  // namespace casefile::core
