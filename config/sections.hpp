// Internal to config/: readers for the config's sections. Each one fills its
// part of Settings and records every problem it finds in the ProblemList.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>

#include "config/settings.hpp"
#include "config/toml_reader.hpp"

namespace casefile::config {

// [me], [[client]], [store], [rules]: config_loader.cpp.
void read_me(const toml::table& root, ProblemList& problems, const TimezoneCheck& timezone_exists,
             Settings& settings);
void read_clients(const toml::table& root, ProblemList& problems, Settings& settings);

// [[account]] and [digest]: server_sections.cpp.
void read_accounts(const toml::table& root, ProblemList& problems, Settings& settings);
void read_digest(const toml::table& root, ProblemList& problems, Settings& settings);

// Lower-cases and checks one address; records a problem and returns nullopt
// when it is not shaped like local@domain.
std::optional<std::string> checked_address(const PlacedString& address, ProblemList& problems);

// Calls `visit` with a reader for each table in the array of tables `name`
// ("account" -> "account[0]", ...). A plain [name] table or any other type
// is a problem that says to write [[name]].
template <typename Visit>
void for_each_table(const toml::table& root, std::string_view name, ProblemList& problems,
                    Visit&& visit) {
    const toml::node* node = root.get(name);
    if (!node) return;
    const toml::array* array = node->as_array();
    if (array && array->empty()) return;
    if (!array || !array->is_array_of_tables()) {
        problems.add(node->source(), std::string(name),
                     "expected an array of tables written as [[" + std::string(name) +
                         "]], found " + std::string(describe_type(*node)));
        return;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        TableReader reader(*array->get(i)->as_table(),
                           std::string(name) + "[" + std::to_string(i) + "]", problems);
        visit(reader, i);
    }
}

}  // namespace casefile::config
