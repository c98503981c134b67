/// The Python programs the tests run as local peers, kept here as text so the test target
/// holds only Swift files.
enum PeerScripts {
    /// An HTTP/1.1 server on 127.0.0.1 (ephemeral port, printed first): echoes method,
    /// path, headers and body (base64) as JSON; `/slow?seconds=N` sleeps first;
    /// `/status/N` answers status N; `/redirect?to=P` redirects; `/large?bytes=N` sends N
    /// bytes; `/aws…` also checks the AWS SigV4 signature for `test-secret-access-key`.
    static let echoServer = #"""
import signal
# Started from a libdispatch thread, this process inherits a mask that blocks SIGTERM;
# unblock it so the test can stop the peer with Process.terminate().
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
import base64, datetime, hashlib, hmac, json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AWS_SECRET = "test-secret-access-key"


def aws_signature_is_valid(handler, body):
    authorization = handler.headers.get("Authorization", "")
    if not authorization.startswith("AWS4-HMAC-SHA256 "):
        return False
    fields = dict(part.strip().split("=", 1) for part in authorization[len("AWS4-HMAC-SHA256 "):].split(","))
    _, date, region, service, _ = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    path, _, query = handler.path.partition("?")
    canonical_query = "&".join(sorted(query.split("&"))) if query else ""
    canonical_headers = "".join(f"{name}:{' '.join(handler.headers.get(name, '').split())}\n" for name in signed)
    payload = handler.headers.get("x-amz-content-sha256") or hashlib.sha256(body).hexdigest()
    canonical = "\n".join([handler.command, path, canonical_query, canonical_headers, ";".join(signed), payload])
    scope = f"{date}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", handler.headers["x-amz-date"], scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + AWS_SECRET).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["Signature"])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def __getattr__(self, name):
        if name.startswith("do_"):
            return self.handle_any
        raise AttributeError(name)

    def send(self, status, payload, content_type="application/json", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        if path == "/slow":
            time.sleep(float(params.get("seconds", "5")))
        if path.startswith("/status/"):
            return self.send(int(path[len("/status/"):]), b"status")
        if path == "/redirect":
            return self.send(302, b"", extra=[("Location", params.get("to", "/"))])
        if path == "/large":
            return self.send(200, b"x" * int(params.get("bytes", "100000")), "text/plain")
        echo = {
            "method": self.command,
            "path": self.path,
            "headers": [[name, value] for name, value in self.headers.items()],
            "body": base64.b64encode(body).decode(),
        }
        if path.startswith("/aws"):
            echo["awsSignatureValid"] = aws_signature_is_valid(self, body)
        self.send(200, json.dumps(echo).encode(), extra=[("X-Echo-Server", "yes")])


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
"""#

    /// An aiosmtpd server on 127.0.0.1 (ephemeral port, printed first) that prints each
    /// received message as one JSON line; AUTH accepts `mailer` / `smtp-password-123`.
    static let smtpServer = #"""
import signal
# Started from a libdispatch thread, this process inherits a mask that blocks SIGTERM;
# unblock it so the test can stop the peer with Process.terminate().
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
import asyncio, base64, json
from aiosmtpd.smtp import SMTP, AuthResult


class Recorder:
    async def handle_DATA(self, server, session, envelope):
        print(json.dumps({
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "content": base64.b64encode(envelope.original_content or envelope.content).decode(),
            "user": session.authenticated,
        }), flush=True)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"mailer" and auth_data.password == b"smtp-password-123"
    return AuthResult(success=ok)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(Recorder(), authenticator=authenticate, auth_require_tls=False),
        "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()

asyncio.run(main())
"""#
}
