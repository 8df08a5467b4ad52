#include "config/toml_reader.hpp"

#include <algorithm>

#include "config/validation.hpp"

namespace casefile::config {

namespace {

int to_int(toml::source_index index) { return static_cast<int>(index); }

}  // namespace

void ProblemList::add(const toml::source_region& where, std::string key, std::string message) {
    problems_.push_back(ConfigProblem{file_, to_int(where.begin.line), to_int(where.begin.column),
                                      std::move(key), std::move(message)});
}

void ProblemList::add_unplaced(std::string key, std::string message) {
    problems_.push_back(ConfigProblem{file_, 0, 0, std::move(key), std::move(message)});
}

std::vector<ConfigProblem> ProblemList::take_sorted() {
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const ConfigProblem& a, const ConfigProblem& b) {
                         if (a.line != b.line) return a.line < b.line;
                         return a.column < b.column;
                     });
    return std::move(problems_);
}

std::optional<toml::table> parse_toml(std::string_view text, ProblemList& problems) {
    try {
        return toml::parse(text, std::string_view(problems.file()));
    } catch (const toml::parse_error& error) {
        problems.add(error.source(), "", "TOML syntax error: " + std::string(error.description()));
        return std::nullopt;
    }
}

std::string join_key(std::string_view path, std::string_view key) {
    if (path.empty()) return std::string(key);
    std::string out(path);
    out += '.';
    out += key;
    return out;
}

std::string_view describe_type(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::array:
            return node.is_array_of_tables() ? "an array of tables" : "an array";
        case toml::node_type::table:
            return "a table";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

void TableReader::check_known_keys(std::span<const std::string_view> known) {
    for (auto&& [key, value] : table_) {
        const std::string_view name = key.str();
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string message = "unknown key '" + std::string(name) + "'";
        if (const auto suggestion = closest_key(name, known)) {
            message += "; did you mean '" + std::string(*suggestion) + "'?";
        } else {
            message += "; known keys here are ";
            for (std::size_t i = 0; i < known.size(); ++i) {
                if (i > 0) message += i + 1 == known.size() ? " and " : ", ";
                message += "'" + std::string(known[i]) + "'";
            }
        }
        problems_.add(key.source(), join_key(path_, name), std::move(message));
    }
}

toml::source_region TableReader::where(std::string_view key) const {
    if (const toml::node* found = node(key)) return found->source();
    return table_.source();
}

void TableReader::problem(std::string_view key, std::string message) {
    problems_.add(where(key), key_path(key), std::move(message));
}

void TableReader::problem_on_table(std::string message) {
    problems_.add(table_.source(), path_, std::move(message));
}

void TableReader::wrong_type(std::string_view key, std::string_view expected) {
    problem(key, "expected " + std::string(expected) + ", found " +
                     std::string(describe_type(*node(key))));
}

std::optional<PlacedString> TableReader::string(std::string_view key,
                                                std::string_view required_hint) {
    const toml::node* found = node(key);
    if (!found) {
        if (!required_hint.empty()) {
            problem_on_table("missing required key '" + std::string(key) + "': expected " +
                             std::string(required_hint));
        }
        return std::nullopt;
    }
    const auto* text = found->as_string();
    if (!text) {
        wrong_type(key, required_hint.empty() ? "a string" : required_hint);
        return std::nullopt;
    }
    if (!required_hint.empty() && text->get().empty()) {
        problem(key, "must not be empty: expected " + std::string(required_hint));
        return std::nullopt;
    }
    return PlacedString{text->get(), key_path(key), found->source()};
}

std::optional<std::vector<PlacedString>> TableReader::string_array(std::string_view key,
                                                                   std::string_view required_hint) {
    const toml::node* found = node(key);
    if (!found) {
        if (!required_hint.empty()) {
            problem_on_table("missing required key '" + std::string(key) + "': expected " +
                             std::string(required_hint));
        }
        return std::nullopt;
    }
    const auto* array = found->as_array();
    if (!array) {
        wrong_type(key, required_hint.empty() ? "an array of strings" : required_hint);
        return std::nullopt;
    }
    if (!required_hint.empty() && array->empty()) {
        problem(key, "must not be empty: expected " + std::string(required_hint));
        return std::nullopt;
    }
    std::vector<PlacedString> out;
    bool all_strings = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = *array->get(i);
        const std::string element_key = key_path(key) + "[" + std::to_string(i) + "]";
        const auto* text = element.as_string();
        if (!text) {
            problems_.add(element.source(), element_key,
                          "expected a string, found " + std::string(describe_type(element)));
            all_strings = false;
            continue;
        }
        out.push_back(PlacedString{text->get(), element_key, element.source()});
    }
    if (!all_strings) return std::nullopt;
    return out;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t minimum,
                                                 std::int64_t maximum) {
    const toml::node* found = node(key);
    if (!found) return std::nullopt;
    const auto* number = found->as_integer();
    if (!number) {
        wrong_type(key, "an integer");
        return std::nullopt;
    }
    if (number->get() < minimum || number->get() > maximum) {
        problem(key, "expected an integer from " + std::to_string(minimum) + " to " +
                         std::to_string(maximum) + ", found " + std::to_string(number->get()));
        return std::nullopt;
    }
    return number->get();
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const toml::node* found = node(key);
    if (!found) return std::nullopt;
    const auto* flag = found->as_boolean();
    if (!flag) {
        wrong_type(key, "a boolean (true or false)");
        return std::nullopt;
    }
    return flag->get();
}

}  // namespace casefile::config
