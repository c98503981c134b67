import PluginKit
import Foundation

/// `sentralbord simulate --rate N --url URL --key KEY`: drives a running gateway through its
/// telephony API with simulated traffic (calls arriving, phones answering, callers hanging
/// up) until Ctrl-C or `--duration` seconds, printing counts every five seconds.
struct SimulateCommand: Command {
    static let interface = CommandInterface(
        path: ["simulate"],
        summary: "Drive a running gateway with simulated telephone traffic through its API.",
        options: [
            .init("rate", valueName: "N", help: "New calls per second (decimals allowed); default 1."),
            .init("url", valueName: "URL", help: "The gateway's base URL; default http://127.0.0.1:8080."),
            .init("key", valueName: "KEY", help: "An API key with the telephony scope (or set SENTRALBORD_API_KEY)."),
            .init("to", valueName: "NUMBERS", help: "Comma-separated numbers to call; default: the queues' main numbers (needs the read scope too)."),
            .init("answer-percent", valueName: "P", help: "Chance that a ringing phone answers, 0–100; default 85."),
            .init("duration", valueName: "SECONDS", help: "Stop after this long; default: run until Ctrl-C."),
        ])

    let rate: Double
    let url: String
    let key: String
    let numbers: [String]
    let answerPercent: Int
    let duration: Int?

    init(arguments: ParsedArguments) throws(UsageError) {
        let usage = Self.interface.usage
        guard let rate = Double(arguments.option("rate") ?? "1"), rate > 0, rate <= 10_000 else {
            throw UsageError("--rate must be a number of calls per second above 0 and at most 10000", usage: usage)
        }
        guard let key = arguments.option("key") ?? ProcessInfo.processInfo.environment["SENTRALBORD_API_KEY"], !key.isEmpty else {
            throw UsageError("give an API key with --key or SENTRALBORD_API_KEY", usage: usage)
        }
        let url = arguments.option("url") ?? "http://127.0.0.1:8080"
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw UsageError("--url must start with http:// or https://", usage: usage) }
        guard let answer = Int(arguments.option("answer-percent") ?? "85"), (0...100).contains(answer) else {
            throw UsageError("--answer-percent must be 0 to 100", usage: usage)
        }
        if let text = arguments.option("duration") {
            guard let seconds = Int(text), seconds > 0 else { throw UsageError("--duration must be a positive number of seconds", usage: usage) }
            duration = seconds
        } else {
            duration = nil
        }
        self.rate = rate
        self.url = url
        self.key = key
        answerPercent = answer
        numbers = (arguments.option("to") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run(console: Console) async -> ExitCode {
        var driver = TelephonyLoadDriver(baseURL: url, key: key, callsPerSecond: rate, answerPercent: answerPercent, numbers: numbers)
        if numbers.isEmpty {
            do {
                let found = try await driver.queueNumbers()
                guard !found.isEmpty else {
                    console.err("error: the company has no queues; give numbers with --to\n")
                    return .usage
                }
                driver = TelephonyLoadDriver(baseURL: url, key: key, callsPerSecond: rate, answerPercent: answerPercent, numbers: found)
            } catch {
                console.err("error: cannot read the queues (\(error)); give numbers with --to\n")
                return .unavailable
            }
        }
        console.err("simulating \(rate) calls/s against \(url); Ctrl-C stops\n")
        let running = Task { [driver] in await driver.run() }
        let reporter = Task { [driver] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                if Task.isCancelled { return }
                let counts = driver.snapshot
                console.out("calls \(counts.callsStarted)  answered \(counts.answered)  hung up \(counts.hungUp)  events \(counts.events)  errors \(counts.errors)\n")
            }
        }
        if let duration {
            try? await Task.sleep(for: .seconds(duration))
        } else {
            _ = await ShutdownSignal.wait()
        }
        running.cancel()
        reporter.cancel()
        let counts = driver.snapshot
        console.out("done: calls \(counts.callsStarted)  answered \(counts.answered)  hung up \(counts.hungUp)  events \(counts.events)  errors \(counts.errors)\n")
        return counts.callsStarted > 0 ? .success : .failure
    }
}
