#include "core/json_reader.hpp"

#include <charconv>

namespace casefile::core {

class JsonParser {
public:
    explicit JsonParser(std::string_view text) : text_(text) {}

    Result<JsonValue> document() {
        JsonValue value;
        if (!parse_value(value, 0)) return failure();
        skip_space();
        if (at_ != text_.size()) {
            error_ = "text after the JSON value";
            return failure();
        }
        return value;
    }

private:
    static constexpr int kMaxDepth = 64;

    Unexpected failure() const {
        return fail("not valid JSON at byte " + std::to_string(at_) + ": " + error_);
    }

    void skip_space() {
        while (at_ < text_.size() &&
               (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
            ++at_;
        }
    }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) {
            error_ = "unexpected character";
            return false;
        }
        at_ += word.size();
        return true;
    }

    bool parse_value(JsonValue& value, int depth) {
        if (depth > kMaxDepth) {
            error_ = "nested too deeply";
            return false;
        }
        skip_space();
        if (at_ >= text_.size()) {
            error_ = "unexpected end";
            return false;
        }
        const char next = text_[at_];
        if (next == '{') return parse_object(value, depth);
        if (next == '[') return parse_array(value, depth);
        if (next == '"') {
            value.kind_ = JsonValue::Kind::string;
            return parse_string(value.text_);
        }
        if (next == 't' || next == 'f') {
            value.kind_ = JsonValue::Kind::boolean;
            value.flag_ = next == 't';
            return literal(next == 't' ? "true" : "false");
        }
        if (next == 'n') return literal("null");
        return parse_number(value);
    }

    bool parse_number(JsonValue& value) {
        const std::size_t start = at_;
        if (at_ < text_.size() && text_[at_] == '-') ++at_;
        while (at_ < text_.size() && std::string_view("0123456789.eE+-").find(text_[at_]) !=
                                         std::string_view::npos) {
            ++at_;
        }
        if (at_ == start || (at_ == start + 1 && text_[start] == '-')) {
            error_ = "unexpected character";
            return false;
        }
        value.kind_ = JsonValue::Kind::number;
        value.text_ = std::string(text_.substr(start, at_ - start));
        return true;
    }

    bool hex4(std::uint32_t& code) {
        if (at_ + 4 > text_.size()) return false;
        code = 0;
        for (int index = 0; index < 4; ++index) {
            const char digit = text_[at_++];
            code <<= 4;
            if (digit >= '0' && digit <= '9') code |= static_cast<std::uint32_t>(digit - '0');
            else if (digit >= 'a' && digit <= 'f') code |= static_cast<std::uint32_t>(digit - 'a' + 10);
            else if (digit >= 'A' && digit <= 'F') code |= static_cast<std::uint32_t>(digit - 'A' + 10);
            else return false;
        }
        return true;
    }

    static void append_utf8(std::string& out, std::uint32_t code) {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    bool parse_escape(std::string& out) {
        const char escaped = text_[at_++];
        switch (escaped) {
            case '"': out.push_back('"'); return true;
            case '\\': out.push_back('\\'); return true;
            case '/': out.push_back('/'); return true;
            case 'b': out.push_back('\b'); return true;
            case 'f': out.push_back('\f'); return true;
            case 'n': out.push_back('\n'); return true;
            case 'r': out.push_back('\r'); return true;
            case 't': out.push_back('\t'); return true;
            case 'u': break;
            default: error_ = "bad escape"; return false;
        }
        std::uint32_t code = 0;
        if (!hex4(code)) {
            error_ = "bad \\u escape";
            return false;
        }
        // RFC 8259 §7: a character outside the BMP is a surrogate pair.
        if (code >= 0xD800 && code <= 0xDBFF && text_.substr(at_, 2) == "\\u") {
            at_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) {
                error_ = "bad surrogate pair";
                return false;
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xD800 && code <= 0xDFFF) {
            code = 0xFFFD;
        }
        append_utf8(out, code);
        return true;
    }

    bool parse_string(std::string& out) {
        ++at_;  // the opening quote
        while (at_ < text_.size()) {
            const char character = text_[at_++];
            if (character == '"') return true;
            if (character == '\\') {
                if (at_ >= text_.size() || !parse_escape(out)) {
                    if (error_.empty()) error_ = "unfinished string";
                    return false;
                }
            } else if (static_cast<unsigned char>(character) < 0x20) {
                error_ = "control character in a string";
                return false;
            } else {
                out.push_back(character);
            }
        }
        error_ = "unfinished string";
        return false;
    }

    bool parse_array(JsonValue& value, int depth) {
        value.kind_ = JsonValue::Kind::array;
        ++at_;
        skip_space();
        if (at_ < text_.size() && text_[at_] == ']') return ++at_, true;
        while (true) {
            value.items_.emplace_back();
            if (!parse_value(value.items_.back(), depth + 1)) return false;
            skip_space();
            if (at_ < text_.size() && text_[at_] == ',') {
                ++at_;
            } else if (at_ < text_.size() && text_[at_] == ']') {
                return ++at_, true;
            } else {
                error_ = "expected , or ]";
                return false;
            }
        }
    }

    bool parse_object(JsonValue& value, int depth) {
        value.kind_ = JsonValue::Kind::object;
        ++at_;
        skip_space();
        if (at_ < text_.size() && text_[at_] == '}') return ++at_, true;
        while (true) {
            skip_space();
            std::string name;
            if (at_ >= text_.size() || text_[at_] != '"' || !parse_string(name)) {
                if (error_.empty()) error_ = "expected a member name";
                return false;
            }
            skip_space();
            if (at_ >= text_.size() || text_[at_] != ':') {
                error_ = "expected :";
                return false;
            }
            ++at_;
            value.members_.emplace_back(std::move(name), JsonValue{});
            if (!parse_value(value.members_.back().second, depth + 1)) return false;
            skip_space();
            if (at_ < text_.size() && text_[at_] == ',') {
                ++at_;
            } else if (at_ < text_.size() && text_[at_] == '}') {
                return ++at_, true;
            } else {
                error_ = "expected , or }";
                return false;
            }
        }
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::string error_;
};

std::optional<std::string> JsonValue::string() const {
    if (kind_ != Kind::string) return std::nullopt;
    return text_;
}

std::optional<std::int64_t> JsonValue::integer() const {
    if (kind_ != Kind::number) return std::nullopt;
    std::int64_t number = 0;
    const char* end = text_.data() + text_.size();
    const auto [stop, error] = std::from_chars(text_.data(), end, number);
    if (error != std::errc() || stop != end) return std::nullopt;
    return number;
}

std::optional<bool> JsonValue::boolean() const {
    if (kind_ != Kind::boolean) return std::nullopt;
    return flag_;
}

const std::vector<JsonValue>* JsonValue::array() const {
    return kind_ == Kind::array ? &items_ : nullptr;
}

const JsonValue* JsonValue::member(std::string_view name) const {
    if (kind_ != Kind::object) return nullptr;
    for (const auto& [key, value] : members_) {
        if (key == name) return &value;
    }
    return nullptr;
}

std::optional<std::string> JsonValue::string_at(std::string_view name) const {
    const JsonValue* value = member(name);
    return value ? value->string() : std::nullopt;
}

std::optional<std::int64_t> JsonValue::integer_at(std::string_view name) const {
    const JsonValue* value = member(name);
    return value ? value->integer() : std::nullopt;
}

Result<JsonValue> parse_json(std::string_view text) { return JsonParser(text).document(); }

}  // namespace casefile::core
