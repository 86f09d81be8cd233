import io
import json
import socket
import threading
import unittest
import urllib.error
import urllib.request

from tests.samples import ADT_A01, ORU_R01
from worker.audit import AuditLog
from worker.main import ForwardError, MllpServer, handle_message, health_server
from worker.mllp import Deframer, ack, frame
from worker.hl7 import parse

PHI = ["Rivera", "Alma", "123456", "999-12-3456", "19610412", "Harbour", "Glucose", "6.3"]


class MllpTest(unittest.TestCase):
    def test_deframes_split_and_joined_frames(self):
        deframer = Deframer()
        data = frame("MSH|a") + frame("MSH|b")
        self.assertEqual(deframer.feed(data[:4]), [])
        self.assertEqual(deframer.feed(data[4:]), ["MSH|a", "MSH|b"])

    def test_ack_echoes_the_control_id(self):
        reply = parse(ack(parse(ADT_A01), "AA"))
        self.assertEqual(reply.message_type, "ACK^A01")
        self.assertEqual(reply.first("MSA").get(1), "AA")
        self.assertEqual(reply.first("MSA").get(2), "MSG00001")
        # The ACK goes back to the sender.
        self.assertEqual(reply.segments[0].get(5), "ADMIT")


class HandleMessageTest(unittest.TestCase):
    def setUp(self):
        self.stream = io.StringIO()
        self.audit = AuditLog(stream=self.stream)
        self.sent = []

    def events(self):
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def test_accepts_forwards_and_audits_without_phi(self):
        for text in (ADT_A01, ORU_R01):
            reply = parse(handle_message(text, self.audit, self.sent.append))
            self.assertEqual(reply.first("MSA").get(1), "AA")
        self.assertEqual(len(self.sent), 2)
        first, second = self.events()
        self.assertEqual(first["outcome"], "success")
        self.assertEqual(first["action"], "write")
        self.assertEqual(first["subject"], "ADMIT@GENHOSP")
        self.assertEqual(first["messageType"], "ADT^A01")
        self.assertEqual(first["resources"], {"Patient": 1, "Encounter": 1})
        self.assertEqual(second["resources"], {"Patient": 1, "Observation": 3})
        # The event id and time are generated and may contain any digits
        # (a lab value such as 6.3 can appear in a timestamp); they must keep
        # their shape, and nothing else may carry message content.
        recorded = []
        for event in self.events():
            self.assertRegex(event.pop("at"), r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
            self.assertRegex(event.pop("id"), r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
            recorded.append(event)
        for phi in PHI:
            self.assertNotIn(phi, json.dumps(recorded))

    def test_rejects_bad_messages_with_ar(self):
        reply = parse(handle_message("garbage", self.audit, self.sent.append))
        self.assertEqual(reply.first("MSA").get(1), "AR")
        reply = parse(
            handle_message(ADT_A01.replace("ADT^A01", "ADT^A04"), self.audit, self.sent.append)
        )
        self.assertEqual(reply.first("MSA").get(1), "AR")
        self.assertEqual(self.sent, [])
        self.assertTrue(all(e["outcome"] == "rejected" for e in self.events()))

    def test_answers_ae_when_the_fhir_server_fails(self):
        def failing(_bundle):
            raise ForwardError("FHIR server answered 503")

        reply = parse(handle_message(ADT_A01, self.audit, failing))
        self.assertEqual(reply.first("MSA").get(1), "AE")
        self.assertEqual(self.events()[-1]["outcome"], "error")


class ServerTest(unittest.TestCase):
    def test_mllp_round_trip_and_health(self):
        sent = []
        audit = AuditLog(stream=io.StringIO())
        server = MllpServer(("127.0.0.1", 0), audit, sent.append)
        ready = threading.Event()
        health = health_server(0, ready.is_set)
        for s in (server, health):
            threading.Thread(target=s.serve_forever, daemon=True).start()
        try:
            health_url = f"http://127.0.0.1:{health.server_address[1]}"
            with urllib.request.urlopen(f"{health_url}/healthz") as response:
                self.assertEqual(response.status, 200)
            with self.assertRaises(urllib.error.HTTPError) as raised:
                urllib.request.urlopen(f"{health_url}/readyz")
            self.assertEqual(raised.exception.code, 503)
            ready.set()
            with urllib.request.urlopen(f"{health_url}/readyz") as response:
                self.assertEqual(response.status, 200)

            with socket.create_connection(server.server_address, timeout=5) as conn:
                conn.sendall(frame(ADT_A01))
                deframer = Deframer()
                replies = []
                while not replies:
                    replies = deframer.feed(conn.recv(4096))
            self.assertEqual(parse(replies[0]).first("MSA").get(1), "AA")
            self.assertEqual(len(sent), 1)
        finally:
            server.shutdown()
            server.server_close()
            health.shutdown()
            health.server_close()


if __name__ == "__main__":
    unittest.main()
