#include "config/config_loader.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "config/example_config_text.hpp"  // generated at configure time
#include "config/sections.hpp"
#include "config/validation.hpp"
#include "config/working_hours.hpp"

namespace casefile::config {

namespace {

constexpr std::array<std::string_view, 6> root_keys = {"store",  "me",     "account",
                                                       "client", "digest", "rules"};
constexpr std::array<std::string_view, 4> me_keys = {"name", "addresses", "timezone",
                                                     "working_hours"};
constexpr std::array<std::string_view, 3> client_keys = {"name", "addresses", "domains"};
constexpr std::array<std::string_view, 1> store_keys = {"path"};
constexpr std::array<std::string_view, 1> rules_keys = {"files"};

// A [section] that must be a table; anything else (or [[section]]) is a
// problem. Returns nullptr when absent or wrong.
const toml::table* section_table(const toml::table& root, std::string_view name,
                                 ProblemList& problems) {
    const toml::node* node = root.get(name);
    if (!node) return nullptr;
    if (const toml::table* table = node->as_table()) return table;
    problems.add(node->source(), std::string(name),
                 "expected a table written as [" + std::string(name) + "], found " +
                     std::string(describe_type(*node)));
    return nullptr;
}

void read_store(const toml::table& root, ProblemList& problems, Settings& settings) {
    const toml::table* table = section_table(root, "store", problems);
    if (!table) return;
    TableReader store(*table, "store", problems);
    store.check_known_keys(store_keys);
    if (auto path = store.string("path")) settings.store.path = path->value;
}

void read_rules(const toml::table& root, ProblemList& problems, Settings& settings) {
    const toml::table* table = section_table(root, "rules", problems);
    if (!table) return;
    TableReader rules(*table, "rules", problems);
    rules.check_known_keys(rules_keys);
    if (auto files = rules.string_array("files")) {
        for (const PlacedString& file : *files) {
            if (file.value.empty()) {
                problems.add(file.where, file.key, "expected a path to a rules file, found \"\"");
                continue;
            }
            settings.rules.files.push_back(file.value);
        }
    }
}

}  // namespace

std::optional<std::string> checked_address(const PlacedString& address, ProblemList& problems) {
    std::string lowered = to_lower_ascii(address.value);
    if (!is_email_address(lowered)) {
        problems.add(address.where, address.key,
                     "\"" + address.value +
                         "\" is not an email address: expected local@domain such as "
                         "\"bob@acme.example\"");
        return std::nullopt;
    }
    return lowered;
}

void read_me(const toml::table& root, ProblemList& problems, const TimezoneCheck& timezone_exists,
             Settings& settings) {
    const toml::table* table = section_table(root, "me", problems);
    if (!table) {
        if (!root.contains("me")) {
            problems.add_unplaced("me",
                                  "missing required table [me]: expected your name, addresses "
                                  "and timezone");
        }
        return;
    }
    TableReader me(*table, "me", problems);
    me.check_known_keys(me_keys);
    MeSettings& out = settings.me;
    if (auto name = me.string("name", "your name as a string, such as \"Dana Reyes\"")) {
        out.name = name->value;
    }
    if (auto addresses = me.string_array(
            "addresses", "an array of your own addresses, such as [\"dana@reyes-va.example\"]")) {
        for (const PlacedString& address : *addresses) {
            if (auto lowered = checked_address(address, problems))
                out.addresses.push_back(*lowered);
        }
    }
    if (auto zone = me.string("timezone", "an IANA time zone name such as \"America/Chicago\"")) {
        const bool exists =
            has_time_zone_shape(zone->value) && (!timezone_exists || timezone_exists(zone->value));
        if (exists) {
            out.timezone = zone->value;
        } else {
            problems.add(zone->where, zone->key,
                         "unknown time zone \"" + zone->value +
                             "\": expected an IANA name such as \"America/Chicago\" or "
                             "\"Europe/Berlin\"");
        }
    }
    if (auto hours = me.string("working_hours")) {
        if (auto parsed = parse_working_hours(hours->value)) {
            out.working_hours_text = hours->value;
            out.working_hours = *parsed;
        } else {
            problems.add(hours->where, hours->key, parsed.error().message);
        }
    } else {
        // Keep the parsed default in step with the default text.
        if (auto parsed = parse_working_hours(out.working_hours_text)) out.working_hours = *parsed;
    }
}

void read_clients(const toml::table& root, ProblemList& problems, Settings& settings) {
    // Lower-cased name / address / domain -> the client that listed it first.
    std::map<std::string, std::string> client_by_name;
    std::map<std::string, std::string> client_by_address;
    std::map<std::string, std::string> client_by_domain;
    for_each_table(root, "client", problems, [&](TableReader& client, std::size_t) {
        client.check_known_keys(client_keys);
        ClientSettings out;
        if (auto name = client.string("name", "the client's name as a string, such as \"Acme\"")) {
            out.name = name->value;
            const auto [it, inserted] = client_by_name.emplace(to_lower_ascii(out.name), out.name);
            if (!inserted) {
                problems.add(name->where, name->key,
                             "client name \"" + out.name +
                                 "\" is used twice; give each "
                                 "[[client]] its own name");
            }
        }
        const std::string label = out.name.empty() ? client.path() : "\"" + out.name + "\"";
        const auto claim = [&](std::map<std::string, std::string>& owners, const PlacedString& at,
                               const std::string& value, std::string_view what) {
            const auto [it, inserted] = owners.emplace(value, label);
            if (inserted) return true;
            if (it->second == label) {
                problems.add(at.where, at.key,
                             std::string(what) + " \"" + value +
                                 "\" is listed twice under this client; list it once");
            } else {
                problems.add(at.where, at.key,
                             std::string(what) + " \"" + value +
                                 "\" is already listed under client " + it->second +
                                 "; list it under one client only");
            }
            return false;
        };
        std::size_t entries_seen = 0;
        if (auto addresses = client.string_array("addresses")) {
            entries_seen += addresses->size();
            for (const PlacedString& address : *addresses) {
                auto lowered = checked_address(address, problems);
                if (!lowered) continue;
                const auto& own = settings.me.addresses;
                if (std::find(own.begin(), own.end(), *lowered) != own.end()) {
                    problems.add(address.where, address.key,
                                 "\"" + *lowered +
                                     "\" is one of your own addresses in [me]; a "
                                     "client's addresses must be the client's");
                    continue;
                }
                if (claim(client_by_address, address, *lowered, "address")) {
                    out.addresses.push_back(*lowered);
                }
            }
        }
        if (auto domains = client.string_array("domains")) {
            entries_seen += domains->size();
            for (const PlacedString& domain : *domains) {
                std::string lowered = to_lower_ascii(domain.value);
                if (!lowered.empty() && lowered.front() == '@') lowered.erase(0, 1);
                if (!is_domain_name(lowered)) {
                    problems.add(domain.where, domain.key,
                                 "\"" + domain.value +
                                     "\" is not a domain name: expected a name such as "
                                     "\"acme.example\"");
                    continue;
                }
                if (claim(client_by_domain, domain, lowered, "domain")) {
                    out.domains.push_back(lowered);
                }
            }
        }
        if (entries_seen == 0 && !client.has_wrong_type("addresses") &&
            !client.has_wrong_type("domains")) {
            client.problem_on_table("client " + label +
                                    " needs at least one entry in 'addresses' or 'domains' "
                                    "to recognise its mail");
        }
        settings.clients.push_back(std::move(out));
    });
}

std::string ConfigProblem::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    if (!key.empty()) out += key + ": ";
    out += message;
    return out;
}

std::string format_problems(const std::vector<ConfigProblem>& problems) {
    std::string out;
    for (const ConfigProblem& problem : problems) out += problem.to_string() + '\n';
    return out;
}

std::string_view example_config() { return example_config_text; }

LoadResult load_settings(std::string_view toml_text, const std::string& file_name,
                         const TimezoneCheck& timezone_exists) {
    ProblemList problems(file_name);
    auto parsed = parse_toml(toml_text, problems);
    if (!parsed) return tl::unexpected(problems.take_sorted());
    const toml::table& root = *parsed;

    Settings settings;
    settings.source_file = file_name;
    TableReader(root, "", problems).check_known_keys(root_keys);
    read_store(root, problems, settings);
    read_me(root, problems, timezone_exists, settings);
    read_accounts(root, problems, settings);
    read_clients(root, problems, settings);
    read_digest(root, problems, settings);
    read_rules(root, problems, settings);

    if (!problems.empty()) return tl::unexpected(problems.take_sorted());
    return settings;
}

}  // namespace casefile::config
