// End to end through the casefile binary, for a deadline asked only in the
// Subject line: import stores it as a subject event, the digest and the
// export show the subject as the evidence, `rules test` says where it was
// read, and `verify` passes for the store and the bundle, before and after
// a reindex. No network: .eml files and the demo config only.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

namespace fs = std::filesystem;
using testing::quote;
using testing::run_command;

constexpr const char* kSubject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";

// Payroll's call to every contractor: the ask is the subject; the body lists
// who is on the project and asks nothing.
constexpr const char* kTimesheetCall =
    "From: Carol Diaz <carol@acme.example>\r\n"
    "To: Dana Reyes <dana@reyes-va.example>\r\n"
    "Subject: PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY\r\n"
    "Date: Mon, 01 Dec 2025 09:10:00 -0600\r\n"
    "Message-ID: <timesheets-1201@acme.example>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Hi all,\r\n"
    "\r\n"
    "Contractors on the Henderson account this period:\r\n"
    "\r\n"
    "  Dana Reyes\r\n"
    "  Sam Ortiz\r\n"
    "  Priya Nair\r\n"
    "\r\n"
    "Carol\r\n"
    "-- \r\n"
    "Carol Diaz | Payroll | Acme Corp. | EB 3021\r\n";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class SubjectAskCli : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(mail_);
        std::ofstream(mail_ / "timesheets.eml", std::ios::binary) << kTimesheetCall;
        // The demo's people and clients, with a [digest] so `digest` can
        // compose one; nothing is ever sent.
        std::ifstream demo(std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml");
        std::ofstream config(config_, std::ios::trunc);
        config << demo.rdbuf()
               << "\n[digest]\ntime = \"07:30\"\nto = \"dana@reyes-va.example\"\n"
                  "from = \"casefile <casefile@reyes-va.example>\"\ndelivery = \"smtp\"\n"
                  "smtp_url = \"smtp://127.0.0.1:9\"\ntls = \"none\"\n";
    }

    testing::CommandResult casefile(const std::string& arguments) {
        return run_command(std::string(CASEFILE_BINARY) + " --config " + quote(config_) +
                           " --store " + quote(store_) + " " + arguments);
    }

    // The live events as the store holds them: (source, evidence, the
    // message's subject cut at the span).
    struct StoredEvent {
        std::string source;
        std::string evidence;
        std::string at_span;
        std::string due;
    };
    std::vector<StoredEvent> live_events() const {
        SQLite::Database database(store_, SQLite::OPEN_READONLY);
        SQLite::Statement query(database,
                                "SELECT e.evidence_source, e.evidence, "
                                "substr(CAST(m.subject AS BLOB), e.span_start + 1, "
                                "e.span_end - e.span_start), COALESCE(e.due, '') "
                                "FROM events e JOIN messages m ON m.id = e.message_row "
                                "WHERE e.superseded_at IS NULL ORDER BY e.id");
        std::vector<StoredEvent> events;
        while (query.executeStep()) {
            const SQLite::Column at_span = query.getColumn(2);
            events.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                              std::string(static_cast<const char*>(at_span.getBlob()),
                                          static_cast<std::size_t>(at_span.getBytes())),
                              query.getColumn(3).getString()});
        }
        return events;
    }

    testing::TempDir directory_;
    fs::path mail_ = directory_.path() / "mail";
    std::string store_ = directory_.file("casefile.db");
    std::string config_ = directory_.file("casefile.toml");
};

TEST_F(SubjectAskCli, AnAskInTheSubjectIsStoredExportedAndVerified) {
    auto imported = casefile("import --quiet " + quote(mail_.string()));
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    EXPECT_NE(imported.output.find("1 events found"), std::string::npos) << imported.output;

    auto events = live_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].source, "subject");
    EXPECT_EQ(events[0].evidence, kSubject);
    EXPECT_EQ(events[0].at_span, kSubject) << "the span indexes the stored subject";
    EXPECT_EQ(events[0].due.substr(0, 10), "2025-12-02") << "Tuesday, the next day";

    auto verify = casefile("verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_NE(verify.output.find("verified: 2 ledger entries"), std::string::npos) << verify.output;

    // The digest of Monday quotes the subject as the subject line.
    auto digest = casefile("digest --date 2025-12-01");
    ASSERT_EQ(digest.exit_code, 0) << digest.output;
    EXPECT_NE(digest.output.find(std::string("in the subject line: \"") + kSubject + "\""),
              std::string::npos)
        << digest.output;

    const fs::path bundle = directory_.path() / "acme-case";
    auto exported = casefile("export --client acme --out " + quote(bundle.string()));
    ASSERT_EQ(exported.exit_code, 0) << exported.output;
    const std::string record = read_file(bundle / "case.json");
    EXPECT_NE(record.find(std::string("\"evidence\": \"") + kSubject + "\""), std::string::npos)
        << record;
    EXPECT_NE(record.find("\"evidence_source\": \"subject\""), std::string::npos) << record;
    const std::string page = read_file(bundle / "index.html");
    EXPECT_NE(page.find(std::string("<h3><mark class=\"event deadline\" id=\"e-1\">") + kSubject +
                        "</mark>"),
              std::string::npos)
        << "highlighted in the subject heading";
    EXPECT_NE(
        page.find(std::string("<span class=\"source\">subject line</span> &ldquo;") + kSubject),
        std::string::npos);
    auto bundle_verified = casefile("verify " + quote(bundle.string()));
    EXPECT_EQ(bundle_verified.exit_code, 0) << bundle_verified.output;

    // Reindexing finds it again in the subject; the first stays, superseded.
    auto reindexed = casefile("reindex");
    ASSERT_EQ(reindexed.exit_code, 0) << reindexed.output;
    EXPECT_NE(reindexed.output.find("1 earlier events kept as superseded, 1 events found now"),
              std::string::npos)
        << reindexed.output;
    events = live_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].source, "subject");
    EXPECT_EQ(events[0].at_span, kSubject);
    verify = casefile("verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

TEST_F(SubjectAskCli, TamperingWithTheSourceFailsVerify) {
    ASSERT_EQ(casefile("import --quiet " + quote(mail_.string())).exit_code, 0);
    {
        SQLite::Database database(store_, SQLite::OPEN_READWRITE);
        // Passing the subject off as a sentence the client wrote in the body.
        ASSERT_EQ(database.exec("UPDATE events SET evidence_source = 'own_text'"), 1);
    }
    auto verify = casefile("verify");
    EXPECT_EQ(verify.exit_code, 1) << verify.output;
    EXPECT_NE(verify.output.find("event 1 was altered"), std::string::npos) << verify.output;
}

TEST_F(SubjectAskCli, RulesTestSaysTheEvidenceIsTheSubject) {
    const std::string file = (mail_ / "timesheets.eml").string();
    auto json = casefile("rules test --json " + quote(file));
    ASSERT_EQ(json.exit_code, 0) << json.output;
    EXPECT_NE(json.output.find(std::string("\"subject\": \"") + kSubject + "\""), std::string::npos)
        << json.output;
    EXPECT_NE(json.output.find(std::string("\"evidence\": \"") + kSubject +
                               "\",\n      \"source\": \"subject\",\n      \"start\": 0,\n"
                               "      \"end\": 42"),
              std::string::npos)
        << json.output;

    auto text = casefile("rules test " + quote(file));
    ASSERT_EQ(text.exit_code, 0) << text.output;
    EXPECT_NE(text.output.find("subject bytes 0-42"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find(std::string("subject line: \"") + kSubject + "\""),
              std::string::npos)
        << text.output;
}

}  // namespace
}  // namespace casefile::daemon
