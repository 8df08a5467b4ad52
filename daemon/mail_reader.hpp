// Finds the mail under the paths given to `casefile import` and reads it one
// message at a time: single .eml files, folders of them, Maildirs (cur/ and
// new/, including Maildir++ subfolders) and mbox files (mboxo and mboxrd).
// Memory stays bounded whatever the archive's size: mbox files are streamed.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "parsers/mbox_splitter.hpp"

namespace casefile::daemon {

struct MailFile {
    std::string path;
    bool is_mbox = false;
    std::uint64_t size = 0;
};

struct MailInventory {
    std::vector<MailFile> files;
    std::uint64_t total_bytes = 0;
    std::size_t skipped_files = 0;  // files that are neither a message nor an mbox
};

// Walks `paths`. A path that does not exist or cannot be read is an error
// naming it; unreadable entries deeper down are skipped and counted.
core::Result<MailInventory> find_mail(const std::vector<std::string>& paths);

struct RawMail {
    std::string bytes;
    std::string source;  // "import:<file>" or "import:<mbox file>#<n>"
};

class MailReader {
public:
    explicit MailReader(MailInventory inventory) : inventory_(std::move(inventory)) {}

    // Reads the next message. Returns false at the end. Files that cannot be
    // read are recorded in problems() and skipped.
    bool next(RawMail& mail);

    std::uint64_t bytes_read() const { return bytes_read_; }
    const std::vector<std::string>& problems() const { return problems_; }

private:
    bool next_from_mbox(RawMail& mail);

    MailInventory inventory_;
    std::size_t file_index_ = 0;
    std::uint64_t bytes_read_ = 0;
    std::vector<std::string> problems_;
    // The mbox being streamed, if any.
    std::unique_ptr<std::ifstream> mbox_stream_;
    parsers::MboxSplitter mbox_splitter_;
    std::size_t mbox_message_number_ = 0;
    std::string mbox_chunk_;  // reused read buffer
};

}  // namespace casefile::daemon
