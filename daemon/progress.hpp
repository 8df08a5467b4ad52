// Progress for long imports and syncs: a redrawn bar on a terminal, plain
// lines every few seconds otherwise (so journald and CI logs stay readable).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace casefile::daemon {

class Progress {
public:
    // `label` names the work ("importing"); `total_bytes` may be 0 when unknown.
    Progress(std::string label, std::uint64_t total_bytes, std::FILE* out = stderr);

    void update(std::uint64_t bytes_done, std::uint64_t messages_done);
    // Clears the bar (on a terminal); the caller prints the summary.
    void finish();

private:
    std::string label_;
    std::uint64_t total_bytes_;
    std::FILE* out_;
    bool terminal_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_draw_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace casefile::daemon
