"""A small, strict HL7v2 (pipe-and-hat) parser.

Segments are separated by carriage returns (line feeds are tolerated), fields
by the field separator declared in MSH-1, and fields split further into
repetitions, components and subcomponents using the encoding characters in
MSH-2. Escape sequences are decoded only at the leaf level, after splitting,
so an escaped delimiter never splits a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class HL7ParseError(ValueError):
    """The message is not well-formed HL7v2. Messages never include message content."""


@dataclass(frozen=True)
class Encoding:
    field: str = "|"
    component: str = "^"
    repetition: str = "~"
    escape: str = "\\"
    subcomponent: str = "&"


_HEX = re.compile(r"^X([0-9A-Fa-f]{2})+$")


def unescape(value: str, enc: Encoding) -> str:
    """Decodes HL7 escape sequences (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\.br\\ \\Xhh\\)."""
    e = enc.escape
    if e not in value:
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch != e:
            out.append(ch)
            i += 1
            continue
        end = value.find(e, i + 1)
        if end == -1:
            # An unterminated escape is kept literally.
            out.append(value[i:])
            break
        seq = value[i + 1 : end]
        if seq == "F":
            out.append(enc.field)
        elif seq == "S":
            out.append(enc.component)
        elif seq == "T":
            out.append(enc.subcomponent)
        elif seq == "R":
            out.append(enc.repetition)
        elif seq == "E":
            out.append(enc.escape)
        elif seq == ".br":
            out.append("\n")
        elif seq in ("H", "N"):
            pass  # highlighting on/off carries no text
        elif _HEX.match(seq):
            out.append(bytes.fromhex(seq[1:]).decode("utf-8", errors="replace"))
        else:
            out.append(value[i : end + 1])
        i = end + 1
    return "".join(out)


@dataclass
class Segment:
    name: str
    # fields[n] is field n (HL7 numbering); fields[0] is the segment name.
    fields: list[str]
    encoding: Encoding = field(default_factory=Encoding)

    def raw(self, number: int) -> str:
        return self.fields[number] if number < len(self.fields) else ""

    def repetitions(self, number: int) -> list[str]:
        raw = self.raw(number)
        if self.name == "MSH" and number in (1, 2):
            return [raw]
        return raw.split(self.encoding.repetition) if raw else []

    def get(
        self, number: int, component: int = 1, subcomponent: int = 1, repetition: int = 0
    ) -> str:
        """One decoded value, by HL7 field, component and subcomponent number (1-based)."""
        reps = self.repetitions(number)
        if repetition >= len(reps):
            return ""
        return component_of(reps[repetition], self.encoding, component, subcomponent)


def component_of(value: str, enc: Encoding, component: int = 1, subcomponent: int = 1) -> str:
    components = value.split(enc.component)
    if component > len(components):
        return ""
    subs = components[component - 1].split(enc.subcomponent)
    if subcomponent > len(subs):
        return ""
    return unescape(subs[subcomponent - 1], enc)


@dataclass
class Message:
    segments: list[Segment]
    encoding: Encoding

    def first(self, name: str) -> Segment | None:
        return next((s for s in self.segments if s.name == name), None)

    def all(self, name: str) -> list[Segment]:
        return [s for s in self.segments if s.name == name]

    @property
    def message_type(self) -> str:
        """E.g. ``ADT^A01`` (MSH-9.1 and MSH-9.2)."""
        msh = self.segments[0]
        return f"{msh.get(9, 1)}^{msh.get(9, 2)}"

    @property
    def control_id(self) -> str:
        return self.segments[0].get(10)


_SEGMENT_NAME = re.compile(r"^[A-Z][A-Z0-9]{2}$")


def parse(text: str) -> Message:
    if not text.startswith("MSH") or len(text) < 8:
        raise HL7ParseError("a message must start with an MSH segment")
    field_sep = text[3]
    encoding_chars = text[4 : text.index(field_sep, 4)] if field_sep in text[4:] else ""
    if len(encoding_chars) < 4 or len(set(encoding_chars[:4] + field_sep)) != 5:
        raise HL7ParseError("MSH-2 must declare four distinct encoding characters")
    enc = Encoding(
        field=field_sep,
        component=encoding_chars[0],
        repetition=encoding_chars[1],
        escape=encoding_chars[2],
        subcomponent=encoding_chars[3],
    )
    lines = [line for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    segments: list[Segment] = []
    for index, line in enumerate(lines):
        name = line[:3]
        if not _SEGMENT_NAME.match(name) or (len(line) > 3 and line[3] != field_sep):
            raise HL7ParseError(f"segment {index + 1} is not a valid HL7 segment")
        if name == "MSH":
            if index != 0:
                raise HL7ParseError("MSH may only be the first segment")
            # MSH-1 is the field separator itself, MSH-2 the encoding characters.
            rest = line[4:].split(field_sep)
            fields = ["MSH", field_sep, *rest]
        else:
            fields = line.split(field_sep)
        segments.append(Segment(name=name, fields=fields, encoding=enc))
    message = Message(segments=segments, encoding=enc)
    if not message.segments[0].get(9, 1):
        raise HL7ParseError("MSH-9 (message type) is required")
    if not message.control_id:
        raise HL7ParseError("MSH-10 (message control id) is required")
    return message
