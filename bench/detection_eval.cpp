// detection_eval LABELS.tsv CORPUS_ROOT [--dump | --scores | --features | --events]: precision and recall of
// deadline and scope detection on hand-labelled real mail.
//
//   tmp=$(mktemp -d) && tar -xJf /work/shared/corpora/enron-inbox.tar.xz -C "$tmp"
//   build/bench/detection_eval bench/detection/labels-dev.tsv "$tmp"
//   build/bench/detection_eval bench/detection/labels-test.tsv "$tmp"
//
// LABELS.tsv (see bench/detection/README.md) names each message by its path
// under CORPUS_ROOT and the SHA-256 of its bytes, with the categories a human
// found in its own text ("-" for none). Each message goes through what import
// does: MIME parse, zones, bulk-mail detection, then detect() with the default
// rules on the own text. Scoring is per message and category: a category is a
// true positive when the label has it and detect() gives at least one event of
// it. "deadline" is deadline_set or deadline_change, "scope" is scope_add or
// scope_remove (a message counts once in each group). Every false positive and
// false negative is listed with its evidence sentence, or the near misses.
//
// Thread context: a single file has no thread, so a message counts as a reply
// (not the first of its thread, where scope changes can fire) when it has
// In-Reply-To or References, a reply prefix in its subject, or quoted text -
// what the VA's own mailbox, holding INBOX and Sent, would show import.
//
// --dump prints each message's subject, thread flags and own text, without
// running detection: what the labeller reads.
//
// --scores prints one line per message instead of the tally: its path, 1 if
// it is labelled a deadline (else 0), the highest confidence of its deadline
// events (0 for none) and each event's rule and evidence - to see whether a
// confidence threshold would separate true deadlines from false ones.
//
// --events prints every event of every category, one line each (path,
// category, rule, evidence): to read what the categories no label covers
// (agreement, escalation, payment) fire on.
//
// --features prints each message's deadline events and near misses, one line
// per message, for bench/detection/learned_check.py: whether a model learned
// from the labels would read the rules' output better than the rules do.
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/rules_loader.hpp"
#include "core/detect.hpp"
#include "core/sha256.hpp"
#include "core/thread_subject.hpp"
#include "parsers/mime_parser.hpp"

namespace {

namespace core = casefile::core;

constexpr std::array<core::Category, 4> kScored = {core::Category::deadline_set, core::Category::deadline_change,
                                                   core::Category::scope_add, core::Category::scope_remove};

struct Label {
    std::string path;
    std::string sha256;
    std::set<std::string> categories;  // names from kScored
    std::string note;
    bool unlabelled = false;  // "?": drawn by make_sample.py, not yet read
};

struct Tally {
    int tp = 0;
    int fp = 0;
    int fn = 0;
};

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!line.empty() && line.back() == separator) parts.emplace_back();
    return parts;
}

bool read_labels(const char* file_name, std::vector<Label>& labels) {
    std::ifstream file(file_name);
    if (!file) {
        std::fprintf(stderr, "detection_eval: cannot read %s\n", file_name);
        return false;
    }
    std::string line;
    int number = 0;
    while (std::getline(file, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const auto fields = split(line, '\t');
        if (fields.size() < 3) {
            std::fprintf(stderr, "%s:%d: want path, sha256, categories[, note]\n", file_name, number);
            return false;
        }
        Label label{fields[0], fields[1], {}, fields.size() > 3 ? fields[3] : ""};
        label.unlabelled = fields[2] == "?";
        if (fields[2] != "-" && fields[2] != "?") {
            for (const std::string& name : split(fields[2], ',')) {
                const auto category = core::parse_category(name);
                if (!category || std::find(kScored.begin(), kScored.end(), *category) == kScored.end()) {
                    std::fprintf(stderr, "%s:%d: not a scored category: \"%s\"\n", file_name, number, name.c_str());
                    return false;
                }
                label.categories.insert(name);
            }
        }
        labels.push_back(std::move(label));
    }
    return true;
}

// Adds the group names ("deadline", "scope") a set of categories implies.
std::set<std::string> with_groups(std::set<std::string> names) {
    if (names.count("deadline_set") || names.count("deadline_change")) names.insert("deadline");
    if (names.count("scope_add") || names.count("scope_remove")) names.insert("scope");
    return names;
}

std::string one_line(std::string text, std::size_t limit = 220) {
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (text.size() > limit) text = text.substr(0, limit) + "...";
    return text;
}

// One line per message for learned_check.py: path, 1 if labelled a deadline, the
// bulk and thread flags, then each deadline event ("F|rule|evidence") and each
// deadline near miss ("M|rule|reason|evidence"), tab-separated.
void print_features(const Label& label, const core::DetectInput& input, const core::Detection& detection) {
    const bool want = with_groups(label.categories).count("deadline") > 0;
    std::string line = label.path + "\t" + (want ? "1" : "0") + "\t" + (input.bulk ? "bulk " : "") +
                       (input.first_in_thread ? "first" : "reply");
    for (const core::Event& event : detection.events) {
        if (core::is_deadline(event.category)) line += "\tF|" + event.rule + "|" + one_line(event.evidence, 300);
    }
    for (const core::NearMiss& miss : detection.near_misses) {
        if (core::is_deadline(miss.category))
            line += "\tM|" + miss.rule + "|" + one_line(miss.reason) + "|" + one_line(miss.evidence, 300);
    }
    std::printf("%s\n", line.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: detection_eval LABELS.tsv CORPUS_ROOT [--dump | --scores | --features | --events]\n");
        return 2;
    }
    const bool dump = argc > 3 && std::string(argv[3]) == "--dump";
    const bool scores = argc > 3 && std::string(argv[3]) == "--scores";
    const bool features = argc > 3 && std::string(argv[3]) == "--features";
    const bool all_events = argc > 3 && std::string(argv[3]) == "--events";
    std::vector<Label> labels;
    if (!read_labels(argv[1], labels)) return 2;
    auto rules = core::RuleSet::create(casefile::config::default_rules());
    if (!rules) {
        std::fprintf(stderr, "detection_eval: %s\n", rules.error().message.c_str());
        return 1;
    }

    const std::vector<std::string> groups = {"deadline_set", "deadline_change", "deadline",
                                             "scope_add",    "scope_remove",    "scope"};
    std::map<std::string, Tally> tally;
    std::vector<std::string> mistakes;
    int changed = 0;
    for (const Label& label : labels) {
        const std::string path = std::string(argv[2]) + "/" + label.path;
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "detection_eval: cannot read %s\n", path.c_str());
            return 1;
        }
        std::ostringstream contents;
        contents << file.rdbuf();
        const std::string raw = contents.str();
        if (core::sha256_hex(raw) != label.sha256) {
            std::fprintf(stderr, "detection_eval: %s changed (SHA-256 differs from the label file)\n",
                         label.path.c_str());
            ++changed;
            continue;
        }
        const core::ParsedMessage message = casefile::parsers::parse_message(raw);
        core::DetectInput input;
        input.own_text = message.zones.own_text;
        input.subject = message.subject;
        input.date = message.date.value_or(core::Timestamp{});
        input.first_in_thread = message.in_reply_to.empty() && message.references.empty() &&
                                !core::has_reply_prefix(message.subject) && message.zones.quoted_text.empty();
        input.bulk = message.bulk;
        input.explain = true;
        if (dump) {
            std::printf("=== %s\nSubject: %s | %s | %s | %s\n%s\n", label.path.c_str(), message.subject.c_str(),
                        core::to_iso8601(input.date).c_str(), input.first_in_thread ? "first" : "reply",
                        input.bulk ? "bulk" : "-",
                        message.zones.own_text.substr(0, 2500).c_str());
            continue;
        }
        if (label.unlabelled) {
            std::fprintf(stderr, "detection_eval: %s is not labelled yet (\"?\")\n", label.path.c_str());
            return 2;
        }
        const core::Detection detection = core::detect(*rules, input);
        std::set<std::string> found;
        for (const core::Event& event : detection.events) found.insert(std::string(core::category_name(event.category)));
        found = with_groups(found);
        if (features) {
            print_features(label, input, detection);
            continue;
        }
        if (all_events) {
            for (const core::Event& event : detection.events) {
                std::printf("%s\t%s\t%s\t%s\n", label.path.c_str(),
                            std::string(core::category_name(event.category)).c_str(), event.rule.c_str(),
                            one_line(event.evidence, 300).c_str());
            }
            continue;
        }
        if (scores) {
            double best = 0;
            std::string fired;
            for (const core::Event& event : detection.events) {
                if (!core::is_deadline(event.category)) continue;
                best = std::max(best, event.confidence);
                fired += " [" + event.rule + "] " + one_line(event.evidence, 300);
            }
            const bool want = with_groups(label.categories).count("deadline") > 0;
            std::printf("%s\t%d\t%.3f\t%s\n", label.path.c_str(), want ? 1 : 0, best, fired.c_str());
            continue;
        }
        const std::set<std::string> expected = with_groups(label.categories);
        for (const std::string& group : groups) {
            const bool want = expected.count(group) > 0;
            const bool got = found.count(group) > 0;
            Tally& t = tally[group];
            if (want && got) ++t.tp;
            if (!want && got) ++t.fp;
            if (want && !got) ++t.fn;
            if (group == "deadline" || group == "scope" || want == got) continue;
            std::string line = (got ? "FP " : "FN ") + group + "  " + label.path;
            if (got) {
                for (const core::Event& event : detection.events) {
                    if (core::category_name(event.category) != group) continue;
                    const char* where = event.source == core::EvidenceSource::subject ? "subject " : "";
                    line += "\n     " + std::string(where) + "[" + event.rule + "] " + one_line(event.evidence);
                }
            } else {
                line += "\n     label: " + label.note;
                for (const core::NearMiss& miss : detection.near_misses) {
                    if (core::category_name(miss.category) != group) continue;
                    line += "\n     near miss [" + miss.rule + "] " + miss.reason + ": " + one_line(miss.evidence);
                }
            }
            mistakes.push_back(line);
        }
    }
    if (dump || scores || features || all_events) return 0;

    std::printf("%s: %zu messages labelled", argv[1], labels.size());
    if (changed) std::printf(", %d skipped (changed in the corpus)", changed);
    std::printf("\n\n%-16s %4s %4s %4s %9s %7s\n", "category", "TP", "FP", "FN", "precision", "recall");
    for (const std::string& group : groups) {
        const Tally& t = tally[group];
        const auto ratio = [](int a, int b) { return b == 0 ? std::string("-") : std::to_string(double(a) / b).substr(0, 5); };
        std::printf("%-16s %4d %4d %4d %9s %7s\n", group.c_str(), t.tp, t.fp, t.fn, ratio(t.tp, t.tp + t.fp).c_str(),
                    ratio(t.tp, t.tp + t.fn).c_str());
    }
    std::printf("\n");
    for (const std::string& line : mistakes) std::printf("%s\n", line.c_str());
    return changed ? 1 : 0;
}
