import Foundation

extension JSONEncoder {
    /// Sorted keys, dates as milliseconds since 1970: how plugin records are stored.
    static var plugin: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }
}

extension JSONDecoder {
    /// The counterpart of `JSONEncoder.plugin`.
    static var plugin: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }
}
