#include "parsers/imap_command.hpp"

#include <gtest/gtest.h>

#include <string>

namespace casefile::parsers::imap {
namespace {

using Form = EncodedArgument::Form;

TEST(ImapCommand, AstringPicksAtomQuotedOrLiteral) {
    auto atom = encode_astring("INBOX", LiteralMode::Synchronizing);
    ASSERT_TRUE(atom);
    EXPECT_EQ(atom->form, Form::Atom);
    EXPECT_EQ(atom->text, "INBOX");

    auto quoted = encode_astring("Sent Items \"old\" a\\b", LiteralMode::Synchronizing);
    ASSERT_TRUE(quoted);
    EXPECT_EQ(quoted->form, Form::Quoted);
    EXPECT_EQ(quoted->text, "\"Sent Items \\\"old\\\" a\\\\b\"");

    EXPECT_EQ(encode_astring("", LiteralMode::Synchronizing)->text, "\"\"");
    EXPECT_EQ(encode_astring("NIL", LiteralMode::Synchronizing)->text, "\"NIL\"");
    EXPECT_EQ(encode_astring("a]b", LiteralMode::Synchronizing)->form, Form::Quoted);
    EXPECT_EQ(encode_string("INBOX", LiteralMode::Synchronizing)->text, "\"INBOX\"");

    auto utf8 = encode_astring("p\xC3\xA4ss", LiteralMode::Synchronizing);
    ASSERT_TRUE(utf8);
    EXPECT_EQ(utf8->form, Form::Literal);
    EXPECT_EQ(utf8->text, "{5}");
    EXPECT_EQ(utf8->literal, "p\xC3\xA4ss");

    EXPECT_EQ(encode_astring("two\r\nlines", LiteralMode::NonSynchronizing)->text, "{10+}");
    EXPECT_EQ(encode_astring(std::string(2000, 'x'), LiteralMode::Synchronizing)->form,
              Form::Literal);
    EXPECT_FALSE(encode_astring(std::string("a\0b", 3), LiteralMode::Synchronizing));
}

TEST(ImapCommand, SynchronisingLiteralSplitsTheCommand) {
    auto parts = CommandBuilder("A0002", "LOGIN", LiteralMode::Synchronizing)
                     .astring("dana@reyes-va.example")
                     .astring("p\xC3\xA4ss word")
                     .finish();
    ASSERT_TRUE(parts) << parts.error().message;
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].bytes, "A0002 LOGIN dana@reyes-va.example {10}\r\n");
    EXPECT_TRUE((*parts)[0].wait_for_continuation);
    EXPECT_EQ((*parts)[1].bytes, "p\xC3\xA4ss word\r\n");
    EXPECT_FALSE((*parts)[1].wait_for_continuation);
}

TEST(ImapCommand, LiteralPlusSendsInOnePart) {
    auto parts = CommandBuilder("A0003", "LOGIN", LiteralMode::NonSynchronizing)
                     .astring("dana")
                     .astring("p\xC3\xA4ss")
                     .finish();
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].bytes, "A0003 LOGIN dana {5+}\r\np\xC3\xA4ss\r\n");
}

TEST(ImapCommand, RawArgumentsAndErrors) {
    auto parts = CommandBuilder("A0004", "UID FETCH", LiteralMode::Synchronizing)
                     .raw(format_sequence_set({3, 1, 2, 7}))
                     .raw("(UID RFC822.SIZE INTERNALDATE BODY.PEEK[])")
                     .finish();
    ASSERT_TRUE(parts);
    EXPECT_EQ((*parts)[0].bytes,
              "A0004 UID FETCH 1:3,7 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\r\n");

    auto bad = CommandBuilder("A0005", "EXAMINE", LiteralMode::Synchronizing)
                   .astring(std::string("x\0y", 3))
                   .finish();
    EXPECT_FALSE(bad);
}

// APPEND's message is a literal even when it would fit in a quoted string.
TEST(ImapCommand, LiteralIsAlwaysALiteral) {
    auto waits = CommandBuilder("A0006", "APPEND", LiteralMode::Synchronizing)
                     .astring("Digests")
                     .literal("short")
                     .finish();
    ASSERT_TRUE(waits);
    ASSERT_EQ(waits->size(), 2u);
    EXPECT_EQ((*waits)[0].bytes, "A0006 APPEND Digests {5}\r\n");
    EXPECT_TRUE((*waits)[0].wait_for_continuation);
    EXPECT_EQ((*waits)[1].bytes, "short\r\n");

    auto at_once = CommandBuilder("A0007", "APPEND", LiteralMode::NonSynchronizing)
                       .astring("INBOX")
                       .literal("a\r\n.\r\n")
                       .finish();
    ASSERT_TRUE(at_once);
    ASSERT_EQ(at_once->size(), 1u);
    EXPECT_EQ((*at_once)[0].bytes, "A0007 APPEND INBOX {6+}\r\na\r\n.\r\n\r\n");

    auto with_nul = CommandBuilder("A0008", "APPEND", LiteralMode::Synchronizing)
                        .astring("INBOX")
                        .literal(std::string("a\0b", 3))
                        .finish();
    EXPECT_FALSE(with_nul);
}

TEST(ImapCommand, SequenceSetFormatting) {
    EXPECT_EQ(format_sequence_set({1, 2, 3, 4, 5, 7}), "1:5,7");
    EXPECT_EQ(format_sequence_set({9, 1, 1, 2, 12, 10, 11}), "1:2,9:12");
    EXPECT_EQ(format_sequence_set({4294967295u, 4294967294u}), "4294967294:4294967295");
    EXPECT_EQ(format_sequence_set({0, 5}), "5");
    EXPECT_EQ(format_sequence_set(std::vector<std::uint32_t>{}), "");
}

TEST(ImapCommand, TagsCountUp) {
    TagGenerator tags;
    EXPECT_EQ(tags.next(), "A0001");
    EXPECT_EQ(tags.next(), "A0002");
    for (int i = 0; i < 9997; ++i) tags.next();
    EXPECT_EQ(tags.next(), "A10000");
}

}  // namespace
}  // namespace casefile::parsers::imap
