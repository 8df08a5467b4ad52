#include "support/dovecot_sandbox.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include "support/run_command.hpp"

namespace casefile::testing {
namespace {

const std::string& script_path() {
    static const std::string path =
        std::string(CASEFILE_SOURCE_DIR) + "/scripts/dovecot-sandbox.sh";
    return path;
}

// mkdtemp under $TMPDIR. The script refuses paths with spaces or quotes,
// which Dovecot's config syntax cannot carry safely.
core::Result<std::filesystem::path> make_directory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/casefile-dovecot-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        return core::fail("cannot create a directory from " + pattern + " for the Dovecot sandbox");
    }
    return std::filesystem::path(pattern);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

// Value of KEY=value in ports.env; only for the unquoted keys (ports, paths).
std::string setting(const std::string& env, const std::string& key) {
    std::istringstream lines(env);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    }
    return {};
}

}  // namespace

core::Result<DovecotSandbox> DovecotSandbox::start(bool tls) {
    DovecotOptions options;
    options.tls = tls;
    return start(options);
}

core::Result<DovecotSandbox> DovecotSandbox::start(const DovecotOptions& options) {
    auto directory = make_directory();
    if (!directory) return core::Unexpected(directory.error());
    DovecotSandbox sandbox;
    sandbox.directory_ = *directory;
    sandbox.user_ = options.user;
    sandbox.password_ = options.password;

    std::vector<std::string> arguments = {"start",       sandbox.directory_.string(),
                                          "--user",      options.user,
                                          "--password",  options.password,
                                          "--watch-pid", std::to_string(::getpid())};
    if (options.tls) arguments.emplace_back("--tls");
    if (auto started = sandbox.script(arguments); !started) {
        return core::Unexpected(started.error());  // the destructor cleans up
    }
    if (auto ports = sandbox.read_ports(); !ports) return core::Unexpected(ports.error());
    return sandbox;
}

DovecotSandbox::~DovecotSandbox() { release(); }

DovecotSandbox::DovecotSandbox(DovecotSandbox&& other) noexcept
    : directory_(std::exchange(other.directory_, {})),
      imap_port_(other.imap_port_),
      imaps_port_(other.imaps_port_),
      ca_file_(std::move(other.ca_file_)),
      user_(std::move(other.user_)),
      password_(std::move(other.password_)) {}

DovecotSandbox& DovecotSandbox::operator=(DovecotSandbox&& other) noexcept {
    if (this != &other) {
        release();
        directory_ = std::exchange(other.directory_, {});
        imap_port_ = other.imap_port_;
        imaps_port_ = other.imaps_port_;
        ca_file_ = std::move(other.ca_file_);
        user_ = std::move(other.user_);
        password_ = std::move(other.password_);
    }
    return *this;
}

void DovecotSandbox::release() noexcept {
    if (directory_.empty()) return;
    try {
        if (!stop()) {
            // The script gave up; take the master's process group down
            // ourselves rather than leave Dovecot running after the test.
            const std::string pid_text = read_file(directory_ / "run" / "master.pid");
            const int pid = std::atoi(pid_text.c_str());
            if (pid > 1) ::kill(-pid, SIGKILL);
        }
    } catch (...) {
        // A destructor must not throw; the watcher still stops Dovecot.
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
    directory_.clear();
}

core::Result<std::string> DovecotSandbox::script(const std::vector<std::string>& arguments) const {
    std::string command_line = "bash " + quote(script_path());
    for (const auto& argument : arguments) command_line += " " + quote(argument);
    CommandResult result = run_command(command_line);
    if (result.exit_code != 0) {
        std::string message = "dovecot-sandbox.sh " + (arguments.empty() ? "" : arguments[0]) +
                              " failed with exit status " + std::to_string(result.exit_code) +
                              ": " + result.output;
        return core::fail(std::move(message));
    }
    return std::move(result.output);
}

core::Result<void> DovecotSandbox::read_ports() {
    const std::string env = read_file(directory_ / "ports.env");
    imap_port_ = std::atoi(setting(env, "IMAP_PORT").c_str());
    imaps_port_ = std::atoi(setting(env, "IMAPS_PORT").c_str());
    ca_file_ = setting(env, "CA_FILE");
    if (imap_port_ <= 0) {
        return core::fail("dovecot-sandbox.sh wrote no IMAP_PORT to " +
                          (directory_ / "ports.env").string() + ": " + env);
    }
    return core::ok();
}

core::Result<void> DovecotSandbox::add_message(const std::string& folder, std::string_view bytes) {
    // Unique per call, so concurrent adds from several threads cannot clash.
    static std::atomic<int> counter = 0;
    const auto file = directory_ / ("incoming-" + std::to_string(++counter) + ".eml");
    {
        std::ofstream stream(file, std::ios::binary | std::ios::trunc);
        stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!stream.flush()) return core::fail("cannot write " + file.string());
    }
    auto added = script({"add", directory_.string(), folder, file.string()});
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    if (!added) return core::Unexpected(added.error());
    return core::ok();
}

core::Result<void> DovecotSandbox::create_folder(const std::string& folder) {
    auto created = script({"create", directory_.string(), folder});
    if (!created) return core::Unexpected(created.error());
    return core::ok();
}

core::Result<std::string> DovecotSandbox::flags(const std::string& folder) {
    return script({"flags", directory_.string(), folder});
}

core::Result<void> DovecotSandbox::add_flags(const std::string& folder, std::uint32_t uid,
                                             const std::string& flag_list) {
    auto changed =
        script({"flag", directory_.string(), folder, std::to_string(uid), "add", flag_list});
    if (!changed) return core::Unexpected(changed.error());
    return core::ok();
}

core::Result<void> DovecotSandbox::remove_flags(const std::string& folder, std::uint32_t uid,
                                                const std::string& flag_list) {
    auto changed =
        script({"flag", directory_.string(), folder, std::to_string(uid), "remove", flag_list});
    if (!changed) return core::Unexpected(changed.error());
    return core::ok();
}

core::Result<void> DovecotSandbox::set_uidvalidity(const std::string& folder,
                                                   std::uint32_t uidvalidity) {
    auto updated =
        script({"uidvalidity", directory_.string(), folder, std::to_string(uidvalidity)});
    if (!updated) return core::Unexpected(updated.error());
    return core::ok();
}

core::Result<void> DovecotSandbox::expunge(const std::string& folder, std::uint32_t uid) {
    auto expunged = script({"expunge", directory_.string(), folder, std::to_string(uid)});
    if (!expunged) return core::Unexpected(expunged.error());
    return core::ok();
}

core::Result<std::string> DovecotSandbox::doveadm(const std::vector<std::string>& arguments) {
    std::vector<std::string> full = {"doveadm", directory_.string()};
    full.insert(full.end(), arguments.begin(), arguments.end());
    return script(full);
}

core::Result<void> DovecotSandbox::stop() {
    if (directory_.empty()) return core::ok();
    auto stopped = script({"stop", directory_.string()});
    if (!stopped) return core::Unexpected(stopped.error());
    return core::ok();
}

core::Result<void> DovecotSandbox::restart() {
    auto restarted = script({"restart", directory_.string()});
    if (!restarted) return core::Unexpected(restarted.error());
    return read_ports();
}

core::Result<void> DovecotSandbox::kill() {
    auto killed = script({"kill", directory_.string()});
    if (!killed) return core::Unexpected(killed.error());
    return core::ok();
}

}  // namespace casefile::testing
