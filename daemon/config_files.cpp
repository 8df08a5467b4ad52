#include "daemon/config_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "config/validation.hpp"
#include "daemon/paths.hpp"
#include "daemon/time_zones.hpp"

namespace casefile::daemon {

namespace {

// Reads the whole file and fills `info`; the error is strerror-style text.
core::Result<std::string> read_file(const std::string& path, struct stat& info) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return core::fail(std::strerror(errno));
    std::string content;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return core::fail("not a regular file");
    }
    char buffer[8192];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int saved = errno;
            ::close(fd);
            return core::fail(std::strerror(saved));
        }
        if (got == 0) break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return content;
}

void add_inline_password_problem(const config::SecretSource& secret, const std::string& path,
                                 std::vector<config::ConfigProblem>& problems) {
    if (secret.inline_password.empty()) return;
    problems.push_back(config::ConfigProblem{
        path, secret.location.line, secret.location.column, secret.location.key,
        "password written in the config file that others can read; run `chmod 600 " + path +
            "` or use password_file"});
}

// mkdir -p with mode 0700 for each directory it creates.
core::Result<void> make_directories(const std::string& directory) {
    if (directory.empty()) return core::ok();
    struct stat info {};
    if (::stat(directory.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) return core::ok();
        return core::fail(directory + " exists and is not a directory");
    }
    const std::size_t slash = directory.find_last_of('/');
    if (slash != std::string::npos && slash > 0) {
        if (auto parent = make_directories(directory.substr(0, slash)); !parent) return parent;
    }
    if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
        return core::fail("cannot create directory " + directory + ": " + std::strerror(errno));
    }
    return core::ok();
}

core::Result<void> write_all(int fd, std::string_view text, const std::string& path) {
    while (!text.empty()) {
        const ssize_t wrote = ::write(fd, text.data(), text.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) return core::fail("cannot write " + path + ": " + std::strerror(errno));
        text.remove_prefix(static_cast<std::size_t>(wrote));
    }
    if (::fsync(fd) != 0) return core::fail("cannot write " + path + ": " + std::strerror(errno));
    return core::ok();
}

}  // namespace

bool timezone_exists(std::string_view name) {
    if (!config::has_time_zone_shape(name)) return false;
    const std::string directory = zoneinfo_directory();
    struct stat info {};
    // Without tzdata installed there is nothing to compare with; the shape
    // check has to do.
    if (::stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return true;
    const std::string file = directory + "/" + std::string(name);
    return ::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

config::LoadResult load_config_file(const std::string& path) {
    const std::string expanded = expand_path(path);
    struct stat info {};
    auto text = read_file(expanded, info);
    if (!text) {
        return tl::unexpected(std::vector<config::ConfigProblem>{config::ConfigProblem{
            expanded, 0, 0, "",
            "cannot read the config file (" + text.error().message +
                "); run `casefile init` to write a commented example there"}});
    }
    config::LoadResult settings = config::load_settings(*text, expanded, timezone_exists);
    if (!settings) return settings;

    if ((info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        std::vector<config::ConfigProblem> problems;
        for (const config::AccountSettings& account : settings->accounts) {
            add_inline_password_problem(account.secret, expanded, problems);
        }
        if (settings->digest)
            add_inline_password_problem(settings->digest->smtp_secret, expanded, problems);
        if (!problems.empty()) return tl::unexpected(std::move(problems));
    }
    return settings;
}

core::Result<std::string> write_example_config(const std::string& path, bool force) {
    const std::string target = expand_path(path);
    if (target.empty()) return core::fail("no path given for the config file");
    const std::size_t slash = target.find_last_of('/');
    if (slash != std::string::npos) {
        if (auto made = make_directories(target.substr(0, slash)); !made) {
            return core::fail(made.error().message);
        }
    }
    const std::string_view text = config::example_config();
    if (!force) {
        // O_EXCL: never replace a config the VA already filled in, even in a race.
        const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno == EEXIST) {
            return core::fail(target +
                              " already exists; edit it, or pass --force to replace it "
                              "with the example");
        }
        if (fd < 0) return core::fail("cannot create " + target + ": " + std::strerror(errno));
        auto written = write_all(fd, text, target);
        ::close(fd);
        if (!written) {
            ::unlink(target.c_str());
            return core::fail(written.error().message);
        }
        return target;
    }
    // --force: write a private temporary beside it, then rename over the old
    // file, so a crash leaves either the old config or the new one.
    std::string temporary = target + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());  // mode 0600
    if (fd < 0)
        return core::fail("cannot create a file next to " + target + ": " + std::strerror(errno));
    auto written = write_all(fd, text, target);
    ::close(fd);
    if (written && ::rename(temporary.c_str(), target.c_str()) != 0) {
        written = core::fail("cannot replace " + target + ": " + std::strerror(errno));
    }
    if (!written) {
        ::unlink(temporary.c_str());
        return core::fail(written.error().message);
    }
    return target;
}

}  // namespace casefile::daemon
