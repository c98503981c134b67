import Glibc

/// A TCP socket bound and listening before libmicrohttpd takes it over, so that a failure to
/// bind is reported with its reason and an ephemeral port can be read back.
struct ListeningSocket: Sendable {
    let descriptor: Int32
    let port: Int
    let isIPv6: Bool

    /// Binds `host` (numeric IPv4 or IPv6) and `port` and starts listening.
    static func open(host: String, port: Int) throws(HTTPServerError) -> ListeningSocket {
        guard (0...65535).contains(port) else {
            throw HTTPServerError(code: .invalidConfiguration, message: "port \(port) is not within 0...65535")
        }
        var storage = sockaddr_storage()
        let length: socklen_t
        let isIPv6: Bool
        if let address = ipv4Address(host, port: port) {
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: address, as: sockaddr_in.self) }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            isIPv6 = false
        } else if let address = ipv6Address(host, port: port) {
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: address, as: sockaddr_in6.self) }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            isIPv6 = true
        } else {
            throw HTTPServerError(
                code: .invalidConfiguration, message: "host \"\(host)\" is not a numeric IPv4 or IPv6 address")
        }
        let endpoint = isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"

        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw systemError(.socketFailed, "cannot create a socket for \(endpoint)")
        }
        // Lets a restarted gateway bind while old connections linger in TIME_WAIT; on Linux it
        // does not let two listeners share the port.
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let error = systemError(bindCode(errno), "cannot bind \(endpoint)")
            Glibc.close(descriptor)
            throw error
        }
        guard listen(descriptor, SOMAXCONN) == 0 else {
            let error = systemError(.socketFailed, "cannot listen on \(endpoint)")
            Glibc.close(descriptor)
            throw error
        }
        var boundLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &boundLength) }
        }
        guard named == 0 else {
            let error = systemError(.socketFailed, "cannot read the bound port of \(endpoint)")
            Glibc.close(descriptor)
            throw error
        }
        let boundPort = withUnsafeBytes(of: &storage) { raw in
            isIPv6 ? raw.load(as: sockaddr_in6.self).sin6_port : raw.load(as: sockaddr_in.self).sin_port
        }
        return ListeningSocket(descriptor: descriptor, port: Int(UInt16(bigEndian: boundPort)), isIPv6: isIPv6)
    }

    /// Makes the kernel refuse new connections at once, while the descriptor stays valid for
    /// daemon threads that may still poll it.
    func refuseConnections() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Closes the descriptor; only after the daemon has stopped.
    func close() {
        Glibc.close(descriptor)
    }

    private static func ipv4Address(_ host: String, port: Int) -> sockaddr_in? {
        var address = sockaddr_in()
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            return nil
        }
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    private static func ipv6Address(_ host: String, port: Int) -> sockaddr_in6? {
        var address = sockaddr_in6()
        guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
            return nil
        }
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = UInt16(port).bigEndian
        return address
    }

    private static func bindCode(_ number: Int32) -> HTTPServerError.Code {
        switch number {
        case EADDRINUSE:
            .addressInUse
        case EACCES:
            .permissionDenied
        default:
            .socketFailed
        }
    }

    private static func systemError(_ code: HTTPServerError.Code, _ message: String) -> HTTPServerError {
        let number = errno
        return HTTPServerError(
            code: code, message: "\(message): \(String(cString: strerror(number)))", systemErrorNumber: number)
    }
}
