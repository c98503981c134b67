/// A company's journal cannot be replayed: it was written with other users or queues than
/// config.toml has now, or an entry no longer applies. The gateway does not start rather than
/// run an engine whose state differs from what it acknowledged.
public struct JournalMismatchError: Error, Sendable, CustomStringConvertible {
    /// Why the journal does not replay.
    public enum Reason: Sendable, Equatable {
        /// The directory's fingerprint differs from the one in the first journal entry.
        case directoryChanged
        /// Journal entry `number` was refused by the engine during replay.
        case entryRefused(number: Int, String)
    }

    /// The company.
    public var tenant: String
    /// Why.
    public var reason: Reason

    /// What happened and what to do.
    public var description: String {
        switch reason {
        case .directoryChanged:
            "the users or queues of tenant \(tenant) in the configuration differ from those its event log was written with; "
                + "restore the previous [[tenants]] section, or start with a new data directory (changing a company's directory "
                + "under an existing journal needs snapshots, not yet supported)"
        case .entryRefused(let number, let error):
            "journal entry \(number) of tenant \(tenant) does not replay (\(error)); the log and this build disagree"
        }
    }
}
