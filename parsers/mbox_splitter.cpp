#include "parsers/mbox_splitter.hpp"

namespace casefile::parsers {
namespace {

bool is_blank_line(std::string_view line) { return line == "\n" || line == "\r\n"; }

// RFC 4155 §2: a separator is "From " at the start of a line. Writers put an
// empty line before it, which is how we avoid splitting on a body line that
// happens to start with "From " in a badly quoted (mboxo) archive.
bool is_separator(std::string_view line) { return line.starts_with("From "); }

// mboxrd: any number of '>' followed by "From " lost one '>' when written.
bool is_quoted_from(std::string_view line) {
    std::size_t depth = 0;
    while (depth < line.size() && line[depth] == '>') ++depth;
    return depth > 0 && line.substr(depth).starts_with("From ");
}

}  // namespace

void MboxSplitter::feed(std::string_view chunk) {
    while (!chunk.empty()) {
        const std::size_t newline = chunk.find('\n');
        if (newline == std::string_view::npos) {
            partial_line_.append(chunk);
            return;
        }
        if (partial_line_.empty()) {
            take_line(chunk.substr(0, newline + 1));
        } else {
            partial_line_.append(chunk.substr(0, newline + 1));
            take_line(partial_line_);
            partial_line_.clear();
        }
        chunk.remove_prefix(newline + 1);
    }
}

void MboxSplitter::finish() {
    if (!partial_line_.empty()) {
        std::string last;
        last.swap(partial_line_);
        take_line(last);
    }
    if (in_message_) close_message();
    in_message_ = false;
}

void MboxSplitter::take_line(std::string_view line) {
    if (is_separator(line) && previous_line_blank_) {
        if (in_message_) close_message();
        in_message_ = true;
        previous_line_blank_ = false;
        return;
    }
    if (!in_message_) {
        if (!is_blank_line(line)) leading_garbage_ = true;
        previous_line_blank_ = is_blank_line(line);
        return;
    }
    previous_line_blank_ = is_blank_line(line);
    if (is_quoted_from(line)) line.remove_prefix(1);
    current_.append(line);
}

void MboxSplitter::close_message() {
    // The writer's blank line before the next separator is not message content.
    if (current_.ends_with("\r\n\r\n")) {
        current_.resize(current_.size() - 2);
    } else if (current_.ends_with("\n\n")) {
        current_.resize(current_.size() - 1);
    }
    ready_.push_back(std::move(current_));
    current_.clear();
}

bool MboxSplitter::next_message(std::string& message) {
    if (ready_.empty()) return false;
    message = std::move(ready_.front());
    ready_.pop_front();
    return true;
}

bool looks_like_mbox(std::string_view start) { return start.starts_with("From "); }

}  // namespace casefile::parsers
