import AduanTestSupport
import Glibc
import Testing

/// Reduced PostgreSQL runs of the stress program (issue 14), against the private cluster of
/// `scripts/pg-cluster run swift test --skip-build --filter PGStressRunTests`: `aduan serve`
/// killed with SIGKILL while operator roles submit actions, and four operator roles on the same
/// hot reports. Each test gets a fresh database owned by a fresh CREATEROLE role; the stress
/// program creates the store, the roles and the writer itself.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PGStressRunTests {
    static func env(_ name: String) -> String { String(cString: getenv(name)) }

    /// A fresh database and owner role; the location the stress program gets.
    func database(_ scratch: Scratch) throws -> String {
        let host = Self.env("ADUAN_TEST_PGHOST"), port = Self.env("ADUAN_TEST_PGPORT")
        let tag = "f" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        let made = AduanBinary.run("/usr/bin/psql", ["-X", "-q", "-h", host, "-p", port, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                                                     "-c", "CREATE ROLE \(tag) LOGIN CREATEROLE", "-c", "CREATE DATABASE \(tag) OWNER \(tag)"],
                                   env: [:], stdin: nil, scratch: scratch)
        try #require(made.status == 0, "psql: \(made.stderr)")
        return "postgresql://\(tag)@/\(tag)?host=\(host)&port=\(port)"
    }

    func stress(_ args: [String], _ scratch: Scratch) -> ProcessResult {
        AduanBinary.run(StressRunTests.stress, args + ["--dir", scratch.file("run")], env: [:], stdin: nil, scratch: scratch)
    }

    func figure(_ name: String, in output: String) -> Int? { StressRunTests().figure(name, in: output) }

    @Test func killingThePostgreSQLWriterLosesNothingAcknowledgedAndLeavesNoHalfWrittenCommand() throws {
        try StressRunTests().requireBinaries()
        let scratch = Scratch("aduan-stress-pg-kill")
        let store = try database(scratch)
        let r = stress(["kill", "--store", store, "--kills", "12", "--processes", "3", "--complaints", "20", "--max-delay-ms", "1500",
                        "--aduan-verify-every", "6", "--seed", "20261205"], scratch)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress kill (PostgreSQL): PASS"), "\(r.stdout)")
        #expect(figure("kills", in: r.stdout) == 12, "\(r.stdout)")
        #expect(figure("failures", in: r.stdout) == 0, "\(r.stdout)")
        #expect((figure("acknowledged", in: r.stdout) ?? 0) > 10, "the operators hardly acted: \(r.stdout)")
        #expect((figure("rounds that settled", in: r.stdout) ?? 0) >= 3, "the writer must be killed mid-work, not only at start-up: \(r.stdout)")
        #expect(figure("verify runs", in: r.stdout) == 12, "\(r.stdout)")
        #expect(r.stdout.contains("+ 3 `aduan verify`"), "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func fourOperatorRolesOnPostgreSQLConflictButNeverLoseAnUpdate() throws {
        try StressRunTests().requireBinaries()
        let scratch = Scratch("aduan-stress-pg-operators")
        let store = try database(scratch)
        let r = stress(["operators", "--store", store, "--processes", "4", "--seconds", "6", "--hot", "8", "--seed", "20261205"], scratch)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress operators (PostgreSQL): PASS"), "\(r.stdout)")
        #expect(figure("failures", in: r.stdout) == 0, "\(r.stdout)")
        #expect(figure("lost updates", in: r.stdout) == 0, "\(r.stdout)")
        #expect((figure("conflicts", in: r.stdout) ?? 0) > 0, "hot reports must produce conflicts: \(r.stdout)")
        #expect(r.stdout.contains("each its own database role"), "\(r.stdout)")
    }

    /// The checks are not vacuous: an event written behind the queue's back (no command for it)
    /// is caught as a half-written command.
    @Test func anEventWithoutItsCommandIsCaught() throws {
        try StressRunTests().requireBinaries()
        let scratch = Scratch("aduan-stress-pg-fault")
        let store = try database(scratch)
        let r = stress(["kill", "--store", store, "--kills", "3", "--processes", "1", "--complaints", "5", "--aduan-verify-every", "0",
                        "--fault", "event-without-command", "--seed", "5"], scratch)
        #expect(r.status == 1, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress kill (PostgreSQL): FAIL"), "\(r.stdout)")
        #expect(r.stdout.contains("an event without its command"), "\(r.stdout)")
        #expect(r.stdout.contains("store kept in "), "\(r.stdout)")
    }

    /// A run never reuses a store: a database that holds one (kept with --keep) is refused.
    @Test func aStoreLocationThatIsNotEmptyIsRefused() throws {
        try StressRunTests().requireBinaries()
        let scratch = Scratch("aduan-stress-pg-reuse")
        let store = try database(scratch)
        let first = stress(["operators", "--store", store, "--processes", "1", "--seconds", "1", "--keep", "--seed", "1"], scratch)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let again = AduanBinary.run(StressRunTests.stress, ["kill", "--store", store, "--kills", "1", "--dir", scratch.file("run2")],
                                    env: [:], stdin: nil, scratch: scratch)
        #expect(again.status == 2 && again.stderr.contains("already holds an aduan schema"), "\(again.stdout)\n\(again.stderr)")
    }
}
