// `casefile rules test FILE --json` end to end: the zones, the events from the
// own text only (never the quoted reply or the signature), near misses with
// --explain, and the VA's rule files from the config. No network.
#include <gtest/gtest.h>

#include <fstream>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::quote;
using testing::run_command;

constexpr const char* kReply =
    "From: Bob Stone <bob@acme.example>\r\n"
    "To: Dana Reyes <dana@reyes-va.example>\r\n"
    "Subject: Re: Q4 vendor report\r\n"
    "Date: Mon, 01 Dec 2025 21:40:00 -0600\r\n"
    "Message-ID: <r2@acme.example>\r\n"
    "In-Reply-To: <r1@reyes-va.example>\r\n"
    "References: <r1@reyes-va.example>\r\n"
    "\r\n"
    "Hi Dana,\r\n"
    "\r\n"
    "Thanks for the outline. Could you also pull the Q3 numbers into an appendix?\r\n"
    "No rush on the formatting.\r\n"
    "\r\n"
    "Bob\r\n"
    "-- \r\n"
    "Bob Stone | Acme | Please reply by Friday, December 12\r\n"
    "\r\n"
    "On Mon, Nov 24, 2025 at 9:00 AM Dana Reyes <dana@reyes-va.example> wrote:\r\n"
    "> I'll have the report to you by Friday, December 5.\r\n";

class RulesCommand : public ::testing::Test {
protected:
    void SetUp() override { write(mail_, kReply); }

    static void write(const std::string& path, const std::string& text) {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }

    testing::CommandResult casefile(const std::string& arguments) {
        // An empty XDG_CONFIG_HOME: no config file unless --config names one.
        return run_command("XDG_CONFIG_HOME=" + quote(directory_.file("xdg")) + " " +
                           std::string(CASEFILE_BINARY) + " " + arguments);
    }

    testing::TempDir directory_;
    std::string mail_ = directory_.file("reply.eml");
};

TEST_F(RulesCommand, JsonShowsZonesAndEventsFromOwnTextOnly) {
    const auto result = casefile("rules test " + quote(mail_) + " --json");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const std::string& out = result.output;
    EXPECT_NE(out.find("\"zones\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"own_text\": \"Hi Dana,"), std::string::npos) << out;
    EXPECT_NE(out.find("\"quoted_text\": \"On Mon, Nov 24"), std::string::npos) << out;
    EXPECT_NE(out.find("\"signature\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"category\": \"scope_add\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"evidence\": \"Could you also pull the Q3 numbers into an appendix?\""),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\"rule\": \"scope-also\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"previous_due\": null"), std::string::npos) << out;
    // The quoted "by Friday, December 5" and the signature's "by Friday,
    // December 12" are never read.
    EXPECT_EQ(out.find("deadline_set"), std::string::npos) << out;
    EXPECT_EQ(out.find("near_misses"), std::string::npos) << out;
}

TEST_F(RulesCommand, ExplainListsNearMisses) {
    write(mail_, std::string(kReply).replace(std::string(kReply).find("Thanks for the outline."), 23,
                                             "No rush, but the outline by Friday would help."));
    const auto result = casefile("rules test " + quote(mail_) + " --json --explain");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("\"near_misses\""), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("\"reason\": \"excluded by \\\"No rush\\\"\""), std::string::npos)
        << result.output;

    const auto text = casefile("rules test " + quote(mail_) + " --explain");
    ASSERT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("near miss"), std::string::npos) << text.output;
}

TEST_F(RulesCommand, ConfiguredRuleFilesOverrideDefaults) {
    const std::string config = directory_.file("config.toml");
    write(config,
          "[me]\nname = \"Dana Reyes\"\naddresses = [\"dana@reyes-va.example\"]\n"
          "timezone = \"America/Chicago\"\n\n[rules]\nfiles = [\"mine.toml\"]\n");
    write(directory_.file("mine.toml"),
          "[[rule]]\nid = \"scope-also\"\nenabled = false\n\n"
          "[[rule]]\nid = \"appendix\"\ncategory = \"scope_add\"\nphrases = [\"appendix\"]\nweight = 0.5\n");
    const auto result = casefile("--config " + quote(config) + " rules test " + quote(mail_) + " --json");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("\"rule\": \"appendix\""), std::string::npos) << result.output;
    EXPECT_EQ(result.output.find("\"rule\": \"scope-also\""), std::string::npos) << result.output;

    write(directory_.file("mine.toml"), "[[rule]]\nid = \"x\"\ncategory = \"scope\"\nphrases = [\"a\"]\n");
    const auto broken = casefile("--config " + quote(config) + " rules test " + quote(mail_));
    EXPECT_EQ(broken.exit_code, 2) << broken.output;
    EXPECT_NE(broken.output.find("mine.toml:3:12: rule[0].category: unknown category \"scope\""),
              std::string::npos)
        << broken.output;
}

TEST_F(RulesCommand, UsageErrors) {
    EXPECT_EQ(casefile("rules").exit_code, 2);
    EXPECT_EQ(casefile("rules test").exit_code, 2);
    EXPECT_EQ(casefile("rules test " + quote(mail_) + " --deadline friday").exit_code, 2);
    EXPECT_EQ(casefile("rules test " + quote(directory_.file("missing.eml"))).exit_code, 1);
    const auto help = casefile("rules --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("rules test FILE"), std::string::npos) << help.output;
}

}  // namespace
}  // namespace casefile::daemon
