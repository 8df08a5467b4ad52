// The exported index.html opened in a real headless Chromium, with hostile
// mail that points at a loopback canary HTTP server: no request may reach the
// canary and no script may run. A control page without casefile's escaping
// and CSP must reach the canary, proving the harness can see a leak.
// Skips when /usr/bin/chromium is not installed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace casefile::daemon {
namespace {

namespace fs = std::filesystem;
using testing::quote;
using testing::run_command;

constexpr const char* kChromium = "/usr/bin/chromium";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int free_port() {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(socket_fd);
    return ntohs(address.sin_port);
}

// python3 -m http.server on loopback; every request it gets is logged.
class Canary {
public:
    Canary(const fs::path& directory, int port) : log_(directory / "canary.log") {
        fs::create_directories(directory / "root");
        auto started = run_command("cd " + quote((directory / "root").string()) +
                                   " && (/usr/bin/python3 -m http.server " + std::to_string(port) +
                                   " --bind 127.0.0.1 >" + quote(log_.string()) +
                                   " 2>&1 & echo $!)");
        pid_ = std::atoi(started.output.c_str());
        // Wait until it answers (a probe that is not counted: it is made
        // before the pages load, and the log is read from its end).
        for (int attempt = 0; attempt < 50; ++attempt) {
            run_command("/usr/bin/python3 -c \"import urllib.request;"
                                     "urllib.request.urlopen('http://127.0.0.1:" +
                                     std::to_string(port) + "/probe').read()\" ");
            if (read_file(log_).find("/probe") != std::string::npos) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        start_offset_ = read_file(log_).size();
    }
    ~Canary() {
        if (pid_ > 0) ::kill(pid_, SIGTERM);
    }
    // Request lines logged since the last call.
    std::string requests() {
        const std::string all = read_file(log_);
        std::string fresh = all.substr(std::min(start_offset_, all.size()));
        start_offset_ = all.size();
        return fresh;
    }

private:
    fs::path log_;
    int pid_ = 0;
    std::size_t start_offset_ = 0;
};

std::string dump_dom(const fs::path& page, const fs::path& profile) {
    auto result = run_command("timeout 60 " + std::string(kChromium) +
                              " --headless --no-sandbox --disable-gpu --disable-background-networking"
                              " --no-first-run --disable-extensions --virtual-time-budget=3000"
                              " --user-data-dir=" + quote(profile.string()) +
                              " --dump-dom " + quote("file://" + page.string()) + " 2>/dev/null");
    return result.output;
}

TEST(ExportInBrowser, NoScriptRunsAndNoRequestLeavesThePage) {
    if (!fs::exists(kChromium)) GTEST_SKIP() << "chromium is not installed";
    testing::TempDir directory;
    const int port = free_port();
    Canary canary(directory.path() / "canary", port);
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    const std::string payload =
        "<script>document.body.insertAdjacentHTML('beforeend','<div id=ranscript></div>');"
        "fetch('" + url + "/ran-script')</script>"
        "<script src=\"" + url + "/script.js\"></script>"
        "<img src=\"" + url + "/img.png\" onerror=\"document.title='ranonerror'\">"
        "<svg onload=\"document.title='ransvg'\"><image href=\"" + url + "/svg.png\"/></svg>"
        "<a href=\"javascript:document.title='ranlink'\">click</a>"
        "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "/refresh\">"
        "<base href=\"" + url + "/base/\"><link rel=stylesheet href=\"" + url + "/link.css\">"
        "<style>@import url(" + url + "/import.css); body{background:url(" + url + "/bg.png)}</style>"
        "<iframe src=\"" + url + "/iframe\"></iframe> \xE2\x80\xAE" "fdp.exe";
    const fs::path mail = directory.path() / "mail";
    fs::create_directories(mail);
    std::ofstream(mail / "evil.eml", std::ios::binary)
        << "From: \"" << "<img src=" << url << "/name.png>\" <bob@acme.example>\r\n"
        << "To: dana@reyes-va.example\r\nSubject: " << payload << "\r\n"
        << "Date: Fri, 05 Dec 2025 10:00:00 -0600\r\nMessage-ID: <evil@acme.example>\r\n"
        << "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        << "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" << payload << "\r\n"
        << "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=\"<img src="
        << url << "/attachment.png>.html\"\r\n\r\n" << payload << "\r\n--b--\r\n";
    const std::string casefile = std::string(CASEFILE_BINARY) + " --config " +
                                 quote(std::string(CASEFILE_SOURCE_DIR) + "/scripts/demo-config.toml") +
                                 " --store " + quote(directory.file("casefile.db"));
    ASSERT_EQ(run_command(casefile + " import --quiet " + quote(mail.string())).exit_code, 0);
    const fs::path bundle = directory.path() / "bundle";
    auto exported = run_command(casefile + " export --client Acme --out " + quote(bundle.string()));
    ASSERT_EQ(exported.exit_code, 0) << exported.output;

    // Control: the same payload as a raw page, no CSP, no escaping.
    const fs::path control = directory.path() / "control.html";
    std::ofstream(control) << "<!DOCTYPE html><html><body>" << payload << "</body></html>";
    const std::string control_dom = dump_dom(control, directory.path() / "profile-control");
    const std::string control_requests = canary.requests();
    if (control_dom.empty()) GTEST_SKIP() << "chromium did not render the control page";
    ASSERT_NE(control_requests.find("GET /"), std::string::npos)
        << "the control page should have reached the canary; the harness sees nothing";
    // Its script ran (it fetched /ran-script) before the refresh took it away.
    EXPECT_NE(control_requests.find("/ran-script"), std::string::npos)
        << "the control page's script should have run:\n" << control_requests;

    const std::string dom = dump_dom(bundle / "index.html", directory.path() / "profile-bundle");
    ASSERT_NE(dom.find("Case file: Acme"), std::string::npos) << dom.substr(0, 500);
    EXPECT_EQ(canary.requests(), "") << "the exported page made a request";
    EXPECT_EQ(dom.find("<div id=\"ranscript\">"), std::string::npos) << "a script ran";
    EXPECT_EQ(dom.find("<title>ran"), std::string::npos) << "an event handler ran";
    EXPECT_EQ(dom.find("<script"), std::string::npos);
    EXPECT_EQ(dom.find("<iframe"), std::string::npos);
    EXPECT_NE(dom.find("[U+202E]fdp.exe"), std::string::npos);
    // Chromium wrote nothing into the bundle.
    for (const auto& entry : fs::recursive_directory_iterator(bundle)) {
        const std::string name = fs::relative(entry.path(), bundle).generic_string();
        EXPECT_TRUE(name == "index.html" || name == "case.json" || name == "ledger.json" ||
                    name == "manifest.sha256" || name.starts_with("messages"))
            << name;
    }
}

}  // namespace
}  // namespace casefile::daemon
