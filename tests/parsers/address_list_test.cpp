#include "parsers/address_list.hpp"

#include <gtest/gtest.h>

namespace casefile::parsers {
namespace {

using core::Address;

TEST(AddressList, NameAndAngleAddress) {
    const auto list = parse_address_list(" Bob Smith <Bob.Smith@Acme.EXAMPLE>");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0], (Address{"Bob Smith", "Bob.Smith@acme.example"}));
}

TEST(AddressList, QuotedNamesWithCommas) {
    const auto list = parse_address_list("\"Smith, Bob\" <bob@acme.example>, \"Doe, \\\"JD\\\" Jane\" <jane@x.example>");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], (Address{"Smith, Bob", "bob@acme.example"}));
    EXPECT_EQ(list[1], (Address{"Doe, \"JD\" Jane", "jane@x.example"}));
}

TEST(AddressList, EncodedDisplayNames) {
    const auto list = parse_address_list(
        "=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>, =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>,"
        " \"=?utf-8?B?Sm9zw6k=?=\" <jose@x.example>");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].name, "Keld J\xC3\xB8rn Simonsen");
    EXPECT_EQ(list[1], (Address{"Andr\xC3\xA9 Pirard", "PIRARD@vm1.ulg.ac.be"}));
    EXPECT_EQ(list[2].name, "Jos\xC3\xA9");
}

TEST(AddressList, BareAddressesAndComments) {
    const auto list = parse_address_list("bob@acme.example (Bob Smith), alice@X.example");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], (Address{"Bob Smith", "bob@acme.example"}));
    EXPECT_EQ(list[1], (Address{"", "alice@x.example"}));
}

TEST(AddressList, Groups) {
    EXPECT_TRUE(parse_address_list("undisclosed-recipients:;").empty());
    const auto list = parse_address_list("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Mary <mary@x.test>");
    ASSERT_EQ(list.size(), 4u);
    EXPECT_EQ(list[0], (Address{"Ed Jones", "c@a.test"}));
    EXPECT_EQ(list[1], (Address{"", "joe@where.test"}));
    EXPECT_EQ(list[2], (Address{"John", "jdoe@one.test"}));
    EXPECT_EQ(list[3], (Address{"Mary", "mary@x.test"}));
}

TEST(AddressList, FoldedAndOutlookQuoting) {
    const auto list = parse_address_list("'Bob\r\n Smith' <bob@acme.example>");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0], (Address{"Bob Smith", "bob@acme.example"}));
}

TEST(AddressList, GarbageIsTolerated) {
    EXPECT_TRUE(parse_address_list("").empty());
    EXPECT_TRUE(parse_address_list(" , ,, ").empty());
    const auto unclosed = parse_address_list("Bob <bob@acme.example");
    ASSERT_EQ(unclosed.size(), 1u);
    EXPECT_EQ(unclosed[0].address, "bob@acme.example");
    const auto name_only = parse_address_list("John Smith");
    ASSERT_EQ(name_only.size(), 1u);
    EXPECT_EQ(name_only[0], (Address{"John Smith", ""}));
    const auto local = parse_address_list("postmaster");
    ASSERT_EQ(local.size(), 1u);
    EXPECT_EQ(local[0], (Address{"", "postmaster"}));
    const auto route = parse_address_list("<@relay.example:bob@Acme.example>");
    ASSERT_EQ(route.size(), 1u);
    EXPECT_EQ(route[0].address, "bob@acme.example");
}

TEST(AddressList, NameEqualToAddressIsDropped) {
    const auto list = parse_address_list("\"bob@acme.example\" <bob@acme.example>");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0], (Address{"", "bob@acme.example"}));
}

}  // namespace
}  // namespace casefile::parsers
