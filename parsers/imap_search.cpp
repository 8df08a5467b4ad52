#include "parsers/imap_search.hpp"

#include <algorithm>

#include "parsers/imap_response_parser.hpp"

namespace casefile::parsers::imap {
namespace {

std::optional<std::uint32_t> parse_nz_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 10) return std::nullopt;
    std::uint64_t number = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (number == 0 || number > UINT32_MAX) return std::nullopt;
    return static_cast<std::uint32_t>(number);
}

// Sort by first and merge ranges that overlap or touch.
std::vector<NumberRange> normalise(std::vector<NumberRange> ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const NumberRange& a, const NumberRange& b) { return a.first < b.first; });
    std::vector<NumberRange> merged;
    for (const NumberRange& range : ranges) {
        if (!merged.empty() && range.first <= std::uint64_t{merged.back().last} + 1) {
            merged.back().last = std::max(merged.back().last, range.last);
        } else {
            merged.push_back(range);
        }
    }
    return merged;
}

core::Unexpected search_error(const Response& response, std::string_view what) {
    return core::fail("IMAP: " + std::string(what) + ": " + describe(response).substr(0, 200));
}

// RFC 7162 §3.1.5: "(MODSEQ n)" at the end of a SEARCH response.
bool take_modseq_list(const Value& value, SearchResult& result) {
    if (!value.is_list() || value.items.size() != 2 || !value.items[0].is_atom("MODSEQ") ||
        !value.items[1].is_number()) {
        return false;
    }
    result.modseq = value.items[1].number;
    return true;
}

core::Result<SearchResult> parse_esearch(const Response& response) {
    SearchResult result;
    const std::vector<Value>& values = response.values;
    std::size_t i = 0;
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    if (i < values.size() && values[i].is_list()) {
        const Value& correlator = values[i];
        if (correlator.items.size() != 2 || !correlator.items[0].is_atom("TAG") ||
            !correlator.items[1].is_astring()) {
            return search_error(response, "ESEARCH correlator is not (TAG \"...\")");
        }
        result.tag = correlator.items[1].text;
        ++i;
    }
    if (i < values.size() && values[i].is_atom("UID")) {
        result.uid = true;
        ++i;
    }
    for (; i < values.size(); i += 2) {
        if (i + 1 >= values.size() || !values[i].is_atom()) {
            return search_error(response, "ESEARCH return item without a value");
        }
        const std::string name = to_upper(values[i].text);
        const Value& value = values[i + 1];
        if (name == "ALL") {
            auto ranges = parse_sequence_set(value.astring_text());
            if (!ranges) return core::Unexpected(std::move(ranges.error()));
            result.matches = std::move(*ranges);
        } else if (name == "MIN" || name == "MAX") {
            const std::optional<std::uint32_t> number = to_uint32(value);
            if (!number) return search_error(response, "ESEARCH MIN/MAX is not a number");
            (name == "MIN" ? result.min : result.max) = number;
        } else if (name == "COUNT" || name == "MODSEQ") {
            if (!value.is_number()) return search_error(response, "ESEARCH COUNT is not a number");
            (name == "COUNT" ? result.count : result.modseq) = value.number;
        }
        // Other return data (RFC 5267 PARTIAL, ...) is not requested by us.
    }
    return result;
}

}  // namespace

std::vector<NumberRange> to_ranges(std::vector<std::uint32_t> numbers) {
    std::sort(numbers.begin(), numbers.end());
    std::vector<NumberRange> ranges;
    for (const std::uint32_t number : numbers) {
        if (number == 0) continue;
        if (!ranges.empty() && number <= std::uint64_t{ranges.back().last} + 1) {
            ranges.back().last = std::max(ranges.back().last, number);
        } else {
            ranges.push_back({number, number});
        }
    }
    return ranges;
}

core::Result<std::vector<NumberRange>> parse_sequence_set(std::string_view text) {
    std::vector<NumberRange> ranges;
    const std::string_view original = text;
    while (true) {
        const std::size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        const std::size_t colon = item.find(':');
        const auto first = parse_nz_number(item.substr(0, colon));
        const auto last =
            colon == std::string_view::npos ? first : parse_nz_number(item.substr(colon + 1));
        if (!first || !last) {
            return core::fail("IMAP: not a sequence set: \"" +
                              sanitise_excerpt(original) + "\"");
        }
        ranges.push_back({std::min(*first, *last), std::max(*first, *last)});
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return normalise(std::move(ranges));
}

std::uint64_t count(const std::vector<NumberRange>& ranges) {
    std::uint64_t total = 0;
    for (const NumberRange& range : ranges) total += std::uint64_t{range.last} - range.first + 1;
    return total;
}

core::Result<std::vector<std::uint32_t>> expand(const std::vector<NumberRange>& ranges,
                                                std::size_t max_count) {
    const std::uint64_t total = count(ranges);
    if (total > max_count) {
        return core::fail("IMAP: set of " + std::to_string(total) + " numbers is larger than " +
                          std::to_string(max_count));
    }
    std::vector<std::uint32_t> numbers;
    numbers.reserve(static_cast<std::size_t>(total));
    for (const NumberRange& range : ranges) {
        for (std::uint64_t n = range.first; n <= range.last; ++n) {
            numbers.push_back(static_cast<std::uint32_t>(n));
        }
    }
    return numbers;
}

core::Result<SearchResult> parse_search(const Response& response) {
    if (response.is_data() && response.name == "ESEARCH") return parse_esearch(response);
    if (!response.is_data() || response.name != "SEARCH") {
        return search_error(response, "not a SEARCH response");
    }
    // §7.2.5: "SEARCH" *(SP nz-number)
    SearchResult result;
    std::vector<std::uint32_t> numbers;
    numbers.reserve(response.values.size());
    for (const Value& value : response.values) {
        if (take_modseq_list(value, result)) continue;
        const std::optional<std::uint32_t> number = to_uint32(value);
        if (!number || *number == 0) return search_error(response, "SEARCH result is not a number");
        numbers.push_back(*number);
    }
    result.matches = to_ranges(std::move(numbers));
    return result;
}

core::Result<Vanished> parse_vanished(const Response& response) {
    if (!response.is_data() || response.name != "VANISHED") {
        return search_error(response, "not a VANISHED response");
    }
    Vanished vanished;
    std::size_t i = 0;
    if (i < response.values.size() && response.values[i].is_list()) {
        const Value& tag = response.values[i];
        vanished.earlier = tag.items.size() == 1 && tag.items[0].is_atom("EARLIER");
        ++i;
    }
    if (i + 1 != response.values.size()) return search_error(response, "VANISHED needs one UID set");
    auto uids = parse_sequence_set(response.values[i].astring_text());
    if (!uids) return core::Unexpected(std::move(uids.error()));
    vanished.uids = std::move(*uids);
    return vanished;
}

}  // namespace casefile::parsers::imap
