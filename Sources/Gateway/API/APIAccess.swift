/// Who may call a route (LOGIN-3), checked before the handler runs.
enum APIAccess: Sendable {
    /// Any user of the company, or an API key with the `read` or `admin` scope.
    case read
    /// What ``read`` allows, and the telephony platform's key (it follows the event stream
    /// to learn which phones to ring).
    case stream
    /// A logged-in user, acting as themself (the engine then checks what their role allows).
    case user
    /// An admin user, or an API key with the `admin` scope.
    case admin
    /// An API key with the `telephony` scope (the telephone platform).
    case telephony
}
