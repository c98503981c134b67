public import Foundation

extension SwitchboardEvent {
    /// The event as compact JSON with sorted keys: the same event always gives the same bytes.
    public func jsonData() throws -> Data {
        try EventJSON.encoder.encode(self)
    }

    /// Decodes an event from the JSON `jsonData()` writes.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(SwitchboardEvent.self, from: jsonData)
    }
}

private enum EventJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
