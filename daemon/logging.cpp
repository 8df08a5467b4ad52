#include "daemon/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

namespace casefile::daemon {

void setup_logging(bool verbose) {
    auto logger = spdlog::get("casefile");
    if (!logger) logger = spdlog::stderr_logger_mt("casefile");
    const bool under_journald = std::getenv("JOURNAL_STREAM") != nullptr;
    logger->set_pattern(under_journald ? "%l: %v" : "%Y-%m-%d %H:%M:%S %l: %v");
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

}  // namespace casefile::daemon
