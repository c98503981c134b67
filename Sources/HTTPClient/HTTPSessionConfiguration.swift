/// Settings shared by every request of an ``HTTPSession``.
public struct HTTPSessionConfiguration: Hashable, Sendable {
    /// Dedicated transfer threads, i.e. how many requests run at once; default 2. More
    /// requests wait in order for a free thread.
    public var threadCount: Int
    /// The limit for establishing a connection, within each request's own timeout;
    /// default 10 seconds.
    public var connectTimeout: Duration
    /// The `User-Agent` sent unless a request sets its own; default `Sentralbord`.
    public var userAgent: String

    /// Creates a configuration; every parameter has the default named on its property.
    public init(threadCount: Int = 2, connectTimeout: Duration = .seconds(10), userAgent: String = "Sentralbord") {
        self.threadCount = threadCount
        self.connectTimeout = connectTimeout
        self.userAgent = userAgent
    }
}
