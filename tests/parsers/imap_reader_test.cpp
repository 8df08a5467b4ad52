#include "parsers/imap_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/imap_data.hpp"
#include "parsers/imap_fetch.hpp"
#include "parsers/imap_search.hpp"

namespace casefile::parsers::imap {
namespace {

using namespace std::string_literals;

// Message bodies chosen to break a reader that is not literal-aware: lines
// that look like the end of the FETCH, a tagged OK or a BYE; CRLF.CRLF;
// NUL and 8-bit bytes; a line that ends in a literal marker.
const std::string kBody1 =
    "From: Bob <bob@acme.example>\r\nSubject: Scope\r\n\r\nCan you also do the logo?\r\n";
const std::string kBody2 =
    "From: Bob <bob@acme.example>\r\nSubject: tricky\r\n\r\n"
    ")\r\nA0006 OK Fetch completed.\r\n* BYE server shutting down\r\n"
    "\r\n.\r\n"
    "* 9 FETCH (BODY[] {12}\r\n";
const std::string kBody3 = "Subject: bin\r\n\r\nnul:\0: latin1:\xE9\xFC\xFF: end"s;

std::string fetch(int sequence, const std::string& body) {
    return "* " + std::to_string(sequence) + " FETCH (UID " + std::to_string(sequence) +
           " RFC822.SIZE " + std::to_string(body.size()) +
           " INTERNALDATE \"01-Dec-2025 09:14:00 -0600\" BODY[] {" + std::to_string(body.size()) +
           "}\r\n" + body + ")\r\n";
}

// A Dovecot 2.3 session as the server sends it: greeting, CAPABILITY,
// LOGIN, LIST, EXAMINE, UID SEARCH, a pipelined UID FETCH, IDLE, errors,
// LOGOUT.
const std::string kTranscript =
    "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ "
    "AUTH=PLAIN] Dovecot (Debian) ready.\r\n"
    "* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN\r\n"
    "A0001 OK Pre-login capabilities listed, post-login capabilities have more.\r\n"
    "A0002 OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE SORT CHILDREN NAMESPACE UIDPLUS "
    "LIST-EXTENDED CONDSTORE QRESYNC ESEARCH BINARY MOVE LITERAL+ SPECIAL-USE] Logged in\r\n"
    "* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
    "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n"
    "* LIST (\\HasNoChildren \\Drafts) \"/\" \"Entw&APw-rfe\"\r\n"
    "* LIST (\\HasNoChildren) \"/\" {20}\r\nMail \"quoted\" \\ name\r\n"
    "* LIST (\\Noselect \\HasChildren) \"/\" \"[Gmail]\"\r\n"
    "* LIST (\\HasNoChildren \\All) \"/\" \"[Gmail]/All Mail\"\r\n"
    "A0003 OK List completed (0.001 + 0.000 secs).\r\n"
    "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
    "* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"
    "* 3 EXISTS\r\n"
    "* 0 RECENT\r\n"
    "* OK [UIDVALIDITY 1733066040] UIDs valid\r\n"
    "* OK [UIDNEXT 4] Predicted next UID\r\n"
    "* OK [HIGHESTMODSEQ 7] Highest\r\n"
    "A0004 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).\r\n"
    "* SEARCH 1 2 3\r\n"
    "A0005 OK Search completed (0.001 + 0.000 secs).\r\n"
    "* ESEARCH (TAG \"A0006\") UID COUNT 3 ALL 1:3\r\n"
    "A0006 OK Search completed (0.001 + 0.000 secs).\r\n" +
    fetch(1, kBody1) + fetch(2, kBody2) + fetch(3, kBody3) +
    "* 3 FETCH (UID 3 FLAGS (\\Seen $Label1) BODY[HEADER.FIELDS (FROM SUBJECT)] {14}\r\n"
    "Subject: bin\r\n BODY[]<0> {0}\r\n BINARY[1] ~{3}\r\na\0b BODY[TEXT] NIL"
    " RFC822.HEADER {5+}\r\nH\r\n\r\n)\r\n"s
    "A0007 OK Fetch completed (0.002 + 0.000 secs).\r\n"
    "+ idling\r\n"
    "* 4 EXISTS\r\n"
    "* 1 RECENT\r\n"
    "A0008 OK Idle completed (0.001 + 2.345 secs).\r\n"
    "* STATUS Sent (MESSAGES 12 UIDNEXT 13 UIDVALIDITY 1733066041 UNSEEN 0)\r\n"
    "A0009 NO [NONEXISTENT] Mailbox doesn't exist: Nope (0.001 + 0.000 secs).\r\n"
    "A0010 BAD Error in IMAP command UID: Invalid arguments.\r\n"
    "* BYE Logging out\r\n"
    "A0011 OK Logout completed (0.001 + 0.000 secs).\r\n";

constexpr std::size_t kTranscriptResponses = 37;

std::vector<Response> drain(ResponseReader& reader) {
    std::vector<Response> responses;
    while (auto response = reader.next()) responses.push_back(std::move(*response));
    return responses;
}

std::vector<Response> read_in_chunks(std::string_view input, std::size_t chunk) {
    ResponseReader reader;
    std::vector<Response> responses;
    for (std::size_t offset = 0; offset < input.size(); offset += chunk) {
        reader.feed(input.substr(offset, chunk));
        for (Response& response : drain(reader)) responses.push_back(std::move(response));
    }
    EXPECT_FALSE(reader.failed()) << reader.error();
    EXPECT_EQ(reader.buffered_bytes(), 0u);
    return responses;
}

TEST(ImapReader, DovecotTranscriptAtOnce) {
    const std::vector<Response> responses = read_in_chunks(kTranscript, kTranscript.size());
    ASSERT_EQ(responses.size(), kTranscriptResponses);

    EXPECT_EQ(responses[0].kind, ResponseKind::Untagged);
    EXPECT_EQ(responses[0].status, Status::Ok);
    EXPECT_EQ(responses[0].text, "Dovecot (Debian) ready.");
    ASSERT_TRUE(capabilities(responses[0]));
    EXPECT_TRUE(has_capability(*capabilities(responses[0]), "literal+"));
    EXPECT_TRUE(has_capability(*capabilities(responses[1]), "IDLE"));
    EXPECT_EQ(responses[2].tag, "A0001");
    EXPECT_TRUE(has_capability(*capabilities(responses[3]), "SPECIAL-USE"));
    EXPECT_EQ(responses[3].text, "Logged in");

    auto sent = parse_list(responses[5]);
    ASSERT_TRUE(sent) << sent.error().message;
    EXPECT_TRUE(sent->has_flag("\\sent"));
    EXPECT_EQ(sent->name, "Sent");
    EXPECT_EQ(sent->delimiter, '/');
    EXPECT_EQ(parse_list(responses[6])->name, "Entw&APw-rfe");
    EXPECT_EQ(parse_list(responses[7])->name, "Mail \"quoted\" \\ name");
    EXPECT_TRUE(parse_list(responses[8])->has_flag("\\Noselect"));
    EXPECT_EQ(parse_list(responses[9])->name, "[Gmail]/All Mail");

    EXPECT_EQ(flags(responses[11])->size(), 5u);
    EXPECT_EQ(permanent_flags(responses[12]), std::vector<std::string>{});
    EXPECT_EQ(responses[13].number, 3u);
    EXPECT_EQ(responses[13].name, "EXISTS");
    EXPECT_EQ(uid_validity(responses[15]), 1733066040u);
    EXPECT_EQ(uid_next(responses[16]), 4u);
    EXPECT_EQ(highest_modseq(responses[17]), 7u);
    EXPECT_TRUE(has_code(responses[18], "READ-ONLY"));
    EXPECT_EQ(parse_search(responses[19])->matches, (std::vector<NumberRange>{{1, 3}}));
    EXPECT_EQ(parse_search(responses[21])->count, 3u);

    const std::string* bodies[] = {&kBody1, &kBody2, &kBody3};
    for (std::size_t i = 0; i < 3; ++i) {
        auto item = parse_fetch(responses[23 + i]);
        ASSERT_TRUE(item) << item.error().message;
        EXPECT_EQ(item->uid, i + 1);
        EXPECT_EQ(item->rfc822_size, bodies[i]->size());
        EXPECT_EQ(item->internal_date, "01-Dec-2025 09:14:00 -0600");
        ASSERT_NE(item->body(), nullptr);
        EXPECT_EQ(item->body()->bytes, *bodies[i]);
    }
    auto parts = parse_fetch(responses[26]);
    ASSERT_TRUE(parts) << parts.error().message;
    EXPECT_EQ(parts->flags, (std::vector<std::string>{"\\Seen", "$Label1"}));
    EXPECT_EQ(parts->body("header.fields (from subject)")->bytes, "Subject: bin\r\n");
    EXPECT_EQ(parts->body("")->bytes, "");
    EXPECT_EQ(parts->body("")->origin, 0u);
    EXPECT_EQ(parts->bodies[2].name, "BINARY");
    EXPECT_EQ(parts->bodies[2].bytes, "a\0b"s);
    EXPECT_FALSE(parts->body("TEXT")->bytes);
    EXPECT_EQ(parts->body("HEADER")->bytes, "H\r\n\r\n");

    EXPECT_EQ(responses[27].tag, "A0007");
    EXPECT_TRUE(responses[28].is_continuation());
    EXPECT_EQ(responses[28].text, "idling");
    EXPECT_EQ(responses[29].number, 4u);
    EXPECT_EQ(parse_status(responses[32])->uid_validity, 1733066041u);
    EXPECT_EQ(responses[33].status, Status::No);
    EXPECT_EQ(responses[33].code->name, "NONEXISTENT");
    EXPECT_EQ(responses[34].status, Status::Bad);
    EXPECT_EQ(responses[35].status, Status::Bye);
    EXPECT_EQ(responses[35].kind, ResponseKind::Untagged);
    EXPECT_EQ(responses[36].tag, "A0011");
}

TEST(ImapReader, DovecotTranscriptOneByteAtATime) {
    EXPECT_EQ(read_in_chunks(kTranscript, 1), read_in_chunks(kTranscript, kTranscript.size()));
}

TEST(ImapReader, DovecotTranscriptSplitInTwoAtEveryByte) {
    const std::vector<Response> whole = read_in_chunks(kTranscript, kTranscript.size());
    for (std::size_t split = 0; split <= kTranscript.size(); ++split) {
        ResponseReader reader;
        reader.feed(std::string_view(kTranscript).substr(0, split));
        std::vector<Response> responses = drain(reader);
        reader.feed(std::string_view(kTranscript).substr(split));
        for (Response& response : drain(reader)) responses.push_back(std::move(response));
        ASSERT_FALSE(reader.failed()) << "split " << split << ": " << reader.error();
        ASSERT_EQ(responses, whole) << "split at byte " << split;
    }
}

TEST(ImapReader, BareLfAndBarePlusAreAccepted) {
    ResponseReader reader;
    reader.feed("* 2 EXISTS\n+\r\nA1 ok done\r\n");
    const auto responses = drain(reader);
    ASSERT_EQ(responses.size(), 3u) << reader.error();
    EXPECT_EQ(responses[0].name, "EXISTS");
    EXPECT_TRUE(responses[1].is_continuation());
    EXPECT_EQ(responses[2].status, Status::Ok);
}

TEST(ImapReader, MailboxAtomsWithBrackets) {
    ResponseReader reader;
    reader.feed("* LIST () \"/\" [Gmail]/Sent\r\n* LIST () NIL Foo[1]\r\n");
    const auto responses = drain(reader);
    ASSERT_EQ(responses.size(), 2u) << reader.error();
    EXPECT_EQ(parse_list(responses[0])->name, "[Gmail]/Sent");
    EXPECT_EQ(parse_list(responses[1])->name, "Foo[1]");
    EXPECT_FALSE(parse_list(responses[1])->delimiter);
}

TEST(ImapReader, BufferedBytesCountsHeldData) {
    ResponseReader reader;
    reader.feed("* 1 FETCH (BODY[] {10}\r\n01234");
    EXPECT_GE(reader.buffered_bytes(), 5u);
    reader.feed("56789)\r\n");
    EXPECT_GT(reader.buffered_bytes(), 10u);
    ASSERT_TRUE(reader.next());
    EXPECT_EQ(reader.buffered_bytes(), 0u);
}

TEST(ImapReader, StreamsLargeLiteralsToTheSink) {
    ResponseReader reader;
    std::string received;
    std::uint64_t expected_offset = 0;
    reader.set_literal_sink(1000, [&](const LiteralChunk& chunk) {
        EXPECT_EQ(chunk.offset, expected_offset);
        EXPECT_EQ(chunk.literal_size, 5000u);
        EXPECT_TRUE(chunk.response_so_far.starts_with("* 7 FETCH (UID 42 BODY[] {5000}"));
        expected_offset += chunk.bytes.size();
        received.append(chunk.bytes);
    });
    const std::string body(5000, 'x');
    const std::string input = "* 7 FETCH (UID 42 BODY[] {5000}\r\n" + body +
                              " BODY[HEADER] {5}\r\nsmall)\r\n";
    for (std::size_t offset = 0; offset < input.size(); offset += 333) {
        reader.feed(std::string_view(input).substr(offset, 333));
        EXPECT_LT(reader.buffered_bytes(), 400u);
    }
    auto response = reader.next();
    ASSERT_TRUE(response) << reader.error();
    EXPECT_EQ(received, body);
    auto item = parse_fetch(std::move(*response));
    ASSERT_TRUE(item) << item.error().message;
    EXPECT_TRUE(item->body()->streamed);
    EXPECT_EQ(item->body()->streamed_size, 5000u);
    EXPECT_EQ(item->body("HEADER")->bytes, "small");
    EXPECT_FALSE(item->body("HEADER")->streamed);
}

}  // namespace
}  // namespace casefile::parsers::imap
