// A small JSON reader (RFC 8259) for what casefile wrote itself: verify reads
// a bundle's case.json and ledger.json back. Numbers keep their text, so an
// integer is read exactly; nesting is bounded so hostile input cannot exhaust
// the stack.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace casefile::core {

class JsonValue {
public:
    enum class Kind { null, boolean, number, string, array, object };

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::null; }

    // Each accessor answers nullopt / nullptr when the value is of another kind.
    std::optional<std::string> string() const;
    std::optional<std::int64_t> integer() const;  // numbers without fraction or exponent
    std::optional<bool> boolean() const;
    const std::vector<JsonValue>* array() const;
    // A member of an object; nullptr when absent or not an object.
    const JsonValue* member(std::string_view name) const;

    // Convenience: member(name) as a string / integer; nullopt when absent,
    // null or of another kind.
    std::optional<std::string> string_at(std::string_view name) const;
    std::optional<std::int64_t> integer_at(std::string_view name) const;

private:
    friend class JsonParser;
    Kind kind_ = Kind::null;
    std::string text_;  // string value, or the number as written
    bool flag_ = false;
    std::vector<JsonValue> items_;
    std::vector<std::pair<std::string, JsonValue>> members_;
};

// The document, or an Error naming the byte offset where it stops being JSON.
Result<JsonValue> parse_json(std::string_view text);

}  // namespace casefile::core
