import Foundation

/// Example plugin executables the exec tests run, written to a temporary folder as files with
/// the executable bit set. Each is a few lines of Python reading events from stdin.
enum PluginScripts {
    /// Acknowledges every event; with an argument, appends each event's id to that file. Says
    /// so on stderr if a SIGTERM ends it.
    static let acknowledger = """
        #!/usr/bin/python3 -u
        import json, signal, sys
        def terminated(number, frame):
            print("got SIGTERM", file=sys.stderr, flush=True)
            sys.exit(0)
        signal.signal(signal.SIGTERM, terminated)
        print("acknowledger ready", file=sys.stderr, flush=True)
        record = open(sys.argv[1], "a") if len(sys.argv) > 1 else None
        for line in sys.stdin:
            event = json.loads(line)
            if record:
                record.write(event["id"] + "\\n")
                record.flush()
            print(json.dumps({"id": event["id"], "ok": True}), flush=True)
        """

    /// Refuses each event, with `retry` from the event's `data.retry` (left out when absent).
    static let refuser = """
        #!/usr/bin/python3 -u
        import json, sys
        for line in sys.stdin:
            event = json.loads(line)
            ack = {"id": event["id"], "ok": False, "error": "CRM said no to " + event["id"]}
            if "retry" in event["data"]:
                ack["retry"] = event["data"]["retry"]
            print(json.dumps(ack), flush=True)
        """

    /// Answers with a line that is no acknowledgement.
    static let babbler = """
        #!/usr/bin/python3 -u
        import sys
        for line in sys.stdin:
            print("hello, I am not JSON", flush=True)
        """

    /// Reads one event and exits with status 4 without answering.
    static let dropper = """
        #!/usr/bin/python3 -u
        import sys
        sys.stdin.readline()
        sys.exit(4)
        """

    /// Acknowledges with the wrong id.
    static let confused = """
        #!/usr/bin/python3 -u
        import json, sys
        for line in sys.stdin:
            print(json.dumps({"id": "someone-else", "ok": True}), flush=True)
        """

    /// Acknowledges the number of events given as its argument, then exits with status 3.
    static let quitter = """
        #!/usr/bin/python3 -u
        import json, sys
        for count, line in enumerate(sys.stdin, start=1):
            print(json.dumps({"id": json.loads(line)["id"], "ok": True}), flush=True)
            if count == int(sys.argv[1]):
                sys.exit(3)
        """

    /// Acknowledges events, except one whose data has `"hang": true`: then it starts
    /// `sleep 3600`, tells its pid on stderr, and waits for it (so killing only this process
    /// would leave the sleeper running).
    static let hanger = """
        #!/usr/bin/python3 -u
        import json, subprocess, sys
        for line in sys.stdin:
            event = json.loads(line)
            if event["data"].get("hang"):
                sleeper = subprocess.Popen(["sleep", "3600"])
                print("sleeper pid", sleeper.pid, file=sys.stderr, flush=True)
                sleeper.wait()
            print(json.dumps({"id": event["id"], "ok": True}), flush=True)
        """

    /// Acknowledges the number of events given as its argument, then reads and never answers.
    static let tiring = """
        #!/usr/bin/python3 -u
        import json, sys, time
        for count, line in enumerate(sys.stdin, start=1):
            if count > int(sys.argv[1]):
                time.sleep(3600)
            print(json.dumps({"id": json.loads(line)["id"], "ok": True}), flush=True)
        """

    /// Acknowledges events and keeps running after its stdin closes, until a signal ends it;
    /// a SIGTERM is told on stderr.
    static let lingerer = """
        #!/usr/bin/python3 -u
        import json, signal, sys, time
        def terminated(number, frame):
            print("got SIGTERM", file=sys.stderr, flush=True)
            sys.exit(0)
        signal.signal(signal.SIGTERM, terminated)
        for line in sys.stdin:
            print(json.dumps({"id": json.loads(line)["id"], "ok": True}), flush=True)
        time.sleep(3600)
        """

    /// Takes 50 ms over each event, then records its id in the file given as its argument —
    /// with ` overlap` when the next event is already waiting, i.e. the plugin did not wait
    /// for the acknowledgement — and acknowledges. Reads the descriptor itself, byte by byte,
    /// so no buffer hides waiting input from select(2).
    static let overlapChecker = """
        #!/usr/bin/python3 -u
        import json, os, select, sys, time
        record = open(sys.argv[1], "a")
        def read_line():
            line = b""
            while not line.endswith(b"\\n"):
                byte = os.read(0, 1)
                if not byte:
                    return None
                line += byte
            return line
        while True:
            line = read_line()
            if line is None:
                break
            event = json.loads(line)
            time.sleep(0.05)
            waiting, _, _ = select.select([0], [], [], 0)
            record.write(event["id"] + (" overlap" if waiting else "") + "\\n")
            record.flush()
            print(json.dumps({"id": event["id"], "ok": True}), flush=True)
        """

    /// Prints what its environment holds of the given names on stderr, then acknowledges.
    static let environmentReporter = """
        #!/usr/bin/python3 -u
        import json, os, sys
        for name in sys.argv[1:]:
            print(name + "=" + os.environ.get(name, "<unset>"), file=sys.stderr, flush=True)
        for line in sys.stdin:
            print(json.dumps({"id": json.loads(line)["id"], "ok": True}), flush=True)
        """

    /// The path of `text` installed once for the whole test run. Tests start processes in
    /// parallel, and a process forked while a script is being written holds the file open for
    /// writing until it execs, so running that script then fails with ETXTBSY; writing every
    /// script once, before the tests that run them, keeps that race out of the tests.
    static func installed(_ text: String) -> String {
        guard let path = shared[text] else { preconditionFailure("not one of PluginScripts' scripts") }
        return path
    }

    private static let shared: [String: String] = {
        let scripts = [acknowledger, refuser, babbler, dropper, confused, quitter, hanger, tiring, lingerer, overlapChecker, environmentReporter]
        return Dictionary(uniqueKeysWithValues: scripts.map { ($0, try! install($0)) })
    }()

    /// Writes `text` as an executable file in a fresh temporary folder and returns its path.
    static func install(_ text: String, name: String = "plugin") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exec-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}
