// Reading a MIME tree: the message's readable text and its attachment list.
#pragma once

#include <string>
#include <vector>

#include "core/message.hpp"
#include "parsers/mime_tree.hpp"

namespace casefile::parsers {

struct BodyContent {
    std::string text;  // UTF-8; line ends as in the message (CRLF or LF)
    std::vector<core::Attachment> attachments;
    std::vector<std::string> warnings;
};

// Chooses the text a person would read: text/plain over text/html within
// multipart/alternative (RFC 2046 §5.1.4), HTML converted only when no plain
// text is offered, inline text parts of multipart/mixed joined in order.
// Every other leaf part (Content-Disposition attachment, a filename or name
// parameter, or a non-text type) is listed as an attachment with its decoded
// size and SHA-256. An embedded message/rfc822 is an attachment of its exact
// bytes, and its text is appended as "> " quoted lines.
BodyContent read_body(const MimePart& root);

}  // namespace casefile::parsers
