#include "core/mailbox_selection.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

std::vector<std::string> names(const MailboxSelection& selection) {
    std::vector<std::string> result;
    for (const auto& choice : selection.folders) result.push_back(choice.name);
    return result;
}

TEST(MailboxSelection, ConfiguredFoldersAndTheSpecialUseSentFolder) {
    const std::vector<MailboxListing> gmail = {
        {"INBOX", {"\\HasNoChildren"}},
        {"[Gmail]", {"\\HasChildren", "\\Noselect"}},
        {"[Gmail]/All Mail", {"\\All", "\\HasNoChildren"}},
        {"[Gmail]/Sent Mail", {"\\HasNoChildren", "\\Sent"}},
        {"[Gmail]/Spam", {"\\Junk"}},
    };
    const auto selection = select_mailboxes({"INBOX", "Sent"}, gmail);
    EXPECT_EQ(names(selection), (std::vector<std::string>{"INBOX", "[Gmail]/Sent Mail"}));
    EXPECT_TRUE(selection.warnings.empty());
}

TEST(MailboxSelection, SentFolderIsReadEvenWhenNotConfigured) {
    const auto selection =
        select_mailboxes({"inbox"}, {{"INBOX", {}}, {"Sent Items", {"\\Sent"}}});
    EXPECT_EQ(names(selection), (std::vector<std::string>{"INBOX", "Sent Items"}));
}

TEST(MailboxSelection, AllMailOnlyWhenNamedAndMissingFoldersWarn) {
    const std::vector<MailboxListing> listing = {{"INBOX", {}}, {"[Gmail]/All Mail", {"\\All"}}};
    EXPECT_EQ(names(select_mailboxes({"INBOX"}, listing)), std::vector<std::string>{"INBOX"});
    EXPECT_EQ(names(select_mailboxes({"[Gmail]/All Mail"}, listing)),
              std::vector<std::string>{"[Gmail]/All Mail"});
    const auto missing = select_mailboxes({"INBOX", "Clients/Acme"}, listing);
    ASSERT_EQ(missing.warnings.size(), 1u);
    EXPECT_NE(missing.warnings[0].find("Clients/Acme"), std::string::npos);
}

TEST(MailboxSelection, NoSelectFoldersAndDuplicatesAreSkipped) {
    const auto selection = select_mailboxes(
        {"INBOX", "INBOX", "Archive"}, {{"INBOX", {}}, {"Archive", {"\\Noselect"}}});
    EXPECT_EQ(names(selection), std::vector<std::string>{"INBOX"});
    EXPECT_EQ(selection.warnings.size(), 1u);
}

}  // namespace
}  // namespace casefile::core
