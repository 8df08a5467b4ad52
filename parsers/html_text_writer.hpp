// Lays out text the way a browser renders HTML, for html_to_text: collapses
// whitespace, turns block boundaries into line breaks, and prefixes the lines
// of quoted blocks with "> " so zoning sees the quote.
#pragma once

#include <string>
#include <string_view>

namespace casefile::parsers {

class HtmlTextWriter {
  public:
    // Text outside <pre>: runs of whitespace (NO-BREAK SPACE included) become
    // one space, leading and trailing whitespace of a line disappears.
    void text(std::string_view decoded);
    // Text inside <pre>: spaces are kept, "\n" ends a line.
    void preformatted(std::string_view decoded);
    // Appends `literal` as is at the current position ("- " for list items).
    void literal(std::string_view literal);
    // A word boundary that is not in the source text (between table cells).
    void space();

    // A block boundary: ends the current line if it holds text.
    void line_break();
    // A paragraph boundary: ends the line, one blank line before more text.
    void paragraph_break();
    // <br>: ends the line; a <br> on an empty line makes a blank line.
    void hard_break();

    // Quote nesting for lines that start from now on. Capped, so that
    // hostile nesting cannot make every line's prefix as long as the input.
    void set_quote_depth(int depth) { depth_ = depth < max_quote_depth ? depth : max_quote_depth; }
    static constexpr int max_quote_depth = 32;

    // Collects the text written between start and stop (a link's text).
    void start_capture();
    std::string stop_capture();

    // The text so far: valid UTF-8, at most one blank line in a row, no
    // blank lines or spaces at either end, "\n" line ends, no final "\n".
    std::string finish();

  private:
    void begin_text();
    void append(char c);
    void end_line();
    static void append_prefix(std::string& out, int depth, bool blank);

    std::string out_;
    std::string line_;
    int depth_ = 0;
    int line_depth_ = 0;
    int last_depth_ = 0;
    bool pending_space_ = false;
    bool pending_blank_ = false;
    // An Outlook "<p>&nbsp;</p>" shows as an empty line; remember that the
    // current (still empty) line held a no-break space.
    bool saw_no_break_space_ = false;
    bool capturing_ = false;
    std::string captured_;
};

// Replaces each invalid UTF-8 sequence in `text` with U+FFFD.
std::string to_valid_utf8(std::string_view text);

}  // namespace casefile::parsers
