#include "daemon/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <optional>
#include <utility>

namespace casefile::daemon {

namespace {

// XDG Base Directory spec: an unset, empty or relative value means the default.
std::string xdg_directory(const char* variable, std::string_view default_under_home) {
    const char* value = std::getenv(variable);
    if (value && value[0] == '/') return value;
    return home_directory() + "/" + std::string(default_under_home);
}

std::string variable_value(const std::string& name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> xdg_defaults = {{
        {"XDG_CONFIG_HOME", ".config"},
        {"XDG_STATE_HOME", ".local/state"},
        {"XDG_DATA_HOME", ".local/share"},
        {"XDG_CACHE_HOME", ".cache"},
    }};
    for (const auto& [variable, under_home] : xdg_defaults) {
        if (name == variable) return xdg_directory(name.c_str(), under_home);
    }
    const char* value = std::getenv(name.c_str());
    return value ? value : "";
}

// systemd's $STATE_DIRECTORY / $CONFIGURATION_DIRECTORY: the first of the
// ':'-separated absolute paths, or nothing.
std::optional<std::string> systemd_directory(const char* variable) {
    const char* value = std::getenv(variable);
    if (value == nullptr || value[0] != '/') return std::nullopt;
    std::string_view first(value);
    first = first.substr(0, first.find(':'));
    while (first.size() > 1 && first.back() == '/') first.remove_suffix(1);
    return std::string(first);
}

bool is_name_start(char c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::string home_directory() {
    if (const char* home = std::getenv("HOME"); home && home[0] != '\0') return home;
    // Services started without HOME (some system units) still have a passwd entry.
    if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir) return entry->pw_dir;
    return "/";
}

std::string expand_path(std::string_view path) {
    std::string out;
    std::size_t i = 0;
    if (path == "~" || path.starts_with("~/")) {
        out = home_directory();
        i = 1;
    }
    while (i < path.size()) {
        const char c = path[i];
        if (c != '$' || i + 1 >= path.size()) {
            out += c;
            ++i;
            continue;
        }
        if (path[i + 1] == '{') {
            const std::size_t close = path.find('}', i + 2);
            const std::string_view name = close == std::string_view::npos
                                              ? std::string_view{}
                                              : path.substr(i + 2, close - i - 2);
            if (name.empty() || !is_name_start(name.front()) ||
                name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789_") != std::string_view::npos) {
                out += c;  // not a variable reference; keep the text
                ++i;
                continue;
            }
            out += variable_value(std::string(name));
            i = close + 1;
            continue;
        }
        if (!is_name_start(path[i + 1])) {
            out += c;
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < path.size() && is_name_char(path[end])) ++end;
        out += variable_value(std::string(path.substr(i + 1, end - i - 1)));
        i = end;
    }
    return out;
}

std::string default_config_path() {
    if (auto directory = systemd_directory("CONFIGURATION_DIRECTORY")) return *directory + "/config.toml";
    return xdg_directory("XDG_CONFIG_HOME", ".config") + "/casefile/config.toml";
}

std::string default_state_dir() {
    if (auto directory = systemd_directory("STATE_DIRECTORY")) return *directory;
    return xdg_directory("XDG_STATE_HOME", ".local/state") + "/casefile";
}

std::string default_store_path() { return default_state_dir() + "/casefile.db"; }

}  // namespace casefile::daemon
