#include "core/bundle_verify.hpp"

#include <set>

#include "core/bundle.hpp"
#include "core/event_hash.hpp"
#include "core/evidence_source.hpp"
#include "core/json_reader.hpp"
#include "core/ledger.hpp"
#include "core/manifest.hpp"
#include "core/sha256.hpp"

namespace casefile::core {
namespace {

class Checker {
public:
    explicit Checker(const BundleContents& bundle) : bundle_(bundle) {}

    BundleReport run() {
        for (const auto& [path, why] : bundle_.unreadable) problem(path, why);
        check_manifest();
        check_ledger();
        check_case();
        report_.files_checked = static_cast<std::int64_t>(bundle_.files.size());
        return std::move(report_);
    }

private:
    void problem(const std::string& file, std::string description) {
        report_.problems.push_back(BundleProblem{file, std::move(description)});
    }

    const std::string* file(const std::string& path) const {
        const auto found = bundle_.files.find(path);
        return found == bundle_.files.end() ? nullptr : &found->second;
    }

    std::optional<JsonValue> json_file(const char* path) {
        const std::string* bytes = file(path);
        if (bytes == nullptr) {
            problem(path, "is missing");
            return std::nullopt;
        }
        auto parsed = parse_json(*bytes);
        if (!parsed) {
            problem(path, parsed.error().message);
            return std::nullopt;
        }
        return std::move(*parsed);
    }

    void check_manifest() {
        const std::string* text = file(kBundleManifest);
        if (text == nullptr) {
            problem(kBundleManifest, "is missing: nothing says which files the bundle holds");
            return;
        }
        const ParsedManifest manifest = parse_manifest(*text);
        report_.export_time = manifest.export_time;
        for (const std::string& line_problem : manifest.problems) problem(kBundleManifest, line_problem);
        std::set<std::string> listed;
        for (const ManifestLine& line : manifest.lines) {
            if (!listed.insert(line.path).second) {
                problem(kBundleManifest, "lists " + line.path + " twice");
                continue;
            }
            if (line.path == kBundleManifest) {
                problem(kBundleManifest, "lists itself");
                continue;
            }
            const std::string* bytes = file(line.path);
            if (bytes == nullptr) {
                if (!bundle_.unreadable.count(line.path)) {
                    problem(line.path, "is listed in the manifest but missing");
                }
            } else if (sha256_hex(*bytes) != line.sha256) {
                problem(line.path, "was changed: its SHA-256 differs from the manifest's");
            }
        }
        for (const auto& [path, bytes] : bundle_.files) {
            if (path != kBundleManifest && !listed.count(path)) {
                problem(path, "is not in the manifest (added after the export)");
            }
        }
    }

    static std::optional<LedgerEntry> ledger_entry(const JsonValue& value) {
        LedgerEntry entry;
        auto sequence = value.integer_at("sequence");
        auto kind = value.string_at("kind");
        auto subject = value.integer_at("subject_id");
        auto content = value.string_at("content_hash");
        auto recorded = value.string_at("recorded_at");
        auto previous = value.string_at("previous_hash");
        auto hash = value.string_at("entry_hash");
        if (!sequence || !kind || !subject || !content || !recorded || !previous || !hash) {
            return std::nullopt;
        }
        return LedgerEntry{*sequence, *kind, *subject, *content, *recorded, *previous, *hash};
    }

    void check_ledger() {
        const auto ledger = json_file(kBundleLedger);
        if (!ledger) return;
        const JsonValue* head_value = ledger->member("head");
        const auto head = head_value ? ledger_entry(*head_value) : std::nullopt;
        if (!head) {
            problem(kBundleLedger, "has no readable \"head\" entry");
        } else {
            report_.head = head->entry_hash;
            if (head->sequence > 0 && ledger_entry_hash(*head) != head->entry_hash) {
                problem(kBundleLedger, "the head entry " + std::to_string(head->sequence) +
                                           " was altered: its hash does not match its fields");
            }
        }
        const JsonValue* entries_value = ledger->member("entries");
        const auto* entries = entries_value ? entries_value->array() : nullptr;
        if (entries == nullptr) {
            problem(kBundleLedger, "has no \"entries\" array");
            return;
        }
        std::optional<LedgerEntry> previous;
        for (std::size_t index = 0; index < entries->size(); ++index) {
            auto entry = ledger_entry((*entries)[index]);
            if (!entry) {
                problem(kBundleLedger, "entry #" + std::to_string(index + 1) + " lacks a field");
                continue;
            }
            report_.ledger_entries_checked += 1;
            const std::string name = "entry " + std::to_string(entry->sequence);
            if (ledger_entry_hash(*entry) != entry->entry_hash) {
                problem(kBundleLedger, name + " was altered: its hash does not match its fields");
            }
            if (previous && entry->sequence <= previous->sequence) {
                problem(kBundleLedger, name + " is out of order: it follows entry " +
                                           std::to_string(previous->sequence));
            } else if (previous && entry->sequence == previous->sequence + 1 &&
                       entry->previous_hash != previous->entry_hash) {
                problem(kBundleLedger, name + " does not chain to entry " +
                                           std::to_string(previous->sequence));
            }
            if (head && entry->sequence > head->sequence) {
                problem(kBundleLedger, name + " comes after the head entry " +
                                           std::to_string(head->sequence));
            } else if (head && entry->sequence == head->sequence &&
                       entry->entry_hash != head->entry_hash) {
                problem(kBundleLedger, name + " differs from the head entry of the same sequence");
            } else if (head && entry->sequence + 1 == head->sequence &&
                       head->previous_hash != entry->entry_hash) {
                problem(kBundleLedger, "the head entry does not chain to " + name);
            }
            if (!entries_.emplace(entry->sequence, *entry).second) {
                problem(kBundleLedger, name + " appears twice");
            }
            previous = std::move(entry);
        }
    }

    // The ledger entry case.json points at, checked for kind and content.
    void check_against_ledger(const std::optional<std::int64_t>& sequence, const std::string& kind,
                              const std::string& content_hash, const std::string& what) {
        if (!sequence) {
            problem(kBundleCase, what + " has no ledger entry");
            return;
        }
        const auto found = entries_.find(*sequence);
        if (found == entries_.end()) {
            problem(kBundleLedger, "lacks entry " + std::to_string(*sequence) + ", which " + what +
                                       " names");
        } else if (found->second.kind != kind) {
            problem(kBundleCase, what + " names ledger entry " + std::to_string(*sequence) +
                                     ", which records a " + found->second.kind);
        } else if (found->second.content_hash != content_hash) {
            problem(kBundleCase, what + " does not match ledger entry " +
                                     std::to_string(*sequence) + ": the content hashes differ");
        }
    }

    void check_message(const JsonValue& message, std::size_t index, bool mbox,
                       const std::vector<std::string>& mbox_items, std::set<std::string>& referenced) {
        const std::string what = "message #" + std::to_string(index + 1);
        const auto sha256 = message.string_at("sha256");
        const auto path = message.string_at("file");
        if (!sha256 || !path) {
            problem(kBundleCase, what + " lacks \"sha256\" or \"file\"");
            return;
        }
        report_.messages_checked += 1;
        const std::string named = what + " (" + *path + ")";
        check_against_ledger(message.integer_at("ledger_sequence"), "message", *sha256, named);
        if (mbox) {
            const auto at = message.integer_at("mbox_index");
            if (!at || *at < 0 || static_cast<std::size_t>(*at) >= mbox_items.size()) {
                problem(kBundleMbox, "holds no message #" + std::to_string(at.value_or(-1) + 1) +
                                         " for " + what);
                return;
            }
            bool matched = false;
            for (const std::string& candidate : mboxrd_candidates(mbox_items[static_cast<std::size_t>(*at)])) {
                matched = matched || sha256_hex(candidate) == *sha256;
            }
            if (!matched) {
                problem(kBundleMbox, "message #" + std::to_string(*at + 1) +
                                         " does not hash to the SHA-256 in case.json");
            }
            return;
        }
        referenced.insert(*path);
        const std::string* bytes = file(*path);
        if (!path->starts_with(kBundleMessages)) {
            problem(kBundleCase, what + " names a file outside messages/: " + *path);
        } else if (bytes == nullptr) {
            problem(*path, "is missing (case.json lists it as " + what + ")");
        } else if (sha256_hex(*bytes) != *sha256) {
            problem(*path, "was changed: its bytes no longer hash to the SHA-256 in case.json "
                           "and the ledger");
        }
    }

    void check_event(const JsonValue& value, std::size_t index,
                     const std::set<std::string>& message_hashes) {
        const std::string what = "event #" + std::to_string(index + 1);
        const JsonValue* span = value.member("span");
        NewEvent event;
        const auto message_sha256 = value.string_at("message_sha256");
        const auto category = value.string_at("category");
        const auto evidence = value.string_at("evidence");
        const auto rule = value.string_at("rule_id");
        const auto confidence = value.string_at("confidence");
        const auto start = span ? span->integer_at("start") : std::nullopt;
        const auto end = span ? span->integer_at("end") : std::nullopt;
        const auto id = value.integer_at("id");
        if (!message_sha256 || !category || !evidence || !rule || !confidence || !start || !end || !id) {
            problem(kBundleCase, what + " lacks a field");
            return;
        }
        report_.events_checked += 1;
        event.category = *category;
        event.evidence = *evidence;
        event.rule_id = *rule;
        event.span_start = *start;
        event.span_end = *end;
        event.due = value.string_at("due").value_or("");
        event.previous_due = value.string_at("previous_due").value_or("");
        // Bundles written before the source was recorded lack it: their
        // events are all the own text's.
        event.evidence_source =
            value.string_at("evidence_source").value_or(std::string(kEvidenceInOwnText));
        // The canonical text holds the confidence as case.json writes it.
        const std::string canonical = event_canonical_text(event, *message_sha256, *confidence);
        if (!message_hashes.count(*message_sha256)) {
            problem(kBundleCase, what + " is about a message that is not in the bundle");
        }
        check_against_ledger(value.integer_at("ledger_sequence"), "event", sha256_hex(canonical),
                             what + " (" + *category + ")");
        const auto sequence = value.integer_at("ledger_sequence");
        const auto found = sequence ? entries_.find(*sequence) : entries_.end();
        if (found != entries_.end() && found->second.subject_id != *id) {
            problem(kBundleCase, what + " is event " + std::to_string(*id) + " but ledger entry " +
                                     std::to_string(*sequence) + " records event " +
                                     std::to_string(found->second.subject_id));
        }
    }

    void check_case() {
        const auto record = json_file(kBundleCase);
        if (!record) return;
        const bool mbox = record->string_at("bundle_format") == std::optional<std::string>("mbox");
        std::vector<std::string> mbox_items;
        if (mbox) {
            const std::string* bytes = file(kBundleMbox);
            if (bytes == nullptr) {
                problem(kBundleMbox, "is missing");
            } else {
                mbox_items = split_mboxrd(*bytes);
            }
        }
        const JsonValue* messages_value = record->member("messages");
        const auto* messages = messages_value ? messages_value->array() : nullptr;
        if (messages == nullptr) {
            problem(kBundleCase, "has no \"messages\" array");
            return;
        }
        std::set<std::string> referenced;
        std::set<std::string> message_hashes;
        for (std::size_t index = 0; index < messages->size(); ++index) {
            check_message((*messages)[index], index, mbox, mbox_items, referenced);
            if (auto sha256 = (*messages)[index].string_at("sha256")) message_hashes.insert(*sha256);
        }
        if (mbox && mbox_items.size() != messages->size()) {
            problem(kBundleMbox, "holds " + std::to_string(mbox_items.size()) +
                                     " messages; case.json lists " + std::to_string(messages->size()));
        }
        for (const auto& [path, bytes] : bundle_.files) {
            if (path.starts_with(kBundleMessages) && !referenced.count(path)) {
                problem(path, "is not a message of case.json");
            }
        }
        const JsonValue* events_value = record->member("events");
        const auto* events = events_value ? events_value->array() : nullptr;
        if (events == nullptr) {
            problem(kBundleCase, "has no \"events\" array");
            return;
        }
        for (std::size_t index = 0; index < events->size(); ++index) {
            check_event((*events)[index], index, message_hashes);
        }
    }

    const BundleContents& bundle_;
    BundleReport report_;
    std::map<std::int64_t, LedgerEntry> entries_;
};

}  // namespace

BundleReport verify_bundle(const BundleContents& bundle) { return Checker(bundle).run(); }

}  // namespace casefile::core
