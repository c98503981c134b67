// bench-delivery: plugin delivery through the plugin host to a webhook receiver on
// 127.0.0.1 (our HTTP server): backlog throughput beside the same signed POSTs sent straight
// through libcurl (the reference), and command → plugin latency at 1,000 commands/s.
import Foundation
import Gateway

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-delivery-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: directory) }
var settings = StorageConfiguration()
settings.dataDirectory = directory
let storage = try await GatewayStorage.open(settings)
let receiver = try Receiver()

let direct = try await DeliveryBench.directPosts(3000, to: receiver.url)
print(String(format: "reference: signed POSTs straight through libcurl, one at a time: %.0f/s", direct))
let backlog = try await DeliveryBench.backlog(5000, storage: storage, receiver: receiver)
print(String(format: "plugin host + webhook plugin, 5,000-event backlog: %.0f events/s", backlog))
let latencies = try await DeliveryBench.commandLatency(commands: 3000, rate: 1000, storage: storage, receiver: receiver)
func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
print(String(format: "command → webhook receiver at 1,000 commands/s (%d commands): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, over 10 ms: %d",
             latencies.count, percentile(0.5), percentile(0.9), percentile(0.99), latencies.last ?? 0, latencies.filter { $0 > 10 }.count))
await receiver.stop()
