#!/usr/bin/python3
"""A tiny SMTP server for casefile's tests and demo, built on aiosmtpd.

Run it with Debian's /usr/bin/python3 (python3-aiosmtpd), not a pyenv python:

    /usr/bin/python3 scripts/smtp-sandbox.py --dir DIR [--port 0]
        [--tls-cert CERT --tls-key KEY] [--auth USER:PASSWORD]
        [--fail-first N] [--reject-all]

It listens on 127.0.0.1 (port 0: a free port the kernel picks) and, once it
accepts connections, prints SMTP_PORT=n on stdout and writes the same line to
DIR/smtp.env. Each message it accepts is saved as DIR/NNNN.eml, the exact
bytes of the DATA (dot-unstuffed, CRLF line ends as sent), then DIR/NNNN.json
with its envelope: {"mail_from": ..., "rcpt_tos": [...], "mail_options": [...],
"rcpt_options": [...], "auth_user": ...}. The .json file is written last, and
atomically, so its presence means the message is complete.

Fault modes for tests:
  --fail-first N   reply "451 4.3.0" to the first N DATA commands
  --reject-all     reply "554 5.7.1" to every DATA command
With --tls-cert/--tls-key the server offers STARTTLS; with --auth it offers
AUTH PLAIN and LOGIN (only after STARTTLS when TLS is configured) and accepts
mail without AUTH too, so tests can check what the client sends.

SIGTERM or SIGINT stops it cleanly (exit status 0). A log goes to DIR/smtp.log.
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_arguments():
    parser = argparse.ArgumentParser(description="casefile's SMTP sandbox")
    parser.add_argument("--dir", required=True, help="where messages and smtp.env go")
    parser.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    parser.add_argument("--tls-cert", help="certificate (PEM) for STARTTLS")
    parser.add_argument("--tls-key", help="private key (PEM) for STARTTLS")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="offer AUTH PLAIN/LOGIN")
    parser.add_argument("--fail-first", type=int, default=0, metavar="N",
                        help="answer 451 to the first N DATA commands")
    parser.add_argument("--reject-all", action="store_true",
                        help="answer 554 to every DATA command")
    arguments = parser.parse_args()
    if bool(arguments.tls_cert) != bool(arguments.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if arguments.auth is not None and ":" not in arguments.auth:
        parser.error("--auth wants USER:PASSWORD")
    if arguments.fail_first < 0:
        parser.error("--fail-first wants a count of zero or more")
    return arguments


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


class Mailbox:
    """aiosmtpd handler: stores accepted messages, injects the faults."""

    def __init__(self, directory, fail_first, reject_all):
        self.directory = directory
        self.failures_left = fail_first
        self.reject_all = reject_all
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.reject_all:
            logging.info("DATA rejected (--reject-all)")
            return "554 5.7.1 Message rejected (smtp-sandbox --reject-all)"
        if self.failures_left > 0:
            self.failures_left -= 1
            logging.info("DATA failed (--fail-first, %d left)", self.failures_left)
            return "451 4.3.0 Temporary failure, try again (smtp-sandbox --fail-first)"
        self.count += 1
        stem = os.path.join(self.directory, "%04d" % self.count)
        write_atomically(stem + ".eml", envelope.original_content)
        auth_user = None
        if session.auth_data is not None:
            auth_user = getattr(session.auth_data, "login", None)
            if isinstance(auth_user, bytes):
                auth_user = auth_user.decode("utf-8", "replace")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "rcpt_options": list(envelope.rcpt_options),
            "auth_user": auth_user,
        }
        write_atomically(stem + ".json", (json.dumps(record) + "\n").encode())
        logging.info("stored %s.eml from %s to %s", stem, envelope.mail_from, envelope.rcpt_tos)
        return "250 2.0.0 OK stored as %04d" % self.count


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        accepted = (isinstance(auth_data, LoginPassword)
                    and auth_data.login == self.user
                    and auth_data.password == self.password)
        return AuthResult(success=accepted, handled=False, auth_data=auth_data)


async def serve(arguments):
    directory = os.path.abspath(arguments.dir)
    os.makedirs(directory, exist_ok=True)
    logging.basicConfig(filename=os.path.join(directory, "smtp.log"), level=logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s: %(message)s")

    tls_context = None
    if arguments.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(arguments.tls_cert, arguments.tls_key)

    smtp_options = {
        # A fixed name: the default asks DNS for this host's FQDN, which can
        # hang for seconds on a machine without a resolver.
        "hostname": "smtp-sandbox.localhost",
        "ident": "casefile smtp-sandbox",
        "enable_SMTPUTF8": True,
        "tls_context": tls_context,
    }
    if arguments.auth is not None:
        user, password = arguments.auth.split(":", 1)
        smtp_options.update(authenticator=Authenticator(user, password), auth_required=False,
                            auth_require_tls=tls_context is not None)

    handler = Mailbox(directory, arguments.fail_first, arguments.reject_all)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **smtp_options),
                                      host="127.0.0.1", port=arguments.port)
    port = server.sockets[0].getsockname()[1]

    stopping = asyncio.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stopping.set)

    line = "SMTP_PORT=%d\n" % port
    write_atomically(os.path.join(directory, "smtp.env"), line.encode())
    sys.stdout.write(line)
    sys.stdout.flush()
    # Whoever started us may close the pipe after reading the port; nothing
    # more goes to stdout, so a closed pipe cannot hurt later.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    logging.info("listening on 127.0.0.1:%d", port)

    await stopping.wait()
    server.close()
    await server.wait_closed()
    logging.info("stopped")


def main():
    arguments = parse_arguments()
    try:
        asyncio.run(serve(arguments))
    except OSError as error:
        print("smtp-sandbox: %s" % error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
