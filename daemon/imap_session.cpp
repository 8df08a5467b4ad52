#include "daemon/imap_session.hpp"

#include <algorithm>

#include "parsers/imap_command.hpp"
#include "parsers/imap_data.hpp"
#include "parsers/imap_fetch.hpp"
#include "parsers/imap_mailbox_name.hpp"

namespace casefile::daemon {
namespace imap = parsers::imap;
namespace {

using Clock = std::chrono::steady_clock;

// Renders the server's NO/BAD text for a message; server text is not mail
// content, but keep it short and printable all the same.
std::string server_said(const imap::Response& response) {
    std::string text = response.text.substr(0, 200);
    for (char& character : text) {
        if (static_cast<unsigned char>(character) < 0x20) character = ' ';
    }
    return std::string(imap::status_name(response.status)) + " " + text;
}

// A FETCH response that is framed but whose items make no sense must fail
// the command: skipping it as if the message had been expunged would move
// the high-water mark past a message that is still on the server.
core::Unexpected unreadable_fetch(const std::string& problem) {
    return core::fail("the IMAP server sent something casefile cannot read (" + problem +
                      "); reconnecting");
}

}  // namespace

core::Result<ImapSession> ImapSession::open(const ImapConnectSettings& settings,
                                            const ImapTimeouts& timeouts) {
    auto transport = ImapTransport::connect(settings);
    if (!transport) return core::Unexpected(transport.error());
    ImapSession session(std::move(*transport), timeouts);
    // libcurl consumed the greeting and its own CAPABILITY; ask again.
    auto done = session.run("CAPABILITY", [&](imap::Response&& response) {
        session.note_capabilities(response);
    });
    if (!done) return core::Unexpected(done.error());
    return session;
}

std::string ImapSession::next_tag() { return "cf" + std::to_string(++tag_counter_); }

void ImapSession::note_capabilities(const imap::Response& response) {
    if (auto found = imap::capabilities(response)) capabilities_ = std::move(*found);
}

bool ImapSession::has_capability(std::string_view name) const {
    return imap::has_capability(capabilities_, name);
}

core::Result<imap::Response> ImapSession::read_response(std::chrono::milliseconds timeout,
                                                        int wake_descriptor, bool* woken) {
    auto window_start = Clock::now();
    std::uint64_t window_bytes = transport_.bytes_received();
    while (true) {
        if (auto response = reader_.next()) return std::move(*response);
        if (reader_.failed()) {
            return core::fail("the IMAP server sent something casefile cannot read (" +
                              reader_.error() + "); reconnecting");
        }
        buffer_.clear();
        auto received = transport_.receive(buffer_, timeout, wake_descriptor);
        if (!received) return core::Unexpected(received.error());
        if (*received == 0) {
            if (woken) *woken = true;
            return core::fail("woken");
        }
        reader_.feed(buffer_);
        // Low-speed check: a server that trickles bytes never trips the read
        // timeout, so measure progress per window as well.
        const auto now = Clock::now();
        if (now - window_start >= timeouts_.low_speed_window) {
            if (transport_.bytes_received() - window_bytes < timeouts_.low_speed_bytes) {
                return core::fail("the IMAP server is too slow (under " +
                                  std::to_string(timeouts_.low_speed_bytes) + " bytes in " +
                                  std::to_string(timeouts_.low_speed_window.count() / 1000) +
                                  " s); reconnecting");
            }
            window_start = now;
            window_bytes = transport_.bytes_received();
        }
    }
}

core::Result<imap::Response> ImapSession::run(const std::string& command,
                                              const UntaggedHandler& on_untagged) {
    const std::string tag = next_tag();
    return run_parts(tag, {imap::CommandPart{tag + " " + command + "\r\n", false}}, on_untagged);
}

core::Result<imap::Response> ImapSession::run_parts(const std::string& tag,
                                                    const std::vector<imap::CommandPart>& parts,
                                                    const UntaggedHandler& on_untagged) {
    const std::string& first = parts.front().bytes;
    const std::size_t verb_start = std::min(first.size(), tag.size() + 1);
    const std::string verb =
        first.substr(verb_start, first.find_first_of(" \r", verb_start) - verb_start);
    const auto refused = [&](const imap::Response& response) {
        std::string message = "the IMAP server refused " + verb + ": " + server_said(response);
        // RFC 3501 §7.1: TRYCREATE means the target mailbox does not exist.
        if (imap::has_code(response, "TRYCREATE")) message += " (the folder does not exist)";
        return core::fail(std::move(message));
    };
    for (const imap::CommandPart& part : parts) {
        if (auto sent = transport_.send(part.bytes, timeouts_.read); !sent) {
            return core::Unexpected(sent.error());
        }
        // §7.5: the server answers "+" when it is ready for the literal, or a
        // tagged NO/BAD when it will not take it (a missing folder, a size).
        while (part.wait_for_continuation) {
            auto response = read_response(timeouts_.read);
            if (!response) return response;
            if (response->is_continuation()) break;
            if (response->kind == imap::ResponseKind::Tagged) {
                if (response->tag != tag) continue;
                if (response->status != imap::Status::Ok) return refused(*response);
                return core::fail("the IMAP server ended " + verb +
                                  " before casefile had sent all of it");
            }
            if (response->status == imap::Status::Bye) {
                return core::fail("the IMAP server closed the connection: " +
                                  server_said(*response));
            }
            if (on_untagged) on_untagged(std::move(*response));
        }
    }
    while (true) {
        auto response = read_response(timeouts_.read);
        if (!response) return response;
        if (response->kind == imap::ResponseKind::Tagged) {
            if (response->tag != tag) continue;  // a stale tag from before: ignore
            note_capabilities(*response);
            if (response->status != imap::Status::Ok) return refused(*response);
            return response;
        }
        if (response->status == imap::Status::Bye) {
            return core::fail("the IMAP server closed the connection: " + server_said(*response));
        }
        if (on_untagged) on_untagged(std::move(*response));
    }
}

core::Result<std::vector<core::MailboxListing>> ImapSession::list_mailboxes() {
    std::vector<core::MailboxListing> mailboxes;
    std::string problem;
    auto done = run("LIST \"\" \"*\"", [&](imap::Response&& response) {
        if (response.name != "LIST") return;
        auto entry = imap::parse_list(response);
        if (!entry) {
            problem = entry.error().message;
            return;
        }
        auto name = imap::decode_mailbox_name(entry->name);
        mailboxes.push_back(core::MailboxListing{name ? *name : entry->name, entry->flags});
    });
    if (!done) return core::Unexpected(done.error());
    if (mailboxes.empty() && !problem.empty()) return core::fail("reading LIST: " + problem);
    return mailboxes;
}

core::Result<ExaminedMailbox> ImapSession::examine(const std::string& mailbox) {
    auto wire_name = imap::encode_mailbox_name(mailbox);
    if (!wire_name) return core::Unexpected(wire_name.error());
    auto argument = imap::encode_astring(*wire_name, imap::LiteralMode::Synchronizing);
    if (!argument) return core::Unexpected(argument.error());
    // A modified UTF-7 name is 7-bit; only an absurdly long one needs a literal.
    if (argument->form == imap::EncodedArgument::Form::Literal) {
        return core::fail("the folder name \"" + mailbox + "\" is too long to open");
    }
    const std::string line = "EXAMINE " + argument->text;

    selected_.reset();
    ExaminedMailbox examined;
    auto done = run(line, [&](imap::Response&& response) {
        if (auto value = imap::uid_validity(response)) examined.uidvalidity = *value;
        if (auto value = imap::uid_next(response)) examined.uidnext = *value;
        if (response.name == "EXISTS" && response.number) examined.exists = *response.number;
    });
    if (!done) return core::Unexpected(done.error());
    if (auto value = imap::uid_validity(*done)) examined.uidvalidity = *value;
    if (examined.uidvalidity == 0) {
        return core::fail("the IMAP server sent no UIDVALIDITY for " + mailbox +
                          "; casefile cannot sync a folder without stable UIDs");
    }
    selected_ = mailbox;
    return examined;
}

core::Result<void> ImapSession::keep_examined(const std::string& mailbox) {
    if (selected_ == mailbox) return {};
    auto examined = examine(mailbox);
    if (!examined) return core::Unexpected(examined.error());
    return {};
}

core::Result<std::vector<core::UidSize>> ImapSession::uid_sizes(std::uint32_t from_uid) {
    std::vector<core::UidSize> sizes;
    std::string problem;
    auto done = run("UID FETCH " + std::to_string(std::max<std::uint32_t>(from_uid, 1)) +
                        ":* (UID RFC822.SIZE)",
                    [&](imap::Response&& response) {
                        if (response.name != "FETCH") return;
                        auto item = imap::parse_fetch(std::move(response));
                        if (!item) {
                            if (problem.empty()) problem = item.error().message;
                            return;
                        }
                        if (item->uid && item->rfc822_size) {
                            sizes.push_back(core::UidSize{*item->uid, *item->rfc822_size});
                        }
                    });
    if (!done) return core::Unexpected(done.error());
    if (!problem.empty()) return unreadable_fetch(problem);
    return sizes;
}

core::Result<void> ImapSession::fetch(const std::vector<std::uint32_t>& uids, bool headers_only,
                                      const std::function<void(FetchedMessage&&)>& on_message) {
    if (uids.empty()) return core::ok();
    const std::string section = headers_only ? "HEADER" : "";
    const std::string command = "UID FETCH " + imap::format_sequence_set(uids) +
                                " (UID RFC822.SIZE BODY.PEEK[" + section + "])";
    std::string problem;
    auto done = run(command, [&](imap::Response&& response) {
        if (response.name != "FETCH") return;
        auto item = imap::parse_fetch(std::move(response));
        if (!item) {
            if (problem.empty()) problem = item.error().message;
            return;
        }
        if (!item->uid) return;  // unsolicited flag updates carry no UID body
        imap::FetchBody* body = nullptr;
        for (auto& candidate : item->bodies) {
            if (imap::equals_ignoring_case(candidate.section, section)) body = &candidate;
        }
        if (body == nullptr || !body->bytes) return;
        FetchedMessage message;
        message.uid = *item->uid;
        message.size = item->rfc822_size.value_or(body->bytes->size());
        message.bytes = std::move(*body->bytes);
        on_message(std::move(message));
    });
    if (!done) return core::Unexpected(done.error());
    if (!problem.empty()) return unreadable_fetch(problem);
    return core::ok();
}

core::Result<std::vector<FetchedMessage>> ImapSession::fetch_message_id_headers(
    const std::vector<std::uint32_t>& uids) {
    std::vector<FetchedMessage> headers;
    if (uids.empty()) return headers;
    const std::string command = "UID FETCH " + imap::format_sequence_set(uids) +
                                " (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])";
    std::string problem;
    auto done = run(command, [&](imap::Response&& response) {
        if (response.name != "FETCH") return;
        auto item = imap::parse_fetch(std::move(response));
        if (!item) {
            if (problem.empty()) problem = item.error().message;
            return;
        }
        if (!item->uid) return;
        FetchedMessage message;
        message.uid = *item->uid;
        message.size = item->rfc822_size.value_or(0);
        for (auto& body : item->bodies) {
            if (body.bytes) message.bytes = std::move(*body.bytes);
        }
        headers.push_back(std::move(message));
    });
    if (!done) return core::Unexpected(done.error());
    if (!problem.empty()) return unreadable_fetch(problem);
    return headers;
}

core::Result<IdleOutcome> ImapSession::idle(std::chrono::milliseconds limit, int wake_descriptor) {
    const std::string tag = next_tag();
    if (auto sent = transport_.send(tag + " IDLE\r\n", timeouts_.read); !sent) {
        return core::Unexpected(sent.error());
    }
    // RFC 2177: the server answers "+ idling", then sends untagged data
    // whenever the mailbox changes, until the client sends DONE.
    auto continuation = read_response(timeouts_.read);
    if (!continuation) return core::Unexpected(continuation.error());
    if (!continuation->is_continuation()) {
        return core::fail("the IMAP server refused IDLE: " + server_said(*continuation));
    }
    IdleOutcome outcome;
    const auto deadline = Clock::now() + limit;
    while (!outcome.mailbox_changed && !outcome.woken) {
        // Rounded up: a wait cut short by rounding would end before the deadline
        // and read as a silent server.
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) break;
        bool woken = false;
        auto response = read_response(left, wake_descriptor, &woken);
        if (woken) {
            outcome.woken = true;
            break;
        }
        if (!response) {
            // The IDLE limit passing is not an error: the server just had nothing.
            if (Clock::now() >= deadline) break;
            return core::Unexpected(response.error());
        }
        if (response->status == imap::Status::Bye) {
            return core::fail("the IMAP server closed the connection: " + server_said(*response));
        }
        if (response->name == "EXISTS" || response->name == "EXPUNGE" ||
            response->name == "FETCH" || response->name == "VANISHED") {
            outcome.mailbox_changed = true;
        }
    }
    if (auto sent = transport_.send("DONE\r\n", timeouts_.read); !sent) {
        return core::Unexpected(sent.error());
    }
    while (true) {
        auto response = read_response(timeouts_.read);
        if (!response) return core::Unexpected(response.error());
        if (response->kind == imap::ResponseKind::Tagged && response->tag == tag) break;
        if (response->name == "EXISTS" || response->name == "EXPUNGE") outcome.mailbox_changed = true;
    }
    return outcome;
}

core::Result<void> ImapSession::append(const std::string& mailbox, std::string_view message) {
    auto wire_name = imap::encode_mailbox_name(mailbox);
    if (!wire_name) return core::Unexpected(wire_name.error());
    // RFC 7888: "{n+}" sends the bytes without waiting for "+", saving a round
    // trip; only a server that advertised LITERAL+ may be sent one.
    const auto mode = has_capability("LITERAL+") ? imap::LiteralMode::NonSynchronizing
                                                 : imap::LiteralMode::Synchronizing;
    const std::string tag = next_tag();
    // No flag list and no date-time: the digest must arrive unread (§6.3.11:
    // flags are optional, the server sets the internal date itself).
    auto parts =
        imap::CommandBuilder(tag, "APPEND", mode).astring(*wire_name).literal(message).finish();
    if (!parts) {
        return core::fail("cannot put the message into " + mailbox + ": " + parts.error().message);
    }
    auto done = run_parts(tag, *parts, nullptr);
    if (!done) return core::Unexpected(done.error());
    return core::ok();
}

core::Result<void> ImapSession::noop() {
    auto done = run("NOOP", nullptr);
    if (!done) return core::Unexpected(done.error());
    return core::ok();
}

void ImapSession::logout() { (void)run("LOGOUT", nullptr); }

}  // namespace casefile::daemon
