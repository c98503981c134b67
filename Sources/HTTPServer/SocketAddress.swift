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
    // A stack buffer: this runs for every request, and a heap array of NI_MAXHOST bytes
    // copied once more into the string cost a percent of a kept answer.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(NI_MAXHOST)) { host -> String? in
        guard getnameinfo(address, length, host.baseAddress, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else {
            return nil
        }
        return String(cString: host.baseAddress!)
    }
}
