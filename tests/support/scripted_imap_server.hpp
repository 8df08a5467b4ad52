// A fake IMAP server on 127.0.0.1 that plays a script, for the faults a real
// server will not produce on demand: a connection cut inside a literal, a
// 1 byte/s trickle, garbage, an unexpected BYE, a tagged NO. Everything that
// behaves normally is tested against the real Dovecot (dovecot_sandbox.hpp).
//
//   ConnectionScript script;
//   script.mailboxes[0].messages = {{1, "Subject: a\r\n\r\nbody\r\n"}};
//   script.fault = Fault::close_mid_literal("BODY.PEEK[]", /*uid=*/1, /*bytes=*/10);
//   auto server = ScriptedImapServer::start({script, healthy});
//   ... connect to server->url() with tls = none ...
//   EXPECT_EQ(server->client_text().find("LOGIN"), std::string::npos);
//
// It serves one connection at a time, accepting again when a client leaves,
// so a test can reconnect; connection n plays scripts[n] (the last script
// repeats). It speaks just enough IMAP4rev1 for libcurl's CONNECT_ONLY login
// (CAPABILITY, then AUTHENTICATE PLAIN or LOGIN, always accepted) and for
// daemon/imap_session.cpp: CAPABILITY, LIST, EXAMINE, UID FETCH (sizes,
// BODY.PEEK[], BODY.PEEK[HEADER], BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]),
// IDLE/DONE, NOOP, LOGOUT. Any other command gets a tagged BAD and is
// recorded like everything else the client sent.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace casefile::testing {

struct ScriptedMessage {
    std::uint32_t uid = 0;
    std::string bytes;  // sent as-is in a literal; RFC822.SIZE is its length
};

struct ScriptedMailbox {
    std::string name = "INBOX";
    std::string list_flags;  // e.g. "\\HasNoChildren \\Sent"
    std::uint32_t uidvalidity = 1;
    std::vector<ScriptedMessage> messages;  // ascending UIDs; sequence numbers follow
};

// One misbehaviour per connection. It fires once, at the first command after
// login whose text (after the tag) contains `on_command`, e.g. "EXAMINE",
// "BODY.PEEK[]" (a body fetch) or "RFC822.SIZE)" (the UID/size listing); a
// fault aimed at message `uid` waits for a UID FETCH whose set includes it.
struct Fault {
    enum class Kind {
        none,
        // Sends the FETCH line of message `uid` and `bytes` bytes of its
        // literal, then closes the connection.
        close_mid_literal,
        // Sends the literal of message `uid` one byte per `interval`.
        trickle_literal,
        // Sends `line` (raw bytes, CRLF included) instead of message `uid`'s
        // FETCH response; when uid is 0, before the answer, which then
        // follows normally.
        malformed_line,
        // Sends "* BYE server shutting down" before message `uid` (or before
        // anything when uid is 0) and closes the connection.
        bye,
        // Answers the messages before `uid` (none when uid is 0), then
        // completes the command with a tagged NO.
        tagged_no,
        // Reads and records the command but never answers anything again.
        silent,
        // Sends the greeting, then never answers anything (on_command is
        // not used: even libcurl's login gets no reply).
        silent_after_greeting,
    };
    Kind kind = Kind::none;
    std::string on_command;
    std::uint32_t uid = 0;
    std::size_t bytes = 0;
    std::string line;
    std::chrono::milliseconds interval{1000};

    static Fault close_mid_literal(std::string on_command, std::uint32_t uid, std::size_t bytes) {
        return make(Kind::close_mid_literal, std::move(on_command), uid, bytes);
    }
    static Fault trickle_literal(std::string on_command, std::uint32_t uid,
                                 std::chrono::milliseconds interval) {
        Fault fault = make(Kind::trickle_literal, std::move(on_command), uid);
        fault.interval = interval;
        return fault;
    }
    static Fault malformed_line(std::string on_command, std::uint32_t uid, std::string line) {
        Fault fault = make(Kind::malformed_line, std::move(on_command), uid);
        fault.line = std::move(line);
        return fault;
    }
    static Fault bye(std::string on_command, std::uint32_t uid = 0) {
        return make(Kind::bye, std::move(on_command), uid);
    }
    static Fault tagged_no(std::string on_command, std::uint32_t uid = 0) {
        return make(Kind::tagged_no, std::move(on_command), uid);
    }
    static Fault silent(std::string on_command) { return make(Kind::silent, std::move(on_command)); }
    static Fault silent_after_greeting() { return make(Kind::silent_after_greeting, {}); }

private:
    static Fault make(Kind kind, std::string on_command, std::uint32_t uid = 0,
                      std::size_t bytes = 0) {
        Fault fault;
        fault.kind = kind;
        fault.on_command = std::move(on_command);
        fault.uid = uid;
        fault.bytes = bytes;
        return fault;
    }
};

struct ConnectionScript {
    std::string greeting = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN IDLE] ready";
    // What CAPABILITY answers, before and after login.
    std::string capabilities = "IMAP4rev1 AUTH=PLAIN IDLE";
    std::vector<ScriptedMailbox> mailboxes = {ScriptedMailbox{}};
    Fault fault;
};

class ScriptedImapServer {
public:
    // Listens on 127.0.0.1 on a port the kernel picks and starts serving.
    // REQUIRES: scripts is not empty.
    static core::Result<std::unique_ptr<ScriptedImapServer>> start(
        std::vector<ConnectionScript> scripts);

    // Stops the server thread, closing any connection still open.
    ~ScriptedImapServer();
    ScriptedImapServer(const ScriptedImapServer&) = delete;
    ScriptedImapServer& operator=(const ScriptedImapServer&) = delete;

    int port() const { return port_; }
    std::string url() const { return "imap://127.0.0.1:" + std::to_string(port_); }

    // Every byte every client sent, in order, connections concatenated.
    std::string client_text() const;
    // The command lines the client sent (CRLF removed), all connections.
    std::vector<std::string> client_lines() const;
    // Connections accepted so far.
    int connections() const;

private:
    ScriptedImapServer(int listener, int port, int stop_read, int stop_write,
                       std::vector<ConnectionScript> scripts);
    void serve();
    void record(std::string_view bytes);

    class Connection;

    int listener_ = -1;
    int port_ = 0;
    int stop_read_ = -1;  // a pipe: the destructor writes, every wait watches
    int stop_write_ = -1;
    std::vector<ConnectionScript> scripts_;
    mutable std::mutex mutex_;
    std::string received_;
    int connections_ = 0;
    std::thread thread_;
};

}  // namespace casefile::testing
