/// Where and how an ``SMTPSender`` delivers mail.
public struct SMTPConfiguration: Hashable, Sendable, CustomStringConvertible {
    /// The server, as `smtp://host:port` (STARTTLS as ``requiresTLS`` says) or
    /// `smtps://host:port` (TLS from the first byte).
    public var url: String
    /// The AUTH user name, or nil to send without authenticating.
    public var username: String?
    /// The AUTH password (a secret: never printed).
    public var password: String?
    /// Whether an `smtp://` connection must upgrade with STARTTLS before anything is sent;
    /// default true. Turn off only for a loopback test server.
    public var requiresTLS: Bool
    /// The limit for one whole send; default 30 seconds.
    public var timeout: Duration
    /// The limit for connecting, within ``timeout``; default 10 seconds.
    public var connectTimeout: Duration
    /// Dedicated threads, i.e. how many messages are sent at once; default 1.
    public var threadCount: Int

    /// Creates a configuration; every parameter but the URL has the default named on its property.
    public init(
        url: String, username: String? = nil, password: String? = nil, requiresTLS: Bool = true,
        timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10), threadCount: Int = 1
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.requiresTLS = requiresTLS
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.threadCount = threadCount
    }

    /// The configuration with the password redacted.
    public var description: String {
        "SMTPConfiguration(url: \(url), username: \(username ?? "none"), password: \(password == nil ? "none" : "<redacted>"), requiresTLS: \(requiresTLS))"
    }
}
