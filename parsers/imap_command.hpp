// The client side of the wire format (RFC 3501 §2.2.1, §4, §9): quoting
// arguments, splitting a command at synchronising literals, sequence sets and
// tags. Pure: the session sends the parts and waits where told.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_search.hpp"

namespace casefile::parsers::imap {

// How a literal announces itself: "{n}" makes the client wait for the
// server's "+" before sending the bytes (§7.5); "{n+}" (LITERAL+, RFC 7888)
// sends them at once. Use NonSynchronizing only when the server advertised
// LITERAL+.
enum class LiteralMode { Synchronizing, NonSynchronizing };

// One argument in wire form.
struct EncodedArgument {
    enum class Form { Atom, Quoted, Literal };
    Form form = Form::Atom;
    // Atom / Quoted: the argument itself ("INBOX", "\"Sent Items\"").
    // Literal: the marker only ("{12}" or "{12+}"); CRLF and the bytes
    // follow, see `literal`.
    std::string text;
    std::string literal;  // Literal: the raw bytes
};

// Quoted strings longer than this go as literals, which have no escaping
// and no line-length concerns.
inline constexpr std::size_t kMaxQuotedLength = 1024;

// An astring argument (§9: atom, quoted or literal): an atom when every byte
// is an ATOM-CHAR, else a quoted string (with \" and \\ escaped) when it is
// 7-bit, has no CR or LF and is at most kMaxQuotedLength bytes, else a
// literal. "" becomes "\"\"". Fails on NUL, which no IMAP4rev1 string can
// carry (§9 CHAR8 excludes %x00).
core::Result<EncodedArgument> encode_astring(std::string_view value, LiteralMode mode);

// Like encode_astring, but never an atom: for arguments whose grammar is
// "string" (SEARCH keys such as SUBJECT, LOGIN has astring and may use
// either).
core::Result<EncodedArgument> encode_string(std::string_view value, LiteralMode mode);

// What to send, in order. After a part whose wait_for_continuation is true,
// read responses until a continuation ("+") arrives before sending the next
// part; a tagged NO/BAD instead means the server refused the command.
struct CommandPart {
    std::string bytes;
    bool wait_for_continuation = false;
};

// Builds one command: CommandBuilder("A0003", "LOGIN", mode).astring(user)
// .astring(password).finish(). An argument that cannot be encoded makes
// finish() fail with that argument's error.
class CommandBuilder {
public:
    CommandBuilder(std::string_view tag, std::string_view command, LiteralMode mode);

    // SP and `text` as is. REQUIRES: `text` is valid syntax built by the
    // caller ("(UID RFC822.SIZE BODY.PEEK[])", a sequence set, "UID").
    CommandBuilder& raw(std::string_view text);
    // SP and an astring / a string, encoded as above.
    CommandBuilder& astring(std::string_view value);
    CommandBuilder& string(std::string_view value);
    // SP and `value` as a literal whatever it holds (§9: APPEND's message is
    // "literal", never a quoted string). Fails on NUL, like the others.
    CommandBuilder& literal(std::string_view value);

    // Appends the final CRLF and returns the parts.
    core::Result<std::vector<CommandPart>> finish();

private:
    CommandBuilder& add(core::Result<EncodedArgument> argument);

    LiteralMode mode_;
    std::vector<CommandPart> parts_;
    std::string error_;
};

// Sequence set for a command: {1,2,3,4,5,7} -> "1:5,7". The numbers may be
// unsorted and repeat; zeros are dropped. An empty input gives "", which is
// not a valid set: REQUIRES a non-empty result before sending it.
std::string format_sequence_set(std::vector<std::uint32_t> numbers);
std::string format_sequence_set(const std::vector<NumberRange>& ranges);

// Tags "A0001", "A0002", ... (§2.2.1: unique per command). After "A9999"
// the number simply grows ("A10000").
class TagGenerator {
public:
    explicit TagGenerator(char prefix = 'A') : prefix_(prefix) {}
    std::string next();

private:
    char prefix_;
    std::uint64_t counter_ = 0;
};

}  // namespace casefile::parsers::imap
