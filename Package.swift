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
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure domain types and rules: Foundation only.
        .target(name: "TalentDomain", swiftSettings: swiftSettings),
        // PostgreSQL access: connection, migrations, SQL.
        .target(
            name: "TalentStore",
            dependencies: [
                "TalentDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The service layer: every rule, every write, every permission check.
        .target(
            name: "TalentService",
            dependencies: [
                "TalentDomain",
                "TalentStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // What people look at: the dashboard's and the annual report's HTML (Mustache templates, inline SVG charts)
        // and the annual report's Markdown. Shared by the API (dashboard) and the CLI (annual report).
        .target(
            name: "TalentViews",
            dependencies: ["TalentDomain", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // The JSON API edge.
        .target(
            name: "TalentAPI",
            dependencies: [
                "TalentDomain",
                "TalentService",
                "TalentStore",
                "TalentViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The admin CLI edge.
        .target(
            name: "TalentCLI",
            dependencies: [
                "TalentDomain",
                "TalentService",
                "TalentStore",
                "TalentViews",
                "TalentAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "talent", dependencies: ["TalentCLI"], swiftSettings: swiftSettings),
        .testTarget(name: "TalentDomainTests", dependencies: ["TalentDomain", "TalentViews"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TalentIntegrationTests",
            dependencies: [
                "TalentDomain", "TalentStore", "TalentService", "TalentAPI", "TalentCLI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
