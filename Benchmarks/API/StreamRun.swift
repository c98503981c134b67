import Foundation

/// The stream benchmark: `clients` SSE clients connected, events made at `rate` per second
/// for `seconds`, then latency from the producing request's send time (and from the event's
/// `occurredAt`) to each client's read, over every client and event.
enum StreamRun {
    /// Threads reading the clients' sockets, each a share of them (clients on separate
    /// machines would read in parallel too; one thread alone lagged behind the gateway).
    static let clientThreads = 2

    static func run(
        port: UInt16, readKey: String, telephonyKey: String, numbers: [String], clients count: Int, rate: Double,
        seconds: Double, pid: String
    ) {
        let groups = (0..<clientThreads).map { StreamClients(port: port, bearer: readKey, samplesOccurredAt: $0 == 0) }
        let connectStart = now()
        for (index, group) in groups.enumerated() {
            group.connect(count: count / clientThreads + (index < count % clientThreads ? 1 : 0), timeout: 30)
        }
        let connectSeconds = Double(now() - connectStart) / 1e9
        let connected = groups.reduce(0) { $0 + $1.connectedCount }
        print(String(format: "stream: %d of %d clients connected in %.1f s (%d failed), read by %d threads", connected, count, connectSeconds,
                     groups.reduce(0) { $0 + $1.failures }, clientThreads))
        let rssConnected = memory(pid: pid)
        let generator = EventGenerator(port: port, key: telephonyKey, numbers: numbers, rate: rate, seconds: seconds)
        let cpuBefore = (gateway: cpuSeconds(pid: pid), clients: cpuSeconds(pid: "self"))
        let start = now()
        generator.start()
        // Keep reading a second after the last command, so its events can arrive.
        let readers = DispatchGroup()
        for group in groups {
            readers.enter()
            Thread {
                group.run(until: start + Int64((seconds + 1) * 1e9))
                readers.leave()
            }.start()
        }
        readers.wait()
        generator.wait()
        let rssEnd = memory(pid: pid)
        let elapsed = Double(now() - start) / 1e9
        let cpu = (gateway: cpuSeconds(pid: pid) - cpuBefore.gateway, clients: cpuSeconds(pid: "self") - cpuBefore.clients)
        if let error = generator.error { print("stream: generator failed: \(error)") }

        let arrivals = groups.flatMap(\.arrivals)
        let sentAt = generator.sentAt
        let seqs = Set(arrivals.map(\.seq))
        var fromRequest: [Double] = []
        var fromOccurred: [Double] = []
        fromRequest.reserveCapacity(arrivals.count)
        fromOccurred.reserveCapacity(arrivals.count)
        for arrival in arrivals {
            if let sent = sentAt[arrival.seq] { fromRequest.append(Double(arrival.receivedAt - sent) / 1e6) }
            if arrival.occurredAt > 0 { fromOccurred.append(Double(arrival.receivedAt / 1_000_000 - arrival.occurredAt)) }
        }
        fromRequest.sort()
        fromOccurred.sort()
        // Per event: when the first client read it, and how long until the last one did.
        var firstLast: [Int64: (first: Int64, last: Int64)] = [:]
        for arrival in arrivals {
            let known = firstLast[arrival.seq] ?? (arrival.receivedAt, arrival.receivedAt)
            firstLast[arrival.seq] = (min(known.first, arrival.receivedAt), max(known.last, arrival.receivedAt))
        }
        let toFirst = firstLast.compactMap { seq, times in sentAt[seq].map { Double(times.first - $0) / 1e6 } }.sorted()
        let spread = firstLast.values.map { Double($0.last - $0.first) / 1e6 }.sorted()
        let produced = Set(sentAt.keys)
        print("stream: commands' events \(produced.count) (seq \(produced.min() ?? 0)…\(produced.max() ?? 0)), streamed \(seqs.count) (seq \(seqs.min() ?? 0)…\(seqs.max() ?? 0)), of the commands' events streamed \(produced.intersection(seqs).count)")
        let fewest = groups.map(\.eventsPerClient.min).min() ?? 0
        let most = groups.map(\.eventsPerClient.max).max() ?? 0
        print(String(format: "stream: %d commands (%d refused), %d events in %.0f s = %.0f events/s; %d deliveries; events per client %d…%d; %d clients lost",
                     generator.commands, generator.refused, seqs.count, seconds, Double(seqs.count) / seconds, arrivals.count, fewest, most,
                     count - groups.reduce(0) { $0 + $1.connectedCount }))
        print("stream: request sent → answer read by the generator (ms): " + summary(generator.answerTimes.sorted()))
        print("stream: request sent → client read (ms): " + summary(fromRequest))
        print("stream: request sent → first client's read (ms): " + summary(toFirst))
        print("stream: first client's read → last client's read, per event (ms): " + summary(spread))
        print("stream: occurredAt → client read (ms, whole ms; \(StreamClients.occurredAtSample) clients): " + summary(fromOccurred))
        print(String(format: "stream: CPU over the %.1f s: gateway %.1f s, clients and generator %.1f s (%d cores)", elapsed, cpu.gateway, cpu.clients,
                     ProcessInfo.processInfo.activeProcessorCount))
        print("stream: gateway memory: VmRSS \(rssConnected.rss) MB with clients connected, \(rssEnd.rss) MB at the end, VmHWM \(rssEnd.hwm) MB")
    }

    private static func summary(_ sorted: [Double]) -> String {
        guard !sorted.isEmpty else { return "no samples" }
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return String(format: "p50 %.2f, p90 %.2f, p99 %.2f, max %.2f (%d samples)", percentile(0.5), percentile(0.9), percentile(0.99),
                      sorted.last!, sorted.count)
    }

    /// User and system CPU time of process `pid` (or `self`) so far, in seconds.
    private static func cpuSeconds(pid: String) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return 0 }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// VmRSS and VmHWM of process `pid`, in MB.
    private static func memory(pid: String) -> (rss: Int, hwm: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (-1, -1) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
                  let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return -1 }
            return kilobytes / 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }
}
