#include "core/json_writer.hpp"

#include <cstdio>

namespace casefile::core {

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHexDigits[] = "0123456789abcdef";
    out.push_back('"');
    for (char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        switch (character) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20 || byte == 0x7f) {
                    out += "\\u00";
                    out.push_back(kHexDigits[byte >> 4]);
                    out.push_back(kHexDigits[byte & 0x0f]);
                } else {
                    out.push_back(character);
                }
        }
    }
    out.push_back('"');
}

void JsonWriter::newline_indent() {
    if (!pretty_) return;
    out_.push_back('\n');
    out_.append(has_members_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_members_.empty()) {
        if (has_members_.back()) out_.push_back(',');
        has_members_.back() = true;
        newline_indent();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_.push_back('{');
    has_members_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close_container(char closing) {
    const bool had_members = has_members_.back();
    has_members_.pop_back();
    if (had_members) newline_indent();
    out_.push_back(closing);
    return *this;
}

JsonWriter& JsonWriter::end_object() { return close_container('}'); }

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_.push_back('[');
    has_members_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return close_container(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", number);
    out_ += buffer;
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const std::optional<std::string>& text) {
    return text ? value(*text) : null();
}

JsonWriter& JsonWriter::string_array(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    return end_array();
}

}  // namespace casefile::core
