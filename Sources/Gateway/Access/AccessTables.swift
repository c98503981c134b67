public import Storage

/// The tables behind login and API access, opened together on one connection.
public struct AccessTables: Sendable {
    /// One-time login codes.
    public let challenges: LoginChallengeTable
    /// Login sessions.
    public let sessions: SessionTable
    /// API keys created at run time.
    public let apiKeys: APIKeyTable

    /// The tables on `database`, whose schema is current.
    public init(database: DatabaseQueue) {
        challenges = LoginChallengeTable(database: database)
        sessions = SessionTable(database: database)
        apiKeys = APIKeyTable(database: database)
    }
}
