// bench-api: the client side of the API benchmark (tools/bench-api runs it beside wrk and
// nginx). `seed` fills a fresh gateway's call log through the telephony API; `stream`
// connects many SSE clients to GET /api/v1/events while the telephony API makes events at a
// steady rate, and prints event → client latency and the gateway's memory.
//
//   bench-api seed --port P --telephony-key K --numbers +47…,+47… --direct +47… --calls N
//   bench-api stream --port P --read-key K --telephony-key K --numbers … --clients N
//       --rate EVENTS_PER_S --seconds S --pid GATEWAY_PID
import Foundation
import Glibc

var options: [String: String] = [:]
let arguments = Array(CommandLine.arguments.dropFirst())
var position = 1
while position + 1 < arguments.count {
    options[String(arguments[position].drop { $0 == "-" })] = arguments[position + 1]
    position += 2
}
@MainActor func option(_ name: String) -> String {
    guard let value = options[name] else {
        FileHandle.standardError.write(Data("bench-api: --\(name) is required\n".utf8))
        exit(2)
    }
    return value
}
let port = UInt16(option("port"))!
let numbers = option("numbers").split(separator: ",").map(String.init)

switch arguments.first {
case "seed":
    try Seeding.run(port: port, key: option("telephony-key"), numbers: numbers, direct: option("direct").split(separator: ",").map(String.init), calls: Int(option("calls"))!)
case "stream":
    StreamRun.run(
        port: port, readKey: option("read-key"), telephonyKey: option("telephony-key"), numbers: numbers,
        clients: Int(option("clients"))!, rate: Double(option("rate"))!, seconds: Double(option("seconds"))!,
        pid: option("pid"))
default:
    FileHandle.standardError.write(Data("usage: bench-api seed|stream --port P …\n".utf8))
    exit(2)
}
