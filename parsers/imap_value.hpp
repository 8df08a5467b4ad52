// The generic shape of an IMAP4rev1 server response (RFC 3501 §7, §9): a
// value tree that any response fits into, so an unknown or extended response
// is kept instead of breaking the connection. Typed views (FETCH, LIST,
// SEARCH, ...) sit on top of it in imap_fetch.hpp and imap_data.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::parsers::imap {

// One element of response data (RFC 3501 §4).
struct Value {
    enum class Kind {
        Atom,     // text: the atom as sent (\Seen, INBOX, 1:5,7, UID)
        Number,   // number: an all-digit token that fits in 64 bits;
                  // text: the digits as sent
        String,   // text: quoted string contents with escapes undone
        Literal,  // text: the bytes of {n}, {n+} or ~{n}; see `streamed`
        Nil,      // NIL
        List,     // items: a parenthesised list
        Section,  // text: name before '[' (BODY, BINARY, BODY.PEEK);
                  // section: raw text inside the brackets ("" for BODY[],
                  // "HEADER", "HEADER.FIELDS (FROM TO)"); items: that text
                  // parsed as values; origin: the <n> of a partial fetch
    };

    Kind kind = Kind::Nil;
    std::string text;
    std::uint64_t number = 0;
    std::vector<Value> items;
    std::string section;
    std::optional<std::uint64_t> origin;
    // Literal only: sent as ~{n} (RFC 3516 literal8, may hold NUL).
    bool binary = false;
    // Literal only: the bytes went to the reader's literal sink instead of
    // `text`, which is empty; `number` holds the literal's size.
    bool streamed = false;

    bool is_atom() const { return kind == Kind::Atom; }
    bool is_number() const { return kind == Kind::Number; }
    bool is_nil() const { return kind == Kind::Nil; }
    bool is_list() const { return kind == Kind::List; }
    bool is_section() const { return kind == Kind::Section; }
    // RFC 3501 §4.3: a quoted string and a literal are the same "string".
    bool is_string() const { return kind == Kind::String || kind == Kind::Literal; }
    // astring (§9): an atom or a string; a number token is an atom too.
    bool is_astring() const { return is_string() || is_atom() || is_number(); }

    // The text of an astring; for a Number the digits as sent.
    const std::string& astring_text() const;

    // Case-insensitive comparison of an atom's text (IMAP keywords are
    // case-insensitive, RFC 3501 §9 note 3).
    bool is_atom(std::string_view keyword) const;

    bool operator==(const Value&) const = default;
};

enum class ResponseKind {
    Tagged,        // "A0001 OK ..." completes the command with that tag
    Untagged,      // "* ..." status or data
    Continuation,  // "+ ..." the server waits for more of the command
};

// Status condition of a status response (RFC 3501 §7.1).
enum class Status { None, Ok, No, Bad, Preauth, Bye };

// "[NAME arguments]" at the start of a status response's text (§7.1).
struct ResponseCode {
    std::string name;            // upper-cased: UIDVALIDITY, CAPABILITY, ALERT
    std::string raw_arguments;   // text after the name, up to ']'
    std::vector<Value> arguments;  // raw_arguments parsed; empty if unparseable

    bool operator==(const ResponseCode&) const = default;
};

struct Response {
    ResponseKind kind = ResponseKind::Untagged;
    std::string tag;  // Tagged only

    // Status responses (tagged, or untagged OK/NO/BAD/PREAUTH/BYE).
    Status status = Status::None;
    std::optional<ResponseCode> code;
    // Human-readable text of a status response, or the text after "+ " of a
    // continuation (base64 for AUTHENTICATE, "idling" for IDLE).
    std::string text;

    // Untagged data: "* 23 EXISTS" has number 23 and name EXISTS; "* LIST
    // (...) "/" INBOX" has no number, name LIST and three values.
    std::optional<std::uint32_t> number;
    std::string name;  // upper-cased
    std::vector<Value> values;

    bool is_status() const { return status != Status::None; }
    bool is_data() const { return kind == ResponseKind::Untagged && status == Status::None; }
    bool is_continuation() const { return kind == ResponseKind::Continuation; }

    bool operator==(const Response&) const = default;
};

// "OK", "NO", ... for messages and tests.
std::string_view status_name(Status status);

// True when `a` and `b` are equal ignoring ASCII case.
bool equals_ignoring_case(std::string_view a, std::string_view b);

// A Number value that fits in 32 bits (RFC 3501 §9 number, nz-number:
// sequence numbers, UIDs, UIDVALIDITY), else nothing.
std::optional<std::uint32_t> to_uint32(const Value& value);

// ASCII upper-case copy.
std::string to_upper(std::string_view text);

// A compact, printable rendering of a value or response, for tests and error
// messages (never for logging bodies: literals show only their size).
std::string describe(const Value& value);
std::string describe(const Response& response);

}  // namespace casefile::parsers::imap
