/// Opens and withdraws a caller's record in an operator's browser (GW-2, PROF-5): the
/// capability the screen-pop plugin is built on.
///
/// Implementation requirements: `pop` is idempotent per `ScreenPop.id` (one pop per call and
/// user, whatever retries happen); `withdraw` of an unknown pop does nothing.
public protocol ScreenPopTarget: Sendable {
    /// Shows `screenPop` to its user.
    func pop(_ screenPop: ScreenPop) async throws(PluginError)
    /// Withdraws the pop with `id` (the call was taken by someone else).
    func withdraw(id: String, user: String) async throws(PluginError)
}

/// A URL to open for one user about one call.
public struct ScreenPop: Sendable, Equatable {
    /// Stable per call and user, so a retried pop is recognised.
    public var id: String
    /// The tenant.
    public var tenant: String
    /// The user whose browser opens it.
    public var user: String
    /// The URL, the user's template with the call's values filled in.
    public var url: String

    /// Creates a pop.
    public init(id: String, tenant: String, user: String, url: String) {
        self.id = id
        self.tenant = tenant
        self.user = user
        self.url = url
    }
}
