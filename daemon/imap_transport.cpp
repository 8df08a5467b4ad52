#include "daemon/imap_transport.hpp"

#include <poll.h>

#include <cerrno>

namespace casefile::daemon {
namespace {

constexpr std::size_t kReceiveChunk = 64 * 1024;

std::string server_of(const std::string& url) {
    const std::size_t scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    const std::size_t slash = rest.find('/');
    return slash == std::string::npos ? rest : rest.substr(0, slash);
}

// libcurl reports a refused STARTTLS or a failed login as these codes; turn
// them into sentences a VA can act on.
std::string describe_connect_failure(CURLcode code, const std::string& server,
                                     const char* detail) {
    std::string message = "cannot connect to " + server + ": ";
    switch (code) {
        case CURLE_USE_SSL_FAILED:
            return message +
                   "the server does not offer STARTTLS, and tls is required (nothing was sent; "
                   "use an imaps:// URL, or tls = \"none\" only for a server on this machine)";
        case CURLE_LOGIN_DENIED:
            return message + "the server refused the login; check the user name and password";
        case CURLE_OPERATION_TIMEDOUT:
            return message + "timed out";
        case CURLE_COULDNT_CONNECT:
            return message + "connection refused or unreachable";
        case CURLE_COULDNT_RESOLVE_HOST:
            return message + "unknown host name";
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            return message + "its TLS certificate could not be verified (" +
                   (detail && *detail ? detail : curl_easy_strerror(code)) +
                   "); set ca_file for a private certificate";
        default:
            return message + (detail && *detail ? detail : curl_easy_strerror(code));
    }
}

}  // namespace

core::Result<ImapTransport> ImapTransport::connect(const ImapConnectSettings& settings) {
    CurlEasy handle(curl_easy_init());
    if (!handle) return core::fail("cannot start libcurl");
    CURL* curl = handle.get();
    const std::string server = server_of(settings.url);
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(settings.connect_timeout.count() * 1000));
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.user.c_str());
    if (settings.xoauth2) {
        curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, settings.secret.c_str());
        curl_easy_setopt(curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
        curl_easy_setopt(curl, CURLOPT_SASL_IR, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.secret.c_str());
    }
    const bool implicit_tls = settings.url.starts_with("imaps://");
    if (settings.tls == config::TlsMode::none) {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
    } else if (!implicit_tls) {
        // STARTTLS or fail before LOGIN: credentials never cross in clear text.
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);

    const CURLcode code = curl_easy_perform(curl);
    // The secret is no longer needed by libcurl; do not keep a copy around.
    curl_easy_setopt(curl, CURLOPT_PASSWORD, "");
    curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, "");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (code != CURLE_OK) {
        return core::fail(describe_connect_failure(code, server, error_buffer));
    }
    return ImapTransport(std::move(handle), server);
}

core::Result<bool> ImapTransport::wait_for_socket(bool for_reading,
                                                  std::chrono::milliseconds timeout,
                                                  int wake_descriptor) {
    curl_socket_t socket = CURL_SOCKET_BAD;
    if (curl_easy_getinfo(handle_.get(), CURLINFO_ACTIVESOCKET, &socket) != CURLE_OK ||
        socket == CURL_SOCKET_BAD) {
        return core::fail("the connection to " + server_ + " is closed");
    }
    pollfd descriptors[2] = {};
    descriptors[0].fd = socket;
    descriptors[0].events = for_reading ? POLLIN : POLLOUT;
    descriptors[1].fd = wake_descriptor;
    descriptors[1].events = POLLIN;
    const nfds_t count = wake_descriptor >= 0 ? 2 : 1;
    while (true) {
        const int ready = ::poll(descriptors, count, static_cast<int>(timeout.count()));
        if (ready > 0) return descriptors[0].revents != 0;
        if (ready == 0) {
            return core::fail(server_ + " sent nothing for " +
                              std::to_string(timeout.count() / 1000) + " s");
        }
        if (errno != EINTR) return core::fail("waiting for " + server_ + " failed");
        if (wake_descriptor >= 0) return false;  // a signal: let the caller look
    }
}

core::Result<void> ImapTransport::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    while (!bytes.empty()) {
        std::size_t sent = 0;
        const CURLcode code = curl_easy_send(handle_.get(), bytes.data(), bytes.size(), &sent);
        if (code == CURLE_AGAIN) {
            if (auto ready = wait_for_socket(false, timeout); !ready) {
                return core::Unexpected(ready.error());
            }
            continue;
        }
        if (code != CURLE_OK) {
            return core::fail("sending to " + server_ + " failed: " + curl_easy_strerror(code));
        }
        bytes.remove_prefix(sent);
    }
    return core::ok();
}

core::Result<std::size_t> ImapTransport::receive(std::string& out,
                                                  std::chrono::milliseconds timeout,
                                                  int wake_descriptor) {
    const std::size_t before = out.size();
    while (true) {
        out.resize(before + kReceiveChunk);
        std::size_t received = 0;
        const CURLcode code = curl_easy_recv(handle_.get(), out.data() + before, kReceiveChunk,
                                             &received);
        out.resize(before + received);
        if (code == CURLE_AGAIN) {
            auto ready = wait_for_socket(true, timeout, wake_descriptor);
            if (!ready) return core::Unexpected(ready.error());
            if (!*ready) return std::size_t{0};
            continue;
        }
        if (code != CURLE_OK) {
            return core::fail("receiving from " + server_ + " failed: " + curl_easy_strerror(code));
        }
        if (received == 0) return core::fail(server_ + " closed the connection");
        bytes_received_ += received;
        return received;
    }
}

}  // namespace casefile::daemon
