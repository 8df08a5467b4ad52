#include "daemon/signals.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

namespace casefile::daemon {
namespace {

std::atomic<bool> stop_flag{false};
std::atomic<bool> reload_flag{false};
int wake_pipe[2] = {-1, -1};

void wake() {
    if (wake_pipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t ignored = ::write(wake_pipe[1], &byte, 1);
    }
}

// Only async-signal-safe work here: atomics and write(2).
void on_signal(int number) {
    if (number == SIGHUP) {
        reload_flag = true;
    } else {
        stop_flag = true;
    }
    wake();
}

}  // namespace

SignalWatch::SignalWatch() {
    stop_flag = false;
    reload_flag = false;
    if (wake_pipe[0] < 0) {
        if (::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
            wake_pipe[0] = wake_pipe[1] = -1;
        }
    }
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking poll() returns EINTR
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

SignalWatch::~SignalWatch() {
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGHUP, SIG_DFL);
}

bool SignalWatch::stop_requested() const { return stop_flag; }

bool SignalWatch::take_reload_request() { return reload_flag.exchange(false); }

int SignalWatch::wake_descriptor() const { return wake_pipe[0]; }

void SignalWatch::drain() const {
    char buffer[64];
    while (wake_pipe[0] >= 0 && ::read(wake_pipe[0], buffer, sizeof buffer) > 0) {
    }
}

void SignalWatch::wake_all() { wake(); }

bool SignalWatch::wait(std::chrono::milliseconds timeout) const {
    pollfd descriptor{};
    descriptor.fd = wake_pipe[0];
    descriptor.events = POLLIN;
    return ::poll(&descriptor, 1, static_cast<int>(timeout.count())) != 0;
}

void SignalWatch::request_stop() {
    stop_flag = true;
    wake();
}

void sleep_unless_stopped(const SignalWatch& signals, const std::atomic<bool>& stop,
                          std::chrono::milliseconds delay) {
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stop && !signals.stop_requested()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return;
        // A wake-up that is not for us (the pipe is drained by the owner)
        // must not spin: sleep in short steps while it stays readable.
        if (signals.wait(left)) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

}  // namespace casefile::daemon
