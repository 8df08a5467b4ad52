// Splits an mbox stream (mboxo or mboxrd, RFC 4155) into messages, fed in
// chunks so that an archive of any size is read with bounded memory.
#pragma once

#include <deque>
#include <string>
#include <string_view>

namespace casefile::parsers {

class MboxSplitter {
public:
    // Feeds the next chunk of the file. Complete messages become available
    // through next_message().
    void feed(std::string_view chunk);

    // Call once at end of file: the last message becomes available.
    void finish();

    // Moves the next complete message into `message` and returns true, or
    // returns false when none is complete yet. Each message is the bytes
    // between two "From " separator lines, without the separator, with the
    // blank line the mbox writer put before the next separator removed, and
    // with mboxrd quoting undone (">From " -> "From ", ">>From " -> ">From ").
    bool next_message(std::string& message);

    // Bytes before the first "From " line (a file that is not really mbox).
    bool saw_leading_garbage() const { return leading_garbage_; }

private:
    void take_line(std::string_view line);
    void close_message();

    std::string partial_line_;
    std::string current_;
    bool in_message_ = false;
    bool previous_line_blank_ = true;
    bool leading_garbage_ = false;
    std::deque<std::string> ready_;
};

// True when `start` looks like the beginning of an mbox file.
bool looks_like_mbox(std::string_view start);

}  // namespace casefile::parsers
