// A private Dovecot IMAP server for one test, run by scripts/dovecot-sandbox.sh
// in a fresh temporary directory on free 127.0.0.1 ports.
//
//   auto dovecot = DovecotSandbox::start();
//   ASSERT_OK(dovecot);
//   ASSERT_OK(dovecot->add_message("INBOX", bytes));
//   ... connect to 127.0.0.1:dovecot->imap_port() as user()/password() ...
//
// The destructor stops the server (the whole process group) and deletes the
// directory. If the test process dies without running it, a watcher started
// by the script stops Dovecot within about half a second.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace casefile::testing {

struct DovecotOptions {
    // Adds an imaps listener and sets ssl = required with a self-signed
    // certificate for localhost and 127.0.0.1 (see ca_file()).
    bool tls = false;
    // Letters, digits and ._@- only. The password may hold anything but ':'
    // and newlines (passwd-file format).
    std::string user = "casefile";
    std::string password = "sandbox-password";
};

class DovecotSandbox {
  public:
    // Starts Dovecot; takes about 0.1 s (0.5 s with TLS, for the key).
    // On failure the error holds the script's output and Dovecot's log.
    static core::Result<DovecotSandbox> start(bool tls = false);
    static core::Result<DovecotSandbox> start(const DovecotOptions& options);

    ~DovecotSandbox();
    DovecotSandbox(DovecotSandbox&& other) noexcept;
    DovecotSandbox& operator=(DovecotSandbox&& other) noexcept;
    DovecotSandbox(const DovecotSandbox&) = delete;
    DovecotSandbox& operator=(const DovecotSandbox&) = delete;

    int imap_port() const { return imap_port_; }
    // 0 without TLS.
    int imaps_port() const { return imaps_port_; }
    // The self-signed certificate to trust (CURLOPT_CAINFO); empty without TLS.
    const std::string& ca_file() const { return ca_file_; }
    const std::string& user() const { return user_; }
    const std::string& password() const { return password_; }
    // The sandbox directory: dovecot.conf, dovecot.log, mail/USER (maildir).
    const std::filesystem::path& directory() const { return directory_; }
    std::string log_file() const { return (directory_ / "dovecot.log").string(); }

    // Stores one message (any bytes; LF or CRLF) in FOLDER, creating the
    // folder if needed. Folder names use "/" as the hierarchy separator.
    core::Result<void> add_message(const std::string& folder, std::string_view bytes);
    core::Result<void> create_folder(const std::string& folder);
    // `doveadm fetch 'uid flags'` output: "uid: 1\nflags: \Seen\n\nuid: 2…".
    core::Result<std::string> flags(const std::string& folder);
    // FLAGS is a space-separated list such as "\\Seen $Label1".
    core::Result<void> add_flags(const std::string& folder, std::uint32_t uid,
                                 const std::string& flag_list);
    core::Result<void> remove_flags(const std::string& folder, std::uint32_t uid,
                                    const std::string& flag_list);
    core::Result<void> set_uidvalidity(const std::string& folder, std::uint32_t uidvalidity);
    core::Result<void> expunge(const std::string& folder, std::uint32_t uid);
    // Any other doveadm command, run as `doveadm -c CONF ARGUMENTS…`; returns
    // its output. Mail commands need "-u", user().
    core::Result<std::string> doveadm(const std::vector<std::string>& arguments);

    // Stops Dovecot and waits until every process is gone and the ports are
    // free (about 0.1 s). Idempotent. The mail stays for restart().
    core::Result<void> stop();
    // Stops if running, then starts again on the same ports with the same mail.
    core::Result<void> restart();
    // SIGKILL to every Dovecot process, as a crash would do.
    core::Result<void> kill();

  private:
    DovecotSandbox() = default;
    core::Result<std::string> script(const std::vector<std::string>& arguments) const;
    core::Result<void> read_ports();
    void release() noexcept;

    std::filesystem::path directory_;  // empty once moved from
    int imap_port_ = 0;
    int imaps_port_ = 0;
    std::string ca_file_;
    std::string user_;
    std::string password_;
};

}  // namespace casefile::testing
