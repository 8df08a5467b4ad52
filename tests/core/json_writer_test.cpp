#include "core/json_writer.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(JsonWriter, CompactDocument) {
    JsonWriter out(false);
    out.begin_object();
    out.key("name").value("Acme");
    out.key("count").value(3);
    out.key("missing").value(std::optional<std::string>());
    out.key("tags").string_array({"a", "b"});
    out.key("empty").begin_array().end_array();
    out.key("ok").value(true);
    out.end_object();
    EXPECT_EQ(out.str(),
              R"({"name":"Acme","count":3,"missing":null,"tags":["a","b"],"empty":[],"ok":true})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
    std::string out;
    append_json_string(out, std::string("a\"b\\c\n\t\x01\x7f", 9));
    EXPECT_EQ(out, R"("a\"b\\c\n\t\u0001\u007f")");
}

TEST(JsonWriter, KeepsUtf8AsIs) {
    std::string out;
    append_json_string(out, "Zoë – café");
    EXPECT_EQ(out, "\"Zoë – café\"");
}

TEST(JsonWriter, PrettyNesting) {
    JsonWriter out;
    out.begin_array();
    out.begin_object().key("a").value(1).end_object();
    out.end_array();
    EXPECT_EQ(out.str(), "[\n  {\n    \"a\": 1\n  }\n]");
}

}  // namespace
}  // namespace casefile::core
