#include "daemon/secrets.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "daemon/paths.hpp"

extern char** environ;

namespace casefile::daemon {

namespace {

// Owns one file descriptor.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { reset(); }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_;
};

// A secret of more than this is surely the wrong file or command.
constexpr std::size_t max_secret_bytes = 64 * 1024;

std::string strip_one_newline(std::string text) {
    if (text.ends_with("\r\n")) {
        text.resize(text.size() - 2);
    } else if (text.ends_with('\n')) {
        text.pop_back();
    }
    return text;
}

// Reads a whole small file. `check_mode` refuses files others can read.
core::Result<std::string> read_secret_file(const std::string& path, std::string_view what,
                                           std::string_view kind, bool check_mode) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        return core::fail(std::string(what) + ": cannot open " + std::string(kind) + " " + path +
                          ": " + std::strerror(errno));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return core::fail(std::string(what) + ": " + std::string(kind) + " " + path +
                          " is not a regular file");
    }
    if (check_mode && (info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        return core::fail(std::string(what) + ": " + std::string(kind) + " " + path +
                          " can be read by other users; run `chmod 600 " + path + "`");
    }
    std::string content;
    char buffer[4096];
    while (true) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            return core::fail(std::string(what) + ": cannot read " + std::string(kind) + " " +
                              path + ": " + std::strerror(errno));
        }
        if (got == 0) break;
        content.append(buffer, static_cast<std::size_t>(got));
        if (content.size() > max_secret_bytes) {
            return core::fail(std::string(what) + ": " + std::string(kind) + " " + path +
                              " is larger than 64 KiB; it should hold only the password");
        }
    }
    return strip_one_newline(std::move(content));
}

core::Result<std::string> run_password_command(const std::string& command, std::string_view what,
                                               std::chrono::milliseconds timeout) {
    const std::string label = std::string(what) + ": password_command `" + command + "`";
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        return core::fail(label + " could not start: " + std::strerror(errno));
    }
    FileDescriptor read_end(pipe_fds[0]);
    FileDescriptor write_end(pipe_fds[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDOUT_FILENO);
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    pid_t pid = 0;
    const int spawn_error =
        posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    write_end.reset();  // so EOF arrives when the command exits
    if (spawn_error != 0) {
        return core::fail(label + " could not start: " + std::strerror(spawn_error));
    }

    // Read until EOF, but never wait forever: a command waiting for a
    // passphrase prompt nobody sees would hang the daemon.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string output;
    bool timed_out = false;
    bool too_long = false;
    char buffer[4096];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd waiting{read_end.get(), POLLIN, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {
            timed_out = ready == 0;
            break;
        }
        const ssize_t got = ::read(read_end.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        output.append(buffer, static_cast<std::size_t>(got));
        if (output.size() > max_secret_bytes) {
            too_long = true;
            break;
        }
    }
    read_end.reset();
    if (timed_out || too_long) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) {
        const auto milliseconds = timeout.count();
        return core::fail(label + " did not finish within " +
                          (milliseconds % 1000 == 0 ? std::to_string(milliseconds / 1000) + " s"
                                                    : std::to_string(milliseconds) + " ms"));
    }
    if (too_long) return core::fail(label + " printed more than 64 KiB");
    if (WIFSIGNALED(status)) {
        return core::fail(label + " was killed by signal " + std::to_string(WTERMSIG(status)));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return core::fail(label + " failed with exit status " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    }
    const std::size_t newline = output.find('\n');
    std::string first_line = output.substr(0, newline);
    if (first_line.ends_with('\r')) first_line.pop_back();
    if (first_line.empty()) return core::fail(label + " printed no password on its first line");
    return first_line;
}

core::Result<std::string> read_credential(const std::string& name, std::string_view what) {
    const char* directory = std::getenv("CREDENTIALS_DIRECTORY");
    if (!directory || directory[0] == '\0') {
        return core::fail(std::string(what) + ": credential \"" + name +
                          "\" cannot be read: not running under systemd with LoadCredential= "
                          "(CREDENTIALS_DIRECTORY is not set)");
    }
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) {
        return core::fail(std::string(what) + ": credential name \"" + name +
                          "\" must be a plain name without '/'");
    }
    // systemd makes the directory private to the service, so no mode check.
    return read_secret_file(std::string(directory) + "/" + name, what, "credential", false);
}

}  // namespace

core::Result<std::string> resolve_secret(const config::SecretSource& source, std::string_view what,
                                         std::chrono::milliseconds command_timeout) {
    core::Result<std::string> secret =
        core::fail(std::string(what) +
                   ": no password source is configured; set password_file, "
                   "password_command, credential or password");
    if (!source.password_file.empty()) {
        secret = read_secret_file(expand_path(source.password_file), what, "password file", true);
    } else if (!source.password_command.empty()) {
        secret = run_password_command(source.password_command, what, command_timeout);
    } else if (!source.credential.empty()) {
        secret = read_credential(source.credential, what);
    } else if (!source.inline_password.empty()) {
        secret = source.inline_password;
    }
    if (secret && secret->empty()) {
        return core::fail(
            std::string(what) + ": the password from " +
            (source.location.key.empty() ? std::string("its source") : source.location.key) +
            " is empty");
    }
    return secret;
}

}  // namespace casefile::daemon
