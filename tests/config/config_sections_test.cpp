// [[client]], [digest], [rules] and [store] validation, and reporting many
// problems in one pass.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config_loader.hpp"

namespace casefile::config {
namespace {

// Lines 1-4.
constexpr std::string_view me_block =
    "[me]\n"
    "name = \"Dana Reyes\"\n"
    "addresses = [\"dana@reyes-va.example\"]\n"
    "timezone = \"America/Chicago\"\n";

using Problems = std::vector<std::string>;

Problems problems_of(std::string_view body) {
    const LoadResult result = load_settings(std::string(me_block) + std::string(body), "t.toml");
    Problems out;
    if (result) return out;
    for (const ConfigProblem& problem : result.error()) out.push_back(problem.to_string());
    return out;
}

Settings loaded(std::string_view body) {
    const LoadResult result = load_settings(std::string(me_block) + std::string(body), "t.toml");
    EXPECT_TRUE(result.has_value()) << (result ? "" : format_problems(result.error()));
    return result ? *result : Settings{};
}

TEST(ConfigClients, AddressesAndDomainsAreNormalised) {
    const Settings settings = loaded(
        "[[client]]\nname = \"Acme\"\naddresses = [\"Bob@ACME.example\"]\n"
        "domains = [\"@Acme.Example\"]\n[[client]]\nname = \"Northwind\"\n"
        "domains = [\"northwind.example\"]\n");
    ASSERT_EQ(settings.clients.size(), 2u);
    EXPECT_EQ(settings.clients[0].addresses, std::vector<std::string>{"bob@acme.example"});
    EXPECT_EQ(settings.clients[0].domains, std::vector<std::string>{"acme.example"});
    EXPECT_EQ(settings.clients[1].name, "Northwind");
}

TEST(ConfigClients, NeedsNameAndAnAddressOrDomain) {
    EXPECT_EQ(problems_of("[[client]]\naddresses = []\n"),
              (Problems{"t.toml:5:1: client[0]: missing required key 'name': expected the "
                        "client's name as a string, such as \"Acme\"",
                        "t.toml:5:1: client[0]: client client[0] needs at least one entry in "
                        "'addresses' or 'domains' to recognise its mail"}));
}

TEST(ConfigClients, DuplicateNamesAndSharedAddresses) {
    EXPECT_EQ(
        problems_of("[[client]]\nname = \"Acme\"\naddresses = [\"bob@acme.example\"]\n"
                    "[[client]]\nname = \"acme\"\ndomains = [\"x.example\", \"x.example\"]\n"
                    "[[client]]\nname = \"Initech\"\n"
                    "addresses = [\"BOB@acme.example\", \"dana@reyes-va.example\"]\n"),
        (Problems{"t.toml:9:8: client[1].name: client name \"acme\" is used twice; give each "
                  "[[client]] its own name",
                  "t.toml:10:25: client[1].domains[1]: domain \"x.example\" is listed twice "
                  "under this client; list it once",
                  "t.toml:13:14: client[2].addresses[0]: address \"bob@acme.example\" is already "
                  "listed under client \"Acme\"; list it under one client only",
                  "t.toml:13:34: client[2].addresses[1]: \"dana@reyes-va.example\" is one of "
                  "your own addresses in [me]; a client's addresses must be the client's"}));
}

TEST(ConfigClients, BadDomain) {
    EXPECT_EQ(problems_of("[[client]]\nname = \"A\"\ndomains = [\"acme..example\"]\n"),
              Problems{"t.toml:7:12: client[0].domains[0]: \"acme..example\" is not a domain "
                       "name: expected a name such as \"acme.example\""});
}

// [digest] starts at line 5.
constexpr std::string_view digest_head =
    "[digest]\nto = \"dana@reyes-va.example\"\nfrom = \"casefile <cf@reyes-va.example>\"\n";

TEST(ConfigDigest, SmtpDelivery) {
    const Settings settings =
        loaded(std::string(digest_head) + "smtp_url = \"smtp://localhost:2525\"\ntls = \"none\"\n");
    ASSERT_TRUE(settings.digest);
    EXPECT_EQ(settings.digest->delivery, "smtp");
    EXPECT_EQ(settings.digest->tls, TlsMode::none);
    EXPECT_EQ(settings.digest->time, "07:30");
    EXPECT_TRUE(settings.digest->smtp_secret.empty());

    const Settings with_login = loaded(std::string(digest_head) +
                                       "smtp_url = \"smtps://smtp.example.com\"\n"
                                       "smtp_user = \"dana\"\nsmtp_password = \"s3cret\"\n");
    EXPECT_EQ(with_login.digest->smtp_secret.inline_password, "s3cret");
    EXPECT_EQ(with_login.digest->smtp_secret.location.key, "digest.smtp_password");
    EXPECT_EQ(with_login.digest->smtp_secret.location.line, 10);

    const Settings private_ca = loaded(std::string(digest_head) +
                                       "smtp_url = \"smtps://mail.lan\"\n"
                                       "smtp_ca_file = \"~/.config/casefile/ca.pem\"\n");
    EXPECT_EQ(private_ca.digest->smtp_ca_file, "~/.config/casefile/ca.pem");
}

TEST(ConfigDigest, RequiredKeysAndFormats) {
    EXPECT_EQ(problems_of("[digest]\ntime = \"7:30\"\nfrom = \"casefile\\r\\nBcc: x@y.example\"\n"),
              (Problems{"t.toml:5:1: digest: missing required key 'to': expected your address "
                        "as a string, such as \"dana@reyes-va.example\"",
                        "t.toml:5:1: digest: missing required key 'smtp_url': expected an SMTP "
                        "URL such as \"smtps://smtp.example.com\" for delivery = \"smtp\"",
                        "t.toml:6:8: digest.time: \"7:30\" is not a time of day: expected 24-hour "
                        "HH:MM such as \"07:30\"",
                        "t.toml:7:8: digest.from: \"casefile\r\nBcc: x@y.example\" is not a "
                        "sender: expected \"Name <local@domain>\" or \"local@domain\" on one "
                        "line"}));
}

TEST(ConfigDigest, SmtpTlsAndLoginPairing) {
    EXPECT_EQ(problems_of(std::string(digest_head) +
                          "smtp_url = \"smtp://mail.example.com\"\ntls = \"required\"\n"
                          "smtp_user = \"dana\"\n"),
              (Problems{"t.toml:9:7: digest.tls: tls = \"required\" needs an smtps:// URL; use "
                        "smtps://mail.example.com or set tls = \"starttls\"",
                        "t.toml:10:13: digest.smtp_user: smtp_user needs a password: set one of "
                        "'smtp_password_file', 'smtp_password_command', 'smtp_credential' or "
                        "'smtp_password'"}));
    EXPECT_EQ(problems_of(std::string(digest_head) +
                          "smtp_url = \"smtps://mail.example.com\"\nsmtp_credential = \"smtp\"\n"),
              Problems{"t.toml:9:19: digest.smtp_credential: a password needs smtp_user, the "
                       "SMTP login name"});
}

TEST(ConfigDigest, ImapAndFileDelivery) {
    EXPECT_EQ(problems_of(std::string(digest_head) + "delivery = \"imap\"\n"),
              (Problems{"t.toml:5:1: digest: missing required key 'folder': expected the folder "
                        "to put the digest in, such as \"INBOX\", for delivery = \"imap\"",
                        "t.toml:8:12: digest.delivery: delivery = \"imap\" needs an [[account]] "
                        "to put the digest in"}));
    EXPECT_EQ(problems_of(std::string(digest_head) +
                          "delivery = \"imap\"\nfolder = \"INBOX\"\n"
                          "account = \"home\"\n[[account]]\nname = \"work\"\n"
                          "url = \"imaps://h.example\"\nuser = \"u\"\ncredential = \"c\"\n"),
              Problems{"t.toml:10:11: digest.account: no [[account]] is named \"home\"; use the "
                       "name of one of your accounts"});
    EXPECT_EQ(problems_of(std::string(digest_head) + "delivery = \"pigeon\"\n"),
              Problems{"t.toml:8:12: digest.delivery: expected \"smtp\", \"imap\" or \"file\", "
                       "found \"pigeon\""});
    const Settings file =
        loaded(std::string(digest_head) +
               "delivery = \"file\"\nfile = \"~/digest.eml\"\nsend_empty = false\n");
    EXPECT_EQ(file.digest->file, "~/digest.eml");
    EXPECT_FALSE(file.digest->send_empty);
}

TEST(ConfigRules, FilesAndStorePath) {
    const Settings settings =
        loaded("[rules]\nfiles = [\"~/rules/mine.toml\"]\n[store]\npath = \"/srv/cf.db\"\n");
    EXPECT_EQ(settings.rules.files, std::vector<std::string>{"~/rules/mine.toml"});
    EXPECT_EQ(settings.store.path, "/srv/cf.db");
    EXPECT_EQ(problems_of("[rules]\nfiles = \"mine.toml\"\n"),
              Problems{"t.toml:6:9: rules.files: expected an array of strings, found a string"});
}

TEST(ConfigLoaderReport, EveryProblemAtOnceInFileOrder) {
    const LoadResult result = load_settings(
        "[me]\nname = \"Dana\"\naddresses = [\"nope\"]\ntimezone = \"Mars/Olympus Mons\"\n"
        "[[account]]\nname = \"w\"\nurl = \"imap://h.example\"\ntls = \"required\"\nuser = \"u\"\n"
        "[[client]]\nname = \"Acme\"\nadresses = [\"bob@acme.example\"]\n"
        "[digest]\nto = \"dana@reyes-va.example\"\nfrom = \"cf@reyes-va.example\"\n"
        "time = \"25:00\"\ndelivery = \"file\"\n",
        "casefile.toml");
    ASSERT_FALSE(result.has_value());
    std::vector<std::string> keys;
    for (const ConfigProblem& problem : result.error()) {
        EXPECT_EQ(problem.file, "casefile.toml");
        EXPECT_GT(problem.line, 0) << problem.to_string();
        keys.push_back(problem.key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"me.addresses[0]", "me.timezone", "account[0]",
                                              "account[0].tls", "client[0]", "client[0].adresses",
                                              "digest", "digest.time"}));
}

TEST(ConfigProblemText, FormatsPositionAndKey) {
    EXPECT_EQ((ConfigProblem{"f.toml", 3, 7, "me.name", "bad"}).to_string(),
              "f.toml:3:7: me.name: bad");
    EXPECT_EQ((ConfigProblem{"f.toml", 0, 0, "", "unreadable"}).to_string(), "f.toml: unreadable");
}

}  // namespace
}  // namespace casefile::config
