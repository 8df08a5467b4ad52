#include "daemon/smtp_sender.hpp"

#include <algorithm>
#include <cstring>

#include "daemon/curl_handle.hpp"

namespace casefile::daemon {
namespace {

// What libcurl reads the DATA from: the normalised bytes, never copied again.
struct UploadSource {
    std::string_view remaining;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user_data) {
    auto* source = static_cast<UploadSource*>(user_data);
    const std::size_t length = std::min(size * count, source->remaining.size());
    std::memcpy(buffer, source->remaining.data(), length);
    source->remaining.remove_prefix(length);
    return length;
}

// What the server last said and which command it answered, taken from
// libcurl's debug stream. Only the server's lines (CURLINFO_HEADER_IN) are
// kept; of ours only the verb, since an AUTH line carries the credentials.
struct Conversation {
    std::string last_verb;   // "EHLO", "AUTH", "MAIL", "RCPT", "DATA", ...
    std::string last_reply;  // the server's last line, CRLF stripped
};

int watch_conversation(CURL*, curl_infotype type, char* data, size_t size, void* user_data) {
    auto* conversation = static_cast<Conversation*>(user_data);
    const std::string_view text(data, size);
    if (type == CURLINFO_HEADER_OUT) {
        // AUTH LOGIN sends the user and password as lines of their own:
        // anything that is not a command verb stays part of the AUTH.
        static constexpr std::string_view verbs[] = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL",
                                                     "RCPT", "DATA", "QUIT",     "RSET", "NOOP"};
        for (const std::string_view verb : verbs) {
            if (text.size() > verb.size() && text.substr(0, verb.size()) == verb &&
                (text[verb.size()] == ' ' || text[verb.size()] == '\r')) {
                conversation->last_verb = std::string(verb);
            }
        }
    } else if (type == CURLINFO_HEADER_IN) {
        std::string_view line = text;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
        if (!line.empty()) conversation->last_reply = std::string(line);
    }
    return 0;
}

std::string server_of(const std::string& url) {
    const std::size_t scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    const std::size_t slash = rest.find('/');
    return slash == std::string::npos ? rest : rest.substr(0, slash);
}

// Server text goes into a message the VA reads and the log: printable, short,
// and without the password even if a server were to echo it.
std::string clean(std::string text, const std::string& password) {
    if (!password.empty()) {
        for (std::size_t at = text.find(password); at != std::string::npos;
             at = text.find(password, at)) {
            text.replace(at, password.size(), "(password)");
        }
    }
    if (text.size() > 300) text.resize(300);
    for (char& character : text) {
        if (static_cast<unsigned char>(character) < 0x20 || character == 0x7f) character = ' ';
    }
    return text;
}

// An address that would end up inside "MAIL FROM:<...>" or "RCPT TO:<...>":
// anything that could close the brackets or start a new command is refused.
bool is_safe_address(const std::string& address) {
    if (address.empty()) return false;
    return std::none_of(address.begin(), address.end(), [](char character) {
        const auto byte = static_cast<unsigned char>(character);
        return byte <= 0x20 || byte == 0x7f || character == '<' || character == '>';
    });
}

DeliveryUnexpected describe_reply(const std::string& server, long code,
                                  const Conversation& conversation, const std::string& password) {
    const std::string reply = clean(conversation.last_reply, password);
    const std::string said = reply.empty() ? std::to_string(code) : reply;
    const std::string& verb = conversation.last_verb;
    std::string what;
    if (verb == "MAIL") {
        what = "refused the sender";
    } else if (verb == "RCPT") {
        what = "refused a recipient";
    } else if (verb == "DATA" || verb.empty()) {
        what = "refused the message";
    } else if (verb == "AUTH") {
        what = "refused the login (check smtp_user and the password)";
    } else {
        what = "answered " + verb + " with an error";
    }
    std::string message = "the SMTP server at " + server + " " + what + ": " + said;
    // RFC 5321 §4.2.1: 4yz is a transient negative reply, 5yz a permanent one.
    if (code >= 400 && code < 500) return transient_failure(std::move(message));
    return permanent_failure(std::move(message));
}

DeliveryUnexpected describe_failure(CURLcode code, long reply_code, const std::string& server,
                                    const Conversation& conversation, const char* detail,
                                    const std::string& password) {
    if (reply_code >= 400) return describe_reply(server, reply_code, conversation, password);
    const std::string prefix = "cannot send mail through " + server + ": ";
    const std::string libcurl_said =
        clean(detail != nullptr && *detail != '\0' ? detail : curl_easy_strerror(code), password);
    switch (code) {
        case CURLE_USE_SSL_FAILED:
            return permanent_failure(
                prefix +
                "the server does not offer STARTTLS, and tls is required (nothing was sent; use "
                "an smtps:// URL, or tls = \"none\" only for a relay on this machine)");
        case CURLE_LOGIN_DENIED:
            return permanent_failure(
                prefix + "the server refused the login; check smtp_user and the password");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            return permanent_failure(prefix + "its TLS certificate could not be verified (" +
                                     libcurl_said + ")");
        case CURLE_COULDNT_CONNECT:
            return transient_failure("cannot connect to " + server +
                                     ": connection refused or unreachable");
        case CURLE_COULDNT_RESOLVE_HOST:
            return transient_failure("cannot connect to " + server + ": unknown host name");
        case CURLE_OPERATION_TIMEDOUT:
            return transient_failure(prefix + "timed out (" + libcurl_said + ")");
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL:
            return permanent_failure(prefix + "the smtp_url is not usable (" + libcurl_said + ")");
        default:
            // A connection reset, a TLS handshake cut short, an empty reply:
            // the network's business, worth another try.
            return transient_failure(prefix + libcurl_said);
    }
}

}  // namespace

std::string normalize_crlf(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 32 + 2);
    for (std::size_t index = 0; index < message.size(); ++index) {
        const char character = message[index];
        if (character == '\r') {
            out += "\r\n";
            if (index + 1 < message.size() && message[index + 1] == '\n') ++index;
        } else if (character == '\n') {
            out += "\r\n";
        } else {
            out += character;
        }
    }
    if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
    return out;
}

DeliveryResult<void> send_smtp(const SmtpTarget& target, const std::string& envelope_from,
                               const std::vector<std::string>& recipients, std::string_view message,
                               const SmtpTimeouts& timeouts) {
    const std::string server = server_of(target.url);
    if (!target.url.starts_with("smtp://") && !target.url.starts_with("smtps://")) {
        return permanent_failure("the SMTP URL \"" + target.url +
                                 "\" must start with smtps:// or smtp://");
    }
    if (!is_safe_address(envelope_from)) {
        return permanent_failure("the sender address \"" + clean(envelope_from, {}) +
                                 "\" cannot be used in SMTP");
    }
    if (recipients.empty()) return permanent_failure("the message has no recipient");
    CurlList recipient_list;
    for (const auto& recipient : recipients) {
        if (!is_safe_address(recipient)) {
            return permanent_failure("the recipient address \"" + clean(recipient, {}) +
                                     "\" cannot be used in SMTP");
        }
        curl_slist* grown =
            curl_slist_append(recipient_list.get(), ("<" + recipient + ">").c_str());
        if (grown == nullptr) return transient_failure("out of memory listing the recipients");
        (void)recipient_list.release();
        recipient_list.reset(grown);
    }

    const std::string normalized = normalize_crlf(message);
    UploadSource source{normalized};
    Conversation conversation;

    CurlEasy handle(curl_easy_init());
    if (!handle) return transient_failure("cannot start libcurl");
    CURL* curl = handle.get();
    char error_buffer[CURL_ERROR_SIZE] = {};
    const std::string sender = "<" + envelope_from + ">";
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_URL, target.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipient_list.get());
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &source);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(normalized.size()));
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // only feeds watch_conversation
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, watch_conversation);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &conversation);

    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                     static_cast<long>((timeouts.response.count() + 999) / 1000));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, timeouts.low_speed_bytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME,
                     static_cast<long>(timeouts.low_speed_window.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));

    if (target.tls == config::TlsMode::none && target.url.starts_with("smtp://")) {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
    } else {
        // smtps:: TLS from the first byte. smtp://: STARTTLS or stop after
        // EHLO, before AUTH and MAIL FROM, so nothing crosses in clear text.
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!target.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, target.ca_file.c_str());
    if (!target.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, target.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, target.password.c_str());
    }

    const CURLcode code = curl_easy_perform(curl);
    long reply_code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply_code);
    // libcurl keeps its own copy of the password; drop it now.
    curl_easy_setopt(curl, CURLOPT_PASSWORD, "");
    if (code == CURLE_OK) return {};
    return describe_failure(code, reply_code, server, conversation, error_buffer, target.password);
}

}  // namespace casefile::daemon
