import PluginKit
import Foundation

/// How a request's head says its body is framed, and whether that is ambiguous. A proxy in
/// front of the server and the server itself must agree where a request ends, or the bytes
/// after it can be read as a second request (request smuggling). So, as RFC 9112 §6.3 asks,
/// a head with two different `Content-Length` values, a `Content-Length` that is no number,
/// a `Content-Length` beside `Transfer-Encoding`, or a transfer coding other than `chunked`
/// is refused with 400 and the connection closed.
struct RequestFraming: Sendable, Equatable {
    /// The declared body length, when `Content-Length` gives one.
    let contentLength: Int?
    /// Whether the body is sent chunked.
    let isChunked: Bool
    /// Why the framing is refused, or nil when it is unambiguous.
    let problem: String?

    /// Reads the framing of a request with `headers`. A head without `Content-Length` and
    /// `Transfer-Encoding` (every GET) costs one look at each field name's length.
    init(_ headers: HTTPHeaders) {
        var lengths: [String] = []
        var codings: [String] = []
        for field in headers {
            switch field.name.utf8.count {
            case 14 where Self.isNamed(field.name, "content-length"): lengths.append(field.value)
            case 17 where Self.isNamed(field.name, "transfer-encoding"): codings.append(field.value)
            default: continue
            }
        }
        guard !lengths.isEmpty || !codings.isEmpty else {
            self.init(contentLength: nil, isChunked: false, problem: nil)
            return
        }
        let values = lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = values.map { text in text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ? Int(text) : nil }
        let problem: String?
        if numbers.contains(where: { $0 == nil }) {
            problem = "Content-Length must be a number of bytes."
        } else if Set(numbers).count > 1 {
            problem = "The request has Content-Length headers with different values; send one."
        } else if !values.isEmpty && !codings.isEmpty {
            problem = "The request has both Content-Length and Transfer-Encoding; send one of them."
        } else if !codings.isEmpty && codings.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) != ["chunked"] {
            problem = "Transfer-Encoding may only be chunked."
        } else {
            problem = nil
        }
        self.init(contentLength: numbers.first ?? nil, isChunked: !codings.isEmpty, problem: problem)
    }

    private init(contentLength: Int?, isChunked: Bool, problem: String?) {
        self.contentLength = contentLength
        self.isChunked = isChunked
        self.problem = problem
    }

    /// Whether `name` is `lowercased`, ASCII case-insensitively (same lengths assumed).
    private static func isNamed(_ name: String, _ lowercased: StaticString) -> Bool {
        var expected = lowercased.utf8Start
        for byte in name.utf8 {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            guard lower == expected.pointee else { return false }
            expected += 1
        }
        return true
    }

    /// Whether the request has a body to read.
    var hasBody: Bool { isChunked || (contentLength ?? 0) > 0 }
}
