// The rules engine's mechanics with small hand-written rules: whole-word
// phrases, contexts, exclusions, senders, the first message of a thread, bulk
// mail, and deadline history. Realistic mail against the default rule set is
// in tests/config/default_rules_test.cpp.
#include "core/detect.hpp"

#include <gtest/gtest.h>

#include "support/expect_ok.hpp"

namespace casefile::core {
namespace {

// Wednesday 2025-03-12 09:00 in Chicago (-05:00).
constexpr Timestamp kWednesday{1741788000, -300};

Rule rule(std::string id, Category category, std::vector<std::string> phrases,
          std::vector<RuleContext> contexts = {}, std::vector<std::string> exclusions = {}) {
    Rule out;
    out.id = std::move(id);
    out.category = category;
    out.phrases = std::move(phrases);
    out.contexts = std::move(contexts);
    out.exclusions = std::move(exclusions);
    return out;
}

RuleSet rule_set(std::vector<Rule> rules) {
    auto created = RuleSet::create(std::move(rules));
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created ? std::move(*created) : *RuleSet::create({});
}

Detection run(const RuleSet& rules, std::string_view text, DetectInput input = {}) {
    input.own_text = text;
    input.date = kWednesday;
    input.explain = true;
    return detect(rules, input);
}

const RuleSet& deadline_rules() {
    static const RuleSet rules = rule_set({
        rule("by-date", Category::deadline_set, {"by"}, {RuleContext::date_after}, {"no rush", "meeting"}),
        rule("asap", Category::deadline_set, {"asap"}),
        rule("move", Category::deadline_change, {"push the"}, {RuleContext::resolved_date}),
        rule("also", Category::scope_add, {"could you also"}),
    });
    return rules;
}

TEST(Detect, PhraseMatchesWholeWordsOnly) {
    const RuleSet rules = rule_set({rule("r", Category::payment, {"rate"})});
    EXPECT_TRUE(run(rules, "Maybe we can talk about it separately.").events.empty());
    EXPECT_TRUE(run(rules, "We will celebrate tomorrow.").events.empty());
    const auto found = run(rules, "Fine. What is your RATE for this?");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].evidence, "What is your RATE for this?");
    EXPECT_EQ(found.events[0].start, 6u);
    EXPECT_EQ(found.events[0].end, 33u);
}

TEST(Detect, WildcardStandsForOneWord) {
    const RuleSet rules = rule_set({rule("r", Category::escalation, {"asked you * times"})});
    EXPECT_EQ(run(rules, "I have asked you three times now.").events.size(), 1u);
    EXPECT_TRUE(run(rules, "I asked you many many times.").events.empty());
}

TEST(Detect, PhraseDoesNotCrossSentences) {
    const RuleSet rules = rule_set({rule("r", Category::agreement, {"go ahead"})});
    EXPECT_TRUE(run(rules, "Please let me know before you go. Ahead of time is best.").events.empty());
}

TEST(Detect, DateRightAfterThePhraseResolvesTheDeadline) {
    const auto found = run(deadline_rules(), "Hi Dana. Could you send the deck by Friday? Thanks.");
    ASSERT_EQ(found.events.size(), 1u);
    const Event& event = found.events[0];
    EXPECT_EQ(event.category, Category::deadline_set);
    EXPECT_EQ(event.evidence, "Could you send the deck by Friday?");
    EXPECT_EQ(event.due, "2025-03-14");
    EXPECT_EQ(event.previous_due, "");
    EXPECT_EQ(event.rule, "by-date");
    EXPECT_DOUBLE_EQ(event.confidence, 0.8);
}

TEST(Detect, DateFarFromThePhraseIsANearMiss) {
    const auto found = run(deadline_rules(), "This was sent by Bob from accounting on Friday.");
    EXPECT_TRUE(found.events.empty());
    ASSERT_EQ(found.near_misses.size(), 1u);
    EXPECT_EQ(found.near_misses[0].rule, "by-date");
    EXPECT_EQ(found.near_misses[0].reason, "needs a date expression right after the phrase");
}

TEST(Detect, PastDatesAreNoDeadline) {
    EXPECT_TRUE(run(deadline_rules(), "The notes were done by last Tuesday.").events.empty());
}

TEST(Detect, ExclusionInTheSentenceBlocksTheRule) {
    const auto found = run(deadline_rules(), "No rush at all, by Friday would be lovely.");
    EXPECT_TRUE(found.events.empty());
    ASSERT_EQ(found.near_misses.size(), 1u);
    EXPECT_EQ(found.near_misses[0].reason, "excluded by \"No rush\"");
    // In another sentence the exclusion does not apply.
    EXPECT_EQ(run(deadline_rules(), "No rush on the logo. The deck by Friday please.").events.size(), 1u);
}

TEST(Detect, AnExclusionAlsoStopsItsPlural) {
    const auto meetings = run(deadline_rules(), "Please keep your meetings short by Friday.");
    EXPECT_TRUE(meetings.events.empty());
    ASSERT_EQ(meetings.near_misses.size(), 1u);
    EXPECT_EQ(meetings.near_misses[0].reason, "excluded by \"meetings\"");
    // Only the whole word: "meetingsroom" is no plural of "meeting".
    EXPECT_EQ(run(deadline_rules(), "Book the meetingsroom by Friday.").events.size(), 1u);
}

TEST(Detect, RequiredWordsMustBeInTheSentence) {
    Rule asked = rule("asked", Category::deadline_set, {"by"}, {RuleContext::date_after});
    asked.required = {"please", "you"};
    const RuleSet rules = rule_set({asked});
    // Narrative: nobody is asked for anything.
    const auto story = run(rules, "The old vendor was gone by Friday, and nobody missed them.");
    EXPECT_TRUE(story.events.empty());
    ASSERT_EQ(story.near_misses.size(), 1u);
    EXPECT_NE(story.near_misses[0].reason.find("required"), std::string::npos) << story.near_misses[0].reason;
    // A required word in another sentence does not count.
    EXPECT_TRUE(run(rules, "Thank you. The files were all in by Friday.").events.empty());
    const auto request = run(rules, "Could you have the files in by Friday?");
    ASSERT_EQ(request.events.size(), 1u);
    EXPECT_EQ(request.events[0].due, "2025-03-14");
    // A required word is not a trigger on its own.
    EXPECT_TRUE(run(rules, "Please keep me posted on Friday.").events.empty());
}

TEST(Detect, AsapIsADeadlineWithoutADate) {
    const auto found = run(deadline_rules(), "Please get the contract back to me ASAP.");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].category, Category::deadline_set);
    EXPECT_EQ(found.events[0].due, "");
}

TEST(Detect, AStatedDateThatDiffersFromTheThreadDeadlineIsAChange) {
    DetectInput input;
    input.current_deadline = "2025-03-14";
    const auto found = run(deadline_rules(), "Could you send the deck by Monday?", input);
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].category, Category::deadline_change);
    EXPECT_EQ(found.events[0].due, "2025-03-17");
    EXPECT_EQ(found.events[0].previous_due, "2025-03-14");
    EXPECT_EQ(found.events[0].move, DueMove::later);

    const auto same = run(deadline_rules(), "Just a reminder: the deck by Friday.", input);
    ASSERT_EQ(same.events.size(), 1u);
    EXPECT_EQ(same.events[0].category, Category::deadline_set);
}

TEST(Detect, ChangeFromOneDateToAnotherRecordsBoth) {
    const auto found = run(deadline_rules(), "Can we push the review from Thursday to next Wednesday?");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].category, Category::deadline_change);
    EXPECT_EQ(found.events[0].due, "2025-03-19");
    EXPECT_EQ(found.events[0].previous_due, "2025-03-13");
    EXPECT_EQ(found.events[0].move, DueMove::later);
}

TEST(Detect, SeveralDeliverablesInOneMessageKeepTheirOwnDates) {
    const auto found = run(deadline_rules(), "The draft by Friday please. The final deck by Thursday.");
    ASSERT_EQ(found.events.size(), 2u);
    EXPECT_EQ(found.events[0].category, Category::deadline_set);
    EXPECT_EQ(found.events[1].category, Category::deadline_set);
    EXPECT_EQ(found.events[1].due, "2025-03-13");
}

TEST(Detect, AnExplicitChangeComparesWithTheDeadlineSetEarlierInTheMessage) {
    const auto found = run(deadline_rules(), "The draft by Friday please. Sorry, push the draft to Monday.");
    ASSERT_EQ(found.events.size(), 2u);
    EXPECT_EQ(found.events[1].category, Category::deadline_change);
    EXPECT_EQ(found.events[1].previous_due, "2025-03-14");
    EXPECT_EQ(found.events[1].move, DueMove::later);
}

TEST(Detect, TheDateAfterThePhraseIsTheDueDate) {
    const RuleSet rules = rule_set({rule("due", Category::deadline_set, {"due"}, {RuleContext::date})});
    const auto found = run(rules, "On March 13 we agreed the report, due Friday, March 21.");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].due, "2025-03-21");
}

TEST(Detect, FirstMessageOfAThreadIsNeverAScopeChange) {
    DetectInput first;
    first.first_in_thread = true;
    const auto found = run(deadline_rules(), "Could you also book the venue?", first);
    EXPECT_TRUE(found.events.empty());
    ASSERT_EQ(found.near_misses.size(), 1u);
    EXPECT_EQ(run(deadline_rules(), "Could you also book the venue?").events.size(), 1u);
}

TEST(Detect, BulkMailFiresNothing) {
    DetectInput bulk;
    bulk.bulk = true;
    EXPECT_TRUE(run(deadline_rules(), "Register by Friday! Seats go ASAP.", bulk).events.empty());
}

TEST(Detect, SenderRestrictsWhoseMailARuleReads) {
    Rule va_only = rule("mine", Category::deadline_set, {"i'll send"}, {RuleContext::date});
    va_only.sender = RuleSender::va;
    const RuleSet rules = rule_set({va_only});
    DetectInput from_va;
    from_va.from_va = true;
    EXPECT_EQ(run(rules, "I'll send it over tomorrow.", from_va).events.size(), 1u);
    EXPECT_TRUE(run(rules, "I'll send it over tomorrow.").events.empty());
}

TEST(Detect, OutsideHoursContext) {
    const RuleSet rules = rule_set({rule("late", Category::boundary, {"tonight"}, {RuleContext::outside_hours})});
    DetectInput late;
    late.outside_working_hours = true;
    EXPECT_EQ(run(rules, "I need this tonight.", late).events.size(), 1u);
    EXPECT_TRUE(run(rules, "I need this tonight.").events.empty());
}

TEST(Detect, RulesOnOneSentenceAndCategoryCombine) {
    Rule first = rule("a", Category::escalation, {"unacceptable"});
    first.weight = 0.5;
    Rule second = rule("b", Category::escalation, {"third time"});
    second.weight = 0.6;
    const auto found = run(rule_set({first, second}), "This is unacceptable, for the third time.");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].rule, "b");
    EXPECT_DOUBLE_EQ(found.events[0].confidence, 0.8);
}

TEST(Detect, CancellingRuleDropsTheDeadline) {
    Rule cancel = rule("off", Category::deadline_change, {"deadline is off"});
    cancel.cancels = true;
    DetectInput input;
    input.current_deadline = "2025-03-14";
    const auto found = run(rule_set({cancel}), "Good news: the deadline is off.", input);
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].move, DueMove::cancelled);
    EXPECT_EQ(found.events[0].previous_due, "2025-03-14");
    EXPECT_EQ(found.events[0].due, "");
}

TEST(Detect, PatternsMatchInsideOneSentence) {
    Rule pattern;
    pattern.id = "re";
    pattern.category = Category::payment;
    pattern.patterns = {"inv(oice)?[- ]?#?\\d+"};
    const auto found = run(rule_set({pattern}), "Hi. Attached is INV-1042 for March.");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].evidence, "Attached is INV-1042 for March.");
}

// An instruction opens its sentence; the same verb inside a sentence, or a
// noun, is no instruction.
TEST(Detect, SentenceStartContextNeedsThePhraseFirst) {
    const RuleSet rules =
        rule_set({rule("instruction", Category::deadline_set, {"send"},
                       {RuleContext::sentence_start, RuleContext::resolved_date})});
    const auto found = run(rules, "Trading goals.\nSend the signed confirms to Jay on Friday.");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].due, "2025-03-14");
    EXPECT_EQ(run(rules, "2. Send the signed confirms to Jay on Friday.").events.size(), 1u);
    const auto told = run(rules, "Jay will send the signed confirms to you on Friday.");
    EXPECT_TRUE(told.events.empty());
    ASSERT_FALSE(told.near_misses.empty());
    EXPECT_EQ(told.near_misses[0].reason, "the phrase does not start the sentence");
}

// The date of an ask may sit in a sentence next to it; not a date in a
// sentence the rule excludes, nor a time already past when the mail was sent.
TEST(Detect, DateNearbyLooksAroundTheSentence) {
    const RuleSet rules = rule_set({rule("asked", Category::deadline_set, {"please provide"},
                                         {RuleContext::date_nearby}, {"call"})});
    const auto found =
        run(rules,
            "As we are approaching the March 20th interview dates, we need to finalize "
            "the screens. Can you please provide me with your feedback?");
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].evidence, "Can you please provide me with your feedback?");
    EXPECT_EQ(found.events[0].due, "2025-03-20");
    const auto after =
        run(rules, "Please provide the list of interviewers. The interviews start on Monday.");
    ASSERT_EQ(after.events.size(), 1u);
    EXPECT_EQ(after.events[0].due, "2025-03-17");
    EXPECT_TRUE(
        run(rules, "Please provide the corrected chart. I will call you Monday morning to discuss.")
            .events.empty());
    EXPECT_TRUE(run(rules,
                    "Attached is a draft of our discussions from this morning at 8. "
                    "Please provide your input and comments.")
                    .events.empty());
    // Three sentences back is too far.
    EXPECT_TRUE(run(rules,
                    "The plan goes to the board on Friday. It is long. It has charts. "
                    "Please provide comments.")
                    .events.empty());
}

// "employees who would like to take the GMAT before March 31" describes them.
TEST(Detect, ARequiredWordInARelativeClauseAsksNothing) {
    Rule asked = rule("asked", Category::deadline_set, {"before"}, {RuleContext::date_after});
    asked.required = {"would like", "please"};
    const RuleSet rules = rule_set({asked});
    EXPECT_TRUE(run(rules,
                    "The course is offered for employees who would like to take the GMAT before "
                    "March 31.")
                    .events.empty());
    EXPECT_EQ(run(rules, "We would like the signed forms before March 31.").events.size(), 1u);
}

// Without a deadline in the thread, a move is one of this conversation only
// when the writer or the reader is in the sentence: news of a regulator
// postponing a deadline for utilities moves nothing of the VA's.
TEST(Detect, AMoveWithoutAThreadDeadlineNeedsAParty) {
    const RuleSet rules = rule_set(
        {rule("move", Category::deadline_change, {"postpone"}, {RuleContext::resolved_date})});
    const std::string news =
        "FERC has officially decided to postpone the March 15 deadline for utilities to create "
        "regional transmission organizations to March 31.";
    const auto quiet = run(rules, news);
    EXPECT_TRUE(quiet.events.empty());
    ASSERT_FALSE(quiet.near_misses.empty());
    EXPECT_EQ(quiet.near_misses[0].reason,
              "no deadline in the thread, and no one in the conversation moves one");
    DetectInput thread;
    thread.current_deadline = "2025-03-15";
    EXPECT_EQ(run(rules, news, thread).events.size(), 1u);
    const auto asked = run(rules, "Can we postpone the review to Friday, March 21?");
    ASSERT_EQ(asked.events.size(), 1u);
    EXPECT_EQ(asked.events[0].category, Category::deadline_change);
}

TEST(RuleSetCreate, RejectsBadRulesNamingThem) {
    Rule bad = rule("x", Category::payment, {"* rate"});
    auto created = RuleSet::create({bad});
    ASSERT_FALSE(created.has_value());
    EXPECT_NE(created.error().message.find("rule \"x\""), std::string::npos) << created.error().message;

    Rule regex;
    regex.id = "y";
    regex.patterns = {"(unclosed"};
    EXPECT_FALSE(RuleSet::create({regex}).has_value());
    EXPECT_FALSE(RuleSet::create({rule("z", Category::payment, {"a"}), rule("z", Category::payment, {"b"})}));
    Rule heavy = rule("w", Category::payment, {"a"});
    heavy.weight = 1.5;
    EXPECT_FALSE(RuleSet::create({heavy}).has_value());
}

TEST(RuleSetCreate, DisabledRulesAreDropped) {
    Rule off = rule("off", Category::payment, {"invoice"});
    off.enabled = false;
    const RuleSet rules = rule_set({off});
    EXPECT_TRUE(rules.rules().empty());
    EXPECT_TRUE(run(rules, "The invoice is attached.").events.empty());
}

TEST(CompareDue, DatesAndDateTimes) {
    EXPECT_LT(compare_due("2025-03-13", "2025-03-14"), 0);
    EXPECT_GT(compare_due("2025-04-01", "2025-03-14"), 0);
    EXPECT_EQ(compare_due("2025-03-14", "2025-03-14T17:00:00-05:00"), 0);
    EXPECT_LT(compare_due("2025-03-14T12:00:00-05:00", "2025-03-14T17:00:00-05:00"), 0);
}

TEST(IsBulkText, NewsletterFootersButNotPersonalMail) {
    EXPECT_TRUE(is_bulk_text("Sale fares must be purchased by March 12.\nTo unsubscribe, click here."));
    EXPECT_TRUE(is_bulk_text("Copyright (c) 2025 Acme Media. All Rights Reserved."));
    EXPECT_TRUE(is_bulk_text("NEW YORK (Dow Jones Newswires) -- Shares of Acme rose 3%."));
    EXPECT_TRUE(is_bulk_text("You are receiving this because you signed up for updates."));
    EXPECT_FALSE(is_bulk_text("Hi Dana, could you send the deck by Friday? Thanks, Bob"));
    // A legal disclaimer mentions copyright; a person may write "privacy".
    EXPECT_FALSE(is_bulk_text("This message may contain material protected by copyright."));
    EXPECT_FALSE(is_bulk_text("Please review the privacy section of the contract."));
    // Whole words only.
    EXPECT_FALSE(is_bulk_text("The unsubscribed users list is attached."));
}

TEST(IsBulkText, AMessageOfLinksIsANewsletter) {
    std::string newsletter = "This week's picks - reply by Friday to win!\n";
    for (int i = 0; i < 8; ++i) newsletter += "<http://news.example/item" + std::to_string(i) + ">\n";
    EXPECT_TRUE(is_bulk_text(newsletter));
    // A person links a few documents.
    std::string note = "Please review these by Friday:\n";
    for (int i = 0; i < 7; ++i) note += "https://docs.example/d" + std::to_string(i) + "\n";
    EXPECT_FALSE(is_bulk_text(note));
    // "http" as a word is no link.
    EXPECT_FALSE(is_bulk_text("http http http http http http http http http"));
}

TEST(IsBulkMail, HeadersAndAutomatedSenders) {
    EXPECT_FALSE(is_bulk_mail({}));
    EXPECT_FALSE(is_bulk_mail({.from_address = "bob@acme.example"}));
    EXPECT_TRUE(is_bulk_mail({.list_id = "<news.acme.example>"}));
    EXPECT_TRUE(is_bulk_mail({.list_unsubscribe = "<mailto:leave@x.example>"}));
    EXPECT_TRUE(is_bulk_mail({.precedence = " Bulk"}));
    EXPECT_FALSE(is_bulk_mail({.precedence = "first-class"}));
    EXPECT_TRUE(is_bulk_mail({.auto_submitted = "auto-generated"}));
    EXPECT_FALSE(is_bulk_mail({.auto_submitted = "no"}));
    EXPECT_TRUE(is_bulk_mail({.from_address = "no-reply@billing.example"}));
}

TEST(Detect, ReadsADeadlineAskedInTheSubjectOnly) {
    DetectInput input;
    input.subject = "PLEASE SEND ME THE FIGURES ASAP";
    const auto found = run(deadline_rules(), "Joanne\nSenior Administrative Assistant", input);
    ASSERT_EQ(found.events.size(), 1u);
    EXPECT_EQ(found.events[0].source, EvidenceSource::subject);
    EXPECT_EQ(found.events[0].evidence, "PLEASE SEND ME THE FIGURES ASAP");
    EXPECT_EQ(found.events[0].start, 0u);
    EXPECT_EQ(found.events[0].end, input.subject.size());
}

TEST(Detect, SubjectAddsNothingWhenTheBodyAsksOrTheSubjectIsNotTheSenders) {
    DetectInput restated;
    restated.subject = "Figures needed ASAP";
    const auto body = run(deadline_rules(), "Please send the figures asap.", restated);
    ASSERT_EQ(body.events.size(), 1u);  // the body's ask, not a second one from the subject
    EXPECT_EQ(body.events[0].source, EvidenceSource::own_text);

    DetectInput reply;
    reply.subject = "RE: Rome Hotel - need an answer ASAP";
    EXPECT_TRUE(run(deadline_rules(), "Sounds good to us.", reply).events.empty());

    DetectInput bulk;
    bulk.subject = "Order by Friday for delivery by Christmas";
    bulk.bulk = true;
    EXPECT_TRUE(run(deadline_rules(), "Shop now.", bulk).events.empty());
}

TEST(Detect, SubjectGivesNoScopeChange) {
    DetectInput input;
    input.subject = "could you also add the Q3 numbers";
    EXPECT_TRUE(run(deadline_rules(), "Thanks.", input).events.empty());
}

}  // namespace
}  // namespace casefile::core
