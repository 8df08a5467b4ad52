#include "parsers/imap_reader.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "parsers/imap_response_parser.hpp"

namespace casefile::parsers::imap {
namespace {

// Literals larger than this are not reserved in full up front: a bogus size
// from a broken server must not allocate gigabytes before any byte arrives.
// Beyond it the string grows geometrically, still linear overall.
constexpr std::uint64_t kMaxUpFrontReserve = 64 * 1024 * 1024;

struct LiteralMarker {
    bool present = false;
    bool too_large = false;  // digits overflowed or above the limit
    std::uint64_t size = 0;
};

// RFC 3501 §4.3 literal "{n}" CRLF, RFC 7888 "{n+}", RFC 3516 "~{n}": a line
// ending in such a marker continues with n raw bytes and then more line.
LiteralMarker find_literal_marker(std::string_view line, std::uint64_t max_size) {
    LiteralMarker marker;
    if (line.empty() || line.back() != '}') return marker;
    std::size_t end = line.size() - 1;
    if (end > 0 && line[end - 1] == '+') --end;
    std::size_t begin = end;
    while (begin > 0 && line[begin - 1] >= '0' && line[begin - 1] <= '9') --begin;
    if (begin == end || begin == 0 || line[begin - 1] != '{') return marker;
    marker.present = true;
    for (std::size_t i = begin; i < end; ++i) {
        const auto digit = static_cast<std::uint64_t>(line[i] - '0');
        if (marker.size > (max_size - digit) / 10) {
            marker.too_large = true;
            return marker;
        }
        marker.size = marker.size * 10 + digit;
    }
    return marker;
}

}  // namespace

void ResponseReader::set_literal_sink(std::uint64_t threshold, LiteralSink sink) {
    sink_threshold_ = std::max<std::uint64_t>(threshold, 1);
    sink_ = std::move(sink);
}

void ResponseReader::feed(std::string_view bytes) {
    while (!bytes.empty() && !failed()) {
        if (in_literal_) {
            take_literal_bytes(bytes);
        } else {
            take_line_bytes(bytes);
        }
    }
}

void ResponseReader::take_line_bytes(std::string_view& bytes) {
    // Search only the new bytes: what is already in line_ held no LF.
    const void* found = std::memchr(bytes.data(), '\n', bytes.size());
    const std::size_t take =
        found ? static_cast<std::size_t>(static_cast<const char*>(found) - bytes.data()) + 1
              : bytes.size();
    // +2: the CRLF does not count towards the line length.
    if (line_.size() + take > limits_.max_line_length + 2) {
        std::string start = line_.substr(0, 80);
        start.append(bytes.substr(0, 80 - start.size()));
        fail("line longer than " + std::to_string(limits_.max_line_length) + " bytes", start);
        return;
    }
    line_.append(bytes.substr(0, take));
    buffered_ += take;
    bytes.remove_prefix(take);
    if (found) finish_line();
}

void ResponseReader::take_literal_bytes(std::string_view& bytes) {
    const auto take = static_cast<std::size_t>(
        std::min<std::uint64_t>(literal_remaining_, bytes.size()));
    const std::string_view chunk = bytes.substr(0, take);
    if (streaming_) {
        sink_(LiteralChunk{text_, literal_size_, literal_size_ - literal_remaining_, chunk});
    } else {
        std::string& literal = literals_.back();
        if (literal.size() + take > literal.capacity()) {
            const std::uint64_t doubled = std::max<std::uint64_t>(literal.capacity() * 2,
                                                                  literal.size() + take);
            literal.reserve(static_cast<std::size_t>(std::min(doubled, literal_size_)));
        }
        literal.append(chunk);
        buffered_ += take;
    }
    literal_remaining_ -= take;
    bytes.remove_prefix(take);
    if (literal_remaining_ == 0) in_literal_ = false;
}

void ResponseReader::finish_line() {
    // RFC 3501 §2.2: lines end in CRLF. A bare LF is accepted, as every
    // widespread client does; a lone CR inside a line stays as data.
    std::string_view line = line_;
    line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (text_.size() + line.size() + 1 > limits_.max_response_text) {
        fail("response text longer than " + std::to_string(limits_.max_response_text) + " bytes",
             line);
        return;
    }
    const LiteralMarker marker = find_literal_marker(line, limits_.max_literal_size);
    if (marker.too_large) {
        fail("literal larger than " + std::to_string(limits_.max_literal_size) + " bytes", line);
        return;
    }
    if (marker.present && literals_.size() >= limits_.max_literals_per_response) {
        fail("more than " + std::to_string(limits_.max_literals_per_response) +
                 " literals in one response",
             line);
        return;
    }
    const std::size_t text_before = text_.size();
    if (!text_.empty()) text_ += '\n';
    text_.append(line);
    buffered_ += text_.size() - text_before;
    buffered_ -= line_.size();
    line_.clear();

    if (!marker.present) {
        finish_response();
        return;
    }
    literal_size_ = marker.size;
    literal_remaining_ = marker.size;
    in_literal_ = marker.size > 0;
    streaming_ = sink_ && marker.size >= sink_threshold_;
    literals_.emplace_back();
    streamed_sizes_.push_back(streaming_ ? marker.size : 0);
    if (!streaming_) {
        literals_.back().reserve(
            static_cast<std::size_t>(std::min(marker.size, kMaxUpFrontReserve)));
    }
}

void ResponseReader::finish_response() {
    std::size_t bytes = text_.size();
    for (const std::string& literal : literals_) bytes += literal.size();
    FramedResponse framed{std::move(text_), std::move(literals_), std::move(streamed_sizes_)};
    reset_response();
    auto response = parse_response(framed, limits_.max_nesting_depth);
    if (!response) {
        buffered_ -= bytes;
        error_ = response.error().message;
        return;
    }
    ready_.push_back(Ready{std::move(*response), bytes});
}

void ResponseReader::reset_response() {
    text_.clear();
    literals_.clear();
    streamed_sizes_.clear();
    in_literal_ = false;
    streaming_ = false;
    literal_remaining_ = 0;
    literal_size_ = 0;
}

std::optional<Response> ResponseReader::next() {
    if (ready_.empty()) return std::nullopt;
    Ready ready = std::move(ready_.front());
    ready_.pop_front();
    buffered_ -= ready.bytes;
    return std::move(ready.response);
}

void ResponseReader::fail(std::string_view message, std::string_view offending) {
    error_ = "IMAP: ";
    error_ += message;
    error_ += ": \"" + sanitise_excerpt(offending) + "\"";
    // Nothing after a protocol error can be trusted; free the partial state.
    buffered_ -= line_.size() + text_.size();
    for (const std::string& literal : literals_) buffered_ -= literal.size();
    line_.clear();
    line_.shrink_to_fit();
    reset_response();
}

}  // namespace casefile::parsers::imap
