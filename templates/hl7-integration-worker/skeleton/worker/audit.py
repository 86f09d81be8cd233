"""PHI processing audit events: one JSON line per message on its own stream.

An event says who sent what kind of message, which resource types were
written and the outcome. It never contains names, identifiers, results or
any other message content.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import datetime, timezone
from typing import IO, Any, Callable


class AuditLog:
    def __init__(
        self,
        stream: IO[str] | None = None,
        service: str = "hl7-integration-worker",
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        self._stream = stream or sys.stdout
        self._service = service
        self._now = now

    def record(
        self,
        *,
        sender: str,
        message_type: str,
        control_id: str,
        action: str,
        resources: dict[str, int],
        outcome: str,
        reason: str = "",
    ) -> None:
        event: dict[str, Any] = {
            "type": "phi-access",
            "id": str(uuid.uuid4()),
            "at": self._now().isoformat().replace("+00:00", "Z"),
            "service": self._service,
            "subject": sender,
            "action": action,
            "messageType": message_type,
            "messageControlId": control_id,
            "resources": resources,
            "outcome": outcome,
        }
        if reason:
            event["reason"] = reason
        self._stream.write(json.dumps(event, sort_keys=True) + "\n")
        self._stream.flush()
