#include "daemon/arguments.hpp"

#include <gtest/gtest.h>

#include "support/expect_ok.hpp"

namespace casefile::daemon {
namespace {

TEST(Arguments, FlagsOptionsAndPositionals) {
    Arguments arguments({"--json", "a.eml", "--client", "Acme", "--from=2025-01-01", "b.eml"});
    EXPECT_TRUE(arguments.flag("--json"));
    EXPECT_FALSE(arguments.flag("--quiet"));
    EXPECT_EQ(arguments.option("--client"), std::optional<std::string>("Acme"));
    EXPECT_EQ(arguments.option("--from"), std::optional<std::string>("2025-01-01"));
    EXPECT_EQ(arguments.option("--to"), std::nullopt);
    auto rest = arguments.finish();
    ASSERT_OK(rest);
    EXPECT_EQ(*rest, (std::vector<std::string>{"a.eml", "b.eml"}));
}

TEST(Arguments, UnknownOptionIsNamed) {
    Arguments arguments({"--jsno", "a.eml"});
    EXPECT_FALSE(arguments.flag("--json"));
    auto rest = arguments.finish();
    ASSERT_FALSE(rest.has_value());
    EXPECT_EQ(rest.error().message, "unknown option --jsno");
}

TEST(Arguments, MissingOptionValueIsNamed) {
    Arguments arguments({"--client"});
    EXPECT_EQ(arguments.option("--client"), std::nullopt);
    auto rest = arguments.finish();
    ASSERT_FALSE(rest.has_value());
    EXPECT_EQ(rest.error().message, "option --client needs a value");
}

TEST(Arguments, DoubleDashEndsOptions) {
    Arguments arguments({"--", "--json"});
    EXPECT_FALSE(arguments.flag("--json"));
    auto rest = arguments.finish();
    ASSERT_OK(rest);
    EXPECT_EQ(*rest, std::vector<std::string>{"--json"});
}

}  // namespace
}  // namespace casefile::daemon
