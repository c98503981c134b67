import Foundation
import HTTPClient
import PluginKit

/// The echo server's JSON reply: what it received.
struct EchoReply: Decodable {
    let method: String
    let path: String
    let headers: [[String]]
    let body: String
    let awsSignatureValid: Bool?

    init(_ response: HTTPClientResponse) throws {
        self = try JSONDecoder().decode(EchoReply.self, from: Data(response.body))
    }

    /// The first received value of header `name`, any case.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    /// The received body bytes.
    var bodyBytes: [UInt8] { Array(Data(base64Encoded: body) ?? Data()) }
}
