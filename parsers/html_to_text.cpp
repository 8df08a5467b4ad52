// A small tolerant HTML tokenizer in the spirit of HTML5 §13.2.5, reduced to
// what plain text needs. Every construct is consumed left to right and each
// lookahead either consumes what it scanned or gives up after a bounded
// number of bytes, so the conversion is linear even for hostile input (1 MB
// of '<', a comment or attribute quote that never closes, "</scr" inside a
// script). Whatever is unterminated at the end of the input is dropped, as a
// browser does.
#include "parsers/html_to_text.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "parsers/html_entities.hpp"
#include "parsers/html_text_writer.hpp"
#include "parsers/quote_markers.hpp"

namespace casefile::parsers {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    for (std::string_view candidate : names) {
        if (name == candidate) return true;
    }
    return false;
}

// Elements whose content is never shown as text.
constexpr std::array<std::string_view, 9> raw_text_elements = {
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "template"};

// Blocks that start on a new line.
constexpr std::array<std::string_view, 26> line_blocks = {
    "div",    "tr",   "dt",  "dd",       "address",    "article", "aside",  "center", "details",
    "dialog", "dir",  "dl",  "fieldset", "figcaption", "figure",  "footer", "form",   "header",
    "main",   "menu", "nav", "section",  "summary",    "caption", "thead",  "tbody"};

// Blocks with a margin: a blank line before and after.
constexpr std::array<std::string_view, 10> paragraph_blocks = {"p",  "h1", "h2",    "h3", "h4",
                                                               "h5", "h6", "table", "hr", "pre"};

// What may appear in <head>; any other start tag ends it (HTML5 §13.2.6.4.4).
constexpr std::array<std::string_view, 8> head_elements = {"meta",  "link",   "base",     "title",
                                                           "style", "script", "noscript", "head"};

// Decodes character references in `raw` (text or an attribute value).
std::string decode(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const std::size_t amp = raw.find('&', pos);
        out.append(raw.substr(pos, amp == std::string_view::npos ? raw.size() - pos : amp - pos));
        if (amp == std::string_view::npos) break;
        const std::size_t used = decode_character_reference(raw.substr(amp), out);
        if (used == 0) out += '&';
        pos = amp + (used == 0 ? 1 : used);
    }
    return out;
}

struct Tag {
    std::string name;  // lower case
    bool end = false;
    std::string href, alt, klass, id;
};

bool has_class(std::string_view classes, std::string_view wanted) {
    std::size_t pos = 0;
    while (pos < classes.size()) {
        while (pos < classes.size() && is_tag_space(classes[pos])) ++pos;
        const std::size_t start = pos;
        while (pos < classes.size() && !is_tag_space(classes[pos])) ++pos;
        if (equals_ignoring_case(classes.substr(start, pos - start), wanted)) return true;
    }
    return false;
}

// "www.acme.example" and "https://www.acme.example/" say the same thing.
std::string_view comparable_url(std::string_view url) {
    for (std::string_view scheme : {"mailto:", "https://", "http://"}) {
        if (starts_with_ignoring_case(url, scheme)) url.remove_prefix(scheme.size());
    }
    while (url.ends_with('/')) url.remove_suffix(1);
    return url;
}

class HtmlConverter {
  public:
    explicit HtmlConverter(std::string_view html) : html_(html) {}

    std::string run() {
        while (pos_ < html_.size()) {
            const std::size_t lt = html_.find('<', pos_);
            const std::size_t text_end = lt == std::string_view::npos ? html_.size() : lt;
            if (text_end > pos_) emit_text(html_.substr(pos_, text_end - pos_));
            pos_ = text_end;
            if (pos_ < html_.size()) read_markup();
        }
        finish_link();
        return writer_.finish();
    }

  private:
    void emit_text(std::string_view raw) {
        const std::string decoded = decode(raw);
        if (in_head_) {
            // Text in <head> ends it (a browser shows it) unless it is only
            // whitespace.
            if (decoded.find_first_not_of(" \t\r\n\f") == std::string::npos) return;
            in_head_ = false;
        }
        if (pre_depth_ > 0) {
            writer_.preformatted(decoded);
        } else {
            writer_.text(decoded);
        }
    }

    // pos_ is at '<'.
    void read_markup() {
        const std::string_view rest = html_.substr(pos_);
        if (rest.starts_with("<!--")) {
            // HTML5: "<!-->" and "<!--->" are complete, empty comments.
            const std::size_t close = rest.find("-->", 2);
            pos_ = close == std::string_view::npos ? html_.size() : pos_ + close + 3;
        } else if (rest.starts_with("<!") || rest.starts_with("<?")) {
            skip_past('>');  // <!DOCTYPE>, <![if mso]>, <?xml ...?>
        } else if (rest.size() > 2 && rest[1] == '/' && is_ascii_letter(rest[2])) {
            Tag tag;
            tag.end = true;
            pos_ += 2;
            tag.name = read_name();
            skip_past('>');
            handle_end(tag);
        } else if (rest.size() > 1 && is_ascii_letter(rest[1])) {
            ++pos_;
            Tag tag;
            tag.name = read_name();
            if (!read_attributes(tag)) {
                pos_ = html_.size();  // unterminated tag: dropped
                return;
            }
            handle_start(tag);
        } else {
            writer_.text("<");  // a lone '<' is text ("a < b", "<<<<")
            ++pos_;
        }
    }

    void skip_past(char c) {
        const std::size_t at = html_.find(c, pos_);
        pos_ = at == std::string_view::npos ? html_.size() : at + 1;
    }

    std::string read_name() {
        std::string name;
        while (pos_ < html_.size() && !is_tag_space(html_[pos_]) && html_[pos_] != '/' &&
               html_[pos_] != '>') {
            // Names longer than any element we know are kept short: they
            // only need to be unequal to the known ones.
            if (name.size() < 16) name += lower(html_[pos_]);
            ++pos_;
        }
        return name;
    }

    // Reads attributes up to and past '>'. Returns false at end of input.
    bool read_attributes(Tag& tag) {
        while (true) {
            while (pos_ < html_.size() && (is_tag_space(html_[pos_]) || html_[pos_] == '/')) ++pos_;
            if (pos_ >= html_.size()) return false;
            if (html_[pos_] == '>') {
                ++pos_;
                return true;
            }
            const std::size_t name_start = pos_;
            ++pos_;  // a name may start with '=' or a quote (HTML5 §13.2.5.32)
            while (pos_ < html_.size() && !is_tag_space(html_[pos_]) && html_[pos_] != '/' &&
                   html_[pos_] != '>' && html_[pos_] != '=') {
                ++pos_;
            }
            const std::string_view name = html_.substr(name_start, pos_ - name_start);
            while (pos_ < html_.size() && is_tag_space(html_[pos_])) ++pos_;
            if (pos_ >= html_.size() || html_[pos_] != '=') continue;
            ++pos_;
            while (pos_ < html_.size() && is_tag_space(html_[pos_])) ++pos_;
            if (pos_ >= html_.size()) return false;
            std::string_view value;
            if (html_[pos_] == '"' || html_[pos_] == '\'') {
                const std::size_t close = html_.find(html_[pos_], pos_ + 1);
                if (close == std::string_view::npos) return false;
                value = html_.substr(pos_ + 1, close - pos_ - 1);
                pos_ = close + 1;
            } else {
                const std::size_t start = pos_;
                while (pos_ < html_.size() && !is_tag_space(html_[pos_]) && html_[pos_] != '>')
                    ++pos_;
                value = html_.substr(start, pos_ - start);
            }
            if (equals_ignoring_case(name, "href")) tag.href = decode(value);
            if (equals_ignoring_case(name, "alt")) tag.alt = decode(value);
            if (equals_ignoring_case(name, "class")) tag.klass = decode(value);
            if (equals_ignoring_case(name, "id")) tag.id = decode(value);
        }
    }

    // Drops everything up to the end tag of a raw text element. Only
    // "</name" followed by a space, '/' or '>' closes it, so "</scr" or
    // "</scripts" inside a script do not.
    void skip_raw_text(std::string_view name) {
        std::size_t search = pos_;
        while (true) {
            const std::size_t close = html_.find("</", search);
            if (close == std::string_view::npos) {
                pos_ = html_.size();
                return;
            }
            const std::size_t after = close + 2 + name.size();
            if (after <= html_.size() &&
                equals_ignoring_case(html_.substr(close + 2, name.size()), name) &&
                (after == html_.size() || is_tag_space(html_[after]) || html_[after] == '/' ||
                 html_[after] == '>')) {
                pos_ = after;
                skip_past('>');
                return;
            }
            search = close + 2;
        }
    }

    void update_depth() {
        writer_.set_quote_depth(blockquote_depth_ + quote_div_depth_ + (rest_quoted_ ? 1 : 0));
    }

    void handle_start(const Tag& tag) {
        const std::string_view name = tag.name;
        if (is_one_of(name, raw_text_elements)) {
            skip_raw_text(name);
            return;
        }
        if (name == "head") {
            in_head_ = true;
            return;
        }
        if (in_head_ && !is_one_of(name, head_elements)) in_head_ = false;
        if (in_head_) return;

        // Outlook puts the header block of the message it replies to in
        // these; the earlier message follows them to the end of the body.
        if (equals_ignoring_case(tag.id, "divRplyFwdMsg") ||
            equals_ignoring_case(tag.id, "appendonsend") ||
            equals_ignoring_case(tag.id, "stopSpelling") ||
            has_class(tag.klass, "OutlookMessageHeader")) {
            writer_.paragraph_break();
            rest_quoted_ = true;
            update_depth();
        }

        if (name == "br") {
            writer_.hard_break();
        } else if (name == "blockquote") {
            writer_.paragraph_break();
            ++blockquote_depth_;
            update_depth();
        } else if (name == "div") {
            writer_.line_break();
            // Gmail wraps the attribution and the quote in gmail_quote,
            // Yahoo in yahoo_quoted.
            const bool quote =
                has_class(tag.klass, "gmail_quote") || has_class(tag.klass, "yahoo_quoted");
            div_quotes_.push_back(quote);
            if (quote) {
                ++quote_div_depth_;
                update_depth();
            }
        } else if (name == "p") {
            // Outlook's MsoNormal paragraphs have no margin: single lines.
            paragraph_is_line_ = has_class(tag.klass, "MsoNormal");
            paragraph_is_line_ ? writer_.line_break() : writer_.paragraph_break();
        } else if (name == "ul" || name == "ol") {
            list_depth_ == 0 ? writer_.paragraph_break() : writer_.line_break();
            ++list_depth_;
        } else if (name == "li") {
            writer_.line_break();
            // Capped like the quote depth: hostile nesting stays linear.
            const int indent = std::min(list_depth_ > 1 ? list_depth_ - 1 : 0, 8);
            writer_.literal(std::string(static_cast<std::size_t>(indent) * 2, ' ') + "- ");
        } else if (name == "td" || name == "th") {
            writer_.space();
        } else if (name == "a") {
            finish_link();
            link_open_ = true;
            link_href_ = tag.href;
            writer_.start_capture();
        } else if (name == "img") {
            writer_.text(tag.alt);
        } else if (is_one_of(name, line_blocks)) {
            writer_.line_break();
        } else if (is_one_of(name, paragraph_blocks)) {
            writer_.paragraph_break();
            if (name == "pre") {
                ++pre_depth_;
                // HTML5: a newline right after <pre> is not content.
                if (html_.substr(pos_).starts_with("\r\n"))
                    pos_ += 2;
                else if (html_.substr(pos_).starts_with("\n"))
                    pos_ += 1;
            }
        }
    }

    void handle_end(const Tag& tag) {
        const std::string_view name = tag.name;
        if (name == "head") {
            in_head_ = false;
            return;
        }
        if (in_head_) return;
        if (name == "blockquote") {
            writer_.paragraph_break();
            if (blockquote_depth_ > 0) --blockquote_depth_;
            update_depth();
        } else if (name == "div") {
            writer_.line_break();
            if (!div_quotes_.empty()) {
                if (div_quotes_.back()) --quote_div_depth_;
                div_quotes_.pop_back();
                update_depth();
            }
        } else if (name == "p") {
            paragraph_is_line_ ? writer_.line_break() : writer_.paragraph_break();
        } else if (name == "ul" || name == "ol") {
            if (list_depth_ > 0) --list_depth_;
            list_depth_ == 0 ? writer_.paragraph_break() : writer_.line_break();
        } else if (name == "li") {
            writer_.line_break();
        } else if (name == "a") {
            finish_link();
        } else if (name == "pre") {
            if (pre_depth_ > 0) --pre_depth_;
            writer_.paragraph_break();
        } else if (is_one_of(name, line_blocks)) {
            writer_.line_break();
        } else if (is_one_of(name, paragraph_blocks)) {
            writer_.paragraph_break();
        }
    }

    // Writes " <url>" after a link's text when the text does not already say
    // where it goes; only web and mail links, never javascript: or data:.
    void finish_link() {
        if (!link_open_) return;
        link_open_ = false;
        const std::string text = writer_.stop_capture();
        const std::string_view url = trim_line(link_href_);
        const bool shown = starts_with_ignoring_case(url, "http://") ||
                           starts_with_ignoring_case(url, "https://") ||
                           starts_with_ignoring_case(url, "mailto:");
        if (!shown || equals_ignoring_case(comparable_url(trim_line(text)), comparable_url(url)))
            return;
        writer_.space();
        writer_.literal("<");
        writer_.literal(url);
        writer_.literal(">");
    }

    std::string_view html_;
    std::size_t pos_ = 0;
    HtmlTextWriter writer_;
    bool in_head_ = false;
    int blockquote_depth_ = 0;
    int quote_div_depth_ = 0;
    std::vector<bool> div_quotes_;  // per open <div>: does it mark a quote?
    bool rest_quoted_ = false;
    bool paragraph_is_line_ = false;
    int pre_depth_ = 0;
    int list_depth_ = 0;
    bool link_open_ = false;
    std::string link_href_;
};

}  // namespace

std::string html_to_text(std::string_view html) { return HtmlConverter(html).run(); }

}  // namespace casefile::parsers
