"""A scripted LSP client: starts a server, sends framed JSON-RPC, collects what comes back."""
import json
import os
import queue
import subprocess
import threading
import time


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, command, cwd=None):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.seen = []          # every message received, in order
        self.next_id = 1
        self.stderr_lines = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # ---- reading

    def _read_stdout(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                raise RuntimeError("server sent a message without Content-Length")
            body = stream.read(length)
            self.messages.put(json.loads(body))

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode(errors="replace").rstrip("\n"))

    def wait_for(self, predicate, timeout=60, what="a message"):
        """The first message (new or already seen and not yet consumed) matching predicate."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("timed out waiting for %s; stderr:\n%s" %
                                     (what, "\n".join(self.stderr_lines[-30:])))
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("server closed its output while waiting for %s; stderr:\n%s"
                                     % (what, "\n".join(self.stderr_lines[-30:])))
            self.seen.append(message)
            if predicate(message):
                return message

    def response(self, request_id, timeout=60):
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m,
                             timeout, "the response to request %s" % request_id)

    def diagnostics(self, uri, predicate=lambda diags: True, timeout=60, what=None):
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri and predicate(m["params"]["diagnostics"]),
            timeout, what or "diagnostics for " + uri)
        return message["params"]["diagnostics"]

    # ---- writing

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params or {}})
        return request_id

    def notify(self, method, params=None):
        self.send({"method": method, "params": params or {}})

    # ---- the usual conversation

    def initialize(self, root, capabilities=None):
        request_id = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri_of(root),
            "capabilities": capabilities or {}})
        result = self.response(request_id)["result"]
        self.notify("initialized")
        return result

    def open(self, path, text=None, version=1, language="c"):
        if text is None:
            with open(path) as source:
                text = source.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(path), "languageId": language, "version": version, "text": text}})

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(path), "version": version},
            "contentChanges": changes})

    def save(self, path):
        self.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(path)}})

    def close(self, path):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(path)}})

    def shutdown_and_exit(self, timeout=30):
        self.response(self.request("shutdown"))
        self.notify("exit")
        return self.process.wait(timeout=timeout)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
