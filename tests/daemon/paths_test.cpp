#include "daemon/paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace casefile::daemon {
namespace {

// Sets (or unsets, with nullopt) one environment variable for a test's
// lifetime and restores the old value afterwards.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(Paths, ExpandsHome) {
    ScopedEnv home("HOME", "/home/dana");
    EXPECT_EQ(expand_path("~/.config/casefile/imap.pass"), "/home/dana/.config/casefile/imap.pass");
    EXPECT_EQ(expand_path("~"), "/home/dana");
    EXPECT_EQ(expand_path("/etc/~/x"), "/etc/~/x");  // only a leading "~"
    EXPECT_EQ(expand_path("~bob/x"), "~bob/x");      // other users' homes are not guessed
}

TEST(Paths, ExpandsVariablesWithXdgDefaults) {
    ScopedEnv home("HOME", "/home/dana");
    ScopedEnv state("XDG_STATE_HOME", "/var/lib/dana-state");
    ScopedEnv config("XDG_CONFIG_HOME", std::nullopt);
    ScopedEnv other("CASEFILE_TEST_UNSET", std::nullopt);
    EXPECT_EQ(expand_path("$XDG_STATE_HOME/casefile/casefile.db"),
              "/var/lib/dana-state/casefile/casefile.db");
    EXPECT_EQ(expand_path("${XDG_STATE_HOME}x"), "/var/lib/dana-statex");
    EXPECT_EQ(expand_path("${XDG_CONFIG_HOME}/casefile"), "/home/dana/.config/casefile");
    EXPECT_EQ(expand_path("$CASEFILE_TEST_UNSET/a"), "/a");
    EXPECT_EQ(expand_path("price$"), "price$");
    EXPECT_EQ(expand_path("a$1b"), "a$1b");
    EXPECT_EQ(expand_path("${not closed"), "${not closed");
    EXPECT_EQ(expand_path("${bad-name}"), "${bad-name}");
}

TEST(Paths, DefaultsFollowXdg) {
    ScopedEnv home("HOME", "/home/dana");
    ScopedEnv state_directory("STATE_DIRECTORY", std::nullopt);
    ScopedEnv configuration_directory("CONFIGURATION_DIRECTORY", std::nullopt);
    {
        ScopedEnv config("XDG_CONFIG_HOME", "/cfg");
        ScopedEnv state("XDG_STATE_HOME", "/state");
        EXPECT_EQ(default_config_path(), "/cfg/casefile/config.toml");
        EXPECT_EQ(default_state_dir(), "/state/casefile");
        EXPECT_EQ(default_store_path(), "/state/casefile/casefile.db");
    }
    {
        ScopedEnv config("XDG_CONFIG_HOME", std::nullopt);
        ScopedEnv state("XDG_STATE_HOME", "relative/is/ignored");
        EXPECT_EQ(default_config_path(), "/home/dana/.config/casefile/config.toml");
        EXPECT_EQ(default_state_dir(), "/home/dana/.local/state/casefile");
        EXPECT_EQ(default_store_path(), "/home/dana/.local/state/casefile/casefile.db");
    }
}

// systemd sets these for StateDirectory=casefile / ConfigurationDirectory=casefile:
// /var/lib/casefile and /etc/casefile for the system service (where HOME is
// "/" under DynamicUser=), ~/.local/state/casefile and ~/.config/casefile for
// a --user service.
TEST(Paths, SystemdDirectoriesComeFirst) {
    ScopedEnv home("HOME", "/");
    ScopedEnv config("XDG_CONFIG_HOME", "/cfg");
    ScopedEnv state("XDG_STATE_HOME", "/state");
    {
        ScopedEnv state_directory("STATE_DIRECTORY", "/var/lib/casefile");
        ScopedEnv configuration_directory("CONFIGURATION_DIRECTORY", "/etc/casefile");
        EXPECT_EQ(default_config_path(), "/etc/casefile/config.toml");
        EXPECT_EQ(default_state_dir(), "/var/lib/casefile");
        EXPECT_EQ(default_store_path(), "/var/lib/casefile/casefile.db");
        // The variables also expand in the config's own paths.
        EXPECT_EQ(expand_path("$STATE_DIRECTORY/casefile.db"), "/var/lib/casefile/casefile.db");
    }
    {
        // Several StateDirectory= entries are joined with ':'; the first one counts.
        ScopedEnv state_directory("STATE_DIRECTORY", "/var/lib/casefile/:/var/lib/other");
        ScopedEnv configuration_directory("CONFIGURATION_DIRECTORY", "/etc/casefile:/etc/other");
        EXPECT_EQ(default_state_dir(), "/var/lib/casefile");
        EXPECT_EQ(default_config_path(), "/etc/casefile/config.toml");
    }
    {
        ScopedEnv state_directory("STATE_DIRECTORY", "relative/is/ignored");
        ScopedEnv configuration_directory("CONFIGURATION_DIRECTORY", "");
        EXPECT_EQ(default_state_dir(), "/state/casefile");
        EXPECT_EQ(default_config_path(), "/cfg/casefile/config.toml");
    }
}

TEST(Paths, HomeFallsBackToPasswd) {
    ScopedEnv home("HOME", std::nullopt);
    EXPECT_FALSE(home_directory().empty());
    EXPECT_EQ(home_directory().front(), '/');
}

}  // namespace
}  // namespace casefile::daemon
