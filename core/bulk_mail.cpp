// is_bulk_mail (declared in core/detect.hpp): mail no person wrote to the VA
// fires no rule, because newsletters are full of "deadline" and "ASAP".
#include <array>
#include <string>

#include "core/detect.hpp"
#include "core/rule_text.hpp"

namespace casefile::core {
namespace {

std::string trimmed_lower(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return lower_ascii(text);
}

constexpr std::array<std::string_view, 9> kAutomatedLocalParts = {
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
    "mailer-daemon", "postmaster", "notifications", "notification"};

}  // namespace

bool is_bulk_mail(const BulkSignals& signals) {
    if (!trimmed_lower(signals.list_id).empty()) return true;
    if (!trimmed_lower(signals.list_unsubscribe).empty()) return true;
    const std::string precedence = trimmed_lower(signals.precedence);
    if (precedence == "bulk" || precedence == "list" || precedence == "junk") return true;
    // RFC 3834 §5: any value but "no" marks an automatic message; parameters
    // may follow a ';'.
    std::string submitted = trimmed_lower(signals.auto_submitted);
    submitted = submitted.substr(0, submitted.find(';'));
    if (!submitted.empty() && trimmed_lower(submitted) != "no") return true;
    const std::string from = trimmed_lower(signals.from_address);
    const std::string local = from.substr(0, from.find('@'));
    for (std::string_view automated : kAutomatedLocalParts) {
        if (local == automated) return true;
    }
    return false;
}

}  // namespace casefile::core
