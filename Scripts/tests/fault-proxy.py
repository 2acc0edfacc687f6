#!/usr/bin/env python3
"""A fault-injecting HTTP proxy on loopback for the publish tests (P-1…P-13 of quality-bar.md).

    fault-proxy.py UPSTREAM_URL PLAN_FILE [OWNER_PID]

Listens on 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and forwards every request to
UPSTREAM_URL (the wiki's api.php) unless a rule of PLAN_FILE says otherwise. PLAN_FILE is JSON, read
again for every request: {"rules": [RULE…]}. A rule applies to a request whose form parameters
include all of its "match" pairs (e.g. {"action": "edit"}), while its "times" (default 1) is above 0;
each use decrements it and the file is rewritten. What a rule does:
  {"http": 503, "retry_after": "1"}          answer that status (optional Retry-After) without forwarding
  {"api_error": "maxlag", "retry_after": "1"} answer a MediaWiki API error (HTTP 200) without forwarding
  {"drop_after_forward": true}                forward, let the wiki save, then close without answering
Every request is appended to PLAN_FILE + ".log" as one JSON line {"action":…, "title":…, "fault":…}.
The proxy exits when OWNER_PID (the test process) is gone.
"""
import email.parser
import email.policy
import http.client
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

UPSTREAM = urllib.parse.urlsplit(sys.argv[1])
PLAN = sys.argv[2]
OWNER = int(sys.argv[3]) if len(sys.argv) > 3 else None
LOCK = threading.Lock()


def take_rule(form):
    """The first matching rule with uses left (decremented), or None."""
    with LOCK:
        try:
            with open(PLAN) as handle:
                plan = json.load(handle)
        except (OSError, ValueError):
            return None
        for rule in plan.get("rules", []):
            if rule.get("times", 1) <= 0:
                continue
            if all(form.get(key) == value for key, value in rule.get("match", {}).items()):
                rule["times"] = rule.get("times", 1) - 1
                with open(PLAN + ".tmp", "w") as handle:
                    json.dump(plan, handle)
                os.replace(PLAN + ".tmp", PLAN)
                return rule
        return None


def parse_form(content_type, body):
    """Form fields of an urlencoded or multipart body (file parts are left out)."""
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        form = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name and part.get_filename() is None:
                form[name] = part.get_content().strip() if isinstance(part.get_content(), str) else part.get_payload(decode=True).decode()
        return form
    return {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items()}


def log(form, fault):
    with LOCK, open(PLAN + ".log", "a") as handle:
        handle.write(json.dumps({"action": form.get("action"), "title": form.get("title") or form.get("filename"), "offset": form.get("offset"), "fault": fault}) + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        form = parse_form(self.headers.get("Content-Type", ""), body)
        rule = take_rule(form)
        fault = None
        if rule and "http" in rule:
            fault = "http %s" % rule["http"]
            log(form, fault)
            payload = b"Service Unavailable"
            self.send_response(rule["http"])
            if rule.get("retry_after") is not None:
                self.send_header("Retry-After", str(rule["retry_after"]))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        if rule and "api_error" in rule:
            fault = rule["api_error"]
            log(form, fault)
            payload = json.dumps({"errors": [{"code": rule["api_error"], "text": rule.get("text", "injected " + rule["api_error"]), "module": "main"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if rule.get("retry_after") is not None:
                self.send_header("Retry-After", str(rule["retry_after"]))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        status, headers, payload = self.forward(body)
        if rule and rule.get("drop_after_forward"):
            log(form, "dropped")
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
            return
        log(form, None)
        self.send_response(status)
        for name, value in headers:
            if name.lower() in ("transfer-encoding", "connection", "content-length"):
                continue
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def forward(self, body):
        connection = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port or 80, timeout=60)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in ("host", "connection", "content-length")}
        headers["Content-Length"] = str(len(body))
        connection.request("POST", UPSTREAM.path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        result = (response.status, response.getheaders(), payload)
        connection.close()
        return result


def watch_owner(server):
    while OWNER is not None:
        try:
            os.kill(OWNER, 0)
        except OSError:
            server.shutdown()
            return
        time.sleep(1)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
threading.Thread(target=watch_owner, args=(server,), daemon=True).start()
server.serve_forever()
