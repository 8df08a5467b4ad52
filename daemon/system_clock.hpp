#pragma once

#include <chrono>

#include "core/clock.hpp"

namespace casefile::daemon {

class SystemClock final : public core::Clock {
public:
    std::int64_t now_unix() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

}  // namespace casefile::daemon
