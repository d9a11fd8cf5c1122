#!/usr/bin/env python3
"""A webhook receiver for trying Patchbay's (Vercel-compatible) webhooks on this machine.

    WEBHOOK_SECRET=<the secret POST /v1/webhooks answered> python3 receiver.py [port]   (default 9999, 127.0.0.1 only)

Checks x-vercel-signature (hex HMAC-SHA1 of the raw body, keyed with the secret) the way an integrator's endpoint
should, drops repeats by x-patchbay-delivery (deliveries are at-least-once), prints one line per event and answers
200 (401 when the signature is wrong, so Patchbay retries and the delivery log shows it).
"""
import hashlib
import hmac
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ.get("WEBHOOK_SECRET", "").encode()
seen = set()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        expected = hmac.new(SECRET, body, hashlib.sha1).hexdigest()
        good = bool(SECRET) and hmac.compare_digest(expected, self.headers.get("x-vercel-signature", ""))
        delivery = self.headers.get("x-patchbay-delivery", "")
        event = json.loads(body)
        repeat = delivery in seen
        seen.add(delivery)
        print(f"{event['type']} {event['payload']['configuration']['id']} {delivery} "
              f"signature {'ok' if good else 'WRONG'}{' (repeat, ignored)' if repeat else ''}", flush=True)
        self.send_response(200 if good else 401)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9999
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
