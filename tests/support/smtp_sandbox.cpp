#include "support/smtp_sandbox.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include "support/run_command.hpp"

namespace casefile::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Debian's python3-aiosmtpd is installed for the system interpreter only.
constexpr const char* python_path = "/usr/bin/python3";
constexpr auto start_timeout = std::chrono::seconds(10);
constexpr auto stop_timeout = std::chrono::seconds(2);

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

core::Result<std::filesystem::path> make_directory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/casefile-smtp-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        return core::fail("cannot create a directory from " + pattern + " for the SMTP sandbox");
    }
    return std::filesystem::path(pattern);
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// Reads the one JSON shape smtp-sandbox.py writes: an object whose values
// are strings, null, or arrays of strings. Python escapes all non-ASCII as
// \uXXXX (ensure_ascii), so escapes are decoded to UTF-8 here.
class EnvelopeReader {
  public:
    explicit EnvelopeReader(std::string_view text) : text_(text) {}

    std::optional<ReceivedMessage> read() {
        ReceivedMessage message;
        if (!consume('{')) return std::nullopt;
        if (consume('}')) return message;
        do {
            auto key = string();
            if (!key || !consume(':')) return std::nullopt;
            if (peek() == '[') {
                auto list = string_list();
                if (!list) return std::nullopt;
                if (*key == "rcpt_tos") message.rcpt_tos = std::move(*list);
                if (*key == "mail_options") message.mail_options = std::move(*list);
            } else if (peek() == 'n') {
                if (text_.substr(position_, 4) != "null") return std::nullopt;
                position_ += 4;
            } else {
                auto value = string();
                if (!value) return std::nullopt;
                if (*key == "mail_from") message.mail_from = std::move(*value);
                if (*key == "auth_user") message.auth_user = std::move(*value);
            }
        } while (consume(','));
        if (!consume('}')) return std::nullopt;
        return message;
    }

  private:
    void skip_space() {
        while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\n' ||
                                            text_[position_] == '\r' || text_[position_] == '\t')) {
            ++position_;
        }
    }
    char peek() {
        skip_space();
        return position_ < text_.size() ? text_[position_] : '\0';
    }
    bool consume(char expected) {
        if (peek() != expected) return false;
        ++position_;
        return true;
    }
    std::optional<std::uint32_t> hex4() {
        if (position_ + 4 > text_.size()) return std::nullopt;
        std::uint32_t value = 0;
        for (int index = 0; index < 4; ++index) {
            const char digit = text_[position_++];
            value <<= 4;
            if (digit >= '0' && digit <= '9') {
                value |= static_cast<std::uint32_t>(digit - '0');
            } else if (digit >= 'a' && digit <= 'f') {
                value |= static_cast<std::uint32_t>(digit - 'a' + 10);
            } else if (digit >= 'A' && digit <= 'F') {
                value |= static_cast<std::uint32_t>(digit - 'A' + 10);
            } else {
                return std::nullopt;
            }
        }
        return value;
    }
    std::optional<std::string> string() {
        if (!consume('"')) return std::nullopt;
        std::string value;
        while (position_ < text_.size()) {
            const char character = text_[position_++];
            if (character == '"') return value;
            if (character != '\\') {
                value.push_back(character);
                continue;
            }
            if (position_ >= text_.size()) return std::nullopt;
            const char escape = text_[position_++];
            switch (escape) {
                case 'b':
                    value.push_back('\b');
                    break;
                case 'f':
                    value.push_back('\f');
                    break;
                case 'n':
                    value.push_back('\n');
                    break;
                case 'r':
                    value.push_back('\r');
                    break;
                case 't':
                    value.push_back('\t');
                    break;
                case 'u': {
                    auto unit = hex4();
                    if (!unit) return std::nullopt;
                    std::uint32_t code_point = *unit;
                    // RFC 8259 §7: a character outside the BMP is a surrogate pair.
                    if (code_point >= 0xD800 && code_point < 0xDC00 &&
                        text_.substr(position_, 2) == "\\u") {
                        position_ += 2;
                        auto low = hex4();
                        if (!low) return std::nullopt;
                        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
                    }
                    append_utf8(value, code_point);
                    break;
                }
                default:
                    value.push_back(escape);
                    break;  // \" \\ \/
            }
        }
        return std::nullopt;
    }
    std::optional<std::vector<std::string>> string_list() {
        std::vector<std::string> list;
        if (!consume('[')) return std::nullopt;
        if (consume(']')) return list;
        do {
            auto item = string();
            if (!item) return std::nullopt;
            list.push_back(std::move(*item));
        } while (consume(','));
        if (!consume(']')) return std::nullopt;
        return list;
    }

    std::string_view text_;
    std::size_t position_ = 0;
};

bool is_envelope_name(const std::string& name) {
    constexpr std::string_view suffix = ".json";
    if (name.size() <= suffix.size() || !name.ends_with(suffix)) return false;
    return std::all_of(name.begin(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                       [](char character) { return character >= '0' && character <= '9'; });
}

}  // namespace

core::Result<SmtpSandbox> SmtpSandbox::start(const SmtpOptions& options) {
    auto directory = make_directory();
    if (!directory) return core::Unexpected(directory.error());
    SmtpSandbox sandbox;
    sandbox.directory_ = *directory;

    std::vector<std::string> arguments = {
        python_path, std::string(CASEFILE_SOURCE_DIR) + "/scripts/smtp-sandbox.py",
        "--dir",     sandbox.directory_.string(),
        "--port",    "0"};
    if (options.starttls) {
        const std::string cert = (sandbox.directory_ / "cert.pem").string();
        const std::string key = (sandbox.directory_ / "key.pem").string();
        CommandResult made = run_command(
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
            " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
            quote(key) + " -out " + quote(cert));
        if (made.exit_code != 0) {
            return core::fail("openssl could not make a certificate for the SMTP sandbox: " +
                              made.output);
        }
        sandbox.ca_file_ = cert;
        arguments.insert(arguments.end(), {"--tls-cert", cert, "--tls-key", key});
    }
    if (!options.auth.empty()) arguments.insert(arguments.end(), {"--auth", options.auth});
    if (options.fail_first > 0) {
        arguments.insert(arguments.end(), {"--fail-first", std::to_string(options.fail_first)});
    }
    if (options.reject_all) arguments.emplace_back("--reject-all");

    // Everything the child needs is prepared before fork(): between fork and
    // exec only async-signal-safe calls are allowed in a threaded program.
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const std::string stderr_path = (sandbox.directory_ / "smtp.stderr").string();
    const int stderr_fd =
        ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (stderr_fd < 0) return core::fail("cannot create " + stderr_path);
    int port_pipe[2];
    if (::pipe2(port_pipe, O_CLOEXEC) != 0) {
        ::close(stderr_fd);
        return core::fail("pipe2 failed for the SMTP sandbox");
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(127);  // the parent died already
        const int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, STDIN_FILENO);
        ::dup2(port_pipe[1], STDOUT_FILENO);
        ::dup2(stderr_fd, STDERR_FILENO);
        ::execv(python_path, argv.data());
        ::_exit(127);
    }
    ::close(port_pipe[1]);
    ::close(stderr_fd);
    if (pid < 0) {
        ::close(port_pipe[0]);
        return core::fail("fork failed for the SMTP sandbox");
    }
    ::setpgid(pid, pid);  // also here, so that stop() never races the child's own call
    sandbox.pid_ = pid;

    // Wait for "SMTP_PORT=n\n": the server prints it once it is listening.
    std::string output;
    const auto deadline = Clock::now() + start_timeout;
    while (output.find('\n') == std::string::npos) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) break;
        pollfd waiting{port_pipe[0], POLLIN, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        char buffer[256];
        const ssize_t count = ::read(port_pipe[0], buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;  // EOF: the server exited
        output.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(port_pipe[0]);
    if (output.rfind("SMTP_PORT=", 0) == 0) sandbox.port_ = std::atoi(output.c_str() + 10);
    if (sandbox.port_ <= 0) {
        sandbox.stop();
        return core::fail("smtp-sandbox.py did not start (" + output +
                          "): " + read_file(stderr_path));
    }
    return sandbox;
}

SmtpSandbox::~SmtpSandbox() { release(); }

SmtpSandbox::SmtpSandbox(SmtpSandbox&& other) noexcept
    : directory_(std::exchange(other.directory_, {})),
      pid_(std::exchange(other.pid_, -1)),
      port_(other.port_),
      ca_file_(std::move(other.ca_file_)) {}

SmtpSandbox& SmtpSandbox::operator=(SmtpSandbox&& other) noexcept {
    if (this != &other) {
        release();
        directory_ = std::exchange(other.directory_, {});
        pid_ = std::exchange(other.pid_, -1);
        port_ = other.port_;
        ca_file_ = std::move(other.ca_file_);
    }
    return *this;
}

void SmtpSandbox::release() noexcept {
    stop();
    if (directory_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
    directory_.clear();
}

void SmtpSandbox::stop() noexcept {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);
    const auto deadline = Clock::now() + stop_timeout;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (Clock::now() >= deadline) {
            ::kill(-pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
}

std::vector<ReceivedMessage> SmtpSandbox::received() const {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory_, error)) {
        std::string name = entry.path().filename().string();
        if (is_envelope_name(name)) names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end());
    std::vector<ReceivedMessage> messages;
    for (const auto& name : names) {
        auto message = EnvelopeReader(read_file(directory_ / name)).read();
        if (!message) continue;  // cannot happen: the .json is renamed into place whole
        const std::string stem = name.substr(0, name.size() - 5);
        message->bytes = read_file(directory_ / (stem + ".eml"));
        messages.push_back(std::move(*message));
    }
    return messages;
}

bool SmtpSandbox::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (true) {
        if (received().size() >= count) return true;
        if (Clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace casefile::testing
