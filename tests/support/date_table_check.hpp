// The row of a table-driven date test and the check every date table runs:
// each sentence holds exactly one expression, resolved against its
// reference moment, or none at all.
#pragma once

#include <gtest/gtest.h>

#include <span>
#include <string>

#include "core/date_expression.hpp"

namespace casefile::core {

struct DateCase {
    const char* sentence;
    const char* reference;
    const char* kind;  // "none": the sentence must yield nothing
    const char* value;
    const char* end_value;
};

// Checks every row (a failure names the sentence, what was wanted and what
// was found) and records how many passed as the test's "passed" property.
inline void check_date_table(std::span<const DateCase> cases) {
    int passed = 0;
    for (const DateCase& c : cases) {
        const auto reference = parse_iso8601(c.reference);
        ASSERT_TRUE(reference.has_value()) << c.reference;
        const auto found = find_dates(c.sentence, *reference);
        std::string got;
        for (const auto& e : found) {
            got += "[" + e.text + " " + std::string(date_kind_name(e.kind)) + " " + e.value + " " +
                   e.end_value + "] ";
        }
        if (std::string(c.kind) == "none") {
            EXPECT_TRUE(found.empty()) << c.sentence << " -> " << got;
            passed += found.empty() ? 1 : 0;
            continue;
        }
        const bool ok = found.size() == 1 && date_kind_name(found[0].kind) == c.kind &&
                        found[0].value == c.value && found[0].end_value == c.end_value;
        EXPECT_TRUE(ok) << c.sentence << " @ " << c.reference << ": want " << c.kind << " " << c.value
                        << " " << c.end_value << ", got " << got;
        passed += ok ? 1 : 0;
    }
    ::testing::Test::RecordProperty("passed", passed);
}

}  // namespace casefile::core
