// date_bench [FILE...]: find_dates throughput over ~3 KB messages, the size
// of a typical business mail's own text. Without files it builds a synthetic
// set from client sentences mixed with plain prose; with files, each file is
// one message. Prints expressions/second and messages/second on one core.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date_expression.hpp"

namespace {

constexpr const char* kSentences[] = {
    "Hi Dana, could you please send the updated deck by Friday at 3pm?",
    "Thanks for the notes from our call on Tuesday, they were really helpful.",
    "We spent about 3/4 of the budget already, so let's keep an eye on costs.",
    "Can we push the review from Thursday to next Wednesday?",
    "I need the Q3 numbers by EOD tomorrow, ideally before the board meeting.",
    "The invoice INV-2025-0042 for $1,250.00 is attached; payment terms are net 30.",
    "Let me know if you have any questions, happy to jump on a call.",
    "Also, one more thing: please add the March figures to the summary too.",
    "The conference runs March 3-7 and I'll be mostly offline, so ASAP is not possible.",
    "Version 2.0 of the template is in the shared folder under /clients/acme/2025.",
    "Please reply within 48 hours or at your earliest convenience.",
    "Our office is closed between Dec 24 and Jan 2, back on the 3rd.",
    "You may send the draft whenever it is ready; there is no rush on this one.",
    "Call me at 555-123-4567 if anything comes up, I'm free 2-4pm most days.",
    "Best regards, Bob Smith, Head of Operations, Acme Corporation, 123 Main Street.",
    "I was wondering whether the onboarding checklist could be simplified a bit.",
    "The meeting notes are in the usual place and the recording is linked below.",
    "We should probably think about the long-term plan for the newsletter as well.",
};

std::vector<std::string> synthetic_messages(std::size_t count) {
    std::vector<std::string> messages;
    std::size_t next = 0;
    for (std::size_t m = 0; m < count; ++m) {
        std::string message;
        while (message.size() < 3000) {
            message += kSentences[next % std::size(kSentences)];
            message += (next % 5 == 4) ? "\n\n" : " ";
            next = next * 7 + 3;  // a cheap shuffle so messages differ
            next %= 1000003;
        }
        messages.push_back(std::move(message));
    }
    return messages;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> messages;
    for (int i = 1; i < argc; ++i) {
        std::ifstream file(argv[i], std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "date_bench: cannot read %s\n", argv[i]);
            return 1;
        }
        std::ostringstream contents;
        contents << file.rdbuf();
        messages.push_back(contents.str());
    }
    if (messages.empty()) messages = synthetic_messages(2000);

    const casefile::core::Timestamp reference{1741788000, -300};  // 2025-03-12T09:00:00-05:00
    std::size_t bytes = 0;
    for (const auto& message : messages) bytes += message.size();

    // Several passes so that short runs are not all warm-up.
    const int passes = argc > 1 ? 1 : 10;
    std::size_t expressions = 0;
    const auto begin = std::chrono::steady_clock::now();
    for (int pass = 0; pass < passes; ++pass) {
        for (const auto& message : messages) {
            expressions += casefile::core::find_dates(message, reference).size();
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    const double total_messages = static_cast<double>(messages.size()) * passes;
    std::printf("messages: %.0f (%.0f bytes average), expressions: %zu, time: %.3f s\n",
                total_messages, static_cast<double>(bytes) / static_cast<double>(messages.size()),
                expressions, seconds);
    std::printf("%.0f messages/second, %.0f expressions/second, %.1f MB/s\n", total_messages / seconds,
                static_cast<double>(expressions) / seconds,
                static_cast<double>(bytes) * passes / seconds / 1e6);
    return 0;
}
