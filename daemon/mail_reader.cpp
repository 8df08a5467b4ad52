#include "daemon/mail_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace casefile::daemon {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMboxChunkBytes = 1 << 20;

// Reads a whole file with one open/fstat/read sequence: the Maildir import
// rate is bounded by these syscalls, not by parsing.
core::Result<std::string> read_file(const std::string& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return core::fail("cannot read " + path + ": " + std::strerror(errno));
    struct stat info {};
    std::string bytes;
    if (::fstat(descriptor, &info) == 0 && info.st_size > 0) {
        bytes.resize(static_cast<std::size_t>(info.st_size));
    }
    // Read exactly the size fstat reported; a file that grows meanwhile is
    // read on in small steps, so the string never carries spare capacity
    // (a batch holds hundreds of these).
    std::size_t filled = 0;
    char overflow[4096];
    while (true) {
        const bool into_bytes = filled < bytes.size();
        char* target = into_bytes ? bytes.data() + filled : overflow;
        const std::size_t room = into_bytes ? bytes.size() - filled : sizeof overflow;
        const ssize_t count = ::read(descriptor, target, room);
        if (count < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(descriptor);
            return core::fail("cannot read " + path + ": " + std::strerror(saved));
        }
        if (count == 0) break;
        if (into_bytes) {
            filled += static_cast<std::size_t>(count);
        } else {
            bytes.append(overflow, static_cast<std::size_t>(count));
            filled = bytes.size();
        }
    }
    ::close(descriptor);
    bytes.resize(filled);
    return bytes;
}

enum class FileKind { mbox, message, other };

// RFC 5322 §2.2: a header field name is printable ASCII other than ':' and
// space, followed by ':'. A file that starts with one is a message whatever
// its name (Maildir entries, MH folders, a Takeout folder of .txt files).
bool starts_with_header_field(std::string_view start) {
    std::size_t length = 0;
    while (length < start.size() && start[length] > 32 && start[length] < 127 &&
           start[length] != ':') {
        ++length;
    }
    return length > 0 && length < start.size() && start[length] == ':';
}

FileKind sniff(const std::string& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return FileKind::other;
    char start[256];
    const ssize_t count = ::read(descriptor, start, sizeof start);
    ::close(descriptor);
    if (count <= 0) return FileKind::other;
    const std::string_view text(start, static_cast<std::size_t>(count));
    if (text.starts_with("From ")) return FileKind::mbox;
    return starts_with_header_field(text) ? FileKind::message : FileKind::other;
}

bool has_extension(const fs::path& path, std::string_view wanted) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char character) { return std::tolower(character); });
    return extension == wanted;
}

// Classifies one regular file found in a directory: an mbox, a single
// message, or neither (counted as skipped).
void add_file(const fs::path& path, std::uint64_t size, MailInventory& inventory) {
    const std::string parent = path.parent_path().filename().string();
    if (parent == "tmp") return;  // Maildir tmp/: messages still being delivered
    // Maildir entries and .eml files are messages; only other files are
    // opened to look (this keeps a large Maildir import to one read per file).
    FileKind kind = FileKind::message;
    if (parent != "cur" && parent != "new" && !has_extension(path, ".eml")) {
        kind = sniff(path.string());
    }
    if (kind == FileKind::other && has_extension(path, ".mbox")) kind = FileKind::mbox;
    if (kind == FileKind::other) {
        inventory.skipped_files += 1;
        return;
    }
    inventory.files.push_back(MailFile{path.string(), kind == FileKind::mbox, size});
    inventory.total_bytes += size;
}

}  // namespace

core::Result<MailInventory> find_mail(const std::vector<std::string>& paths) {
    MailInventory inventory;
    for (const auto& given : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(given, error);
        if (error || !fs::exists(status)) {
            return core::fail("cannot import " + given + ": no such file or directory");
        }
        if (fs::is_regular_file(status)) {
            const std::uint64_t size = fs::file_size(given, error);
            // A file named on the command line is taken as mail whatever its name.
            inventory.files.push_back(MailFile{given, sniff(given) == FileKind::mbox, size});
            inventory.total_bytes += size;
            continue;
        }
        if (!fs::is_directory(status)) {
            return core::fail("cannot import " + given + ": not a file or a directory");
        }
        std::vector<std::pair<std::string, std::uint64_t>> found;
        fs::recursive_directory_iterator walker(
            given, fs::directory_options::skip_permission_denied, error);
        if (error) return core::fail("cannot read the directory " + given + ": " + error.message());
        for (const auto& entry : walker) {
            std::error_code entry_error;
            if (!entry.is_regular_file(entry_error)) continue;
            found.emplace_back(entry.path().string(), entry.file_size(entry_error));
        }
        // Sorted, so an import is repeatable and ledger order is stable.
        std::sort(found.begin(), found.end());
        for (const auto& [path, size] : found) add_file(path, size, inventory);
    }
    return inventory;
}

bool MailReader::next(RawMail& mail) {
    while (true) {
        if (mbox_stream_) {
            if (next_from_mbox(mail)) return true;
            mbox_stream_.reset();
            file_index_ += 1;
            continue;
        }
        if (file_index_ >= inventory_.files.size()) return false;
        const MailFile& file = inventory_.files[file_index_];
        if (file.is_mbox) {
            mbox_stream_ = std::make_unique<std::ifstream>(file.path, std::ios::binary);
            if (!*mbox_stream_) {
                problems_.push_back("cannot read " + file.path);
                mbox_stream_.reset();
                file_index_ += 1;
                continue;
            }
            mbox_splitter_ = parsers::MboxSplitter();
            mbox_message_number_ = 0;
            continue;
        }
        file_index_ += 1;
        auto bytes = read_file(file.path);
        if (!bytes) {
            problems_.push_back(bytes.error().message);
            continue;
        }
        bytes_read_ += bytes->size();
        mail.bytes = std::move(*bytes);
        mail.source = "import:" + file.path;
        return true;
    }
}

bool MailReader::next_from_mbox(RawMail& mail) {
    if (mbox_chunk_.size() != kMboxChunkBytes) mbox_chunk_.resize(kMboxChunkBytes);
    std::string& chunk = mbox_chunk_;
    while (!mbox_splitter_.next_message(mail.bytes)) {
        if (!*mbox_stream_) return false;
        mbox_stream_->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto count = static_cast<std::size_t>(mbox_stream_->gcount());
        bytes_read_ += count;
        mbox_splitter_.feed(std::string_view(chunk.data(), count));
        if (!*mbox_stream_) mbox_splitter_.finish();
    }
    mbox_message_number_ += 1;
    mail.source = "import:" + inventory_.files[file_index_].path + "#" +
                  std::to_string(mbox_message_number_);
    return true;
}

}  // namespace casefile::daemon
