// Reply zoning on the kinds of mail a virtual assistant gets from clients.
// All sample mail here is written for these tests.
#include "parsers/zones.hpp"

#include <gtest/gtest.h>

#include "support/cpu_time.hpp"
#include <string>

namespace casefile::parsers {
namespace {

TEST(ZonesTest, PlainMessageIsAllOwnText) {
    const auto zones = split_zones("Hi Dana,\n\nCan you book the venue for the 14th?\n");
    EXPECT_EQ(zones.own_text, "Hi Dana,\n\nCan you book the venue for the 14th?");
    EXPECT_EQ(zones.quoted_text, "");
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, EmptyAndBlankInput) {
    const auto empty = split_zones("");
    EXPECT_EQ(empty.own_text, "");
    const auto blank = split_zones("\n \r\n\t\n");
    EXPECT_EQ(blank.own_text, "");
    EXPECT_EQ(blank.quoted_text, "");
    EXPECT_EQ(blank.signature, "");
}

TEST(ZonesTest, CrLfLineEndsBecomeLf) {
    const auto zones =
        split_zones("Hi Dana,\r\n\r\nPlease renew the domain.\r\n\r\n-- \r\nBob\r\n");
    EXPECT_EQ(zones.own_text, "Hi Dana,\n\nPlease renew the domain.");
    EXPECT_EQ(zones.signature, "-- \nBob");
}

TEST(ZonesTest, GmailTopPostWithAttribution) {
    const auto zones = split_zones(
        "Yes, go ahead and send it to the printer.\n"
        "\n"
        "On Tue, Mar 4, 2025 at 9:12 AM Dana Reyes <dana@reyes-va.example> wrote:\n"
        "\n"
        "> Hi Bob,\n"
        ">\n"
        "> The brochure proof is attached. The printer needs it by March 7.\n");
    EXPECT_EQ(zones.own_text, "Yes, go ahead and send it to the printer.");
    EXPECT_EQ(zones.quoted_text,
              "On Tue, Mar 4, 2025 at 9:12 AM Dana Reyes <dana@reyes-va.example> wrote:\n"
              "\n"
              "> Hi Bob,\n"
              ">\n"
              "> The brochure proof is attached. The printer needs it by March 7.");
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, WrappedGmailAttribution) {
    const auto zones = split_zones(
        "Approved.\n"
        "\n"
        "On Tue, Mar 4, 2025 at 9:12 AM Robert Smith-Kowalski <\n"
        "robert.smith-kowalski@acme-industries.example> wrote:\n"
        "\n"
        "> Could you approve the March invoice?\n");
    EXPECT_EQ(zones.own_text, "Approved.");
    EXPECT_EQ(zones.quoted_text,
              "On Tue, Mar 4, 2025 at 9:12 AM Robert Smith-Kowalski <\n"
              "robert.smith-kowalski@acme-industries.example> wrote:\n"
              "\n"
              "> Could you approve the March invoice?");
}

TEST(ZonesTest, DatedAttributionWithoutQuoteMarksQuotesEverythingBelow) {
    // Clients that convert an HTML reply to text often drop the '>' marks.
    const auto zones = split_zones(
        "Let's move the call to Thursday.\n"
        "\n"
        "On 03/03/2025 16:40, Dana Reyes wrote:\n"
        "Hi Bob, the call is set for Monday March 10 at 2 pm.\n"
        "Dana\n");
    EXPECT_EQ(zones.own_text, "Let's move the call to Thursday.");
    EXPECT_EQ(zones.quoted_text,
              "On 03/03/2025 16:40, Dana Reyes wrote:\n"
              "Hi Bob, the call is set for Monday March 10 at 2 pm.\n"
              "Dana");
}

TEST(ZonesTest, BottomPostedReply) {
    const auto zones = split_zones(
        "On Mon, 3 Mar 2025, Dana Reyes wrote:\n"
        "> Should I order the banners from the same shop as last year?\n"
        "\n"
        "Yes please, same shop, but 3 of them this time.\n"
        "\n"
        "-- \n"
        "Bob Smith\n"
        "Acme Industries\n");
    EXPECT_EQ(zones.own_text, "Yes please, same shop, but 3 of them this time.");
    EXPECT_EQ(zones.quoted_text,
              "On Mon, 3 Mar 2025, Dana Reyes wrote:\n"
              "> Should I order the banners from the same shop as last year?");
    EXPECT_EQ(zones.signature, "-- \nBob Smith\nAcme Industries");
}

TEST(ZonesTest, InterleavedAnswersAreOwnText) {
    const auto zones = split_zones(
        "Dana Reyes <dana@reyes-va.example> wrote:\n"
        "> 1. Do you want the newsletter to go out on Tuesday?\n"
        "\n"
        "No, Wednesday morning.\n"
        "\n"
        "> 2. Should I include the spring discount code?\n"
        "\n"
        "Yes, and extend it to April 30.\n"
        "\n"
        "> 3. Same mailing list as last month?\n"
        "\n"
        "Yes.\n"
        "\n"
        "Thanks,\n"
        "Bob\n");
    EXPECT_EQ(zones.own_text, "No, Wednesday morning.\n\nYes, and extend it to April 30.\n\nYes.");
    EXPECT_EQ(zones.quoted_text,
              "Dana Reyes <dana@reyes-va.example> wrote:\n"
              "> 1. Do you want the newsletter to go out on Tuesday?\n"
              "\n"
              "> 2. Should I include the spring discount code?\n"
              "\n"
              "> 3. Same mailing list as last month?");
    EXPECT_EQ(zones.signature, "Thanks,\nBob");
}

TEST(ZonesTest, NestedQuotesStayQuoted) {
    const auto zones = split_zones(
        "Fine by me.\n"
        "\n"
        "> On Feb 27, 2025, at 11:02, Bob Smith <bob@acme.example> wrote:\n"
        ">\n"
        ">> Please have the report ready by February 28.\n"
        "> > And the slides too.\n");
    EXPECT_EQ(zones.own_text, "Fine by me.");
    EXPECT_NE(zones.quoted_text.find("February 28"), std::string::npos);
    EXPECT_EQ(zones.own_text.find("February"), std::string::npos);
}

TEST(ZonesTest, OutlookOriginalMessageBlock) {
    const auto zones = split_zones(
        "Dana,\n"
        "\n"
        "Please add the Henderson account to the CRM by end of day.\n"
        "\n"
        "Regards,\n"
        "Mike\n"
        "\n"
        "-----Original Message-----\n"
        "From: Dana Reyes [mailto:dana@reyes-va.example]\n"
        "Sent: Monday, March 3, 2025 4:15 PM\n"
        "To: Mike Jordan\n"
        "Subject: CRM clean-up\n"
        "\n"
        "Hi Mike, the CRM clean-up is done. Anything else before Friday, March 7?\n");
    EXPECT_EQ(zones.own_text,
              "Dana,\n\nPlease add the Henderson account to the CRM by end of day.");
    EXPECT_EQ(zones.signature, "Regards,\nMike");
    EXPECT_EQ(zones.quoted_text,
              "-----Original Message-----\n"
              "From: Dana Reyes [mailto:dana@reyes-va.example]\n"
              "Sent: Monday, March 3, 2025 4:15 PM\n"
              "To: Mike Jordan\n"
              "Subject: CRM clean-up\n"
              "\n"
              "Hi Mike, the CRM clean-up is done. Anything else before Friday, March 7?");
}

TEST(ZonesTest, OutlookHeaderBlockBelowUnderscoreRule) {
    const auto zones = split_zones(
        "Can you also update the price list?\n"
        "\n"
        "Get Outlook for iOS\n"
        "________________________________\n"
        "From: Dana Reyes <dana@reyes-va.example>\n"
        "Sent: Wednesday, March 5, 2025 10:01:33 AM\n"
        "To: Carla Nguyen <carla@bloom-studio.example>\n"
        "Subject: Re: Website copy\n"
        "\n"
        "The new copy goes live on March 12.\n");
    EXPECT_EQ(zones.own_text, "Can you also update the price list?");
    EXPECT_EQ(zones.signature, "Get Outlook for iOS");
    EXPECT_EQ(zones.quoted_text.substr(0, 33), "________________________________\n");
    EXPECT_NE(zones.quoted_text.find("March 12"), std::string::npos);
}

TEST(ZonesTest, GmailBoldHeaderBlockFromHtmlPart) {
    const auto zones = split_zones(
        "Looks good, thank you.\n"
        "\n"
        "*From:* Dana Reyes <dana@reyes-va.example>\n"
        "*Sent:* Thursday, March 6, 2025 8:00 AM\n"
        "*To:* Bob Smith <bob@acme.example>\n"
        "*Subject:* Agenda for the offsite\n"
        "\n"
        "Agenda attached; the offsite starts March 20.\n");
    EXPECT_EQ(zones.own_text, "Looks good, thank you.");
    EXPECT_EQ(zones.quoted_text.find("*From:*"), 0U);
}

TEST(ZonesTest, GmailForwardWithInstructions) {
    const auto zones = split_zones(
        "Dana - can you deal with this one? Needs to be paid by the 15th.\n"
        "\n"
        "---------- Forwarded message ---------\n"
        "From: Billing <billing@hosting.example>\n"
        "Date: Mon, Mar 3, 2025 at 6:00 AM\n"
        "Subject: Invoice 4471 overdue\n"
        "To: <bob@acme.example>\n"
        "\n"
        "Your invoice 4471 was due on February 28.\n");
    EXPECT_EQ(zones.own_text, "Dana - can you deal with this one? Needs to be paid by the 15th.");
    EXPECT_EQ(zones.quoted_text.find("---------- Forwarded message"), 0U);
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, AppleMailForward) {
    const auto zones = split_zones(
        "FYI, file this with the lease papers.\n"
        "\n"
        "Begin forwarded message:\n"
        "\n"
        "From: Landlord <office@properties.example>\n"
        "Subject: Lease renewal\n"
        "Date: March 1, 2025 at 9:30:00 AM CST\n"
        "To: Bob Smith <bob@acme.example>\n"
        "\n"
        "The lease renewal must be signed by April 1.\n");
    EXPECT_EQ(zones.own_text, "FYI, file this with the lease papers.");
    EXPECT_EQ(zones.quoted_text.find("Begin forwarded message:"), 0U);
}

TEST(ZonesTest, LotusNotesForwardedByChain) {
    const auto zones = split_zones(
        "Dana, please put this on my calendar.\n"
        "\n"
        "Kirk\n"
        "---------------------- Forwarded by Kirk Lund/HOU/ACME on 03/04/2025 10:04 AM "
        "---------------------------\n"
        "\n"
        "\n"
        "Sheila Park@PARTNERS on 03/03/2025 09:09:46 AM\n"
        "To:\tKirk Lund/HOU/ACME@ACME\n"
        "cc:\t \n"
        "Subject:\tQuarterly review\n"
        "\n"
        "The quarterly review is on March 18 at 10 am.\n");
    EXPECT_EQ(zones.own_text, "Dana, please put this on my calendar.\n\nKirk");
    EXPECT_EQ(zones.quoted_text.find("------"), 0U);
    EXPECT_EQ(zones.own_text.find("March 18"), std::string::npos);
}

TEST(ZonesTest, LotusNotesSenderBlockWithoutForwardLine) {
    const auto zones = split_zones(
        "Agreed, let's keep the old rate.\n"
        "\n"
        "\n"
        "\n"
        "Jane Doe/HOU/ACME@ACME on 02/28/2025 04:12 PM\n"
        "To:\tBob Smith/HOU/ACME@ACME\n"
        "cc:\tDana Reyes/EXT@EXT\n"
        "\n"
        "Subject:\tHourly rate\n"
        "\n"
        "The new hourly rate starts on March 1.\n");
    EXPECT_EQ(zones.own_text, "Agreed, let's keep the old rate.");
    EXPECT_EQ(zones.quoted_text.find("Jane Doe/HOU/ACME@ACME on 02/28/2025"), 0U);
}

TEST(ZonesTest, LotusNotesFromLineWithOn) {
    const auto zones = split_zones(
        "Who owns this?\n"
        "\n"
        "From:\tShona Wills@ACME on 22/05/2025 14:19 CDT\n"
        "To:\tBob Smith/HOU/ACME@ACME, Mary Chen/LON/ACME@ACME\n"
        "cc:\tDana Reyes/EXT@EXT\n"
        "\n"
        "Subject:\tquarterly update - action requested\n"
        "\n"
        "Please send your updates by May 30.\n");
    EXPECT_EQ(zones.own_text, "Who owns this?");
    EXPECT_EQ(zones.quoted_text.find("From:\tShona"), 0U);
}

TEST(ZonesTest, GermanFrenchSpanishAttributions) {
    const auto german = split_zones(
        "Passt, danke.\n\nAm 03.03.2025 um 10:00 schrieb Dana Reyes <dana@reyes-va.example>:\n"
        "Der Termin ist am 10. März.\n");
    EXPECT_EQ(german.own_text, "Passt, danke.");
    EXPECT_EQ(german.quoted_text.find("Am 03.03.2025"), 0U);

    const auto french = split_zones(
        "Parfait.\n\nLe lun. 3 mars 2025 à 10:00, Dana Reyes <dana@reyes-va.example> a écrit :\n"
        "> La réunion est le 10 mars.\n");
    EXPECT_EQ(french.own_text, "Parfait.");
    EXPECT_EQ(french.quoted_text.find("Le lun."), 0U);

    const auto spanish = split_zones(
        "De acuerdo.\n\nEl lun, 3 mar 2025 a las 10:00, Dana Reyes (<dana@reyes-va.example>) "
        "escribió:\nLa reunión es el 10 de marzo.\n");
    EXPECT_EQ(spanish.own_text, "De acuerdo.");
    EXPECT_EQ(spanish.quoted_text.find("El lun"), 0U);
}

TEST(ZonesTest, OldDateInQuoteNeverReachesOwnText) {
    const auto zones = split_zones(
        "Hi Dana, I'm back from vacation.\n"
        "\n"
        "-----Original Message-----\n"
        "From: Dana Reyes\n"
        "Sent: Friday, January 10, 2025 3:00 PM\n"
        "To: Bob Smith\n"
        "Subject: Tax documents\n"
        "\n"
        "Reminder: the tax documents are due January 31, 2025.\n"
        "\n"
        "Thanks,\n"
        "Dana\n");
    EXPECT_EQ(zones.own_text, "Hi Dana, I'm back from vacation.");
    EXPECT_EQ(zones.own_text.find("January"), std::string::npos);
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, Rfc3676SignatureWithDisclaimer) {
    const auto zones = split_zones(
        "Please send the onboarding pack to our two new hires.\n"
        "\n"
        "-- \n"
        "Carla Nguyen | Bloom Studio\n"
        "+1 (312) 555-0188 | https://bloom-studio.example\n"
        "This e-mail and any attachments are confidential and intended solely for the "
        "addressee.\n");
    EXPECT_EQ(zones.own_text, "Please send the onboarding pack to our two new hires.");
    EXPECT_EQ(
        zones.signature,
        "-- \n"
        "Carla Nguyen | Bloom Studio\n"
        "+1 (312) 555-0188 | https://bloom-studio.example\n"
        "This e-mail and any attachments are confidential and intended solely for the addressee.");
}

TEST(ZonesTest, BareDoubleDashSignature) {
    const auto zones =
        split_zones("Send me the draft when ready.\n--\nBob Smith\nCEO, Acme Industries\n");
    EXPECT_EQ(zones.own_text, "Send me the draft when ready.");
    EXPECT_EQ(zones.signature, "--\nBob Smith\nCEO, Acme Industries");
}

TEST(ZonesTest, SignOffWithTitlePhoneAndUrl) {
    const auto zones = split_zones(
        "Hi Dana,\n"
        "\n"
        "The client dinner is confirmed, please reserve a table for six.\n"
        "\n"
        "Best regards,\n"
        "\n"
        "Bob Smith\n"
        "Director of Operations\n"
        "Acme Industries Inc.\n"
        "T: +1 312 555 0100\n"
        "www.acme.example\n");
    EXPECT_EQ(zones.own_text,
              "Hi Dana,\n\nThe client dinner is confirmed, please reserve a table for six.");
    EXPECT_EQ(zones.signature,
              "Best regards,\n\nBob Smith\nDirector of Operations\nAcme Industries Inc.\n"
              "T: +1 312 555 0100\nwww.acme.example");
}

TEST(ZonesTest, SignOffWithNameOnSameLine) {
    const auto zones = split_zones("Invoice received, paying it today.\n\nCheers, Kirk\n");
    EXPECT_EQ(zones.own_text, "Invoice received, paying it today.");
    EXPECT_EQ(zones.signature, "Cheers, Kirk");
}

TEST(ZonesTest, ThanksFollowedByRequestStaysOwnText) {
    const auto zones = split_zones(
        "The deck looks great.\n"
        "\n"
        "Thanks, please also send the Q3 numbers by Friday\n"
        "Bob\n");
    EXPECT_EQ(zones.own_text,
              "The deck looks great.\n\nThanks, please also send the Q3 numbers by Friday\nBob");
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, RequestAfterSignOffStaysOwnText) {
    const auto zones = split_zones(
        "Got the files.\n"
        "\n"
        "Thanks,\n"
        "Bob\n"
        "P.S. Can you also book my flight to Denver for Monday?\n");
    EXPECT_EQ(zones.signature, "");
    EXPECT_NE(zones.own_text.find("book my flight to Denver for Monday"), std::string::npos);
}

TEST(ZonesTest, ShortRequestAfterSignOffStaysOwnText) {
    // Short enough to pass for a signature line, but it names a day.
    const auto zones = split_zones("Got it.\n\nThanks!\nBob\nNeed it Friday\n");
    EXPECT_EQ(zones.signature, "");
    EXPECT_EQ(zones.own_text, "Got it.\n\nThanks!\nBob\nNeed it Friday");
}

TEST(ZonesTest, SignOffAloneIsNotSplitFromNothing) {
    const auto zones = split_zones("Thanks!\nBob\n");
    EXPECT_EQ(zones.own_text, "Thanks!\nBob");
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, SentFromMyIPhoneBeforeQuote) {
    const auto zones = split_zones(
        "Sure, 3pm works.\n"
        "\n"
        "Sent from my iPhone\n"
        "\n"
        "On Mar 5, 2025, at 13:20, Dana Reyes <dana@reyes-va.example> wrote:\n"
        "\n"
        "> Can we do the call at 3pm tomorrow?\n");
    EXPECT_EQ(zones.own_text, "Sure, 3pm works.");
    EXPECT_EQ(zones.signature, "Sent from my iPhone");
    EXPECT_EQ(zones.quoted_text,
              "On Mar 5, 2025, at 13:20, Dana Reyes <dana@reyes-va.example> wrote:\n"
              "\n"
              "> Can we do the call at 3pm tomorrow?");
}

TEST(ZonesTest, SignOffAboveMobileTag) {
    const auto zones = split_zones("Approved, go ahead.\n\nThanks,\nCarla\n\nSent from my iPad\n");
    EXPECT_EQ(zones.own_text, "Approved, go ahead.");
    EXPECT_EQ(zones.signature, "Thanks,\nCarla\n\nSent from my iPad");
}

TEST(ZonesTest, ContactBlockWithoutSignOff) {
    const auto zones = split_zones(
        "Dana,\n"
        "\n"
        "I need two signed copies of the agreement.\n"
        "\n"
        "Hunter Willis\n"
        "Grande Widgets\n"
        "512-555-0147\n");
    EXPECT_EQ(zones.own_text, "Dana,\n\nI need two signed copies of the agreement.");
    EXPECT_EQ(zones.signature, "Hunter Willis\nGrande Widgets\n512-555-0147");
}

TEST(ZonesTest, NameOnlyLastLineStaysOwnText) {
    // Without a contact line a short last paragraph could be the message.
    const auto zones = split_zones("Hi Dana,\n\nApproved\n");
    EXPECT_EQ(zones.own_text, "Hi Dana,\n\nApproved");
    EXPECT_EQ(zones.signature, "");
}

TEST(ZonesTest, SignatureInsideQuoteIsQuoted) {
    const auto zones = split_zones(
        "Done.\n"
        "\n"
        "> Please confirm by Friday.\n"
        "> -- \n"
        "> Bob Smith\n");
    EXPECT_EQ(zones.own_text, "Done.");
    EXPECT_EQ(zones.signature, "");
    EXPECT_EQ(zones.quoted_text, "> Please confirm by Friday.\n> -- \n> Bob Smith");
}

TEST(ZonesTest, WroteInsideOwnSentenceIsNotAnAttribution) {
    const auto zones = split_zones(
        "Here is what the landlord wrote:\n"
        "the boiler will be replaced next week.\n"
        "Please follow up on Monday.\n");
    EXPECT_EQ(zones.own_text,
              "Here is what the landlord wrote:\nthe boiler will be replaced next week.\n"
              "Please follow up on Monday.");
    EXPECT_EQ(zones.quoted_text, "");
}

TEST(ZonesTest, HeaderLikeLineInOwnTextIsNotABlock) {
    const auto zones = split_zones("From: the marketing team\nWe need the logo by Monday.\n");
    EXPECT_EQ(zones.own_text, "From: the marketing team\nWe need the logo by Monday.");
    EXPECT_EQ(zones.quoted_text, "");
}

// Lotus Notes pastes the earlier message under an embedded-image box, or
// with its From mid-line, so the block starts at "To:".
TEST(ZonesTest, ToCcSubjectBlockBelowAReplyIsTheEarlierMessage) {
    const auto zones = split_zones(
        "Thanks for your response. We are still scoping out the project.\n"
        "\n"
        " (Embedded        \"Tycholiz, Barry\" <barry@example.com>\n"
        " image moved      2001/09/04 08:31 AM\n"
        " to file: pic30498.pcx)\n"
        "\n"
        "To:   <faizal@example.com>\n"
        "cc:\n"
        "Subject:  Rio Bravo RFP\n"
        "\n"
        "Drop me a note as soon as possible and I will go from there.\n");
    EXPECT_EQ(zones.quoted_text.substr(0, 3), "To:");
    EXPECT_EQ(zones.own_text.find("Drop me a note"), std::string::npos) << zones.own_text;
    EXPECT_EQ(zones.own_text.substr(0, 25), "Thanks for your response.");
}

// At the top of a mail the same block is the memo's own heading.
TEST(ZonesTest, ToCcSubjectBlockOpeningTheMailIsOwnText) {
    const auto zones = split_zones(
        "To:\tSales team; Accounts team\n"
        "Cc:\tHardy, Kim\n"
        "Subject:\tMove\n"
        "\n"
        "Please clean out your voicemail by 5:00 PM on Friday.\n");
    EXPECT_NE(zones.own_text.find("Please clean out"), std::string::npos);
    EXPECT_EQ(zones.quoted_text, "");
}

TEST(ZonesTest, KeepsBlankLinesInsideOwnText) {
    const auto zones = split_zones("\n\nFirst paragraph.\n\n\nSecond paragraph.\n\n\n");
    EXPECT_EQ(zones.own_text, "First paragraph.\n\n\nSecond paragraph.");
}

TEST(ZonesTest, Utf8TextIsKeptIntact) {
    const auto zones =
        split_zones("Grüße aus München — bitte bis Freitag 👍\n\n-- \nJürgen Müller\n");
    EXPECT_EQ(zones.own_text, "Grüße aus München — bitte bis Freitag 👍");
    EXPECT_EQ(zones.signature, "-- \nJürgen Müller");
}

// The contract: every non-blank line lands in exactly one zone, in order.
TEST(ZonesTest, EveryNonBlankLineLandsInExactlyOneZone) {
    const std::string text =
        "Hi Dana,\n"
        "> quoted question\n"
        "answer one\n"
        "On Mon, Mar 3, 2025 at 10:00 AM Bob <bob@acme.example> wrote:\n"
        "> more\n"
        "answer two\n"
        "\n"
        "Best,\n"
        "Bob\n"
        "-----Original Message-----\n"
        "From: X\n"
        "old text\n";
    const auto zones = split_zones(text);
    std::string joined = zones.own_text + "\n" + zones.signature + "\n" + zones.quoted_text;
    std::size_t non_blank = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        if (!line.empty()) {
            ++non_blank;
            EXPECT_NE(joined.find(line), std::string::npos) << line;
        }
        start = end + 1;
    }
    std::size_t zone_lines = 0;
    for (const std::string* zone : {&zones.own_text, &zones.signature, &zones.quoted_text}) {
        std::size_t pos = 0;
        while (!zone->empty() && pos <= zone->size()) {
            const std::size_t end = zone->find('\n', pos);
            const std::size_t stop = end == std::string::npos ? zone->size() : end;
            if (stop > pos) ++zone_lines;
            if (end == std::string::npos) break;
            pos = end + 1;
        }
    }
    EXPECT_EQ(zone_lines, non_blank);
    EXPECT_EQ(zones.own_text, "Hi Dana,\n\nanswer one\n\nanswer two");
    EXPECT_EQ(zones.signature, "Best,\nBob");
}

TEST(ZonesTest, LinearOnHugeInput) {
    std::string text;
    for (int i = 0; i < 200000; ++i) text += "On 1 wrote\n> x\n\n";
    text.append(1 << 20, 'a');
    core::TextZones zones;
    const double seconds = testing::cpu_seconds_of([&] { zones = split_zones(text); });
    EXPECT_LT(seconds, 2.0) << "CPU seconds: quadratic work would take minutes";
    EXPECT_FALSE(zones.quoted_text.empty());
}

}  // namespace
}  // namespace casefile::parsers
