#include "daemon/arguments.hpp"

namespace casefile::daemon {

bool Arguments::flag(std::string_view name) {
    for (auto word = words_.begin(); word != words_.end(); ++word) {
        if (*word == "--") break;
        if (*word == name) {
            words_.erase(word);
            return true;
        }
    }
    return false;
}

std::optional<std::string> Arguments::option(std::string_view name) {
    const std::string with_equals = std::string(name) + "=";
    for (auto word = words_.begin(); word != words_.end(); ++word) {
        if (*word == "--") break;
        if (word->starts_with(with_equals)) {
            std::string value = word->substr(with_equals.size());
            words_.erase(word);
            return value;
        }
        if (*word == name) {
            if (word + 1 == words_.end()) {
                missing_values_.emplace_back(name);
                words_.erase(word);
                return std::nullopt;
            }
            std::string value = *(word + 1);
            words_.erase(word, word + 2);
            return value;
        }
    }
    return std::nullopt;
}

core::Result<std::vector<std::string>> Arguments::finish() {
    if (!missing_values_.empty()) {
        return core::fail("option " + missing_values_.front() + " needs a value");
    }
    std::vector<std::string> positionals;
    bool options_ended = false;
    for (const auto& word : words_) {
        if (!options_ended && word == "--") {
            options_ended = true;
        } else if (!options_ended && word.size() > 1 && word[0] == '-') {
            return core::fail("unknown option " + word);
        } else {
            positionals.push_back(word);
        }
    }
    return positionals;
}

}  // namespace casefile::daemon
