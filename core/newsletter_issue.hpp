// A dated newsletter issue mailed to a crowd ("Enron In Action 04.16.01" to
// all.houston@): bulk mail that carries no list header and no unsubscribe
// footer, but whose every "please e-mail your news by noon Thursday" would
// otherwise read as a deadline. Both signals must hold: a dated subject alone
// is a person's "Rebooks 10/5", a crowd alone is a real all-hands ask.
#pragma once

#include <string_view>
#include <vector>

#include "core/message.hpp"

namespace casefile::core {

// True when the subject, not a reply or a forward, names an issue: it ends
// with a date ("Enron In Action 04.16.01", "Enron Mentions- 11/14/01", "TW
// Weekly for February 28, 2002", "Daily Update 5 March") or holds an issue
// number ("Issue 26", "Vol. 3", "Edition 4") - and names nothing the reader
// may have to act on or attend ("meeting", "test", "schedule", "deadline",
// "please", "invitation", "reminder", ...: see kActionWords).
bool subject_names_an_issue(std::string_view subject);

// True when the message goes to a crowd rather than to people: no To or Cc
// at all (undisclosed recipients), an address that names a distribution list
// ("all.houston@", "everyone@", "energygroup@", "traders-list@"), or at least
// kCrowdRecipients addresses in To and Cc together.
inline constexpr std::size_t kCrowdRecipients = 25;
bool is_addressed_to_a_crowd(const std::vector<Address>& to, const std::vector<Address>& cc);

// Both of the above, for a message that is not a reply (no In-Reply-To or
// References): a newsletter issue, marked bulk at parse time.
bool is_dated_issue(const ParsedMessage& message);

}  // namespace casefile::core
