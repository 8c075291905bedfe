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
}
