// [[account]] (IMAP) and [digest] (SMTP / IMAP / file delivery): the sections
// that name servers, TLS modes and secrets.
#include <algorithm>
#include <array>
#include <set>

#include "config/sections.hpp"
#include "config/tls_mode.hpp"
#include "config/validation.hpp"

namespace casefile::config {

namespace {

constexpr std::array<std::string_view, 13> account_keys = {
    "name", "url",     "user", "password_file",     "password_command", "credential", "password",
    "auth", "folders", "tls",  "max_message_bytes", "poll_seconds",     "ca_file"};
constexpr std::array<std::string_view, 16> digest_keys = {"time",
                                                          "to",
                                                          "from",
                                                          "delivery",
                                                          "smtp_url",
                                                          "smtp_user",
                                                          "smtp_password_file",
                                                          "smtp_password_command",
                                                          "smtp_credential",
                                                          "smtp_password",
                                                          "smtp_ca_file",
                                                          "tls",
                                                          "folder",
                                                          "account",
                                                          "file",
                                                          "send_empty"};

// The key names of one secret's four alternative sources.
struct SecretKeys {
    std::string_view file;
    std::string_view command;
    std::string_view credential;
    std::string_view inline_password;
};

constexpr SecretKeys account_secret_keys = {"password_file", "password_command", "credential",
                                            "password"};
constexpr SecretKeys digest_secret_keys = {"smtp_password_file", "smtp_password_command",
                                           "smtp_credential", "smtp_password"};

std::string secret_choice(const SecretKeys& keys) {
    return "'" + std::string(keys.file) + "', '" + std::string(keys.command) + "', '" +
           std::string(keys.credential) + "' or '" + std::string(keys.inline_password) + "'";
}

// Reads whichever of the four sources is set. More than one is a problem at
// each extra key; none is a problem only when `required`.
SecretSource read_secret(TableReader& table, const SecretKeys& keys, bool required) {
    SecretSource out;
    const std::array<std::pair<std::string_view, std::string*>, 4> sources = {{
        {keys.file, &out.password_file},
        {keys.command, &out.password_command},
        {keys.credential, &out.credential},
        {keys.inline_password, &out.inline_password},
    }};
    bool found = false;
    for (const auto& [key, field] : sources) {
        if (!table.has(key)) continue;
        if (found) {
            table.problem(key, "set only one of " + secret_choice(keys));
            continue;
        }
        found = true;
        auto value = table.string(key, "a non-empty string");
        if (!value) continue;
        *field = value->value;
        const toml::source_region where = value->where;
        out.location = KeyLocation{value->key, static_cast<int>(where.begin.line),
                                   static_cast<int>(where.begin.column)};
    }
    if (!found && required) {
        table.problem_on_table("missing a password source: set exactly one of " +
                               secret_choice(keys));
    }
    return out;
}

// Reads `url` and `tls` together: the scheme decides what TLS modes make sense.
// `tls_scheme` is "imaps"/"smtps", `plain_scheme` "imap"/"smtp".
void read_url_and_tls(TableReader& table, std::string_view url_key, std::string_view url_hint,
                      std::string_view tls_scheme, std::string_view plain_scheme,
                      std::string& url_out, TlsMode& tls_out) {
    const std::string tls_url = std::string(tls_scheme) + "://";
    const std::string plain_url = std::string(plain_scheme) + "://";
    std::optional<TlsMode> tls;
    if (auto text = table.string("tls")) {
        tls = parse_tls_mode(text->value);
        if (!tls) {
            table.problem("tls", "expected \"required\", \"starttls\" or \"none\", found \"" +
                                     text->value + "\"");
        }
    }
    auto url = table.string(url_key, url_hint);
    if (!url) return;
    const auto parts = parse_server_url(url->value);
    if (!parts || (parts->scheme != tls_scheme && parts->scheme != plain_scheme)) {
        table.problem(url_key, "\"" + url->value + "\" is not a server URL: expected " + tls_url +
                                   "host[:port] or " + plain_url + "host[:port]");
        return;
    }
    url_out = url->value;
    const bool implicit_tls = parts->scheme == tls_scheme;
    if (!table.has("tls")) {
        // Unset: TLS from the first byte for imaps/smtps, STARTTLS (still
        // mandatory) for the plain scheme. Never clear text by default.
        tls_out = implicit_tls ? TlsMode::required : TlsMode::starttls;
        return;
    }
    if (!tls) return;
    if (!implicit_tls && *tls == TlsMode::required) {
        table.problem("tls", "tls = \"required\" needs an " + tls_url + " URL; use " + tls_url +
                                 parts->host + " or set tls = \"starttls\"");
        return;
    }
    if (implicit_tls && *tls != TlsMode::required) {
        table.problem("tls", std::string(tls_scheme) +
                                 ":// always starts with TLS; set tls = \"required\" or use " +
                                 plain_url + parts->host + " with tls = \"" +
                                 std::string(to_string(*tls)) + "\"");
        return;
    }
    tls_out = *tls;
}

}  // namespace

void read_accounts(const toml::table& root, ProblemList& problems, Settings& settings) {
    std::set<std::string> names;
    for_each_table(root, "account", problems, [&](TableReader& account, std::size_t) {
        account.check_known_keys(account_keys);
        AccountSettings out;
        if (auto name = account.string("name", "a short name such as \"work\"")) {
            out.name = name->value;
            if (!names.insert(out.name).second) {
                account.problem("name", "account name \"" + out.name +
                                            "\" is used twice; give each [[account]] its own "
                                            "name");
            }
        }
        read_url_and_tls(account, "url", "an IMAP URL such as \"imaps://imap.example.com\"",
                         "imaps", "imap", out.url, out.tls);
        if (auto user = account.string("user", "the IMAP login name as a string")) {
            out.user = user->value;
        }
        out.secret = read_secret(account, account_secret_keys, true);
        if (auto auth = account.string("auth")) {
            if (auth->value == "password" || auth->value == "xoauth2") {
                out.auth = auth->value;
            } else {
                account.problem(
                    "auth", "expected \"password\" or \"xoauth2\", found \"" + auth->value + "\"");
            }
        }
        // Optional, but an empty list would read nothing at all.
        const auto folders = account.has("folders")
                                 ? account.string_array("folders",
                                                        "an array of folder names such as "
                                                        "[\"INBOX\", \"Sent\"]")
                                 : std::nullopt;
        if (folders) {
            out.folders.clear();
            for (const PlacedString& folder : *folders) {
                if (folder.value.empty()) {
                    problems.add(folder.where, folder.key, "expected a folder name, found \"\"");
                    continue;
                }
                out.folders.push_back(folder.value);
            }
        }
        if (auto ca_file = account.string("ca_file")) out.ca_file = ca_file->value;
        // 1 KiB .. 1 GiB: anything smaller would refuse ordinary mail.
        if (auto bytes = account.integer("max_message_bytes", 1024, 1ll << 30)) {
            out.max_message_bytes = static_cast<std::uint64_t>(*bytes);
        }
        if (auto seconds = account.integer("poll_seconds", 10, 24 * 60 * 60)) {
            out.poll_seconds = static_cast<int>(*seconds);
        }
        settings.accounts.push_back(std::move(out));
    });
}

void read_digest(const toml::table& root, ProblemList& problems, Settings& settings) {
    const toml::node* node = root.get("digest");
    if (!node) return;
    const toml::table* table = node->as_table();
    if (!table) {
        problems.add(
            node->source(), "digest",
            "expected a table written as [digest], found " + std::string(describe_type(*node)));
        return;
    }
    TableReader digest(*table, "digest", problems);
    digest.check_known_keys(digest_keys);
    DigestSettings out;
    if (auto time = digest.string("time")) {
        if (parse_clock_time(time->value)) {
            out.time = time->value;
        } else {
            digest.problem("time", "\"" + time->value +
                                       "\" is not a time of day: expected 24-hour HH:MM such "
                                       "as \"07:30\"");
        }
    }
    if (auto to = digest.string("to",
                                "your address as a string, such as "
                                "\"dana@reyes-va.example\"")) {
        if (auto lowered = checked_address(*to, problems)) out.to = *lowered;
    }
    if (auto from = digest.string("from", "a sender such as \"casefile <casefile@x.example>\"")) {
        if (auto address = mailbox_address(from->value)) {
            out.from = from->value;
            out.from_address = to_lower_ascii(*address);
        } else {
            digest.problem("from", "\"" + from->value +
                                       "\" is not a sender: expected \"Name <local@domain>\" or "
                                       "\"local@domain\" on one line");
        }
    }
    if (auto delivery = digest.string("delivery")) {
        if (delivery->value == "smtp" || delivery->value == "imap" || delivery->value == "file") {
            out.delivery = delivery->value;
        } else {
            digest.problem("delivery", "expected \"smtp\", \"imap\" or \"file\", found \"" +
                                           delivery->value + "\"");
            out.delivery.clear();  // checks below would only add noise
        }
    }
    if (out.delivery == "smtp") {
        read_url_and_tls(digest, "smtp_url",
                         "an SMTP URL such as \"smtps://smtp.example.com\" for delivery = "
                         "\"smtp\"",
                         "smtps", "smtp", out.smtp_url, out.tls);
        auto user = digest.string("smtp_user");
        if (user) out.smtp_user = user->value;
        if (auto ca_file = digest.string("smtp_ca_file")) out.smtp_ca_file = ca_file->value;
        out.smtp_secret = read_secret(digest, digest_secret_keys, false);
        // A login needs both halves; a relay without login needs neither.
        std::string_view secret_key;
        for (std::string_view key :
             {digest_secret_keys.file, digest_secret_keys.command, digest_secret_keys.credential,
              digest_secret_keys.inline_password}) {
            if (secret_key.empty() && digest.has(key)) secret_key = key;
        }
        if (digest.has("smtp_user") && secret_key.empty()) {
            digest.problem("smtp_user", "smtp_user needs a password: set one of " +
                                            secret_choice(digest_secret_keys));
        } else if (!digest.has("smtp_user") && !secret_key.empty()) {
            digest.problem(secret_key, "a password needs smtp_user, the SMTP login name");
        }
    } else if (out.delivery == "imap") {
        if (auto folder = digest.string("folder",
                                        "the folder to put the digest in, such as "
                                        "\"INBOX\", for delivery = \"imap\"")) {
            out.folder = folder->value;
        }
        if (auto account = digest.string("account")) {
            const auto& accounts = settings.accounts;
            const bool known = std::any_of(accounts.begin(), accounts.end(),
                                           [&](const auto& a) { return a.name == account->value; });
            if (known) {
                out.account = account->value;
            } else {
                digest.problem("account", "no [[account]] is named \"" + account->value +
                                              "\"; use the name of one of your accounts");
            }
        } else if (!root.contains("account")) {
            digest.problem("delivery",
                           "delivery = \"imap\" needs an [[account]] to put the digest in");
        }
    } else if (out.delivery == "file") {
        if (auto file = digest.string("file",
                                      "a path such as "
                                      "\"~/casefile-digest.eml\" for delivery = \"file\"")) {
            out.file = file->value;
        }
    }
    if (auto send_empty = digest.boolean("send_empty")) out.send_empty = *send_empty;
    settings.digest = std::move(out);
}

}  // namespace casefile::config
