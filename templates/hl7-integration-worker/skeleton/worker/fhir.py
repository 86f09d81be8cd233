"""Maps HL7v2 ADT^A01/A08 and ORU^R01 messages to a FHIR R4 transaction Bundle.

Patients are written with a conditional update on their identifier, so
replaying a message updates the same Patient instead of creating a copy.
Encounters and Observations get stable ids derived from their HL7 keys.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from .hl7 import Message, Segment, component_of

Resource = dict[str, Any]

SUPPORTED = ("ADT^A01", "ADT^A08", "ORU^R01")
_NAMESPACE = uuid.UUID("5f1e0a3c-4c55-4a5c-9a7e-3c1a2f0b8d11")

_GENDER = {"M": "male", "F": "female", "O": "other", "A": "other", "U": "unknown", "N": "unknown"}
_PATIENT_CLASS = {
    "I": ("IMP", "inpatient encounter"),
    "O": ("AMB", "ambulatory"),
    "E": ("EMER", "emergency"),
    "P": ("PRENC", "pre-admission"),
    "R": ("AMB", "ambulatory"),
    "B": ("AMB", "ambulatory"),
}
_RESULT_STATUS = {
    "F": "final",
    "P": "preliminary",
    "C": "corrected",
    "X": "cancelled",
    "D": "entered-in-error",
    "W": "entered-in-error",
    "R": "registered",
    "I": "registered",
    "S": "preliminary",
    "A": "amended",
}
_CODE_SYSTEMS = {
    "LN": "http://loinc.org",
    "SCT": "http://snomed.info/sct",
    "SNM": "http://snomed.info/sct",
    "UCUM": "http://unitsofmeasure.org",
    "I10": "http://hl7.org/fhir/sid/icd-10",
}
_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"


class MappingError(ValueError):
    """The message cannot be mapped. Messages name fields only, never values."""


_TS = re.compile(
    r"^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,4}))?)?([+-]\d{4})?$"
)


def hl7_datetime(value: str, default_offset: str = "+00:00") -> str | None:
    """HL7 DTM (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]) to a FHIR dateTime."""
    if not value:
        return None
    m = _TS.match(value)
    if not m:
        raise MappingError("a date/time field is not a valid HL7 timestamp")
    year, month, day, hour, minute, second, fraction, offset = m.groups()
    date = "-".join(p for p in (year, month, day) if p)
    if hour is None:
        return date
    if month is None or day is None:
        raise MappingError("a timestamp with a time needs a full date")
    time = f"{hour}:{minute or '00'}:{second or '00'}" + (f".{fraction}" if fraction else "")
    tz = f"{offset[:3]}:{offset[3:]}" if offset else default_offset
    if tz in ("+00:00", "-00:00"):
        tz = "Z"
    return f"{date}T{time}{tz}"


def hl7_date(value: str) -> str | None:
    result = hl7_datetime(value[:8]) if value else None
    return result


def _stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


def _coding(value: str, msg: Message) -> dict[str, Any] | None:
    """CE/CWE: code ^ text ^ coding system."""
    code = component_of(value, msg.encoding, 1)
    text = component_of(value, msg.encoding, 2)
    system = component_of(value, msg.encoding, 3)
    if not code and not text:
        return None
    concept: dict[str, Any] = {}
    if code:
        coding: dict[str, str] = {"code": code}
        if system:
            coding["system"] = _CODE_SYSTEMS.get(system, f"urn:carepath:hl7:codesystem:{system}")
        if text:
            coding["display"] = text
        concept["coding"] = [coding]
    if text:
        concept["text"] = text
    return concept


def _identifier_system(cx: str, msg: Message) -> str:
    """CX-4 assigning authority: namespace & universal id & universal id type."""
    namespace = component_of(cx, msg.encoding, 4, 1)
    universal = component_of(cx, msg.encoding, 4, 2)
    universal_type = component_of(cx, msg.encoding, 4, 3)
    if universal and universal_type == "ISO":
        return f"urn:oid:{universal}"
    if namespace:
        return f"urn:carepath:hl7:assigning-authority:{namespace}"
    return "urn:carepath:hl7:assigning-authority:unknown"


def patient_from(msg: Message) -> tuple[Resource, str]:
    pid = msg.first("PID")
    if pid is None:
        raise MappingError("PID segment is required")
    identifiers = []
    for cx in pid.repetitions(3):
        value = component_of(cx, msg.encoding, 1)
        if not value:
            continue
        ident: dict[str, Any] = {"system": _identifier_system(cx, msg), "value": value}
        if component_of(cx, msg.encoding, 5) == "MR":
            ident["type"] = {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}
                ]
            }
            ident["use"] = "usual"
        identifiers.append(ident)
    if not identifiers:
        raise MappingError("PID-3 (patient identifier) is required")
    patient: Resource = {"resourceType": "Patient", "identifier": identifiers}
    names = []
    for xpn in pid.repetitions(5):
        family = component_of(xpn, msg.encoding, 1)
        given = [
            g for g in (component_of(xpn, msg.encoding, 2), component_of(xpn, msg.encoding, 3)) if g
        ]
        if not family and not given:
            continue
        name: dict[str, Any] = {}
        if family:
            name["family"] = family
        if given:
            name["given"] = given
        if component_of(xpn, msg.encoding, 4):
            name["suffix"] = [component_of(xpn, msg.encoding, 4)]
        if component_of(xpn, msg.encoding, 5):
            name["prefix"] = [component_of(xpn, msg.encoding, 5)]
        use = component_of(xpn, msg.encoding, 7)
        name["use"] = {"L": "official", "M": "maiden", "N": "nickname", "A": "anonymous"}.get(
            use, "usual"
        )
        names.append(name)
    if names:
        patient["name"] = names
    birth = pid.get(7)
    if birth:
        patient["birthDate"] = hl7_date(birth)
    sex = pid.get(8)
    if sex:
        patient["gender"] = _GENDER.get(sex, "unknown")
    addresses = []
    for xad in pid.repetitions(11):
        parts = [component_of(xad, msg.encoding, n) for n in range(1, 7)]
        street, other, city, state, postal, country = parts
        if not any(parts):
            continue
        address: dict[str, Any] = {}
        lines = [p for p in (street, other) if p]
        if lines:
            address["line"] = lines
        for key, value in (
            ("city", city),
            ("state", state),
            ("postalCode", postal),
            ("country", country),
        ):
            if value:
                address[key] = value
        addresses.append(address)
    if addresses:
        patient["address"] = addresses
    telecom = []
    for xtn in pid.repetitions(13):
        number = component_of(xtn, msg.encoding, 1)
        email = component_of(xtn, msg.encoding, 4)
        if number:
            telecom.append({"system": "phone", "value": number, "use": "home"})
        elif email:
            telecom.append({"system": "email", "value": email})
    if telecom:
        patient["telecom"] = telecom
    death_indicator = pid.get(30)
    death_time = pid.get(29)
    if death_time:
        patient["deceasedDateTime"] = hl7_datetime(death_time)
    elif death_indicator in ("Y", "N"):
        patient["deceasedBoolean"] = death_indicator == "Y"
    key = identifiers[0]
    full_url = f"urn:uuid:{_stable_id('Patient', key['system'], key['value'])}"
    return patient, full_url


def encounter_from(msg: Message, patient_url: str, event: str) -> Resource | None:
    pv1 = msg.first("PV1")
    if pv1 is None:
        return None
    visit = pv1.get(19)
    klass = _PATIENT_CLASS.get(pv1.get(2), ("AMB", "ambulatory"))
    discharged = pv1.get(45)
    encounter: Resource = {
        "resourceType": "Encounter",
        "id": _stable_id("Encounter", visit or msg.control_id),
        "status": "finished" if discharged else "in-progress",
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": klass[0],
            "display": klass[1],
        },
        "subject": {"reference": patient_url},
    }
    if visit:
        encounter["identifier"] = [
            {"system": "urn:carepath:hl7:visit-number", "value": visit}
        ]
    period = {}
    if pv1.get(44):
        period["start"] = hl7_datetime(pv1.get(44))
    if discharged:
        period["end"] = hl7_datetime(discharged)
    if period:
        encounter["period"] = period
    location = pv1.get(3)
    if location:
        encounter["location"] = [
            {"location": {"display": " ".join(p for p in (pv1.get(3, 1), pv1.get(3, 2), pv1.get(3, 3)) if p)}}
        ]
    return encounter


def _observation_value(obx: Segment, msg: Message) -> dict[str, Any]:
    value_type = obx.get(2)
    raw = obx.raw(5)
    first = obx.repetitions(5)[0] if raw else ""
    if not raw:
        return {}
    if value_type == "NM":
        try:
            number = float(component_of(first, msg.encoding, 1))
        except ValueError as error:
            raise MappingError("OBX-5 is not a number for value type NM") from error
        quantity: dict[str, Any] = {"value": int(number) if number.is_integer() else number}
        unit_code = obx.get(6, 1)
        unit_text = obx.get(6, 2)
        unit_system = obx.get(6, 3)
        if unit_code or unit_text:
            quantity["unit"] = unit_text or unit_code
        if unit_code:
            quantity["code"] = unit_code
            quantity["system"] = _CODE_SYSTEMS.get(unit_system or "UCUM", "http://unitsofmeasure.org")
        return {"valueQuantity": quantity}
    if value_type in ("CE", "CWE", "CNE"):
        concept = _coding(first, msg)
        return {"valueCodeableConcept": concept} if concept else {}
    if value_type in ("ST", "TX", "FT"):
        text = "\n".join(component_of(r, msg.encoding, 1) for r in obx.repetitions(5))
        return {"valueString": text}
    if value_type == "SN":
        comparator = component_of(first, msg.encoding, 1)
        number = component_of(first, msg.encoding, 2)
        try:
            quantity = {"value": float(number)}
        except ValueError as error:
            raise MappingError("OBX-5 is not a structured numeric for value type SN") from error
        if comparator in ("<", "<=", ">", ">="):
            quantity["comparator"] = comparator
        return {"valueQuantity": quantity}
    if value_type in ("DT", "TS", "DTM"):
        return {"valueDateTime": hl7_datetime(component_of(first, msg.encoding, 1))}
    raise MappingError(f"OBX-2 value type {value_type or '(empty)'} is not supported")


def observations_from(msg: Message, patient_url: str) -> list[Resource]:
    result: list[Resource] = []
    order = msg.first("OBR")
    order_key = (order.get(3) or order.get(2)) if order else msg.control_id
    for obx in msg.all("OBX"):
        code = _coding(obx.raw(3).split(msg.encoding.repetition)[0], msg)
        if code is None:
            raise MappingError("OBX-3 (observation identifier) is required")
        observation: Resource = {
            "resourceType": "Observation",
            "id": _stable_id("Observation", order_key, obx.get(1), obx.get(3)),
            "status": _RESULT_STATUS.get(obx.get(11), "unknown"),
            "category": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                            "code": "laboratory",
                        }
                    ]
                }
            ],
            "code": code,
            "subject": {"reference": patient_url},
        }
        effective = obx.get(14) or (order.get(7) if order else "")
        if effective:
            observation["effectiveDateTime"] = hl7_datetime(effective)
        observation.update(_observation_value(obx, msg))
        if obx.get(7):
            observation["referenceRange"] = [{"text": obx.get(7)}]
        flag = obx.get(8)
        if flag and flag != "N":
            observation["interpretation"] = [
                {"coding": [{"system": _INTERPRETATION, "code": flag}]}
            ]
        if order is not None and order_key:
            observation["identifier"] = [
                {"system": "urn:carepath:hl7:filler-order", "value": f"{order_key}-{obx.get(1)}"}
            ]
        result.append(observation)
    if not result:
        raise MappingError("ORU^R01 needs at least one OBX segment")
    return result


def to_bundle(msg: Message) -> Resource:
    """A FHIR R4 transaction Bundle for one supported message."""
    message_type = msg.message_type
    if message_type not in SUPPORTED:
        raise MappingError(f"message type {message_type} is not supported")
    patient, patient_url = patient_from(msg)
    key = patient["identifier"][0]
    entries: list[dict[str, Any]] = [
        {
            "fullUrl": patient_url,
            "resource": patient,
            "request": {
                "method": "PUT",
                "url": f"Patient?identifier={key['system']}|{key['value']}",
            },
        }
    ]
    resources: list[Resource] = []
    if message_type.startswith("ADT"):
        encounter = encounter_from(msg, patient_url, message_type)
        if encounter is not None:
            resources.append(encounter)
    else:
        resources.extend(observations_from(msg, patient_url))
    for resource in resources:
        entries.append(
            {
                "fullUrl": f"urn:uuid:{resource['id']}",
                "resource": resource,
                "request": {
                    "method": "PUT",
                    "url": f"{resource['resourceType']}/{resource['id']}",
                },
            }
        )
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}
