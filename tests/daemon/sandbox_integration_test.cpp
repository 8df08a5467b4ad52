// The test peers themselves, checked with a real client (libcurl): the Dovecot
// sandbox logs in, lists and examines over plain IMAP, STARTTLS and IMAPS,
// keeps its mail across a restart and frees its port on stop; the SMTP sandbox
// stores exactly what it was sent and injects the faults it promises.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/dovecot_sandbox.hpp"
#include "support/expect_ok.hpp"
#include "support/run_command.hpp"
#include "support/smtp_sandbox.hpp"

namespace casefile::daemon {
namespace {

using testing::DovecotOptions;
using testing::DovecotSandbox;
using testing::SmtpOptions;
using testing::SmtpSandbox;

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

std::size_t append_to_string(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

struct Upload {
    std::string bytes;
    std::size_t position = 0;
};

std::size_t read_from_upload(char* buffer, std::size_t size, std::size_t count, void* source) {
    auto* upload = static_cast<Upload*>(source);
    const std::size_t length = std::min(size * count, upload->bytes.size() - upload->position);
    std::memcpy(buffer, upload->bytes.data() + upload->position, length);
    upload->position += length;
    return length;
}

struct CurlOutcome {
    CURLcode code = CURLE_OK;
    long response_code = 0;
    std::string body;
    std::string error;
};

// One IMAP exchange: log in, send REQUEST (LIST when empty), log out.
CurlOutcome imap(const std::string& url, const DovecotSandbox& dovecot,
                 const std::string& request = {}, bool require_tls = false) {
    CurlOutcome outcome;
    CurlHandle curl(curl_easy_init());
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, dovecot.user().c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, dovecot.password().c_str());
    if (!request.empty()) curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, request.c_str());
    if (!dovecot.ca_file().empty())
        curl_easy_setopt(curl.get(), CURLOPT_CAINFO, dovecot.ca_file().c_str());
    if (require_tls)
        curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_to_string);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &outcome.body);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
    outcome.code = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &outcome.response_code);
    outcome.error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(outcome.code);
    return outcome;
}

CurlOutcome send_mail(int port, const std::string& from, const std::vector<std::string>& to,
                      const std::string& message) {
    CurlOutcome outcome;
    CurlHandle curl(curl_easy_init());
    char error_buffer[CURL_ERROR_SIZE] = {};
    Slist recipients;
    for (const auto& address : to) {
        recipients.reset(curl_slist_append(recipients.release(), ("<" + address + ">").c_str()));
    }
    Upload upload{message, 0};
    const std::string url = "smtp://127.0.0.1:" + std::to_string(port);
    const std::string mail_from = "<" + from + ">";
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_from_upload);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl.get(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
    outcome.code = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &outcome.response_code);
    outcome.error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(outcome.code);
    return outcome;
}

bool port_accepts_connections(int port) {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected =
        ::connect(socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(socket_fd);
    return connected;
}

std::string without_carriage_returns(std::string text) {
    std::erase(text, '\r');
    return text;
}

std::string sample_message(int number) {
    const std::string n = std::to_string(number);
    std::string message;
    message += "From: Client " + n + " <client" + n + "@example.com>\r\n";
    message += "To: va@example.net\r\n";
    message += "Subject: Invoice " + n + "\r\n";
    message += "Message-ID: <sandbox-" + n + "@example.com>\r\n";
    message += "Date: Mon, 3 Mar 2025 09:0" + n + ":00 +0000\r\n";
    message += "\r\n";
    message += "Please find invoice " + n + " attached.\r\n";
    return message;
}

// Three messages in INBOX, one in Sent.
void fill(DovecotSandbox& dovecot) {
    for (int number = 1; number <= 3; ++number) {
        ASSERT_OK(dovecot.add_message("INBOX", sample_message(number)));
    }
    ASSERT_OK(dovecot.add_message("Sent", sample_message(4)));
}

void expect_mailboxes_listed(const CurlOutcome& listing) {
    ASSERT_EQ(listing.code, CURLE_OK) << listing.error;
    EXPECT_NE(listing.body.find("INBOX"), std::string::npos) << listing.body;
    EXPECT_NE(listing.body.find("\\Sent) \"/\" Sent"), std::string::npos) << listing.body;
    EXPECT_NE(listing.body.find("\\Drafts"), std::string::npos) << listing.body;
    EXPECT_NE(listing.body.find("\\Trash"), std::string::npos) << listing.body;
}

TEST(DovecotSandbox, PlainImapLogsInListsAndExaminesWithoutChangingFlags) {
    auto dovecot = DovecotSandbox::start();
    ASSERT_OK(dovecot);
    EXPECT_GT(dovecot->imap_port(), 0);
    EXPECT_EQ(dovecot->imaps_port(), 0);
    EXPECT_TRUE(dovecot->ca_file().empty());
    fill(*dovecot);
    const std::string base = "imap://127.0.0.1:" + std::to_string(dovecot->imap_port()) + "/";

    auto flags_before = dovecot->flags("INBOX");
    ASSERT_OK(flags_before);
    EXPECT_NE(flags_before->find("uid: 3"), std::string::npos) << *flags_before;

    expect_mailboxes_listed(imap(base, *dovecot));
    // No mailbox in the URL: curl sends EXAMINE as is, without a SELECT first.
    const CurlOutcome examined = imap(base, *dovecot, "EXAMINE INBOX");
    ASSERT_EQ(examined.code, CURLE_OK) << examined.error;
    EXPECT_NE(examined.body.find("* 3 EXISTS"), std::string::npos) << examined.body;
    const CurlOutcome sent = imap(base, *dovecot, "EXAMINE Sent");
    EXPECT_NE(sent.body.find("* 1 EXISTS"), std::string::npos) << sent.body;

    auto flags_after = dovecot->flags("INBOX");
    ASSERT_OK(flags_after);
    EXPECT_EQ(*flags_before, *flags_after);
}

TEST(DovecotSandbox, CustomCredentialsAndAWrongPassword) {
    DovecotOptions options;
    options.user = "va";
    options.password = "a \"quoted\" pass\\word";  // IMAP quoting, not just letters
    auto dovecot = DovecotSandbox::start(options);
    ASSERT_OK(dovecot);
    EXPECT_EQ(dovecot->user(), "va");
    const std::string base = "imap://127.0.0.1:" + std::to_string(dovecot->imap_port()) + "/";
    const CurlOutcome listed = imap(base, *dovecot);
    EXPECT_EQ(listed.code, CURLE_OK) << listed.error;

    // Two failures in a row: the sandbox turns Dovecot's per-IP penalty off,
    // so the second is as quick as the first (otherwise 2 s or more).
    for (int attempt = 0; attempt < 2; ++attempt) {
        CurlHandle curl(curl_easy_init());
        std::string ignored;
        curl_easy_setopt(curl.get(), CURLOPT_URL, base.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_USERNAME, "va");
        curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, "wrong");
        curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_to_string);
        curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &ignored);
        curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 1900L);
        EXPECT_EQ(curl_easy_perform(curl.get()), CURLE_LOGIN_DENIED);
    }
}

TEST(DovecotSandbox, TlsOverImapsAndStarttls) {
    auto dovecot = DovecotSandbox::start(true);
    ASSERT_OK(dovecot);
    ASSERT_GT(dovecot->imaps_port(), 0);
    EXPECT_NE(dovecot->imaps_port(), dovecot->imap_port());
    ASSERT_TRUE(std::filesystem::exists(dovecot->ca_file())) << dovecot->ca_file();
    fill(*dovecot);
    auto flags_before = dovecot->flags("INBOX");
    ASSERT_OK(flags_before);

    const std::string imaps = "imaps://127.0.0.1:" + std::to_string(dovecot->imaps_port()) + "/";
    expect_mailboxes_listed(imap(imaps, *dovecot));
    const CurlOutcome examined = imap(imaps, *dovecot, "EXAMINE INBOX");
    ASSERT_EQ(examined.code, CURLE_OK) << examined.error;
    EXPECT_NE(examined.body.find("* 3 EXISTS"), std::string::npos) << examined.body;
    // The certificate names localhost as well as 127.0.0.1.
    const std::string by_name = "imaps://localhost:" + std::to_string(dovecot->imaps_port()) + "/";
    EXPECT_EQ(imap(by_name, *dovecot).code, CURLE_OK);

    const std::string starttls = "imap://127.0.0.1:" + std::to_string(dovecot->imap_port()) + "/";
    expect_mailboxes_listed(imap(starttls, *dovecot, {}, /*require_tls=*/true));

    auto flags_after = dovecot->flags("INBOX");
    ASSERT_OK(flags_after);
    EXPECT_EQ(*flags_before, *flags_after);
    EXPECT_NE(testing::run_command("grep -c 'TLS, session' " + testing::quote(dovecot->log_file()))
                  .output,
              "0\n");
}

TEST(DovecotSandbox, RestartKeepsMailAndPortsAndStopFreesThePort) {
    auto dovecot = DovecotSandbox::start();
    ASSERT_OK(dovecot);
    fill(*dovecot);
    const int port = dovecot->imap_port();
    const std::string base = "imap://127.0.0.1:" + std::to_string(port) + "/";

    ASSERT_OK(dovecot->restart());
    EXPECT_EQ(dovecot->imap_port(), port);
    const CurlOutcome examined = imap(base, *dovecot, "EXAMINE INBOX");
    ASSERT_EQ(examined.code, CURLE_OK) << examined.error;
    EXPECT_NE(examined.body.find("* 3 EXISTS"), std::string::npos) << examined.body;

    ASSERT_OK(dovecot->stop());
    EXPECT_FALSE(port_accepts_connections(port));
    ASSERT_OK(dovecot->stop());  // idempotent

    // A crash (SIGKILL) then a restart also keeps the mail.
    ASSERT_OK(dovecot->restart());
    ASSERT_OK(dovecot->kill());
    EXPECT_FALSE(port_accepts_connections(port));
    ASSERT_OK(dovecot->restart());
    EXPECT_NE(imap(base, *dovecot, "EXAMINE INBOX").body.find("* 3 EXISTS"), std::string::npos);
}

TEST(DovecotSandbox, DestructorStopsDovecotAndRemovesTheDirectory) {
    int port = 0;
    std::filesystem::path directory;
    {
        auto dovecot = DovecotSandbox::start();
        ASSERT_OK(dovecot);
        port = dovecot->imap_port();
        directory = dovecot->directory();
        EXPECT_TRUE(port_accepts_connections(port));
    }
    EXPECT_FALSE(port_accepts_connections(port));
    EXPECT_FALSE(std::filesystem::exists(directory));
}

TEST(DovecotSandbox, UidvalidityExpungeAndFlagHelpers) {
    auto dovecot = DovecotSandbox::start();
    ASSERT_OK(dovecot);
    fill(*dovecot);
    const std::string base = "imap://127.0.0.1:" + std::to_string(dovecot->imap_port()) + "/";

    ASSERT_OK(dovecot->set_uidvalidity("INBOX", 4242));
    ASSERT_OK(dovecot->expunge("INBOX", 2));
    ASSERT_OK(dovecot->add_flags("INBOX", 3, "\\Seen $Invoiced"));
    const CurlOutcome examined = imap(base, *dovecot, "EXAMINE INBOX");
    EXPECT_NE(examined.body.find("[UIDVALIDITY 4242]"), std::string::npos) << examined.body;
    EXPECT_NE(examined.body.find("* 2 EXISTS"), std::string::npos) << examined.body;

    auto flags = dovecot->flags("INBOX");
    ASSERT_OK(flags);
    EXPECT_EQ(flags->find("uid: 2\n"), std::string::npos) << *flags;
    EXPECT_NE(flags->find("\\Seen"), std::string::npos) << *flags;
    EXPECT_NE(flags->find("$Invoiced"), std::string::npos) << *flags;
    ASSERT_OK(dovecot->remove_flags("INBOX", 3, "$Invoiced"));
    flags = dovecot->flags("INBOX");
    ASSERT_OK(flags);
    EXPECT_EQ(flags->find("$Invoiced"), std::string::npos) << *flags;

    ASSERT_OK(dovecot->add_message("Clients/Acme", sample_message(5)));
    EXPECT_NE(imap(base, *dovecot).body.find("Clients/Acme"), std::string::npos);
    EXPECT_FALSE(dovecot->flags("No/Such/Folder").has_value());
}

TEST(SmtpSandbox, StoresExactlyTheBytesAndTheEnvelope) {
    auto smtp = SmtpSandbox::start();
    ASSERT_OK(smtp);
    ASSERT_GT(smtp->port(), 0);
    // The line that starts with a dot checks dot-stuffing both ways.
    const std::string message =
        "From: VA <va@example.net>\r\nTo: Client <client@example.com>\r\n"
        "Subject: Daily digest\r\n\r\n.hidden dot line\r\nTwo threads need you.\r\n";
    const CurlOutcome sent = send_mail(smtp->port(), "va@example.net",
                                       {"client@example.com", "boss@example.org"}, message);
    ASSERT_EQ(sent.code, CURLE_OK) << sent.error;
    EXPECT_EQ(sent.response_code, 250);

    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    const auto received = smtp->received();
    ASSERT_EQ(received.size(), 1U);
    EXPECT_EQ(without_carriage_returns(received[0].bytes), without_carriage_returns(message));
    EXPECT_EQ(received[0].mail_from, "va@example.net");
    EXPECT_EQ(received[0].rcpt_tos,
              (std::vector<std::string>{"client@example.com", "boss@example.org"}));
    EXPECT_TRUE(received[0].auth_user.empty());
}

TEST(SmtpSandbox, FailFirstRepliesFourFiftyOneOnce) {
    SmtpOptions options;
    options.fail_first = 1;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    const std::string message = "Subject: retry me\r\n\r\nbody\r\n";

    const CurlOutcome first = send_mail(smtp->port(), "va@example.net", {"a@example.com"}, message);
    EXPECT_NE(first.code, CURLE_OK);
    EXPECT_EQ(first.response_code, 451) << first.error;
    EXPECT_TRUE(smtp->received().empty());

    const CurlOutcome second =
        send_mail(smtp->port(), "va@example.net", {"a@example.com"}, message);
    ASSERT_EQ(second.code, CURLE_OK) << second.error;
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    EXPECT_EQ(smtp->received().size(), 1U);
}

TEST(SmtpSandbox, RejectAllRepliesFiveFiftyFour) {
    SmtpOptions options;
    options.reject_all = true;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    const CurlOutcome sent =
        send_mail(smtp->port(), "va@example.net", {"a@example.com"}, "Subject: x\r\n\r\ny\r\n");
    EXPECT_NE(sent.code, CURLE_OK);
    EXPECT_EQ(sent.response_code, 554) << sent.error;
    EXPECT_TRUE(smtp->received().empty());
}

TEST(SmtpSandbox, StarttlsWithAuth) {
    SmtpOptions options;
    options.starttls = true;
    options.auth = "digest:s3cret";
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    ASSERT_FALSE(smtp->ca_file().empty());

    CurlHandle curl(curl_easy_init());
    Slist recipients(curl_slist_append(nullptr, "<a@example.com>"));
    Upload upload{"Subject: over TLS\r\n\r\nhello\r\n", 0};
    const std::string url = "smtp://127.0.0.1:" + std::to_string(smtp->port());
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(curl.get(), CURLOPT_CAINFO, smtp->ca_file().c_str());
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, "digest");
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, "s3cret");
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, "<va@example.net>");
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_from_upload);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
    ASSERT_EQ(curl_easy_perform(curl.get()), CURLE_OK);

    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    EXPECT_EQ(smtp->received()[0].auth_user, "digest");
}

TEST(SmtpSandbox, StopFreesThePortAndKeepsTheMessages) {
    auto smtp = SmtpSandbox::start();
    ASSERT_OK(smtp);
    ASSERT_EQ(
        send_mail(smtp->port(), "va@example.net", {"a@example.com"}, "Subject: x\r\n\r\ny\r\n")
            .code,
        CURLE_OK);
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    smtp->stop();
    EXPECT_FALSE(port_accepts_connections(smtp->port()));
    EXPECT_EQ(smtp->received().size(), 1U);
    smtp->stop();  // idempotent
}

}  // namespace
}  // namespace casefile::daemon
