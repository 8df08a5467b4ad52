#include "core/client_attribution.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

ParsedMessage mail(std::string from, std::vector<std::string> to = {},
                   std::vector<std::string> cc = {}) {
    ParsedMessage message;
    message.from.address = std::move(from);
    for (std::string& address : to) {
        message.to.push_back(Address{"", std::move(address)});
    }
    for (std::string& address : cc) {
        message.cc.push_back(Address{"", std::move(address)});
    }
    return message;
}

// Dana's book: Acme by domain, Partner by one address at a domain that Acme
// also lists (a subcontractor), Beta by addresses only. Acme lists Dana's
// own domain by mistake.
ClientMatcher dana() {
    return ClientMatcher(
        {
            {"Acme",
             {"ceo@gmail.example"},
             {"acme.example", "partner.example", "reyes-va.example"}},
            {"Partner", {"Bob@Partner.Example"}, {}},
            {"Beta", {"jo@beta.example", "jo.beta@gmail.example"}, {}},
            {"Acme EU", {}, {"eu.acme.example"}},
        },
        {"dana@reyes-va.example", "Dana.Reyes@Gmail.Example"});
}

TEST(ClientAttribution, SenderIsTheClient) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("ceo@gmail.example", {"dana@reyes-va.example"})), "Acme");
    EXPECT_EQ(matcher.client_for(mail("jo@beta.example", {"dana@reyes-va.example"})), "Beta");
}

TEST(ClientAttribution, AddressesCompareCaseInsensitively) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("JO@Beta.Example")), "Beta");
    EXPECT_EQ(matcher.client_for(mail("bob@partner.example")), "Partner");
    EXPECT_EQ(matcher.client_for(mail("Someone@ACME.example")), "Acme");
    EXPECT_EQ(matcher.client_for(mail("<jo@beta.example> ")), "Beta");
}

TEST(ClientAttribution, DomainMatchesItselfAndSubdomainsOnly) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for_address("anna@acme.example"), "Acme");
    EXPECT_EQ(matcher.client_for_address("anna@mail.acme.example"), "Acme");
    EXPECT_EQ(matcher.client_for_address("anna@notacme.example"), std::nullopt);
    EXPECT_EQ(matcher.client_for_address("anna@acme.example.evil.example"), std::nullopt);
    EXPECT_EQ(matcher.client_for_address("acme.example"), std::nullopt) << "not an address";
}

TEST(ClientAttribution, MoreSpecificDomainWins) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for_address("lea@eu.acme.example"), "Acme EU");
    EXPECT_EQ(matcher.client_for_address("lea@paris.eu.acme.example"), "Acme EU");
    EXPECT_EQ(matcher.client_for_address("lea@us.acme.example"), "Acme");
}

TEST(ClientAttribution, ExplicitAddressBeatsDomain) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("bob@partner.example")), "Partner");
    EXPECT_EQ(matcher.client_for(mail("alice@partner.example")), "Acme")
        << "the domain still counts";
}

TEST(ClientAttribution, OwnAddressesNeverMatchAClient) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for_address("dana@reyes-va.example"), std::nullopt);
    EXPECT_EQ(matcher.client_for_address("DANA@reyes-va.example"), std::nullopt);
    EXPECT_EQ(matcher.client_for_address("dana+acme@reyes-va.example"), std::nullopt);
    EXPECT_EQ(matcher.client_for_address("dana.reyes@gmail.example"), std::nullopt);
    // Dana's mail to herself (a note, a BCC copy) has no client.
    EXPECT_EQ(matcher.client_for(mail("dana@reyes-va.example", {"dana@reyes-va.example"})),
              std::nullopt);
}

TEST(ClientAttribution, OwnAddressListedUnderAClientStillIsNotTheClient) {
    const ClientMatcher matcher({{"Acme", {"dana@reyes-va.example", "bob@acme.example"}, {}}},
                                {"dana@reyes-va.example"});
    EXPECT_EQ(matcher.client_for(mail("dana@reyes-va.example", {"friend@elsewhere.example"})),
              std::nullopt);
    EXPECT_EQ(matcher.client_for(mail("bob@acme.example", {"dana@reyes-va.example"})), "Acme");
}

TEST(ClientAttribution, IsFromMe) {
    const ClientMatcher matcher = dana();
    EXPECT_TRUE(matcher.is_from_me(mail("Dana@Reyes-VA.example")));
    EXPECT_TRUE(matcher.is_from_me(mail("dana.reyes@gmail.example")));
    EXPECT_TRUE(matcher.is_from_me(mail("dana+invoices@reyes-va.example")));
    EXPECT_FALSE(matcher.is_from_me(mail("ceo@gmail.example")));
    EXPECT_FALSE(matcher.is_from_me(mail("")));
    EXPECT_FALSE(matcher.is_from_me(mail("dana@reyes-va.example.evil.example")));
}

TEST(ClientAttribution, OwnSentMailBelongsToTheRecipientToBeforeCc) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("dana@reyes-va.example", {"jo@beta.example"})), "Beta");
    EXPECT_EQ(matcher.client_for(
                  mail("dana@reyes-va.example", {"jo@beta.example"}, {"ceo@gmail.example"})),
              "Beta");
    EXPECT_EQ(matcher.client_for(mail("dana@reyes-va.example", {"friend@elsewhere.example"},
                                      {"ceo@gmail.example"})),
              "Acme")
        << "Cc when no To address is a client";
    EXPECT_EQ(matcher.client_for(
                  mail("dana@reyes-va.example", {"friend@elsewhere.example", "jo@beta.example"})),
              "Beta")
        << "the first To address that is a client";
    EXPECT_EQ(matcher.client_for(mail("dana@reyes-va.example", {"friend@elsewhere.example"})),
              std::nullopt);
}

TEST(ClientAttribution, ThirdPartyWritingToOrCopyingAClient) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("lawyer@firm.example", {"ceo@gmail.example"})), "Acme");
    EXPECT_EQ(matcher.client_for(
                  mail("lawyer@firm.example", {"dana@reyes-va.example"}, {"jo@beta.example"})),
              "Beta");
    EXPECT_EQ(matcher.client_for(mail("lawyer@firm.example", {"dana@reyes-va.example"})),
              std::nullopt);
}

TEST(ClientAttribution, ClientSenderBeatsOtherClientsInRecipients) {
    const ClientMatcher matcher = dana();
    EXPECT_EQ(matcher.client_for(mail("jo@beta.example", {"ceo@gmail.example"})), "Beta");
}

TEST(ClientAttribution, NoClientsConfigured) {
    const ClientMatcher matcher({}, {"dana@reyes-va.example"});
    EXPECT_EQ(matcher.client_for(mail("ceo@gmail.example", {"dana@reyes-va.example"})),
              std::nullopt);
    EXPECT_TRUE(matcher.is_from_me(mail("dana@reyes-va.example")));
}

TEST(ClientAttribution, FirstClientListingAnAddressWins) {
    const ClientMatcher matcher(
        {{"First", {"x@shared.example"}, {}}, {"Second", {"X@shared.example"}, {}}}, {});
    EXPECT_EQ(matcher.client_for_address("x@shared.example"), "First");
}

std::vector<ThreadPlacement> placements(std::vector<std::string> thread_ids) {
    std::vector<ThreadPlacement> out;
    std::int64_t key = 1;
    for (std::string& thread : thread_ids) {
        out.push_back(ThreadPlacement{key++, std::nullopt, std::move(thread)});
    }
    return out;
}

TEST(ThreadAttribution, ThreadWithOneClientLendsItToUnattributedMessages) {
    // Acme's CEO writes, a colleague answers from a private address, Dana
    // answers the colleague.
    const auto result =
        attribute_threads(placements({"t1", "t1", "t1"}), {"Acme", std::nullopt, std::nullopt});
    EXPECT_EQ(result, (std::vector<std::optional<std::string>>{"Acme", "Acme", "Acme"}));
}

TEST(ThreadAttribution, ThreadWithTwoClientsChangesNothing) {
    const auto result =
        attribute_threads(placements({"t1", "t1", "t1"}), {"Acme", "Beta", std::nullopt});
    EXPECT_EQ(result, (std::vector<std::optional<std::string>>{"Acme", "Beta", std::nullopt}));
}

TEST(ThreadAttribution, ThreadWithoutClientStaysWithout) {
    const auto result =
        attribute_threads(placements({"t1", "t2", "t2"}), {"Acme", std::nullopt, std::nullopt});
    EXPECT_EQ(result,
              (std::vector<std::optional<std::string>>{"Acme", std::nullopt, std::nullopt}));
}

TEST(ThreadAttribution, SameClientSeveralTimesCountsOnce) {
    const auto result = attribute_threads(placements({"t1", "t1", "t1", "t1"}),
                                          {"Acme", std::nullopt, "Acme", std::nullopt});
    EXPECT_EQ(result, (std::vector<std::optional<std::string>>{"Acme", "Acme", "Acme", "Acme"}));
}

TEST(ThreadAttribution, MissingEntriesCountAsNoClient) {
    const auto result = attribute_threads(placements({"t1", "t1"}), {"Acme"});
    EXPECT_EQ(result, (std::vector<std::optional<std::string>>{"Acme", "Acme"}));
    EXPECT_TRUE(attribute_threads({}, {}).empty());
}

}  // namespace
}  // namespace casefile::core
