#include "core/client_attribution.hpp"

#include <utility>

#include "core/ascii_text.hpp"

namespace casefile::core {
namespace {

std::string fold_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// "<Bob@Acme.Example>" and " bob@acme.example " are one address.
std::string normalize_address(std::string_view address) {
    address = trim_ascii_space(address);
    if (address.size() >= 2 && address.front() == '<' && address.back() == '>') {
        address = trim_ascii_space(address.substr(1, address.size() - 2));
    }
    return fold_ascii(address);
}

// "@Acme.Example." and ".acme.example" are the domain "acme.example".
std::string normalize_domain(std::string_view domain) {
    domain = trim_ascii_space(domain);
    while (!domain.empty() && (domain.front() == '@' || domain.front() == '.')) {
        domain.remove_prefix(1);
    }
    while (!domain.empty() && domain.back() == '.') {
        domain.remove_suffix(1);
    }
    return fold_ascii(domain);
}

std::string_view domain_of(std::string_view normalized_address) {
    const std::size_t at = normalized_address.rfind('@');
    return at == std::string_view::npos ? std::string_view{} : normalized_address.substr(at + 1);
}

// "dana+acme@x" -> "dana@x": sub-addressing delivers to the same mailbox.
std::string without_subaddress(const std::string& normalized_address) {
    const std::size_t at = normalized_address.rfind('@');
    const std::size_t plus = normalized_address.find('+');
    if (at == std::string::npos || plus == std::string::npos || plus > at) {
        return normalized_address;
    }
    return normalized_address.substr(0, plus) + normalized_address.substr(at);
}

}  // namespace

ClientMatcher::ClientMatcher(std::vector<ClientIdentity> clients,
                             std::vector<std::string> own_addresses) {
    for (const std::string& own : own_addresses) {
        std::string normalized = normalize_address(own);
        if (!normalized.empty()) {
            own_addresses_.insert(std::move(normalized));
        }
    }
    // emplace keeps the first entry: the first client listing an address or
    // domain wins, whatever order the hash map iterates in.
    for (ClientIdentity& client : clients) {
        for (const std::string& address : client.addresses) {
            std::string normalized = normalize_address(address);
            if (!normalized.empty()) {
                by_address_.emplace(std::move(normalized), client.name);
            }
        }
        for (const std::string& domain : client.domains) {
            std::string normalized = normalize_domain(domain);
            if (!normalized.empty()) {
                by_domain_.emplace(std::move(normalized), client.name);
            }
        }
    }
}

bool ClientMatcher::is_own(const std::string& normalized_address) const {
    return own_addresses_.count(normalized_address) != 0 ||
           own_addresses_.count(without_subaddress(normalized_address)) != 0;
}

bool ClientMatcher::is_from_me(const ParsedMessage& message) const {
    const std::string from = normalize_address(message.from.address);
    return !from.empty() && is_own(from);
}

std::optional<std::string> ClientMatcher::client_for_address(std::string_view address) const {
    const std::string normalized = normalize_address(address);
    if (normalized.empty() || is_own(normalized)) {
        return std::nullopt;
    }
    for (const std::string& candidate : {normalized, without_subaddress(normalized)}) {
        if (const auto found = by_address_.find(candidate); found != by_address_.end()) {
            return found->second;
        }
    }
    // Longest suffix first: "mail.eu.acme.example", then "eu.acme.example",
    // then "acme.example". Cutting only at dots is what keeps
    // "notacme.example" from matching "acme.example".
    std::string_view domain = domain_of(normalized);
    while (!domain.empty()) {
        if (const auto found = by_domain_.find(std::string(domain)); found != by_domain_.end()) {
            return found->second;
        }
        const std::size_t dot = domain.find('.');
        if (dot == std::string_view::npos) {
            break;
        }
        domain.remove_prefix(dot + 1);
    }
    return std::nullopt;
}

std::optional<std::string> ClientMatcher::first_client(
    const std::vector<Address>& addresses) const {
    for (const Address& address : addresses) {
        if (auto client = client_for_address(address.address)) {
            return client;
        }
    }
    return std::nullopt;
}

std::optional<std::string> ClientMatcher::client_for(const ParsedMessage& message) const {
    if (!is_from_me(message)) {
        if (auto client = client_for_address(message.from.address)) {
            return client;
        }
    }
    // The VA's own mail, or a third party's: whom it was addressed to decides.
    // To before Cc: the client asked is more telling than the client informed.
    if (auto client = first_client(message.to)) {
        return client;
    }
    return first_client(message.cc);
}

std::vector<std::optional<std::string>> attribute_threads(
    const std::vector<ThreadPlacement>& placements,
    const std::vector<std::optional<std::string>>& per_message_client) {
    struct ThreadClients {
        const std::string* only = nullptr;  // the one client seen so far
        bool several = false;
    };
    std::unordered_map<std::string_view, ThreadClients> threads;
    auto own_client = [&](std::size_t i) -> const std::optional<std::string>& {
        static const std::optional<std::string> no_client;
        return i < per_message_client.size() ? per_message_client[i] : no_client;
    };
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const std::optional<std::string>& client = own_client(i);
        if (!client) {
            continue;
        }
        ThreadClients& seen = threads[placements[i].thread_id];
        if (seen.only == nullptr) {
            seen.only = &*client;
        } else if (*seen.only != *client) {
            seen.several = true;
        }
    }
    std::vector<std::optional<std::string>> out;
    out.reserve(placements.size());
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const std::optional<std::string>& client = own_client(i);
        if (client) {
            out.push_back(client);
            continue;
        }
        const auto found = threads.find(placements[i].thread_id);
        if (found != threads.end() && !found->second.several && found->second.only != nullptr) {
            out.emplace_back(*found->second.only);
        } else {
            out.emplace_back(std::nullopt);
        }
    }
    return out;
}

}  // namespace casefile::core
