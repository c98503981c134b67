import Dispatch
import Foundation

/// The receiver process (``ReceiverScript``) on loopback: started with the secrets it checks,
/// it prints its port first and then one line per request; stopped by terminating that one
/// process by its id.
final class LocalReceiver: @unchecked Sendable {
    /// What the receiver saw of one request.
    struct Delivery: Decodable {
        var path: String
        var id: String
        var timestamp: String
        var signatures: [String]
        var verified: [Bool]
        var skew: Double?
        var contentType: String?
        var body: [String: JSONAny]?
    }

    /// Any JSON value, compared as text; enough to check a body's fields.
    enum JSONAny: Decodable, Equatable {
        case string(String), number(Double), bool(Bool), object([String: JSONAny]), array([JSONAny]), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONAny].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONAny].self)) }
        }
    }

    private let process = Process()
    private let output = Pipe()
    private var buffered = Data()
    /// The port it listens on (127.0.0.1 only).
    private(set) var port = 0

    /// Starts a receiver that verifies signatures against `secrets` (each `whsec_…`).
    init(secrets: [String]) async throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-u", "-c", ReceiverScript.text] + secrets
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = await nextLine(), let port = Int(line) else {
            stop()
            throw ReceiverError(message: "the receiver did not print its port")
        }
        self.port = port
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The next request the receiver recorded, waiting for it.
    func nextDelivery() async throws -> Delivery {
        guard let line = await nextLine() else { throw ReceiverError(message: "the receiver ended its output") }
        return try JSONDecoder().decode(Delivery.self, from: Data(line.utf8))
    }

    /// The next line the receiver printed, read off Swift's cooperative pool.
    private func nextLine() async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.readLine()) }
        }
    }

    private func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffered[buffered.startIndex..<newline]
                buffered = Data(buffered[buffered.index(after: newline)...])
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            buffered.append(chunk)
        }
    }

    /// Terminates the receiver and waits, off the cooperative pool, until it has exited (so
    /// its port is closed).
    func stopAndWait() async {
        stop()
        let process = self.process
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Terminates the receiver (only it, by its process id); it is reaped off the
    /// cooperative pool.
    func stop() {
        if process.isRunning {
            process.terminate()
        }
        let process = self.process
        DispatchQueue.global().async { process.waitUntilExit() }
    }

    struct ReceiverError: Error {
        let message: String
    }
}
