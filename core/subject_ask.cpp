#include "core/subject_ask.hpp"

#include <array>
#include <cctype>

#include "core/ascii_text.hpp"
#include "core/thread_subject.hpp"

namespace casefile::core {
namespace {

// True when `text` begins with `prefix`, ignoring ASCII case.
bool starts_with_folded(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
}

// Past "[list]" tags, which mailing lists put before the sender's words.
std::string_view skip_list_tags(std::string_view text) {
    for (;;) {
        text = trim_ascii_space(text);
        if (text.empty() || text.front() != '[') return text;
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) return text;
        text.remove_prefix(close + 1);
    }
}

bool is_forward(std::string_view subject) {
    static constexpr std::array<std::string_view, 4> kForwardWords = {"fwd", "fw", "wg", "tr"};
    for (std::string_view word : kForwardWords) {
        if (!starts_with_folded(subject, word)) continue;
        const std::string_view rest = trim_ascii_space(subject.substr(word.size()));
        if (!rest.empty() && rest.front() == ':') return true;
    }
    return false;
}

bool is_automatic(std::string_view subject) {
    static constexpr std::array<std::string_view, 5> kAutomatic = {
        "out of office", "automatic reply", "undeliverable", "delivery status notification",
        "returned mail"};
    for (std::string_view words : kAutomatic) {
        if (starts_with_folded(subject, words)) return true;
    }
    return false;
}

}  // namespace

std::string_view subject_of_own_ask(std::string_view subject) {
    const std::string_view words = skip_list_tags(subject);
    if (words.empty() || has_reply_prefix(words) || is_forward(words) || is_automatic(words)) {
        return {};
    }
    return trim_ascii_space(subject);
}

}  // namespace casefile::core
