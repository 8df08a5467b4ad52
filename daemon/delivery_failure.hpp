// Why a digest could not be delivered, and whether trying again later can
// help. The scheduler retries a transient failure with backoff
// (core/backoff.hpp) and reports a permanent one to the VA at once.
#pragma once

#include <string>

#include "core/result.hpp"

namespace casefile::daemon {

struct DeliveryFailure {
    // A sentence the VA can act on. Never holds a password or message text.
    std::string message;
    // True for what may pass by itself: an SMTP 4xx reply, a refused or lost
    // connection, a timeout. False for what needs the VA: a 5xx reply, a
    // refused login, a certificate that does not verify, a missing STARTTLS.
    bool transient = false;
};

template <typename T>
using DeliveryResult = core::Result<T, DeliveryFailure>;

using DeliveryUnexpected = DeliveryResult<void>::unexpected_type;

inline DeliveryUnexpected transient_failure(std::string message) {
    return DeliveryUnexpected(DeliveryFailure{std::move(message), true});
}

inline DeliveryUnexpected permanent_failure(std::string message) {
    return DeliveryUnexpected(DeliveryFailure{std::move(message), false});
}

}  // namespace casefile::daemon
