import Foundation

/// Fills the call log: two in three calls arrive at the queues' numbers and the caller hangs
/// up before anyone answers (missed calls; nobody is logged in to the queues); the others
/// call a user directly, who answers, and then end.
enum Seeding {
    static func run(port: UInt16, key: String, numbers: [String], direct: [String], calls: Int) throws {
        let http = try BlockingHTTP(port: port)
        var failed = 0
        for index in 0..<calls {
            let to = index % 3 == 2 ? direct[index % direct.count] : numbers[index % numbers.count]
            let body = "{\"from\":\"+4741\(String(format: "%06d", index))\",\"to\":\"\(to)\"}"
            let arrived = try http.request("POST", "/api/v1/telephony/calls", bearer: key, body: body)
            guard arrived.status == 201, let call = EventGenerator.string("callId", in: arrived.body) else {
                failed += 1
                continue
            }
            if index % 3 == 2 {
                if try http.request("POST", "/api/v1/telephony/legs/\(call).1/answered", bearer: key).status >= 300 { failed += 1 }
            }
            if try http.request("POST", "/api/v1/telephony/legs/\(call).0/hangup", bearer: key).status >= 300 { failed += 1 }
        }
        print("seeded \(calls) calls (\(failed) requests refused)")
    }
}
