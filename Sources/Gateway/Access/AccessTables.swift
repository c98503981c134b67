public import Storage

/// The tables behind login and API access, opened together on one connection.
public struct AccessTables: Sendable {
    /// One-time login codes.
    public let challenges: LoginChallengeTable
    /// Login sessions.
    public let sessions: SessionTable
    /// API keys created at run time.
    public let apiKeys: APIKeyTable

    /// Opens the tables on `database`, migrating the schema first.
    public init(database: DatabaseQueue) async throws {
        challenges = try await LoginChallengeTable(database: database)
        sessions = try await SessionTable(database: database)
        apiKeys = try await APIKeyTable(database: database)
    }
}
