// spdlog set-up for the daemon and long commands. Log lines name UIDs,
// Message-IDs, folders and clients; never bodies, passwords or tokens.
#pragma once

namespace casefile::daemon {

// Logs to stderr. Under systemd (JOURNAL_STREAM set) lines carry no
// timestamp, since journald adds its own; otherwise they do.
void setup_logging(bool verbose);

}  // namespace casefile::daemon
