#include "parsers/imap_data.hpp"

#include <gtest/gtest.h>

#include <string>

#include "parsers/imap_fetch.hpp"
#include "parsers/imap_reader.hpp"
#include "parsers/imap_search.hpp"

namespace casefile::parsers::imap {
namespace {

// The single response in `line`, which must parse.
Response read_one(std::string_view line) {
    ResponseReader reader;
    reader.feed(line);
    auto response = reader.next();
    EXPECT_TRUE(response) << reader.error();
    return response ? std::move(*response) : Response{};
}

TEST(ImapData, CapabilitiesFromDataAndCode) {
    auto caps = capabilities(read_one("* CAPABILITY IMAP4rev1 IDLE AUTH=PLAIN literal+\r\n"));
    ASSERT_TRUE(caps);
    EXPECT_TRUE(has_capability(*caps, "LITERAL+"));
    EXPECT_TRUE(has_capability(*caps, "auth=plain"));
    EXPECT_FALSE(has_capability(*caps, "AUTH"));
    caps = capabilities(read_one("A1 OK [CAPABILITY IMAP4rev1 MOVE] Logged in\r\n"));
    ASSERT_TRUE(caps);
    EXPECT_EQ(*caps, (std::vector<std::string>{"IMAP4rev1", "MOVE"}));
    EXPECT_FALSE(capabilities(read_one("* 3 EXISTS\r\n")));
}

TEST(ImapData, ListVariants) {
    auto entry = parse_list(read_one("* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n"));
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->name, "Sent Items");
    EXPECT_TRUE(entry->has_flag("\\SENT"));
    EXPECT_FALSE(entry->has_flag("\\Noselect"));

    entry = parse_list(read_one("* LIST () \"\\\\\" inbox\r\n"));
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->delimiter, '\\');
    EXPECT_EQ(entry->name, "INBOX");

    entry = parse_list(read_one("* LSUB () \".\" {8}\r\nA\r\nB \"C\\\r\n"));
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->name, "A\r\nB \"C\\");

    // RFC 5258 extended data after the name is ignored.
    entry = parse_list(
        read_one("* LIST (\\Subscribed) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n"));
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->name, "Foo");

    entry = parse_list(read_one("* LIST () \"/\" 2024\r\n"));
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->name, "2024");

    EXPECT_FALSE(parse_list(read_one("* LIST \"/\" INBOX\r\n")));
    EXPECT_FALSE(parse_list(read_one("* LIST () \"//\" INBOX\r\n")));
}

TEST(ImapData, StatusResponse) {
    auto status = parse_status(read_one(
        "* STATUS \"Sent Items\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 UNSEEN 0 "
        "HIGHESTMODSEQ 90060115205545359)\r\n"));
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_EQ(status->mailbox, "Sent Items");
    EXPECT_EQ(status->messages, 231u);
    EXPECT_EQ(status->uid_next, 44292u);
    EXPECT_EQ(status->uid_validity, 1u);
    EXPECT_EQ(status->unseen, 0u);
    EXPECT_EQ(status->highest_modseq, 90060115205545359u);
    EXPECT_FALSE(status->recent);
    EXPECT_FALSE(parse_status(read_one("* STATUS INBOX (MESSAGES 4294967296)\r\n")));
    EXPECT_FALSE(parse_status(read_one("* STATUS INBOX (MESSAGES)\r\n")));
}

TEST(ImapData, ResponseCodes) {
    const Response validity = read_one("* OK [UIDVALIDITY 4294967295] UIDs valid\r\n");
    EXPECT_EQ(uid_validity(validity), 4294967295u);
    EXPECT_FALSE(uid_next(validity));
    EXPECT_FALSE(uid_validity(read_one("* OK [UIDVALIDITY 4294967296] too big\r\n")));
    EXPECT_FALSE(uid_validity(read_one("* OK [UIDVALIDITY abc] not a number\r\n")));
    EXPECT_EQ(uid_next(read_one("* OK [UIDNEXT 4392] Predicted next UID\r\n")), 4392u);
    EXPECT_EQ(first_unseen(read_one("* OK [UNSEEN 12] first unseen\r\n")), 12u);

    const Response flags_code =
        read_one("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
    EXPECT_EQ(permanent_flags(flags_code),
              (std::vector<std::string>{"\\Deleted", "\\Seen", "\\*"}));

    const Response alert = read_one("* OK [ALERT] System shutdown in 10 minutes\r\n");
    EXPECT_TRUE(has_code(alert, "alert"));
    EXPECT_EQ(alert.text, "System shutdown in 10 minutes");

    // Unknown codes keep their raw text even when it is not IMAP syntax.
    const Response referral =
        read_one("A1 NO [REFERRAL imap://user;AUTH=*@srv/] \"try\" elsewhere\r\n");
    ASSERT_TRUE(referral.code);
    EXPECT_EQ(referral.code->name, "REFERRAL");
    EXPECT_EQ(referral.code->raw_arguments, "imap://user;AUTH=*@srv/");
    EXPECT_EQ(referral.text, "\"try\" elsewhere");

    // No space after ']' and no text at all are both seen in the wild.
    EXPECT_EQ(read_one("A2 OK [READ-ONLY]\r\n").code->name, "READ-ONLY");
    EXPECT_EQ(read_one("A3 OK [READ-WRITE]done\r\n").text, "done");
    EXPECT_EQ(read_one("A4 OK\r\n").text, "");
}

TEST(ImapData, FlagsResponse) {
    EXPECT_EQ(flags(read_one("* FLAGS (\\Answered $Forwarded)\r\n")),
              (std::vector<std::string>{"\\Answered", "$Forwarded"}));
    EXPECT_FALSE(flags(read_one("* 1 EXISTS\r\n")));
}

TEST(ImapData, FetchItemsAndErrors) {
    auto item = parse_fetch(read_one(
        "* 12 FETCH (FLAGS () UID 4827313 MODSEQ (624140003) RFC822.SIZE 44827 "
        "ENVELOPE (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) "
        "RFC822 {3}\r\nabc BINARY.SIZE[1] 3 BODY[1.2.MIME] NIL)\r\n"));
    ASSERT_TRUE(item) << item.error().message;
    EXPECT_EQ(item->sequence, 12u);
    EXPECT_EQ(item->uid, 4827313u);
    EXPECT_EQ(item->modseq, 624140003u);
    EXPECT_EQ(item->flags, std::vector<std::string>{});
    EXPECT_EQ(item->body()->bytes, "abc");
    EXPECT_FALSE(item->body("1.2.mime")->bytes);
    ASSERT_EQ(item->other_items.size(), 2u);
    EXPECT_EQ(item->other_items[0].first, "ENVELOPE");
    EXPECT_EQ(item->other_items[1].first, "BINARY.SIZE[1]");

    EXPECT_FALSE(parse_fetch(read_one("* 1 FETCH (UID)\r\n")));
    EXPECT_FALSE(parse_fetch(read_one("* 1 FETCH (UID abc)\r\n")));
    EXPECT_FALSE(parse_fetch(read_one("* 1 FETCH (UID 4294967296)\r\n")));
    EXPECT_FALSE(parse_fetch(read_one("* 1 FETCH (BODY[] (a))\r\n")));
    EXPECT_FALSE(parse_fetch(read_one("* 1 FETCH UID 1\r\n")));
    EXPECT_FALSE(parse_fetch(read_one("* 1 EXPUNGE\r\n")));
}

TEST(ImapData, SequenceSets) {
    auto ranges = parse_sequence_set("1:5,7,9:12");
    ASSERT_TRUE(ranges);
    EXPECT_EQ(*ranges, (std::vector<NumberRange>{{1, 5}, {7, 7}, {9, 12}}));
    EXPECT_EQ(*expand(*ranges), (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 7, 9, 10, 11, 12}));
    EXPECT_EQ(count(*ranges), 10u);
    EXPECT_EQ(*parse_sequence_set("12:9,3,4"), (std::vector<NumberRange>{{3, 4}, {9, 12}}));
    EXPECT_FALSE(parse_sequence_set("1:*"));
    EXPECT_FALSE(parse_sequence_set("0"));
    EXPECT_FALSE(parse_sequence_set("1,,2"));
    EXPECT_FALSE(parse_sequence_set("4294967296"));
    EXPECT_FALSE(parse_sequence_set(""));
    EXPECT_FALSE(expand(*parse_sequence_set("1:4294967295")));
}

TEST(ImapData, SearchAndEsearch) {
    auto search = parse_search(read_one("* SEARCH 9 2 3 4 7 (MODSEQ 917162500)\r\n"));
    ASSERT_TRUE(search) << search.error().message;
    EXPECT_EQ(search->matches, (std::vector<NumberRange>{{2, 4}, {7, 7}, {9, 9}}));
    EXPECT_EQ(search->modseq, 917162500u);
    EXPECT_TRUE(parse_search(read_one("* SEARCH\r\n"))->matches.empty());
    EXPECT_FALSE(parse_search(read_one("* SEARCH 1 x\r\n")));

    auto esearch = parse_search(
        read_one("* ESEARCH (TAG \"A283\") UID MIN 2 MAX 47 COUNT 5 ALL 2,10:11,40:47\r\n"));
    ASSERT_TRUE(esearch) << esearch.error().message;
    EXPECT_EQ(esearch->tag, "A283");
    EXPECT_TRUE(esearch->uid);
    EXPECT_EQ(esearch->min, 2u);
    EXPECT_EQ(esearch->max, 47u);
    EXPECT_EQ(esearch->count, 5u);
    EXPECT_EQ(esearch->matches, (std::vector<NumberRange>{{2, 2}, {10, 11}, {40, 47}}));
    // A single-number set comes back as a number token.
    EXPECT_EQ(parse_search(read_one("* ESEARCH UID ALL 7\r\n"))->matches,
              (std::vector<NumberRange>{{7, 7}}));
    EXPECT_TRUE(parse_search(read_one("* ESEARCH (TAG \"A1\") UID\r\n"))->matches.empty());
}

TEST(ImapData, Vanished) {
    auto vanished = parse_vanished(read_one("* VANISHED (EARLIER) 41,43:116,118\r\n"));
    ASSERT_TRUE(vanished) << vanished.error().message;
    EXPECT_TRUE(vanished->earlier);
    EXPECT_EQ(count(vanished->uids), 76u);
    EXPECT_FALSE(parse_vanished(read_one("* VANISHED 405\r\n"))->earlier);
}

}  // namespace
}  // namespace casefile::parsers::imap
