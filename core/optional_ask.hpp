// Readings of an ask that binds the reader to no work, whatever date it
// names: an offer she may take up, a report wanted only should something be
// wrong, and a reply about attending. Each reads the structure of the
// sentence (a condition clause and what the main clause asks) or of the
// sentences before it, where the rules' phrase lists see one sentence only.
// Pure functions over lower-cased text, used by detect() and tested on their
// own.
#pragma once

#include <cstddef>
#include <string_view>

namespace casefile::core {

// True when a condition on the reader's own wish stands before `hit` (the
// deadline phrase's start): "if you would like a paper copy, please return
// the form by Friday", "if you prefer ...", "should you wish ...", "if you are
// planning on eating lunch tomorrow please see me", "I will need to know who
// would like to go no later than Wednesday". The wish may be her group's or
// anyone's ("if your team would like a table", "if anyone is interested").
// In a sentence that only asks to be told, with no work, the condition may
// also come after the phrase: "I need to know ASAP if your chapter would be
// interested in doing this". The date is the offer's, not work asked. A
// condition on the reader's ability or duty ("if you can", "if you could",
// "if you need") is how asks are phrased and does not count.
// REQUIRES: `sentence` is lower-cased ASCII-wise; hit <= sentence.size().
bool is_reader_opt_in(std::string_view sentence, std::size_t hit);

// True when what is asked right after `at` (the end of an "also" or "one
// more thing" phrase) is only a reply, not work: "Also, please confirm that
// the September date is acceptable", "Also, please let me know if you need
// any other information", "One more thing, call me with any questions".
// "please", "also" and "just" may stand between.
// REQUIRES: `sentence` is lower-cased ASCII-wise; at <= sentence.size().
bool asks_only_a_reply(std::string_view sentence, std::size_t at);

// True when the sentence opens with such a condition: "If you prefer to
// receive a hardcopy of your pay stub, click on the link below to complete a
// request form." The next sentence's "This form must be submitted to Payroll
// by October 15" belongs to the offer (see detect()).
// REQUIRES: `sentence` is lower-cased ASCII-wise.
bool opens_with_opt_in(std::string_view sentence);

// True when the sentence asks only to be told, and only should something go
// wrong or someone object: "If any party objects to this, please let me know
// no later than November 28", "If anybody knows where it may have gone please
// let HR know as soon as possible", "Please let me know by noon Wednesday if
// you cannot make either of these times". The main clause asks for a reply
// or a call ("let me know", "e-mail me", "advise", "contact", "I need to
// know"); a condition names an objection, a concern, a question, a problem,
// an inability, someone's knowing, an assumption that is wrong ("If this
// assumption is incorrect, please email me by June 5") or a message received
// in error. Silence is the expected answer, and no work is asked. A
// reply that carries a review ("let me know ASAP if there is any missing or
// incorrect information", "if you have any comments, please send them by
// Friday") is work and stays a deadline.
// REQUIRES: `sentence` is lower-cased ASCII-wise; hit <= sentence.size().
bool is_exception_report(std::string_view sentence, std::size_t hit);

// True when the sentence asks whether the reader will attend: "Please
// indicate below whether or not you plan to attend this meeting", "RSVP",
// "will you be attending".
// REQUIRES: `sentence` is lower-cased ASCII-wise.
bool asks_attendance(std::string_view sentence);

// True when what the sentence asks is a bare reply - "please return this
// e-mail to me with your response by 12:00 p.m.", "please respond by Friday"
// - with nothing to deliver (no comments, information, forms, and no work
// verb such as "send", "finish" or "review"). Together with asks_attendance()
// on a sentence before it, the reply is an RSVP (see detect()).
// REQUIRES: `sentence` is lower-cased ASCII-wise.
bool asks_mere_reply(std::string_view sentence);

}  // namespace casefile::core
