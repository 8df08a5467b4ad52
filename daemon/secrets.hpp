// Resolves a configured password source (config::SecretSource) to the secret
// itself. The secret's value never appears in an error message or a log:
// errors name the source (the file, the command, the credential) only.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "core/result.hpp"

namespace casefile::daemon {

// `what` names the secret for messages, e.g. "account \"work\" password".
//
// - password_file: "~" and "$VAR" are expanded; refused when the file grants
//   read to group or others (the message says `chmod 600 PATH`); one trailing
//   newline ("\n" or "\r\n") is stripped.
// - password_command: run as `/bin/sh -c COMMAND` with stdin from /dev/null;
//   the first line of stdout is the secret. A non-zero exit, a signal, no
//   output, or running longer than `command_timeout` is an error naming the
//   command, never its output.
// - credential: read from $CREDENTIALS_DIRECTORY/NAME (systemd's
//   LoadCredential=); one trailing newline is stripped.
// - inline_password: returned as written. (Whether the config file may hold
//   it is checked when the file is loaded: daemon/config_files.hpp.)
// An empty secret is an error.
core::Result<std::string> resolve_secret(
    const config::SecretSource& source, std::string_view what,
    std::chrono::milliseconds command_timeout = std::chrono::seconds(60));

}  // namespace casefile::daemon
