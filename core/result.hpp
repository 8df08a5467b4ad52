// Errors are values: every operation that can fail for a reason a user can act
// on returns Result<T>. The alias sits over tl::expected and uses only the part
// of its API that std::expected (C++23) also has, so it can switch later.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace casefile::core {

// A failure with a sentence that says what went wrong and, where possible,
// what to do about it.
struct Error {
    std::string message;
};

// E defaults to Error; a caller that must tell failures apart (a delivery
// that may be retried, daemon/delivery_failure.hpp) names its own error type.
template <typename T, typename E = Error>
using Result = tl::expected<T, E>;

using Unexpected = tl::unexpected<Error>;

inline Unexpected fail(std::string message) { return Unexpected(Error{std::move(message)}); }

// For Result<void>: `return ok();`
inline Result<void> ok() { return {}; }

}  // namespace casefile::core
