#include "config/config_loader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace casefile::config {
namespace {

// A [me] table that is valid on its own: lines 1-4.
constexpr std::string_view me_block =
    "[me]\n"
    "name = \"Dana Reyes\"\n"
    "addresses = [\"dana@reyes-va.example\"]\n"
    "timezone = \"America/Chicago\"\n";

std::vector<std::string> problems_of(std::string_view toml, const TimezoneCheck& zones = {}) {
    const LoadResult result = load_settings(toml, "t.toml", zones);
    std::vector<std::string> out;
    if (result) return out;
    for (const ConfigProblem& problem : result.error()) out.push_back(problem.to_string());
    return out;
}

Settings loaded(std::string_view toml) {
    const LoadResult result = load_settings(toml, "t.toml");
    EXPECT_TRUE(result.has_value()) << (result ? "" : format_problems(result.error()));
    return result ? *result : Settings{};
}

using Problems = std::vector<std::string>;

TEST(ConfigLoader, ExampleConfigLoadsWithoutProblems) {
    const LoadResult result = load_settings(example_config(), "casefile.example.toml");
    ASSERT_TRUE(result.has_value()) << format_problems(result.error());
    const Settings& settings = *result;
    EXPECT_EQ(settings.source_file, "casefile.example.toml");
    EXPECT_EQ(settings.me.name, "Dana Reyes");
    EXPECT_EQ(settings.me.addresses, std::vector<std::string>{"dana@reyes-va.example"});
    EXPECT_EQ(settings.me.timezone, "America/Chicago");
    EXPECT_EQ(settings.me.working_hours.weekdays, (std::vector<int>{0, 1, 2, 3, 4}));
    ASSERT_EQ(settings.accounts.size(), 1u);
    EXPECT_EQ(settings.accounts[0].url, "imaps://imap.example.com");
    EXPECT_EQ(settings.accounts[0].secret.password_file, "~/.config/casefile/imap.pass");
    EXPECT_EQ(settings.accounts[0].tls, TlsMode::required);
    ASSERT_EQ(settings.clients.size(), 1u);
    EXPECT_EQ(settings.clients[0].name, "Acme");
    EXPECT_EQ(settings.clients[0].domains, std::vector<std::string>{"acme.example"});
    ASSERT_TRUE(settings.digest.has_value());
    EXPECT_EQ(settings.digest->from_address, "casefile@reyes-va.example");
    EXPECT_EQ(settings.digest->smtp_user, "dana@reyes-va.example");
    EXPECT_TRUE(settings.rules.files.empty());
}

TEST(ConfigLoader, ExampleConfigMentionsEveryKey) {
    const std::string_view text = example_config();
    for (std::string_view key : {"path",
                                 "name",
                                 "addresses",
                                 "timezone",
                                 "working_hours",
                                 "url",
                                 "user",
                                 "password_file",
                                 "password_command",
                                 "credential",
                                 "password  ",
                                 "auth",
                                 "folders",
                                 "tls",
                                 "ca_file",
                                 "max_message_bytes",
                                 "poll_seconds",
                                 "domains",
                                 "time",
                                 "to =",
                                 "from =",
                                 "delivery",
                                 "smtp_url",
                                 "smtp_user",
                                 "smtp_password_file",
                                 "smtp_ca_file",
                                 "folder =",
                                 "account =",
                                 "file =",
                                 "send_empty",
                                 "files"}) {
        EXPECT_NE(text.find(key), std::string_view::npos) << key;
    }
}

TEST(ConfigLoader, MinimalConfigGetsDefaults) {
    const Settings settings = loaded(me_block);
    EXPECT_TRUE(settings.store.path.empty());
    EXPECT_TRUE(settings.accounts.empty());
    EXPECT_FALSE(settings.digest.has_value());
    EXPECT_EQ(settings.me.working_hours.weekdays, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(settings.me.working_hours.start_minute, 9 * 60);
    EXPECT_EQ(settings.me.working_hours.end_minute, 17 * 60 + 30);
}

TEST(ConfigLoader, SyntaxErrorHasPosition) {
    EXPECT_EQ(problems_of("[me]\nname = \"Dana\nx = 1\n"),
              Problems{"t.toml:2:13: TOML syntax error: Error while parsing string: unescaped "
                       "control characters other than TAB (U+0009) are explicitly prohibited"});
}

TEST(ConfigLoader, MissingMeTable) {
    EXPECT_EQ(problems_of("[store]\npath = \"x.db\"\n"),
              Problems{"t.toml: me: missing required table [me]: expected your name, "
                       "addresses and timezone"});
}

TEST(ConfigLoader, MissingRequiredMeKeys) {
    EXPECT_EQ(problems_of("[me]\nname = \"Dana\"\n"),
              (Problems{"t.toml:1:1: me: missing required key 'addresses': expected an array "
                        "of your own addresses, such as [\"dana@reyes-va.example\"]",
                        "t.toml:1:1: me: missing required key 'timezone': expected an IANA "
                        "time zone name such as \"America/Chicago\""}));
}

TEST(ConfigLoader, UnknownKeySuggestsClosest) {
    EXPECT_EQ(problems_of("[me]\nname = \"Dana Reyes\"\nadresses = [\"dana@reyes-va.example\"]\n"
                          "timezone = \"UTC\"\n"),
              (Problems{"t.toml:1:1: me: missing required key 'addresses': expected an array "
                        "of your own addresses, such as [\"dana@reyes-va.example\"]",
                        "t.toml:3:1: me.adresses: unknown key 'adresses'; did you mean "
                        "'addresses'?"}));
}

TEST(ConfigLoader, UnknownTableSuggestsClosest) {
    EXPECT_EQ(problems_of(std::string(me_block) + "[[clients]]\nname = \"Acme\"\n"),
              Problems{"t.toml:5:3: clients: unknown key 'clients'; did you mean 'client'?"});
}

TEST(ConfigLoader, UnknownKeyWithoutCloseMatchListsKnownKeys) {
    EXPECT_EQ(problems_of(std::string(me_block) + "[store]\nlocation_of_db = \"x\"\n"),
              Problems{"t.toml:6:1: store.location_of_db: unknown key 'location_of_db'; known "
                       "keys here are 'path'"});
}

TEST(ConfigLoader, WrongTypes) {
    EXPECT_EQ(problems_of("[me]\nname = 5\naddresses = \"dana@reyes-va.example\"\n"
                          "timezone = \"UTC\"\nworking_hours = true\n"),
              (Problems{"t.toml:2:8: me.name: expected your name as a string, such as "
                        "\"Dana Reyes\", found an integer",
                        "t.toml:3:13: me.addresses: expected an array of your own addresses, "
                        "such as [\"dana@reyes-va.example\"], found a string",
                        "t.toml:5:17: me.working_hours: expected a string, found a boolean"}));
}

TEST(ConfigLoader, ArrayElementOfWrongType) {
    EXPECT_EQ(problems_of("[me]\nname = \"D\"\naddresses = [\"dana@reyes-va.example\", 7]\n"
                          "timezone = \"UTC\"\n"),
              Problems{"t.toml:3:39: me.addresses[1]: expected a string, found an integer"});
}

TEST(ConfigLoader, AddressesAreCheckedAndLowerCased) {
    const Settings settings =
        loaded("[me]\nname = \"D\"\naddresses = [\"Dana@Reyes-VA.Example\"]\ntimezone = \"UTC\"\n");
    EXPECT_EQ(settings.me.addresses, std::vector<std::string>{"dana@reyes-va.example"});
    EXPECT_EQ(problems_of("[me]\nname = \"D\"\naddresses = [\"dana at reyes\", \"a@@b\"]\n"
                          "timezone = \"UTC\"\n"),
              (Problems{"t.toml:3:14: me.addresses[0]: \"dana at reyes\" is not an email "
                        "address: expected local@domain such as \"bob@acme.example\"",
                        "t.toml:3:31: me.addresses[1]: \"a@@b\" is not an email address: "
                        "expected local@domain such as \"bob@acme.example\""}));
}

TEST(ConfigLoader, TimezoneShapeAndExistence) {
    const std::string bad_shape =
        "[me]\nname = \"D\"\naddresses = [\"d@x.example\"]\ntimezone = \"../etc/passwd\"\n";
    EXPECT_EQ(problems_of(bad_shape),
              Problems{"t.toml:4:12: me.timezone: unknown time zone \"../etc/passwd\": expected "
                       "an IANA name such as \"America/Chicago\" or \"Europe/Berlin\""});
    const std::string typo =
        "[me]\nname = \"D\"\naddresses = [\"d@x.example\"]\ntimezone = \"America/Chicgo\"\n";
    EXPECT_TRUE(problems_of(typo).empty());  // shape only without a checker
    const auto zones = [](std::string_view name) { return name == "America/Chicago"; };
    EXPECT_EQ(problems_of(typo, zones).size(), 1u);
    EXPECT_TRUE(problems_of(me_block, zones).empty());
}

TEST(ConfigLoader, WorkingHoursFormats) {
    const auto hours = [](std::string_view text) {
        return loaded(std::string(me_block) + "working_hours = \"" + std::string(text) + "\"\n")
            .me.working_hours;
    };
    EXPECT_EQ(hours("Mon,Wed,Fri 08:00-12:00").weekdays, (std::vector<int>{0, 2, 4}));
    EXPECT_EQ(hours("Sat 10:00-14:00").weekdays, std::vector<int>{5});
    EXPECT_EQ(hours("Sat 10:00-14:00").start_minute, 600);
    EXPECT_EQ(hours("fri-mon 20:00-24:00").weekdays, (std::vector<int>{0, 4, 5, 6}));
    EXPECT_EQ(hours("fri-mon 20:00-24:00").end_minute, 24 * 60);
    EXPECT_EQ(problems_of(std::string(me_block) + "working_hours = \"Mon-Fri 9-5\"\n"),
              Problems{"t.toml:5:17: me.working_hours: \"9-5\" is not a time range of two "
                       "24-hour HH:MM times; expected days and a time range such as "
                       "\"Mon-Fri 09:00-17:30\" or \"Mon,Wed,Fri 08:00-12:00\""});
    EXPECT_EQ(problems_of(std::string(me_block) + "working_hours = \"Mon-Fry 09:00-17:00\"\n"),
              Problems{"t.toml:5:17: me.working_hours: \"Mon-Fry\" is not a day or day range "
                       "(use Mon, Tue, Wed, Thu, Fri, Sat, Sun); expected days and a time range "
                       "such as \"Mon-Fri 09:00-17:30\" or \"Mon,Wed,Fri 08:00-12:00\""});
    EXPECT_EQ(problems_of(std::string(me_block) + "working_hours = \"Mon 17:00-09:00\"\n").size(),
              1u);
    EXPECT_EQ(problems_of(std::string(me_block) + "working_hours = \"09:00-17:00\"\n").size(), 1u);
}

TEST(ConfigLoader, DuplicateKeyIsASyntaxError) {
    EXPECT_EQ(problems_of(std::string(me_block) + "name = \"Again\"\n"),
              Problems{"t.toml:5:8: TOML syntax error: Error while parsing key-value pair: cannot "
                       "redefine existing string 'name'"});
}

// Lines 5 onwards of an account block after me_block.
std::string with_account(std::string_view body) {
    return std::string(me_block) + "[[account]]\n" + std::string(body);
}

constexpr std::string_view good_account =
    "name = \"work\"\nurl = \"imaps://imap.example.com\"\nuser = \"dana\"\n";

TEST(ConfigLoader, AccountDefaultsAndSecrets) {
    const Settings settings =
        loaded(with_account(std::string(good_account) + "password_command = \"pass show x\"\n"));
    ASSERT_EQ(settings.accounts.size(), 1u);
    const AccountSettings& account = settings.accounts[0];
    EXPECT_EQ(account.secret.password_command, "pass show x");
    EXPECT_EQ(account.secret.location.key, "account[0].password_command");
    EXPECT_EQ(account.secret.location.line, 9);
    EXPECT_EQ(account.secret.location.column, 20);
    EXPECT_EQ(account.folders, (std::vector<std::string>{"INBOX", "Sent"}));
    EXPECT_EQ(account.tls, TlsMode::required);
    EXPECT_EQ(account.auth, "password");

    const Settings inline_password =
        loaded(with_account(std::string(good_account) + "password = \"hunter2\"\n"));
    EXPECT_EQ(inline_password.accounts[0].secret.inline_password, "hunter2");
    EXPECT_EQ(inline_password.accounts[0].secret.location.key, "account[0].password");
}

TEST(ConfigLoader, AccountNeedsExactlyOnePasswordSource) {
    EXPECT_EQ(problems_of(with_account(good_account)),
              Problems{"t.toml:5:1: account[0]: missing a password source: set exactly one of "
                       "'password_file', 'password_command', 'credential' or 'password'"});
    EXPECT_EQ(problems_of(with_account(std::string(good_account) +
                                       "password_file = \"a\"\ncredential = \"b\"\n")),
              Problems{"t.toml:10:14: account[0].credential: set only one of 'password_file', "
                       "'password_command', 'credential' or 'password'"});
}

TEST(ConfigLoader, AccountRequiredKeys) {
    EXPECT_EQ(problems_of(with_account("credential = \"imap\"\n")),
              (Problems{"t.toml:5:1: account[0]: missing required key 'name': expected a short "
                        "name such as \"work\"",
                        "t.toml:5:1: account[0]: missing required key 'url': expected an IMAP "
                        "URL such as \"imaps://imap.example.com\"",
                        "t.toml:5:1: account[0]: missing required key 'user': expected the IMAP "
                        "login name as a string"}));
}

TEST(ConfigLoader, AccountUrlAndTls) {
    const auto account = [](std::string_view url_and_tls) {
        return with_account("name = \"w\"\nuser = \"u\"\ncredential = \"c\"\n" +
                            std::string(url_and_tls));
    };
    EXPECT_EQ(loaded(account("url = \"imap://127.0.0.1:1143\"\n")).accounts[0].tls,
              TlsMode::starttls);
    EXPECT_EQ(loaded(account("url = \"imap://localhost\"\ntls = \"none\"\n")).accounts[0].tls,
              TlsMode::none);
    EXPECT_EQ(problems_of(account("url = \"imap://mail.example.com\"\ntls = \"required\"\n")),
              Problems{"t.toml:10:7: account[0].tls: tls = \"required\" needs an imaps:// URL; "
                       "use imaps://mail.example.com or set tls = \"starttls\""});
    EXPECT_EQ(problems_of(account("url = \"imaps://mail.example.com\"\ntls = \"starttls\"\n")),
              Problems{"t.toml:10:7: account[0].tls: imaps:// always starts with TLS; set tls = "
                       "\"required\" or use imap://mail.example.com with tls = \"starttls\""});
    EXPECT_EQ(problems_of(account("url = \"https://mail.example.com\"\ntls = \"maybe\"\n")),
              (Problems{"t.toml:9:7: account[0].url: \"https://mail.example.com\" is not a "
                        "server URL: expected imaps://host[:port] or imap://host[:port]",
                        "t.toml:10:7: account[0].tls: expected \"required\", \"starttls\" or "
                        "\"none\", found \"maybe\""}));
    EXPECT_EQ(problems_of(account("url = \"imaps://host:99999\"\n")).size(), 1u);
    EXPECT_EQ(problems_of(account("url = \"imaps://user@host\"\n")).size(), 1u);
}

TEST(ConfigLoader, AccountNumbersAndFolders) {
    EXPECT_EQ(problems_of(with_account(std::string(good_account) +
                                       "credential = \"c\"\npoll_seconds = 1\n"
                                       "folders = []\nauth = \"oauth\"\n")),
              (Problems{"t.toml:10:16: account[0].poll_seconds: expected an integer from 10 to "
                        "86400, found 1",
                        "t.toml:11:11: account[0].folders: must not be empty: expected an array "
                        "of folder names such as [\"INBOX\", \"Sent\"]",
                        "t.toml:12:8: account[0].auth: expected \"password\" or \"xoauth2\", "
                        "found \"oauth\""}));
}

TEST(ConfigLoader, AccountWrittenAsPlainTable) {
    EXPECT_EQ(problems_of(std::string(me_block) + "[account]\nname = \"w\"\n"),
              Problems{"t.toml:5:1: account: expected an array of tables written as "
                       "[[account]], found a table"});
}

}  // namespace
}  // namespace casefile::config
