// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "talent",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "talent", targets: ["talent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure domain types and rules: Foundation only.
        .target(name: "TalentDomain", swiftSettings: swiftSettings),
        // The wire: each resource's one JSON mapping (its fields' names as openapi.yaml spells them), written by the
        // domain's JSONWriter. Used by the API for bodies, by the CLI for --format json, by the audit trail.
        .target(name: "TalentWire", dependencies: ["TalentDomain"], swiftSettings: swiftSettings),
        // PostgreSQL access: connection, migrations, SQL.
        .target(
            name: "TalentStore",
            dependencies: [
                "TalentDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                // The pool's use (connections leased and waited for), recorded through swift-metrics.
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The service layer: every rule, every write, every permission check.
        .target(
            name: "TalentService",
            dependencies: [
                "TalentDomain",
                "TalentWire",
                "TalentStore",
                "TalentViews",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        // Sample data for a first look (`talent demo load`) and synthetic volumes for benchmarks (`talent demo
        // generate`): generators that use the services and the store, kept out of the production service module.
        .target(
            name: "TalentDemo",
            dependencies: ["TalentDomain", "TalentWire", "TalentStore", "TalentService"],
            swiftSettings: swiftSettings
        ),
        // What people look at: the dashboard's and the annual report's HTML (Mustache templates, inline SVG charts)
        // and the annual report's Markdown. Shared by the API (dashboard) and the CLI (annual report).
        .target(
            name: "TalentViews",
            dependencies: ["TalentDomain", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // The JSON API edge: requests in, service calls, JSON out.
        .target(
            name: "TalentAPI",
            dependencies: [
                "TalentDomain",
                "TalentWire",
                "TalentService",
                "TalentViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
                // The pages' Content-Security-Policy names their inline style sheets by SHA-256.
                .product(name: "Crypto", package: "swift-crypto"),
                // GET /metrics: swift-metrics recorded into a Prometheus registry, written in its text format.
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // The admin CLI edge: arguments in, service calls, tables, JSON or CSV out.
        .target(
            name: "TalentCLI",
            dependencies: [
                "TalentDomain",
                "TalentWire",
                "TalentService",
                "TalentDemo",
                "TalentViews",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The API of a server, for the CLI on an officer's own machine.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The composition root: one Configuration (flags, environment, config file, defaults) becomes the database,
        // the services and the server; `talent serve` lives here.
        .target(
            name: "TalentApp",
            dependencies: [
                "TalentDomain",
                "TalentStore",
                "TalentService",
                "TalentAPI",
                "TalentCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The outbox's webhook deliveries to partners.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "talent", dependencies: ["TalentApp"], swiftSettings: swiftSettings),
        // bench/json.sh: JSONWriter against JSONEncoder on a page of candidates.
        .executableTarget(name: "talent-json-bench", dependencies: ["TalentDomain", "TalentWire"], swiftSettings: swiftSettings),
        .testTarget(name: "TalentDomainTests", dependencies: ["TalentDomain", "TalentWire", "TalentViews"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TalentIntegrationTests",
            dependencies: [
                "TalentDomain", "TalentWire", "TalentStore", "TalentService", "TalentAPI", "TalentCLI", "TalentApp",
                "TalentDemo", .product(name: "HummingbirdTesting", package: "hummingbird"),
                // A partner's webhook receiver is a real local server; the outbox's worker posts to it.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The golden files are read through #filePath (GoldenTests), not bundled.
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)
