// libFuzzer entry point for the IMAP response reader: whatever a hostile or
// broken server sends, split wherever the network splits it, the reader must
// neither crash nor hang, and must give the same responses for one feed and
// for a split feed (the first input byte chooses the split point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "parsers/imap_fetch.hpp"
#include "parsers/imap_reader.hpp"

namespace {

namespace imap = casefile::parsers::imap;

std::vector<imap::Response> read_all(std::string_view bytes, std::size_t split) {
    imap::ReaderLimits limits;
    limits.max_line_length = 64 * 1024;
    limits.max_literal_size = 1024 * 1024;
    imap::ResponseReader reader(limits);
    reader.feed(bytes.substr(0, split));
    reader.feed(bytes.substr(split));
    std::vector<imap::Response> responses;
    while (auto response = reader.next()) responses.push_back(std::move(*response));
    return responses;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t split = bytes.empty() ? 0 : data[0] % (bytes.size() + 1);
    const auto whole = read_all(bytes, bytes.size());
    const auto split_up = read_all(bytes, split);
    if (whole != split_up) std::abort();
    // The typed views must cope with whatever the generic tree holds.
    for (const auto& response : whole) {
        if (response.name == "FETCH") (void)imap::parse_fetch(response);
    }
    return 0;
}
