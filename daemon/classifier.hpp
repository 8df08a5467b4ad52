// Detection as the store runs it (Store::classify_pending): the default rules
// plus the VA's rule files, and her working hours in her time zone for the
// out-of-hours rules and DST-correct date resolution.
#pragma once

#include <optional>

#include "config/settings.hpp"
#include "core/result.hpp"
#include "core/store_types.hpp"

namespace casefile::daemon {

// Fails, naming file, line and key, when a rule file has problems, or when
// the configured time zone cannot be loaded. Without settings: the default
// rules, UTC, Monday to Friday 09:00-17:30.
core::Result<core::Classifier> make_classifier(const std::optional<config::Settings>& settings);

}  // namespace casefile::daemon
