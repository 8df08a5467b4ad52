#include "daemon/progress.hpp"

#include <unistd.h>

namespace casefile::daemon {

Progress::Progress(std::string label, std::uint64_t total_bytes, std::FILE* out)
    : label_(std::move(label)),
      total_bytes_(total_bytes),
      out_(out),
      terminal_(::isatty(::fileno(out)) != 0),
      last_draw_(std::chrono::steady_clock::now()),
      started_(last_draw_) {}

void Progress::update(std::uint64_t bytes_done, std::uint64_t messages_done) {
    const auto now = std::chrono::steady_clock::now();
    const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(5);
    if (now - last_draw_ < interval) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(messages_done) / seconds : 0.0;
    const int percent =
        total_bytes_ > 0 ? static_cast<int>(100.0 * static_cast<double>(bytes_done) /
                                            static_cast<double>(total_bytes_))
                         : 0;
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = percent * kWidth / 100;
        std::fprintf(out_, "\r%s [%.*s%*s] %3d%%  %llu messages  %.0f/s ", label_.c_str(), filled,
                     "##############################", kWidth - filled, "", percent,
                     static_cast<unsigned long long>(messages_done), rate);
        drawn_ = true;
    } else {
        std::fprintf(out_, "%s: %d%%, %llu messages, %.0f messages/s\n", label_.c_str(), percent,
                     static_cast<unsigned long long>(messages_done), rate);
    }
    std::fflush(out_);
}

void Progress::finish() {
    if (terminal_ && drawn_) std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
}

}  // namespace casefile::daemon
