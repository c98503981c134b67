import Foundation
public import PluginKit

/// Where the HTTP server listens: a numeric IPv4 or IPv6 address (or `localhost`, read as
/// 127.0.0.1) and a TCP port.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// Numeric address; IPv6 addresses without brackets.
    public var host: String
    /// Port, 0…65535; 0 asks the system for a free port.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` or `[IPV6]:PORT`.
    public init(parsing text: String) throws(ConfigValueError) {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ConfigValueError("expected [IPV6]:PORT, found \"\(text)\"")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else {
                throw ConfigValueError("expected HOST:PORT (e.g. 127.0.0.1:8080), found \"\(text)\"")
            }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw ConfigValueError("expected a host before the port in \"\(text)\"") }
        guard !portPart.isEmpty, portPart.allSatisfy(\.isASCII), portPart.allSatisfy(\.isNumber), let port = Int(portPart) else {
            throw ConfigValueError("expected a port number after the host in \"\(text)\"")
        }
        guard (0...65535).contains(port) else { throw ConfigValueError("port \(port) is out of range 0…65535") }
        let host = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        guard Self.isNumericAddress(host) else {
            throw ConfigValueError("expected a numeric IP address or localhost as host, found \"\(hostPart)\"")
        }
        self.host = host
        self.port = port
    }

    private static func isNumericAddress(_ host: String) -> Bool {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        return inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
