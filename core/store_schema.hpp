// The store's schema as forward-only migrations. Version N is reached by
// applying migrations 1..N in order, each in its own transaction.
#pragma once

#include <string_view>
#include <vector>

namespace casefile::core {

// kStoreMigrations[i] takes the schema from version i to version i + 1.
const std::vector<std::string_view>& store_migrations();

inline int latest_schema_version() { return static_cast<int>(store_migrations().size()); }

}  // namespace casefile::core
