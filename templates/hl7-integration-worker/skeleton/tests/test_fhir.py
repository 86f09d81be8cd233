import json
import unittest

from tests.samples import ADT_A01, ADT_A08, ORU_R01
from worker.fhir import MappingError, hl7_datetime, to_bundle
from worker.hl7 import parse


def resources(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


class MappingTest(unittest.TestCase):
    def test_adt_a01_gives_patient_and_encounter(self):
        bundle = to_bundle(parse(ADT_A01))
        self.assertEqual(bundle["type"], "transaction")
        [patient] = resources(bundle, "Patient")
        self.assertEqual(patient["identifier"][0]["system"], "urn:oid:2.16.840.1.113883.19.5")
        self.assertEqual(patient["identifier"][0]["value"], "123456")
        self.assertEqual(patient["identifier"][0]["type"]["coding"][0]["code"], "MR")
        self.assertEqual(patient["name"][0]["family"], "Rivera")
        self.assertEqual(patient["name"][0]["given"], ["Alma", "J"])
        self.assertEqual(patient["name"][0]["prefix"], ["Dr."])
        self.assertEqual(patient["name"][0]["use"], "official")
        self.assertEqual(patient["gender"], "female")
        self.assertEqual(patient["birthDate"], "1961-04-12")
        self.assertEqual(patient["address"][0]["city"], "Springfield")
        patient_entry = bundle["entry"][0]
        self.assertEqual(patient_entry["request"]["method"], "PUT")
        self.assertTrue(patient_entry["request"]["url"].startswith("Patient?identifier="))
        [encounter] = resources(bundle, "Encounter")
        self.assertEqual(encounter["status"], "in-progress")
        self.assertEqual(encounter["class"]["code"], "IMP")
        self.assertEqual(encounter["subject"]["reference"], patient_entry["fullUrl"])
        self.assertEqual(encounter["identifier"][0]["value"], "V0001234")
        self.assertEqual(encounter["period"]["start"], "2026-03-01T09:25:00Z")

    def test_adt_a08_updates_the_same_patient_and_encounter(self):
        first = to_bundle(parse(ADT_A01))
        second = to_bundle(parse(ADT_A08))
        self.assertEqual(first["entry"][0]["fullUrl"], second["entry"][0]["fullUrl"])
        self.assertEqual(
            resources(first, "Encounter")[0]["id"], resources(second, "Encounter")[0]["id"]
        )
        [encounter] = resources(second, "Encounter")
        self.assertEqual(encounter["status"], "finished")
        self.assertEqual(encounter["period"]["end"], "2026-03-03T11:30:00Z")

    def test_oru_r01_gives_observations(self):
        bundle = to_bundle(parse(ORU_R01))
        glucose, comment, colour = resources(bundle, "Observation")
        self.assertEqual(glucose["code"]["coding"][0]["system"], "http://loinc.org")
        self.assertEqual(glucose["code"]["coding"][0]["code"], "2345-7")
        self.assertEqual(glucose["valueQuantity"]["value"], 6.3)
        self.assertEqual(glucose["valueQuantity"]["code"], "mmol/L")
        self.assertEqual(glucose["status"], "final")
        self.assertEqual(glucose["interpretation"][0]["coding"][0]["code"], "H")
        self.assertEqual(glucose["referenceRange"][0]["text"], "3.9-5.5")
        self.assertEqual(glucose["effectiveDateTime"], "2026-03-02T07:45:00Z")
        self.assertEqual(comment["valueString"], "Sample slightly haemolysed & re-drawn\nsee note")
        self.assertEqual(colour["valueCodeableConcept"]["coding"][0]["code"], "YEL")
        self.assertEqual(colour["status"], "preliminary")
        self.assertEqual(colour["effectiveDateTime"], "2026-03-02T07:00:00Z")
        # Replays map to the same ids.
        again = to_bundle(parse(ORU_R01))
        self.assertEqual(json.dumps(bundle, sort_keys=True), json.dumps(again, sort_keys=True))

    def test_converts_hl7_timestamps(self):
        self.assertEqual(hl7_datetime("2026"), "2026")
        self.assertEqual(hl7_datetime("202603"), "2026-03")
        self.assertEqual(hl7_datetime("20260301"), "2026-03-01")
        self.assertEqual(hl7_datetime("202603010930"), "2026-03-01T09:30:00Z")
        self.assertEqual(hl7_datetime("20260301093000.25-0500"), "2026-03-01T09:30:00.25-05:00")
        with self.assertRaises(MappingError):
            hl7_datetime("2026-03-01")

    def test_refuses_unsupported_or_incomplete_messages(self):
        with self.assertRaises(MappingError):
            to_bundle(parse(ADT_A01.replace("ADT^A01", "ADT^A04")))
        with self.assertRaises(MappingError):
            to_bundle(parse("MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPV1|1|I"))
        with self.assertRaises(MappingError):
            to_bundle(parse(ORU_R01.replace("|NM|2345-7", "|NM|2345-7").replace("||6.3|", "||high|")))


if __name__ == "__main__":
    unittest.main()
