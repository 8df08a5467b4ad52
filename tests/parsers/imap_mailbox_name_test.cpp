#include "parsers/imap_mailbox_name.hpp"

#include <gtest/gtest.h>

#include <string>

namespace casefile::parsers::imap {
namespace {

void expect_round_trip(const std::string& wire, const std::string& utf8) {
    auto decoded = decode_mailbox_name(wire);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(*decoded, utf8);
    auto encoded = encode_mailbox_name(utf8);
    ASSERT_TRUE(encoded) << encoded.error().message;
    EXPECT_EQ(*encoded, wire);
}

TEST(ImapMailboxName, RoundTripsModifiedUtf7) {
    expect_round_trip("Entw&APw-rfe", "Entw\xC3\xBC" "rfe");
    expect_round_trip("&AMk-l&AOk-ments envoy&AOk-s", "\xC3\x89l\xC3\xA9ments envoy\xC3\xA9s");
    expect_round_trip("[Gmail]/All Mail", "[Gmail]/All Mail");
    expect_round_trip("Tom &- Jerry", "Tom & Jerry");
    expect_round_trip("&-&-", "&&");
    expect_round_trip("INBOX", "INBOX");
    expect_round_trip("", "");
    // RFC 3501 §5.1.3's own example.
    expect_round_trip("~peter/mail/&U,BTFw-/&ZeVnLIqe-",
                      "~peter/mail/\xE5\x8F\xB0\xE5\x8C\x97/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    // Outside the BMP: a surrogate pair (U+1F4E7 e-mail symbol).
    expect_round_trip("Mail &2D3c5w-", "Mail \xF0\x9F\x93\xA7");
    // Several non-ASCII characters in one run.
    expect_round_trip("&BBIEQAQ4BDwENQRABDo-", "\xD0\x92\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80\xD0\xBA");
}

TEST(ImapMailboxName, DecodeRejectsMalformedShifts) {
    EXPECT_FALSE(decode_mailbox_name("Entw&APw"));      // no closing '-'
    EXPECT_FALSE(decode_mailbox_name("a&A/w-b"));       // '/' is not modified base64
    EXPECT_FALSE(decode_mailbox_name("&AP-"));          // 12 bits: not a UTF-16 unit
    EXPECT_FALSE(decode_mailbox_name("&APx-"));         // non-zero leftover bits
    EXPECT_FALSE(decode_mailbox_name("&2D0-"));         // lone high surrogate
    EXPECT_FALSE(decode_mailbox_name("&3Oc-"));         // lone low surrogate
}

TEST(ImapMailboxName, DecodePassesRawUtf8Through) {
    // UTF8=ACCEPT servers (RFC 6855) send names as UTF-8.
    EXPECT_EQ(*decode_mailbox_name("Entw\xC3\xBCrfe"), "Entw\xC3\xBCrfe");
}

TEST(ImapMailboxName, EncodeRejectsInvalidUtf8) {
    EXPECT_FALSE(encode_mailbox_name("bad \xC3"));
    EXPECT_FALSE(encode_mailbox_name("overlong \xC0\xAF"));
    EXPECT_FALSE(encode_mailbox_name("surrogate \xED\xA0\x80"));
}

TEST(ImapMailboxName, EncodeShiftsControlCharacters) {
    EXPECT_EQ(*encode_mailbox_name("a\tb"), "a&AAk-b");
    EXPECT_EQ(*decode_mailbox_name("a&AAk-b"), "a\tb");
}

}  // namespace
}  // namespace casefile::parsers::imap
