// Internal to config/: typed, problem-collecting access to toml++ tables.
// Every lookup that finds a wrong type, a missing required key or an unknown
// key records a ConfigProblem with its position and carries on, so one load
// reports everything at once.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_loader.hpp"

namespace casefile::config {

class ProblemList {
  public:
    explicit ProblemList(std::string file) : file_(std::move(file)) {}

    void add(const toml::source_region& where, std::string key, std::string message);
    void add_unplaced(std::string key, std::string message);  // position unknown

    bool empty() const { return problems_.empty(); }
    const std::string& file() const { return file_; }
    // The problems in file order (unplaced ones first).
    std::vector<ConfigProblem> take_sorted();

  private:
    std::string file_;
    std::vector<ConfigProblem> problems_;
};

// Parses a TOML document named `problems.file()`. toml++ reports a syntax
// error by exception: it becomes a problem with its position, and nullopt.
std::optional<toml::table> parse_toml(std::string_view text, ProblemList& problems);

// "account[1]" + "tls" -> "account[1].tls"; "" + "me" -> "me".
std::string join_key(std::string_view path, std::string_view key);

// A string found in the document, with where it was written.
struct PlacedString {
    std::string value;
    std::string key;  // full dotted path, e.g. "client[0].domains[1]"
    toml::source_region where;
};

class TableReader {
  public:
    TableReader(const toml::table& table, std::string path, ProblemList& problems)
        : table_(table), path_(std::move(path)), problems_(problems) {}

    // Records an "unknown key" problem (with a suggestion) for each key not in
    // `known`.
    void check_known_keys(std::span<const std::string_view> known);

    // `required_hint` empty: optional key. Otherwise a missing or empty value
    // is a problem whose message ends with the hint, e.g. "a string such as
    // \"Acme\"".
    std::optional<PlacedString> string(std::string_view key, std::string_view required_hint = {});
    // Arrays of strings; `required_hint` as above (an empty array counts as
    // missing). Each element keeps its own position.
    std::optional<std::vector<PlacedString>> string_array(std::string_view key,
                                                          std::string_view required_hint = {});
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t minimum,
                                        std::int64_t maximum);
    std::optional<bool> boolean(std::string_view key);

    bool has(std::string_view key) const { return table_.contains(key); }
    // True when `key` is present but not an array of strings (already reported).
    bool has_wrong_type(std::string_view key) const {
        const toml::node* found = node(key);
        return found && !found->is_array();
    }
    std::string key_path(std::string_view key) const { return join_key(path_, key); }
    const std::string& path() const { return path_; }
    // Where `key`'s value is written, or the table's own position when absent.
    toml::source_region where(std::string_view key) const;

    void problem(std::string_view key, std::string message);  // at key's value
    void problem_on_table(std::string message);               // at the table

  private:
    const toml::node* node(std::string_view key) const { return table_.get(key); }
    void wrong_type(std::string_view key, std::string_view expected);

    const toml::table& table_;
    std::string path_;
    ProblemList& problems_;
};

// Describes a TOML node's type for "expected a string, found an integer".
std::string_view describe_type(const toml::node& node);

}  // namespace casefile::config
