// bench-engine: simulated traffic through the switchboard engine in memory (issue 3).
// 500 users, 50 queues; prints complete calls/s, events/s and peak RSS. `make bench` runs it.
import Foundation
import Switchboard
import TelephonySimulator

let start = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000)
let directory = BenchmarkCompany.make(users: 500, queues: 50)
let plain = BenchmarkRun.throughput(directory: directory, start: start, calls: 200_000, encodeJSON: false)
let encoded = BenchmarkRun.throughput(directory: directory, start: start, calls: 50_000, encodeJSON: true)
let concurrent = BenchmarkRun.concurrency(directory: directory, start: start, calls: 10_000)

print("engine: 500 users, 50 queues, one tenant, SwitchboardState driven by SimulatedTelephony")
print(plain.line(label: "engine             "))
print(encoded.line(label: "engine + event JSON"))
print("concurrent calls: \(concurrent.peakConcurrentCalls) in progress at once, \(concurrent.events) events")
print("peak RSS (VmHWM): \(ProcessMemory.peakResidentMegabytes()) MB")
