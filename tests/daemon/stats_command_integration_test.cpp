// `casefile stats` and `casefile deadlines` end to end: the sample mail
// (tests/data/sample-mail, described in its README) imported with the demo
// config (America/Chicago, Mon-Fri 09:00-17:30), then the figures read back
// as JSON and checked against values worked out by hand from the Date
// headers. No network.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/json_reader.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

using testing::quote;
using testing::run_command;

class StatsCommands : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        directory_ = new testing::TempDir();
        const auto imported =
            casefile("import --quiet " + quote(std::string(CASEFILE_TEST_DATA) + "/sample-mail"));
        ASSERT_EQ(imported.exit_code, 0) << imported.output;
    }
    static void TearDownTestSuite() {
        delete directory_;
        directory_ = nullptr;
    }

    static testing::CommandResult casefile(const std::string& arguments, bool with_config = true) {
        // An empty XDG_CONFIG_HOME: no config file unless --config names one.
        std::string line = "XDG_CONFIG_HOME=" + quote(directory_->file("xdg")) + " " +
                           std::string(CASEFILE_BINARY) + " --store " +
                           quote(directory_->file("casefile.db"));
        if (with_config)
            line += " --config " +
                    quote(std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml");
        return run_command(line + " " + arguments);
    }

    static core::JsonValue json(const std::string& arguments) {
        const auto result = casefile(arguments);
        EXPECT_EQ(result.exit_code, 0) << result.output;
        auto parsed = core::parse_json(result.output);
        EXPECT_TRUE(parsed) << result.output;
        return parsed ? *parsed : core::JsonValue();
    }

    static const core::JsonValue* client(const core::JsonValue& stats, const std::string& name) {
        const auto* clients = stats.member("clients") ? stats.member("clients")->array() : nullptr;
        if (!clients) return nullptr;
        for (const auto& entry : *clients) {
            if (entry.string_at("client") == name) return &entry;
        }
        return nullptr;
    }

    static testing::TempDir* directory_;
};

testing::TempDir* StatsCommands::directory_ = nullptr;

TEST_F(StatsCommands, AcmeMonthsMatchTheDateHeaders) {
    const core::JsonValue stats = json("stats --json");
    EXPECT_EQ(stats.string_at("time_zone"), "America/Chicago");
    EXPECT_EQ(stats.string_at("working_hours"), "Mon-Fri 09:00-17:30");
    ASSERT_NE(stats.member("first_month"), nullptr);
    EXPECT_TRUE(stats.member("first_month")->is_null());
    const core::JsonValue* acme = client(stats, "Acme");
    ASSERT_NE(acme, nullptr);
    const auto* months = acme->member("months")->array();
    ASSERT_EQ(months->size(), 2u);

    // November: 10 (Mon 09:14:27) answered by 11 (11:02:09).
    const core::JsonValue& november = (*months)[0];
    EXPECT_EQ(november.string_at("month"), "2025-11");
    EXPECT_EQ(november.integer_at("client_messages"), 1);
    EXPECT_EQ(november.integer_at("out_of_hours"), 0);
    EXPECT_EQ(november.integer_at("responses"), 1);
    EXPECT_EQ(november.integer_at("median_response_working_seconds"), 6462);
    EXPECT_EQ(november.integer_at("median_response_seconds"), 6462);

    // December: 16, 18, 19 (23:40), 20 (07:52), 22, 25 in the Q4 thread and
    // 29 in the invoice thread. Replies: 17 answers 16 (6201 s); 21 answers
    // 18, 19 and 20, timed from 18 (Mon 14:31:08 to Tue 09:06:30: 11122 s of
    // working time, 66922 s on the clock); 24 answers 22 (36586 / 92386 s).
    // 25 and 29 are never answered.
    const core::JsonValue& december = (*months)[1];
    EXPECT_EQ(december.string_at("month"), "2025-12");
    EXPECT_EQ(december.integer_at("client_messages"), 7);
    EXPECT_EQ(december.integer_at("out_of_hours"), 2);
    EXPECT_EQ(december.integer_at("answered"), 5);
    EXPECT_EQ(december.integer_at("unanswered"), 2);
    EXPECT_EQ(december.integer_at("responses"), 3);
    EXPECT_EQ(december.integer_at("median_response_working_seconds"), 11122);
    EXPECT_EQ(december.integer_at("median_response_seconds"), 66922);

    const core::JsonValue* total = acme->member("total");
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(total->integer_at("client_messages"), 8);
    EXPECT_EQ(total->integer_at("out_of_hours"), 2);
    EXPECT_EQ(total->integer_at("unanswered"), 2);
    EXPECT_EQ(total->integer_at("responses"), 4);
    // 6201, 6462, 11122, 36586: (6462 + 11122) / 2.
    EXPECT_EQ(total->integer_at("median_response_working_seconds"), 8792);
    EXPECT_EQ(total->integer_at("median_response_seconds"), 36692);
}

TEST_F(StatsCommands, WeekendMailAndUnansweredThreadsOfTheOtherClients) {
    const core::JsonValue stats = json("stats --json");
    const core::JsonValue* brightside = client(stats, "Brightside Dental");
    ASSERT_NE(brightside, nullptr);
    const auto* months = brightside->member("months")->array();
    ASSERT_EQ(months->size(), 2u);
    // November: 02 and 08 answered (03, 09); 15 never.
    EXPECT_EQ((*months)[0].integer_at("client_messages"), 3);
    EXPECT_EQ((*months)[0].integer_at("unanswered"), 1);
    // December: 26, Saturday 12:15 Chicago, answered Monday 09:20 by 27.
    EXPECT_EQ((*months)[1].integer_at("client_messages"), 1);
    EXPECT_EQ((*months)[1].integer_at("out_of_hours"), 1);
    EXPECT_EQ((*months)[1].integer_at("answered"), 1);
    EXPECT_LT(*(*months)[1].integer_at("median_response_working_seconds"), 3600);
    EXPECT_GT(*(*months)[1].integer_at("median_response_seconds"), 44 * 3600);

    // Northwind: 07 and 12 after Dana's last word in the gala thread, and 23.
    const core::JsonValue* northwind = client(stats, "Northwind Events");
    ASSERT_NE(northwind, nullptr);
    EXPECT_EQ(northwind->member("total")->integer_at("client_messages"), 5);
    EXPECT_EQ(northwind->member("total")->integer_at("unanswered"), 3);
    EXPECT_EQ(client(stats, "none"), nullptr);
}

TEST_F(StatsCommands, ClientFilterMonthsAndText) {
    const auto one = casefile("stats --client acme --json");
    ASSERT_EQ(one.exit_code, 0) << one.output;
    EXPECT_NE(one.output.find("\"out_of_hours_share\": 0.2857"), std::string::npos) << one.output;
    EXPECT_EQ(one.output.find("Brightside"), std::string::npos) << one.output;

    // The sample mail is from 2025; the last month (now) holds none of it.
    const core::JsonValue recent = json("stats --months 1 --json");
    ASSERT_NE(recent.member("first_month"), nullptr);
    EXPECT_EQ(recent.string_at("first_month")->size(), 7u);
    EXPECT_TRUE(recent.member("clients")->array()->empty());

    const auto text = casefile("stats --client Acme");
    ASSERT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("2025-12"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("3 h 5 min"), std::string::npos) << text.output;  // 11122 s
    EXPECT_NE(text.output.find("29%"), std::string::npos) << text.output;

    EXPECT_EQ(casefile("stats --client Nobody").exit_code, 1);
    EXPECT_EQ(casefile("stats --months 0").exit_code, 2);
    EXPECT_EQ(casefile("stats --months twelve").exit_code, 2);
    EXPECT_EQ(casefile("stats extra").exit_code, 2);
    const auto help = casefile("stats --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("stats [--client NAME] [--months N] [--json]"), std::string::npos);
}

TEST_F(StatsCommands, WithoutAConfigWorkingHoursAreUtcAndSaidSo) {
    const auto result = casefile("stats --client Acme", false);
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("no config file: working hours taken as Mon-Fri 09:00-17:30 UTC"),
              std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("(UTC, working hours Mon-Fri 09:00-17:30)"), std::string::npos)
        << result.output;
}

TEST_F(StatsCommands, DeadlinesShowTheQ4ReportMovedEarlierInBobsWords) {
    const core::JsonValue threads = json("deadlines --client acme --json");
    ASSERT_NE(threads.array(), nullptr);
    const core::JsonValue* q4 = nullptr;
    for (const auto& thread : *threads.array()) {
        EXPECT_EQ(thread.string_at("client"), "Acme");
        if (thread.string_at("subject") == "Q4 vendor report") q4 = &thread;
    }
    ASSERT_NE(q4, nullptr);
    EXPECT_EQ(q4->string_at("thread_id")->front(), 't');
    ASSERT_NE(q4->member("current_due"), nullptr);
    const auto* history = q4->member("history")->array();
    ASSERT_NE(history, nullptr);
    ASSERT_GE(history->size(), 2u);

    // The request (10) sets Friday, Dec 5.
    const core::JsonValue& first = history->front();
    EXPECT_EQ(first.string_at("date"), "2025-11-24T09:14:27-06:00");
    EXPECT_EQ(first.string_at("from"), "Bob Hartley <bob@acme.example>");
    EXPECT_EQ(first.member("from_me")->boolean(), false);
    EXPECT_EQ(first.string_at("category"), "deadline_set");
    EXPECT_EQ(first.string_at("change"), "set");
    EXPECT_EQ(first.string_at("due"), "2025-12-05");
    EXPECT_TRUE(first.member("previous_due")->is_null());
    EXPECT_EQ(first.string_at("evidence"),
              "Please have the Q4 vendor report to me by Friday, Dec 5.");
    EXPECT_GT(*first.integer_at("ledger_sequence"), 0);

    // Bob moves it earlier on Monday 1 December (16).
    const core::JsonValue* moved = nullptr;
    for (const auto& step : *history) {
        if (step.string_at("date") == "2025-12-01T09:03:51-06:00") moved = &step;
    }
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(moved->string_at("category"), "deadline_change");
    EXPECT_EQ(moved->string_at("change"), "earlier");
    EXPECT_EQ(moved->string_at("previous_due"), "2025-12-05");
    EXPECT_EQ(moved->string_at("due"), "2025-12-03");
    EXPECT_EQ(moved->string_at("evidence"), "Actually I need it by Wednesday instead.");
    // The steps come in message order, and the current deadline is the last one's.
    for (std::size_t index = 1; index < history->size(); ++index) {
        EXPECT_LE(*(*history)[index - 1].string_at("date"), *(*history)[index].string_at("date"));
    }
    EXPECT_EQ(q4->member("current_due")->string(), history->back().string_at("due"));

    const auto text = casefile("deadlines --client Acme");
    ASSERT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("moved earlier: 2025-12-05 -> 2025-12-03"), std::string::npos)
        << text.output;
    EXPECT_NE(text.output.find("\"Actually I need it by Wednesday instead.\""), std::string::npos)
        << text.output;
    EXPECT_NE(text.output.find("2025-12-01 09:03  Bob Hartley"), std::string::npos) << text.output;
}

TEST_F(StatsCommands, DeadlinesPerClientAndUsage) {
    const core::JsonValue all = json("deadlines --json");
    ASSERT_NE(all.array(), nullptr);
    std::vector<std::string> clients;
    for (const auto& thread : *all.array())
        clients.push_back(thread.string_at("client").value_or("(none)"));
    // Grouped by client name: Acme, then Brightside Dental, then Northwind.
    EXPECT_TRUE(std::is_sorted(clients.begin(), clients.end()))
        << ::testing::PrintToString(clients);
    EXPECT_NE(std::find(clients.begin(), clients.end(), "Brightside Dental"), clients.end());
    // The newsletter and the payment notice are bulk: no deadlines, no thread.
    EXPECT_EQ(std::find(clients.begin(), clients.end(), "(none)"), clients.end());

    EXPECT_EQ(casefile("deadlines --client Nobody").exit_code, 1);
    EXPECT_EQ(casefile("deadlines --when now").exit_code, 2);
    EXPECT_EQ(casefile("deadlines --help").exit_code, 0);
}

}  // namespace
}  // namespace casefile::daemon
