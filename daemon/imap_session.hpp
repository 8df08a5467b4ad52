// A logged-in IMAP connection that casefile drives command by command:
// read-only for everything it syncs (EXAMINE, never SELECT; BODY.PEEK, never
// BODY[]; no STORE, COPY, MOVE or EXPUNGE is ever sent to the VA's mailbox).
// The one write is append(): the daily digest, put into the VA's own folder
// only when she configures `[digest] delivery = "imap"`.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/fetch_plan.hpp"
#include "core/mailbox_selection.hpp"
#include "core/result.hpp"
#include "daemon/imap_transport.hpp"
#include "parsers/imap_command.hpp"
#include "parsers/imap_reader.hpp"

namespace casefile::daemon {

struct ImapTimeouts {
    // The server must answer something within this while a command runs.
    std::chrono::milliseconds read{std::chrono::seconds(120)};
    // Low speed: fewer than this many bytes within `low_speed_window`
    // while a command runs fails it, so a 1 byte/s trickle cannot hold the
    // daemon forever.
    std::uint64_t low_speed_bytes = 1024;
    std::chrono::milliseconds low_speed_window{std::chrono::seconds(60)};
};

struct ExaminedMailbox {
    std::uint32_t uidvalidity = 0;
    std::uint32_t uidnext = 0;
    std::uint32_t exists = 0;
};

struct FetchedMessage {
    std::uint32_t uid = 0;
    std::uint64_t size = 0;  // RFC822.SIZE
    std::string bytes;       // BODY[] (or BODY[HEADER] for a header fetch)
};

struct IdleOutcome {
    bool mailbox_changed = false;  // EXISTS / EXPUNGE / FETCH arrived
    bool woken = false;            // the wake descriptor fired (a signal)
};

class ImapSession {
public:
    // Connects, logs in and reads the server's capabilities.
    static core::Result<ImapSession> open(const ImapConnectSettings& settings,
                                          const ImapTimeouts& timeouts);

    bool has_capability(std::string_view name) const;

    // Every mailbox, names decoded from modified UTF-7 (RFC 3501 §5.1.3).
    core::Result<std::vector<core::MailboxListing>> list_mailboxes();

    // EXAMINE (read-only: RFC 3501 §6.3.2) the mailbox with this UTF-8 name.
    core::Result<ExaminedMailbox> examine(const std::string& mailbox);
    // EXAMINE unless the mailbox is the one the last EXAMINE opened (none
    // after a failed one: RFC 3501 §6.3.1). Opening a large mailbox again
    // costs the server time (Dovecot: 15-30 ms for 20,000 messages) and
    // tells nothing the last EXAMINE did not.
    core::Result<void> keep_examined(const std::string& mailbox);

    // UID and RFC822.SIZE of every message with a UID of `from_uid` or more
    // (the caller filters the one "n:*" returns even below n).
    core::Result<std::vector<core::UidSize>> uid_sizes(std::uint32_t from_uid);

    // Fetches the messages with these UIDs in one pipelined command and calls
    // `on_message` for each as it arrives. `headers_only` fetches
    // BODY.PEEK[HEADER] instead of BODY.PEEK[]. UIDs expunged meanwhile are
    // simply absent. Returns the UIDs the server answered.
    core::Result<void> fetch(const std::vector<std::uint32_t>& uids, bool headers_only,
                             const std::function<void(FetchedMessage&&)>& on_message);

    // The Message-ID header value and size of each UID, for re-matching
    // what is already stored (UIDVALIDITY change, import before sync).
    core::Result<std::vector<FetchedMessage>> fetch_message_id_headers(
        const std::vector<std::uint32_t>& uids);

    // IDLE (RFC 2177) on the examined mailbox until it changes, `limit`
    // passes (keep it under 29 minutes) or `wake_descriptor` is readable.
    core::Result<IdleOutcome> idle(std::chrono::milliseconds limit, int wake_descriptor);

    // RFC 3501 §6.3.11: APPEND the message (RFC 5322 bytes, CRLF line ends)
    // to the mailbox with this UTF-8 name, with no flags and no date, so it
    // arrives unread with the server's time. Waits for the server's "+"
    // before the bytes unless it advertised LITERAL+ (RFC 7888). This is the
    // only command that changes the VA's mailbox; daemon/digest_delivery.cpp
    // is its only caller. Fails when the server refuses (a missing folder:
    // NO [TRYCREATE]), on a NUL byte, or when the connection fails.
    core::Result<void> append(const std::string& mailbox, std::string_view message);

    core::Result<void> noop();
    // Best effort; the connection is gone afterwards.
    void logout();

private:
    ImapSession(ImapTransport transport, const ImapTimeouts& timeouts)
        : transport_(std::move(transport)), timeouts_(timeouts) {}

    using UntaggedHandler = std::function<void(parsers::imap::Response&&)>;
    // Sends "<tag> <command>\r\n" and reads until its tagged response.
    // Untagged responses go to `on_untagged`. NO/BAD/BYE become errors.
    core::Result<parsers::imap::Response> run(const std::string& command,
                                              const UntaggedHandler& on_untagged);
    // Sends `parts` (built with `tag`), waiting for the server's "+" after
    // each part that asks for it (RFC 3501 §7.5), then reads until the tagged
    // response, as run() does.
    core::Result<parsers::imap::Response> run_parts(
        const std::string& tag, const std::vector<parsers::imap::CommandPart>& parts,
        const UntaggedHandler& on_untagged);
    // Reads until one response is complete.
    core::Result<parsers::imap::Response> read_response(std::chrono::milliseconds timeout,
                                                        int wake_descriptor = -1,
                                                        bool* woken = nullptr);
    void note_capabilities(const parsers::imap::Response& response);
    std::string next_tag();

    ImapTransport transport_;
    ImapTimeouts timeouts_;
    parsers::imap::ResponseReader reader_;
    std::vector<std::string> capabilities_;
    std::optional<std::string> selected_;
    std::string buffer_;
    unsigned tag_counter_ = 0;
};

}  // namespace casefile::daemon
