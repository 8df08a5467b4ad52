#include "core/message_json.hpp"

namespace casefile::core {

void write_address(JsonWriter& out, const Address& address) {
    out.begin_object();
    out.key("name").value(address.name);
    out.key("address").value(address.address);
    out.end_object();
}

void write_addresses(JsonWriter& out, const std::vector<Address>& addresses) {
    out.begin_array();
    for (const Address& address : addresses) write_address(out, address);
    out.end_array();
}

void write_attachments(JsonWriter& out, const std::vector<Attachment>& attachments) {
    out.begin_array();
    for (const Attachment& attachment : attachments) {
        out.begin_object();
        out.key("filename").value(attachment.filename);
        out.key("content_type").value(attachment.content_type);
        out.key("size").value(attachment.size);
        out.key("sha256").value(attachment.sha256);
        out.end_object();
    }
    out.end_array();
}

}  // namespace casefile::core
