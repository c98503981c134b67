import CMicroHTTPD
import CShims
import Glibc
import Synchronization

/// The embedded HTTP server: libmicrohttpd with an internal pool of poll(2) threads in front of
/// an async ``HTTPResponder``. It accepts as many connections as the process's open-file
/// limit (`ulimit -n`) leaves room for, less ``reservedDescriptors``.
///
/// Every request's body is read in full (up to
/// ``HTTPServerConfiguration/maxRequestBodyBytes``, beyond which it is answered 413), then the
/// connection is suspended and the responder runs in a task, so no server thread ever waits
/// for a handler. Errors the responder throws become `application/problem+json` responses (see
/// ``HTTPResponse/problem(for:instance:)``). The server does not log; it reports each finished
/// request to the access log hook.
///
/// Lifecycle: ``start()`` once, then ``shutdown()`` once; a server cannot be restarted. A
/// server released while running stops at once, without a grace period.
public final class HTTPServer: Sendable {
    private enum Lifecycle {
        case idle
        case running(Daemon)
        case stopping
        case stopped
    }

    /// A running daemon and what it owns.
    ///
    /// `@unchecked Sendable` because `MHD_quiesce_daemon` and `MHD_stop_daemon` may be called
    /// from any thread, and the lifecycle lock hands a daemon to exactly one caller of each.
    private struct Daemon: @unchecked Sendable {
        let pointer: OpaquePointer
        let socket: ListeningSocket
        let core: Unmanaged<ServerCore>
    }

    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)?
    private let lifecycle = Mutex(Lifecycle.idle)
    private let boundPort = Mutex<Int?>(nil)

    /// Creates a server that answers with `responder` and reports each finished request to
    /// `accessLog`. The hook runs on a server thread: it must return quickly and not block.
    public init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        responder: any HTTPResponder,
        accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
    }

    deinit {
        if case .running(let daemon) = lifecycle.withLock({ $0 }) {
            Self.stop(daemon)
        }
    }

    /// The TCP port the server listens on, known once ``start()`` has returned (and kept after
    /// shutdown); the system's choice when the configuration asked for port 0.
    public var port: Int? {
        boundPort.withLock { $0 }
    }

    /// Binds the configured address and starts serving.
    ///
    /// - Throws: ``HTTPServerError`` with code `.addressInUse`, `.permissionDenied`,
    ///   `.invalidConfiguration`, `.socketFailed`, `.daemonFailed`, or `.alreadyStarted` when
    ///   called a second time.
    public func start() throws(HTTPServerError) {
        try lifecycle.withLock { (lifecycle) throws(HTTPServerError) in
            guard case .idle = lifecycle else {
                throw HTTPServerError(code: .alreadyStarted, message: "the server was already started")
            }
            lifecycle = .running(try launch())
        }
    }

    /// Stops the server gracefully: refuses new connections at once, ends streamed responses,
    /// lets in-flight requests finish for up to ``HTTPServerConfiguration/shutdownGracePeriod``,
    /// answers any still running with 503 (waiting at most one more second for those answers to
    /// be sent), then stops the daemon. Returns when every server thread has ended. Calling it
    /// on a server that is not running, or while another shutdown is in progress, returns at once.
    public func shutdown() async {
        let daemon = lifecycle.withLock { lifecycle -> Daemon? in
            guard case .running(let daemon) = lifecycle else {
                return nil
            }
            lifecycle = .stopping
            return daemon
        }
        guard let daemon else {
            return
        }
        MHD_quiesce_daemon(daemon.pointer)
        daemon.socket.refuseConnections()
        let core = daemon.core.takeUnretainedValue()
        core.quiesce()
        let deadline = ContinuousClock.now + configuration.shutdownGracePeriod
        while core.requestsInFlight > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        core.close()
        // The 503s for abandoned requests need a moment to be queued and written before the
        // daemon closes their connections.
        let flushDeadline = ContinuousClock.now + Self.closingFlushLimit
        while core.responsesInFlight > 0, ContinuousClock.now < flushDeadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        Self.stop(daemon)
        lifecycle.withLock { $0 = .stopped }
    }

    /// How long shutdown waits, after the grace period, for the 503 answers to be sent.
    private static let closingFlushLimit = Duration.seconds(1)

    private func launch() throws(HTTPServerError) -> Daemon {
        guard configuration.threadPoolSize >= 1, configuration.maxRequestBodyBytes >= 0 else {
            throw HTTPServerError(
                code: .invalidConfiguration,
                message: "threadPoolSize must be at least 1 and maxRequestBodyBytes at least 0")
        }
        let socket = try ListeningSocket.open(host: configuration.host, port: configuration.port)
        let core = Unmanaged.passRetained(
            ServerCore(
                responder: responder, maxBodyBytes: configuration.maxRequestBodyBytes,
                bodyBudget: RequestBodyBudget(
                    limit: configuration.bufferedBodyLimit, limitPerAddress: configuration.bufferedBodyLimitPerAddress),
                connectionGuard: ConnectionGuard(
                    headTimeout: configuration.headTimeout, idleTimeout: configuration.connectionTimeout,
                    perAddress: configuration.connectionsPerAddress, trusted: configuration.trustedAddresses),
                pushBacklogLimit: configuration.pushBacklogLimit, accessLog: accessLog))
        let timeout = configuration.connectionTimeout.components
        let timeoutSeconds = max(1, timeout.seconds + (timeout.attoseconds > 0 ? 1 : 0))
        guard
            let pointer = sentralbord_mhd_start(
                socket.descriptor, socket.isIPv6, UInt32(configuration.threadPoolSize),
                UInt32(clamping: timeoutSeconds), UInt32(clamping: Self.connectionLimit()), handleRequest, completeRequest, beginRequest,
                notifyConnection, core.toOpaque())
        else {
            socket.close()
            core.takeUnretainedValue().stopPoller()
            core.release()
            throw HTTPServerError(
                code: .daemonFailed,
                message: "libmicrohttpd did not start on \(configuration.host):\(socket.port)")
        }
        core.takeUnretainedValue().connectionGuard.start()
        boundPort.withLock { $0 = socket.port }
        return Daemon(pointer: pointer, socket: socket, core: core)
    }

    /// File descriptors left for everything but client connections: the listening socket,
    /// libmicrohttpd's wake-up descriptors, the push-stream poller, the database, logs and
    /// plugins.
    public static let reservedDescriptors = 128

    /// The most connections the daemon accepts: the open-file limit less the reserve (so an
    /// exhausted limit refuses connections instead of failing the database), from 16 to 65,536.
    private static func connectionLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        return max(16, min(65_536, Int(clamping: limit.rlim_cur) - reservedDescriptors))
    }

    /// Resumes every suspended connection, stops the daemon (closing every connection), then
    /// releases what the daemon held.
    private static func stop(_ daemon: Daemon) {
        let core = daemon.core.takeUnretainedValue()
        core.quiesce()
        core.close()
        MHD_stop_daemon(daemon.pointer)
        core.stopPoller()
        core.connectionGuard.stop()
        daemon.socket.close()
        daemon.core.release()
    }
}
