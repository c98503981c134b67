/// The call log's filters (LOG-1), relative to the user looking.
public enum CallLogFilter: String, Sendable, Hashable, Codable, CaseIterable {
    /// All calls to the queues plus the viewer's own direct calls.
    case all
    /// Missed calls on all queues.
    case missed
    /// The viewer's calls from queues (those they answered or took by transfer).
    case mine
    /// The viewer's direct calls, incoming and outgoing.
    case direct
}
