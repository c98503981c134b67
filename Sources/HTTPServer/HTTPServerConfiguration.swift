/// How an ``HTTPServer`` listens and how much it accepts.
///
/// Every key has a default, so a caller sets only what it needs:
/// - `host`: the numeric IPv4 or IPv6 address to bind (default `127.0.0.1`).
/// - `port`: the TCP port; `0` asks the system for an ephemeral port, which
///   ``HTTPServer/port`` reports after ``HTTPServer/start()``.
/// - `threadPoolSize`: libmicrohttpd worker threads (default 2, one per core here).
/// - `maxRequestBodyBytes`: larger request bodies are refused with 413 (default 1 MiB).
/// - `connectionTimeout`: an idle connection is closed after this long (default 30 s).
/// - `shutdownGracePeriod`: how long ``HTTPServer/shutdown()`` waits for in-flight requests
///   (default 10 s).
/// - `pushBacklogLimit`: the most bytes a pushed body may have waiting for a slow client
///   before the server ends it (default 4 MiB).
/// - `bufferedBodyLimit`: the most request-body bytes held in memory at once for all requests
///   (default 64 MiB); `bufferedBodyLimitPerAddress` for one client address (default 8 MiB).
///   A body past either is answered 503 with `Retry-After` before it is read.
/// - `headTimeout`: a new connection that has not sent a complete request head by then is
///   closed, however slowly bytes trickle in (default 10 s); a kept-alive connection gets
///   `connectionTimeout` between a response and its next head (``ConnectionGuard``).
/// - `connectionsPerAddress`: the most connections one client address may hold (default
///   256); `trustedAddresses` have no cap (a reverse proxy in front).
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// The numeric IPv4 or IPv6 address to bind.
    public var host: String
    /// The TCP port to bind; `0` means an ephemeral port chosen by the system.
    public var port: Int
    /// The number of libmicrohttpd worker threads; at least 1.
    public var threadPoolSize: Int
    /// The largest request body accepted, in bytes. A larger body is answered 413 without being
    /// kept in memory: at once when its `Content-Length` announces it; otherwise (chunked) once
    /// the rest of it has been read and discarded, and a chunked body beyond twice the limit
    /// closes the connection without an answer.
    public var maxRequestBodyBytes: Int
    /// How long an idle connection may stay open; rounded up to whole seconds.
    public var connectionTimeout: Duration
    /// How long ``HTTPServer/shutdown()`` lets in-flight requests run before closing them.
    public var shutdownGracePeriod: Duration
    /// The most bytes an ``HTTPPushStream`` keeps for a client that does not read them; one
    /// write more ends the stream.
    public var pushBacklogLimit: Int
    /// The most request-body bytes held in memory at once, for all requests together.
    public var bufferedBodyLimit: Int
    /// The most request-body bytes held in memory at once for the requests of one address.
    public var bufferedBodyLimitPerAddress: Int
    /// The longest a new connection may take to send a complete request head.
    public var headTimeout: Duration
    /// The most connections one client address may hold at once.
    public var connectionsPerAddress: Int
    /// Numeric client addresses without a connection cap.
    public var trustedAddresses: Set<String>

    /// Creates a configuration; see the type's documentation for each key's meaning.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        threadPoolSize: Int = 2,
        maxRequestBodyBytes: Int = 1 << 20,
        connectionTimeout: Duration = .seconds(30),
        shutdownGracePeriod: Duration = .seconds(10),
        pushBacklogLimit: Int = 4 << 20,
        bufferedBodyLimit: Int = 64 << 20,
        bufferedBodyLimitPerAddress: Int = 8 << 20,
        headTimeout: Duration = .seconds(10),
        connectionsPerAddress: Int = 256,
        trustedAddresses: Set<String> = []
    ) {
        self.host = host
        self.port = port
        self.threadPoolSize = threadPoolSize
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.connectionTimeout = connectionTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.pushBacklogLimit = pushBacklogLimit
        self.bufferedBodyLimit = bufferedBodyLimit
        self.bufferedBodyLimitPerAddress = bufferedBodyLimitPerAddress
        self.headTimeout = headTimeout
        self.connectionsPerAddress = connectionsPerAddress
        self.trustedAddresses = trustedAddresses
    }
}
