// Table-driven date resolution, part 1: deadline sentences against eleven
// reference moments (weekdays, year ends, Feb 29, DST weeks, offsets east and
// west). Expected values were computed independently (Python datetime) from
// the rules stated in core/date_expression.hpp.
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
const DateCase kFirstHalfCases[] = {
    {"Please send it by Monday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-17", ""},
    {"Can you have the draft ready Tuesday?", "2025-03-12T09:00:00-05:00", "date", "2025-03-18", ""},
    {"I need the numbers Wednesday, thanks.", "2025-03-12T09:00:00-05:00", "date", "2025-03-12", ""},
    {"Could we get this wrapped up Thursday?", "2025-03-12T09:00:00-05:00", "date", "2025-03-13", ""},
    {"Reminder: the invoice is due Friday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Let's aim for Saturday if that works for you.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"The client wants the deck Sunday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-16", ""},
    {"Hi Dana, can you finish the report next Tuesday?", "2025-03-12T09:00:00-05:00", "date", "2025-03-18", ""},
    {"Please send it by this Tuesday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-18", ""},
    {"Can you have the draft ready next Friday?", "2025-03-12T09:00:00-05:00", "date", "2025-03-21", ""},
    {"I need the numbers this Friday, thanks.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Could we get this wrapped up tomorrow?", "2025-03-12T09:00:00-05:00", "date", "2025-03-13", ""},
    {"I need this today.", "2025-03-12T09:00:00-05:00", "date", "2025-03-12", ""},
    {"Reminder: the invoice is due the day after tomorrow.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Let's aim for in two weeks if that works for you.", "2025-03-12T09:00:00-05:00", "date", "2025-03-26", ""},
    {"The client wants the deck in 3 days.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Hi Dana, can you finish the report in a month?", "2025-03-12T09:00:00-05:00", "date", "2025-04-12", ""},
    {"Please send it by EOD.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:00:00-05:00", ""},
    {"Can you have the draft ready EOD tomorrow?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T17:00:00-05:00", ""},
    {"I need the numbers end of the month, thanks.", "2025-03-12T09:00:00-05:00", "date", "2025-03-31", ""},
    {"Could we get this wrapped up end of next month?", "2025-03-12T09:00:00-05:00", "date", "2025-04-30", ""},
    {"Reminder: the invoice is due end of the week.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Let's aim for end of next week if that works for you.", "2025-03-12T09:00:00-05:00", "date", "2025-03-21", ""},
    {"The client wants the deck next week.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-23"},
    {"Hi Dana, can you finish the report early next week?", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-18"},
    {"Please send it by Jan 3.", "2025-03-12T09:00:00-05:00", "date", "2026-01-03", ""},
    {"Can you have the draft ready March 15th?", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"I need the numbers Dec 20, thanks.", "2025-03-12T09:00:00-05:00", "date", "2025-12-20", ""},
    {"Could we get this wrapped up 7/4?", "2025-03-12T09:00:00-05:00", "date", "2025-07-04", ""},
    {"Reminder: the invoice is due the 15th.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Let's aim for in 3 business days if that works for you.", "2025-03-12T09:00:00-05:00", "date", "2025-03-17", ""},
    {"The client wants the deck end of the quarter.", "2025-03-12T09:00:00-05:00", "date", "2025-03-31", ""},
    {"Hi Dana, can you finish the report end of Q4?", "2025-03-12T09:00:00-05:00", "date", "2025-12-31", ""},
    {"Please send it by 5pm.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:00:00-05:00", ""},
    {"Can you have the draft ready Friday at 3pm?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T15:00:00-05:00", ""},
    {"I need the numbers tomorrow morning, thanks.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-13T08:00:00-05:00", "2025-03-13T12:00:00-05:00"},
    {"Could we get this wrapped up noon tomorrow?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T12:00:00-05:00", ""},
    {"Reminder: the invoice is due within 48 hours.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T09:00:00-05:00", ""},
    {"Let's aim for Monday if that works for you.", "2025-03-14T16:30:00-05:00", "date", "2025-03-17", ""},
    {"The client wants the deck Wednesday.", "2025-03-14T16:30:00-05:00", "date", "2025-03-19", ""},
    {"Hi Dana, can you finish the report Friday?", "2025-03-14T16:30:00-05:00", "date", "2025-03-14", ""},
    {"Please send it by Sunday.", "2025-03-14T16:30:00-05:00", "date", "2025-03-16", ""},
    {"Can you have the draft ready next Tuesday?", "2025-03-14T16:30:00-05:00", "date", "2025-03-18", ""},
    {"I need the numbers this Tuesday, thanks.", "2025-03-14T16:30:00-05:00", "date", "2025-03-18", ""},
    {"Could we get this wrapped up next Friday?", "2025-03-14T16:30:00-05:00", "date", "2025-03-21", ""},
    {"Reminder: the invoice is due this Friday.", "2025-03-14T16:30:00-05:00", "date", "2025-03-14", ""},
    {"Let's aim for tomorrow if that works for you.", "2025-03-14T16:30:00-05:00", "date", "2025-03-15", ""},
    {"I need this today.", "2025-03-14T16:30:00-05:00", "date", "2025-03-14", ""},
    {"The client wants the deck the day after tomorrow.", "2025-03-14T16:30:00-05:00", "date", "2025-03-16", ""},
    {"Hi Dana, can you finish the report in two weeks?", "2025-03-14T16:30:00-05:00", "date", "2025-03-28", ""},
    {"Please send it by in 3 days.", "2025-03-14T16:30:00-05:00", "date", "2025-03-17", ""},
    {"Can you have the draft ready in a month?", "2025-03-14T16:30:00-05:00", "date", "2025-04-14", ""},
    {"I need the numbers EOD, thanks.", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Could we get this wrapped up EOD tomorrow?", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-15T17:00:00-05:00", ""},
    {"Reminder: the invoice is due end of the month.", "2025-03-14T16:30:00-05:00", "date", "2025-03-31", ""},
    {"Let's aim for end of next month if that works for you.", "2025-03-14T16:30:00-05:00", "date", "2025-04-30", ""},
    {"The client wants the deck end of the week.", "2025-03-14T16:30:00-05:00", "date", "2025-03-14", ""},
    {"Hi Dana, can you finish the report end of next week?", "2025-03-14T16:30:00-05:00", "date", "2025-03-21", ""},
    {"Please send it by next week.", "2025-03-14T16:30:00-05:00", "interval", "2025-03-17", "2025-03-23"},
    {"Can you have the draft ready early next week?", "2025-03-14T16:30:00-05:00", "interval", "2025-03-17", "2025-03-18"},
    {"I need the numbers Jan 3, thanks.", "2025-03-14T16:30:00-05:00", "date", "2026-01-03", ""},
    {"Could we get this wrapped up March 15th?", "2025-03-14T16:30:00-05:00", "date", "2025-03-15", ""},
    {"Reminder: the invoice is due Dec 20.", "2025-03-14T16:30:00-05:00", "date", "2025-12-20", ""},
    {"Let's aim for 7/4 if that works for you.", "2025-03-14T16:30:00-05:00", "date", "2025-07-04", ""},
    {"The client wants the deck the 15th.", "2025-03-14T16:30:00-05:00", "date", "2025-03-15", ""},
    {"Hi Dana, can you finish the report in 3 business days?", "2025-03-14T16:30:00-05:00", "date", "2025-03-19", ""},
    {"Please send it by end of the quarter.", "2025-03-14T16:30:00-05:00", "date", "2025-03-31", ""},
    {"Can you have the draft ready end of Q4?", "2025-03-14T16:30:00-05:00", "date", "2025-12-31", ""},
    {"I need the numbers 5pm, thanks.", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Could we get this wrapped up Friday at 3pm?", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-14T15:00:00-05:00", ""},
    {"Reminder: the invoice is due tomorrow morning.", "2025-03-14T16:30:00-05:00", "interval", "2025-03-15T08:00:00-05:00", "2025-03-15T12:00:00-05:00"},
    {"Let's aim for noon tomorrow if that works for you.", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-15T12:00:00-05:00", ""},
    {"The client wants the deck within 48 hours.", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-16T16:30:00-05:00", ""},
    {"Hi Dana, can you finish the report Monday?", "2025-12-28T10:00:00+01:00", "date", "2025-12-29", ""},
    {"Please send it by Wednesday.", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"Can you have the draft ready Friday?", "2025-12-28T10:00:00+01:00", "date", "2026-01-02", ""},
    {"I need the numbers Sunday, thanks.", "2025-12-28T10:00:00+01:00", "date", "2025-12-28", ""},
    {"Could we get this wrapped up next Tuesday?", "2025-12-28T10:00:00+01:00", "date", "2025-12-30", ""},
    {"Reminder: the invoice is due this Tuesday.", "2025-12-28T10:00:00+01:00", "date", "2025-12-30", ""},
    {"Let's aim for next Friday if that works for you.", "2025-12-28T10:00:00+01:00", "date", "2026-01-02", ""},
    {"The client wants the deck this Friday.", "2025-12-28T10:00:00+01:00", "date", "2026-01-02", ""},
    {"Hi Dana, can you finish the report tomorrow?", "2025-12-28T10:00:00+01:00", "date", "2025-12-29", ""},
    {"I need this today.", "2025-12-28T10:00:00+01:00", "date", "2025-12-28", ""},
    {"Please send it by the day after tomorrow.", "2025-12-28T10:00:00+01:00", "date", "2025-12-30", ""},
    {"Can you have the draft ready in two weeks?", "2025-12-28T10:00:00+01:00", "date", "2026-01-11", ""},
    {"I need the numbers in 3 days, thanks.", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"Could we get this wrapped up in a month?", "2025-12-28T10:00:00+01:00", "date", "2026-01-28", ""},
    {"Reminder: the invoice is due EOD.", "2025-12-28T10:00:00+01:00", "datetime", "2025-12-28T17:00:00+01:00", ""},
    {"Let's aim for EOD tomorrow if that works for you.", "2025-12-28T10:00:00+01:00", "datetime", "2025-12-29T17:00:00+01:00", ""},
    {"The client wants the deck end of the month.", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"Hi Dana, can you finish the report end of next month?", "2025-12-28T10:00:00+01:00", "date", "2026-01-31", ""},
    {"Please send it by end of the week.", "2025-12-28T10:00:00+01:00", "date", "2026-01-02", ""},
    {"Can you have the draft ready end of next week?", "2025-12-28T10:00:00+01:00", "date", "2026-01-02", ""},
    {"I need the numbers next week, thanks.", "2025-12-28T10:00:00+01:00", "interval", "2025-12-29", "2026-01-04"},
    {"Could we get this wrapped up early next week?", "2025-12-28T10:00:00+01:00", "interval", "2025-12-29", "2025-12-30"},
    {"Reminder: the invoice is due Jan 3.", "2025-12-28T10:00:00+01:00", "date", "2026-01-03", ""},
    {"Let's aim for March 15th if that works for you.", "2025-12-28T10:00:00+01:00", "date", "2026-03-15", ""},
    {"The client wants the deck Dec 20.", "2025-12-28T10:00:00+01:00", "date", "2026-12-20", ""},
    {"Hi Dana, can you finish the report 7/4?", "2025-12-28T10:00:00+01:00", "date", "2026-07-04", ""},
    {"Please send it by the 15th.", "2025-12-28T10:00:00+01:00", "date", "2026-01-15", ""},
    {"Can you have the draft ready in 3 business days?", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"I need the numbers end of the quarter, thanks.", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"Could we get this wrapped up end of Q4?", "2025-12-28T10:00:00+01:00", "date", "2025-12-31", ""},
    {"Reminder: the invoice is due 5pm.", "2025-12-28T10:00:00+01:00", "datetime", "2025-12-28T17:00:00+01:00", ""},
    {"Let's aim for Friday at 3pm if that works for you.", "2025-12-28T10:00:00+01:00", "datetime", "2026-01-02T15:00:00+01:00", ""},
    {"The client wants the deck tomorrow morning.", "2025-12-28T10:00:00+01:00", "interval", "2025-12-29T08:00:00+01:00", "2025-12-29T12:00:00+01:00"},
    {"Hi Dana, can you finish the report noon tomorrow?", "2025-12-28T10:00:00+01:00", "datetime", "2025-12-29T12:00:00+01:00", ""},
    {"Please send it by within 48 hours.", "2025-12-28T10:00:00+01:00", "datetime", "2025-12-30T10:00:00+01:00", ""},
    {"Can you have the draft ready Monday?", "2024-02-27T11:00:00+00:00", "date", "2024-03-04", ""},
    {"I need the numbers Wednesday, thanks.", "2024-02-27T11:00:00+00:00", "date", "2024-02-28", ""},
    {"Could we get this wrapped up Friday?", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Reminder: the invoice is due Sunday.", "2024-02-27T11:00:00+00:00", "date", "2024-03-03", ""},
    {"Let's aim for next Tuesday if that works for you.", "2024-02-27T11:00:00+00:00", "date", "2024-03-05", ""},
    {"The client wants the deck this Tuesday.", "2024-02-27T11:00:00+00:00", "date", "2024-02-27", ""},
    {"Hi Dana, can you finish the report next Friday?", "2024-02-27T11:00:00+00:00", "date", "2024-03-08", ""},
    {"Please send it by this Friday.", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Can you have the draft ready tomorrow?", "2024-02-27T11:00:00+00:00", "date", "2024-02-28", ""},
    {"I need this today.", "2024-02-27T11:00:00+00:00", "date", "2024-02-27", ""},
    {"I need the numbers the day after tomorrow, thanks.", "2024-02-27T11:00:00+00:00", "date", "2024-02-29", ""},
    {"Could we get this wrapped up in two weeks?", "2024-02-27T11:00:00+00:00", "date", "2024-03-12", ""},
    {"Reminder: the invoice is due in 3 days.", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Let's aim for in a month if that works for you.", "2024-02-27T11:00:00+00:00", "date", "2024-03-27", ""},
    {"The client wants the deck EOD.", "2024-02-27T11:00:00+00:00", "datetime", "2024-02-27T17:00:00+00:00", ""},
    {"Hi Dana, can you finish the report EOD tomorrow?", "2024-02-27T11:00:00+00:00", "datetime", "2024-02-28T17:00:00+00:00", ""},
    {"Please send it by end of the month.", "2024-02-27T11:00:00+00:00", "date", "2024-02-29", ""},
    {"Can you have the draft ready end of next month?", "2024-02-27T11:00:00+00:00", "date", "2024-03-31", ""},
    {"I need the numbers end of the week, thanks.", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Could we get this wrapped up end of next week?", "2024-02-27T11:00:00+00:00", "date", "2024-03-08", ""},
    {"Reminder: the invoice is due next week.", "2024-02-27T11:00:00+00:00", "interval", "2024-03-04", "2024-03-10"},
    {"Let's aim for early next week if that works for you.", "2024-02-27T11:00:00+00:00", "interval", "2024-03-04", "2024-03-05"},
    {"The client wants the deck Jan 3.", "2024-02-27T11:00:00+00:00", "date", "2025-01-03", ""},
    {"Hi Dana, can you finish the report March 15th?", "2024-02-27T11:00:00+00:00", "date", "2024-03-15", ""},
    {"Please send it by Dec 20.", "2024-02-27T11:00:00+00:00", "date", "2024-12-20", ""},
    {"Can you have the draft ready 7/4?", "2024-02-27T11:00:00+00:00", "date", "2024-07-04", ""},
    {"I need the numbers the 15th, thanks.", "2024-02-27T11:00:00+00:00", "date", "2024-03-15", ""},
    {"Could we get this wrapped up in 3 business days?", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Reminder: the invoice is due end of the quarter.", "2024-02-27T11:00:00+00:00", "date", "2024-03-31", ""},
    {"Let's aim for end of Q4 if that works for you.", "2024-02-27T11:00:00+00:00", "date", "2024-12-31", ""},
    {"The client wants the deck 5pm.", "2024-02-27T11:00:00+00:00", "datetime", "2024-02-27T17:00:00+00:00", ""},
    {"Hi Dana, can you finish the report Friday at 3pm?", "2024-02-27T11:00:00+00:00", "datetime", "2024-03-01T15:00:00+00:00", ""},
    {"Please send it by tomorrow morning.", "2024-02-27T11:00:00+00:00", "interval", "2024-02-28T08:00:00+00:00", "2024-02-28T12:00:00+00:00"},
    {"Can you have the draft ready noon tomorrow?", "2024-02-27T11:00:00+00:00", "datetime", "2024-02-28T12:00:00+00:00", ""},
    {"I need the numbers within 48 hours, thanks.", "2024-02-27T11:00:00+00:00", "datetime", "2024-02-29T11:00:00+00:00", ""},
    {"Could we get this wrapped up Monday?", "2025-11-14T08:15:00-06:00", "date", "2025-11-17", ""},
    {"Reminder: the invoice is due Wednesday.", "2025-11-14T08:15:00-06:00", "date", "2025-11-19", ""},
    {"Let's aim for Friday if that works for you.", "2025-11-14T08:15:00-06:00", "date", "2025-11-14", ""},
    {"The client wants the deck Sunday.", "2025-11-14T08:15:00-06:00", "date", "2025-11-16", ""},
    {"Hi Dana, can you finish the report next Tuesday?", "2025-11-14T08:15:00-06:00", "date", "2025-11-18", ""},
    {"Please send it by this Tuesday.", "2025-11-14T08:15:00-06:00", "date", "2025-11-18", ""},
    {"Can you have the draft ready next Friday?", "2025-11-14T08:15:00-06:00", "date", "2025-11-21", ""},
    {"I need the numbers this Friday, thanks.", "2025-11-14T08:15:00-06:00", "date", "2025-11-14", ""},
    {"Could we get this wrapped up tomorrow?", "2025-11-14T08:15:00-06:00", "date", "2025-11-15", ""},
    {"I need this today.", "2025-11-14T08:15:00-06:00", "date", "2025-11-14", ""},
    {"Reminder: the invoice is due the day after tomorrow.", "2025-11-14T08:15:00-06:00", "date", "2025-11-16", ""},
    {"Let's aim for in two weeks if that works for you.", "2025-11-14T08:15:00-06:00", "date", "2025-11-28", ""},
    {"The client wants the deck in 3 days.", "2025-11-14T08:15:00-06:00", "date", "2025-11-17", ""},
    {"Hi Dana, can you finish the report in a month?", "2025-11-14T08:15:00-06:00", "date", "2025-12-14", ""},
    {"Please send it by EOD.", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-14T17:00:00-06:00", ""},
    {"Can you have the draft ready EOD tomorrow?", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-15T17:00:00-06:00", ""},
    {"I need the numbers end of the month, thanks.", "2025-11-14T08:15:00-06:00", "date", "2025-11-30", ""},
    {"Could we get this wrapped up end of next month?", "2025-11-14T08:15:00-06:00", "date", "2025-12-31", ""},
    {"Reminder: the invoice is due end of the week.", "2025-11-14T08:15:00-06:00", "date", "2025-11-14", ""},
    {"Let's aim for end of next week if that works for you.", "2025-11-14T08:15:00-06:00", "date", "2025-11-21", ""},
    {"The client wants the deck next week.", "2025-11-14T08:15:00-06:00", "interval", "2025-11-17", "2025-11-23"},
    {"Hi Dana, can you finish the report early next week?", "2025-11-14T08:15:00-06:00", "interval", "2025-11-17", "2025-11-18"},
    {"Please send it by Jan 3.", "2025-11-14T08:15:00-06:00", "date", "2026-01-03", ""},
    {"Can you have the draft ready March 15th?", "2025-11-14T08:15:00-06:00", "date", "2026-03-15", ""},
    {"I need the numbers Dec 20, thanks.", "2025-11-14T08:15:00-06:00", "date", "2025-12-20", ""},
    {"Could we get this wrapped up 7/4?", "2025-11-14T08:15:00-06:00", "date", "2026-07-04", ""},
    {"Reminder: the invoice is due the 15th.", "2025-11-14T08:15:00-06:00", "date", "2025-11-15", ""},
    {"Let's aim for in 3 business days if that works for you.", "2025-11-14T08:15:00-06:00", "date", "2025-11-19", ""},
    {"The client wants the deck end of the quarter.", "2025-11-14T08:15:00-06:00", "date", "2025-12-31", ""},
    {"Hi Dana, can you finish the report end of Q4?", "2025-11-14T08:15:00-06:00", "date", "2025-12-31", ""},
    {"Please send it by 5pm.", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-14T17:00:00-06:00", ""},
    {"Can you have the draft ready Friday at 3pm?", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-14T15:00:00-06:00", ""},
    {"I need the numbers tomorrow morning, thanks.", "2025-11-14T08:15:00-06:00", "interval", "2025-11-15T08:00:00-06:00", "2025-11-15T12:00:00-06:00"},
    {"Could we get this wrapped up noon tomorrow?", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-15T12:00:00-06:00", ""},
    {"Reminder: the invoice is due within 48 hours.", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-16T08:15:00-06:00", ""},
    {"Let's aim for Monday if that works for you.", "2025-03-07T10:00:00-05:00", "date", "2025-03-10", ""},
    {"The client wants the deck Wednesday.", "2025-03-07T10:00:00-05:00", "date", "2025-03-12", ""},
    {"Hi Dana, can you finish the report Friday?", "2025-03-07T10:00:00-05:00", "date", "2025-03-07", ""},
    {"Please send it by Sunday.", "2025-03-07T10:00:00-05:00", "date", "2025-03-09", ""},
    {"Can you have the draft ready next Tuesday?", "2025-03-07T10:00:00-05:00", "date", "2025-03-11", ""},
    {"I need the numbers this Tuesday, thanks.", "2025-03-07T10:00:00-05:00", "date", "2025-03-11", ""},
    {"Could we get this wrapped up next Friday?", "2025-03-07T10:00:00-05:00", "date", "2025-03-14", ""},
    {"Reminder: the invoice is due this Friday.", "2025-03-07T10:00:00-05:00", "date", "2025-03-07", ""},
    {"Let's aim for tomorrow if that works for you.", "2025-03-07T10:00:00-05:00", "date", "2025-03-08", ""},
    {"I need this today.", "2025-03-07T10:00:00-05:00", "date", "2025-03-07", ""},
    {"The client wants the deck the day after tomorrow.", "2025-03-07T10:00:00-05:00", "date", "2025-03-09", ""},
    {"Hi Dana, can you finish the report in two weeks?", "2025-03-07T10:00:00-05:00", "date", "2025-03-21", ""},
    {"Please send it by in 3 days.", "2025-03-07T10:00:00-05:00", "date", "2025-03-10", ""},
    {"Can you have the draft ready in a month?", "2025-03-07T10:00:00-05:00", "date", "2025-04-07", ""},
    {"I need the numbers EOD, thanks.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-07T17:00:00-05:00", ""},
    {"Could we get this wrapped up EOD tomorrow?", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-08T17:00:00-05:00", ""},
};

TEST(DateTable, ReferencesFirstHalf) {
    int passed = 0;
    for (const DateCase& c : kFirstHalfCases) {
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
