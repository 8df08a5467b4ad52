#include "parsers/mime_tree.hpp"

#include <algorithm>
#include <cstring>

namespace casefile::parsers {
namespace {

// Recursion is one frame per nesting level; this cap keeps a caller's
// generous limit from turning into a stack overflow.
constexpr int hard_depth_cap = 1000;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string effective_type(const std::string& declared, const std::string& default_type) {
    if (declared.empty()) return default_type;
    const std::size_t slash = declared.find('/');
    // RFC 2045 §5.2: an unusable Content-Type means text/plain.
    if (slash == std::string::npos || slash == 0 || slash + 1 == declared.size()) return "text/plain";
    return declared;
}

enum class DelimiterKind { none, part, closing };

// RFC 2046 §5.1.1: a delimiter line is "--" boundary, then "--" for the
// closing one, then only transport padding (blanks).
DelimiterKind delimiter_kind(std::string_view line, std::string_view boundary) {
    if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-' ||
        line.compare(2, boundary.size(), boundary) != 0) {
        return DelimiterKind::none;
    }
    std::string_view rest = line.substr(boundary.size() + 2);
    if (rest.starts_with("--")) return DelimiterKind::closing;  // junk after "--" tolerated
    return std::all_of(rest.begin(), rest.end(), is_blank) ? DelimiterKind::part : DelimiterKind::none;
}

// A multipart without a boundary parameter: guess it from the first line
// that looks like a delimiter, as mail clients do.
std::string guess_boundary(std::string_view body) {
    std::size_t position = 0;
    while (position < body.size()) {
        std::size_t newline = body.find('\n', position);
        if (newline == std::string_view::npos) newline = body.size();
        std::string_view line = body.substr(position, newline - position);
        while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
        if (line.size() > 2 && line.starts_with("--")) {
            line.remove_prefix(2);
            if (line.ends_with("--")) line.remove_suffix(2);
            return std::string(line);
        }
        position = newline + 1;
    }
    return {};
}

class TreeBuilder {
public:
    TreeBuilder(const MimeLimits& limits, std::vector<std::string>& warnings)
        : max_depth_(std::clamp(limits.max_depth, 0, hard_depth_cap)),
          max_parts_(limits.max_parts),
          warnings_(warnings) {}

    void build(MimePart& part, std::string_view bytes, int depth, const char* default_type) {
        part.headers = split_header_block(bytes);
        part.body = part.headers.body;
        if (const HeaderField* field = part.headers.find("Content-Type")) {
            part.content_type = parse_parameterized(field->value);
        }
        part.type = effective_type(part.content_type.value, default_type);
        if (part.is_multipart()) {
            if (depth >= max_depth_) {
                note_too_deep();
                return;
            }
            split_multipart(part, depth);
        } else if (part.is_message()) {
            if (depth >= max_depth_) {
                note_too_deep();
                return;
            }
            // Only an unencoded embedded message can be parsed in place;
            // base64 message/rfc822 (forbidden by RFC 2046 §5.2.1) stays opaque.
            const HeaderField* encoding = part.headers.find("Content-Transfer-Encoding");
            const std::string cte = encoding ? parse_parameterized(encoding->value).value : std::string();
            if (cte.empty() || cte == "7bit" || cte == "8bit" || cte == "binary") {
                if (!count_part()) return;
                part.children.emplace_back();
                build(part.children.back(), part.body, depth + 1, "text/plain");
            }
        }
    }

private:
    void split_multipart(MimePart& part, int depth) {
        std::string boundary;
        if (const std::string* declared = part.content_type.find("boundary")) boundary = *declared;
        if (boundary.empty()) {
            boundary = guess_boundary(part.body);
            if (boundary.empty()) {
                warnings_.push_back("multipart part without a boundary; its body is read as text");
                part.type = "text/plain";
                return;
            }
            warnings_.push_back("multipart part without a boundary parameter; boundary guessed");
        }
        const char* child_default = part.type == "multipart/digest" ? "message/rfc822" : "text/plain";
        const std::string_view body = part.body;
        const char* const data = body.data();
        std::size_t position = 0;
        std::size_t part_start = std::string_view::npos;
        bool closed = false;
        while (position < body.size()) {
            const void* found = std::memchr(data + position, '\n', body.size() - position);
            const std::size_t newline =
                found ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : body.size();
            std::size_t line_end = newline;
            if (line_end > position && body[line_end - 1] == '\r') --line_end;
            const DelimiterKind kind =
                body[position] == '-' ? delimiter_kind(body.substr(position, line_end - position), boundary)
                                      : DelimiterKind::none;
            const std::size_t next = newline == body.size() ? newline : newline + 1;
            if (kind == DelimiterKind::none) {
                position = next;
                continue;
            }
            if (part_start != std::string_view::npos) {
                // The line break before a delimiter belongs to the delimiter.
                std::size_t part_end = position;
                if (part_end > part_start && body[part_end - 1] == '\n') --part_end;
                if (part_end > part_start && body[part_end - 1] == '\r') --part_end;
                if (!add_child(part, body.substr(part_start, part_end - part_start), depth, child_default)) {
                    return;
                }
            }
            if (kind == DelimiterKind::closing) {
                closed = true;
                break;  // the epilogue is ignored (RFC 2046 §5.1.1)
            }
            part_start = next;
            position = next;
        }
        if (!closed) {
            if (part_start == std::string_view::npos) {
                warnings_.push_back("multipart body has no part delimited by its boundary; read as text");
                part.type = "text/plain";
                return;
            }
            warnings_.push_back("multipart body ends without its closing boundary (truncated message?)");
            add_child(part, body.substr(part_start), depth, child_default);
        }
    }

    bool add_child(MimePart& parent, std::string_view bytes, int depth, const char* default_type) {
        if (!count_part()) return false;
        parent.children.emplace_back();
        build(parent.children.back(), bytes, depth + 1, default_type);
        return true;
    }

    bool count_part() {
        if (parts_ >= max_parts_) {
            if (!too_many_noted_) {
                warnings_.push_back("more than " + std::to_string(max_parts_) +
                                    " MIME parts; the rest of the message was not parsed");
                too_many_noted_ = true;
            }
            return false;
        }
        ++parts_;
        return true;
    }

    void note_too_deep() {
        if (too_deep_noted_) return;
        warnings_.push_back("MIME nesting deeper than " + std::to_string(max_depth_) +
                            " levels; body not parsed below that depth");
        too_deep_noted_ = true;
    }

    int max_depth_;
    std::size_t max_parts_;
    std::size_t parts_ = 0;
    bool too_deep_noted_ = false;
    bool too_many_noted_ = false;
    std::vector<std::string>& warnings_;
};

}  // namespace

MimeTree parse_mime_tree(std::string_view raw, const MimeLimits& limits) {
    MimeTree tree;
    TreeBuilder builder(limits, tree.warnings);
    builder.build(tree.root, raw, 0, "text/plain");
    return tree;
}

}  // namespace casefile::parsers
