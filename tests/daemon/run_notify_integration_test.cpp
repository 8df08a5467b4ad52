// `casefile run` started the way systemd starts it: a NOTIFY_SOCKET datagram
// listener owned by the test, WATCHDOG_USEC, SIGTERM to stop. And the
// LoadCredential= path: a password handed over in $CREDENTIALS_DIRECTORY never
// shows up in the process's arguments, environment, output, STATUS= lines or
// store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace casefile::daemon {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A password no other text in the test or the daemon contains.
constexpr const char* kPassword = "Pw-7c1f9e2ab04d-never-leak";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const std::string& path, const std::string& text, mode_t mode = 0600) {
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text;
    }
    ::chmod(path.c_str(), mode);
}

// systemd's side of sd_notify(3): an abstract AF_UNIX datagram socket.
class NotifyListener {
public:
    NotifyListener() {
        static std::atomic<int> counter{0};
        name_ = "@casefile-run-test-" + std::to_string(::getpid()) + "-" +
                std::to_string(counter++);
        descriptor_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name_.data(), name_.size());
        address.sun_path[0] = '\0';
        const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name_.size());
        EXPECT_EQ(::bind(descriptor_, reinterpret_cast<sockaddr*>(&address), length), 0)
            << std::strerror(errno);
    }
    ~NotifyListener() { ::close(descriptor_); }
    NotifyListener(const NotifyListener&) = delete;
    NotifyListener& operator=(const NotifyListener&) = delete;

    const std::string& name() const { return name_; }

    // The next datagram, or nullopt after `timeout`.
    std::optional<std::string> receive(std::chrono::milliseconds timeout) {
        pollfd entry{descriptor_, POLLIN, 0};
        if (::poll(&entry, 1, static_cast<int>(timeout.count())) <= 0) return std::nullopt;
        char buffer[4096];
        const ssize_t count = ::recv(descriptor_, buffer, sizeof buffer, 0);
        if (count <= 0) return std::nullopt;
        std::string message(buffer, static_cast<std::size_t>(count));
        received_.push_back(message);
        return message;
    }

    // Receives until a datagram contains `needle` or `timeout` passes.
    std::optional<std::string> wait_for(const std::string& needle, std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            auto message = receive(std::max(left, 1ms));
            if (message && message->find(needle) != std::string::npos) return message;
        }
        return std::nullopt;
    }

    // Everything received so far, joined, for failure messages and greps.
    std::string transcript() const {
        std::string text;
        for (const auto& message : received_) text += "[" + message + "]\n";
        return text;
    }

private:
    std::string name_;
    int descriptor_ = -1;
    std::vector<std::string> received_;
};

// The casefile binary as a child process with a chosen environment, its
// stdout and stderr in one file.
class Daemon {
public:
    Daemon(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_env,
           const std::string& output_path)
        : output_path_(output_path) {
        std::vector<std::string> environment;
        for (char** entry = environ; *entry != nullptr; ++entry) {
            const std::string_view text(*entry);
            // What systemd would set is set below, or not at all.
            bool drop = false;
            for (const char* name : {"NOTIFY_SOCKET=", "WATCHDOG_USEC=", "WATCHDOG_PID=",
                                     "CREDENTIALS_DIRECTORY=", "STATE_DIRECTORY=",
                                     "CONFIGURATION_DIRECTORY="}) {
                if (text.starts_with(name)) drop = true;
            }
            if (!drop) environment.emplace_back(text);
        }
        environment.insert(environment.end(), extra_env.begin(), extra_env.end());

        std::vector<std::string> argv_strings{CASEFILE_BINARY};
        argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (auto& word : argv_strings) argv.push_back(word.data());
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& entry : environment) envp.push_back(entry.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, output_path.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const int error = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        EXPECT_EQ(error, 0) << std::strerror(error);
        if (error != 0) pid_ = -1;
    }
    ~Daemon() {
        if (pid_ > 0 && !exit_code_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0 && !exit_code_; }

    // The exit code (128 + signal when killed), or nullopt if still running
    // after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (pid_ > 0 && !exit_code_) {
            int status = 0;
            const pid_t done = ::waitpid(pid_, &status, WNOHANG);
            if (done == pid_) {
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                break;
            }
            if (Clock::now() >= deadline) break;
            std::this_thread::sleep_for(20ms);
        }
        return exit_code_;
    }

    std::string output() const { return read_file(output_path_); }

private:
    std::string output_path_;
    pid_t pid_ = -1;
    std::optional<int> exit_code_;
};

constexpr const char* kMe = R"([me]
name = "Dana Reyes"
addresses = ["dana@reyes-va.example"]
timezone = "America/Chicago"
working_hours = "Mon-Fri 09:00-17:30"

[[client]]
name = "Acme"
domains = ["acme.example"]
)";

// A loopback port nobody listens on (bound, then released).
int closed_port() {
    const int descriptor = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(descriptor, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(descriptor);
    return ntohs(address.sin_port);
}

class RunUnderSystemd : public ::testing::Test {
protected:
    std::string config_with_credential_account() {
        const std::string config = directory_.file("config.toml");
        write_file(config, std::string(kMe) + R"(
[[account]]
name = "work"
url = "imap://127.0.0.1:)" + std::to_string(closed_port()) + R"("
tls = "none"
user = "dana@reyes-va.example"
credential = "imap-password"
folders = ["INBOX"]
)");
        std::filesystem::create_directories(credentials_);
        write_file(credentials_ + "/imap-password", std::string(kPassword) + "\n", 0400);
        return config;
    }

    testing::TempDir directory_;
    std::string store_ = directory_.file("state/casefile.db");
    std::string credentials_ = directory_.file("credentials");
    std::string home_ = "HOME=" + directory_.path().string();
};

TEST_F(RunUnderSystemd, ReadyWithStatusThenWatchdogPingsThenCleanStopOnSigterm) {
    const std::string config = directory_.file("config.toml");
    write_file(config, kMe);
    NotifyListener listener;
    Daemon daemon({"--config", config, "--store", store_, "run"},
                  {"NOTIFY_SOCKET=" + listener.name(), "WATCHDOG_USEC=2000000", home_},
                  directory_.file("output.txt"));
    ASSERT_TRUE(daemon.running());

    auto ready = listener.wait_for("READY=1", 15s);
    ASSERT_TRUE(ready.has_value()) << listener.transcript() << daemon.output();
    // READY=1 comes with the STATUS= that `systemctl status` shows.
    EXPECT_NE(ready->find("STATUS="), std::string::npos) << *ready;
    EXPECT_NE(ready->find("no [[account]] configured"), std::string::npos) << *ready;

    // WATCHDOG_USEC=2 s: a ping at least every second, so one within 3 s.
    const auto ready_at = Clock::now();
    auto ping = listener.wait_for("WATCHDOG=1", 3s);
    ASSERT_TRUE(ping.has_value()) << listener.transcript() << daemon.output();
    EXPECT_LE(Clock::now() - ready_at, 3s);
    auto second_ping = listener.wait_for("WATCHDOG=1", 3s);
    EXPECT_TRUE(second_ping.has_value()) << listener.transcript();

    ASSERT_EQ(::kill(daemon.pid(), SIGTERM), 0);
    auto stopping = listener.wait_for("STOPPING=1", 5s);
    EXPECT_TRUE(stopping.has_value()) << listener.transcript() << daemon.output();
    auto exit_code = daemon.wait(10s);
    ASSERT_TRUE(exit_code.has_value()) << "still running 10 s after SIGTERM\n" << daemon.output();
    EXPECT_EQ(*exit_code, 0) << daemon.output();
    EXPECT_TRUE(std::filesystem::exists(store_));
}

TEST_F(RunUnderSystemd, SighupReloadsAndReportsReadyAgain) {
    const std::string config = directory_.file("config.toml");
    write_file(config, kMe);
    NotifyListener listener;
    Daemon daemon({"--config", config, "--store", store_, "run"},
                  {"NOTIFY_SOCKET=" + listener.name(), "WATCHDOG_USEC=2000000", home_},
                  directory_.file("output.txt"));
    ASSERT_TRUE(listener.wait_for("READY=1", 15s).has_value()) << daemon.output();
    ASSERT_EQ(::kill(daemon.pid(), SIGHUP), 0);  // systemctl reload: ExecReload=kill -HUP
    EXPECT_TRUE(listener.wait_for("RELOADING=1", 5s).has_value()) << listener.transcript();
    auto ready_again = listener.wait_for("READY=1", 5s);
    ASSERT_TRUE(ready_again.has_value()) << listener.transcript() << daemon.output();
    EXPECT_NE(ready_again->find("no [[account]] configured"), std::string::npos) << *ready_again;
    ASSERT_EQ(::kill(daemon.pid(), SIGTERM), 0);
    auto exit_code = daemon.wait(10s);
    ASSERT_TRUE(exit_code.has_value()) << daemon.output();
    EXPECT_EQ(*exit_code, 0) << daemon.output();
}

TEST_F(RunUnderSystemd, CheckConfigReadsTheCredentialAndNeverPrintsIt) {
    const std::string config = config_with_credential_account();
    const std::string prefix = "env CREDENTIALS_DIRECTORY=" + testing::quote(credentials_) + " " +
                               testing::quote(CASEFILE_BINARY) + " --config " +
                               testing::quote(config) + " --store " + testing::quote(store_);
    auto checked = testing::run_command(prefix + " check-config");
    EXPECT_EQ(checked.exit_code, 0) << checked.output;
    EXPECT_NE(checked.output.find("is valid: 1 account"), std::string::npos) << checked.output;
    EXPECT_EQ(checked.output.find(kPassword), std::string::npos) << checked.output;

    // Without the credential (LoadCredential= missing), the message names the
    // credential and still not its value.
    auto missing = testing::run_command(
        "env -u CREDENTIALS_DIRECTORY " + testing::quote(CASEFILE_BINARY) + " --config " +
        testing::quote(config) + " check-config");
    EXPECT_EQ(missing.exit_code, 2) << missing.output;
    EXPECT_NE(missing.output.find("imap-password"), std::string::npos) << missing.output;
    EXPECT_EQ(missing.output.find(kPassword), std::string::npos) << missing.output;
}

TEST_F(RunUnderSystemd, TheCredentialNeverLeaksFromARunningDaemon) {
    const std::string config = config_with_credential_account();
    NotifyListener listener;
    Daemon daemon({"--verbose", "--config", config, "--store", store_, "run"},
                  {"NOTIFY_SOCKET=" + listener.name(), "WATCHDOG_USEC=2000000",
                   "CREDENTIALS_DIRECTORY=" + credentials_, home_},
                  directory_.file("output.txt"));
    ASSERT_TRUE(listener.wait_for("READY=1", 15s).has_value()) << daemon.output();
    // Let the worker read the credential, fail to connect and schedule a retry.
    const auto deadline = Clock::now() + 10s;
    while (Clock::now() < deadline && daemon.output().find("retrying") == std::string::npos) {
        listener.receive(200ms);
    }
    const std::string output_while_running = daemon.output();
    EXPECT_NE(output_while_running.find("retrying"), std::string::npos)
        << "the worker never tried to connect:\n" << output_while_running;
    // It got as far as connecting, so the credential itself was read.
    EXPECT_EQ(output_while_running.find("credential \"imap-password\""), std::string::npos)
        << output_while_running;

    const std::string proc = "/proc/" + std::to_string(daemon.pid());
    const std::string environ_text = read_file(proc + "/environ");
    const std::string cmdline = read_file(proc + "/cmdline");
    ASSERT_FALSE(environ_text.empty());
    ASSERT_FALSE(cmdline.empty());
    EXPECT_NE(environ_text.find("CREDENTIALS_DIRECTORY="), std::string::npos);
    EXPECT_EQ(environ_text.find(kPassword), std::string::npos);
    EXPECT_EQ(cmdline.find(kPassword), std::string::npos);
    // The same for every thread (the workers run on their own threads).
    std::error_code ignored;
    for (const auto& task : std::filesystem::directory_iterator(proc + "/task", ignored)) {
        EXPECT_EQ(read_file(task.path().string() + "/cmdline").find(kPassword), std::string::npos);
        EXPECT_EQ(read_file(task.path().string() + "/comm").find(kPassword), std::string::npos);
    }

    ASSERT_EQ(::kill(daemon.pid(), SIGTERM), 0);
    auto exit_code = daemon.wait(15s);
    ASSERT_TRUE(exit_code.has_value()) << "still running 15 s after SIGTERM\n" << daemon.output();
    EXPECT_EQ(*exit_code, 0) << daemon.output();

    // Logs (stdout + stderr), STATUS= lines, and every file of the store.
    EXPECT_EQ(daemon.output().find(kPassword), std::string::npos) << daemon.output();
    while (listener.receive(50ms)) {
    }
    EXPECT_EQ(listener.transcript().find(kPassword), std::string::npos) << listener.transcript();
    ASSERT_TRUE(std::filesystem::exists(store_));
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(store_).parent_path())) {
        if (!entry.is_regular_file()) continue;
        EXPECT_EQ(read_file(entry.path().string()).find(kPassword), std::string::npos)
            << entry.path();
    }
    // And an export of everything the store holds.
    auto exported = testing::run_command(testing::quote(CASEFILE_BINARY) + " --store " +
                                         testing::quote(store_) + " export --client Acme --out " +
                                         testing::quote(directory_.file("bundle")));
    if (exported.exit_code == 0) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(directory_.file("bundle"))) {
            if (!entry.is_regular_file()) continue;
            EXPECT_EQ(read_file(entry.path().string()).find(kPassword), std::string::npos)
                << entry.path();
        }
    }
    EXPECT_EQ(exported.output.find(kPassword), std::string::npos) << exported.output;
}

}  // namespace
}  // namespace casefile::daemon
