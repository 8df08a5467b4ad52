// Who must act by a date: a reading of whether a sentence turns to the reader
// (or the writer asks something for herself) at all. A deadline phrase with a
// date is the reader's deadline only when someone in the conversation is
// asked to act; otherwise the date is news or another party's ("Briefs are
// due January 30, 2002", "The deadline for submissions is November 30",
// "Order must be placed by 12:00 pm PST"). Pure functions over lower-cased
// text, used by detect() and tested on their own.
#pragma once

#include <string_view>

namespace casefile::core {

// True when the sentence addresses the reader or asks for the writer:
//  - it names the reader ("you", "your", "y'all", ...);
//  - it asks ("please", "kindly", "let me know", "make sure", "we ask that",
//    "remember to", "don't forget") or the writer needs or wants something
//    ("I need", "we'd like", "I would appreciate", "need to know", "get it
//    to me");
//  - it puts a duty on a group that holds the reader ("everyone",
//    "employees", "all users", "traders", "each of us") or on the writer's
//    side with her ("we need to", "we must", "let's");
//  - it is an instruction: its first word, or the first word after a ";" or
//    ":" or a dash, is a verb in the imperative ("Return the signed form by
//    Friday", "Reminder: turn in your pagers", "Due Date: Friday" is not);
//  - it puts a duty on the mail's readers without naming them, the way
//    notices ask ("All open expense reports must be submitted and approved
//    by June 27th"), or passes on someone's ask ("Barry asked for 5 copies
//    on his desk in the morning", "Tracey G wants this by Monday").
// A sentence with none of these states a date; it asks no one here.
// Line breaks and non-breaking spaces count as spaces ("we\nneed").
// REQUIRES: `sentence` is lower-cased ASCII-wise.
bool addresses_reader(std::string_view sentence);

}  // namespace casefile::core
