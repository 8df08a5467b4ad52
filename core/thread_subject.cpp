#include "core/thread_subject.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

namespace casefile::core {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// U+00A0 NO-BREAK SPACE: Outlook and some webmail put it after "RE:".
constexpr std::string_view no_break_space = "\xC2\xA0";
// U+FF1A FULLWIDTH COLON, written by Chinese and Japanese clients after 回复.
constexpr std::string_view full_width_colon = "\xEF\xBC\x9A";

std::size_t skip_space(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        if (is_ascii_space(text[pos])) {
            ++pos;
        } else if (text.substr(pos, no_break_space.size()) == no_break_space) {
            pos += no_break_space.size();
        } else {
            break;
        }
    }
    return pos;
}

// Reply words in the languages VAs' clients write in most. Single letters
// ("R:", "A:") are left out on purpose: they also start ordinary subjects.
constexpr std::array<std::string_view, 11> latin_reply_words = {
    "re", "aw", "sv", "vs", "antw", "antwort", "odp", "ynt", "res", "rif", "atb"};
constexpr std::array<std::string_view, 3> cjk_reply_words = {"\xE5\x9B\x9E\xE5\xA4\x8D",   // 回复
                                                             "\xE7\xAD\x94\xE5\xA4\x8D",   // 答复
                                                             "\xE5\x9B\x9E\xE8\xA6\x86"};  // 回覆

// If a reply prefix starts at `pos`, the position just past it (and its colon).
std::optional<std::size_t> reply_prefix_end(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && is_ascii_letter(text[end])) {
        ++end;
    }
    bool is_reply_word = false;
    if (end > pos) {
        std::string word;
        for (std::size_t i = pos; i < end; ++i) {
            word.push_back(fold(text[i]));
        }
        is_reply_word = std::find(latin_reply_words.begin(), latin_reply_words.end(), word) !=
                        latin_reply_words.end();
    } else {
        for (std::string_view cjk : cjk_reply_words) {
            if (text.substr(pos, cjk.size()) == cjk) {
                end = pos + cjk.size();
                is_reply_word = true;
                break;
            }
        }
    }
    if (!is_reply_word) {
        return std::nullopt;
    }
    // A counted prefix: "Re[2]:" (Eudora, many webmails) or "Re(2):".
    if (end < text.size() && (text[end] == '[' || text[end] == '(')) {
        const char close = text[end] == '[' ? ']' : ')';
        std::size_t digit_end = end + 1;
        while (digit_end < text.size() && text[digit_end] >= '0' && text[digit_end] <= '9') {
            ++digit_end;
        }
        if (digit_end > end + 1 && digit_end < text.size() && text[digit_end] == close) {
            end = digit_end + 1;
        }
    }
    // French typography puts a space before the colon: "Re : devis".
    end = skip_space(text, end);
    if (end < text.size() && text[end] == ':') {
        return end + 1;
    }
    if (text.substr(end, full_width_colon.size()) == full_width_colon) {
        return end + full_width_colon.size();
    }
    return std::nullopt;
}

// If a "[list]" tag starts at `pos` and something follows it, the position
// just past it. RFC 5256 §2.1 (subj-blob) keeps a blob that is all there is.
std::optional<std::size_t> list_tag_end(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] != '[') {
        return std::nullopt;
    }
    const std::size_t close = text.find(']', pos + 1);
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t after = skip_space(text, close + 1);
    if (after >= text.size()) {
        return std::nullopt;
    }
    return close + 1;
}

std::string collapse_and_fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = skip_space(text, 0);
    while (pos < text.size()) {
        const std::size_t next = skip_space(text, pos);
        if (next != pos) {
            if (next < text.size()) {
                out.push_back(' ');
            }
            pos = next;
            continue;
        }
        out.push_back(fold(text[pos]));
        ++pos;
    }
    return out;
}

}  // namespace

bool has_reply_prefix(std::string_view subject) {
    std::size_t pos = skip_space(subject, 0);
    while (const auto tag_end = list_tag_end(subject, pos)) {
        pos = skip_space(subject, *tag_end);
    }
    return reply_prefix_end(subject, pos).has_value();
}

std::string normalize_subject(std::string_view subject) {
    std::size_t pos = skip_space(subject, 0);
    for (;;) {
        if (const auto tag_end = list_tag_end(subject, pos)) {
            pos = skip_space(subject, *tag_end);
        } else if (const auto prefix_end = reply_prefix_end(subject, pos)) {
            pos = skip_space(subject, *prefix_end);
        } else {
            break;
        }
    }
    return collapse_and_fold(subject.substr(pos));
}

bool is_generic_subject(std::string_view base_subject) {
    // Trailing punctuation says nothing: "Hi!" and "Question?" are as generic
    // as "hi" and "question".
    std::size_t end = base_subject.size();
    while (end > 0) {
        const char c = base_subject[end - 1];
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ':' || c == ';' || c == '-' ||
            c == ' ') {
            --end;
        } else {
            break;
        }
    }
    const std::string_view core_subject = base_subject.substr(0, end);
    if (core_subject.size() < 3) {
        return true;
    }
    static constexpr std::array<std::string_view, 42> generic = {"hi",
                                                                 "hello",
                                                                 "hey",
                                                                 "hi there",
                                                                 "hello there",
                                                                 "good morning",
                                                                 "question",
                                                                 "questions",
                                                                 "quick question",
                                                                 "a question",
                                                                 "update",
                                                                 "updates",
                                                                 "quick update",
                                                                 "status",
                                                                 "status update",
                                                                 "(no subject)",
                                                                 "no subject",
                                                                 "[no subject]",
                                                                 "(none)",
                                                                 "untitled",
                                                                 "(kein betreff)",
                                                                 "(sans objet)",
                                                                 "(sin asunto)",
                                                                 "(senza oggetto)",
                                                                 "test",
                                                                 "testing",
                                                                 "thanks",
                                                                 "thank you",
                                                                 "fyi",
                                                                 "follow up",
                                                                 "follow-up",
                                                                 "following up",
                                                                 "checking in",
                                                                 "just checking in",
                                                                 "info",
                                                                 "request",
                                                                 "help",
                                                                 "urgent",
                                                                 "important",
                                                                 "meeting",
                                                                 "call",
                                                                 "reminder"};
    return std::find(generic.begin(), generic.end(), core_subject) != generic.end();
}

}  // namespace casefile::core
