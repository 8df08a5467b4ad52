// Sets of message numbers or UIDs (RFC 3501 §9 sequence-set) and the
// responses that carry them: SEARCH (§7.2.5), ESEARCH (RFC 4731) and
// VANISHED (RFC 7162 §3.2.10).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

// first <= last, both non-zero.
struct NumberRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;

    bool operator==(const NumberRange&) const = default;
};

// Sorted, non-overlapping, non-adjacent ranges covering `numbers`, which
// may be in any order and hold duplicates. Zeros are dropped (no message
// has number or UID 0).
std::vector<NumberRange> to_ranges(std::vector<std::uint32_t> numbers);

// "1:5,7,9:12" -> {1,5},{7,7},{9,12}, sorted and merged. "12:9" is 9..12
// (§9: the order of a range's ends does not matter). Fails on '*' (it has
// no meaning in a server's answer), on 0, on numbers over 32 bits and on
// anything that is not a sequence set.
core::Result<std::vector<NumberRange>> parse_sequence_set(std::string_view text);

// Every number in `ranges`, ascending. Fails instead of allocating when
// that would be more than `max_count` numbers ("1:4294967295" is 16 GB).
core::Result<std::vector<std::uint32_t>> expand(const std::vector<NumberRange>& ranges,
                                                std::size_t max_count = 10'000'000);

// How many numbers `ranges` cover.
std::uint64_t count(const std::vector<NumberRange>& ranges);

// The answer to SEARCH / UID SEARCH (a list of numbers) or to a search with
// RETURN options answered by ESEARCH (RFC 4731 §3.1).
struct SearchResult {
    std::string tag;   // ESEARCH (TAG "A0004") correlator; empty for SEARCH
    bool uid = false;  // ESEARCH ... UID: the numbers are UIDs. For SEARCH
                       // the command (UID SEARCH or not) tells.
    // All matches: SEARCH's numbers or ESEARCH's ALL, sorted and merged.
    std::vector<NumberRange> matches;
    std::optional<std::uint32_t> min;  // ESEARCH MIN
    std::optional<std::uint32_t> max;  // ESEARCH MAX
    std::optional<std::uint64_t> count;  // ESEARCH COUNT
    std::optional<std::uint64_t> modseq;  // RFC 7162: (MODSEQ n) / MODSEQ n
};

// REQUIRES: a SEARCH or ESEARCH response.
core::Result<SearchResult> parse_search(const Response& response);

// "* VANISHED (EARLIER) 41,43:116" (RFC 7162 §3.2.10): the UIDs gone.
struct Vanished {
    bool earlier = false;
    std::vector<NumberRange> uids;
};

core::Result<Vanished> parse_vanished(const Response& response);

}  // namespace casefile::parsers::imap
