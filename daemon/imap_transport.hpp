// The IMAP connection's bytes: libcurl connects, does TLS or STARTTLS and
// logs in (CURLOPT_CONNECT_ONLY), then casefile speaks IMAP itself over
// curl_easy_send / curl_easy_recv (DESIGN.md: libcurl's own FETCH handling
// fails on large bodies and can desynchronise on body lines).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "core/result.hpp"
#include "daemon/curl_handle.hpp"

namespace casefile::daemon {

struct ImapConnectSettings {
    std::string url;  // imaps://host[:port] or imap://host[:port]
    std::string user;
    std::string secret;             // password, or OAuth2 token for xoauth2
    bool xoauth2 = false;
    config::TlsMode tls = config::TlsMode::required;
    std::string ca_file;
    std::chrono::seconds connect_timeout{30};
};

class ImapTransport {
public:
    // Connects and authenticates. With tls = required and an imap:// URL, or
    // tls = starttls, a server that cannot do STARTTLS is refused before any
    // credential is sent. Errors name the server and what failed, never the
    // secret.
    static core::Result<ImapTransport> connect(const ImapConnectSettings& settings);

    // Sends all of `bytes`, waiting up to `timeout` for the socket to drain.
    core::Result<void> send(std::string_view bytes, std::chrono::milliseconds timeout);

    // Appends whatever the server sends next to `out`, waiting up to
    // `timeout` for the first byte. Fails on timeout (naming it) and when the
    // server closed the connection. When `wake_descriptor` (a pipe) becomes
    // readable first, returns 0 bytes so the caller can check why.
    core::Result<std::size_t> receive(std::string& out, std::chrono::milliseconds timeout,
                                      int wake_descriptor = -1);

    std::uint64_t bytes_received() const { return bytes_received_; }

private:
    explicit ImapTransport(CurlEasy handle, std::string server)
        : handle_(std::move(handle)), server_(std::move(server)) {}
    // Returns true when the socket is ready, false when woken instead.
    core::Result<bool> wait_for_socket(bool for_reading, std::chrono::milliseconds timeout,
                                       int wake_descriptor = -1);

    CurlEasy handle_;
    std::string server_;  // for messages: "imap.example.com:993"
    std::uint64_t bytes_received_ = 0;
};

}  // namespace casefile::daemon
