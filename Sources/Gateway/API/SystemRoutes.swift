import HTTPServer

/// `GET /healthz` and `GET /api/v1/version`: what monitoring and a newcomer ask first. The
/// version needs no token; the C libraries' versions (what an attacker would look up known
/// flaws by) are listed only for a valid token.
struct SystemRoutes {
    /// The body of `/healthz`.
    struct Health: Encodable {
        let status: String
        let storage: String
        /// Why the storage is degraded, with what to do; absent when it is not.
        let storageProblem: String?
        /// Companies whose engine stopped; absent when none did.
        let failedEngines: [String]?
    }

    /// The body of `/api/v1/version`.
    struct Version: Encodable {
        let name: String
        let version: String
        /// The C libraries linked, for a caller with a valid token; absent otherwise.
        let libraries: [String: String]?
    }

    let storageHealth: @Sendable () async -> GatewayStorage.Health
    let failedEngines: @Sendable () async -> [String]
    let isAuthenticated: @Sendable (HTTPRequest) async -> Bool

    func register(in router: inout Router) {
        router.get("/healthz") { _ in
            let storage = await storageHealth()
            let failed = await failedEngines()
            let healthy = storage == .ok && failed.isEmpty
            let (name, problem): (String, String?) =
                switch storage {
                case .ok: ("ok", nil)
                case .degraded(let reason): ("degraded", reason)
                case .unavailable: ("unavailable", nil)
                }
            return try .json(
                Health(
                    status: healthy ? "ok" : "degraded", storage: name, storageProblem: problem,
                    failedEngines: failed.isEmpty ? nil : failed),
                status: healthy ? .ok : .serviceUnavailable)
        }
        let isAuthenticated = self.isAuthenticated
        router.get("/api/v1/version") { request in
            let libraries = await isAuthenticated(request) ? LibraryVersions.current : nil
            return try .json(Version(name: "sentralbord", version: SentralbordVersion.current, libraries: libraries))
        }
    }
}
