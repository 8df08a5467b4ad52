#include "support/scripted_imap_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace casefile::testing {
namespace {

std::string to_upper(std::string_view text) {
    std::string upper(text);
    for (char& character : upper) {
        if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 32);
    }
    return upper;
}

// The next space-separated word of `text`, removed from it.
std::string take_word(std::string_view& text) {
    const std::size_t space = text.find(' ');
    std::string word(text.substr(0, space));
    text.remove_prefix(space == std::string_view::npos ? text.size() : space + 1);
    return word;
}

std::string unquote(std::string_view text) {
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);
    }
    return std::string(text);
}

// RFC 3501 §9 sequence-set over UIDs: "1:4,7,9:*"; "*" is the highest UID in
// use, and "n:*" includes that UID even when it is below n (§6.4.8).
bool in_uid_set(std::string_view set, std::uint32_t uid, std::uint32_t highest) {
    auto number = [&](std::string_view text) -> std::uint32_t {
        if (text == "*") return highest;
        return static_cast<std::uint32_t>(std::strtoul(std::string(text).c_str(), nullptr, 10));
    };
    while (!set.empty()) {
        const std::size_t comma = set.find(',');
        const std::string_view range = set.substr(0, comma);
        set.remove_prefix(comma == std::string_view::npos ? set.size() : comma + 1);
        const std::size_t colon = range.find(':');
        std::uint32_t low = number(range.substr(0, colon));
        std::uint32_t high = colon == std::string_view::npos ? low : number(range.substr(colon + 1));
        if (low > high) std::swap(low, high);
        if (uid >= low && uid <= high) return true;
    }
    return false;
}

std::string header_of(const std::string& message) {
    const std::size_t end = message.find("\r\n\r\n");
    return end == std::string::npos ? message : message.substr(0, end + 4);
}

std::string message_id_field_of(const std::string& message) {
    const std::string header = header_of(message);
    std::size_t line_start = 0;
    while (line_start < header.size()) {
        std::size_t line_end = header.find("\r\n", line_start);
        if (line_end == std::string::npos) line_end = header.size();
        const std::string line = header.substr(line_start, line_end - line_start);
        if (to_upper(line.substr(0, 11)) == "MESSAGE-ID:") return line + "\r\n\r\n";
        line_start = line_end + 2;
    }
    return "\r\n";
}

}  // namespace

// One client connection playing one script. Every wait also watches the
// server's stop pipe, so the destructor never waits for a slow script.
class ScriptedImapServer::Connection {
public:
    Connection(ScriptedImapServer& server, int socket, const ConnectionScript& script)
        : server_(server), socket_(socket), script_(script) {}

    void run() {
        if (!send(script_.greeting + "\r\n")) return;
        if (script_.fault.kind == Fault::Kind::silent_after_greeting) silent_ = true;
        while (auto line = read_line()) {
            if (silent_) continue;
            if (!answer(*line)) return;
        }
    }

private:
    enum class Wait { ready, timeout, stop };

    Wait wait(short events, int timeout_ms) {
        pollfd descriptors[2] = {{socket_, events, 0}, {server_.stop_read_, POLLIN, 0}};
        while (true) {
            const int ready = ::poll(descriptors, 2, timeout_ms);
            if (ready < 0 && errno == EINTR) continue;
            if (ready < 0 || descriptors[1].revents != 0) return Wait::stop;
            return ready == 0 ? Wait::timeout : Wait::ready;
        }
    }

    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            if (wait(POLLOUT, -1) != Wait::ready) return false;
            const ssize_t sent = ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent < 0 && errno == EINTR) continue;
            if (sent <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
        return true;
    }

    // Sleeps, unless the server is stopping (then false).
    bool pause(std::chrono::milliseconds interval) {
        pollfd stop{server_.stop_read_, POLLIN, 0};
        return ::poll(&stop, 1, static_cast<int>(interval.count())) == 0;
    }

    // The next line the client sent, CRLF removed; nothing once it left.
    std::optional<std::string> read_line() {
        while (true) {
            const std::size_t end = input_.find("\r\n");
            if (end != std::string::npos) {
                std::string line = input_.substr(0, end);
                input_.erase(0, end + 2);
                return line;
            }
            if (wait(POLLIN, -1) != Wait::ready) return std::nullopt;
            char buffer[4096];
            const ssize_t received = ::recv(socket_, buffer, sizeof buffer, 0);
            if (received < 0 && errno == EINTR) continue;
            if (received <= 0) return std::nullopt;
            const std::string_view bytes(buffer, static_cast<std::size_t>(received));
            server_.record(bytes);
            input_.append(bytes);
        }
    }

    // The fault, if this command is one it may fire at: the first command
    // after login whose text contains `on_command`. It is spent once it
    // acts (see spend()), so it fires once per connection.
    const Fault* fault_for(const std::string& command) const {
        const Fault& fault = script_.fault;
        if (fault_spent_ || !authenticated_ || fault.kind == Fault::Kind::none ||
            fault.kind == Fault::Kind::silent_after_greeting ||
            command.find(fault.on_command) == std::string::npos) {
            return nullptr;
        }
        return &fault;
    }
    const Fault* spend(const Fault* fault) {
        if (fault != nullptr) fault_spent_ = true;
        return fault;
    }

    // Answers one command line; false when the connection is to end.
    bool answer(const std::string& line) {
        std::string_view rest = line;
        const std::string tag = take_word(rest);
        const std::string command(rest);
        const std::string verb = to_upper(take_word(rest));

        const Fault* fault = fault_for(command);
        if (verb == "UID" && to_upper(take_word(rest)) == "FETCH") {
            return uid_fetch(tag, rest, fault);
        }
        spend(fault);
        if (fault != nullptr && fault->kind == Fault::Kind::silent) {
            silent_ = true;
            return true;
        }
        if (fault != nullptr && fault->uid == 0) {
            if (auto outcome = before_answer(tag, *fault)) return *outcome;
        }
        if (verb == "CAPABILITY") {
            return send("* CAPABILITY " + script_.capabilities + "\r\n" + tag +
                        " OK CAPABILITY completed\r\n");
        }
        if (verb == "LOGIN") {
            authenticated_ = true;
            return send(tag + " OK LOGIN completed\r\n");
        }
        if (verb == "AUTHENTICATE") {
            take_word(rest);  // the mechanism
            if (rest.empty()) {
                // RFC 3501 §6.2.2: without SASL-IR the client waits for "+".
                if (!send("+ \r\n")) return false;
                if (!read_line()) return false;
            }
            authenticated_ = true;
            return send(tag + " OK AUTHENTICATE completed\r\n");
        }
        if (verb == "LIST") {
            std::string reply;
            for (const ScriptedMailbox& mailbox : script_.mailboxes) {
                reply += "* LIST (" + mailbox.list_flags + ") \"/\" \"" + mailbox.name + "\"\r\n";
            }
            return send(reply + tag + " OK LIST completed\r\n");
        }
        if (verb == "EXAMINE") return examine(tag, unquote(rest));
        if (verb == "IDLE") {
            if (!send("+ idling\r\n")) return false;
            while (auto done = read_line()) {
                if (to_upper(*done) == "DONE") return send(tag + " OK IDLE terminated\r\n");
            }
            return false;
        }
        if (verb == "NOOP") return send(tag + " OK NOOP completed\r\n");
        if (verb == "LOGOUT") {
            send("* BYE logging out\r\n" + tag + " OK LOGOUT completed\r\n");
            return false;
        }
        // STARTTLS is never advertised; SELECT, STORE and the rest are
        // recorded for the tests to find, and refused.
        return send(tag + " BAD command not supported by this script\r\n");
    }

    // Applies a fault due before an answer (or before one message of it).
    // Returns whether to go on, or nothing when the answer proceeds normally.
    std::optional<bool> before_answer(const std::string& tag, const Fault& fault) {
        switch (fault.kind) {
            case Fault::Kind::malformed_line:
                if (!send(fault.line)) return false;
                return std::nullopt;
            case Fault::Kind::bye:
                send("* BYE server shutting down\r\n");
                return false;
            case Fault::Kind::tagged_no:
                return send(tag + " NO [SERVERBUG] internal error, try again later\r\n");
            default:
                return std::nullopt;
        }
    }

    bool examine(const std::string& tag, const std::string& name) {
        examined_ = nullptr;
        for (const ScriptedMailbox& mailbox : script_.mailboxes) {
            if (mailbox.name == name) examined_ = &mailbox;
        }
        if (examined_ == nullptr) return send(tag + " NO [NONEXISTENT] Mailbox doesn't exist\r\n");
        const std::uint32_t uidnext =
            examined_->messages.empty() ? 1 : examined_->messages.back().uid + 1;
        return send("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                    "* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"
                    "* " + std::to_string(examined_->messages.size()) + " EXISTS\r\n"
                    "* 0 RECENT\r\n"
                    "* OK [UIDVALIDITY " + std::to_string(examined_->uidvalidity) + "] UIDs valid\r\n"
                    "* OK [UIDNEXT " + std::to_string(uidnext) + "] Predicted next UID\r\n" +
                    tag + " OK [READ-ONLY] Examine completed\r\n");
    }

    // "UID FETCH set (items)": sizes, whole bodies, headers, or Message-IDs.
    bool uid_fetch(const std::string& tag, std::string_view arguments, const Fault* fault) {
        if (examined_ == nullptr) return send(tag + " BAD No mailbox selected\r\n");
        const std::string set = take_word(arguments);
        const std::string items = to_upper(arguments);
        enum class What { sizes, body, header, message_id } what = What::sizes;
        if (items.find("HEADER.FIELDS") != std::string::npos) {
            what = What::message_id;
        } else if (items.find("[HEADER]") != std::string::npos) {
            what = What::header;
        } else if (items.find("[]") != std::string::npos) {
            what = What::body;
        }
        const auto& messages = examined_->messages;
        const std::uint32_t highest = messages.empty() ? 0 : messages.back().uid;
        // A fault aimed at one message waits for a FETCH that includes it.
        if (fault != nullptr && fault->uid != 0 &&
            std::none_of(messages.begin(), messages.end(), [&](const ScriptedMessage& message) {
                return message.uid == fault->uid && in_uid_set(set, message.uid, highest);
            })) {
            fault = nullptr;
        }
        spend(fault);
        if (fault != nullptr && fault->kind == Fault::Kind::silent) {
            silent_ = true;
            return true;
        }
        if (fault != nullptr && fault->uid == 0) {
            if (auto outcome = before_answer(tag, *fault)) return *outcome;
        }
        for (std::size_t index = 0; index < messages.size(); ++index) {
            const ScriptedMessage& message = messages[index];
            if (!in_uid_set(set, message.uid, highest)) continue;
            const bool faulty = fault != nullptr && fault->uid == message.uid;
            if (faulty) {
                if (fault->kind == Fault::Kind::malformed_line) {
                    // Replaces this message's response.
                    if (!send(fault->line)) return false;
                    continue;
                }
                if (auto outcome = before_answer(tag, *fault)) return *outcome;
            }
            std::string head = "* " + std::to_string(index + 1) + " FETCH (UID " +
                               std::to_string(message.uid) + " RFC822.SIZE " +
                               std::to_string(message.bytes.size());
            std::string literal;
            switch (what) {
                case What::sizes: break;
                case What::body:
                    head += " BODY[]";
                    literal = message.bytes;
                    break;
                case What::header:
                    head += " BODY[HEADER]";
                    literal = header_of(message.bytes);
                    break;
                case What::message_id:
                    head += " BODY[HEADER.FIELDS (MESSAGE-ID)]";
                    literal = message_id_field_of(message.bytes);
                    break;
            }
            if (what == What::sizes) {
                if (!send(head + ")\r\n")) return false;
                continue;
            }
            head += " {" + std::to_string(literal.size()) + "}\r\n";
            if (faulty && fault->kind == Fault::Kind::close_mid_literal) {
                send(head + literal.substr(0, std::min(fault->bytes, literal.size())));
                return false;
            }
            if (faulty && fault->kind == Fault::Kind::trickle_literal) {
                if (!send(head)) return false;
                for (const char byte : literal) {
                    if (!pause(fault->interval) || !send(std::string_view(&byte, 1))) return false;
                }
                if (!send(")\r\n")) return false;
                continue;
            }
            if (!send(head + literal + ")\r\n")) return false;
        }
        return send(tag + " OK UID FETCH completed\r\n");
    }

    ScriptedImapServer& server_;
    int socket_;
    const ConnectionScript& script_;
    std::string input_;
    const ScriptedMailbox* examined_ = nullptr;
    bool authenticated_ = false;
    bool fault_spent_ = false;
    bool silent_ = false;
};

core::Result<std::unique_ptr<ScriptedImapServer>> ScriptedImapServer::start(
    std::vector<ConnectionScript> scripts) {
    if (scripts.empty()) return core::fail("ScriptedImapServer needs at least one script");
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener < 0) return core::fail(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the kernel picks a free port
    socklen_t length = sizeof address;
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener, 4) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        const std::string problem = std::strerror(errno);
        ::close(listener);
        return core::fail("cannot listen on 127.0.0.1: " + problem);
    }
    int stop_pipe[2];
    if (::pipe2(stop_pipe, O_CLOEXEC) != 0) {
        ::close(listener);
        return core::fail(std::string("pipe: ") + std::strerror(errno));
    }
    return std::unique_ptr<ScriptedImapServer>(new ScriptedImapServer(
        listener, ntohs(address.sin_port), stop_pipe[0], stop_pipe[1], std::move(scripts)));
}

ScriptedImapServer::ScriptedImapServer(int listener, int port, int stop_read, int stop_write,
                                       std::vector<ConnectionScript> scripts)
    : listener_(listener),
      port_(port),
      stop_read_(stop_read),
      stop_write_(stop_write),
      scripts_(std::move(scripts)),
      thread_([this] { serve(); }) {}

ScriptedImapServer::~ScriptedImapServer() {
    const char stop = 'x';
    while (::write(stop_write_, &stop, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
    ::close(listener_);
    ::close(stop_read_);
    ::close(stop_write_);
}

void ScriptedImapServer::serve() {
    while (true) {
        pollfd descriptors[2] = {{listener_, POLLIN, 0}, {stop_read_, POLLIN, 0}};
        const int ready = ::poll(descriptors, 2, -1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0 || descriptors[1].revents != 0) return;
        const int socket = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (socket < 0) continue;
        std::size_t index = 0;
        {
            std::lock_guard lock(mutex_);
            index = static_cast<std::size_t>(connections_++);
        }
        Connection(*this, socket, scripts_[std::min(index, scripts_.size() - 1)]).run();
        ::close(socket);
    }
}

void ScriptedImapServer::record(std::string_view bytes) {
    std::lock_guard lock(mutex_);
    received_.append(bytes);
}

std::string ScriptedImapServer::client_text() const {
    std::lock_guard lock(mutex_);
    return received_;
}

std::vector<std::string> ScriptedImapServer::client_lines() const {
    const std::string text = client_text();
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

int ScriptedImapServer::connections() const {
    std::lock_guard lock(mutex_);
    return connections_;
}

}  // namespace casefile::testing
