// digest_bench [MESSAGES] [STORE]: how long the daily digest takes to gather
// and compose over a large store (issue 5: under a second for 100,000
// messages). Builds a store of MESSAGES synthetic client messages (default
// 100,000) over 200 days, 40 clients, threads of 5 with the VA's replies,
// one event in ten messages, then times Store::digest_data + compose_digest
// for the last day (median of 5 runs). STORE (default: a temp file) is kept
// when given, so a second run skips the build.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/digest.hpp"
#include "core/digest_schedule.hpp"
#include "core/store.hpp"

namespace {

namespace core = casefile::core;
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kStart = 1748736000;  // 2025-06-01T00:00:00Z

core::IncomingMessage synthetic(std::size_t index) {
    const std::size_t client = index % 40;
    const std::size_t thread = index / 5;
    const bool from_me = index % 5 == 1 || index % 5 == 3;
    const std::string id = "m" + std::to_string(index) + "@bench.example";
    const std::string client_address = "boss@client" + std::to_string(client) + ".example";
    core::IncomingMessage message;
    message.parsed.message_id = id;
    if (index % 5 != 0) message.parsed.in_reply_to = "m" + std::to_string(index - 1) + "@bench.example";
    message.parsed.subject = (index % 5 ? "Re: " : "") + std::string("Project ") + std::to_string(thread);
    message.parsed.from = {"", from_me ? "dana@reyes-va.example" : client_address};
    message.parsed.to = {{"", from_me ? client_address : "dana@reyes-va.example"}};
    message.parsed.date = core::Timestamp{kStart + static_cast<std::int64_t>(index) * 200 * kDay / 100000, -360};
    message.parsed.zones.own_text = "Hi, please send the report for project " + std::to_string(thread) +
                                    " by Friday. Could you also add the summary?";
    message.raw = "From: " + message.parsed.from.address + "\r\nMessage-ID: <" + id + ">\r\n\r\n" +
                  message.parsed.zones.own_text + "\r\n";
    message.source = "bench";
    message.client = "Client " + std::to_string(client);
    message.from_me = from_me;
    return message;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const bool keep = argc > 2;
    const std::string path = keep ? argv[2]
                                  : (std::filesystem::temp_directory_path() / "casefile-digest-bench.db").string();
    if (!keep) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
    core::FixedClock clock(kStart + 201 * kDay);
    auto store = core::Store::open(path, clock);
    if (!store) {
        std::fprintf(stderr, "digest_bench: %s\n", store.error().message.c_str());
        return 1;
    }
    auto status = store->status();
    if (status && static_cast<std::size_t>(status->messages) < count) {
        core::Identity identity;
        identity.own_addresses = {"dana@reyes-va.example"};
        for (int client = 0; client < 40; ++client) {
            identity.clients.push_back({"Client " + std::to_string(client), {}, {"client" + std::to_string(client) + ".example"}});
        }
        (void)store->save_identity(identity);
        const auto started = std::chrono::steady_clock::now();
        std::vector<core::IncomingMessage> batch;
        for (std::size_t index = 0; index < count; ++index) {
            batch.push_back(synthetic(index));
            if (batch.size() == 1000 || index + 1 == count) {
                if (auto stored = store->ingest_batch(batch); !stored) {
                    std::fprintf(stderr, "digest_bench: %s\n", stored.error().message.c_str());
                    return 1;
                }
                batch.clear();
            }
        }
        // One event in ten messages, as detection would leave them.
        auto threads = store->threads(std::nullopt);
        std::vector<core::NewEvent> events;
        for (std::size_t index = 0; threads && index < threads->size(); index += 10) {
            core::NewEvent event;
            event.message_row = (*threads)[index].row;
            event.category = index % 20 ? "deadline_set" : "scope_add";
            event.evidence = "please send the report by Friday.";
            event.span_end = static_cast<std::int64_t>(event.evidence.size());
            if (event.category == "deadline_set") event.due = "2025-12-19";
            event.rule_id = "bench";
            event.confidence = 0.8;
            events.push_back(std::move(event));
        }
        (void)store->add_events(events);
        std::printf("built a store of %zu messages and %zu events in %.1f s\n", count, events.size(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }

    const core::TimeZone zone("America/Chicago", -6 * 3600, {},
                              core::parse_posix_zone_rule("CST6CDT,M3.2.0,M11.1.0"));
    const core::DigestWindow window =
        core::digest_window((kStart + 199 * kDay) / kDay, 450, zone);
    core::DigestQuery query;
    query.window_start = window.start;
    query.window_end = window.end;
    query.zone = zone;
    std::vector<double> seconds;
    std::size_t bytes = 0;
    for (int run = 0; run < 5; ++run) {
        const auto started = std::chrono::steady_clock::now();
        auto data = store->digest_data(query);
        if (!data) {
            std::fprintf(stderr, "digest_bench: %s\n", data.error().message.c_str());
            return 1;
        }
        data->day_label = window.day_label;
        const core::DigestText text = core::compose_digest(*data);
        bytes = text.text.size() + text.html.size();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("digest for %s over %zu messages: median %.3f s (min %.3f, max %.3f), %zu bytes of text+HTML\n",
                window.day_text.c_str(), count, seconds[2], seconds.front(), seconds.back(), bytes);
    if (!keep) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
    return 0;
}
