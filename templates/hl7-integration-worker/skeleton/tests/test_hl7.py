import unittest

from tests.samples import ADT_A01
from worker.hl7 import Encoding, HL7ParseError, parse, unescape


class ParserTest(unittest.TestCase):
    def test_reads_msh_fields_by_hl7_number(self):
        msg = parse(ADT_A01)
        msh = msg.segments[0]
        self.assertEqual(msh.raw(1), "|")
        self.assertEqual(msh.raw(2), "^~\\&")
        self.assertEqual(msh.get(3), "ADMIT")
        self.assertEqual(msg.message_type, "ADT^A01")
        self.assertEqual(msg.control_id, "MSG00001")

    def test_splits_repetitions_components_and_subcomponents(self):
        pid = parse(ADT_A01).first("PID")
        self.assertEqual(len(pid.repetitions(3)), 2)
        self.assertEqual(pid.get(3, 1), "123456")
        self.assertEqual(pid.get(3, 4, 1), "GENHOSP")
        self.assertEqual(pid.get(3, 4, 2), "2.16.840.1.113883.19.5")
        self.assertEqual(pid.get(3, 1, repetition=1), "999-12-3456")
        self.assertEqual(pid.get(5, 2), "Alma")
        self.assertEqual(pid.get(99), "")

    def test_decodes_escape_sequences_after_splitting(self):
        enc = Encoding()
        self.assertEqual(unescape("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f", enc), "a|b^c&d~e\\f")
        self.assertEqual(unescape("line1\\.br\\line2", enc), "line1\nline2")
        self.assertEqual(unescape("\\X48454C4C4F\\", enc), "HELLO")
        self.assertEqual(unescape("\\H\\bold\\N\\", enc), "bold")
        msg = parse("MSH|^~\\&|A|B|C|D|20260101||ORU^R01|1|P|2.5\rOBX|1|ST|x^y||caf\\S\\e")
        self.assertEqual(msg.first("OBX").get(5), "caf^e")

    def test_honours_custom_encoding_characters(self):
        msg = parse("MSH#*~\\$#A#B#C#D#20260101##ADT*A08#42#P#2.5\nPID#1##77*X*Y$Z")
        self.assertEqual(msg.message_type, "ADT^A08")
        self.assertEqual(msg.first("PID").get(3, 3, 2), "Z")

    def test_accepts_line_feeds_between_segments(self):
        msg = parse(ADT_A01.replace("\r", "\r\n"))
        self.assertEqual([s.name for s in msg.segments], ["MSH", "EVN", "PID", "PV1"])

    def test_rejects_malformed_messages(self):
        for bad in (
            "",
            "PID|1",
            "MSH|^~|A",
            "MSH|^~\\&|A|B|C|D|2026||ADT^A01||P",  # no control id
            "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P\rpid|x",
            "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P\rMSH|^~\\&|A",
        ):
            with self.subTest(bad=bad):
                with self.assertRaises(HL7ParseError):
                    parse(bad)


if __name__ == "__main__":
    unittest.main()
