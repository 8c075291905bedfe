import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// aduan-bench's command line only: its figures are never tested (timings belong in BENCHMARKS.md,
/// not in a suite that must pass on a busy machine).
@Suite struct BenchCommandLineTests {
    static let path = AduanBinary.repositoryRoot + "/.build/debug/aduan-bench"

    func bench(_ args: [String]) throws -> ProcessResult {
        try #require(access(Self.path, X_OK) == 0, "\(Self.path) is missing: run ./scripts/test (or `swift build` first)")
        let scratch = Scratch("aduan-bench-cli")
        return AduanBinary.run(Self.path, args, env: [:], stdin: nil, scratch: scratch)
    }

    @Test func helpExitsZeroWithExamples() throws {
        let r = try bench(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Usage: aduan-bench"))
        #expect(r.stdout.contains("Examples:\n"))
        #expect(r.stderr.isEmpty)
    }

    @Test func usageAndEnvironmentProblemsExitTwo() throws {
        let bad = try bench(["--keys", "many"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--keys many"))
        let missing = try bench(["--aduan", "/nonexistent/aduan"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/aduan"))
    }

    /// `--postgresql`: the screen table has both backends' columns filled (a tiny store, a few keys:
    /// the figures themselves are not judged), and the notes went through `aduan serve`.
    @Test(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil, "needs PostgreSQL: scripts/pg-cluster run swift test"))
    func thePostgreSQLRunMeasuresTheScreenOnBothBackends() throws {
        let host = String(cString: getenv("ADUAN_TEST_PGHOST")), port = String(cString: getenv("ADUAN_TEST_PGPORT"))
        let tag = "b" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        let su = try PGConnection(parameters: [("host", host), ("port", port), ("user", "postgres"), ("dbname", "postgres")])
        try su.execute("CREATE ROLE \(tag) LOGIN CREATEROLE")
        try su.execute("CREATE DATABASE \(tag) OWNER \(tag)")
        let work = Scratch("aduan-bench-pg")
        let r = try bench(["--postgresql", "postgresql://\(tag)@/\(tag)?host=\(host)&port=\(port)", "--sizes", "300", "--keys", "3", "--runs", "1",
                           "--actions", "2", "--budget", "5", "--work", work.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("| Measure | SQLite 300 | PostgreSQL 300 | PG ÷ SQLite 300 |") }, "\(r.stdout)")
        for title in ["Cold start to first complete inbox frame", "Move ↓/↑", "Open detail (Enter)", "Internal note saved"] {
            let row = rows.last { $0.hasPrefix("| " + title) }
            let cells = row?.split(separator: "|").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) } ?? []
            #expect(cells.count >= 4 && !cells[1].isEmpty && !cells[2].isEmpty && !cells[2].contains("no samples") && !cells[2].contains("failed"),
                    "\(title): \(row ?? "no row")")
        }
    }
}
