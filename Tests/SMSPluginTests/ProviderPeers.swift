import Foundation
import PeerSupport

/// The peers the provider tests send to, each a Python process on 127.0.0.1 with an
/// ephemeral port (printed first), stopped by its process id.
enum ProviderPeers {
    /// moto_server's SNS (moto's WSGI app on werkzeug, port 0 so the kernel picks one).
    static let moto = """
        from werkzeug.serving import make_server
        from moto.server import DomainDispatcherApplication, create_backend_app
        server = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app), threaded=True)
        print(server.port, flush=True)
        server.serve_forever()
        """

    /// A fake of Twilio's Messages API as Twilio documents it: Basic auth by account SID and
    /// auth token (401, code 20003, otherwise); `To`, `From`, `Body` required (400, code
    /// 21604/21603/21602); `To` must be E.164 (400, code 21211); 201 with a JSON message
    /// resource (`sid` "SM" + 32 hex, `status` "queued", `num_segments` as a string). When the
    /// request has a `StatusCallback`, it prints one line `CALLBACK <url> <signature> <form>`:
    /// the `delivered` callback Twilio would post, signed per Twilio's algorithm
    /// (Base64 HMAC-SHA1 of URL + sorted name/value pairs, keyed by the auth token). Each
    /// request is printed first as `REQUEST <idempotency token> <form body>`.
    static let twilio = #"""
        import base64, hashlib, hmac, json, re, sys, uuid
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qsl, urlencode
        SID, TOKEN = sys.argv[1], sys.argv[2]
        def segments(body):
            gsm = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
            ext = set("\f^{}\\[~]|€")
            if all(c in gsm or c in ext for c in body):
                n = sum(2 if c in ext else 1 for c in body)
                return 1 if n <= 160 else -(-n // 153)
            n = len(body.encode("utf-16-le")) // 2
            return 1 if n <= 70 else -(-n // 67)
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def answer(self, status, obj):
                data = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                print("REQUEST", self.headers.get("I-Twilio-Idempotency-Token", "-"), raw, flush=True)
                expected = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    return self.answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
                if self.path != f"/2010-04-01/Accounts/{SID}/Messages.json":
                    return self.answer(404, {"code": 20404, "message": "The requested resource was not found", "status": 404})
                form = dict(parse_qsl(raw, keep_blank_values=True))
                for field, code in (("To", 21604), ("From", 21603), ("Body", 21602)):
                    if not form.get(field):
                        return self.answer(400, {"code": code, "message": f"A '{field}' is required.", "status": 400})
                if not re.fullmatch(r"\+[1-9]\d{1,14}", form["To"]):
                    return self.answer(400, {"code": 21211, "message": f"Invalid 'To' Phone Number: {form['To']}", "status": 400})
                sid = "SM" + uuid.uuid4().hex
                n = segments(form["Body"])
                self.answer(201, {"sid": sid, "account_sid": SID, "to": form["To"], "from": form["From"], "body": form["Body"],
                                  "status": "queued", "num_segments": str(n), "direction": "outbound-api",
                                  "api_version": "2010-04-01", "error_code": None, "error_message": None})
                if form.get("StatusCallback"):
                    fields = {"MessageSid": sid, "SmsSid": sid, "AccountSid": SID, "From": form["From"], "To": form["To"],
                              "MessageStatus": "delivered", "SmsStatus": "delivered", "ApiVersion": "2010-04-01"}
                    url = form["StatusCallback"]
                    content = url + "".join(k + fields[k] for k in sorted(fields))
                    signature = base64.b64encode(hmac.new(TOKEN.encode(), content.encode(), hashlib.sha1).digest()).decode()
                    print("CALLBACK", url, signature, urlencode(fields), flush=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// A generic gateway: answers every request 200 with JSON `{"id": "gw-N"}` and prints
    /// `METHOD PATH?QUERY CONTENT-TYPE BODY` for it.
    static let gateway = #"""
        import json
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        count = 0
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def handle_any(self):
                global count
                count += 1
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                print(self.command, self.path, self.headers.get("Content-Type", "-"), self.headers.get("Authorization", "-"), raw, flush=True)
                status = 503 if "fail" in self.path else 200
                data = json.dumps({"id": f"gw-{count}"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            do_POST = handle_any
            do_GET = handle_any
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
