#include "parsers/html_text_writer.hpp"

#include <algorithm>

namespace casefile::parsers {
namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr std::string_view no_break_space = "\xC2\xA0";
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

}  // namespace

void HtmlTextWriter::begin_text() {
    if (!line_.empty()) return;
    if (pending_blank_ && !out_.empty()) {
        // A blank line between two quoted lines stays inside the quote.
        append_prefix(out_, std::min(last_depth_, depth_), true);
        out_ += '\n';
    }
    pending_blank_ = false;
    pending_space_ = false;
    saw_no_break_space_ = false;
    line_depth_ = depth_;
}

void HtmlTextWriter::append(char c) {
    begin_text();
    if (pending_space_ && !line_.empty() && line_.back() != ' ') {
        line_ += ' ';
        if (capturing_) captured_ += ' ';
    }
    pending_space_ = false;
    line_ += c;
    if (capturing_) captured_ += c;
}

void HtmlTextWriter::text(std::string_view decoded) {
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        const char c = decoded[i];
        if (is_html_space(c)) {
            pending_space_ = !line_.empty();
        } else if (decoded.substr(i).starts_with(no_break_space)) {
            // Mail generators use &nbsp; for ordinary spacing; plain text
            // readers and the rules want plain spaces.
            pending_space_ = !line_.empty();
            saw_no_break_space_ = saw_no_break_space_ || line_.empty();
            ++i;
        } else {
            append(c);
        }
    }
}

void HtmlTextWriter::preformatted(std::string_view decoded) {
    for (char c : decoded) {
        if (c == '\n') {
            if (line_.find_first_not_of(" \t") == std::string::npos) {
                line_.clear();
                pending_blank_ = true;
            } else {
                end_line();
            }
        } else if (c != '\r') {
            append(c);
        }
    }
}

void HtmlTextWriter::literal(std::string_view literal) {
    for (char c : literal) append(c);
}

void HtmlTextWriter::space() { pending_space_ = !line_.empty(); }

void HtmlTextWriter::end_line() {
    while (!line_.empty() && (line_.back() == ' ' || line_.back() == '\t')) line_.pop_back();
    if (line_.empty()) {
        pending_blank_ = pending_blank_ || saw_no_break_space_;
    } else {
        append_prefix(out_, line_depth_, false);
        out_ += line_;
        out_ += '\n';
        last_depth_ = line_depth_;
        line_.clear();
    }
    pending_space_ = false;
    saw_no_break_space_ = false;
    if (capturing_) captured_ += ' ';
}

void HtmlTextWriter::line_break() {
    if (!line_.empty() || saw_no_break_space_) end_line();
}

void HtmlTextWriter::paragraph_break() {
    end_line();
    pending_blank_ = true;
}

void HtmlTextWriter::hard_break() {
    if (line_.empty()) {
        pending_blank_ = true;
        saw_no_break_space_ = false;
    } else {
        end_line();
    }
}

void HtmlTextWriter::start_capture() {
    capturing_ = true;
    captured_.clear();
}

std::string HtmlTextWriter::stop_capture() {
    capturing_ = false;
    return std::move(captured_);
}

void HtmlTextWriter::append_prefix(std::string& out, int depth, bool blank) {
    for (int level = 0; level < depth; ++level) {
        out += '>';
        if (!blank || level + 1 < depth) out += ' ';
    }
}

std::string HtmlTextWriter::finish() {
    end_line();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return to_valid_utf8(out_);
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned char second_low = 0x80;
        unsigned char second_high = 0xBF;
        if (byte < 0x80) {
            length = 1;
        } else if (byte >= 0xC2 && byte <= 0xDF) {
            length = 2;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            length = 3;
            // RFC 3629 §4: no overlong forms, no surrogates.
            if (byte == 0xE0) second_low = 0xA0;
            if (byte == 0xED) second_high = 0x9F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            length = 4;
            if (byte == 0xF0) second_low = 0x90;
            if (byte == 0xF4) second_high = 0x8F;
        }
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            const unsigned char low = k == 1 ? second_low : 0x80;
            const unsigned char high = k == 1 ? second_high : 0xBF;
            valid = next >= low && next <= high;
        }
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += replacement_character;
            ++i;
        }
    }
    return out;
}

}  // namespace casefile::parsers
