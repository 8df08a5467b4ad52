// Turns the byte stream an IMAP4rev1 server sends (RFC 3501 §2.2.2, §7) into
// complete responses. The session owns the socket: it feeds every received
// byte in, in chunks split anywhere, and pulls responses out. No I/O here.
//
// Cost: each input byte is examined once. Line text is appended to one
// buffer; literal bytes are copied once, from the fed chunk into the string
// that ends up in the Response (or handed to the literal sink and not kept).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

struct ReaderLimits {
    // Longest line outside literals, CRLF excluded (one "line" ends at each
    // CRLF, so a response with literals is several lines).
    std::size_t max_line_length = 1024 * 1024;
    // All non-literal text of one response; bounds a server that sends
    // "{0}\r\n" forever inside one response.
    std::size_t max_response_text = 16 * 1024 * 1024;
    // Largest literal accepted; larger is an error, not an allocation.
    std::uint64_t max_literal_size = std::uint64_t{2} * 1024 * 1024 * 1024;
    // Literals in one response (a FETCH of many body parts has a few dozen).
    std::size_t max_literals_per_response = 10000;
    // Parenthesis nesting (BODYSTRUCTURE nests per MIME level; Dovecot caps
    // MIME nesting at 100). Deeper is an error rather than deep recursion.
    std::size_t max_nesting_depth = 256;
};

// One piece of a streamed literal, see ResponseReader::set_literal_sink.
struct LiteralChunk {
    // The response's text so far, lines separated by '\n' with CRLF removed
    // and earlier literals absent; it ends with this literal's "{n}" marker,
    // e.g. "* 5 FETCH (UID 812 RFC822.SIZE 52428800 BODY[] {52428800}".
    std::string_view response_so_far;
    std::uint64_t literal_size = 0;
    std::uint64_t offset = 0;  // of `bytes` within the literal
    std::string_view bytes;    // never empty; valid only during the call
};

using LiteralSink = std::function<void(const LiteralChunk&)>;

class ResponseReader {
public:
    ResponseReader() = default;
    explicit ResponseReader(ReaderLimits limits) : limits_(limits) {}

    // Takes the next bytes received from the server, split at any boundary.
    // Complete responses become available through next(). After a protocol
    // error failed() is true and further input is ignored: the session must
    // drop the connection, as the stream can no longer be trusted.
    void feed(std::string_view bytes);

    // The oldest complete response, or nothing when none is complete yet.
    // Responses completed before an error are still returned.
    std::optional<Response> next();

    bool failed() const { return !error_.empty(); }
    // What went wrong, quoting at most ~80 sanitised bytes of the offending
    // line; empty while not failed.
    const std::string& error() const { return error_; }

    // Bytes held: the partial line, the response being assembled and the
    // complete responses not yet taken by next(). Streamed literals excluded.
    std::size_t buffered_bytes() const { return buffered_; }

    // Streams every literal of `threshold` bytes or more to `sink` instead of
    // holding it. Contract:
    //  - the sink is called from inside feed(), in stream order, with chunks
    //    of the literal as they arrive (never empty, offsets contiguous from
    //    0; the last chunk ends at literal_size);
    //  - all chunks of a literal are delivered before the response holding
    //    it is returned by next(); in that response the literal is a Value
    //    with streamed == true, empty text and number == its size;
    //  - the sink must not call feed() on this reader. It may throw; the
    //    exception leaves feed() and the reader is then unusable.
    // A null sink (the default) keeps every literal in the response.
    void set_literal_sink(std::uint64_t threshold, LiteralSink sink);

private:
    void take_line_bytes(std::string_view& bytes);
    void take_literal_bytes(std::string_view& bytes);
    void finish_line();
    void finish_response();
    void fail(std::string_view message, std::string_view offending);
    void reset_response();

    ReaderLimits limits_;
    std::string line_;      // current line, without the bytes before it
    std::string text_;      // finished lines of the current response, '\n'-joined
    std::vector<std::string> literals_;
    std::vector<std::uint64_t> streamed_sizes_;  // per literal, 0 when kept
    std::uint64_t literal_remaining_ = 0;
    std::uint64_t literal_size_ = 0;
    bool in_literal_ = false;
    bool streaming_ = false;
    std::uint64_t sink_threshold_ = 0;
    LiteralSink sink_;
    struct Ready {
        Response response;
        std::size_t bytes = 0;  // counted in buffered_
    };
    std::deque<Ready> ready_;
    std::size_t buffered_ = 0;
    std::string error_;
};

}  // namespace casefile::parsers::imap
