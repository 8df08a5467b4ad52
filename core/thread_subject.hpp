// Subjects as threading sees them. Threading by subject is the fallback of
// last resort (JWZ step 5, RFC 5256 §2.1 "base subject"), so these helpers are
// deliberately conservative: they recognise replies, not forwards, and they
// refuse subjects too generic to say which conversation a mail belongs to.
#pragma once

#include <string>
#include <string_view>

namespace casefile::core {

// True when `subject` begins, after any "[list]" tags, with a reply prefix:
// Re, Aw, Sv, Vs, Antw, Antwort, Odp, Ynt, Res, Rif, Atb, 回复, 答复 or 回覆,
// in any case, optionally counted ("Re[2]:", "Re(3):"), then ":" or the
// full-width "：". Forward prefixes (Fwd:, Fw:, WG:, TR:) are not reply
// prefixes: a forward starts a new conversation.
bool has_reply_prefix(std::string_view subject);

// The base subject: leading "[list]" tags and reply prefixes stripped (again
// and again, so "Re: [list] Re[2]: x" -> "x"), whitespace runs collapsed to one
// space, ends trimmed, ASCII letters folded to lower case. Forward prefixes are
// kept, so "Re: Fwd: x" matches the forward "Fwd: x" and not the original "x".
// A "[tag]" that is the whole subject is kept (RFC 5256 §2.1 does the same).
std::string normalize_subject(std::string_view subject);

// True when a base subject (as normalize_subject returns it) says too little
// to join two messages by: empty, shorter than three bytes, or a greeting or
// placeholder such as "hi", "question", "update", "(no subject)".
bool is_generic_subject(std::string_view base_subject);

}  // namespace casefile::core
