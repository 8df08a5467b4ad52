#include "daemon/sd_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace casefile::daemon {

SystemdNotifier::SystemdNotifier() {
    if (const char* path = std::getenv("NOTIFY_SOCKET"); path != nullptr && *path != '\0') {
        socket_path_ = path;
    }
    if (const char* usec = std::getenv("WATCHDOG_USEC"); usec != nullptr && *usec != '\0') {
        // WATCHDOG_PID, when set, must be ours (sd_watchdog_enabled(3)).
        const char* pid = std::getenv("WATCHDOG_PID");
        if (pid == nullptr || std::strtol(pid, nullptr, 10) == ::getpid()) {
            const long long microseconds = std::strtoll(usec, nullptr, 10);
            if (microseconds > 0) watchdog_interval_ = std::chrono::milliseconds(microseconds / 2000);
        }
    }
}

void SystemdNotifier::notify(std::string_view state) const {
    if (socket_path_.empty()) return;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socket_path_.size() >= sizeof address.sun_path) return;
    std::memcpy(address.sun_path, socket_path_.data(), socket_path_.size());
    // An abstract socket is written with a leading '@' and addressed with a
    // leading NUL byte; its address length counts only the bytes used.
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';
    const auto length =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path_.size());
    const int descriptor = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (descriptor < 0) return;
    (void)::sendto(descriptor, state.data(), state.size(), MSG_NOSIGNAL,
                   reinterpret_cast<const sockaddr*>(&address), length);
    ::close(descriptor);
}

void SystemdNotifier::ready(std::string_view status) const {
    notify("READY=1\nSTATUS=" + std::string(status));
}

void SystemdNotifier::status(std::string_view status) const {
    notify("STATUS=" + std::string(status));
}

}  // namespace casefile::daemon
