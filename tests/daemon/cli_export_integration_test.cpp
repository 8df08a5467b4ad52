// `casefile export` and `casefile verify DIR` through the binary: the sample
// mail imported, a few events added through the store API, the Acme bundle
// exported, verified, exported again, tampered with, and hostile mail.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

namespace fs = std::filesystem;
using testing::quote;
using testing::run_command;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::set<std::string> files_under(const fs::path& directory) {
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (!entry.is_directory()) files.insert(fs::relative(entry.path(), directory).generic_string());
    }
    return files;
}

// "messages/2025-12-01T1514-3f2a9c1e.eml": a UTC minute and 8+ hex digits.
// (Not std::regex: GCC 12 warns inside it under -fsanitize, and warnings fail.)
bool generated_eml_name(const std::string& name) {
    const std::string prefix = "messages/";
    if (!name.starts_with(prefix) || !name.ends_with(".eml")) return false;
    const std::string stem = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    const std::string shape = "dddd-dd-ddTdddd-";
    if (stem.size() < shape.size() + 8) return false;
    for (std::size_t index = 0; index < stem.size(); ++index) {
        const char character = stem[index];
        if (index < shape.size()) {
            if (shape[index] == 'd' ? !std::isdigit(static_cast<unsigned char>(character))
                                    : character != shape[index]) {
                return false;
            }
        } else if (!std::isxdigit(static_cast<unsigned char>(character)) || std::isupper(character)) {
            return false;
        }
    }
    return true;
}

class CliExport : public ::testing::Test {
protected:
    void SetUp() override {
        auto imported = casefile("import --quiet " + quote(std::string(CASEFILE_TEST_DATA) + "/sample-mail"));
        ASSERT_EQ(imported.exit_code, 0) << imported.output;
        add_events();
    }

    testing::CommandResult casefile(const std::string& arguments) {
        return run_command(std::string(CASEFILE_BINARY) + " --config " + quote(config_) +
                           " --store " + quote(store_) + " " + arguments);
    }

    // Events on the first three Acme messages, each over the start of its
    // own text, through the store API that detection will use.
    void add_events() {
        core::FixedClock clock(1764900000);
        auto store = core::Store::open(store_, clock);
        ASSERT_OK(store);
        core::CaseQuery query;
        query.client = "Acme";
        auto record = store->case_record(query);
        ASSERT_OK(record);
        ASSERT_GE(record->messages.size(), 5u);
        acme_messages_ = record->messages.size();
        const char* categories[] = {"deadline_set", "deadline_moved", "scope_added"};
        std::vector<core::NewEvent> events;
        for (std::size_t index = 0; index < 3; ++index) {
            const core::CaseMessage& message = record->messages[index];
            core::NewEvent event;
            event.message_row = message.row;
            event.category = categories[index];
            const std::string& text = message.parsed.zones.own_text;
            const std::size_t end = std::min<std::size_t>(text.find('.') + 1, 40);
            event.evidence = text.substr(0, end);
            event.span_end = static_cast<std::int64_t>(end);
            event.due = "2025-12-0" + std::to_string(index + 5);
            event.previous_due = index == 1 ? "2025-12-05" : "";
            event.rule_id = "test.rule";
            event.confidence = 0.75;
            events.push_back(event);
        }
        ASSERT_OK(store->add_events(events));
    }

    fs::path bundle(const std::string& name) const { return directory_.path() / name; }

    testing::TempDir directory_;
    std::string store_ = directory_.file("casefile.db");
    std::string config_ = std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml";
    std::size_t acme_messages_ = 0;
};

TEST_F(CliExport, ExportsABundleThatVerifies) {
    auto exported = casefile("export --client acme --out " + quote(bundle("acme").string()));
    ASSERT_EQ(exported.exit_code, 0) << exported.output;
    EXPECT_NE(exported.output.find("exported " + std::to_string(acme_messages_) + " messages"),
              std::string::npos)
        << exported.output;
    const auto files = files_under(bundle("acme"));
    for (const char* name : {"index.html", "case.json", "ledger.json", "manifest.sha256"}) {
        EXPECT_TRUE(files.count(name)) << name;
    }
    std::size_t emls = 0;
    for (const std::string& file : files) {
        if (file.starts_with("messages/")) {
            EXPECT_TRUE(generated_eml_name(file)) << file;
            ++emls;
        }
    }
    EXPECT_EQ(emls, acme_messages_);

    auto verified = casefile("verify " + quote(bundle("acme").string()));
    EXPECT_EQ(verified.exit_code, 0) << verified.output;
    // The three events added here and those the rules found at import.
    const std::string case_json = read_file(bundle("acme") / "case.json");
    std::size_t events = 0;
    for (auto at = case_json.find("\"category\""); at != std::string::npos;
         at = case_json.find("\"category\"", at + 1)) {
        ++events;
    }
    EXPECT_GE(events, 3u);
    EXPECT_NE(verified.output.find(std::to_string(events) + " events"), std::string::npos)
        << verified.output;
    auto json = casefile("verify --json " + quote(bundle("acme").string()));
    EXPECT_EQ(json.exit_code, 0) << json.output;
    EXPECT_NE(json.output.find("\"ok\": true"), std::string::npos) << json.output;
    // Checkable without casefile.
    auto sha256sum = run_command("cd " + quote(bundle("acme").string()) +
                                 " && sha256sum --quiet --strict -c manifest.sha256");
    EXPECT_EQ(sha256sum.exit_code, 0) << sha256sum.output;
    // The store itself still verifies, event entries included.
    EXPECT_EQ(casefile("verify").exit_code, 0);
}

TEST_F(CliExport, ExportingTwiceGivesTheSameFilesButTheManifestTime) {
    ASSERT_EQ(casefile("export --client Acme --out " + quote(bundle("one").string())).exit_code, 0);
    ASSERT_EQ(casefile("export --client Acme --out " + quote(bundle("two").string())).exit_code, 0);
    const auto files = files_under(bundle("one"));
    ASSERT_EQ(files, files_under(bundle("two")));
    for (const std::string& file : files) {
        std::string one = read_file(bundle("one") / file);
        std::string two = read_file(bundle("two") / file);
        if (file == "manifest.sha256") {
            EXPECT_TRUE(one.starts_with("# "));
            one.erase(0, one.find('\n'));
            two.erase(0, two.find('\n'));
        }
        EXPECT_EQ(one, two) << file;
    }
}

TEST_F(CliExport, EveryTamperingFailsVerifyAndNamesTheFile) {
    ASSERT_EQ(casefile("export --client Acme --out " + quote(bundle("good").string())).exit_code, 0);
    std::string eml;
    for (const std::string& file : files_under(bundle("good"))) {
        if (file.starts_with("messages/")) eml = file;
    }
    ASSERT_FALSE(eml.empty());
    auto tampered = [&](const std::string& name, auto&& change) {
        fs::copy(bundle("good"), bundle(name), fs::copy_options::recursive);
        change(bundle(name));
        return casefile("verify " + quote(bundle(name).string()));
    };

    auto changed = tampered("changed", [&](const fs::path& root) {
        std::string bytes = read_file(root / eml);
        bytes[bytes.size() / 2] ^= 0x01;
        write_file(root / eml, bytes);
    });
    EXPECT_EQ(changed.exit_code, 1) << changed.output;
    EXPECT_NE(changed.output.find(eml), std::string::npos) << changed.output;

    auto deleted = tampered("deleted", [&](const fs::path& root) { fs::remove(root / eml); });
    EXPECT_EQ(deleted.exit_code, 1) << deleted.output;
    EXPECT_NE(deleted.output.find(eml + ": is listed in the manifest but missing"), std::string::npos)
        << deleted.output;

    auto edited = tampered("edited", [&](const fs::path& root) {
        std::string record = read_file(root / "case.json");
        record.replace(record.find("\"subject\": \"") + 12, 1, "X");
        write_file(root / "case.json", record);
    });
    EXPECT_EQ(edited.exit_code, 1) << edited.output;
    EXPECT_NE(edited.output.find("case.json: was changed"), std::string::npos) << edited.output;

    auto reordered = tampered("reordered", [&](const fs::path& root) {
        std::string ledger = read_file(root / "ledger.json");
        const std::size_t first = ledger.find('{', ledger.find("\"entries\""));
        const std::size_t first_end = ledger.find('}', first) + 1;
        const std::size_t second = ledger.find('{', first_end);
        const std::size_t second_end = ledger.find('}', second) + 1;
        const std::string one = ledger.substr(first, first_end - first);
        const std::string two = ledger.substr(second, second_end - second);
        ledger = ledger.substr(0, first) + two + ledger.substr(first_end, second - first_end) + one +
                 ledger.substr(second_end);
        write_file(root / "ledger.json", ledger);
    });
    EXPECT_EQ(reordered.exit_code, 1) << reordered.output;
    EXPECT_NE(reordered.output.find("ledger.json: entry"), std::string::npos) << reordered.output;
    EXPECT_NE(reordered.output.find("out of order"), std::string::npos) << reordered.output;

    auto linked = tampered("linked", [&](const fs::path& root) {
        fs::create_symlink("/etc/passwd", root / "messages" / "passwd.eml");
    });
    EXPECT_EQ(linked.exit_code, 1) << linked.output;
    EXPECT_NE(linked.output.find("messages/passwd.eml: is a symbolic link"), std::string::npos)
        << linked.output;

    auto json = casefile("verify --json " + quote(bundle("changed").string()));
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_NE(json.output.find("\"ok\": false"), std::string::npos) << json.output;
    EXPECT_NE(json.output.find("\"file\": \"" + eml + "\""), std::string::npos) << json.output;
}

TEST_F(CliExport, RangesThreadsAndMbox) {
    auto all = casefile("export --client Acme --format mbox --out " + quote(bundle("mbox").string()));
    ASSERT_EQ(all.exit_code, 0) << all.output;
    EXPECT_TRUE(fs::exists(bundle("mbox") / "messages.mbox"));
    EXPECT_FALSE(fs::exists(bundle("mbox") / "messages"));
    auto verified = casefile("verify " + quote(bundle("mbox").string()));
    EXPECT_EQ(verified.exit_code, 0) << verified.output;

    auto none = casefile("export --client Acme --from 1990-01-01 --to 1990-12-31 --out " +
                         quote(bundle("empty").string()));
    ASSERT_EQ(none.exit_code, 0) << none.output;
    EXPECT_NE(none.output.find("exported 0 messages"), std::string::npos) << none.output;
    EXPECT_EQ(casefile("verify " + quote(bundle("empty").string())).exit_code, 0);

    const std::string record = read_file(bundle("mbox") / "case.json");
    const std::size_t at = record.find("\"thread_id\": \"t");
    ASSERT_NE(at, std::string::npos);
    const std::string thread = record.substr(at + 14, 17);
    auto one = casefile("export --client Acme --thread " + thread + " --out " +
                        quote(bundle("thread").string()));
    ASSERT_EQ(one.exit_code, 0) << one.output;
    EXPECT_NE(one.output.find(" in 1 thread "), std::string::npos) << one.output;
    EXPECT_EQ(casefile("verify " + quote(bundle("thread").string())).exit_code, 0);
}

TEST_F(CliExport, RefusesWhatItCannotDoCleanly) {
    EXPECT_EQ(casefile("export --out x").exit_code, 2);
    EXPECT_EQ(casefile("export --client Acme").exit_code, 2);
    EXPECT_EQ(casefile("export --client Acme --from yesterday --out x").exit_code, 2);
    EXPECT_EQ(casefile("export --client Acme --format pdf --out x").exit_code, 2);
    EXPECT_EQ(casefile("export --client Nobody --out " + quote(bundle("nobody").string())).exit_code, 1);
    fs::create_directories(bundle("full"));
    write_file(bundle("full") / "keep.txt", "mine");
    EXPECT_EQ(casefile("export --client Acme --out " + quote(bundle("full").string())).exit_code, 1);
    EXPECT_EQ(read_file(bundle("full") / "keep.txt"), "mine");
    EXPECT_EQ(casefile("verify " + quote(bundle("missing").string())).exit_code, 1);
}

TEST_F(CliExport, HostileMailStaysTextAndInsideTheBundle) {
    const fs::path hostile = directory_.path() / "hostile-mail";
    fs::create_directories(hostile);
    const std::string payload =
        "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> "
        "<svg onload=alert(4)> <meta http-equiv=refresh content=\"0;url=http://127.0.0.1:9/\"> "
        "<base href=\"http://127.0.0.1:9/\"> <style>@import url(http://127.0.0.1:9/x.css);</style> "
        "\xE2\x80\xAE" "fdp.exe";
    write_file(hostile / "evil.eml",
               "From: \"<script>alert(7)</script>\" <bob@acme.example>\r\n"
               "To: dana@reyes-va.example\r\n"
               "Subject: " + payload + "\r\n"
               "Date: Fri, 05 Dec 2025 10:00:00 -0600\r\n"
               "Message-ID: <evil@acme.example>\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
               "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + payload +
               "\r\n" + std::string("nul\0byte", 8) + "\r\n"
               "--b\r\nContent-Type: text/html\r\n"
               "Content-Disposition: attachment; filename=\"../../../tmp/evil-" + std::to_string(::getpid()) +
               ".html\"\r\n\r\n<script>alert(8)</script>\r\n"
               "--b\r\nContent-Type: text/plain\r\n"
               "Content-Disposition: attachment; filename=\"/etc/evil-passwd\"\r\n\r\nx\r\n"
               "--b\r\nContent-Type: text/html\r\n"
               "Content-Disposition: attachment; filename=\"<svg onload=alert(9)>\xE2\x80\xAEgpj.exe\"\r\n\r\n"
               "x\r\n--b--\r\n");
    write_file(hostile / "html.eml",
               "From: bob@acme.example\r\nTo: dana@reyes-va.example\r\nSubject: html only\r\n"
               "Date: Fri, 05 Dec 2025 11:00:00 -0600\r\nMessage-ID: <html@acme.example>\r\n"
               "Content-Type: text/html\r\n\r\n<html><body onload=alert(10)><p>Hello "
               "<script>alert(11)</script><iframe src=\"http://127.0.0.1:9/\"></iframe></p></body></html>\r\n");
    auto imported = casefile("import --quiet " + quote(hostile.string()));
    ASSERT_EQ(imported.exit_code, 0) << imported.output;

    const auto before = files_under(directory_.path());
    auto exported = casefile("export --client Acme --out " + quote(bundle("hostile").string()));
    ASSERT_EQ(exported.exit_code, 0) << exported.output;
    auto after = files_under(directory_.path());
    for (const std::string& file : after) {
        if (!before.count(file)) {
            EXPECT_TRUE(file.starts_with("hostile/")) << file;
        }
    }
    EXPECT_FALSE(fs::exists("/tmp/evil-" + std::to_string(::getpid()) + ".html"));
    EXPECT_FALSE(fs::exists("/etc/evil-passwd"));

    const std::string html = read_file(bundle("hostile") / "index.html");
    for (const char* markup : {"<script", "<img", "<svg onload", "<iframe", "<meta http-equiv=refresh",
                               "<base", "<style>@import", "<body onload", "href=\"javascript"}) {
        EXPECT_EQ(html.find(markup), std::string::npos) << markup;
    }
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("[U+202E]fdp.exe"), std::string::npos);
    EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(html.find('\0'), std::string::npos);
    EXPECT_EQ(casefile("verify " + quote(bundle("hostile").string())).exit_code, 0);
}

}  // namespace
}  // namespace casefile::daemon
