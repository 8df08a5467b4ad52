// A private SMTP server for one test: scripts/smtp-sandbox.py (aiosmtpd) run
// by /usr/bin/python3 in a fresh temporary directory on a free 127.0.0.1 port.
//
//   auto smtp = SmtpSandbox::start();
//   ASSERT_OK(smtp);
//   ... send to 127.0.0.1:smtp->port() ...
//   ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
//   EXPECT_EQ(smtp->received()[0].mail_from, "va@example.com");
//
// The server is this process's child, in its own process group, and gets
// SIGKILL if this process dies (PR_SET_PDEATHSIG), so none outlives a test.
// REQUIRES: start() is called from a thread that outlives the sandbox (the
// death signal follows the thread that forked).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace casefile::testing {

struct SmtpOptions {
    // Offer STARTTLS with a fresh self-signed certificate (see ca_file()).
    bool starttls = false;
    // "user:password": offer AUTH PLAIN and LOGIN (after STARTTLS when
    // starttls is set). Mail without AUTH is accepted either way.
    std::string auth;
    // Reply "451 4.3.0" to the first N DATA commands.
    int fail_first = 0;
    // Reply "554 5.7.1" to every DATA command.
    bool reject_all = false;
};

struct ReceivedMessage {
    std::string bytes;  // the DATA as sent, dot-unstuffed, CRLF line ends
    std::string mail_from;
    std::vector<std::string> rcpt_tos;
    std::vector<std::string> mail_options;  // e.g. "SIZE=123"
    std::string auth_user;                  // empty without AUTH
};

class SmtpSandbox {
  public:
    // Starts the server (about 0.1 s; more with starttls, for the key). On
    // failure the error holds the server's stderr.
    static core::Result<SmtpSandbox> start(const SmtpOptions& options = {});

    ~SmtpSandbox();
    SmtpSandbox(SmtpSandbox&& other) noexcept;
    SmtpSandbox& operator=(SmtpSandbox&& other) noexcept;
    SmtpSandbox(const SmtpSandbox&) = delete;
    SmtpSandbox& operator=(const SmtpSandbox&) = delete;

    int port() const { return port_; }
    // The certificate to trust with starttls; empty otherwise.
    const std::string& ca_file() const { return ca_file_; }
    // NNNN.eml, NNNN.json, smtp.log live here.
    const std::filesystem::path& directory() const { return directory_; }

    // Every message accepted so far, in arrival order.
    std::vector<ReceivedMessage> received() const;
    // True once at least COUNT messages have arrived; false after TIMEOUT.
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout) const;

    // SIGTERM, then SIGKILL after 2 s; waits for the process. Idempotent.
    // The received messages stay readable until destruction.
    void stop() noexcept;

  private:
    SmtpSandbox() = default;
    void release() noexcept;

    std::filesystem::path directory_;  // empty once moved from
    pid_t pid_ = -1;
    int port_ = 0;
    std::string ca_file_;
};

}  // namespace casefile::testing
