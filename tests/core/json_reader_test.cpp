#include "core/json_reader.hpp"

#include <gtest/gtest.h>

#include "core/json_writer.hpp"
#include "support/expect_ok.hpp"

namespace casefile::core {
namespace {

TEST(JsonReader, ReadsWhatJsonWriterWrites) {
    JsonWriter out;
    out.begin_object();
    out.key("text").value(std::string("line\nquote\" \x01 caf\xC3\xA9", 20));
    out.key("big").value(std::int64_t{9007199254740993});
    out.key("none").null();
    out.key("flag").value(true);
    out.key("list").begin_array().value(1).value("two").end_array();
    out.end_object();
    auto parsed = parse_json(out.str());
    ASSERT_OK(parsed);
    EXPECT_EQ(parsed->string_at("text"), std::string("line\nquote\" \x01 caf\xC3\xA9", 20));
    EXPECT_EQ(parsed->integer_at("big"), 9007199254740993);
    ASSERT_NE(parsed->member("none"), nullptr);
    EXPECT_TRUE(parsed->member("none")->is_null());
    EXPECT_EQ(parsed->member("flag")->boolean(), true);
    ASSERT_NE(parsed->member("list")->array(), nullptr);
    EXPECT_EQ(parsed->member("list")->array()->size(), 2u);
    EXPECT_EQ(parsed->member("missing"), nullptr);
}

TEST(JsonReader, DecodesSurrogatePairs) {
    auto parsed = parse_json(R"(["\ud83d\udcc5", "\u00e9"])");
    ASSERT_OK(parsed);
    EXPECT_EQ((*parsed->array())[0].string(), "\xF0\x9F\x93\x85");
    EXPECT_EQ((*parsed->array())[1].string(), "\xC3\xA9");
}

TEST(JsonReader, RejectsBrokenAndHostileInput) {
    EXPECT_FALSE(parse_json("{\"a\": }").has_value());
    EXPECT_FALSE(parse_json("{\"a\": 1} trailing").has_value());
    EXPECT_FALSE(parse_json("\"unterminated").has_value());
    EXPECT_FALSE(parse_json("[1,]").has_value());
    EXPECT_FALSE(parse_json(std::string(100000, '[')).has_value());  // bounded depth
    EXPECT_FALSE(parse_json("").has_value());
}

TEST(JsonReader, IntegersAreExactOrAbsent) {
    auto parsed = parse_json(R"({"a": 1.5, "b": -3, "c": "4"})");
    ASSERT_OK(parsed);
    EXPECT_EQ(parsed->integer_at("a"), std::nullopt);
    EXPECT_EQ(parsed->integer_at("b"), -3);
    EXPECT_EQ(parsed->integer_at("c"), std::nullopt);
}

}  // namespace
}  // namespace casefile::core
