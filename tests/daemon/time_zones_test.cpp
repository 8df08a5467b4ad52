// Time zones from the system's tzdata, checked against glibc's own reading of
// the same files (localtime_r / mktime under TZ=), over a century of moments,
// DST changes in both hemispheres, and the POSIX rules past the last
// transition of the files.
#include "daemon/time_zones.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/timestamp.hpp"
#include "parsers/tzif.hpp"
#include "support/expect_ok.hpp"

namespace casefile::daemon {
namespace {

class GlibcZone {
public:
    explicit GlibcZone(const std::string& name) {
        const char* old = std::getenv("TZ");
        if (old) saved_ = old;
        had_ = old != nullptr;
        ::setenv("TZ", name.c_str(), 1);
        ::tzset();
    }
    ~GlibcZone() {
        if (had_) {
            ::setenv("TZ", saved_.c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    GlibcZone(const GlibcZone&) = delete;
    GlibcZone& operator=(const GlibcZone&) = delete;

    static long offset_at(std::int64_t unix_seconds) {
        const std::time_t moment = static_cast<std::time_t>(unix_seconds);
        std::tm local{};
        ::localtime_r(&moment, &local);
        return local.tm_gmtoff;
    }

private:
    std::string saved_;
    bool had_ = false;
};

const char* const kZones[] = {"America/Chicago", "America/New_York", "Europe/Berlin",
                              "Europe/London",   "Australia/Sydney", "Pacific/Auckland",
                              "Asia/Kolkata",    "America/Sao_Paulo", "Asia/Tehran",
                              "America/St_Johns", "Africa/Casablanca", "Pacific/Chatham"};

bool have_tzdata() {
    auto zone = load_time_zone("America/Chicago");
    return zone.has_value();
}

TEST(TimeZones, OffsetsMatchGlibcFrom1950To2100) {
    if (!have_tzdata()) GTEST_SKIP() << "tzdata is not installed";
    for (const char* name : kZones) {
        SCOPED_TRACE(name);
        auto zone = load_time_zone(name);
        ASSERT_OK(zone);
        GlibcZone glibc(name);
        int mismatches = 0;
        // Every 7 h 13 min: lands on every hour of the day and every weekday.
        for (std::int64_t moment = -631152000; moment < 4102444800; moment += 7 * 3600 + 13 * 60) {
            const long expected = GlibcZone::offset_at(moment);
            if (zone->offset_seconds_at(moment) != expected && ++mismatches <= 3) {
                ADD_FAILURE() << "at " << moment << ": " << zone->offset_seconds_at(moment)
                              << " != glibc " << expected;
            }
        }
        EXPECT_EQ(mismatches, 0);
    }
}

TEST(TimeZones, ChicagoDstDays) {
    if (!have_tzdata()) GTEST_SKIP() << "tzdata is not installed";
    auto chicago = load_time_zone("America/Chicago");
    ASSERT_OK(chicago);
    const auto local = [](int year, unsigned month, unsigned day, int hour, int minute) {
        return core::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
    };
    // 2026-03-08: 02:00 CST becomes 03:00 CDT (08:00 UTC).
    EXPECT_EQ(chicago->to_utc(local(2026, 3, 8, 1, 59)), local(2026, 3, 8, 7, 59));
    EXPECT_EQ(chicago->to_utc(local(2026, 3, 8, 3, 0)), local(2026, 3, 8, 8, 0));
    // 02:30 never happens that day: a wall clock shows 03:30.
    EXPECT_EQ(chicago->to_utc(local(2026, 3, 8, 2, 30)), local(2026, 3, 8, 8, 30));
    // 2026-11-01: 01:30 happens twice; the first is 06:30 UTC (CDT).
    EXPECT_EQ(chicago->to_utc(local(2026, 11, 1, 1, 30)), local(2026, 11, 1, 6, 30));
    EXPECT_EQ(chicago->to_utc(local(2026, 11, 1, 7, 30)), local(2026, 11, 1, 13, 30));
    EXPECT_EQ(chicago->offset_minutes_at(local(2026, 7, 1, 12, 0)), -300);
    EXPECT_EQ(chicago->offset_minutes_at(local(2026, 1, 1, 12, 0)), -360);
    // Past the file's transitions (2037) the POSIX footer rule takes over.
    EXPECT_EQ(chicago->offset_minutes_at(local(2090, 7, 1, 12, 0)), -300);
    EXPECT_EQ(chicago->offset_minutes_at(local(2090, 12, 1, 12, 0)), -360);
}

TEST(TimeZones, ToUtcMatchesMktimeOutsideGapsAndOverlaps) {
    if (!have_tzdata()) GTEST_SKIP() << "tzdata is not installed";
    for (const char* name : {"Europe/Berlin", "Australia/Sydney", "America/New_York"}) {
        SCOPED_TRACE(name);
        auto zone = load_time_zone(name);
        ASSERT_OK(zone);
        GlibcZone glibc(name);
        for (std::int64_t moment = 1577836800; moment < 1893456000; moment += 5 * 3600 + 7 * 60) {
            const std::int64_t wall = zone->to_local(moment);
            // Skip the two hours around a change, where the answer is a choice.
            if (zone->offset_seconds_at(moment - 7200) != zone->offset_seconds_at(moment + 7200)) {
                continue;
            }
            EXPECT_EQ(zone->to_utc(wall), moment);
        }
    }
}

TEST(TimeZones, UtcNeedsNoFiles) {
    ::setenv("TZDIR", "/nonexistent", 1);
    auto utc = load_time_zone("UTC");
    ::unsetenv("TZDIR");
    ASSERT_OK(utc);
    EXPECT_EQ(utc->offset_seconds_at(1764633600), 0);
    EXPECT_EQ(utc->to_utc(1764633600), 1764633600);
}

TEST(TimeZones, UnknownAndHostileNamesAreRefused) {
    for (const char* name : {"Mars/Olympus_Mons", "../../etc/passwd", "/etc/passwd", ""}) {
        auto zone = load_time_zone(name);
        ASSERT_FALSE(zone) << name;
        EXPECT_NE(zone.error().message.find("time zone"), std::string::npos) << zone.error().message;
    }
}

TEST(Tzif, TruncatedAndForeignBytesFailCleanly) {
    EXPECT_FALSE(parsers::parse_tzif("", "X"));
    EXPECT_FALSE(parsers::parse_tzif("not a zone file at all, just text........................",
                                     "X"));
    std::string header = "TZif2";
    header.resize(44, '\0');
    header[43] = 1;  // one character of abbreviations, no types: refused
    EXPECT_FALSE(parsers::parse_tzif(header, "X"));
    if (!have_tzdata()) return;
    std::FILE* file = std::fopen((zoneinfo_directory() + "/Europe/Berlin").c_str(), "rb");
    ASSERT_NE(file, nullptr);
    std::string bytes(1 << 16, '\0');
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file));
    std::fclose(file);
    ASSERT_TRUE(parsers::parse_tzif(bytes, "Europe/Berlin"));
    for (std::size_t cut = 0; cut + 1 < bytes.size(); cut += 7) {
        (void)parsers::parse_tzif(std::string_view(bytes).substr(0, cut), "cut");
    }
}

TEST(PosixZoneRule, ParsesFootersOfBothHemispheres) {
    auto chicago = core::parse_posix_zone_rule("CST6CDT,M3.2.0,M11.1.0");
    ASSERT_TRUE(chicago);
    EXPECT_EQ(chicago->standard_offset_seconds, -6 * 3600);
    EXPECT_EQ(chicago->dst_offset_seconds, -5 * 3600);
    EXPECT_EQ(chicago->dst_start.month, 3);
    EXPECT_EQ(chicago->dst_start.week, 2);

    auto sydney = core::parse_posix_zone_rule("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ASSERT_TRUE(sydney);
    EXPECT_EQ(sydney->standard_offset_seconds, 10 * 3600);
    EXPECT_EQ(sydney->dst_end.time_seconds, 3 * 3600);
    core::TimeZone zone("Sydney", 10 * 3600, {}, sydney);
    // January is summer (DST) in Sydney, July is not.
    EXPECT_EQ(zone.offset_seconds_at(1767225600), 11 * 3600);  // 2026-01-01
    EXPECT_EQ(zone.offset_seconds_at(1782864000), 10 * 3600);  // 2026-07-01

    auto kolkata = core::parse_posix_zone_rule("IST-5:30");
    ASSERT_TRUE(kolkata);
    EXPECT_EQ(kolkata->standard_offset_seconds, 5 * 3600 + 30 * 60);
    EXPECT_FALSE(kolkata->dst_offset_seconds);

    auto numbered = core::parse_posix_zone_rule("<-03>3");
    ASSERT_TRUE(numbered);
    EXPECT_EQ(numbered->standard_offset_seconds, -3 * 3600);

    EXPECT_FALSE(core::parse_posix_zone_rule(""));
    EXPECT_FALSE(core::parse_posix_zone_rule("CST6CDT"));
    EXPECT_FALSE(core::parse_posix_zone_rule("CST6CDT,M13.2.0,M11.1.0"));
    EXPECT_FALSE(core::parse_posix_zone_rule("X"));
}

}  // namespace
}  // namespace casefile::daemon
