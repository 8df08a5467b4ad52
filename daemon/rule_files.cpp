#include "daemon/rule_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/rules_loader.hpp"
#include "daemon/paths.hpp"

namespace casefile::daemon {

core::Result<core::RuleSet> load_rule_set(const std::optional<config::Settings>& settings) {
    std::vector<core::Rule> rules = config::default_rules();
    if (settings) {
        const std::filesystem::path config_directory =
            std::filesystem::path(settings->source_file).parent_path();
        std::string problems;
        for (const std::string& written : settings->rules.files) {
            std::filesystem::path path = expand_path(written);
            if (path.is_relative() && !config_directory.empty()) path = config_directory / path;
            std::ifstream file(path, std::ios::binary);
            if (!file) {
                problems += path.string() + ": cannot read this rules file (named in [rules] files of " +
                            settings->source_file + ")\n";
                continue;
            }
            std::ostringstream text;
            text << file.rdbuf();
            auto parsed = config::parse_rules(text.str(), path.string());
            if (!parsed) {
                problems += config::format_problems(parsed.error());
                continue;
            }
            rules = config::merge_rules(std::move(rules), *parsed);
        }
        if (!problems.empty()) {
            problems.pop_back();  // the last '\n'
            return core::fail(problems);
        }
    }
    return core::RuleSet::create(std::move(rules));
}

}  // namespace casefile::daemon
