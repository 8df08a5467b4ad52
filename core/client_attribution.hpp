// Which client a message belongs to, from its addresses and the VA's list of
// clients. Pure: the config is passed in, nothing is read here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/message.hpp"
#include "core/threading.hpp"

namespace casefile::core {

struct ClientIdentity {
    std::string name;
    std::vector<std::string> addresses;  // "bob@acme.example"; compared case-insensitively
    std::vector<std::string> domains;    // "acme.example"; also matches its subdomains
};

// Rules, in the order they are applied:
// 1. The VA's own addresses never belong to a client, even when a client
//    lists her domain or address by mistake. "dana+tag@x" counts as "dana@x".
// 2. An address listed explicitly beats any domain: bob@partner.example under
//    client B wins over domain partner.example of client A. Of two domains,
//    the longer (more specific) one wins: "eu.acme.example" over "acme.example".
// 3. A domain matches itself and its subdomains (mail.acme.example matches
//    acme.example; notacme.example does not).
// 4. Mail the VA sent belongs to the first client among its To addresses,
//    else among its Cc addresses.
// 5. Other mail belongs to its sender's client; when the sender is no client
//    (a third party), to the first client among To, then Cc.
// 6. Otherwise no client.
// Addresses are compared case-insensitively (local part too: real mail
// systems treat "Bob@" and "bob@" as one mailbox, and a VA types either).
// When one address is listed under two clients, the first client wins;
// check-config is where such a clash should be reported.
class ClientMatcher {
  public:
    ClientMatcher(std::vector<ClientIdentity> clients, std::vector<std::string> own_addresses);

    // True when the sender is one of the VA's own addresses.
    bool is_from_me(const ParsedMessage& message) const;

    // The client this message belongs to, or nullopt.
    std::optional<std::string> client_for(const ParsedMessage& message) const;

    // The client one address belongs to, or nullopt (always for the VA's own).
    std::optional<std::string> client_for_address(std::string_view address) const;

  private:
    bool is_own(const std::string& normalized_address) const;
    std::optional<std::string> first_client(const std::vector<Address>& addresses) const;

    std::unordered_map<std::string, std::string> by_address_;  // normalized address -> client
    std::unordered_map<std::string, std::string> by_domain_;   // normalized domain -> client
    std::unordered_set<std::string> own_addresses_;            // normalized
};

// Thread-level attribution. For each thread (by thread_id): when the messages
// that have a client of their own name exactly one client, the thread's
// messages without a client get that client too, e.g. the client's colleague
// replying from a gmail address, or the VA answering that colleague. A thread
// with no client, or with two or more, changes nothing: guessing between
// clients would put one client's mail into another's evidence bundle.
// A message's own client is never replaced.
// REQUIRES: per_message_client[i] belongs to placements[i]; a missing entry
// counts as no client. Returns one entry per placement, in the same order.
std::vector<std::optional<std::string>> attribute_threads(
    const std::vector<ThreadPlacement>& placements,
    const std::vector<std::optional<std::string>>& per_message_client);

}  // namespace casefile::core
