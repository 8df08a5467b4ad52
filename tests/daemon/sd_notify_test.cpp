#include "daemon/sd_notify.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace casefile::daemon {
namespace {

// A NOTIFY_SOCKET listener like systemd's, in the abstract namespace or on a path.
class NotifyListener {
public:
    explicit NotifyListener(const std::string& name) : name_(name) {
        descriptor_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.data(), name.size());
        if (name[0] == '@') address.sun_path[0] = '\0';
        const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
        EXPECT_EQ(::bind(descriptor_, reinterpret_cast<sockaddr*>(&address), length), 0);
        timeval timeout{2, 0};
        ::setsockopt(descriptor_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~NotifyListener() {
        ::close(descriptor_);
        if (name_[0] != '@') ::unlink(name_.c_str());
    }
    std::string receive() {
        char buffer[4096];
        const ssize_t count = ::recv(descriptor_, buffer, sizeof buffer, 0);
        return count > 0 ? std::string(buffer, static_cast<std::size_t>(count)) : std::string();
    }

private:
    std::string name_;
    int descriptor_ = -1;
};

TEST(SystemdNotifier, SendsToAnAbstractSocket) {
    const std::string name = "@casefile-test-" + std::to_string(::getpid());
    NotifyListener listener(name);
    ::setenv("NOTIFY_SOCKET", name.c_str(), 1);
    SystemdNotifier notifier;
    ::unsetenv("NOTIFY_SOCKET");
    ASSERT_TRUE(notifier.active());
    notifier.ready("syncing 2 accounts");
    EXPECT_EQ(listener.receive(), "READY=1\nSTATUS=syncing 2 accounts");
    notifier.watchdog();
    EXPECT_EQ(listener.receive(), "WATCHDOG=1");
}

TEST(SystemdNotifier, SendsToAPathSocket) {
    const std::string path = "/tmp/casefile-notify-" + std::to_string(::getpid());
    NotifyListener listener(path);
    ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    SystemdNotifier notifier;
    ::unsetenv("NOTIFY_SOCKET");
    notifier.status("idle");
    EXPECT_EQ(listener.receive(), "STATUS=idle");
}

TEST(SystemdNotifier, InactiveWithoutSystemdAndHalvesTheWatchdog) {
    ::unsetenv("NOTIFY_SOCKET");
    ::setenv("WATCHDOG_USEC", "30000000", 1);
    SystemdNotifier notifier;
    ::unsetenv("WATCHDOG_USEC");
    EXPECT_FALSE(notifier.active());
    notifier.ready("nothing happens");
    ASSERT_TRUE(notifier.watchdog_interval().has_value());
    EXPECT_EQ(*notifier.watchdog_interval(), std::chrono::milliseconds(15000));
}

}  // namespace
}  // namespace casefile::daemon
