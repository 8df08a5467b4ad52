// Readings of a deadline sentence that decide whether it asks the reader at
// all: a duty that lies on a third party, and a date that names no year.
// Pure functions over lower-cased text, used by detect() and tested on their
// own.
#pragma once

#include <cstddef>
#include <string_view>

namespace casefile::core {

// True when the sentence puts the duty on someone other than the reader and
// does not ask the reader anything: "Every utility needs to declare which RTO
// it plans to join by 12/1/01", "The Seller must communicate its election to
// Buyer by 10:30", "The judge must report to the Commission within 10 days".
// A duty word ("must", "needs to", "has to", "is required to", "will have
// to", ...) stands before `hit` (the deadline phrase's start) with a subject
// that is neither the reader nor a group holding her ("you", "we",
// "everyone", "all", "each"), followed by an active verb: a passive ("must be
// submitted by October 15") is how announcements ask their readers, and
// stays a deadline. Any ask of the reader in the sentence ("please", "you",
// "your", "can you", "make sure") keeps it a deadline: "Bob needs to sign
// it, so please send it to him by Friday".
// The same holds for what someone else will do: "Enron Property Management
// will replenish the account no later than Thursday", "NEPOOL will provide an
// estimate by 12.00 a.m. on 26 December" - a plan ("will", "would", "is
// going to") with an active verb, not a passive ("will be submitted by"), a
// duty ("will have to") or a need passed on ("Jeff will need the numbers by
// noon"); and what someone else reports they would do ("her secretary said
// she would call back as soon as possible") or forecasts their work will be
// ("they will be ready no later than tomorrow").
// REQUIRES: `sentence` is lower-cased ASCII-wise; hit <= sentence.size().
bool is_third_party_duty(std::string_view sentence, std::size_t hit);

// True when `hit` (the deadline phrase's start) lies inside a condition on
// someone else's action: an "if" or "unless" clause opened before it in the
// sentence and not yet closed (by ",", ";", ":", "then" or "please") whose
// subject is a third party. "Darron and I may need it if Ed does not cut the
// cord by tomorrow" and "if the deal needs to get done soon, ..." state what
// happens should others act; they ask the reader nothing. A condition whose
// subject is the reader or the writer is how polite asks are phrased and
// stays a deadline ("it would be great if you could get this done before
// tomorrow", "if we could have it by Friday"), as do "if possible" and "if
// at all possible".
// REQUIRES: `sentence` is lower-cased ASCII-wise; hit <= sentence.size().
bool is_condition_on_others(std::string_view sentence, std::size_t hit);

// True when the sentence states when the thing just asked for is needed,
// naming it by a pronoun: "I need it before the board call tomorrow", "They
// need to go on a plane to Chicago later today", "These must be in Houston by
// Friday", "It is due Monday". Such a sentence lends its date to an ask in
// the sentences before it ("Please send me the revised deck."), even when it
// names the event the thing is for: the event is the reason, not a meeting
// to schedule. A need stated of something named afresh ("I need the Q3
// numbers by noon") is an ask in its own right and is not this.
// REQUIRES: `sentence` is lower-cased ASCII-wise.
bool is_time_need(std::string_view sentence);

// True when the sentence tells of something already done before `at` (where
// a date starts) and plans nothing still to come: "I spoke with Sylvia this
// afternoon", "Gary has approved this today", "We discussed it on Monday".
// Such a date is when the news happened; it is no due date to lend to an ask
// in the sentence next to it ("... Please review the attached."). A past
// verb is "was", "were", "had", "did", "has"/"have" with a participle, or a
// first- or third-person pronoun followed by a past form ("-ed", or a common
// irregular one: "spoke", "met", "sent", ...). Any word of a duty or a plan
// in the sentence ("will", "need", "must", "should", "due", "going to",
// "please") keeps the date lendable: "We agreed it is due Friday".
// REQUIRES: `sentence` is lower-cased ASCII-wise; at <= sentence.size().
bool is_past_report(std::string_view sentence, std::size_t at);

// True when a reply phrase starts at `at` ("get back to me", "let me know",
// "reply", "respond", "advise", ...) and work is asked before it, joined by
// "and": "can you run this mini-book and get back to me as soon as
// possible", "please review the draft and let me know asap". The reply is
// how the work comes back, not all that is asked. An ask whose first verb
// is itself a reply ("please call and let me know") asks no work.
// REQUIRES: `sentence` is lower-cased ASCII-wise; at <= sentence.size().
bool is_reply_after_work(std::string_view sentence, std::size_t at);

// True for the words that name an event rather than work: "meeting", "meet",
// "call", "lunch", "dinner", "coffee", "catch up", "interview",
// "appointment" (lower-cased, as an exclusion phrase matched them).
bool is_event_word(std::string_view word);

// True when the sentence asks for a deliverable before `hit` (the deadline
// phrase's start): an asking word ("please", "can you", "could you", "need",
// "i'd like", ...) and a work verb ("send", "bring", "prepare", "get me",
// "have * ready", "finish", "review", ...) both stand before it. "Can you
// send me the slides by Thursday for Friday's meeting?" asks for the slides;
// "Please confirm by Friday that you can make the call" asks for no work.
// REQUIRES: `sentence` is lower-cased ASCII-wise; hit <= sentence.size().
bool asks_for_deliverable(std::string_view sentence, std::size_t hit);

// True for the auxiliary and modal verbs that follow a sentence's subject
// ("will", "is", "was", "should", "must", ...): "Review will be done this week"
// opens with a noun, not an instruction. `word` is lower-cased.
bool is_auxiliary_verb(std::string_view word);

// True when the date starting at `date_start` in `text` is what something is
// reported as of, not when it is due: "As of the close of business today, we
// have shut down Bankers Trust for EOL trading", "please send the positions
// as of Friday". The words "as of" (and an optional "the") stand right
// before it, in any case. "today" in a comparison with how things are now
// ("as it does today", "as it stands today") is not due either.
bool is_as_of_date(std::string_view text, std::size_t date_start);

// True when a date expression's text names its year ("March 5, 2002",
// "3/5/02", "2002-03-05", "March '02"); false for "March 5", "3/5", "Friday".
bool names_year(std::string_view date_text);

}  // namespace casefile::core
