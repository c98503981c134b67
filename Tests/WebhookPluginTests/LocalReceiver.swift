import Foundation
import PeerSupport

/// The receiver process (``ReceiverScript``) on loopback: started with the secrets it checks,
/// it prints its port first and then one line per request; stopped by terminating that one
/// process by its id.
final class LocalReceiver: Sendable {
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

    private let peer: LocalPeer

    /// The port it listens on (127.0.0.1 only).
    var port: Int { peer.port }

    /// Starts a receiver that verifies signatures against `secrets` (each `whsec_…`).
    init(secrets: [String]) async throws {
        peer = try await LocalPeer(script: ReceiverScript.text, arguments: secrets)
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The next request the receiver recorded, waiting for it.
    func nextDelivery() async throws -> Delivery {
        guard let line = await peer.nextLine() else { throw ReceiverError(message: "the receiver ended its output") }
        return try JSONDecoder().decode(Delivery.self, from: Data(line.utf8))
    }

    /// Terminates the receiver and waits until it has exited (its port is closed).
    func stopAndWait() async { await peer.stopAndWait() }

    /// Terminates the receiver (only it, by its process id).
    func stop() { peer.stop() }

    struct ReceiverError: Error {
        let message: String
    }
}
