// swift-tools-version: 6.2
// Sentralbord: no Swift package dependencies. C libraries come from Debian through
// systemLibrary targets; `make deps` installs their -dev packages.
import PackageDescription

/// The same strict settings for every Swift target (STYLE.md, "House rules").
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Sentralbord",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sentralbord", targets: ["sentralbord"]),
        .executable(name: "toml-test-decoder", targets: ["toml-test-decoder"]),
    ],
    targets: [
        // C libraries from Debian.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CICal", pkgConfig: "libical", providers: [.apt(["libical-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Typed C wrappers for the variadic calls Swift cannot make, nothing else.
        .target(name: "CShims", dependencies: ["CCurl", "CMicroHTTPD", "CSQLite", "CICal"]),

        .target(name: "TOML", swiftSettings: strict),
        .executableTarget(name: "toml-test-decoder", dependencies: ["TOML"], swiftSettings: strict),
        .target(name: "Switchboard", swiftSettings: strict),
        .target(name: "TelephonySimulator", dependencies: ["Switchboard"], swiftSettings: strict),
        .executableTarget(
            name: "bench-engine", dependencies: ["Switchboard", "TelephonySimulator"], path: "Benchmarks/Engine",
            swiftSettings: strict),
        .target(name: "PluginKit", dependencies: ["COpenSSL", "TOML"], swiftSettings: strict),
        .target(name: "PluginKitTesting", dependencies: ["PluginKit"], swiftSettings: strict),
        .target(name: "Storage", dependencies: ["CSQLite", "CShims", "PluginKit"], swiftSettings: strict),
        .target(name: "HTTPClient", dependencies: ["CCurl", "CShims", "PluginKit"], swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "CShims", "PluginKit"], swiftSettings: strict),
        .target(
            name: "CalendarPlugin", dependencies: ["PluginKit", "CICal", "CShims"],
            path: "Plugins/Calendar", swiftSettings: strict),
        .target(name: "WebhookPlugin", dependencies: ["PluginKit"], path: "Plugins/Webhook", swiftSettings: strict),
        .target(name: "ExecPlugin", dependencies: ["PluginKit"], path: "Plugins/Exec", swiftSettings: strict),
        .target(name: "SMSPlugin", dependencies: ["PluginKit"], path: "Plugins/SMS", swiftSettings: strict),
        .target(
            name: "Gateway",
            dependencies: [
                "TOML", "Switchboard", "PluginKit", "Storage", "HTTPClient", "HTTPServer", "CalendarPlugin",
                "WebhookPlugin", "ExecPlugin", "SMSPlugin", "TelephonySimulator",
            ],
            swiftSettings: strict),
        .target(name: "SentralbordCLI", dependencies: ["Gateway", "PluginKit"], swiftSettings: strict),
        .executableTarget(name: "sentralbord", dependencies: ["SentralbordCLI", "PluginKit"], swiftSettings: strict),

        .executableTarget(
            name: "bench-delivery",
            dependencies: [
                "Gateway", "HTTPClient", "HTTPServer", "PluginKit", "PluginKitTesting", "Storage", "Switchboard", "WebhookPlugin",
            ],
            path: "Benchmarks/Delivery", swiftSettings: strict),
        .executableTarget(name: "bench-api", dependencies: ["CShims"], path: "Benchmarks/API", swiftSettings: strict),
        .executableTarget(
            name: "bench-sms", dependencies: ["Gateway", "HTTPClient", "HTTPServer", "PluginKit", "SMSPlugin", "Storage"],
            path: "Benchmarks/SMS", swiftSettings: strict),
        .executableTarget(
            name: "bench-eventlog", dependencies: ["Storage", "PluginKit"], path: "Benchmarks/EventLog", swiftSettings: strict),

        .testTarget(name: "TOMLTests", dependencies: ["TOML", "PeerSupport"], swiftSettings: strict),
        .testTarget(name: "SwitchboardTests", dependencies: ["Switchboard", "TelephonySimulator", "PeerSupport"], swiftSettings: strict),
        .testTarget(name: "PluginKitTests", dependencies: ["PluginKit", "PluginKitTesting"], swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "PluginKit", "eventlog-crash-probe"], swiftSettings: strict),
        .executableTarget(
            name: "eventlog-crash-probe", dependencies: ["Storage", "PluginKit"],
            path: "Tests/EventLogCrashProbe", swiftSettings: strict),
        .target(name: "PeerSupport", path: "Tests/PeerSupport", swiftSettings: strict),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "PluginKit", "PeerSupport"], swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPClient", "PluginKit", "PeerSupport"], swiftSettings: strict),
        .testTarget(name: "CalendarPluginTests", dependencies: ["CalendarPlugin"], swiftSettings: strict),
        .testTarget(
            name: "WebhookPluginTests", dependencies: ["WebhookPlugin", "PluginKit", "PluginKitTesting", "HTTPClient", "PeerSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "SMSPluginTests", dependencies: ["SMSPlugin", "PluginKit", "PluginKitTesting", "HTTPClient", "PeerSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ExecPluginTests", dependencies: ["ExecPlugin", "PluginKit", "PluginKitTesting"], swiftSettings: strict),
        .executableTarget(
            name: "sms-crash-probe", dependencies: ["HTTPClient", "PluginKit", "SMSPlugin", "Storage"],
            path: "Tests/SMSCrashProbe", swiftSettings: strict),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "HTTPClient", "PluginKit", "PluginKitTesting", "Storage", "Switchboard", "SMSPlugin", "PeerSupport",
                "sms-crash-probe",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "SentralbordCLITests", dependencies: ["SentralbordCLI", "Gateway", "PluginKit", "Storage", "HTTPClient"],
            swiftSettings: strict),
    ]
)
