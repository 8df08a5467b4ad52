#include "parsers/mime_body.hpp"

#include "core/sha256.hpp"
#include "parsers/charset.hpp"
#include "parsers/header_decoding.hpp"
#include "parsers/html_to_text.hpp"
#include "parsers/transfer_decoding.hpp"

namespace casefile::parsers {
namespace {

bool is_blank_text(std::string_view text) {
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
}

std::string disposition_of(const MimePart& part, ParameterizedValue* parameters = nullptr) {
    const HeaderField* field = part.headers.find("Content-Disposition");
    if (field == nullptr) return {};
    ParameterizedValue parsed = parse_parameterized(field->value);
    std::string value = parsed.value;
    if (parameters != nullptr) *parameters = std::move(parsed);
    return value;
}

// RFC 2183 §2.3 filename, else the older Content-Type "name" (RFC 1341).
// Many mailers put RFC 2047 words inside the quotes; decode them too.
std::string filename_of(const MimePart& part) {
    ParameterizedValue disposition;
    disposition_of(part, &disposition);
    const std::string* name = disposition.find("filename");
    if (name == nullptr || name->empty()) name = part.content_type.find("name");
    if (name == nullptr) return {};
    return make_valid_utf8(decode_encoded_words(*name));
}

bool is_attachment(const MimePart& part) {
    if (disposition_of(part) == "attachment") return true;
    if (!filename_of(part).empty()) return true;
    return part.type != "text/plain" && part.type != "text/html";
}

std::string transfer_encoding_of(const MimePart& part) {
    const HeaderField* field = part.headers.find("Content-Transfer-Encoding");
    return field == nullptr ? std::string() : std::string(field->value);
}

// Prefixes every line with "> " so that zoning sees an embedded message as
// quoted, like a reply quote.
std::string quote_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16 + 8);
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t newline = text.find('\n', position);
        if (newline == std::string_view::npos) newline = text.size();
        const std::string_view line = text.substr(position, newline - position);
        out.append(line.starts_with(">") ? ">" : "> ");
        out.append(line);
        out.push_back('\n');
        position = newline + 1;
    }
    return out;
}

// RFC 3676 §4.2: in format=flowed text a line ending in a space continues
// on the next line of the same quote depth ("-- " excepted, §4.3), and a
// leading space was added for stuffing (§4.4). Joining the soft breaks gives
// rules whole sentences to match.
std::string unflow(std::string_view text, bool delete_space) {
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    bool continuing = false;
    int continuing_depth = 0;
    while (position < text.size()) {
        std::size_t newline = text.find('\n', position);
        if (newline == std::string_view::npos) newline = text.size();
        std::string_view line = text.substr(position, newline - position);
        position = newline + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        int depth = 0;
        while (!line.empty() && line.front() == '>') {
            ++depth;
            line.remove_prefix(1);
        }
        if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (continuing && depth != continuing_depth) out.push_back('\n');  // §4.5: depth changed
        if (!continuing || depth != continuing_depth) {
            if (depth > 0) out.append(static_cast<std::size_t>(depth), '>').push_back(' ');
        }
        const bool soft = !line.empty() && line.back() == ' ' && line != "-- ";
        if (soft && delete_space) line.remove_suffix(1);
        out.append(line);
        continuing = soft;
        continuing_depth = depth;
        if (!soft) out.push_back('\n');
    }
    if (continuing) out.push_back('\n');
    return out;
}

class BodyReader {
public:
    explicit BodyReader(BodyContent& out) : out_(out) {}

    void read(const MimePart& part) {
        if (part.is_multipart()) {
            if (part.type == "multipart/alternative") {
                read_alternative(part);
            } else {
                for (const auto& child : part.children) read(child);
            }
        } else if (part.is_message()) {
            add_message(part);
        } else if (is_attachment(part)) {
            add_attachment(part);
        } else {
            append_text(readable_text(part));
        }
    }

private:
    // RFC 2046 §5.1.4: the alternatives show one content; we want the plain
    // one, because reply zoning and rules read plain text best.
    void read_alternative(const MimePart& part) {
        const MimePart* plain = nullptr;
        const MimePart* html = nullptr;
        const MimePart* nested = nullptr;
        for (const auto& child : part.children) {
            if (child.is_multipart()) {
                if (nested == nullptr) nested = &child;
            } else if (disposition_of(child) == "attachment") {
                add_attachment(child);  // misplaced, but a real attachment
            } else if (child.type == "text/plain" && plain == nullptr) {
                plain = &child;
            } else if (child.type == "text/html" && html == nullptr) {
                html = &child;
            } else if (child.type != "text/plain" && child.type != "text/html") {
                // text/calendar beside the text of an invitation: the VA
                // should see that there was one.
                read(child);
            }
        }
        if (plain != nullptr) {
            std::string text = readable_text(*plain);
            // Some mailers send an empty plain part beside the real HTML.
            if (!is_blank_text(text) || (html == nullptr && nested == nullptr)) {
                append_text(text);
                return;
            }
        }
        const std::size_t before = out_.text.size();
        if (nested != nullptr) read(*nested);
        if (out_.text.size() == before && html != nullptr) append_text(readable_text(*html));
    }

    std::string decoded_bytes(const MimePart& part) {
        std::string warning;
        std::string bytes = decode_transfer_encoding(part.body, transfer_encoding_of(part), warning);
        if (!warning.empty()) out_.warnings.push_back(std::move(warning));
        return bytes;
    }

    std::string readable_text(const MimePart& part) {
        const std::string bytes = decoded_bytes(part);
        const std::string* charset = part.content_type.find("charset");
        Utf8Conversion converted = convert_to_utf8(bytes, charset ? std::string_view(*charset) : "us-ascii");
        if (!converted.warning.empty()) out_.warnings.push_back(std::move(converted.warning));
        if (part.type == "text/html") return html_to_text(converted.text);
        const std::string* format = part.content_type.find("format");
        if (format != nullptr && header_name_equals(*format, "flowed")) {
            const std::string* delsp = part.content_type.find("delsp");
            return unflow(converted.text, delsp != nullptr && header_name_equals(*delsp, "yes"));
        }
        return std::move(converted.text);
    }

    void append_text(std::string_view text) {
        if (text.empty()) return;
        if (!out_.text.empty() && out_.text.back() != '\n') out_.text.push_back('\n');
        out_.text.append(text);
    }

    void add_attachment(const MimePart& part, std::string filename = {}) {
        const std::string bytes = decoded_bytes(part);
        core::Attachment attachment;
        attachment.filename = filename.empty() ? filename_of(part) : std::move(filename);
        attachment.content_type = make_valid_utf8(part.type);
        attachment.size = bytes.size();
        attachment.sha256 = core::sha256_hex(bytes);
        out_.attachments.push_back(std::move(attachment));
    }

    // An embedded message is evidence in its own right: listed with the hash
    // of its exact bytes, and its text kept (quoted) so rules can see it.
    void add_message(const MimePart& part) {
        std::string filename = filename_of(part);
        if (filename.empty()) {
            if (!part.children.empty()) {
                if (const HeaderField* subject = part.children.front().headers.find("Subject")) {
                    filename = decode_header_text(subject->value);
                }
            }
            filename = (filename.empty() ? std::string("forwarded message") : filename) + ".eml";
        }
        add_attachment(part, std::move(filename));
        if (part.children.empty()) return;
        BodyContent inner;
        BodyReader reader(inner);
        reader.read(part.children.front());
        for (auto& warning : inner.warnings) out_.warnings.push_back(std::move(warning));
        if (!is_blank_text(inner.text)) append_text(quote_lines(inner.text));
    }

    BodyContent& out_;
};

}  // namespace

BodyContent read_body(const MimePart& root) {
    BodyContent content;
    BodyReader reader(content);
    reader.read(root);
    return content;
}

}  // namespace casefile::parsers
