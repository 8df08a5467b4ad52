// The time source core logic is handed, so tests can fix "now".
#pragma once

#include <cstdint>

namespace casefile::core {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since the Unix epoch, UTC.
    virtual std::int64_t now_unix() const = 0;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t now) : now_(now) {}
    std::int64_t now_unix() const override { return now_; }
    void set(std::int64_t now) { now_ = now; }

private:
    std::int64_t now_;
};

}  // namespace casefile::core
