"""MLLP framing (HL7 Minimal Lower Layer Protocol) and HL7 acknowledgements."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from .hl7 import Message

START = b"\x0b"
END = b"\x1c\r"
MAX_MESSAGE_BYTES = 1024 * 1024


class FramingError(ValueError):
    pass


def frame(payload: str) -> bytes:
    return START + payload.encode("utf-8") + END


class Deframer:
    """Collects bytes from a stream and yields complete MLLP payloads."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[str]:
        self._buffer += data
        messages = []
        while True:
            start = self._buffer.find(START)
            if start == -1:
                self._buffer = b""
                break
            end = self._buffer.find(END, start + 1)
            if end == -1:
                if len(self._buffer) - start > MAX_MESSAGE_BYTES:
                    self._buffer = b""
                    raise FramingError("message larger than 1 MiB")
                self._buffer = self._buffer[start:]
                break
            payload = self._buffer[start + 1 : end]
            self._buffer = self._buffer[end + len(END) :]
            messages.append(payload.decode("utf-8", errors="replace"))
        return messages


def ack(
    message: Message | None,
    code: str,
    text: str = "",
    now: datetime | None = None,
    control_id: str = "",
) -> str:
    """An ACK with MSA-1 ``AA`` (accepted), ``AE`` (error) or ``AR`` (rejected)."""
    enc_field = message.encoding.field if message else "|"
    enc_chars = (
        f"{message.encoding.component}{message.encoding.repetition}"
        f"{message.encoding.escape}{message.encoding.subcomponent}"
        if message
        else "^~\\&"
    )
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%d%H%M%S")
    if message is not None:
        msh = message.segments[0]
        sending = [msh.raw(5), msh.raw(6), msh.raw(3), msh.raw(4)]
        trigger = msh.get(9, 2)
        version = msh.raw(12) or "2.5"
        original = message.control_id
    else:
        sending = ["", "", "", ""]
        trigger = ""
        version = "2.5"
        original = ""
    safe_text = text.replace(enc_field, " ").replace("\r", " ")[:80]
    f = enc_field
    msh_line = f.join(
        [
            "MSH",
            enc_chars,
            *sending,
            stamp,
            "",
            f"ACK^{trigger}^ACK" if trigger else "ACK",
            control_id or f"ACK{uuid.uuid4().hex[:17]}",
            "P",
            version,
        ]
    )
    msa_line = f.join(["MSA", code, original, safe_text])
    return f"{msh_line}\r{msa_line}\r"
