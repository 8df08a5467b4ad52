#include "daemon/bundle_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace casefile::daemon {
namespace {

// File descriptor with one owner.
class FileDescriptor {
public:
    explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
    ~FileDescriptor() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return descriptor_; }
    int release() {
        const int descriptor = descriptor_;
        descriptor_ = -1;
        return descriptor;
    }

private:
    int descriptor_;
};

bool safe_name(const std::string& name) {
    if (name.empty() || name == "." || name == ".." || name.size() > 200) return false;
    for (char character : name) {
        const bool allowed = (character >= 'a' && character <= 'z') ||
                             (character >= 'A' && character <= 'Z') ||
                             (character >= '0' && character <= '9') || character == '.' ||
                             character == '-' || character == '_';
        if (!allowed) return false;
    }
    return true;
}

// "name" or "messages/name"; nothing else is a path compose_bundle makes.
bool safe_path(const std::string& path) {
    const std::size_t slash = path.find('/');
    if (slash == std::string::npos) return safe_name(path);
    return path.substr(0, slash + 1) == core::kBundleMessages && safe_name(path.substr(slash + 1));
}

std::string errno_text() { return std::strerror(errno); }

core::Result<void> write_all(int descriptor, const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(descriptor, bytes.data() + written, bytes.size() - written);
        if (count < 0) {
            if (errno == EINTR) continue;
            return core::fail(errno_text());
        }
        written += static_cast<std::size_t>(count);
    }
    return core::ok();
}

// Writes every file into the empty directory `staging`.
core::Result<void> write_files(const std::string& staging, const std::vector<core::BundleFile>& files) {
    FileDescriptor root(::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (root.get() < 0) return core::fail("cannot open " + staging + ": " + errno_text());
    bool made_messages = false;
    for (const core::BundleFile& file : files) {
        if (file.path.find('/') != std::string::npos && !made_messages) {
            if (::mkdirat(root.get(), "messages", 0755) != 0) {
                return core::fail("cannot create " + staging + "/messages: " + errno_text());
            }
            made_messages = true;
        }
        // O_NOFOLLOW on the last component; "messages" was made by us just now.
        FileDescriptor out(::openat(root.get(), file.path.c_str(),
                                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
        if (out.get() < 0) {
            return core::fail("cannot create " + staging + "/" + file.path + ": " + errno_text());
        }
        if (auto written = write_all(out.get(), file.bytes); !written) {
            return core::fail("cannot write " + staging + "/" + file.path + ": " +
                              written.error().message);
        }
        if (::close(out.release()) != 0) {
            return core::fail("cannot write " + staging + "/" + file.path + ": " + errno_text());
        }
    }
    return core::ok();
}

}  // namespace

core::Result<void> write_bundle(const std::string& directory,
                                const std::vector<core::BundleFile>& files) {
    namespace fs = std::filesystem;
    for (const core::BundleFile& file : files) {
        if (!safe_path(file.path)) {
            return core::fail("refusing to write the bundle file \"" + file.path +
                              "\": not a name casefile generates");
        }
    }
    std::error_code error;
    const fs::path target = fs::absolute(fs::path(directory).lexically_normal(), error);
    if (error || !target.has_filename()) {
        return core::fail("cannot export into " + directory + ": name a new or empty directory");
    }
    if (fs::exists(fs::symlink_status(target, error))) {
        if (!fs::is_directory(target, error) || !fs::is_empty(target, error) || error) {
            return core::fail(directory + " is not an empty directory; export into a new or "
                                          "empty one");
        }
    }
    fs::create_directories(target.parent_path(), error);
    if (error) {
        return core::fail("cannot create " + target.parent_path().string() + ": " + error.message());
    }
    // Written beside the target and renamed into place, so an interrupted
    // export never leaves a half bundle under the name the VA asked for.
    std::string staging = (target.parent_path() / ("." + target.filename().string() +
                                                   ".partial-XXXXXX")).string();
    if (::mkdtemp(staging.data()) == nullptr) {
        return core::fail("cannot create a directory beside " + directory + ": " + errno_text());
    }
    ::chmod(staging.c_str(), 0755);
    auto written = write_files(staging, files);
    // rename(2) replaces an empty directory, and fails on one that gained
    // files meanwhile.
    if (written && ::rename(staging.c_str(), target.c_str()) != 0) {
        written = core::fail("cannot move the bundle into " + directory + ": " + errno_text());
    }
    if (!written) fs::remove_all(staging, error);
    return written;
}

core::Result<core::BundleContents> read_bundle(const std::string& directory) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        return core::fail(directory + " is not a directory");
    }
    core::BundleContents contents;
    fs::recursive_directory_iterator walk(directory, fs::directory_options::none, error);
    if (error) return core::fail("cannot read " + directory + ": " + error.message());
    for (; walk != fs::recursive_directory_iterator(); walk.increment(error)) {
        if (error) return core::fail("cannot read " + directory + ": " + error.message());
        const fs::directory_entry& entry = *walk;
        // Lexically: fs::relative would resolve a symbolic link to its target.
        const std::string relative =
            entry.path().lexically_relative(fs::path(directory)).generic_string();
        const fs::file_status status = entry.symlink_status(error);
        if (fs::is_symlink(status)) {
            contents.unreadable[relative] = "is a symbolic link; a bundle holds only plain files";
            continue;
        }
        if (fs::is_directory(status)) continue;
        if (!fs::is_regular_file(status)) {
            contents.unreadable[relative] = "is not a plain file";
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            contents.unreadable[relative] = "cannot be read";
            continue;
        }
        contents.files[relative] = std::move(bytes);
    }
    return contents;
}

}  // namespace casefile::daemon
