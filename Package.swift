// swift-tools-version:6.0
// Aduan: an ncurses desk for SP4N-LAPOR! complaint operators.
// No SwiftPM package dependencies: SQLite and ncursesw come in as system libraries.
import PackageDescription

let package = Package(
    name: "Aduan",
    products: [
        .executable(name: "aduan", targets: ["aduan"]),
        .executable(name: "aduan-stress", targets: ["aduan-stress"]),
        .executable(name: "aduan-bench", targets: ["aduan-bench"]),
    ],
    targets: [
        // C libraries (Debian: libsqlite3-dev, libncurses-dev, libssl-dev, libxlsxwriter-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // OpenSSL's libcrypto: SHA-256 for the event chain, Ed25519 for signed anchors.
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libpq (Debian: libpq-dev), for the PostgreSQL store a province shares (issue 14).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // libxlsxwriter (Debian: libxlsxwriter-dev): .xlsx workbooks for export and report.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),

        // The SP4N-LAPOR! workflow as pure Swift: no SQLite, no curses, no clock reads.
        // config.example.json (linked into the folder) is embedded as bytes: BuiltInConfig.json.
        .target(name: "AduanCore", resources: [.embedInCode("config.example.json")]),
        // The only module that imports SQLite and libpq, and the only one that imports libcrypto
        // (the hash chain and its anchors are the store's evidence).
        .target(name: "AduanStore", dependencies: ["AduanCore", "CSQLite", "CCrypto", "CLibPQ"]),
        // The screen; only its terminal file imports curses.
        .target(name: "AduanTUI", dependencies: ["AduanCore", "AduanStore", "CNcursesw"]),
        // Spreadsheet workbooks: the only module that imports libxlsxwriter.
        .target(name: "AduanWorkbook", dependencies: ["CXlsxWriter"]),
        // Commands, configuration, interchange formats, demo data.
        .target(name: "AduanCLI", dependencies: ["AduanCore", "AduanStore", "AduanTUI", "AduanWorkbook"]),
        .executableTarget(name: "aduan", dependencies: ["AduanCLI"]),
        // Crash-safety (SIGKILL) and concurrent-operator stress runs; see RELIABILITY.md.
        .executableTarget(name: "aduan-stress", dependencies: ["AduanCore", "AduanStore", "AduanToolSupport"]),
        // Measures the built `aduan` binary as a subprocess (BENCHMARKS.md); uses the core only
        // to read the built-in config and to build the exact search expression.
        .executableTarget(name: "aduan-bench", dependencies: ["AduanCore", "AduanStore", "AduanToolSupport"]),

        // What aduan-bench, aduan-stress and the test support share (spawning, mkdir -p, clocks);
        // never linked into `aduan`.
        .target(name: "AduanToolSupport"),

        // Test helpers shared by the test targets: temp folders, running the real binary, tmux.
        .target(name: "AduanTestSupport", dependencies: ["AduanToolSupport"], path: "Tests/AduanTestSupport"),

        .testTarget(name: "AduanCoreTests", dependencies: ["AduanCore"]),
        .testTarget(name: "AduanStoreTests", dependencies: ["AduanCore", "AduanStore", "AduanTestSupport"]),
        .testTarget(name: "AduanCLITests", dependencies: ["AduanCore", "AduanStore", "AduanCLI", "AduanTestSupport"]),
        // The tmux tests drive the real binary, which scripts/test builds before `swift test`.
        .testTarget(name: "AduanTUITests", dependencies: ["AduanCore", "AduanStore", "AduanTUI", "AduanCLI", "AduanTestSupport"],
                    exclude: ["Golden"]),
        // Reduced stress runs of the built aduan-stress binary (scripts/test builds it first).
        .testTarget(name: "AduanStressTests", dependencies: ["AduanTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
