#!/usr/bin/python3
"""Validate the hand-written sample mail in tests/data/sample-mail/.

    /usr/bin/python3 scripts/check-sample-mail.py [--table]

Checks, for every NN-description.eml:
  - file naming (01.., consecutive) and chronological order by Date;
  - one line-ending style per file (all CRLF or all LF), no line over 998
    octets, headers 7-bit ASCII, 8-bit body bytes only under CTE 8bit;
  - parses with email.policy.default without defects; From, Date,
    Message-ID and Subject present; Date parses and its weekday is right;
  - Message-IDs unique; every In-Reply-To / References id is in the set,
    except the documented missing parent (see README.md); In-Reply-To is the
    last References entry;
  - every leaf part decodes (charset text, strict base64 for attachments) and
    every attachment has a filename;
  - README.md mentions every file;
  - tests/data/sample-mail.mbox holds exactly these messages (mboxrd: after
    undoing ">From " quoting, each equals the .eml with CRLF turned into LF),
    and exercises the quoting at least once.
--table prints one row per message (local time in America/Chicago, whether
it falls inside Mon-Fri 09:00-17:30, thread root, sender, subject).
Exit status 0 when everything holds, 1 otherwise.
"""
import base64
import binascii
import email
import email.utils
import os
import re
import sys
from datetime import datetime
from email import policy
from email.parser import BytesParser
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE_DIR = os.path.join(ROOT, "tests", "data", "sample-mail")
MBOX = os.path.join(ROOT, "tests", "data", "sample-mail.mbox")
README = os.path.join(SAMPLE_DIR, "README.md")

# The one parent deliberately absent from the set (an internal Northwind
# message Dana never received), to exercise placeholder threading.
ALLOWED_MISSING = {"<20251125094417.5E0A3B7D21@mx.northwind.example>"}

CHICAGO = ZoneInfo("America/Chicago")
NAME_RE = re.compile(r"^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.eml$")
MSGID_RE = re.compile(r"<[^<>\s]+@[^<>\s]+>")
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

errors: list[str] = []


def fail(name: str, what: str) -> None:
    errors.append(f"{name}: {what}")


def header_block(raw: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = raw.find(sep)
        if i >= 0:
            return raw[:i]
    return raw


def check_bytes(name: str, raw: bytes) -> None:
    crlf = raw.count(b"\r\n")
    lf = raw.count(b"\n")
    if crlf and crlf != lf:
        fail(name, f"mixed line endings ({crlf} CRLF, {lf - crlf} bare LF)")
    if raw.replace(b"\r\n", b"").count(b"\r"):
        fail(name, "bare CR")
    if not raw.endswith(b"\n"):
        fail(name, "does not end with a newline")
    for n, line in enumerate(raw.split(b"\n"), 1):
        if len(line.rstrip(b"\r")) > 998:
            fail(name, f"line {n} is over 998 octets")
    try:
        header_block(raw).decode("ascii")
    except UnicodeDecodeError:
        fail(name, "non-ASCII bytes in the header section")


def parse_date(name: str, value: str):
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        fail(name, f"unparsable Date {value!r}")
        return None
    if when.tzinfo is None:
        fail(name, f"Date without zone {value!r}")
        return None
    m = re.match(r"\s*([A-Za-z]{3}),", value)
    if m and m.group(1) != WEEKDAYS[when.weekday()]:
        fail(name, f"Date weekday {m.group(1)} but {when.date()} is a {WEEKDAYS[when.weekday()]}")
    return when


def ids_in(value) -> list[str]:
    return MSGID_RE.findall(str(value)) if value is not None else []


def check_parts(name: str, msg) -> list[tuple[str, int]]:
    attachments = []
    for part in msg.walk():
        for d in part.defects:
            fail(name, f"MIME defect in {part.get_content_type()}: {type(d).__name__}")
        if part.is_multipart():
            continue
        cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
        payload = part.get_payload(decode=False)
        if isinstance(payload, str):
            if cte == "base64":
                try:
                    base64.b64decode("".join(payload.split()), validate=True)
                except (binascii.Error, ValueError) as e:
                    fail(name, f"invalid base64 in {part.get_content_type()}: {e}")
            if cte in ("7bit", "quoted-printable", "base64"):
                raw_payload = payload.encode("utf-8", "surrogateescape")
                if any(b > 127 for b in raw_payload):
                    fail(name, f"8-bit bytes under CTE {cte} in {part.get_content_type()}")
        try:
            content = part.get_content()
        except Exception as e:  # noqa: BLE001 - report any decoding failure
            fail(name, f"cannot decode {part.get_content_type()}: {e}")
            continue
        if part.get_content_maintype() == "text" and "\ufffd" in content:
            fail(name, f"replacement character after decoding {part.get_content_type()}")
        if part.is_attachment():
            fn = part.get_filename()
            if not fn:
                fail(name, "attachment without a filename")
            data = content if isinstance(content, bytes) else content.encode()
            if not data:
                fail(name, f"empty attachment {fn}")
            attachments.append((fn, len(data)))
    return attachments


def split_mboxrd(data: bytes) -> list[bytes]:
    messages, cur, prev_blank = [], None, True
    for line in data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n"):
        if line.startswith(b"From ") and prev_blank:
            if cur is not None:
                messages.append(cur)
            cur = []
            prev_blank = False
            continue
        prev_blank = line == b""
        if cur is None:
            continue
        if re.match(rb"^>+From ", line):
            line = line[1:]
        cur.append(line)
    if cur is not None:
        messages.append(cur)
    out = []
    for lines in messages:
        if lines and lines[-1] == b"":
            lines = lines[:-1]  # the writer's blank line before the next separator
        out.append(b"\n".join(lines) + b"\n")
    return out


def main() -> int:
    table = "--table" in sys.argv[1:]
    names = sorted(n for n in os.listdir(SAMPLE_DIR) if n.endswith(".eml"))
    if not names:
        print(f"no .eml files in {SAMPLE_DIR}")
        return 1
    parsed = {}
    ids: dict[str, str] = {}
    previous_date = None
    for i, name in enumerate(names, 1):
        m = NAME_RE.match(name)
        if not m or int(m.group(1)) != i:
            fail(name, f"expected a name like {i:02d}-short-description.eml")
        with open(os.path.join(SAMPLE_DIR, name), "rb") as fh:
            raw = fh.read()
        check_bytes(name, raw)
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        for h in ("From", "Date", "Message-ID", "Subject"):
            if msg[h] is None:
                fail(name, f"missing {h}")
        for d in msg.defects:
            fail(name, f"defect {type(d).__name__}")
        for h, v in msg.items():
            for d in getattr(v, "defects", ()):
                fail(name, f"header {h} defect: {d}")
        if msg["Content-Type"] is not None and msg["MIME-Version"] is None:
            fail(name, "Content-Type without MIME-Version")
        raw_date = next((v for k, v in msg.raw_items() if k.lower() == "date"), None)
        when = parse_date(name, " ".join(str(raw_date).split())) if raw_date else None
        if when and previous_date and when < previous_date:
            fail(name, "not in chronological order")
        previous_date = when or previous_date
        mid = str(msg["Message-ID"]).strip() if msg["Message-ID"] else ""
        if not MSGID_RE.fullmatch(mid):
            fail(name, f"malformed Message-ID {mid!r}")
        if mid in ids:
            fail(name, f"duplicate Message-ID {mid} (also in {ids[mid]})")
        ids[mid] = name
        attachments = check_parts(name, msg)
        parsed[name] = (msg, raw, when, mid, attachments)

    missing_seen = set()
    for name, (msg, raw, when, mid, _) in parsed.items():
        irt = ids_in(msg["In-Reply-To"])
        refs = ids_in(msg["References"])
        for ref in irt + refs:
            if ref not in ids:
                if ref in ALLOWED_MISSING:
                    missing_seen.add(ref)
                else:
                    fail(name, f"refers to unknown Message-ID {ref}")
            elif ids[ref] >= name:
                fail(name, f"refers to a later message {ids[ref]}")
        if irt and refs and refs[-1] != irt[0]:
            fail(name, "In-Reply-To is not the last References entry")
        if len(set(refs)) != len(refs):
            fail(name, "duplicate id in References")
    if missing_seen != ALLOWED_MISSING:
        fail("set", f"the documented missing parent is not referenced: {ALLOWED_MISSING - missing_seen}")

    # README lists every file
    try:
        readme = open(README, encoding="utf-8").read()
        for name in names:
            if name not in readme:
                fail("README.md", f"does not mention {name}")
    except OSError as e:
        fail("README.md", str(e))

    # mbox holds the same messages, mboxrd-quoted
    try:
        data = open(MBOX, "rb").read()
        if b"\r" in data:
            fail("sample-mail.mbox", "contains CR bytes; the mbox is LF only")
        if not re.search(rb"\n>+From ", data):
            fail("sample-mail.mbox", "no quoted >From line: quoting not exercised")
        msgs = split_mboxrd(data)
        if len(msgs) != len(names):
            fail("sample-mail.mbox", f"{len(msgs)} messages, expected {len(names)}")
        for name, got in zip(names, msgs):
            want = parsed[name][1].replace(b"\r\n", b"\n")
            if got != want:
                fail("sample-mail.mbox", f"message for {name} differs from the .eml")
    except OSError as e:
        fail("sample-mail.mbox", str(e))

    if table:
        thread_of = {}
        for name, (msg, raw, when, mid, att) in parsed.items():
            refs = ids_in(msg["References"]) or ids_in(msg["In-Reply-To"])
            root = refs[0] if refs else mid
            thread_of[name] = ids.get(root, root)
            local = when.astimezone(CHICAGO) if when else None
            inside = (local is not None and local.weekday() < 5
                      and (9, 0) <= (local.hour, local.minute) < (17, 30))
            frm = msg["From"].addresses[0].addr_spec if msg["From"] else "?"
            extra = f" [{', '.join(f'{a} ({n} B)' for a, n in att)}]" if att else ""
            print(f"{name}\t{local:%a %Y-%m-%d %H:%M} {'in' if inside else 'OUT'}\t"
                  f"root={thread_of[name]}\t{frm}\t{msg['Subject']}{extra}")

    for e in errors:
        print("FAIL", e)
    print(f"{len(names)} messages, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
