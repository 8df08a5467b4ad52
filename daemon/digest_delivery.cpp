#include "daemon/digest_delivery.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "daemon/paths.hpp"
#include "daemon/secrets.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::daemon {
namespace {

// A full disk or a failing device may recover; a missing directory or a
// permission problem needs the VA.
bool is_transient_errno(int error) {
    return error == ENOSPC || error == EDQUOT || error == EIO || error == EINTR ||
           error == EAGAIN || error == ENOMEM;
}

DeliveryUnexpected file_failure(const std::string& what, const std::string& path, int error) {
    std::string message = "cannot " + what + " " + path + ": " + std::strerror(error);
    if (is_transient_errno(error)) return transient_failure(std::move(message));
    return permanent_failure(std::move(message));
}

// Closes the descriptor and removes the temporary file unless it was renamed.
class TemporaryFile {
  public:
    TemporaryFile(int descriptor, std::string path)
        : descriptor_(descriptor), path_(std::move(path)) {}
    ~TemporaryFile() {
        if (descriptor_ >= 0) ::close(descriptor_);
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    int descriptor() const { return descriptor_; }
    const std::string& path() const { return path_; }
    int close() {
        const int result = ::close(descriptor_);
        descriptor_ = -1;
        return result;
    }
    void keep() { path_.clear(); }

  private:
    int descriptor_;
    std::string path_;
};

DeliveryResult<void> deliver_by_smtp(const config::DigestSettings& digest, std::string_view message,
                                     const DeliveryOptions& options) {
    SmtpTarget target;
    target.url = digest.smtp_url;
    target.tls = digest.tls;
    target.user = digest.smtp_user;
    target.ca_file = expand_path(digest.smtp_ca_file);
    if (!digest.smtp_user.empty()) {
        auto secret = resolve_secret(digest.smtp_secret, "[digest] SMTP password");
        if (!secret) return permanent_failure(secret.error().message);
        target.password = std::move(*secret);
    }
    if (digest.tls == config::TlsMode::none && digest.smtp_url.starts_with("smtp://")) {
        spdlog::warn("digest: tls = \"none\": the connection to the SMTP server is not encrypted{}",
                     target.user.empty() ? "" : "; the SMTP password crosses it in clear text");
    }
    return send_smtp(target, digest.from_address, {digest.to}, message, options.smtp);
}

const config::AccountSettings* find_account(const config::DigestSettings& digest,
                                            const std::vector<config::AccountSettings>& accounts) {
    if (accounts.empty()) return nullptr;
    if (digest.account.empty()) return &accounts.front();
    for (const auto& account : accounts) {
        if (account.name == digest.account) return &account;
    }
    return nullptr;
}

bool same_folder(const std::string& listed, const std::string& wanted) {
    // RFC 3501 §5.1: INBOX is case-insensitive; every other name is exact.
    if (parsers::imap::equals_ignoring_case(wanted, "INBOX")) {
        return parsers::imap::equals_ignoring_case(listed, "INBOX");
    }
    return listed == wanted;
}

DeliveryResult<void> deliver_by_imap(const config::DigestSettings& digest,
                                     const std::vector<config::AccountSettings>& accounts,
                                     std::string_view message, const DeliveryOptions& options) {
    const config::AccountSettings* account = find_account(digest, accounts);
    if (account == nullptr) {
        return permanent_failure(
            digest.account.empty() ? "delivery = \"imap\" needs an [[account]] to put the digest in"
                                   : "no [[account]] is named \"" + digest.account + "\"");
    }
    const std::string folder = digest.folder.empty() ? "INBOX" : digest.folder;
    const std::string where = "folder \"" + folder + "\" of account \"" + account->name + "\"";

    // As connect_account does, but a secret that cannot be read is the VA's
    // to fix, while a server that cannot be reached may come back.
    const bool xoauth2 = account->auth == "xoauth2";
    auto secret = resolve_secret(
        account->secret, "account \"" + account->name + "\" " + (xoauth2 ? "token" : "password"));
    if (!secret) return permanent_failure(secret.error().message);
    ImapConnectSettings settings;
    settings.url = account->url;
    settings.user = account->user;
    settings.secret = std::move(*secret);
    settings.xoauth2 = xoauth2;
    settings.tls = account->tls;
    settings.ca_file = expand_path(account->ca_file);
    if (account->tls == config::TlsMode::none) {
        spdlog::warn(
            "account {}: tls = \"none\": the password and the digest cross the network "
            "in clear text",
            account->name);
    }
    auto session = ImapSession::open(settings, options.imap);
    if (!session) return transient_failure(session.error().message);

    // LIST first (read-only), so a missing folder is reported as the VA's to
    // fix instead of being retried: casefile does not create folders.
    auto listing = session->list_mailboxes();
    if (!listing) return transient_failure(listing.error().message);
    bool exists = false;
    for (const auto& mailbox : *listing) exists = exists || same_folder(mailbox.name, folder);
    if (!exists) {
        session->logout();
        return permanent_failure("cannot put the digest into the " + where +
                                 ": the folder does not exist; create it in your mail program "
                                 "or change [digest] folder");
    }
    auto appended = session->append(folder, message);
    session->logout();
    if (!appended) {
        return transient_failure("cannot put the digest into the " + where + ": " +
                                 appended.error().message);
    }
    return {};
}

}  // namespace

DeliveryResult<void> write_file_atomically(const std::string& path, std::string_view bytes) {
    if (path.empty()) return permanent_failure("delivery = \"file\" needs [digest] file");
    const std::filesystem::path target(path);
    const std::filesystem::path directory =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    // In the same directory, so rename() replaces the file in one step (a
    // rename across file systems is not atomic, and fails).
    std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int descriptor = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (descriptor < 0)
        return file_failure("create a temporary file in", directory.string(), errno);
    TemporaryFile temporary(descriptor, pattern);
    // mkostemp creates 0600 already; say so, whatever the umask did.
    if (::fchmod(descriptor, S_IRUSR | S_IWUSR) != 0)
        return file_failure("protect", pattern, errno);
    while (!bytes.empty()) {
        const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return file_failure("write", pattern, errno);
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    // Data on disk before the name points at it: after a crash the file is
    // the old digest or the new one, never an empty one.
    if (::fsync(descriptor) != 0) return file_failure("flush", pattern, errno);
    if (temporary.close() != 0) return file_failure("write", pattern, errno);
    if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
        return file_failure("write", path, errno);
    }
    temporary.keep();
    const int directory_descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory_descriptor >= 0) {
        ::fsync(directory_descriptor);  // best effort: the rename itself is done
        ::close(directory_descriptor);
    }
    return {};
}

DeliveryResult<void> deliver_digest(const config::DigestSettings& digest,
                                    const std::vector<config::AccountSettings>& accounts,
                                    std::string_view message, const DeliveryOptions& options) {
    const std::string normalized = normalize_crlf(message);
    // RFC 5321 §4.5.2 and RFC 3501 §4.3 both exclude NUL; a digest holding one
    // is a composing bug that no retry fixes.
    if (digest.delivery != "file" && normalized.find('\0') != std::string::npos) {
        return permanent_failure("the digest contains a NUL byte, which mail cannot carry");
    }
    if (digest.delivery == "smtp") return deliver_by_smtp(digest, normalized, options);
    if (digest.delivery == "imap") return deliver_by_imap(digest, accounts, normalized, options);
    if (digest.delivery == "file")
        return write_file_atomically(expand_path(digest.file), normalized);
    return permanent_failure("[digest] delivery must be \"smtp\", \"imap\" or \"file\", not \"" +
                             digest.delivery + "\"");
}

}  // namespace casefile::daemon
