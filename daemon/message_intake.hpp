// Turns raw bytes into an IncomingMessage ready for the store: parse (guarded
// MIME), then attribute to a client. Shared by import and IMAP sync.
#pragma once

#include <string>

#include "core/client_attribution.hpp"
#include "core/store_types.hpp"

namespace casefile::daemon {

// Builds the matcher from what the store remembers of the VA and her clients.
core::ClientMatcher make_client_matcher(const core::Identity& identity);

// Never fails: a message that cannot be parsed is still returned, with its
// warnings, so it is stored raw and shown to the VA.
core::IncomingMessage take_in(std::string raw, std::string source,
                              const core::ClientMatcher& matcher);

}  // namespace casefile::daemon
