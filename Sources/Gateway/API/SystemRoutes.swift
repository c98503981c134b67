import HTTPServer

/// `GET /healthz` and `GET /api/v1/version`: what monitoring and a newcomer ask first.
struct SystemRoutes {
    /// The body of `/healthz`.
    struct Health: Encodable {
        let status: String
        let storage: String
        /// Companies whose engine stopped; absent when none did.
        let failedEngines: [String]?
    }

    /// The body of `/api/v1/version`.
    struct Version: Encodable {
        let name: String
        let version: String
        let libraries: [String: String]
    }

    let storageCheck: @Sendable () async -> Bool
    let failedEngines: @Sendable () async -> [String]

    func register(in router: inout Router) {
        router.get("/healthz") { _ in
            let storageOK = await storageCheck()
            let failed = await failedEngines()
            let healthy = storageOK && failed.isEmpty
            return try .json(
                Health(
                    status: healthy ? "ok" : "degraded", storage: storageOK ? "ok" : "unavailable",
                    failedEngines: failed.isEmpty ? nil : failed),
                status: healthy ? .ok : .serviceUnavailable)
        }
        router.get("/api/v1/version") { _ in
            try .json(Version(name: "sentralbord", version: SentralbordVersion.current, libraries: LibraryVersions.current))
        }
    }
}
