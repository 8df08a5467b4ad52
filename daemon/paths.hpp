// Where casefile's files live by default (XDG base directories), and the
// expansion of "~/" and "$VARIABLE" in paths the VA writes in the config.
#pragma once

#include <string>
#include <string_view>

namespace casefile::daemon {

// Expands a leading "~" or "~/" to $HOME (the passwd entry when HOME is
// unset), and "$NAME" / "${NAME}" to the environment variable NAME. An unset
// XDG base variable (XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME,
// XDG_CACHE_HOME) expands to its XDG default ("~/.config", ...); any other
// unset variable expands to "". A "$" not followed by a name stays as is.
std::string expand_path(std::string_view path);

// $HOME, else the passwd entry's home directory, else "/".
std::string home_directory();

// Under systemd with ConfigurationDirectory=casefile: $CONFIGURATION_DIRECTORY
// /config.toml (/etc/casefile/config.toml for the system service). Otherwise
// $XDG_CONFIG_HOME/casefile/config.toml, else ~/.config/casefile/config.toml.
std::string default_config_path();

// Under systemd with StateDirectory=casefile: $STATE_DIRECTORY (the system
// service's /var/lib/casefile, which is writable there even with DynamicUser=
// and ProtectSystem=strict). Otherwise $XDG_STATE_HOME/casefile, else
// ~/.local/state/casefile. systemd joins several directories with ':'; the
// first one is used. A relative or empty value is ignored.
std::string default_state_dir();

// default_state_dir() + "/casefile.db".
std::string default_store_path();

}  // namespace casefile::daemon
