// The store's schema as forward-only migrations. Version N is reached by
// applying migrations 1..N in order, each in its own transaction.
#pragma once

#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace casefile::core {

// One step of the schema: SQL, then (optionally) code that fills what SQL
// alone cannot compute for the rows already stored. Both run in the same
// transaction.
struct Migration {
    std::string_view sql;
    void (*backfill)(SQLite::Database& database) = nullptr;
};

// store_migrations()[i] takes the schema from version i to version i + 1.
const std::vector<Migration>& store_migrations();

inline int latest_schema_version() { return static_cast<int>(store_migrations().size()); }

}  // namespace casefile::core
