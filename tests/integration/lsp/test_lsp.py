#!/usr/bin/env python3
"""Drives `fearless lsp` (and `--wrap=CLANGD`) through a whole session with a scripted client.

usage: test_lsp.py FEARLESS SCENARIO [CLANGD]
Each scenario asserts what reaches the editor; any failed assertion exits non-zero."""
import json
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri_of  # noqa: E402

# free() moves its argument (DESIGN.md): reading p[0] after it is a use after move.
USE_AFTER_MOVE = """#include <stdlib.h>

int main(void)
{
    char *p = malloc(4);
    free(p);
    return p[0];
}
"""
MOVE_LINE = 6  # 0-based line of `return p[0];`
CLEAN = USE_AFTER_MOVE.replace("    return p[0];\n", "    return 0;\n")
CHECK = "fearless-use-after-move"


def has_check(check):
    return lambda diags: any(d.get("code") == check for d in diags)


def no_fearless_findings(diags):
    return not any(d.get("source") == "fearless" for d in diags)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


class Scenario:
    def __init__(self, fearless, clangd):
        self.fearless = fearless
        self.clangd = clangd
        self.root = tempfile.mkdtemp(prefix="fearless-lsp-")
        self.client = None

    def write(self, name, text):
        path = os.path.join(self.root, name)
        with open(path, "w") as out:
            out.write(text)
        return path

    def start(self, *arguments):
        self.client = Client([self.fearless, "lsp", *arguments], cwd=self.root)
        return self.client

    def finish(self):
        if self.client:
            self.client.kill()
        shutil.rmtree(self.root, ignore_errors=True)


def check_finding(diag, path):
    expect(diag["source"] == "fearless", "source is not fearless: %r" % diag)
    expect(diag["severity"] == 1, "a use after move is an error (severity 1): %r" % diag)
    expect(diag["range"]["start"]["line"] == MOVE_LINE, "wrong line: %r" % diag)
    expect("moved" in diag["message"], "unexpected message: %r" % diag)
    related = diag.get("relatedInformation", [])
    expect(related, "the 'moved here' note is missing from relatedInformation: %r" % diag)
    expect(related[0]["location"]["uri"] == uri_of(path), "note in another file: %r" % related)
    expect(related[0]["location"]["range"]["start"]["line"] == MOVE_LINE - 1,
           "the note does not point at free(p): %r" % related)


def basic(s):
    """open, incremental change, full change, save, close, flags from compile_commands."""
    path = s.write("uam.c", USE_AFTER_MOVE)
    client = s.start()
    capabilities = client.initialize(s.root)["capabilities"]
    sync = capabilities["textDocumentSync"]
    expect(sync["openClose"] and sync["change"] in (1, 2) and "save" in sync,
           "textDocumentSync lacks open/close, change or save: %r" % sync)
    # A C++ buffer is not fearless's: opened first, it must get nothing.
    cpp = s.write("other.cpp", "template <class T> T f(T x) { return x; }\n")
    client.open(cpp, language="cpp")
    client.open(path)
    diags = client.diagnostics(uri_of(path), has_check(CHECK), what="the use-after-move")
    check_finding([d for d in diags if d["code"] == CHECK][0], path)
    expect(not any(m.get("params", {}).get("uri") == uri_of(cpp) for m in client.seen),
           "fearless published diagnostics for a C++ buffer")
    # Incremental edit of the unsaved buffer: `return p[0];` -> `return 0;`.
    client.change(path, 2, [{"range": {"start": {"line": MOVE_LINE, "character": 11},
                                       "end": {"line": MOVE_LINE, "character": 15}},
                             "text": "0"}])
    client.diagnostics(uri_of(path), lambda d: d == [], what="no finding after the fix")
    client.change(path, 3, [{"text": USE_AFTER_MOVE}])
    client.diagnostics(uri_of(path), has_check(CHECK), what="the finding back (full change)")
    client.save(path)
    client.diagnostics(uri_of(path), has_check(CHECK), what="diagnostics after save")
    client.close(path)
    client.diagnostics(uri_of(path), lambda d: d == [], what="cleared diagnostics on close")
    # Flags come from compile_commands.json: without -DFLAGGED this file does not compile.
    flagged = s.write("flagged.c", "#ifndef FLAGGED\n#error FLAGGED is not defined\n#endif\n"
                      + USE_AFTER_MOVE)
    with open(os.path.join(s.root, "compile_commands.json"), "w") as out:
        json.dump([{"directory": s.root, "file": "flagged.c",
                    "command": "cc -DFLAGGED -c flagged.c -o flagged.o"}], out)
    client.open(flagged)
    diags = client.diagnostics(uri_of(flagged), has_check(CHECK), what="finding in flagged.c")
    expect(not any("FLAGGED" in d["message"] for d in diags),
           "compile_commands.json flags were not used: %r" % diags)
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")


def malformed(s):
    """Bad headers, bad JSON, unknown methods: a log line each, and the server keeps going."""
    path = s.write("uam.c", USE_AFTER_MOVE)
    client = s.start()
    client.send_raw(b"Content-Length: twelve\r\n\r\n{\"jsonrpc\":1}")
    client.send_raw(b"this is not a header\r\n\r\n")
    body = b"{not json"
    client.send_raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    client.send({"id": 99, "method": "textDocument/hover", "params": {}})
    early = client.response(99)
    expect(early["error"]["code"] == -32002, "request before initialize: %r" % early)
    client.initialize(s.root)
    body = b"[1, 2, 3]"
    client.send_raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    unknown = client.response(client.request("fearless/noSuchMethod"))
    expect(unknown["error"]["code"] == -32601, "unknown request must be MethodNotFound: %r"
           % unknown)
    client.notify("fearless/noSuchNotification")
    client.change(path, 5, [{"text": "not open yet"}])
    client.open(path)
    client.diagnostics(uri_of(path), has_check(CHECK), what="diagnostics after bad input")
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")
    log = "\n".join(client.stderr_lines)
    for needle in ("Content-Length", "malformed message", "noSuchMethod", "not open"):
        expect(needle in log, "no log line on stderr mentions %r:\n%s" % (needle, log))


def debounce(s):
    """A burst of edits costs one analysis, and the published result is the last edit's."""
    path = s.write("uam.c", CLEAN)
    client = s.start("--debounce=500")
    client.initialize(s.root)
    client.open(path)
    client.diagnostics(uri_of(path), lambda d: d == [], what="the clean file's diagnostics")
    for version in range(2, 22):
        client.change(path, version, [{"text": USE_AFTER_MOVE if version % 2 else CLEAN}])
    # Version 21 has the finding; every earlier one is superseded within the quiet period.
    client.diagnostics(uri_of(path), has_check(CHECK), what="the burst's final state")
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")
    publishes = [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]
    expect(len(publishes) == 2, "20 edits in a burst must give one analysis, got %d publishes"
           % (len(publishes) - 1))


def slow_unit(functions):
    parts = ["#include <stdlib.h>\n"]
    for i in range(functions):
        parts.append("static int f%d(int x) { int y = x * %d; for (int i = 0; i < x; i++) "
                     "{ if (i %% 3) y += i; else y -= x; } return y; }\n" % (i, i))
    return "".join(parts) + USE_AFTER_MOVE.replace("#include <stdlib.h>\n", "")


def slow(s):
    """The editor is answered while a slow TU is analyzed; a stale result is never shown."""
    path = s.write("slow.c", slow_unit(6000))
    client = s.start("--debounce=100")
    client.initialize(s.root)
    client.open(path)
    answer = client.request("fearless/noSuchMethod")  # queued behind nothing: answered now
    client.change(path, 2, [{"text": slow_unit(6000).replace("return p[0];", "return 0;")}])
    client.response(answer)
    early = [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]
    expect(not early, "the request was answered only after an analysis: %r" % early)
    first = client.diagnostics(uri_of(path), timeout=120, what="the slow file's diagnostics")
    expect(not any(d.get("code") == CHECK for d in first),
           "the result for version 1 was published after version 2 replaced it: %r" % first)
    expect(client.shutdown_and_exit(timeout=120) == 0, "exit after shutdown must be status 0")


# A warning clang (and so clangd) gives by default, in a file fearless analyzes cleanly
# apart from the use after move.
WRAP_SOURCE = USE_AFTER_MOVE.replace("    free(p);\n", "    int n;\n    if ((n = 1))\n"
                                     "        n = 2 / 0;\n    free(p);\n")
WRAP_MOVE_LINE = MOVE_LINE + 3


def from_clangd(diags):
    return [d for d in diags if d.get("source") != "fearless"]


def wrap(s):
    """clangd answers the requests; its diagnostics and fearless's arrive merged."""
    path = s.write("both.c", WRAP_SOURCE)
    client = s.start("--wrap=" + s.clangd, "--", "--background-index=false")
    result = client.initialize(s.root)
    expect(result.get("serverInfo", {}).get("name", "").startswith("clangd"),
           "initialize was not answered by clangd: %r" % result.get("serverInfo"))
    client.open(path)
    diags = client.diagnostics(uri_of(path),
                               lambda d: has_check(CHECK)(d) and from_clangd(d),
                               what="clangd's and fearless's diagnostics merged")
    expect(any("division by zero" in d["message"].lower() for d in from_clangd(diags)),
           "clangd's warning is missing: %r" % diags)
    finding = [d for d in diags if d.get("code") == CHECK][0]
    expect(finding["range"]["start"]["line"] == WRAP_MOVE_LINE, "wrong line: %r" % finding)
    hover = client.response(client.request("textDocument/hover", {
        "textDocument": {"uri": uri_of(path)}, "position": {"line": 4, "character": 12}}))
    expect(hover.get("result") and "contents" in hover["result"],
           "hover did not pass through to clangd: %r" % hover)
    # Fixing the use after move leaves clangd's warning alone.
    client.change(path, 2, [{"text": WRAP_SOURCE.replace("return p[0];", "return 0;")}])
    diags = client.diagnostics(uri_of(path),
                               lambda d: not has_check(CHECK)(d) and from_clangd(d),
                               what="clangd's warning alone after the fix")
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")


def wrap_missing(s):
    """No clangd: a clear message, and fearless serves on its own."""
    path = s.write("uam.c", USE_AFTER_MOVE)
    client = s.start("--wrap=" + os.path.join(s.root, "no-such-clangd"))
    result = client.initialize(s.root)
    expect(result["serverInfo"]["name"] == "fearless", "initialize not answered: %r" % result)
    shown = [m for m in client.seen if m.get("method") == "window/showMessage"]
    expect(shown and "no-such-clangd" in shown[0]["params"]["message"],
           "no showMessage names the missing clangd: %r" % shown)
    client.open(path)
    client.diagnostics(uri_of(path), has_check(CHECK), what="fearless's finding without clangd")
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")
    expect(any("cannot start clangd" in line for line in client.stderr_lines),
           "no stderr line says clangd could not start: %r" % client.stderr_lines)


def child_pids(pid):
    children = []
    for task in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/children" % (pid, task)) as listing:
            children += [int(child) for child in listing.read().split()]
    return children


def wrap_crash(s):
    """clangd dies mid-session: a clear message, and fearless's diagnostics keep coming."""
    path = s.write("both.c", WRAP_SOURCE)
    client = s.start("--wrap=" + s.clangd, "--", "--background-index=false")
    client.initialize(s.root)
    client.open(path)
    client.diagnostics(uri_of(path), lambda d: has_check(CHECK)(d) and from_clangd(d),
                       what="merged diagnostics before the crash")
    children = child_pids(client.process.pid)
    expect(len(children) == 1, "expected one clangd child, found %r" % children)
    os.kill(children[0], signal.SIGKILL)
    shown = client.wait_for(lambda m: m.get("method") == "window/showMessage",
                            what="a message saying clangd crashed")
    expect("crashed" in shown["params"]["message"], "unclear message: %r" % shown)
    client.diagnostics(uri_of(path), lambda d: has_check(CHECK)(d) and not from_clangd(d),
                       what="fearless's diagnostics alone after the crash")
    client.change(path, 2, [{"text": WRAP_SOURCE.replace("return p[0];", "return 0;")}])
    client.diagnostics(uri_of(path), lambda d: d == [], what="fearless still analyzing edits")
    client.change(path, 3, [{"text": WRAP_SOURCE}])
    client.diagnostics(uri_of(path), has_check(CHECK), what="fearless's finding again")
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")


def encoding(s):
    """Positions count UTF-16 units by default and bytes when UTF-8 is negotiated."""
    text = USE_AFTER_MOVE.replace("    return p[0];", "    /* \u00e9\u00e9 */ return p[0];")
    path = s.write("wide.c", text)
    byte_column = len("    /* \u00e9\u00e9 */ return ".encode())  # 0-based column of p[0]
    for offered, expected in ((None, byte_column - 2), (["utf-8", "utf-16"], byte_column)):
        client = s.start()
        capabilities = {"general": {"positionEncodings": offered}} if offered else {}
        result = client.initialize(s.root, capabilities)
        negotiated = result["capabilities"].get("positionEncoding", "utf-16")
        expect(negotiated == ("utf-8" if offered else "utf-16"), "negotiated %r" % negotiated)
        client.open(path)
        diags = client.diagnostics(uri_of(path), has_check(CHECK), what="the finding")
        start = [d for d in diags if d["code"] == CHECK][0]["range"]["start"]
        expect(start == {"line": MOVE_LINE, "character": expected},
               "%s: finding at %r, expected character %d" % (negotiated, start, expected))
        expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")


GUARDED = """#include <fearless/mutex.h>

static fl_mutex lock;
static int counter;

static void bump_locked(void) REQUIRES(lock)
{
    counter++;
}

void bump(void)
{
    bump_locked();
}
"""


def clangd_thread_safety(s):
    """docs/clangd-example.yaml as .clangd: clangd reports lock errors on runtime types."""
    source_dir = os.environ["FEARLESS_SOURCE_DIR"]
    shutil.copy(os.path.join(source_dir, "docs", "clangd-example.yaml"),
                os.path.join(s.root, ".clangd"))
    path = s.write("guarded.c", GUARDED)
    with open(os.path.join(s.root, "compile_commands.json"), "w") as out:
        json.dump([{"directory": s.root, "file": "guarded.c",
                    "arguments": ["cc", "-I" + os.path.join(source_dir, "annotations"),
                                  "-I" + os.path.join(source_dir, "include"),
                                  "-c", "guarded.c"]}], out)
    client = s.start("--wrap=" + s.clangd, "--", "--background-index=false")
    client.initialize(s.root)
    client.open(path)
    diags = client.diagnostics(
        uri_of(path), lambda d: any("thread-safety" in str(x.get("code", "")) for x in d),
        what="clangd's -Wthread-safety warning on the call without the lock")
    warning = [d for d in diags if "thread-safety" in str(d.get("code", ""))][0]
    expect(warning["range"]["start"]["line"] == 12 and "lock" in warning["message"],
           "unexpected thread-safety diagnostic: %r" % warning)
    expect(client.shutdown_and_exit() == 0, "exit after shutdown must be status 0")


SCENARIOS = {f.__name__.replace("_", "-"): f
             for f in (basic, malformed, debounce, slow, encoding, wrap, wrap_missing,
                       wrap_crash, clangd_thread_safety)}


def main():
    if len(sys.argv) < 3 or sys.argv[2] not in SCENARIOS:
        sys.exit("usage: test_lsp.py FEARLESS {%s} [CLANGD]" % ",".join(SCENARIOS))
    scenario = Scenario(os.path.abspath(sys.argv[1]),
                        sys.argv[3] if len(sys.argv) > 3 else "clangd-19")
    try:
        SCENARIOS[sys.argv[2]](scenario)
    finally:
        scenario.finish()
    print("ok:", sys.argv[2])


if __name__ == "__main__":
    main()
