#!/usr/bin/python3
"""Build tests/data/sample-mail.mbox (mboxrd, LF line endings) from the
hand-written messages in tests/data/sample-mail/*.eml.

    /usr/bin/python3 scripts/make-sample-mbox.py [SAMPLE_DIR [OUT_MBOX]]

Per message: a "From <envelope-sender> <asctime UTC>" separator line, the
message with CRLF turned into LF, every line matching ^>*From  quoted with one
more '>', and one blank line after it. Standard library only; the output is
deterministic, so re-running it leaves the committed file unchanged.
"""
import email.utils
import os
import re
import sys
from datetime import timezone
from email.parser import BytesHeaderParser
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE_DIR = os.path.join(ROOT, "tests", "data", "sample-mail")
OUT = os.path.join(ROOT, "tests", "data", "sample-mail.mbox")

FROM_LINE = re.compile(rb"^>*From ")


def envelope(raw: bytes) -> tuple[str, str]:
    """Envelope sender and asctime-style UTC date for the separator line."""
    hdrs = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    sender = ""
    for name in ("Return-Path", "From"):
        value = hdrs.get(name)
        if value:
            sender = email.utils.parseaddr(str(value))[1]
            if sender:
                break
    sender = sender or "MAILER-DAEMON"
    when = email.utils.parsedate_to_datetime(str(hdrs["Date"])).astimezone(timezone.utc)
    # asctime layout, as mbox writers use it: "Thu Dec  4 10:00:00 2025"
    stamp = when.strftime("%a %b ") + f"{when.day:2d}" + when.strftime(" %H:%M:%S %Y")
    return sender, stamp


def mboxrd_body(raw: bytes) -> bytes:
    text = raw.replace(b"\r\n", b"\n")
    lines = text.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = [b">" + l if FROM_LINE.match(l) else l for l in lines]
    return b"\n".join(out) + b"\n"


def build(sample_dir: str) -> bytes:
    names = sorted(n for n in os.listdir(sample_dir) if n.endswith(".eml"))
    chunks = []
    for name in names:
        with open(os.path.join(sample_dir, name), "rb") as fh:
            raw = fh.read()
        sender, stamp = envelope(raw)
        chunks.append(f"From {sender}  {stamp}\n".encode("ascii"))
        chunks.append(mboxrd_body(raw))
        chunks.append(b"\n")
    return b"".join(chunks)


def main() -> int:
    sample_dir = sys.argv[1] if len(sys.argv) > 1 else SAMPLE_DIR
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    data = build(sample_dir)
    with open(out, "wb") as fh:
        fh.write(data)
    count = data.count(b"\n\nFrom ") + (1 if data.startswith(b"From ") else 0)
    print(f"wrote {out}: {count} messages, {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
