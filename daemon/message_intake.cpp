#include "daemon/message_intake.hpp"

#include "core/message_keys.hpp"
#include "parsers/mime_parser.hpp"

namespace casefile::daemon {

core::ClientMatcher make_client_matcher(const core::Identity& identity) {
    std::vector<core::ClientIdentity> clients;
    for (const auto& client : identity.clients) {
        clients.push_back(core::ClientIdentity{client.name, client.addresses, client.domains});
    }
    return core::ClientMatcher(std::move(clients), identity.own_addresses);
}

core::IncomingMessage take_in(std::string raw, std::string source,
                              const core::ClientMatcher& matcher) {
    core::IncomingMessage message;
    message.parsed = parsers::parse_message(raw);
    // The store keeps the text as zones (own, quoted, signature); the whole
    // text beside them would only double a batch's decoded text in memory.
    std::string().swap(message.parsed.text);
    message.raw = std::move(raw);
    message.source = std::move(source);
    message.from_me = matcher.is_from_me(message.parsed);
    message.client = matcher.client_for(message.parsed);
    core::compute_message_keys(message);
    return message;
}

}  // namespace casefile::daemon
