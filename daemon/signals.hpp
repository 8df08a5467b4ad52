// SIGTERM / SIGINT (stop after the current batch) and SIGHUP (reload the
// config), turned into flags plus a self-pipe that wakes any poll() waiting
// on a server, so a daemon in IDLE stops within a moment, not 29 minutes.
#pragma once

#include <atomic>
#include <chrono>

namespace casefile::daemon {

class SignalWatch {
public:
    // Installs the handlers (once per process) and resets the flags.
    SignalWatch();
    ~SignalWatch();
    SignalWatch(const SignalWatch&) = delete;
    SignalWatch& operator=(const SignalWatch&) = delete;

    bool stop_requested() const;
    // True once per SIGHUP received.
    bool take_reload_request();
    // Readable when a signal arrived; poll() it beside a socket.
    int wake_descriptor() const;
    // Empties the pipe after a wake-up that was handled.
    void drain() const;
    // Asks for a stop from inside the program (tests, fatal errors).
    static void request_stop();
    // Wakes every waiter without setting a flag (a config reload stops the
    // account workers; their owner sets its own flag first).
    static void wake_all();
    // Waits up to `timeout` for a wake-up; true when woken.
    bool wait(std::chrono::milliseconds timeout) const;
};

// Sleeps up to `delay` for a worker thread, returning early once a stop
// signal arrives or `stop` is set. Wake-ups meant for others do not end it.
void sleep_unless_stopped(const SignalWatch& signals, const std::atomic<bool>& stop,
                          std::chrono::milliseconds delay);

}  // namespace casefile::daemon
