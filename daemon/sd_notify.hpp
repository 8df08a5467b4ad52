// systemd's notify protocol without libsystemd: one datagram per state change
// to $NOTIFY_SOCKET (sd_notify(3)). Does nothing when not run by systemd.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace casefile::daemon {

class SystemdNotifier {
public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment once.
    SystemdNotifier();

    bool active() const { return !socket_path_.empty(); }
    // Sends "READY=1", "STATUS=...", "WATCHDOG=1", "STOPPING=1", "RELOADING=1"
    // lines (several may be joined with '\n'). Failures are ignored: the
    // daemon must not stop because systemd is not listening.
    void notify(std::string_view state) const;
    void ready(std::string_view status) const;
    void status(std::string_view status) const;
    void watchdog() const { notify("WATCHDOG=1"); }
    void stopping() const { notify("STOPPING=1"); }

    // Half the watchdog interval systemd asked for, if it asked.
    std::optional<std::chrono::milliseconds> watchdog_interval() const { return watchdog_interval_; }

private:
    std::string socket_path_;  // '@' prefix: Linux abstract namespace
    std::optional<std::chrono::milliseconds> watchdog_interval_;
};

}  // namespace casefile::daemon
