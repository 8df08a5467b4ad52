// send_smtp against a real SMTP server (aiosmtpd, tests/support/smtp_sandbox.hpp):
// bytes and envelope, dot and line-end hazards in a body, STARTTLS required
// but not offered, STARTTLS with AUTH, and the transient / permanent split
// (451, 554, nothing listening).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "daemon/digest_delivery.hpp"
#include "daemon/smtp_sender.hpp"
#include "support/expect_ok.hpp"
#include "support/smtp_sandbox.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::SmtpOptions;
using testing::SmtpSandbox;

constexpr const char* kPassword = "s3cret-Pa55word";

std::string digest_headers() {
    return "From: casefile <casefile@reyes-va.example>\r\n"
           "To: dana@reyes-va.example\r\n"
           "Subject: casefile digest for 2024-03-11\r\n"
           "Date: Mon, 11 Mar 2024 07:30:00 -0500\r\n"
           "Message-ID: <digest-2024-03-11@reyes-va.example>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "\r\n";
}

SmtpTimeouts quick_timeouts() {
    SmtpTimeouts timeouts;
    timeouts.connect = std::chrono::seconds(5);
    timeouts.response = std::chrono::seconds(10);
    timeouts.total = std::chrono::seconds(30);
    return timeouts;
}

SmtpTarget plain_target(const SmtpSandbox& smtp) {
    SmtpTarget target;
    target.url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
    target.tls = config::TlsMode::none;
    return target;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t count_lines(const std::string& crlf_text) {
    std::size_t lines = 0;
    for (std::size_t at = crlf_text.find("\r\n"); at != std::string::npos;
         at = crlf_text.find("\r\n", at + 2)) {
        ++lines;
    }
    return lines;
}

// A loopback port nobody listens on: bound, read, and released again.
int free_port() {
    const int descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(descriptor, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(descriptor);
    return ntohs(address.sin_port);
}

TEST(SmtpSender, DeliversTheBytesWithTheEnvelope) {
    auto smtp = SmtpSandbox::start();
    ASSERT_OK(smtp);
    const std::string message = digest_headers() +
                                "Good morning, Dana.\r\n"
                                "\r\n"
                                "Acme: 1 deadline moved (Fri 15 Mar -> Wed 13 Mar, earlier).\r\n"
                                "caf\xc3\xa9 \xe2\x80\x94 UTF-8 passes as is.\r\n";
    ASSERT_OK(send_smtp(plain_target(*smtp), "casefile@reyes-va.example",
                        {"dana@reyes-va.example", "backup@reyes-va.example"}, message,
                        quick_timeouts()));
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    const auto received = smtp->received();
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].bytes, message);
    EXPECT_EQ(received[0].mail_from, "casefile@reyes-va.example");
    EXPECT_EQ(received[0].rcpt_tos,
              (std::vector<std::string>{"dana@reyes-va.example", "backup@reyes-va.example"}));
    EXPECT_EQ(received[0].auth_user, "");
}

// libcurl dot-escapes only a "." after CRLF: without the normalisation a bare
// "\n.\n" would reach the server unescaped, and a server that accepts bare LF
// ends the DATA there; the rest would be read as SMTP commands.
TEST(SmtpSender, DotsAndBareLineEndsStayInsideOneMessage) {
    auto smtp = SmtpSandbox::start();
    ASSERT_OK(smtp);
    const std::string body =
        "Client wrote:\r\n"
        ".\r\n"
        "after a CRLF dot line\n"
        ".\n"
        "MAIL FROM:<attacker@evil.example>\n"
        "after a bare LF dot line\r"
        ".\r\n"
        "Bcc: everyone@evil.example\r\n"
        "Subject: injected\r\n"
        "..two dots\r\n"
        ".\r\n"
        "end\r\n";
    const std::string message = digest_headers() + body;
    ASSERT_OK(send_smtp(plain_target(*smtp), "casefile@reyes-va.example", {"dana@reyes-va.example"},
                        message, quick_timeouts()));
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    // Anything split off would arrive as a second message or be refused; give
    // it a moment to show up.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto received = smtp->received();
    ASSERT_EQ(received.size(), 1u);
    const std::string expected = normalize_crlf(message);
    EXPECT_EQ(received[0].bytes, expected);
    EXPECT_EQ(count_lines(received[0].bytes), count_lines(expected));
    // The header section is exactly the one composed: nothing from the body
    // became a header.
    const std::string& bytes = received[0].bytes;
    EXPECT_EQ(bytes.substr(0, bytes.find("\r\n\r\n") + 4), digest_headers());
    EXPECT_EQ(received[0].rcpt_tos, std::vector<std::string>{"dana@reyes-va.example"});
    const std::string log = read_text(smtp->directory() / "smtp.log");
    EXPECT_EQ(log.find("attacker@evil.example"), std::string::npos) << log;
}

TEST(SmtpSender, RequiredStartTlsNotOfferedSendsNothing) {
    SmtpOptions options;
    options.auth = std::string("dana:") + kPassword;  // offered in clear: no TLS configured
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    SmtpTarget target = plain_target(*smtp);
    target.tls = config::TlsMode::required;
    target.user = "dana";
    target.password = kPassword;
    auto sent = send_smtp(target, "casefile@reyes-va.example", {"dana@reyes-va.example"},
                          digest_headers() + "body\r\n", quick_timeouts());
    ASSERT_FALSE(sent);
    EXPECT_FALSE(sent.error().transient);
    EXPECT_NE(sent.error().message.find("STARTTLS"), std::string::npos) << sent.error().message;
    EXPECT_NE(sent.error().message.find("127.0.0.1:" + std::to_string(smtp->port())),
              std::string::npos)
        << sent.error().message;
    EXPECT_EQ(sent.error().message.find(kPassword), std::string::npos);
    smtp->stop();  // flushes the log
    EXPECT_TRUE(smtp->received().empty());
    // The server's own record of every command line it read (aiosmtpd logs
    // ">> b'COMMAND ...'"): EHLO, and then nothing that carries anything.
    const std::string log = read_text(smtp->directory() / "smtp.log");
    EXPECT_NE(log.find(">> b'EHLO"), std::string::npos) << log;
    EXPECT_EQ(log.find(">> b'AUTH"), std::string::npos) << log;
    EXPECT_EQ(log.find(">> b'MAIL"), std::string::npos) << log;
    EXPECT_EQ(log.find(">> b'RCPT"), std::string::npos) << log;
    EXPECT_EQ(log.find(">> b'DATA"), std::string::npos) << log;
}

TEST(SmtpSender, StartTlsWithTheSandboxCaAndAuth) {
    SmtpOptions options;
    options.starttls = true;
    options.auth = std::string("dana:") + kPassword;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    SmtpTarget target;
    target.url = "smtp://127.0.0.1:" + std::to_string(smtp->port());
    target.tls = config::TlsMode::starttls;
    target.user = "dana";
    target.password = kPassword;
    target.ca_file = smtp->ca_file();
    const std::string message = digest_headers() + "over STARTTLS\r\n";
    ASSERT_OK(send_smtp(target, "casefile@reyes-va.example", {"dana@reyes-va.example"}, message,
                        quick_timeouts()));
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    EXPECT_EQ(smtp->received()[0].bytes, message);
    EXPECT_EQ(smtp->received()[0].auth_user, "dana");

    // A wrong password: refused, permanent, and neither password in the text.
    target.password = "wrong-Pa55word";
    auto refused = send_smtp(target, "casefile@reyes-va.example", {"dana@reyes-va.example"},
                             message, quick_timeouts());
    ASSERT_FALSE(refused);
    EXPECT_FALSE(refused.error().transient) << refused.error().message;
    EXPECT_NE(refused.error().message.find("login"), std::string::npos) << refused.error().message;
    EXPECT_EQ(refused.error().message.find("wrong-Pa55word"), std::string::npos);
    EXPECT_EQ(refused.error().message.find(kPassword), std::string::npos);

    // Without the CA file the self-signed certificate does not verify.
    target.password = kPassword;
    target.ca_file.clear();
    auto unverified = send_smtp(target, "casefile@reyes-va.example", {"dana@reyes-va.example"},
                                message, quick_timeouts());
    ASSERT_FALSE(unverified);
    EXPECT_FALSE(unverified.error().transient) << unverified.error().message;
    EXPECT_NE(unverified.error().message.find("certificate"), std::string::npos)
        << unverified.error().message;
    EXPECT_EQ(smtp->received().size(), 1u);
}

TEST(SmtpSender, A451IsTransientAndTheRetryWorks) {
    SmtpOptions options;
    options.fail_first = 1;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    const std::string message = digest_headers() + "retry me\r\n";
    auto first = send_smtp(plain_target(*smtp), "casefile@reyes-va.example",
                           {"dana@reyes-va.example"}, message, quick_timeouts());
    ASSERT_FALSE(first);
    EXPECT_TRUE(first.error().transient);
    EXPECT_NE(first.error().message.find("451"), std::string::npos) << first.error().message;
    EXPECT_NE(first.error().message.find("refused the message"), std::string::npos)
        << first.error().message;
    ASSERT_OK(send_smtp(plain_target(*smtp), "casefile@reyes-va.example", {"dana@reyes-va.example"},
                        message, quick_timeouts()));
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    EXPECT_EQ(smtp->received().size(), 1u);
}

TEST(SmtpSender, A554IsPermanent) {
    SmtpOptions options;
    options.reject_all = true;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    auto sent = send_smtp(plain_target(*smtp), "casefile@reyes-va.example",
                          {"dana@reyes-va.example"}, digest_headers() + "no\r\n", quick_timeouts());
    ASSERT_FALSE(sent);
    EXPECT_FALSE(sent.error().transient);
    const std::string expected_start =
        "the SMTP server at 127.0.0.1:" + std::to_string(smtp->port()) +
        " refused the message: 554";
    EXPECT_EQ(sent.error().message.rfind(expected_start, 0), 0u) << sent.error().message;
}

TEST(SmtpSender, NothingListeningIsTransientAndQuick) {
    SmtpTarget target;
    target.url = "smtp://127.0.0.1:" + std::to_string(free_port());
    target.tls = config::TlsMode::none;
    const auto start = std::chrono::steady_clock::now();
    auto sent = send_smtp(target, "casefile@reyes-va.example", {"dana@reyes-va.example"},
                          digest_headers() + "x\r\n", quick_timeouts());
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(sent);
    EXPECT_TRUE(sent.error().transient);
    EXPECT_NE(sent.error().message.find("cannot connect to 127.0.0.1:"), std::string::npos)
        << sent.error().message;
    EXPECT_LT(took, std::chrono::seconds(3));
}

// deliver_digest's "smtp" delivery as configured: From/To from [digest], the
// password from a 0600 file, LF line ends in and CRLF on the server.
TEST(SmtpSender, DeliverDigestThroughSmtp) {
    SmtpOptions options;
    options.auth = std::string("dana:") + kPassword;
    auto smtp = SmtpSandbox::start(options);
    ASSERT_OK(smtp);
    testing::TempDir directory;
    const std::string password_file = directory.file("smtp.pass");
    {
        std::ofstream out(password_file);
        out << kPassword << "\n";
    }
    ::chmod(password_file.c_str(), 0600);
    config::DigestSettings digest;
    digest.delivery = "smtp";
    digest.to = "dana@reyes-va.example";
    digest.from = "casefile <casefile@reyes-va.example>";
    digest.from_address = "casefile@reyes-va.example";
    digest.smtp_url = "smtp://127.0.0.1:" + std::to_string(smtp->port());
    digest.tls = config::TlsMode::none;
    digest.smtp_user = "dana";
    digest.smtp_secret.password_file = password_file;
    DeliveryOptions delivery;
    delivery.smtp = quick_timeouts();
    ASSERT_OK(deliver_digest(digest, {}, "Subject: d\n\n.\nbody\n", delivery));
    ASSERT_TRUE(smtp->wait_for(1, std::chrono::seconds(5)));
    const auto received = smtp->received();
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].bytes, "Subject: d\r\n\r\n.\r\nbody\r\n");
    EXPECT_EQ(received[0].mail_from, "casefile@reyes-va.example");
    EXPECT_EQ(received[0].rcpt_tos, std::vector<std::string>{"dana@reyes-va.example"});
    EXPECT_EQ(received[0].auth_user, "dana");
}

TEST(SmtpSender, RefusesAddressesThatCouldInjectCommands) {
    SmtpTarget target;
    target.url = "smtp://127.0.0.1:1";
    target.tls = config::TlsMode::none;
    auto sender = send_smtp(target, "a@x.example>\r\nRCPT TO:<b@y.example",
                            {"dana@reyes-va.example"}, "x\r\n", quick_timeouts());
    ASSERT_FALSE(sender);
    EXPECT_FALSE(sender.error().transient);
    auto recipient = send_smtp(target, "a@x.example", {"dana@reyes-va.example> NOTIFY=NEVER"},
                               "x\r\n", quick_timeouts());
    ASSERT_FALSE(recipient);
    EXPECT_FALSE(recipient.error().transient);
}

}  // namespace
}  // namespace casefile::daemon
