import Foundation
import Glibc

/// Makes switchboard events at a steady rate through the telephony API: calls arrive at the
/// queues' numbers and, about twenty calls later, the caller hangs up before being answered
/// (a missed call). Commands are paced by the events they produced, so the events of its
/// commands come at `rate` per second. Runs on its own thread with one keep-alive connection.
final class EventGenerator: @unchecked Sendable {
    private let port: UInt16
    private let key: String
    private let numbers: [String]
    private let rate: Double
    private let seconds: Double
    /// When each event of a command's response was produced: the time its request was sent
    /// (ns since 1970), by seq. Read after ``run()`` has returned.
    private(set) var sentAt: [Int64: Int64] = [:]
    /// Each command's time from sending the request to reading the answer, in milliseconds.
    private(set) var answerTimes: [Double] = []
    private(set) var commands = 0
    private(set) var refused = 0
    private(set) var error: String?
    private let done = DispatchSemaphore(value: 0)

    init(port: UInt16, key: String, numbers: [String], rate: Double, seconds: Double) {
        self.port = port
        self.key = key
        self.numbers = numbers
        self.rate = rate
        self.seconds = seconds
    }

    /// Starts the generator's thread.
    func start() {
        Thread { [self] in
            run()
            done.signal()
        }.start()
    }

    /// Waits until the generator has finished.
    func wait() { done.wait() }

    private func run() {
        do {
            let http = try BlockingHTTP(port: port)
            let start = now()
            let end = start + Int64(seconds * 1e9)
            var produced = 0
            var waiting: [String] = []
            var caller = 0
            while true {
                let due = start + Int64(Double(produced) / rate * 1e9)
                guard due < end else { break }
                let wait = due - now()
                if wait > 0 { usleep(UInt32(wait / 1000)) }
                let sent = now()
                let response: (status: Int, body: [UInt8])
                if waiting.count >= 20 {
                    response = try http.request("POST", "/api/v1/telephony/legs/\(waiting.removeFirst()).0/hangup", bearer: key)
                } else {
                    caller += 1
                    let body = "{\"from\":\"+479\(String(format: "%07d", caller % 10_000_000))\",\"to\":\"\(numbers[caller % numbers.count])\"}"
                    response = try http.request("POST", "/api/v1/telephony/calls", bearer: key, body: body)
                    if let call = Self.string("callId", in: response.body) { waiting.append(call) }
                }
                answerTimes.append(Double(now() - sent) / 1e6)
                commands += 1
                if response.status >= 300 { refused += 1 }
                let seqs = Self.seqs(in: response.body)
                for seq in seqs { sentAt[seq] = sent }
                // A refused command still counts as one event, so the pace cannot run away.
                produced += max(1, seqs.count)
            }
        } catch {
            self.error = "\(error)"
        }
    }

    /// Every `"seq":N` in a JSON body.
    static func seqs(in body: [UInt8]) -> [Int64] {
        let key = Array("\"seq\":".utf8)
        var found: [Int64] = []
        var index = 0
        while index + key.count < body.count {
            if body[index] == key[0], body[index..<index + key.count].elementsEqual(key) {
                index += key.count
                var value: Int64 = 0
                while index < body.count, body[index] >= 48, body[index] <= 57 {
                    value = value * 10 + Int64(body[index] - 48)
                    index += 1
                }
                found.append(value)
            } else {
                index += 1
            }
        }
        return found
    }

    /// The string value of the first `"name":"…"` in a JSON body.
    static func string(_ name: String, in body: [UInt8]) -> String? {
        guard let start = BlockingHTTP.find(Array("\"\(name)\":\"".utf8), in: body) else { return nil }
        let from = start + name.utf8.count + 4
        guard let end = body[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: body[from..<end], as: UTF8.self)
    }
}
