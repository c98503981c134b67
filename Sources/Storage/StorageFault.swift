/// Why the database cannot be written, in an operator's words: the cause SQLite reported and
/// what to do about it. Made from the errors that mean the disk or the file is at fault (not a
/// bug in a query), so a failed write is logged with its cause instead of as a bare error.
public struct StorageFault: Sendable, Equatable, CustomStringConvertible {
    /// SQLite's primary result code.
    public let code: SQLiteError.Code
    /// What went wrong, e.g. "the disk is full".
    public let cause: String
    /// What an operator should do.
    public let action: String

    /// The fault `error` stands for, or nil when it is not a storage fault (a constraint, a
    /// busy timeout, a bug).
    public init?(_ error: any Error) {
        guard let error = error as? SQLiteError else { return nil }
        code = error.code
        switch error.code {
        case .full:
            cause = "the disk holding the database is full"
            action = "free space on that disk (or move the data directory); writes resume by themselves"
        case .readOnly:
            cause = "the database cannot be written (read-only file, folder or mount)"
            action = "make the data directory and its sentralbord.sqlite* files writable by the gateway's user"
        case .ioError:
            cause = "the operating system reported an I/O error (\(error.extendedCode))"
            action = "check the disk and the kernel log; then restart the gateway"
        case .corrupt:
            cause = "the database file is malformed"
            action = "stop the gateway, run `sentralbord check-storage`, and restore the last backup if it reports problems"
        case .cannotOpen:
            cause = "the database file cannot be opened"
            action = "check that the data directory exists and is readable and writable by the gateway's user"
        default:
            return nil
        }
    }

    /// `cause; action`.
    public var description: String { "\(cause); \(action)" }
}
