#!/usr/bin/env python3
"""A scriptable HTTP/1.1 server on 127.0.0.1 for feedsieve's tests.

Usage: http_server.py ROUTES.json REQUEST_LOG.jsonl
Prints "PORT <n>" on stdout once it is listening, then serves until killed.

ROUTES.json maps a path to a response:
  {"/feed.xml": {"status": 200, "headers": {"Content-Type": "application/rss+xml"},
                 "body": "...", "body_file": "path", "etag": "\"v1\"",
                 "last_modified": "Wed, 01 May 2024 10:00:00 GMT",
                 "delay": 5.0, "redirect": "/other", "redirect_status": 301,
                 "gzip": true, "size": 1048576, "endless": true}}
A route may instead be {"responses": [response, ...]}: the Nth request to
its path gets the Nth response, the last one repeating (a 503, then a 200).
A request whose If-None-Match equals "etag" (or If-Modified-Since equals
"last_modified") gets 304. "size" sends that many filler bytes; "endless"
streams until the client goes away. The routes file is re-read on every
request, so a test can change a feed between polls. Every request is appended
to REQUEST_LOG.jsonl as {"path", "headers", "active", "time"} before it is answered;
"active" counts the requests received and not yet answered, this one included
(it drops just before a response starts, so a client that waits for answers
never sees it overstate its concurrency); "time" is the server's monotonic
clock in seconds when the request arrived, for checking the gaps between requests.
"""
import gzip
import http.server
import json
import socketserver
import sys
import threading
import time

ROUTES_PATH = sys.argv[1]
LOG_PATH = sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, the body
    # would wait for the client's delayed ACK (~40 ms a response).
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        active = self.server.enter()
        self.answering = False
        try:
            self.answer(active)
        finally:
            self.start_answer()

    def start_answer(self):
        if not self.answering:
            self.answering = True
            self.server.leave()

    def answer(self, active):
        with open(LOG_PATH, "a", encoding="utf-8") as log:
            entry = {"path": self.path, "headers": dict(self.headers.items()), "active": active,
                     "time": time.monotonic()}
            log.write(json.dumps(entry) + "\n")
        with open(ROUTES_PATH, encoding="utf-8") as f:
            routes = json.load(f)
        path = self.path.split("?")[0]
        route = routes.get(path)
        if route is None:
            return self.reply(404, {"Content-Type": "text/plain"}, b"not found\n")
        if "responses" in route:
            turn = self.server.next_turn(path)
            route = route["responses"][min(turn, len(route["responses"]) - 1)]
        if route.get("delay"):
            time.sleep(route["delay"])
        if "redirect" in route:
            return self.reply(route.get("redirect_status", 302), {"Location": route["redirect"]}, b"")
        etag, last_modified = route.get("etag"), route.get("last_modified")
        if (etag and self.headers.get("If-None-Match") == etag) or (
            last_modified and self.headers.get("If-Modified-Since") == last_modified
        ):
            return self.reply(304, self.validators(route), b"")
        headers = dict(route.get("headers", {}))
        headers.update(self.validators(route))
        if route.get("endless"):
            return self.stream_forever(route.get("status", 200), headers)
        body = self.body(route)
        if route.get("gzip"):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.reply(route.get("status", 200), headers, body)

    @staticmethod
    def validators(route):
        headers = {}
        if route.get("etag"):
            headers["ETag"] = route["etag"]
        if route.get("last_modified"):
            headers["Last-Modified"] = route["last_modified"]
        return headers

    @staticmethod
    def body(route):
        if "body_file" in route:
            with open(route["body_file"], "rb") as f:
                return f.read()
        if "size" in route:
            return b"x" * route["size"]
        return route.get("body", "").encode("utf-8")

    def reply(self, status, headers, body):
        self.start_answer()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream_forever(self, status, headers):
        self.start_answer()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<rss>" + b" " * 65536
        try:
            while True:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *args):
        super().__init__(*args)
        self.lock = threading.Lock()
        self.active = 0  # requests received and not yet answered
        self.turns = {}  # path -> requests seen, for "responses"

    def enter(self):
        with self.lock:
            self.active += 1
            return self.active

    def next_turn(self, path):
        with self.lock:
            turn = self.turns.get(path, 0)
            self.turns[path] = turn + 1
            return turn

    def leave(self):
        with self.lock:
            self.active -= 1


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
