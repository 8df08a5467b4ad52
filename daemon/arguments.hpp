// A small command-line reader: each command asks for the flags and options it
// knows, then finish() rejects whatever is left that looks like an option.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace casefile::daemon {

class Arguments {
public:
    explicit Arguments(std::vector<std::string> words) : words_(std::move(words)) {}

    // Takes "--name" if present.
    bool flag(std::string_view name);
    // Takes "--name VALUE" or "--name=VALUE". A missing value is reported by finish().
    std::optional<std::string> option(std::string_view name);
    // Remaining words that are not options, in order ("--" ends options).
    // Fails on an unknown option or a missing option value, naming it.
    core::Result<std::vector<std::string>> finish();

private:
    std::vector<std::string> words_;
    std::vector<std::string> missing_values_;
};

}  // namespace casefile::daemon
