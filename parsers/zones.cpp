// Zoning works on lines in three steps:
//  1. find the "tail": the first line from which everything below is an
//     earlier message (a forward marker, an Outlook or Lotus Notes header
//     block, or a dated attribution not followed by '>' lines);
//  2. above the tail, '>' lines and the attribution lines that introduce
//     them are quoted, everything else is the sender's own text — this keeps
//     interleaved answers between quoted questions in the own text;
//  3. the signature is looked for in the last stretch of own text only.
// Each line is classified once and the lookaheads are bounded, so the whole
// split is linear in the size of the text.
#include "parsers/zones.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "parsers/quote_markers.hpp"
#include "parsers/zone_signature.hpp"

namespace casefile::parsers {
namespace {

enum class Zone : unsigned char { blank, own, quoted, signature };

struct Lines {
    std::vector<std::string_view> text;  // without the line end
    std::vector<Zone> zone;

    std::size_t size() const { return text.size(); }
};

Lines split_lines(std::string_view text) {
    Lines lines;
    lines.text.reserve(text.size() / 40 + 1);
    while (!text.empty()) {
        std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.text.push_back(line);
    }
    lines.zone.reserve(lines.text.size());
    for (std::string_view line : lines.text) {
        if (is_blank_line(line)) {
            lines.zone.push_back(Zone::blank);
        } else {
            lines.zone.push_back(is_quoted_line(line) ? Zone::quoted : Zone::own);
        }
    }
    return lines;
}

std::size_t next_non_blank(const Lines& lines, std::size_t from) {
    while (from < lines.size() && lines.zone[from] == Zone::blank) ++from;
    return from;
}

// How many header lines an Outlook / Gmail / Notes header block may span,
// counting wrapped recipient lists and the blank lines Notes puts in it.
constexpr std::size_t header_block_window = 14;

// Which header labels appear in the lines after `first`, up to the window
// or the first quoted line.
struct HeaderSeen {
    bool sent = false, to = false, cc = false, subject = false;
};

HeaderSeen headers_after(const Lines& lines, std::size_t first) {
    HeaderSeen seen;
    const std::size_t limit = std::min(lines.size(), first + 1 + header_block_window);
    for (std::size_t i = first + 1; i < limit; ++i) {
        if (lines.zone[i] == Zone::blank) continue;
        if (lines.zone[i] == Zone::quoted) break;
        switch (header_key(trim_line(lines.text[i]))) {
            case HeaderKey::sent:
                seen.sent = true;
                break;
            case HeaderKey::to:
                seen.to = true;
                break;
            case HeaderKey::cc:
                seen.cc = true;
                break;
            case HeaderKey::subject:
                seen.subject = true;
                break;
            case HeaderKey::from:
            case HeaderKey::none:
                break;
        }
    }
    return seen;
}

// True when some line before `index` is the client's own text.
bool has_own_line_before(const Lines& lines, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        if (lines.zone[i] == Zone::own) return true;
    }
    return false;
}

// Outlook writes a rule of underscores above its header block; it belongs to
// the quoted message, not to the reply.
std::size_t include_rule_above(const Lines& lines, std::size_t start) {
    std::size_t above = start;
    for (int blanks = 0; above > 0 && blanks <= 2; ++blanks) {
        --above;
        if (lines.zone[above] != Zone::blank) {
            return is_rule_line(trim_line(lines.text[above])) && lines.zone[above] == Zone::own
                       ? above
                       : start;
        }
    }
    return start;
}

// Joins an attribution that the client wrapped over up to three lines and
// returns how many lines it spans (0 when there is none).
std::size_t wrapped_attribution(const Lines& lines, std::size_t first, Attribution& kind) {
    std::string joined(trim_line(lines.text[first]));
    for (std::size_t next = first + 1; next < lines.size() && next < first + 3; ++next) {
        if (lines.zone[next] != Zone::own) return 0;
        joined += ' ';
        joined += trim_line(lines.text[next]);
        kind = attribution_kind(joined);
        if (kind != Attribution::none) return next - first + 1;
    }
    return 0;
}

// Step 1 and 2: marks attribution lines quoted and returns the tail start.
std::size_t find_tail(Lines& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines.zone[i] != Zone::own) continue;
        const std::string_view trimmed = trim_line(lines.text[i]);
        if (is_forward_marker(trimmed)) return i;

        Attribution kind = attribution_kind(trimmed);
        std::size_t span = kind == Attribution::none ? 0 : 1;
        if (span == 0 && may_open_wrapped_attribution(trimmed)) {
            span = wrapped_attribution(lines, i, kind);
        }
        if (span > 0) {
            const std::size_t after = next_non_blank(lines, i + span);
            if (after < lines.size() && lines.zone[after] == Zone::quoted) {
                for (std::size_t k = i; k < i + span; ++k) lines.zone[k] = Zone::quoted;
                i += span - 1;
                continue;
            }
            if (kind == Attribution::strong) return i;
            continue;
        }

        const HeaderKey key = header_key(trimmed);
        if (key == HeaderKey::from) {
            const HeaderSeen seen = headers_after(lines, i);
            if (int{seen.sent} + int{seen.to} + int{seen.subject} >= 2) {
                return include_rule_above(lines, i);
            }
        } else if (key == HeaderKey::to && has_own_line_before(lines, i)) {
            // A reply written above an earlier message whose From line the
            // client's program dropped or put mid-line: Lotus Notes pastes
            // "To: / cc: / Subject:" under an embedded-image box or "Enron
            // Energy Services  From: David W Delainey". At the very top of a
            // mail the block is the message's own memo heading ("To: All
            // Enron Employees"), which stays.
            const HeaderSeen seen = headers_after(lines, i);
            if (seen.subject) return i;
        } else if (key == HeaderKey::none && is_notes_sender_line(trimmed)) {
            // "Jane Doe/HOU/ECT@ECT on 03/15/2001 10:00 AM" then To:, cc:, Subject:.
            const HeaderSeen seen = headers_after(lines, i);
            if (seen.to && (seen.cc || seen.subject)) return include_rule_above(lines, i);
        }
    }
    return lines.size();
}

void mark_signature(Lines& lines, std::size_t tail) {
    // The stretch ends at the last own line above the tail and starts after
    // the quoted line before it.
    std::size_t end = tail;
    while (end > 0 && lines.zone[end - 1] != Zone::own) --end;
    if (end == 0) return;
    std::size_t start = end - 1;
    while (start > 0 && lines.zone[start - 1] != Zone::quoted) --start;
    const std::span<const std::string_view> stretch(lines.text.data() + start, end - start);
    const std::size_t signature = start + find_signature_start(stretch);
    for (std::size_t i = signature; i < end; ++i) {
        if (lines.zone[i] == Zone::own) lines.zone[i] = Zone::signature;
    }
}

// Appends the lines of one zone: blank lines between two of its lines are
// kept when nothing else came between them, and a single blank line stands
// for a stretch of another zone (an interleaved quote).
class ZoneWriter {
  public:
    explicit ZoneWriter(std::string& out) : out_(out) {}

    void add(const Lines& lines, std::size_t index) {
        if (last_ != none_) {
            bool interrupted = false;
            for (std::size_t k = last_ + 1; k < index && !interrupted; ++k) {
                interrupted = lines.zone[k] != Zone::blank;
            }
            out_ += '\n';
            if (interrupted) {
                out_ += '\n';
            } else {
                for (std::size_t k = last_ + 1; k < index; ++k) out_ += '\n';
            }
        }
        out_ += lines.text[index];
        last_ = index;
    }

  private:
    static constexpr std::size_t none_ = static_cast<std::size_t>(-1);
    std::string& out_;
    std::size_t last_ = none_;
};

}  // namespace

core::TextZones split_zones(std::string_view text) {
    Lines lines = split_lines(text);
    const std::size_t tail = find_tail(lines);
    for (std::size_t i = tail; i < lines.size(); ++i) {
        if (lines.zone[i] != Zone::blank) lines.zone[i] = Zone::quoted;
    }
    mark_signature(lines, tail);

    core::TextZones zones;
    ZoneWriter own(zones.own_text);
    ZoneWriter quoted(zones.quoted_text);
    ZoneWriter signature(zones.signature);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        switch (lines.zone[i]) {
            case Zone::own:
                own.add(lines, i);
                break;
            case Zone::quoted:
                quoted.add(lines, i);
                break;
            case Zone::signature:
                signature.add(lines, i);
                break;
            case Zone::blank:
                break;
        }
    }
    return zones;
}

}  // namespace casefile::parsers
