// The export bundle composed from a store and checked back, all in memory:
// round trip, tampering, reproducibility, mbox, and hostile mail content.
#include <gtest/gtest.h>

#include "core/bundle.hpp"
#include "core/bundle_verify.hpp"
#include "core/manifest.hpp"
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

IncomingMessage mail(const std::string& id, const std::string& subject, const std::string& text,
                     std::int64_t unix_seconds, const std::string& in_reply_to = "") {
    IncomingMessage incoming;
    incoming.raw = "From: Bob <bob@acme.example>\r\nTo: dana@reyes-va.example\r\nSubject: " + subject +
                   "\r\nMessage-ID: <" + id + ">\r\n" +
                   (in_reply_to.empty() ? "" : "In-Reply-To: <" + in_reply_to + ">\r\n") +
                   "\r\n" + text + "\r\nFrom the desk of Bob\r\n";
    incoming.parsed.message_id = id;
    incoming.parsed.in_reply_to = in_reply_to;
    incoming.parsed.subject = subject;
    incoming.parsed.from = Address{"Bob", "bob@acme.example"};
    incoming.parsed.to = {Address{"", "dana@reyes-va.example"}};
    incoming.parsed.date = Timestamp{unix_seconds, -360};
    incoming.parsed.zones.own_text = text;
    incoming.parsed.zones.quoted_text = "> earlier words";
    incoming.client = "Acme";
    incoming.source = "test";
    return incoming;
}

BundleContents contents_of(const std::vector<BundleFile>& files) {
    BundleContents contents;
    for (const BundleFile& file : files) contents.files[file.path] = file.bytes;
    return contents;
}

bool names(const BundleReport& report, const std::string& file) {
    for (const BundleProblem& problem : report.problems) {
        if (problem.file == file) return true;
    }
    return false;
}

// Every tag of the page (from '<' to '>') that contains `word`: mail content
// may say "onerror=" as escaped text, but never inside markup.
std::vector<std::string> tags_with(const std::string& html, const std::string& word) {
    std::vector<std::string> found;
    for (std::size_t open = html.find('<'); open != std::string::npos; open = html.find('<', open + 1)) {
        const std::size_t close = html.find('>', open);
        const std::string tag = html.substr(open, close - open + 1);
        if (tag.find(word) != std::string::npos) found.push_back(tag);
    }
    return found;
}

std::string describe(const BundleReport& report) {
    std::string text;
    for (const BundleProblem& problem : report.problems) {
        text += problem.file + ": " + problem.description + "\n";
    }
    return text;
}

// case.json or another file edited with the manifest written again to match,
// as a forger would: only the ledger can still tell.
void rewrite_manifest(BundleContents& contents) {
    std::vector<ManifestLine> lines;
    for (const auto& [path, bytes] : contents.files) {
        if (path != "manifest.sha256") lines.push_back(ManifestLine{sha256_hex(bytes), path});
    }
    contents.files["manifest.sha256"] = compose_manifest(lines, "t");
}

class Bundle : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
        ASSERT_OK(store_->save_identity(Identity{
            {"dana@reyes-va.example"}, {ClientRecord{"Acme", {"bob@acme.example"}, {"acme.example"}}}}));
        ASSERT_OK(store_->ingest_batch(
            {mail("a1@acme.example", "Q4 report", "Please send the Q4 report by Friday.", 1764602040),
             mail("a2@acme.example", "Re: Q4 report", "Actually, move it to Monday Dec 8.",
                  1764688440, "a1@acme.example"),
             mail("b1@acme.example", "Logo", "Could you also redo the logo?", 1764774840)}));
        auto rows = store_->threads(std::string("Acme"));
        ASSERT_OK(rows);
        ASSERT_EQ(rows->size(), 3u);
        for (const ThreadRow& row : *rows) rows_[*row.message_id] = row.row;
        NewEvent set;
        set.message_row = rows_["a1@acme.example"];
        set.category = "deadline_set";
        set.evidence = "by Friday";
        set.span_start = 26;
        set.span_end = 35;
        set.due = "2025-12-05";
        set.rule_id = "deadline.by-weekday";
        set.confidence = 0.9;
        NewEvent moved = set;
        moved.message_row = rows_["a2@acme.example"];
        moved.category = "deadline_moved";
        moved.evidence = "move it to Monday Dec 8";
        moved.span_start = 10;
        moved.span_end = 33;
        moved.due = "2025-12-08";
        moved.previous_due = "2025-12-05";
        NewEvent scope = set;
        scope.message_row = rows_["b1@acme.example"];
        scope.category = "scope_added";
        scope.evidence = "redo the logo";
        scope.span_start = 0;  // wrong on purpose: placed by searching
        scope.span_end = 3;
        scope.due.clear();
        scope.rule_id = "scope.also";
        ASSERT_OK(store_->add_events({set, moved, scope}));
    }

    CaseExport read(BundleFormat format = BundleFormat::eml) {
        CaseQuery query;
        query.client = "acme";
        auto export_data = read_case_export(*store_, query, format);
        EXPECT_TRUE(export_data.has_value()) << export_data.error().message;
        return std::move(*export_data);
    }

    testing::TempDir directory_;
    FixedClock clock_{1764900000};
    std::optional<Store> store_;
    std::map<std::string, std::int64_t> rows_;
};

TEST_F(Bundle, RoundTripVerifies) {
    const CaseExport export_data = read();
    ASSERT_EQ(export_data.record.messages.size(), 3u);
    ASSERT_EQ(export_data.events.size(), 3u);
    EXPECT_EQ(export_data.ledger.size(), 6u);  // 3 messages + 3 events
    const auto files = compose_bundle(export_data, "2025-12-05T10:00:00+00:00");
    const BundleReport report = verify_bundle(contents_of(files));
    EXPECT_TRUE(report.ok()) << describe(report);
    EXPECT_EQ(report.messages_checked, 3);
    EXPECT_EQ(report.events_checked, 3);
    EXPECT_EQ(report.ledger_entries_checked, 6);
    EXPECT_EQ(report.export_time, "2025-12-05T10:00:00+00:00");
    EXPECT_EQ(files.back().path, "manifest.sha256");
    const std::string& manifest = files.back().bytes;
    EXPECT_EQ(manifest.rfind("# casefile bundle exported at 2025-12-05T10:00:00+00:00\n", 0), 0u);
    EXPECT_EQ(parse_manifest(manifest).lines.size(), files.size() - 1);
}

TEST_F(Bundle, MessagesKeepTheirBytesUnderGeneratedNames) {
    const CaseExport export_data = read();
    const auto names = message_file_names(export_data.record.messages);
    ASSERT_EQ(names.size(), 3u);
    // 1764602040 is 2025-12-01T15:14:00Z.
    EXPECT_EQ(names[0], "messages/2025-12-01T1514-" +
                            export_data.record.messages[0].sha256.substr(0, 8) + ".eml");
    const auto files = compose_bundle(export_data, "t");
    for (std::size_t index = 0; index < 3; ++index) {
        EXPECT_EQ(files[index].path, names[index]);
        EXPECT_EQ(files[index].bytes, export_data.record.messages[index].raw);
    }
}

TEST_F(Bundle, IsReproducibleExceptTheExportTime) {
    const auto first = compose_bundle(read(), "2025-12-05T10:00:00+00:00");
    const auto second = compose_bundle(read(), "2026-01-01T00:00:00+00:00");
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t index = 0; index + 1 < first.size(); ++index) {
        EXPECT_EQ(first[index].path, second[index].path);
        EXPECT_EQ(first[index].bytes, second[index].bytes) << first[index].path;
    }
    const std::string& one = first.back().bytes;
    const std::string& two = second.back().bytes;
    EXPECT_EQ(one.substr(one.find('\n')), two.substr(two.find('\n')));
}

TEST_F(Bundle, EveryTamperingIsFoundAndNamed) {
    const auto files = compose_bundle(read(), "t");
    const BundleContents good = contents_of(files);
    const std::string eml = files.front().path;

    BundleContents changed = good;
    changed.files[eml][10] ^= 1;
    BundleReport report = verify_bundle(changed);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, eml)) << describe(report);

    BundleContents deleted = good;
    deleted.files.erase(eml);
    report = verify_bundle(deleted);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, eml)) << describe(report);

    BundleContents extra = good;
    extra.files["messages/extra.eml"] = "From: x\r\n\r\nx";
    report = verify_bundle(extra);
    EXPECT_TRUE(names(report, "messages/extra.eml")) << describe(report);

    BundleContents edited = good;
    std::string& record = edited.files["case.json"];
    record.replace(record.find("move it to Monday"), 4, "kept");
    report = verify_bundle(edited);
    EXPECT_TRUE(names(report, "case.json")) << describe(report);
    // The event no longer matches its ledger entry, not only the manifest.
    EXPECT_GE(report.problems.size(), 2u) << describe(report);

    BundleContents reordered = good;
    std::string& ledger = reordered.files["ledger.json"];
    const std::size_t entries = ledger.find("\"entries\"");
    const std::size_t first = ledger.find('{', entries);
    const std::size_t second = ledger.find('{', ledger.find('}', first));
    const std::size_t second_end = ledger.find('}', second) + 1;
    const std::string first_entry = ledger.substr(first, ledger.find('}', first) + 1 - first);
    const std::string second_entry = ledger.substr(second, second_end - second);
    ledger.replace(second, second_end - second, first_entry);
    ledger.replace(first, first_entry.size(), second_entry);
    report = verify_bundle(reordered);
    EXPECT_TRUE(names(report, "ledger.json")) << describe(report);
    bool out_of_order = false;
    for (const auto& problem : report.problems) {
        out_of_order = out_of_order || problem.description.find("out of order") != std::string::npos;
    }
    EXPECT_TRUE(out_of_order) << describe(report);

    BundleContents no_manifest = good;
    no_manifest.files.erase("manifest.sha256");
    EXPECT_TRUE(names(verify_bundle(no_manifest), "manifest.sha256"));
}

TEST_F(Bundle, AConsistentForgeryIsStillCaughtByTheLedger) {
    // Someone edits an .eml and rewrites case.json and the manifest to match:
    // the ledger entry's content hash still names the original bytes.
    auto files = compose_bundle(read(), "t");
    BundleContents forged = contents_of(files);
    const std::string eml = files.front().path;
    const std::string old_hash = sha256_hex(forged.files[eml]);
    forged.files[eml] += "forged\r\n";
    const std::string new_hash = sha256_hex(forged.files[eml]);
    std::string& record = forged.files["case.json"];
    record.replace(record.find(old_hash), old_hash.size(), new_hash);
    std::vector<ManifestLine> lines;
    for (const auto& [path, bytes] : forged.files) {
        if (path != "manifest.sha256") lines.push_back(ManifestLine{sha256_hex(bytes), path});
    }
    forged.files["manifest.sha256"] = compose_manifest(lines, "t");
    const BundleReport report = verify_bundle(forged);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, "case.json")) << describe(report);
}

TEST(BundleVerify, ReportsGarbageWithoutCrashing) {
    BundleContents garbage;
    garbage.files["manifest.sha256"] = "not a line\n" + std::string(64, 'g') + "  x\n";
    garbage.files["case.json"] = "[]";
    garbage.files["ledger.json"] = R"({"head": 5, "entries": [{"sequence": "1"}, 7]})";
    garbage.files["index.html"] = std::string(1, '\0');
    BundleReport report = verify_bundle(garbage);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, "manifest.sha256")) << describe(report);
    EXPECT_TRUE(names(report, "case.json")) << describe(report);
    EXPECT_TRUE(names(report, "ledger.json")) << describe(report);
    EXPECT_TRUE(names(report, "index.html")) << describe(report);  // not in the manifest

    garbage.files["case.json"] = R"({"messages": [{"sha256": 1}, {"sha256": "x", "file": "../../etc/passwd",)"
                                 R"( "ledger_sequence": 99}], "events": [{}]})";
    report = verify_bundle(garbage);
    EXPECT_TRUE(names(report, "case.json")) << describe(report);
    EXPECT_TRUE(verify_bundle(BundleContents{}).problems.size() >= 3);  // an empty directory
}

TEST_F(Bundle, MboxFormatRoundTrips) {
    const CaseExport export_data = read(BundleFormat::mbox);
    const auto files = compose_bundle(export_data, "t");
    const BundleContents contents = contents_of(files);
    ASSERT_TRUE(contents.files.count("messages.mbox"));
    for (const auto& [path, bytes] : contents.files) EXPECT_FALSE(path.starts_with("messages/"));
    const BundleReport report = verify_bundle(contents);
    EXPECT_TRUE(report.ok()) << describe(report);
    // "From the desk" starts a body line and was quoted.
    EXPECT_NE(contents.files.at("messages.mbox").find("\n>From the desk"), std::string::npos);
    const auto items = split_mboxrd(contents.files.at("messages.mbox"));
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(mboxrd_candidates(items[0]).front(), export_data.record.messages[0].raw);

    BundleContents changed = contents;
    changed.files["messages.mbox"][200] ^= 1;
    EXPECT_TRUE(names(verify_bundle(changed), "messages.mbox"));
}

TEST_F(Bundle, MboxrdQuotingIsReversible) {
    CaseExport export_data;
    CaseMessage message;
    message.raw = "Subject: x\n\nFrom here\n>From there\n>>From everywhere\nno newline at end";
    message.sha256 = sha256_hex(message.raw);
    export_data.record.messages.push_back(message);
    message.raw = "Subject: y\r\n\r\nends with a line\r\n";
    message.sha256 = sha256_hex(message.raw);
    export_data.record.messages.push_back(message);
    const auto items = split_mboxrd(compose_mboxrd(export_data));
    ASSERT_EQ(items.size(), 2u);
    for (std::size_t index = 0; index < 2; ++index) {
        bool found = false;
        for (const auto& candidate : mboxrd_candidates(items[index])) {
            found = found || candidate == export_data.record.messages[index].raw;
        }
        EXPECT_TRUE(found) << index;
    }
}

TEST_F(Bundle, ThePageHighlightsEventsAndStatesItsPolicy) {
    const std::string html = compose_index_html(read(), message_file_names(read().record.messages));
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; img-src data:\">"),
              std::string::npos);
    EXPECT_NE(html.find("Please send the Q4 report <mark class=\"event deadline\""), std::string::npos);
    EXPECT_NE(html.find(">redo the logo</mark>"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("<details><summary>Quoted text</summary>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST_F(Bundle, HostileMailIsOnlyEverText) {
    const std::string hostile =
        "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"
        "<svg onload=alert(4)><meta http-equiv=refresh content=\"0;url=http://127.0.0.1:9/\">"
        "<base href=\"http://127.0.0.1:9/\"><style>@import url(http://127.0.0.1:9/x.css);</style>"
        "\xE2\x80\xAE" "fdp.exe " + std::string("nul\0byte", 8) + " ../../etc/passwd /etc/shadow";
    IncomingMessage incoming = mail("evil@acme.example", hostile, hostile, 1764861240);
    incoming.parsed.from = Address{hostile, "bob@acme.example"};
    incoming.parsed.attachments = {Attachment{"../../" + hostile, "text/html", 3, "abc"},
                                   Attachment{"/etc/passwd", "text/plain", 1, "def"}};
    ASSERT_OK(store_->ingest_batch({incoming}));
    auto rows = store_->threads(std::string("Acme"));
    ASSERT_OK(rows);
    std::int64_t row = 0;
    for (const auto& item : *rows) {
        if (item.message_id == std::optional<std::string>("evil@acme.example")) row = item.row;
    }
    NewEvent event;
    event.message_row = row;
    event.category = "<script>x</script>";
    event.evidence = "<svg onload=alert(5)>";
    event.due = "<b>";
    event.rule_id = "\" onmouseover=\"alert(6)";
    event.span_start = 0;
    event.span_end = 5;
    ASSERT_OK(store_->add_events({event}));

    const CaseExport export_data = read();
    const auto files = compose_bundle(export_data, "t");
    std::string html;
    for (const BundleFile& file : files) {
        EXPECT_TRUE(file.path.find("..") == std::string::npos && !file.path.starts_with("/"))
            << file.path;
        if (file.path == "index.html") html = file.bytes;
    }
    for (const char* markup : {"<script", "<img", "<svg onload", "<a href=\"javascript", "<meta http-equiv=refresh",
                               "<base", "<style>@import", "<b>"}) {
        EXPECT_EQ(html.find(markup), std::string::npos) << markup;
    }
    for (const char* word : {"onerror", "onload", "onmouseover", "javascript:", "http:", "@import", "refresh"}) {
        EXPECT_EQ(tags_with(html, word), std::vector<std::string>{}) << word;
    }
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("[U+202E]fdp.exe"), std::string::npos);
    EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(html.find('\0'), std::string::npos);
    EXPECT_NE(html.find("nulbyte"), std::string::npos);
    // The only <style> and <svg> are ours, in the head and the summary.
    EXPECT_EQ(html.find("<style>", html.find("<style>") + 1), std::string::npos);
    EXPECT_TRUE(verify_bundle(contents_of(files)).ok());
}

// Payroll's timesheet call, asked in the subject line only (its body is a
// signature), with the event detection stores for it: evidence and span are
// the subject's.
class SubjectAskBundle : public Bundle {
protected:
    void SetUp() override {
        Bundle::SetUp();
        ASSERT_OK(store_->ingest_batch(
            {mail("hours@acme.example", kSubject, "Maria Lopez\nPayroll, EB 3021\n(713) 555-0142",
                  1764861240)}));
        auto rows = store_->threads(std::string("Acme"));
        ASSERT_OK(rows);
        for (const ThreadRow& row : *rows) rows_[*row.message_id] = row.row;
        NewEvent asked;
        asked.message_row = rows_["hours@acme.example"];
        asked.category = "deadline_set";
        asked.evidence = kSubject;
        asked.span_start = 0;
        asked.span_end = static_cast<std::int64_t>(std::string_view(kSubject).size());
        asked.evidence_source = "subject";
        asked.due = "2025-12-09T12:00:00-06:00";
        asked.rule_id = "deadline.send-by";
        asked.confidence = 0.8;
        ASSERT_OK(store_->add_events({asked}));
    }

    static constexpr const char* kSubject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
};

TEST_F(SubjectAskBundle, TheSubjectIsTheHighlightedEvidenceAndTheBundleVerifies) {
    const CaseExport export_data = read();
    ASSERT_EQ(export_data.events.size(), 4u);
    EXPECT_EQ(export_data.events.back().event.evidence_source, "subject");
    const auto files = compose_bundle(export_data, "t");
    const BundleContents contents = contents_of(files);
    const BundleReport report = verify_bundle(contents);
    EXPECT_TRUE(report.ok()) << describe(report);
    EXPECT_EQ(report.events_checked, 4);

    const std::string& html = contents.files.at("index.html");
    const std::string id = std::to_string(export_data.events.back().id);
    // Highlighted in the message's subject heading, not in its text.
    EXPECT_NE(
        html.find("<h3><mark class=\"event deadline\" id=\"e-" + id + "\">" + kSubject + "</mark>"),
        std::string::npos)
        << html;
    const std::size_t article = html.find("<h3><mark class=\"event deadline\" id=\"e-" + id);
    const std::size_t text = html.find("<div class=\"text\">", article);
    ASSERT_NE(text, std::string::npos);
    EXPECT_EQ(html.substr(text, html.find("</div>", text) - text).find("<mark"), std::string::npos)
        << "nothing of the body is marked";
    // The summary's table says where the client's words are.
    EXPECT_NE(
        html.find("<span class=\"source\">subject line</span> &ldquo;" + std::string(kSubject)),
        std::string::npos);

    const std::string& record = contents.files.at("case.json");
    EXPECT_NE(record.find("\"evidence_source\": \"subject\""), std::string::npos) << record;
    EXPECT_NE(record.find("\"evidence_source\": \"own_text\""), std::string::npos) << record;
}

TEST_F(SubjectAskBundle, ASubjectEventPassedOffAsOwnTextIsCaughtByTheLedger) {
    BundleContents forged = contents_of(compose_bundle(read(), "t"));
    std::string& record = forged.files["case.json"];
    const std::string subject_source = "\"evidence_source\": \"subject\"";
    ASSERT_NE(record.find(subject_source), std::string::npos);
    record.replace(record.find(subject_source), subject_source.size(),
                   "\"evidence_source\": \"own_text\"");
    rewrite_manifest(forged);
    const BundleReport report = verify_bundle(forged);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, "case.json")) << describe(report);
}

TEST_F(Bundle, ABundleWrittenBeforeSourcesWereRecordedStillVerifies) {
    // Older case.json files have no "evidence_source": their events are all
    // own-text events, hashed with the v1 text.
    BundleContents older = contents_of(compose_bundle(read(), "t"));
    std::string& record = older.files["case.json"];
    std::size_t removed = 0;
    for (std::size_t at = record.find("\"evidence_source\""); at != std::string::npos;
         at = record.find("\"evidence_source\"")) {
        record.erase(at, record.find(',', at) + 1 - at);
        ++removed;
    }
    ASSERT_EQ(removed, 3u);
    rewrite_manifest(older);
    const BundleReport report = verify_bundle(older);
    EXPECT_TRUE(report.ok()) << describe(report);
    EXPECT_EQ(report.events_checked, 3);
}

}  // namespace
}  // namespace casefile::core
