// Import speed matters (DESIGN.md: backfill of a whole mailbox). This measures
// parse_message on a typical ~4 KB plain-text reply and fails only on a gross
// regression; the rate is printed and recorded as a test property.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "parsers/mime_parser.hpp"

namespace casefile::parsers {
namespace {

std::string typical_plain_mail() {
    std::string raw =
        "Return-Path: <bob@acme.example>\r\n"
        "Received: from mail.acme.example (mail.acme.example [192.0.2.10])\r\n"
        "\tby mx.reyes-va.example with ESMTPS id 4F2a1b; Fri, 14 Mar 2025 09:30:02 -0500\r\n"
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme.example; s=s1;\r\n"
        "\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
        "\tb=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR\r\n"
        "Message-ID: <CAF7x1abc@mail.acme.example>\r\n"
        "In-Reply-To: <prev-2@reyes-va.example>\r\n"
        "References: <root-1@acme.example> <prev-2@reyes-va.example>\r\n"
        "Date: Fri, 14 Mar 2025 09:30:00 -0500\r\n"
        "From: Bob Smith <bob@acme.example>\r\n"
        "To: Dana Reyes <dana@reyes-va.example>\r\n"
        "Cc: \"Lee, Pat\" <pat@acme.example>\r\n"
        "Subject: Re: Launch checklist\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=\"UTF-8\"\r\n"
        "Content-Transfer-Encoding: 7bit\r\n\r\n"
        "Hi Dana,\r\n\r\n";
    while (raw.size() < 3000) {
        raw += "Could you please move the launch review to Thursday and send the updated deck by Friday noon?\r\n";
    }
    raw += "\r\nOn Thu, Mar 13, 2025 at 4:02 PM Dana Reyes <dana@reyes-va.example> wrote:\r\n";
    while (raw.size() < 4000) raw += "> Here is the checklist for the launch; tell me what to change.\r\n";
    raw += "\r\n-- \r\nBob Smith | Acme\r\n";
    return raw;
}

TEST(MimeThroughput, PlainTextMail) {
    const std::string raw = typical_plain_mail();
    constexpr int count = 5000;
    std::size_t checksum = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) checksum += parse_message(raw).text.size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double rate = count / seconds;
    std::printf("parse_message: %.0f plain-text messages/s (%zu bytes each)\n", rate, raw.size());
    RecordProperty("messages_per_second", static_cast<int>(rate));
    EXPECT_GT(checksum, 0u);
    EXPECT_GT(rate, 2000.0);
}

}  // namespace
}  // namespace casefile::parsers
