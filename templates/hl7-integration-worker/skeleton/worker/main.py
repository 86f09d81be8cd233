"""The worker process: an MLLP listener that turns HL7v2 messages into FHIR
transactions, plus a small HTTP server for Kubernetes probes.

Configuration (environment):
  MLLP_PORT            port of the MLLP listener (2575)
  HEALTH_PORT          port of /healthz and /readyz (8080)
  FHIR_BASE_URL        FHIR server receiving the transaction Bundles; when
                       unset the worker converts and acknowledges only (dry mode)
  FHIR_TOKEN_FILE      file holding the bearer token for the FHIR server
  SERVICE_NAME         name in audit events
Application logs go to stderr, PHI audit events to stdout.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socketserver
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from .audit import AuditLog
from .fhir import MappingError, to_bundle
from .hl7 import HL7ParseError, Message, parse
from .mllp import Deframer, FramingError, ack, frame

log = logging.getLogger("worker")

Forwarder = Callable[[dict[str, Any]], None]


class ForwardError(RuntimeError):
    pass


def http_forwarder(base_url: str, token_file: str | None, timeout: float = 15.0) -> Forwarder:
    if not base_url.startswith("https://"):
        raise ValueError("FHIR_BASE_URL must use https://")

    def forward(bundle: dict[str, Any]) -> None:
        headers = {"Content-Type": "application/fhir+json", "Accept": "application/fhir+json"}
        if token_file:
            with open(token_file, encoding="utf-8") as handle:
                headers["Authorization"] = f"Bearer {handle.read().strip()}"
        request = urllib.request.Request(
            base_url.rstrip("/"), data=json.dumps(bundle).encode("utf-8"), headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status >= 300:
                    raise ForwardError(f"FHIR server answered {response.status}")
        except urllib.error.HTTPError as error:
            raise ForwardError(f"FHIR server answered {error.code}") from None
        except urllib.error.URLError as error:
            raise ForwardError(f"FHIR server unreachable ({type(error.reason).__name__})") from None

    return forward


def handle_message(text: str, audit: AuditLog, forward: Forwarder | None) -> str:
    """Processes one HL7 message and returns the ACK to send back."""
    try:
        message: Message = parse(text)
    except HL7ParseError as error:
        log.warning("rejected a malformed message: %s", error)
        audit.record(
            sender="unknown",
            message_type="unknown",
            control_id="",
            action="transform",
            resources={},
            outcome="rejected",
            reason=str(error),
        )
        return ack(None, "AR", "malformed message")
    msh = message.segments[0]
    sender = f"{msh.get(3)}@{msh.get(4)}"
    resources: dict[str, int] = {}
    try:
        bundle = to_bundle(message)
        for entry in bundle["entry"]:
            kind = entry["resource"]["resourceType"]
            resources[kind] = resources.get(kind, 0) + 1
        if forward is not None:
            forward(bundle)
    except MappingError as error:
        log.warning("could not map message %s: %s", message.control_id, error)
        audit.record(
            sender=sender,
            message_type=message.message_type,
            control_id=message.control_id,
            action="transform",
            resources={},
            outcome="rejected",
            reason=str(error),
        )
        return ack(message, "AR", str(error))
    except ForwardError as error:
        log.error("could not forward message %s: %s", message.control_id, error)
        audit.record(
            sender=sender,
            message_type=message.message_type,
            control_id=message.control_id,
            action="write",
            resources=resources,
            outcome="error",
            reason=str(error),
        )
        # AE: the sender keeps the message and retries.
        return ack(message, "AE", "temporary failure, retry")
    audit.record(
        sender=sender,
        message_type=message.message_type,
        control_id=message.control_id,
        action="write" if forward is not None else "transform",
        resources=resources,
        outcome="success",
    )
    return ack(message, "AA")


class MllpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], audit: AuditLog, forward: Forwarder | None):
        self.audit = audit
        self.forward = forward
        super().__init__(address, MllpHandler)


class MllpHandler(socketserver.BaseRequestHandler):
    server: MllpServer

    def handle(self) -> None:
        self.request.settimeout(300)
        deframer = Deframer()
        while True:
            try:
                data = self.request.recv(65536)
            except OSError:
                return
            if not data:
                return
            try:
                messages = deframer.feed(data)
            except FramingError as error:
                log.warning("closing connection: %s", error)
                return
            for text in messages:
                reply = handle_message(text, self.server.audit, self.server.forward)
                self.request.sendall(frame(reply))


def health_server(port: int, ready: Callable[[], bool]) -> ThreadingHTTPServer:
    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            if self.path == "/healthz":
                status = 200
            elif self.path == "/readyz":
                status = 200 if ready() else 503
            else:
                status = 404
            body = json.dumps({"status": "ok" if status == 200 else "unavailable"}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return ThreadingHTTPServer(("0.0.0.0", port), Health)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {
                "level": record.levelname.lower(),
                "at": self.formatTime(record),
                "message": record.getMessage(),
            }
        )


def main() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    audit = AuditLog(service=os.environ.get("SERVICE_NAME", "hl7-integration-worker"))
    base_url = os.environ.get("FHIR_BASE_URL")
    forward = http_forwarder(base_url, os.environ.get("FHIR_TOKEN_FILE")) if base_url else None
    if forward is None:
        log.info("FHIR_BASE_URL is not set: converting and acknowledging only (dry mode)")
    mllp = MllpServer(("0.0.0.0", int(os.environ.get("MLLP_PORT", "2575"))), audit, forward)
    listening = threading.Event()
    health = health_server(int(os.environ.get("HEALTH_PORT", "8080")), listening.is_set)
    threading.Thread(target=health.serve_forever, daemon=True).start()
    threading.Thread(target=mllp.serve_forever, daemon=True).start()
    listening.set()
    log.info("listening for MLLP on port %s", mllp.server_address[1])
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    log.info("stopping")
    listening.clear()
    mllp.shutdown()
    health.shutdown()


if __name__ == "__main__":
    main()
