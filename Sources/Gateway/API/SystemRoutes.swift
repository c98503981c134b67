import HTTPServer

/// `GET /healthz` and `GET /api/v1/version`: what monitoring and a newcomer ask first.
struct SystemRoutes {
    /// The body of `/healthz`.
    struct Health: Encodable {
        let status: String
        let storage: String
    }

    /// The body of `/api/v1/version`.
    struct Version: Encodable {
        let name: String
        let version: String
        let libraries: [String: String]
    }

    let storageCheck: @Sendable () async -> Bool

    func register(in router: inout Router) {
        router.get("/healthz") { _ in
            let storageOK = await storageCheck()
            return try .json(
                Health(status: storageOK ? "ok" : "degraded", storage: storageOK ? "ok" : "unavailable"),
                status: storageOK ? .ok : .serviceUnavailable)
        }
        router.get("/api/v1/version") { _ in
            try .json(Version(name: "sentralbord", version: SentralbordVersion.current, libraries: LibraryVersions.current))
        }
    }
}
