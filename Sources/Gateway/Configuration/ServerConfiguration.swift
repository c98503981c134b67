public import PluginKit
import Glibc
import TOML

/// The HTTP server's settings: section `[server]`.
public struct ServerConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Where to listen. Key `listen`, `HOST:PORT`; default `127.0.0.1:8080`.
    public var listen = ListenAddress(host: "127.0.0.1", port: 8080)
    /// The largest request body accepted; larger ones get 413. Key `max_request_bytes`,
    /// 1 KiB…64 MiB; default 1 MiB.
    public var maxRequestBytes = 1_048_576
    /// Threads serving connections. Key `threads`, 1…64; default 2.
    public var threads = 2
    /// Idle connections are closed after this. Key `connection_timeout_seconds`, 1…3600; default 60.
    public var connectionTimeoutSeconds = 60
    /// On SIGINT/SIGTERM, in-flight requests get this long to finish. Key
    /// `shutdown_grace_seconds`, 0…300; default 10.
    public var shutdownGraceSeconds = 10
    /// The live event stream sends a heartbeat comment after this long without events. Key
    /// `stream_heartbeat_seconds`, 1…300; default 15.
    public var streamHeartbeatSeconds = 15
    /// The most request-body bytes held in memory at once, all clients together; a body past it
    /// gets 503 with `Retry-After` before it is read. Key `max_buffered_request_bytes`,
    /// 1 MiB…4 GiB, at least `max_request_bytes`; default 64 MiB.
    public var maxBufferedRequestBytes = 67_108_864
    /// The same for the requests of one client address. Key
    /// `max_buffered_request_bytes_per_address`, at least `max_request_bytes` and at most
    /// `max_buffered_request_bytes`; default 8 MiB.
    public var maxBufferedRequestBytesPerAddress = 8_388_608
    /// Live streams (`GET /api/v1/events`) one user (all sessions) or one API key may have open
    /// at once; one more gets 429 `too-many-streams`. Key `streams_per_caller`, 1…10000;
    /// default 20.
    public var streamsPerCaller = 20
    /// Live streams one company may have open at once. Key `streams_per_company`, 1…100000;
    /// default 2000.
    public var streamsPerCompany = 2000
    /// A new connection that has not sent a complete request head within this many seconds is
    /// closed, however slowly it trickles bytes. Key `request_head_timeout_seconds`, 1…300;
    /// default 10.
    public var requestHeadTimeoutSeconds = 10
    /// The most connections one client address may hold; at the cap a new connection replaces
    /// the address's oldest one still waiting for a request head. Key `connections_per_address`,
    /// 1…65536; default 256.
    public var connectionsPerAddress = 256
    /// Numeric client addresses without that cap (a reverse proxy all clients come through).
    /// Key `trusted_proxies`; default none.
    public var trustedProxies: [String] = []

    /// The defaults.
    public init() {}

    /// Reads `[server]`; absent keys keep their defaults.
    public init(config: ConfigReader) {
        if let text = config.string("listen") {
            do {
                listen = try ListenAddress(parsing: text)
            } catch {
                config.report("listen", error.message)
            }
        }
        maxRequestBytes = config.integer("max_request_bytes", default: maxRequestBytes, in: 1024...67_108_864)
        threads = config.integer("threads", default: threads, in: 1...64)
        connectionTimeoutSeconds = config.integer("connection_timeout_seconds", default: connectionTimeoutSeconds, in: 1...3600)
        shutdownGraceSeconds = config.integer("shutdown_grace_seconds", default: shutdownGraceSeconds, in: 0...300)
        streamHeartbeatSeconds = config.integer("stream_heartbeat_seconds", default: streamHeartbeatSeconds, in: 1...300)
        maxBufferedRequestBytes = config.integer(
            "max_buffered_request_bytes", default: max(maxBufferedRequestBytes, maxRequestBytes), in: maxRequestBytes...4_294_967_296)
        maxBufferedRequestBytesPerAddress = config.integer(
            "max_buffered_request_bytes_per_address", default: min(max(maxBufferedRequestBytesPerAddress, maxRequestBytes), maxBufferedRequestBytes),
            in: maxRequestBytes...maxBufferedRequestBytes)
        streamsPerCaller = config.integer("streams_per_caller", default: streamsPerCaller, in: 1...10_000)
        streamsPerCompany = config.integer("streams_per_company", default: streamsPerCompany, in: 1...100_000)
        requestHeadTimeoutSeconds = config.integer("request_head_timeout_seconds", default: requestHeadTimeoutSeconds, in: 1...300)
        connectionsPerAddress = config.integer("connections_per_address", default: connectionsPerAddress, in: 1...65_536)
        trustedProxies = config.strings("trusted_proxies")
        for address in trustedProxies where !Self.isNumericAddress(address) {
            config.report("trusted_proxies", "\"\(address)\" is not a numeric IPv4 or IPv6 address")
        }
    }

    /// Whether `text` is a numeric IPv4 or IPv6 address (as client addresses are compared).
    static func isNumericAddress(_ text: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("listen", .string(listen.description))
        table.set("max_request_bytes", .integer(Int64(maxRequestBytes)))
        table.set("threads", .integer(Int64(threads)))
        table.set("connection_timeout_seconds", .integer(Int64(connectionTimeoutSeconds)))
        table.set("shutdown_grace_seconds", .integer(Int64(shutdownGraceSeconds)))
        table.set("stream_heartbeat_seconds", .integer(Int64(streamHeartbeatSeconds)))
        table.set("max_buffered_request_bytes", .integer(Int64(maxBufferedRequestBytes)))
        table.set("max_buffered_request_bytes_per_address", .integer(Int64(maxBufferedRequestBytesPerAddress)))
        table.set("streams_per_caller", .integer(Int64(streamsPerCaller)))
        table.set("streams_per_company", .integer(Int64(streamsPerCompany)))
        table.set("request_head_timeout_seconds", .integer(Int64(requestHeadTimeoutSeconds)))
        table.set("connections_per_address", .integer(Int64(connectionsPerAddress)))
        table.set("trusted_proxies", .array(trustedProxies.map { TOMLNode(.string($0), at: TOMLPosition(line: 0, column: 0)) }))
        return table
    }
}
