import CShims
import Glibc

/// The numeric host (IPv4 dotted or IPv6) of a socket address, or `nil` if it has none.
func numericHost(of address: UnsafePointer<sockaddr>) -> String? {
    let length: socklen_t
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        length = socklen_t(MemoryLayout<sockaddr_in>.size)
    case AF_INET6:
        length = socklen_t(MemoryLayout<sockaddr_in6>.size)
    default:
        return nil
    }
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else {
        return nil
    }
    return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
