#include "core/rule.hpp"

#include <array>
#include <utility>

namespace casefile::core {
namespace {

constexpr std::array<std::pair<Category, std::string_view>, 8> kCategoryNames = {{
    {Category::deadline_set, "deadline_set"},
    {Category::deadline_change, "deadline_change"},
    {Category::scope_add, "scope_add"},
    {Category::scope_remove, "scope_remove"},
    {Category::agreement, "agreement"},
    {Category::escalation, "escalation"},
    {Category::payment, "payment"},
    {Category::boundary, "boundary"},
}};

constexpr std::array<std::pair<RuleContext, std::string_view>, 8> kContextNames = {{
    {RuleContext::date, "date"},
    {RuleContext::resolved_date, "resolved_date"},
    {RuleContext::date_after, "date_after"},
    {RuleContext::outside_hours, "outside_hours"},
    {RuleContext::sentence_start, "sentence_start"},
    {RuleContext::date_nearby, "date_nearby"},
    {RuleContext::date_in_clause, "date_in_clause"},
    {RuleContext::in_thread, "in_thread"},
}};

constexpr std::array<std::pair<RuleSender, std::string_view>, 3> kSenderNames = {{
    {RuleSender::any, "any"},
    {RuleSender::client, "client"},
    {RuleSender::va, "va"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) return name;
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::pair<Enum, std::string_view>, N>& names,
                               std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace

std::string_view category_name(Category category) { return name_of(kCategoryNames, category); }
std::optional<Category> parse_category(std::string_view name) {
    return parse_name(kCategoryNames, name);
}

std::string_view context_name(RuleContext context) { return name_of(kContextNames, context); }
std::optional<RuleContext> parse_context(std::string_view name) {
    return parse_name(kContextNames, name);
}

std::string_view sender_name(RuleSender sender) { return name_of(kSenderNames, sender); }
std::optional<RuleSender> parse_sender(std::string_view name) {
    return parse_name(kSenderNames, name);
}

}  // namespace casefile::core
