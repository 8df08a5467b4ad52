#include "core/store_schema.hpp"

#include <cstdint>
#include <string>

#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

// Version 1. Raw bytes live in their own table so scans of the message
// metadata never page through the BLOBs. UNIQUE constraints make re-ingest a
// no-op: the same bytes (sha256), or the same Message-ID with the same body
// (a copy of one mail whose transport headers differ, e.g. INBOX and an mbox).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE accounts (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE folders (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    name        TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL DEFAULT 0,
    highest_uid INTEGER NOT NULL DEFAULT 0,
    last_sync   TEXT,
    UNIQUE (account_id, name)
);
CREATE TABLE clients (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    addresses TEXT NOT NULL DEFAULT '',
    domains   TEXT NOT NULL DEFAULT '',
    active    INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE messages (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT NOT NULL UNIQUE,
    body_sha256       TEXT NOT NULL,
    size              INTEGER NOT NULL,
    message_id        TEXT,
    in_reply_to       TEXT,
    references_ids    TEXT NOT NULL DEFAULT '',
    subject           TEXT NOT NULL DEFAULT '',
    from_name         TEXT NOT NULL DEFAULT '',
    from_address      TEXT NOT NULL DEFAULT '',
    to_addresses      TEXT NOT NULL DEFAULT '',
    cc_addresses      TEXT NOT NULL DEFAULT '',
    date_unix         INTEGER,
    date_offset       INTEGER,
    own_text          TEXT NOT NULL DEFAULT '',
    quoted_text       TEXT NOT NULL DEFAULT '',
    signature         TEXT NOT NULL DEFAULT '',
    warnings          TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL,
    stored_at         TEXT NOT NULL,
    from_me           INTEGER NOT NULL DEFAULT 0,
    -- Set when only the headers were stored because the message was over
    -- the size cap: the size the server reported.
    placeholder_size  INTEGER,
    direct_client_id  INTEGER REFERENCES clients(id),
    UNIQUE (message_id, body_sha256)
);
CREATE INDEX messages_by_message_id ON messages(message_id);
-- Where threading put each message. Kept apart from messages so that
-- threading the store again rewrites these small rows, not the wide ones.
CREATE TABLE message_threads (
    message_row INTEGER PRIMARY KEY REFERENCES messages(id),
    thread_id   TEXT NOT NULL,
    parent_row  INTEGER,
    client_id   INTEGER REFERENCES clients(id)
);
CREATE INDEX message_threads_by_thread ON message_threads(thread_id);
CREATE INDEX message_threads_by_client ON message_threads(client_id);
CREATE TABLE message_raw (
    message_row INTEGER PRIMARY KEY REFERENCES messages(id),
    raw         BLOB NOT NULL
);
CREATE TABLE message_locations (
    message_row INTEGER NOT NULL REFERENCES messages(id),
    folder_id   INTEGER NOT NULL REFERENCES folders(id),
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    PRIMARY KEY (folder_id, uidvalidity, uid)
);
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_row  INTEGER NOT NULL REFERENCES messages(id),
    position     INTEGER NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL
);
CREATE INDEX attachments_by_message ON attachments(message_row);
CREATE TABLE threads (
    thread_id     TEXT PRIMARY KEY,
    client_id     INTEGER REFERENCES clients(id),
    subject       TEXT NOT NULL DEFAULT '',
    first_date    INTEGER,
    last_date     INTEGER,
    message_count INTEGER NOT NULL
);
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    message_row   INTEGER NOT NULL REFERENCES messages(id),
    thread_id     TEXT,
    client_id     INTEGER REFERENCES clients(id),
    category      TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    due           TEXT,
    previous_due  TEXT,
    rule_id       TEXT NOT NULL,
    confidence    REAL NOT NULL,
    created_at    TEXT NOT NULL,
    superseded_at TEXT
);
CREATE INDEX events_by_message ON events(message_row);
CREATE TABLE ledger (
    sequence      INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    subject_id    INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    entry_hash    TEXT NOT NULL
);
CREATE INDEX ledger_by_subject ON ledger(kind, subject_id);
-- Things the VA must hear about that are not messages: a folder whose
-- UIDVALIDITY changed, an account that became unreachable, an oversized mail.
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    kind       TEXT NOT NULL,
    account    TEXT NOT NULL DEFAULT '',
    folder     TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL
);
CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    source          TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    finished_at     TEXT NOT NULL,
    stored          INTEGER NOT NULL,
    already_present INTEGER NOT NULL,
    with_warnings   INTEGER NOT NULL
);
)sql";

// Version 2: threading a new batch without loading the whole store. The
// Message-ID as threading compares it, the base subject ('' when too generic
// to join messages by), and every id a message names in In-Reply-To or
// References, so the messages pointing at a newly arrived one are found by
// index. backfill_version2 fills them for the messages already stored.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE messages ADD COLUMN normalized_id TEXT;
ALTER TABLE messages ADD COLUMN base_subject TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_by_normalized_id ON messages(normalized_id);
CREATE INDEX messages_by_base_subject ON messages(base_subject, date_unix)
    WHERE base_subject != '';
CREATE TABLE message_references (
    message_row   INTEGER NOT NULL REFERENCES messages(id),
    referenced_id TEXT NOT NULL
);
CREATE INDEX message_references_by_id ON message_references(referenced_id);
)sql";

void backfill_version2(SQLite::Database& database) {
    SQLite::Statement rows(database,
                           "SELECT id, message_id, in_reply_to, references_ids, subject "
                           "FROM messages");
    SQLite::Statement update(database,
                             "UPDATE messages SET normalized_id = ?, base_subject = ? WHERE id = ?");
    SQLite::Statement insert_reference(
        database, "INSERT INTO message_references (message_row, referenced_id) VALUES (?, ?)");
    while (rows.executeStep()) {
        const std::int64_t row = rows.getColumn(0).getInt64();
        const std::string normalized = message_key_id(rows.getColumn(1).getString());
        const std::string base_subject = message_key_subject(rows.getColumn(4).getString());
        update.reset();
        update.clearBindings();
        if (!normalized.empty()) update.bind(1, normalized);
        update.bind(2, base_subject);
        update.bind(3, static_cast<int64_t>(row));
        update.exec();
        std::vector<std::string> named = split_lines(rows.getColumn(3).getString());
        named.push_back(rows.getColumn(2).getString());
        for (const std::string& id : named) {
            const std::string referenced = message_key_id(id);
            if (referenced.empty()) continue;
            insert_reference.reset();
            insert_reference.bind(1, static_cast<int64_t>(row));
            insert_reference.bind(2, referenced);
            insert_reference.exec();
        }
    }
}

// Version 3: the daily digest, sent exactly once per local day. The row is
// written (pending, with the exact bytes) before sending and marked sent
// after the server accepted the mail.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE digests (
    day          TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    window_end   TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    ledger_head  TEXT NOT NULL,
    message      BLOB NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'skipped')),
    created_at   TEXT NOT NULL,
    sent_at      TEXT
);
CREATE INDEX messages_by_stored_at ON messages(stored_at);
CREATE INDEX events_by_thread ON events(thread_id);
-- Detection: bulk mail (lists, newsletters, automated notices) is never
-- classified; `classified` is 0 until the rules have read the message, so
-- classification can catch up after a crash or a reindex.
ALTER TABLE messages ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN classified INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_to_classify ON messages(date_unix, id) WHERE classified = 0;
)sql";

// Version 4: the wide text columns move out of `messages`, and the work
// left for the rules gets a queue of its own. Measured on the Enron inbox
// (44,141 messages): threading and classification read `messages` rows by
// id over and over, and with ~2 KB of decoded text in each row they paged
// through ~100 MB to find a few hundred bytes of ids, subjects and dates;
// marking a message classified rewrote its whole row, text and overflow
// pages included. Now `messages` holds what threading compares, the text
// is read once (by the rules, the export and `parse`), and classification
// deletes two-integer rows from a queue ordered as it reads them.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE message_text (
    message_row INTEGER PRIMARY KEY REFERENCES messages(id),
    own_text    TEXT NOT NULL DEFAULT '',
    quoted_text TEXT NOT NULL DEFAULT '',
    signature   TEXT NOT NULL DEFAULT ''
);
INSERT INTO message_text (message_row, own_text, quoted_text, signature)
    SELECT id, own_text, quoted_text, signature FROM messages;
-- The messages the rules have not read yet, oldest first (a message without
-- a Date sorts as 0, first), so each is read against its thread's deadline
-- as the earlier messages left it.
CREATE TABLE classify_queue (
    sort_date   INTEGER NOT NULL,
    message_row INTEGER NOT NULL REFERENCES messages(id),
    PRIMARY KEY (sort_date, message_row)
) WITHOUT ROWID;
INSERT INTO classify_queue (sort_date, message_row)
    SELECT COALESCE(date_unix, 0), id FROM messages WHERE classified = 0;
DROP INDEX messages_to_classify;
-- UNIQUE (message_id, body_sha256) already serves lookups by Message-ID.
DROP INDEX messages_by_message_id;
ALTER TABLE messages DROP COLUMN classified;
ALTER TABLE messages DROP COLUMN own_text;
ALTER TABLE messages DROP COLUMN quoted_text;
ALTER TABLE messages DROP COLUMN signature;
)sql";

// Version 5: which text an event's evidence span indexes. Detection also
// reads a deadline asked only in the Subject line (core/subject_ask.hpp);
// such an event's evidence and span are the subject's, and the export must
// show and highlight it there. Every event stored before is the own text's.
// Values are checked in code (core/evidence_source.hpp), not by a CHECK, so
// a later source needs no table rebuild.
constexpr std::string_view kVersion5 = R"sql(
ALTER TABLE events ADD COLUMN evidence_source TEXT NOT NULL DEFAULT 'own_text';
)sql";

}  // namespace

const std::vector<Migration>& store_migrations() {
    static const std::vector<Migration> migrations = {
        {kVersion1, nullptr},
        {kVersion2, backfill_version2},
        {kVersion3, nullptr},
        {kVersion4, nullptr},
        {kVersion5, nullptr},
    };
    return migrations;
}

}  // namespace casefile::core
