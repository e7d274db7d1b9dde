"""A stand-in for the utility's head-end system and weather service, served on loopback for the scenarios.
Meter ids and regions choose the behaviour: slow answers, missing fields, bad dates, error statuses, HTML."""
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SLOW = 0.8


def readings_for(meter):
    base = [{"at": f"2024-03-01T{h:02d}:00:00", "register": "1.8.0", "kwh": 1000.0 + 1.5 * h} for h in range(6)]
    if meter.startswith("M-NOREG"):
        del base[3]["register"]
    if meter.startswith("M-MONTH13"):
        base[2]["at"] = "2024-13-01T02:00:00"
    if meter.startswith("M-REGRESS"):
        base[4]["kwh"] = 12.0
    return base


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_args):
        pass

    def send(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        url = urlparse(self.path)
        parts = url.path.strip("/").split("/")
        if parts[0] == "meters":
            meter, what = parts[1], parts[2]
            if what == "status":
                if meter.startswith("M-SLOWSTAT"):
                    time.sleep(SLOW)
                return self.send(200, {"meter": meter, "state": "active"})
            if what == "intervals":
                if meter.startswith("M-SLOWINT"):
                    time.sleep(SLOW)
                return self.send(200, {"day": parse_qs(url.query).get("day"), "readings": readings_for(meter)})
            if what == "firmware":
                if meter.startswith("M-MAINT"):
                    return self.send(200, "<html><body><h1>Scheduled maintenance</h1></body></html>", "text/html")
                return self.send(200, {"version": "4.2.0"})
        if parts[0] == "tariffs":
            region = parts[1]
            if region.startswith("XX"):
                return self.send(404, {"error": f"no tariff for {region}"})
            rate = "0,21" if region.startswith("EU-COMMA") else "0.21"
            return self.send(200, {"region": region, "bands": [{"name": "peak", "rate": rate}, {"name": "offpeak", "rate": "0.12"}]})
        return self.send(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path.startswith("/billing/exports"):
            if str(body.get("account", "")).startswith("ACC-REJ"):
                return self.send(500, {"error": "export store unavailable"})
            return self.send(201, {"export": "ok"})
        return self.send(404, {"error": "not found"})


def start():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def closed_port_url():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"
