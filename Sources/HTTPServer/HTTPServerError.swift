/// Why an ``HTTPServer`` could not start.
///
/// Compare ``code`` against the static codes (`error.code == .addressInUse`); the message says
/// what happened in words a person can act on.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case invalidConfiguration
            case addressInUse
            case permissionDenied
            case socketFailed
            case daemonFailed
            case alreadyStarted
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// A configuration value is unusable (e.g. a host that is not a numeric address).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// Another socket already listens on the address and port.
        public static let addressInUse = Code(.addressInUse)
        /// The process may not bind the port (e.g. below 1024 without privilege).
        public static let permissionDenied = Code(.permissionDenied)
        /// Creating, binding or listening on the socket failed for another reason.
        public static let socketFailed = Code(.socketFailed)
        /// libmicrohttpd refused to start on the bound socket.
        public static let daemonFailed = Code(.daemonFailed)
        /// ``HTTPServer/start()`` was called on a server that had already been started.
        public static let alreadyStarted = Code(.alreadyStarted)

        /// The code's name.
        public var description: String {
            String(describing: kind)
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, including the address and the system's reason where there is one.
    public var message: String
    /// The `errno` value behind the failure, if a system call failed.
    public var systemErrorNumber: Int32?

    /// Creates an error.
    public init(code: Code, message: String, systemErrorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.systemErrorNumber = systemErrorNumber
    }

    /// The code and the message.
    public var description: String {
        "HTTPServerError.\(code): \(message)"
    }
}
