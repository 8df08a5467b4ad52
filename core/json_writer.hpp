// A small streaming JSON writer for the --json outputs, which other tools and
// the tests read. Strings must be valid UTF-8 (the parsers guarantee it);
// control characters and quotes are escaped per RFC 8259 §7.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::core {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // Inside an object: the next value's name.
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // A string or null.
    JsonWriter& value(const std::optional<std::string>& text);
    JsonWriter& string_array(const std::vector<std::string>& items);

    // The document so far; complete once every begin has its end.
    const std::string& str() const { return out_; }

private:
    void before_value();
    JsonWriter& close_container(char closing);
    void newline_indent();

    std::string out_;
    bool pretty_;
    // For each open container: whether it has members yet.
    std::vector<bool> has_members_;
    bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view text);

}  // namespace casefile::core
