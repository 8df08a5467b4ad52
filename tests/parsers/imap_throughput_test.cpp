// The reader must stay linear: a 50 MB FETCH literal in 16 KB reads, and a
// pipelined UID FETCH of 1000 small messages, as the sync loop sees them.
#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "parsers/imap_fetch.hpp"
#include "parsers/imap_reader.hpp"
#include "support/cpu_time.hpp"

namespace casefile::parsers::imap {
namespace {

constexpr std::size_t kChunk = 16 * 1024;

// CPU seconds to read one FETCH with a literal of `size` bytes in 16 KB feeds.
double time_big_literal(std::size_t size) {
    std::string body(size, 'm');
    for (std::size_t i = 76; i < size; i += 78) body[i] = '\n';  // mail-like lines
    const std::string head = "* 1 FETCH (UID 7 RFC822.SIZE " + std::to_string(size) +
                             " BODY[] {" + std::to_string(size) + "}\r\n";
    const std::string tail = ")\r\nA0001 OK Fetch completed.\r\n";

    const double start = testing::thread_cpu_seconds();
    ResponseReader reader;
    reader.feed(head);
    for (std::size_t offset = 0; offset < body.size(); offset += kChunk) {
        reader.feed(std::string_view(body).substr(offset, kChunk));
    }
    reader.feed(tail);
    auto response = reader.next();
    const double elapsed = testing::thread_cpu_seconds() - start;
    EXPECT_TRUE(response) << reader.error();
    if (response) {
        auto item = parse_fetch(std::move(*response));
        EXPECT_TRUE(item && item->body() && item->body()->bytes->size() == size);
    }
    EXPECT_TRUE(reader.next());
    return elapsed;
}

TEST(ImapThroughput, FiftyMegabyteLiteralIsLinear) {
    const double small = time_big_literal(5 * 1024 * 1024);
    const double large = time_big_literal(50 * 1024 * 1024);
    std::cout << "[ imap ] 5 MB literal: " << small * 1000 << " ms, 50 MB literal: " << large * 1000
              << " ms (" << 50 / large << " MB/s)\n";
    // Linear means ~10x; quadratic would be ~100x. Loose for a busy machine.
    EXPECT_LT(large, 2.0);
    EXPECT_LT(large, small * 40 + 0.05);
}

TEST(ImapThroughput, ThousandSmallFetchResponses) {
    std::string stream;
    for (int uid = 1; uid <= 1000; ++uid) {
        const std::string body = "From: bob@acme.example\r\nSubject: note " +
                                 std::to_string(uid) + "\r\n\r\n" + std::string(1500, 'b') +
                                 "\r\n";
        stream += "* " + std::to_string(uid) + " FETCH (UID " + std::to_string(uid) +
                  " RFC822.SIZE " + std::to_string(body.size()) +
                  " INTERNALDATE \"01-Dec-2025 09:14:00 -0600\" BODY[] {" +
                  std::to_string(body.size()) + "}\r\n" + body + ")\r\n";
    }
    stream += "A0005 OK Fetch completed (0.010 + 0.000 secs).\r\n";

    const double start = testing::thread_cpu_seconds();
    ResponseReader reader;
    std::size_t fetched = 0;
    for (std::size_t offset = 0; offset < stream.size(); offset += kChunk) {
        reader.feed(std::string_view(stream).substr(offset, kChunk));
        while (auto response = reader.next()) {
            if (response->name != "FETCH") continue;
            auto item = parse_fetch(std::move(*response));
            ASSERT_TRUE(item) << item.error().message;
            ASSERT_TRUE(item->uid && item->body());
            ++fetched;
        }
    }
    const double elapsed = testing::thread_cpu_seconds() - start;
    std::cout << "[ imap ] 1000 FETCH responses (" << stream.size() / 1024 << " KB): "
              << elapsed * 1000 << " ms\n";
    EXPECT_EQ(fetched, 1000u);
    EXPECT_FALSE(reader.failed()) << reader.error();
    EXPECT_LT(elapsed, 1.0);
}

}  // namespace
}  // namespace casefile::parsers::imap
