/// The webhook receiver the tests run: a Python HTTP server on 127.0.0.1 (ephemeral port,
/// printed first) that checks Standard Webhooks signatures on its own, with Python's hmac and
/// base64, against the `whsec_` secrets given as its arguments.
///
/// For each request it prints one JSON line before answering: the path, the three webhook
/// headers, whether any signature matches each secret (`verified`, in argument order), the
/// timestamp's distance from its own clock (`skew`), the content type and the body as JSON.
/// It answers 200, or the status N for `/status/N`, with `Retry-After: V` for
/// `?retry_after=V`; `/garbage` gets bytes that are no HTTP response.
enum ReceiverScript {
    static let text = #"""
import signal
# Started from a libdispatch thread, this process inherits a mask that blocks SIGTERM;
# unblock it so the test can stop the receiver with Process.terminate().
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
import base64, hashlib, hmac, json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEYS = [base64.b64decode(secret[len("whsec_"):]) for secret in sys.argv[1:]]


def verified(key, msg_id, timestamp, body, signatures):
    expected = base64.b64encode(
        hmac.new(key, msg_id.encode() + b"." + timestamp.encode() + b"." + body, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest("v1," + expected, given) for given in signatures)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path, _, query = self.path.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        msg_id = self.headers.get("webhook-id", "")
        timestamp = self.headers.get("webhook-timestamp", "")
        signatures = self.headers.get("webhook-signature", "").split(" ")
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        print(json.dumps({
            "path": path,
            "id": msg_id,
            "timestamp": timestamp,
            "signatures": signatures,
            "verified": [verified(key, msg_id, timestamp, body, signatures) for key in KEYS],
            "skew": abs(time.time() - int(timestamp)) if timestamp.isdigit() else None,
            "contentType": self.headers.get("Content-Type"),
            "body": payload,
        }), flush=True)
        if path == "/garbage":
            self.wfile.write(b"this is not HTTP at all\r\n\r\n")
            self.close_connection = True
            return
        status = int(path[len("/status/"):]) if path.startswith("/status/") else 200
        self.send_response(status)
        if "retry_after" in params:
            self.send_header("Retry-After", params["retry_after"])
        self.send_header("Content-Length", "0")
        self.end_headers()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
"""#
}
