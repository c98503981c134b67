/// A tenant's engine stopped taking commands because the event log failed under it; a
/// restart replays the journal and brings it back.
public struct EngineUnavailableError: Error, Sendable, CustomStringConvertible {
    /// The company.
    public var tenant: String

    /// `the engine of TENANT is unavailable: …`.
    public var description: String {
        "the engine of \(tenant) is unavailable: the event log failed; restart the gateway"
    }
}
