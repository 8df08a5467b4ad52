#include "core/newsletter_issue.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/date_tokens.hpp"
#include "core/rule_text.hpp"
#include "core/thread_subject.hpp"

namespace casefile::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

bool is_month(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return date_detail::month_number(word) != 0;
}

// The subject's words, split on spaces, without trailing punctuation.
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
        std::string_view word = text.substr(at, end - at);
        while (!word.empty() && (word.back() == ',' || word.back() == ')' || word.back() == '!' ||
                                 word.back() == ':' || word.back() == ';')) {
            word.remove_suffix(1);
        }
        if (!word.empty()) words.push_back(word);
        at = end;
    }
    return words;
}

// "04.16.01", "11/14/01", "12/13", "2002-02-28"; "Action-11/14/01" glued to a
// word. Two groups need a slash ("Etag 1.7" is a version), and the month and
// day must be possible ones.
bool is_numeric_date(std::string_view word) {
    const std::size_t glued = word.find_last_of('-');
    if (glued != std::string_view::npos && glued + 1 < word.size() && !is_digit(word[0])) {
        word = word.substr(glued + 1);
    }
    std::vector<int> groups;
    std::size_t digits = 0;
    bool slash = false;
    for (char c : word) {
        if (is_digit(c)) {
            if (digits == 0) groups.push_back(0);
            if (++digits > 4) return false;
            groups.back() = groups.back() * 10 + (c - '0');
        } else if (c == '/' || c == '.' || c == '-') {
            if (digits == 0) return false;
            slash = slash || c == '/';
            digits = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || groups.size() < 2 || groups.size() > 3) return false;
    if (groups.size() == 2 && !slash) return false;
    if (groups[0] > 999) return groups.size() == 3 && groups[1] >= 1 && groups[1] <= 12;
    const auto month_day = [](int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    };
    return month_day(groups[0], groups[1]) || month_day(groups[1], groups[0]);
}

bool is_day_number(std::string_view word) {
    // "28", "28th", "1st"
    std::size_t digits = 0;
    while (digits < word.size() && is_digit(word[digits])) ++digits;
    if (digits == 0 || digits > 2) return false;
    const std::string_view rest = word.substr(digits);
    return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

bool is_year(std::string_view word) {
    return word.size() == 4 && std::all_of(word.begin(), word.end(), is_digit);
}

bool ends_with_date(const std::vector<std::string_view>& words) {
    const std::size_t n = words.size();
    if (n == 0) return false;
    if (is_numeric_date(words[n - 1])) return true;
    // "February 28, 2002" / "28 February 2002" / "February 28" / "28 February".
    std::size_t last = n;
    if (is_year(words[last - 1])) --last;
    if (last < 2) return false;
    return (is_month(words[last - 2]) && is_day_number(words[last - 1])) ||
           (is_day_number(words[last - 2]) && is_month(words[last - 1]));
}

bool numbers_an_issue(const std::vector<std::string_view>& words) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string_view word = words[i];
        // Not "No.": "Public Utility District No. 1", "Meeting No. 5".
        if (word != "issue" && word != "vol." && word != "vol" && word != "volume" &&
            word != "edition") {
            continue;
        }
        std::string_view number = words[i + 1];
        if (!number.empty() && number.front() == '#') number.remove_prefix(1);
        if (!number.empty() && is_digit(number.front())) return true;
    }
    // "Issue26" written as one word.
    for (std::string_view word : words) {
        if (word.size() > 5 && word.substr(0, 5) == "issue" && is_digit(word[5])) return true;
    }
    return false;
}

// Local parts that name a distribution list rather than a person.
bool is_list_address(std::string_view address) {
    const std::string lowered = lower_ascii(address.substr(0, address.find('@')));
    const std::string_view local = lowered;
    if (local.empty()) return false;
    if (local == "all" || local == "everyone" || local == "everybody" || local == "staff" ||
        local == "allstaff" || local == "allemployees") {
        return true;
    }
    if (local.size() > 4 && local.substr(0, 3) == "all" && !is_letter(local[3])) return true;
    static constexpr std::string_view kListWords[] = {"group", "list", "everyone", "allemployees",
                                                      "all-staff", "all_staff"};
    for (std::string_view word : kListWords) {
        if (local.find(word) != std::string_view::npos) return true;
    }
    return false;
}

// Words of a subject that announce something the reader may have to act
// on or attend: such a mail stays classified even when it is dated and goes
// to a crowd ("Estate Integration Test Dry Run - 1/20/02", "PLEASE READ -
// Netco testing schedule for Monday, Feb 4th", "SoCalGas Contracted Marketer
// Deadline for November 1").
// ("Enron In Action 04.16.01" is a newsletter's name: only "action" with a
// word that asks counts.)
constexpr std::array<std::string_view, 33> kActionWords = {
    "meeting",   "mtg",        "metting",  "call",      "test",       "testing",
    "dry run",   "schedule",   "setup",    "set-up",    "deadline",   "due",
    "please",    "read",       "action required", "action requested", "action needed",
    "action item", "request",   "required",   "rsvp",
    "invitation", "invite",    "instructions", "directive", "workshop", "training",
    "conference", "cancellation", "confirming", "reminder", "deliverable", "review"};

bool names_an_action(std::string_view lowered_subject) {
    for (std::string_view word : kActionWords) {
        for (std::size_t at = lowered_subject.find(word); at != std::string_view::npos;
             at = lowered_subject.find(word, at + 1)) {
            const bool left = at == 0 || !is_letter(lowered_subject[at - 1]);
            const std::size_t after = at + word.size();
            // "test" also matches "tests", "call" "calls".
            const bool right = after == lowered_subject.size() || !is_letter(lowered_subject[after]) ||
                               (lowered_subject[after] == 's' &&
                                (after + 1 == lowered_subject.size() ||
                                 !is_letter(lowered_subject[after + 1])));
            if (left && right) return true;
        }
    }
    return false;
}

}  // namespace

bool subject_names_an_issue(std::string_view subject) {
    const std::string lowered = lower_ascii(subject);
    std::string_view text = lowered;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (has_reply_prefix(text)) return false;
    for (std::string_view forward : {"fw:", "fwd:", "fw ", "wg:", "tr:"}) {
        if (text.substr(0, forward.size()) == forward) return false;
    }
    if (names_an_action(text)) return false;
    const std::vector<std::string_view> words = words_of(text);
    return ends_with_date(words) || numbers_an_issue(words);
}

bool is_addressed_to_a_crowd(const std::vector<Address>& to, const std::vector<Address>& cc) {
    std::size_t named = 0;
    for (const auto* list : {&to, &cc}) {
        for (const Address& address : *list) {
            if (address.address.empty()) continue;
            ++named;
            if (is_list_address(address.address)) return true;
        }
    }
    return named == 0 || named >= kCrowdRecipients;
}

bool is_dated_issue(const ParsedMessage& message) {
    // A reply is a conversation, whatever its subject says.
    if (!message.in_reply_to.empty() || !message.references.empty()) return false;
    return subject_names_an_issue(message.subject) &&
           is_addressed_to_a_crowd(message.to, message.cc);
}

}  // namespace casefile::core
