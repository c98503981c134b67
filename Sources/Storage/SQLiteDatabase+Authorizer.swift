import CSQLite

extension SQLiteDatabase {
    /// Holds the namespace and the first refusal while an authorizer is installed; reached
    /// from SQLite's callback through its user-data pointer, on the connection's thread only.
    private final class AuthorizerState {
        let namespace: TableNamespace
        var refusal: String?
        init(namespace: TableNamespace) { self.namespace = namespace }
    }

    /// Runs `body` with every statement compiled on this connection limited to `namespace`'s
    /// tables (``TableNamespace/permits(action:_:_:)``), then removes the limit. A statement
    /// it refuses fails to compile with SQLite's "not authorized", which this turns into an
    /// ``SQLiteError`` naming what was refused.
    public func restricted<Result>(to namespace: TableNamespace, _ body: () throws -> Result) throws -> Result {
        let state = AuthorizerState(namespace: namespace)
        let pointer = Unmanaged.passUnretained(state).toOpaque()
        sqlite3_set_authorizer(handle, { userData, action, first, second, _, _ in
            guard let userData else { return SQLITE_DENY }
            let state = Unmanaged<AuthorizerState>.fromOpaque(userData).takeUnretainedValue()
            guard state.namespace.permits(action: action, first, second) else {
                if state.refusal == nil {
                    state.refusal = TableNamespace.describe(action: action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
                }
                return SQLITE_DENY
            }
            return SQLITE_OK
        }, pointer)
        defer {
            sqlite3_set_authorizer(handle, nil, nil)
            withExtendedLifetime(state) {}
        }
        do {
            return try body()
        } catch let error as SQLiteError where error.code == SQLiteError.Code(rawValue: SQLITE_AUTH) || state.refusal != nil {
            throw SQLiteError(
                extendedCode: SQLITE_AUTH,
                message: "not authorized: \(state.refusal ?? "a statement outside the \(namespace.name)_ tables") "
                    + "(a plugin's SQL may use only its own \(namespace.name)_ tables)",
                sql: error.sql)
        }
    }
}
