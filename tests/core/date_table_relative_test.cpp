// Table-driven date resolution, part 2: the rest of the reference moments of
// part 1 (same sentence frames, same independently computed expectations).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/date_expression.hpp"

namespace casefile::core {
namespace {

struct DateCase {
    const char* sentence;
    const char* reference;
    const char* kind;  // "none": the sentence must yield nothing
    const char* value;
    const char* end_value;
};

// Each sentence holds exactly one expression (or none).
const DateCase kSecondHalfCases[] = {
    {"Reminder: the invoice is due end of the month.", "2025-03-07T10:00:00-05:00", "date", "2025-03-31", ""},
    {"Let's aim for end of next month if that works for you.", "2025-03-07T10:00:00-05:00", "date", "2025-04-30", ""},
    {"The client wants the deck end of the week.", "2025-03-07T10:00:00-05:00", "date", "2025-03-07", ""},
    {"Hi Dana, can you finish the report end of next week?", "2025-03-07T10:00:00-05:00", "date", "2025-03-14", ""},
    {"Please send it by next week.", "2025-03-07T10:00:00-05:00", "interval", "2025-03-10", "2025-03-16"},
    {"Can you have the draft ready early next week?", "2025-03-07T10:00:00-05:00", "interval", "2025-03-10", "2025-03-11"},
    {"I need the numbers Jan 3, thanks.", "2025-03-07T10:00:00-05:00", "date", "2026-01-03", ""},
    {"Could we get this wrapped up March 15th?", "2025-03-07T10:00:00-05:00", "date", "2025-03-15", ""},
    {"Reminder: the invoice is due Dec 20.", "2025-03-07T10:00:00-05:00", "date", "2025-12-20", ""},
    {"Let's aim for 7/4 if that works for you.", "2025-03-07T10:00:00-05:00", "date", "2025-07-04", ""},
    {"The client wants the deck the 15th.", "2025-03-07T10:00:00-05:00", "date", "2025-03-15", ""},
    {"Hi Dana, can you finish the report in 3 business days?", "2025-03-07T10:00:00-05:00", "date", "2025-03-12", ""},
    {"Please send it by end of the quarter.", "2025-03-07T10:00:00-05:00", "date", "2025-03-31", ""},
    {"Can you have the draft ready end of Q4?", "2025-03-07T10:00:00-05:00", "date", "2025-12-31", ""},
    {"I need the numbers 5pm, thanks.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-07T17:00:00-05:00", ""},
    {"Could we get this wrapped up Friday at 3pm?", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-07T15:00:00-05:00", ""},
    {"Reminder: the invoice is due tomorrow morning.", "2025-03-07T10:00:00-05:00", "interval", "2025-03-08T08:00:00-05:00", "2025-03-08T12:00:00-05:00"},
    {"Let's aim for noon tomorrow if that works for you.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-08T12:00:00-05:00", ""},
    {"The client wants the deck within 48 hours.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-09T10:00:00-05:00", ""},
    {"Hi Dana, can you finish the report Monday?", "2025-01-31T12:00:00+00:00", "date", "2025-02-03", ""},
    {"Please send it by Wednesday.", "2025-01-31T12:00:00+00:00", "date", "2025-02-05", ""},
    {"Can you have the draft ready Friday?", "2025-01-31T12:00:00+00:00", "date", "2025-01-31", ""},
    {"I need the numbers Sunday, thanks.", "2025-01-31T12:00:00+00:00", "date", "2025-02-02", ""},
    {"Could we get this wrapped up next Tuesday?", "2025-01-31T12:00:00+00:00", "date", "2025-02-04", ""},
    {"Reminder: the invoice is due this Tuesday.", "2025-01-31T12:00:00+00:00", "date", "2025-02-04", ""},
    {"Let's aim for next Friday if that works for you.", "2025-01-31T12:00:00+00:00", "date", "2025-02-07", ""},
    {"The client wants the deck this Friday.", "2025-01-31T12:00:00+00:00", "date", "2025-01-31", ""},
    {"Hi Dana, can you finish the report tomorrow?", "2025-01-31T12:00:00+00:00", "date", "2025-02-01", ""},
    {"I need this today.", "2025-01-31T12:00:00+00:00", "date", "2025-01-31", ""},
    {"Please send it by the day after tomorrow.", "2025-01-31T12:00:00+00:00", "date", "2025-02-02", ""},
    {"Can you have the draft ready in two weeks?", "2025-01-31T12:00:00+00:00", "date", "2025-02-14", ""},
    {"I need the numbers in 3 days, thanks.", "2025-01-31T12:00:00+00:00", "date", "2025-02-03", ""},
    {"Could we get this wrapped up in a month?", "2025-01-31T12:00:00+00:00", "date", "2025-02-28", ""},
    {"Reminder: the invoice is due EOD.", "2025-01-31T12:00:00+00:00", "datetime", "2025-01-31T17:00:00+00:00", ""},
    {"Let's aim for EOD tomorrow if that works for you.", "2025-01-31T12:00:00+00:00", "datetime", "2025-02-01T17:00:00+00:00", ""},
    {"The client wants the deck end of the month.", "2025-01-31T12:00:00+00:00", "date", "2025-01-31", ""},
    {"Hi Dana, can you finish the report end of next month?", "2025-01-31T12:00:00+00:00", "date", "2025-02-28", ""},
    {"Please send it by end of the week.", "2025-01-31T12:00:00+00:00", "date", "2025-01-31", ""},
    {"Can you have the draft ready end of next week?", "2025-01-31T12:00:00+00:00", "date", "2025-02-07", ""},
    {"I need the numbers next week, thanks.", "2025-01-31T12:00:00+00:00", "interval", "2025-02-03", "2025-02-09"},
    {"Could we get this wrapped up early next week?", "2025-01-31T12:00:00+00:00", "interval", "2025-02-03", "2025-02-04"},
    {"Reminder: the invoice is due Jan 3.", "2025-01-31T12:00:00+00:00", "date", "2026-01-03", ""},
    {"Let's aim for March 15th if that works for you.", "2025-01-31T12:00:00+00:00", "date", "2025-03-15", ""},
    {"The client wants the deck Dec 20.", "2025-01-31T12:00:00+00:00", "date", "2025-12-20", ""},
    {"Hi Dana, can you finish the report 7/4?", "2025-01-31T12:00:00+00:00", "date", "2025-07-04", ""},
    {"Please send it by the 15th.", "2025-01-31T12:00:00+00:00", "date", "2025-02-15", ""},
    {"Can you have the draft ready in 3 business days?", "2025-01-31T12:00:00+00:00", "date", "2025-02-05", ""},
    {"I need the numbers end of the quarter, thanks.", "2025-01-31T12:00:00+00:00", "date", "2025-03-31", ""},
    {"Could we get this wrapped up end of Q4?", "2025-01-31T12:00:00+00:00", "date", "2025-12-31", ""},
    {"Reminder: the invoice is due 5pm.", "2025-01-31T12:00:00+00:00", "datetime", "2025-01-31T17:00:00+00:00", ""},
    {"Let's aim for Friday at 3pm if that works for you.", "2025-01-31T12:00:00+00:00", "datetime", "2025-01-31T15:00:00+00:00", ""},
    {"The client wants the deck tomorrow morning.", "2025-01-31T12:00:00+00:00", "interval", "2025-02-01T08:00:00+00:00", "2025-02-01T12:00:00+00:00"},
    {"Hi Dana, can you finish the report noon tomorrow?", "2025-01-31T12:00:00+00:00", "datetime", "2025-02-01T12:00:00+00:00", ""},
    {"Please send it by within 48 hours.", "2025-01-31T12:00:00+00:00", "datetime", "2025-02-02T12:00:00+00:00", ""},
    {"Can you have the draft ready Monday?", "2025-03-10T09:00:00+05:30", "date", "2025-03-10", ""},
    {"I need the numbers Wednesday, thanks.", "2025-03-10T09:00:00+05:30", "date", "2025-03-12", ""},
    {"Could we get this wrapped up Friday?", "2025-03-10T09:00:00+05:30", "date", "2025-03-14", ""},
    {"Reminder: the invoice is due Sunday.", "2025-03-10T09:00:00+05:30", "date", "2025-03-16", ""},
    {"Let's aim for next Tuesday if that works for you.", "2025-03-10T09:00:00+05:30", "date", "2025-03-18", ""},
    {"The client wants the deck this Tuesday.", "2025-03-10T09:00:00+05:30", "date", "2025-03-11", ""},
    {"Hi Dana, can you finish the report next Friday?", "2025-03-10T09:00:00+05:30", "date", "2025-03-21", ""},
    {"Please send it by this Friday.", "2025-03-10T09:00:00+05:30", "date", "2025-03-14", ""},
    {"Can you have the draft ready tomorrow?", "2025-03-10T09:00:00+05:30", "date", "2025-03-11", ""},
    {"I need this today.", "2025-03-10T09:00:00+05:30", "date", "2025-03-10", ""},
    {"I need the numbers the day after tomorrow, thanks.", "2025-03-10T09:00:00+05:30", "date", "2025-03-12", ""},
    {"Could we get this wrapped up in two weeks?", "2025-03-10T09:00:00+05:30", "date", "2025-03-24", ""},
    {"Reminder: the invoice is due in 3 days.", "2025-03-10T09:00:00+05:30", "date", "2025-03-13", ""},
    {"Let's aim for in a month if that works for you.", "2025-03-10T09:00:00+05:30", "date", "2025-04-10", ""},
    {"The client wants the deck EOD.", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-10T17:00:00+05:30", ""},
    {"Hi Dana, can you finish the report EOD tomorrow?", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-11T17:00:00+05:30", ""},
    {"Please send it by end of the month.", "2025-03-10T09:00:00+05:30", "date", "2025-03-31", ""},
    {"Can you have the draft ready end of next month?", "2025-03-10T09:00:00+05:30", "date", "2025-04-30", ""},
    {"I need the numbers end of the week, thanks.", "2025-03-10T09:00:00+05:30", "date", "2025-03-14", ""},
    {"Could we get this wrapped up end of next week?", "2025-03-10T09:00:00+05:30", "date", "2025-03-21", ""},
    {"Reminder: the invoice is due next week.", "2025-03-10T09:00:00+05:30", "interval", "2025-03-17", "2025-03-23"},
    {"Let's aim for early next week if that works for you.", "2025-03-10T09:00:00+05:30", "interval", "2025-03-17", "2025-03-18"},
    {"The client wants the deck Jan 3.", "2025-03-10T09:00:00+05:30", "date", "2026-01-03", ""},
    {"Hi Dana, can you finish the report March 15th?", "2025-03-10T09:00:00+05:30", "date", "2025-03-15", ""},
    {"Please send it by Dec 20.", "2025-03-10T09:00:00+05:30", "date", "2025-12-20", ""},
    {"Can you have the draft ready 7/4?", "2025-03-10T09:00:00+05:30", "date", "2025-07-04", ""},
    {"I need the numbers the 15th, thanks.", "2025-03-10T09:00:00+05:30", "date", "2025-03-15", ""},
    {"Could we get this wrapped up in 3 business days?", "2025-03-10T09:00:00+05:30", "date", "2025-03-13", ""},
    {"Reminder: the invoice is due end of the quarter.", "2025-03-10T09:00:00+05:30", "date", "2025-03-31", ""},
    {"Let's aim for end of Q4 if that works for you.", "2025-03-10T09:00:00+05:30", "date", "2025-12-31", ""},
    {"The client wants the deck 5pm.", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-10T17:00:00+05:30", ""},
    {"Hi Dana, can you finish the report Friday at 3pm?", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-14T15:00:00+05:30", ""},
    {"Please send it by tomorrow morning.", "2025-03-10T09:00:00+05:30", "interval", "2025-03-11T08:00:00+05:30", "2025-03-11T12:00:00+05:30"},
    {"Can you have the draft ready noon tomorrow?", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-11T12:00:00+05:30", ""},
    {"I need the numbers within 48 hours, thanks.", "2025-03-10T09:00:00+05:30", "datetime", "2025-03-12T09:00:00+05:30", ""},
    {"Could we get this wrapped up Monday?", "2025-10-24T14:00:00+01:00", "date", "2025-10-27", ""},
    {"Reminder: the invoice is due Wednesday.", "2025-10-24T14:00:00+01:00", "date", "2025-10-29", ""},
    {"Let's aim for Friday if that works for you.", "2025-10-24T14:00:00+01:00", "date", "2025-10-24", ""},
    {"The client wants the deck Sunday.", "2025-10-24T14:00:00+01:00", "date", "2025-10-26", ""},
    {"Hi Dana, can you finish the report next Tuesday?", "2025-10-24T14:00:00+01:00", "date", "2025-10-28", ""},
    {"Please send it by this Tuesday.", "2025-10-24T14:00:00+01:00", "date", "2025-10-28", ""},
    {"Can you have the draft ready next Friday?", "2025-10-24T14:00:00+01:00", "date", "2025-10-31", ""},
    {"I need the numbers this Friday, thanks.", "2025-10-24T14:00:00+01:00", "date", "2025-10-24", ""},
    {"Could we get this wrapped up tomorrow?", "2025-10-24T14:00:00+01:00", "date", "2025-10-25", ""},
    {"I need this today.", "2025-10-24T14:00:00+01:00", "date", "2025-10-24", ""},
    {"Reminder: the invoice is due the day after tomorrow.", "2025-10-24T14:00:00+01:00", "date", "2025-10-26", ""},
    {"Let's aim for in two weeks if that works for you.", "2025-10-24T14:00:00+01:00", "date", "2025-11-07", ""},
    {"The client wants the deck in 3 days.", "2025-10-24T14:00:00+01:00", "date", "2025-10-27", ""},
    {"Hi Dana, can you finish the report in a month?", "2025-10-24T14:00:00+01:00", "date", "2025-11-24", ""},
    {"Please send it by EOD.", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-24T17:00:00+01:00", ""},
    {"Can you have the draft ready EOD tomorrow?", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-25T17:00:00+01:00", ""},
    {"I need the numbers end of the month, thanks.", "2025-10-24T14:00:00+01:00", "date", "2025-10-31", ""},
    {"Could we get this wrapped up end of next month?", "2025-10-24T14:00:00+01:00", "date", "2025-11-30", ""},
    {"Reminder: the invoice is due end of the week.", "2025-10-24T14:00:00+01:00", "date", "2025-10-24", ""},
    {"Let's aim for end of next week if that works for you.", "2025-10-24T14:00:00+01:00", "date", "2025-10-31", ""},
    {"The client wants the deck next week.", "2025-10-24T14:00:00+01:00", "interval", "2025-10-27", "2025-11-02"},
    {"Hi Dana, can you finish the report early next week?", "2025-10-24T14:00:00+01:00", "interval", "2025-10-27", "2025-10-28"},
    {"Please send it by Jan 3.", "2025-10-24T14:00:00+01:00", "date", "2026-01-03", ""},
    {"Can you have the draft ready March 15th?", "2025-10-24T14:00:00+01:00", "date", "2026-03-15", ""},
    {"I need the numbers Dec 20, thanks.", "2025-10-24T14:00:00+01:00", "date", "2025-12-20", ""},
    {"Could we get this wrapped up 7/4?", "2025-10-24T14:00:00+01:00", "date", "2026-07-04", ""},
    {"Reminder: the invoice is due the 15th.", "2025-10-24T14:00:00+01:00", "date", "2025-11-15", ""},
    {"Let's aim for in 3 business days if that works for you.", "2025-10-24T14:00:00+01:00", "date", "2025-10-29", ""},
    {"The client wants the deck end of the quarter.", "2025-10-24T14:00:00+01:00", "date", "2025-12-31", ""},
    {"Hi Dana, can you finish the report end of Q4?", "2025-10-24T14:00:00+01:00", "date", "2025-12-31", ""},
    {"Please send it by 5pm.", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-24T17:00:00+01:00", ""},
    {"Can you have the draft ready Friday at 3pm?", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-24T15:00:00+01:00", ""},
    {"I need the numbers tomorrow morning, thanks.", "2025-10-24T14:00:00+01:00", "interval", "2025-10-25T08:00:00+01:00", "2025-10-25T12:00:00+01:00"},
    {"Could we get this wrapped up noon tomorrow?", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-25T12:00:00+01:00", ""},
    {"Reminder: the invoice is due within 48 hours.", "2025-10-24T14:00:00+01:00", "datetime", "2025-10-26T14:00:00+01:00", ""},
    {"Let's aim for Monday if that works for you.", "2025-12-22T09:00:00-08:00", "date", "2025-12-22", ""},
    {"The client wants the deck Wednesday.", "2025-12-22T09:00:00-08:00", "date", "2025-12-24", ""},
    {"Hi Dana, can you finish the report Friday?", "2025-12-22T09:00:00-08:00", "date", "2025-12-26", ""},
    {"Please send it by Sunday.", "2025-12-22T09:00:00-08:00", "date", "2025-12-28", ""},
    {"Can you have the draft ready next Tuesday?", "2025-12-22T09:00:00-08:00", "date", "2025-12-30", ""},
    {"I need the numbers this Tuesday, thanks.", "2025-12-22T09:00:00-08:00", "date", "2025-12-23", ""},
    {"Could we get this wrapped up next Friday?", "2025-12-22T09:00:00-08:00", "date", "2026-01-02", ""},
    {"Reminder: the invoice is due this Friday.", "2025-12-22T09:00:00-08:00", "date", "2025-12-26", ""},
    {"Let's aim for tomorrow if that works for you.", "2025-12-22T09:00:00-08:00", "date", "2025-12-23", ""},
    {"I need this today.", "2025-12-22T09:00:00-08:00", "date", "2025-12-22", ""},
    {"The client wants the deck the day after tomorrow.", "2025-12-22T09:00:00-08:00", "date", "2025-12-24", ""},
    {"Hi Dana, can you finish the report in two weeks?", "2025-12-22T09:00:00-08:00", "date", "2026-01-05", ""},
    {"Please send it by in 3 days.", "2025-12-22T09:00:00-08:00", "date", "2025-12-25", ""},
    {"Can you have the draft ready in a month?", "2025-12-22T09:00:00-08:00", "date", "2026-01-22", ""},
    {"I need the numbers EOD, thanks.", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-22T17:00:00-08:00", ""},
    {"Could we get this wrapped up EOD tomorrow?", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-23T17:00:00-08:00", ""},
    {"Reminder: the invoice is due end of the month.", "2025-12-22T09:00:00-08:00", "date", "2025-12-31", ""},
    {"Let's aim for end of next month if that works for you.", "2025-12-22T09:00:00-08:00", "date", "2026-01-31", ""},
    {"The client wants the deck end of the week.", "2025-12-22T09:00:00-08:00", "date", "2025-12-26", ""},
    {"Hi Dana, can you finish the report end of next week?", "2025-12-22T09:00:00-08:00", "date", "2026-01-02", ""},
    {"Please send it by next week.", "2025-12-22T09:00:00-08:00", "interval", "2025-12-29", "2026-01-04"},
    {"Can you have the draft ready early next week?", "2025-12-22T09:00:00-08:00", "interval", "2025-12-29", "2025-12-30"},
    {"I need the numbers Jan 3, thanks.", "2025-12-22T09:00:00-08:00", "date", "2026-01-03", ""},
    {"Could we get this wrapped up March 15th?", "2025-12-22T09:00:00-08:00", "date", "2026-03-15", ""},
    {"Reminder: the invoice is due Dec 20.", "2025-12-22T09:00:00-08:00", "date", "2025-12-20", ""},
    {"Let's aim for 7/4 if that works for you.", "2025-12-22T09:00:00-08:00", "date", "2026-07-04", ""},
    {"The client wants the deck the 15th.", "2025-12-22T09:00:00-08:00", "date", "2026-01-15", ""},
    {"Hi Dana, can you finish the report in 3 business days?", "2025-12-22T09:00:00-08:00", "date", "2025-12-25", ""},
    {"Please send it by end of the quarter.", "2025-12-22T09:00:00-08:00", "date", "2025-12-31", ""},
    {"Can you have the draft ready end of Q4?", "2025-12-22T09:00:00-08:00", "date", "2025-12-31", ""},
    {"I need the numbers 5pm, thanks.", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-22T17:00:00-08:00", ""},
    {"Could we get this wrapped up Friday at 3pm?", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-26T15:00:00-08:00", ""},
    {"Reminder: the invoice is due tomorrow morning.", "2025-12-22T09:00:00-08:00", "interval", "2025-12-23T08:00:00-08:00", "2025-12-23T12:00:00-08:00"},
    {"Let's aim for noon tomorrow if that works for you.", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-23T12:00:00-08:00", ""},
    {"The client wants the deck within 48 hours.", "2025-12-22T09:00:00-08:00", "datetime", "2025-12-24T09:00:00-08:00", ""},
    {"Hi Dana, can you finish the report Monday?", "2025-06-01T18:45:00-04:00", "date", "2025-06-02", ""},
    {"Please send it by Wednesday.", "2025-06-01T18:45:00-04:00", "date", "2025-06-04", ""},
    {"Can you have the draft ready Friday?", "2025-06-01T18:45:00-04:00", "date", "2025-06-06", ""},
    {"I need the numbers Sunday, thanks.", "2025-06-01T18:45:00-04:00", "date", "2025-06-01", ""},
    {"Could we get this wrapped up next Tuesday?", "2025-06-01T18:45:00-04:00", "date", "2025-06-03", ""},
    {"Reminder: the invoice is due this Tuesday.", "2025-06-01T18:45:00-04:00", "date", "2025-06-03", ""},
    {"Let's aim for next Friday if that works for you.", "2025-06-01T18:45:00-04:00", "date", "2025-06-06", ""},
    {"The client wants the deck this Friday.", "2025-06-01T18:45:00-04:00", "date", "2025-06-06", ""},
    {"Hi Dana, can you finish the report tomorrow?", "2025-06-01T18:45:00-04:00", "date", "2025-06-02", ""},
    {"I need this today.", "2025-06-01T18:45:00-04:00", "date", "2025-06-01", ""},
    {"Please send it by the day after tomorrow.", "2025-06-01T18:45:00-04:00", "date", "2025-06-03", ""},
    {"Can you have the draft ready in two weeks?", "2025-06-01T18:45:00-04:00", "date", "2025-06-15", ""},
    {"I need the numbers in 3 days, thanks.", "2025-06-01T18:45:00-04:00", "date", "2025-06-04", ""},
    {"Could we get this wrapped up in a month?", "2025-06-01T18:45:00-04:00", "date", "2025-07-01", ""},
    {"Reminder: the invoice is due EOD.", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-01T17:00:00-04:00", ""},
    {"Let's aim for EOD tomorrow if that works for you.", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-02T17:00:00-04:00", ""},
    {"The client wants the deck end of the month.", "2025-06-01T18:45:00-04:00", "date", "2025-06-30", ""},
    {"Hi Dana, can you finish the report end of next month?", "2025-06-01T18:45:00-04:00", "date", "2025-07-31", ""},
    {"Please send it by end of the week.", "2025-06-01T18:45:00-04:00", "date", "2025-06-06", ""},
    {"Can you have the draft ready end of next week?", "2025-06-01T18:45:00-04:00", "date", "2025-06-06", ""},
    {"I need the numbers next week, thanks.", "2025-06-01T18:45:00-04:00", "interval", "2025-06-02", "2025-06-08"},
    {"Could we get this wrapped up early next week?", "2025-06-01T18:45:00-04:00", "interval", "2025-06-02", "2025-06-03"},
    {"Reminder: the invoice is due Jan 3.", "2025-06-01T18:45:00-04:00", "date", "2026-01-03", ""},
    {"Let's aim for March 15th if that works for you.", "2025-06-01T18:45:00-04:00", "date", "2026-03-15", ""},
    {"The client wants the deck Dec 20.", "2025-06-01T18:45:00-04:00", "date", "2025-12-20", ""},
    {"Hi Dana, can you finish the report 7/4?", "2025-06-01T18:45:00-04:00", "date", "2025-07-04", ""},
    {"Please send it by the 15th.", "2025-06-01T18:45:00-04:00", "date", "2025-06-15", ""},
    {"Can you have the draft ready in 3 business days?", "2025-06-01T18:45:00-04:00", "date", "2025-06-04", ""},
    {"I need the numbers end of the quarter, thanks.", "2025-06-01T18:45:00-04:00", "date", "2025-06-30", ""},
    {"Could we get this wrapped up end of Q4?", "2025-06-01T18:45:00-04:00", "date", "2025-12-31", ""},
    {"Reminder: the invoice is due 5pm.", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-02T17:00:00-04:00", ""},
    {"Let's aim for Friday at 3pm if that works for you.", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-06T15:00:00-04:00", ""},
    {"The client wants the deck tomorrow morning.", "2025-06-01T18:45:00-04:00", "interval", "2025-06-02T08:00:00-04:00", "2025-06-02T12:00:00-04:00"},
    {"Hi Dana, can you finish the report noon tomorrow?", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-02T12:00:00-04:00", ""},
    {"Please send it by within 48 hours.", "2025-06-01T18:45:00-04:00", "datetime", "2025-06-03T18:45:00-04:00", ""},
};

TEST(DateTable, ReferencesSecondHalf) {
    int passed = 0;
    for (const DateCase& c : kSecondHalfCases) {
        const auto reference = parse_iso8601(c.reference);
        ASSERT_TRUE(reference.has_value()) << c.reference;
        const auto found = find_dates(c.sentence, *reference);
        std::string got;
        for (const auto& e : found) {
            got += "[" + e.text + " " + std::string(date_kind_name(e.kind)) + " " + e.value + " " +
                   e.end_value + "] ";
        }
        if (std::string(c.kind) == "none") {
            EXPECT_TRUE(found.empty()) << c.sentence << " -> " << got;
            passed += found.empty() ? 1 : 0;
            continue;
        }
        const bool ok = found.size() == 1 && date_kind_name(found[0].kind) == c.kind &&
                        found[0].value == c.value && found[0].end_value == c.end_value;
        EXPECT_TRUE(ok) << c.sentence << " @ " << c.reference << ": want " << c.kind << " " << c.value
                        << " " << c.end_value << ", got " << got;
        passed += ok ? 1 : 0;
    }
    RecordProperty("passed", passed);
}

}  // namespace
}  // namespace casefile::core
