#include "parsers/tzif.hpp"

#include <cstdint>
#include <vector>

namespace casefile::parsers {
namespace {

// The six counts of an RFC 8536 §3.1 header.
struct Counts {
    std::uint32_t is_ut = 0;
    std::uint32_t is_standard = 0;
    std::uint32_t leap = 0;
    std::uint32_t time = 0;
    std::uint32_t type = 0;
    std::uint32_t characters = 0;
};

constexpr std::size_t kHeaderSize = 44;

class Cursor {
public:
    explicit Cursor(std::string_view bytes) : bytes_(bytes) {}

    bool has(std::size_t count) const { return bytes_.size() - position_ >= count; }
    std::size_t position() const { return position_; }
    void skip(std::size_t count) { position_ += count; }
    std::string_view rest() const { return bytes_.substr(position_); }

    std::uint8_t byte() { return static_cast<std::uint8_t>(bytes_[position_++]); }
    std::int64_t signed_big_endian(std::size_t width) {
        std::uint64_t value = 0;
        for (std::size_t index = 0; index < width; ++index) value = (value << 8) | byte();
        if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }

private:
    std::string_view bytes_;
    std::size_t position_ = 0;
};

core::Result<Counts> read_header(Cursor& cursor, const std::string& name) {
    if (!cursor.has(kHeaderSize) || cursor.rest().substr(0, 4) != "TZif") {
        return core::fail("the time zone file for " + name + " is not a TZif file");
    }
    cursor.skip(20);  // magic, version, 15 reserved bytes
    Counts counts;
    for (std::uint32_t* field : {&counts.is_ut, &counts.is_standard, &counts.leap, &counts.time,
                                 &counts.type, &counts.characters}) {
        *field = static_cast<std::uint32_t>(cursor.signed_big_endian(4));
    }
    if (counts.type == 0 || counts.type > 256) {
        return core::fail("the time zone file for " + name + " has no usable local time types");
    }
    return counts;
}

std::uint64_t data_size(const Counts& counts, std::size_t time_width) {
    return std::uint64_t{counts.time} * time_width + counts.time +
           std::uint64_t{counts.type} * 6 + counts.characters +
           std::uint64_t{counts.leap} * (time_width + 4) + counts.is_standard + counts.is_ut;
}

}  // namespace

core::Result<core::TimeZone> parse_tzif(std::string_view bytes, const std::string& name) {
    Cursor cursor(bytes);
    auto counts = read_header(cursor, name);
    if (!counts) return core::Unexpected(counts.error());
    const char version = bytes[4];
    std::size_t time_width = 4;
    if (version >= '2') {
        // Skip the 32-bit block: the 64-bit one after it covers every moment.
        const std::uint64_t skipped = data_size(*counts, 4);
        if (!cursor.has(skipped)) return core::fail("the time zone file for " + name + " is truncated");
        cursor.skip(static_cast<std::size_t>(skipped));
        counts = read_header(cursor, name);
        if (!counts) return core::Unexpected(counts.error());
        time_width = 8;
    }
    if (!cursor.has(data_size(*counts, time_width))) {
        return core::fail("the time zone file for " + name + " is truncated");
    }
    std::vector<std::int64_t> times(counts->time);
    for (auto& time : times) time = cursor.signed_big_endian(time_width);
    std::vector<std::uint8_t> type_of(counts->time);
    for (auto& type : type_of) {
        type = cursor.byte();
        if (type >= counts->type) {
            return core::fail("the time zone file for " + name + " names a missing local time type");
        }
    }
    std::vector<int> offsets(counts->type);
    for (auto& offset : offsets) {
        offset = static_cast<int>(cursor.signed_big_endian(4));
        cursor.skip(2);  // isdst, abbreviation index
    }
    cursor.skip(counts->characters + std::size_t{counts->leap} * (time_width + 4) +
                counts->is_standard + counts->is_ut);

    std::vector<core::TimeZone::Transition> transitions;
    transitions.reserve(times.size());
    for (std::size_t index = 0; index < times.size(); ++index) {
        if (!transitions.empty() && times[index] <= transitions.back().at) {
            return core::fail("the time zone file for " + name + " has transitions out of order");
        }
        transitions.push_back({times[index], offsets[type_of[index]]});
    }
    // RFC 8536 §3.2: type 0 is in force before the first transition.
    std::optional<core::PosixZoneRule> rule;
    if (time_width == 8) {
        const std::string_view footer = cursor.rest();
        if (footer.size() >= 2 && footer.front() == '\n') {
            const std::size_t end = footer.find('\n', 1);
            if (end != std::string_view::npos && end > 1) {
                rule = core::parse_posix_zone_rule(std::string(footer.substr(1, end - 1)));
            }
        }
    }
    return core::TimeZone(name, offsets[0], std::move(transitions), std::move(rule));
}

}  // namespace casefile::parsers
