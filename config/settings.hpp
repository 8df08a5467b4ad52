// The loaded configuration as plain structs. The loader (config_loader.hpp)
// fills them; each component is handed only its own part, never the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casefile::config {

enum class TlsMode { required, starttls, none };

struct StoreSettings {
    std::string path;  // as written; "~" and "$XDG_..." are expanded by daemon/; empty = default
};

// A weekly working window such as "Mon-Fri 09:00-17:30".
struct WorkingHours {
    std::vector<int> weekdays;  // 0 = Monday .. 6 = Sunday, ascending
    int start_minute = 9 * 60;  // minutes after local midnight
    int end_minute = 17 * 60 + 30;
};

struct MeSettings {
    std::string name;
    std::vector<std::string> addresses;  // lower-cased
    std::string timezone = "UTC";        // IANA name
    std::string working_hours_text = "Mon-Fri 09:00-17:30";
    WorkingHours working_hours;
};

// Where a key was written in the config file, so checks made later (by the
// daemon, which does the I/O) can still point at file, line and key.
struct KeyLocation {
    std::string key;  // dotted path, e.g. "account[0].password"
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;
};

// Where the account password (or OAuth2 token) comes from. Exactly one is set.
struct SecretSource {
    std::string password_file;     // path; refused when group/other can read it
    std::string password_command;  // run through /bin/sh, first line of stdout
    std::string credential;        // name under $CREDENTIALS_DIRECTORY (systemd)
    // Written in the config itself ("password = ..."); the daemon refuses it
    // when the config file is readable by group or others.
    std::string inline_password;
    KeyLocation location;  // the key that set whichever source is used

    bool empty() const {
        return password_file.empty() && password_command.empty() && credential.empty() &&
               inline_password.empty();
    }
};

struct AccountSettings {
    std::string name;
    std::string url;  // imaps://host[:port] or imap://host[:port]
    std::string user;
    SecretSource secret;
    std::string auth = "password";  // "password" | "xoauth2"
    std::vector<std::string> folders = {"INBOX", "Sent"};
    TlsMode tls = TlsMode::required;
    std::string ca_file;  // optional extra CA bundle
    std::uint64_t max_message_bytes = 50ull * 1024 * 1024;
    int poll_seconds = 300;
};

struct ClientSettings {
    std::string name;
    std::vector<std::string> addresses;  // lower-cased
    std::vector<std::string> domains;    // lower-cased, no leading "@"
};

struct DigestSettings {
    std::string time = "07:30";     // local time, HH:MM
    std::string to;                 // lower-cased address
    std::string from;               // as written: "casefile <casefile@x.example>" or a bare address
    std::string from_address;       // the bare, lower-cased address inside `from`
    std::string delivery = "smtp";  // "smtp" | "imap" | "file"
    std::string smtp_url;
    std::string smtp_user;
    SecretSource smtp_secret;  // empty when the relay needs no login
    std::string smtp_ca_file;  // optional extra CA bundle for the SMTP server
    TlsMode tls = TlsMode::required;
    std::string folder;   // for delivery = "imap"
    std::string account;  // for delivery = "imap": the [[account]] name; empty = the first
    std::string file;     // for delivery = "file"
    bool send_empty = true;
};

struct RulesSettings {
    std::vector<std::string> files;
};

struct Settings {
    std::string source_file;  // the file these came from, for messages
    StoreSettings store;
    MeSettings me;
    std::vector<AccountSettings> accounts;
    std::vector<ClientSettings> clients;
    std::optional<DigestSettings> digest;
    RulesSettings rules;
};

}  // namespace casefile::config
