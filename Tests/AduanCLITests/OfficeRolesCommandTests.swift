import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// Issue 14: `aduan office roles` prints the SQL that makes a PostgreSQL role for every login of
/// the office directory, with the row-level security policies the core's rules make for it
/// (applied and checked against a real server in AduanStoreTests/PGAccessTests).
@Suite struct OfficeRolesCommandTests {
    @Test func officeRolesPrintsARoleAndPoliciesForEveryLoginOfTheDirectory() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-roles")
        let r = desk.run(["office", "roles", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("-- aduan office roles:"))
        #expect(r.stdout.contains("BEGIN;"))
        #expect(r.stdout.hasSuffix("COMMIT;\n"))
        for login in ["siti", "andi", "budi", runnerLogin] {
            #expect(r.stdout.contains("CREATE ROLE \"\(login)\" LOGIN;"), "no role for \(login)")
            #expect(r.stdout.contains("CREATE POLICY \"aduan:see:\(login)\" ON aduan.complaints"), "no policy for \(login)")
            #expect(r.stdout.contains("CREATE POLICY \"aduan:reporter:\(login)\" ON aduan.complaint_reporters"))
            #expect(r.stdout.contains("CREATE POLICY \"aduan:texts:\(login)\" ON aduan.complaint_texts"))
        }
        // The liaison of Dinas Kesehatan sees what its unit held or was copied.
        #expect(r.stdout.contains("'dinkes' = ANY(complaints.cc_units)"))
        // Printing changes nothing.
        #expect(desk.run(["verify"]).status == 0)
        let id = desk.run(["office", "roles", "--lang", "id"])
        #expect(id.stdout.contains("Jalankan sebagai pemilik penyimpanan"))
    }

    @Test func officeRolesRefusesOptionsThatBelongElsewhere() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-roles-bad")
        let yes = desk.run(["office", "roles", "--yes", "--lang", "en"])
        #expect(yes.status != 0)
        #expect(yes.stderr.contains("--yes belongs to `aduan office apply`"))
        // An Indonesian session says it in Indonesian (issue 11 item 11).
        #expect(desk.run(["office", "roles", "--yes"]).stderr.contains("--yes milik `aduan office apply`"))
        #expect(desk.run(["office", "roles", "--format", "json"]).stderr.contains("hanya mencetak SQL"))
        let extra = desk.run(["office", "roles", "now"])
        #expect(extra.status != 0)
        #expect(desk.run(["office", "rolse", "--lang", "en"]).stderr.contains("did you mean `aduan office roles`"))
    }
}

/// The script `aduan office roles` prints applies as printed with `psql -v ON_ERROR_STOP=1` by a
/// store's owner (the README's step), and again (after an office change) without error. It
/// creates the example office's login roles (siti, andi, …, the runner's) in the test cluster.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"))
struct OfficeRolesAppliedTests {
    static func env(_ name: String) -> String { String(cString: getenv(name)) }

    @Test func thePrintedScriptAppliesWithPsqlAsTheOwner() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-roles-psql")
        let roles = desk.run(["office", "roles"])
        try #require(roles.status == 0, "\(roles.stderr)")
        let file = desk.scratch.write("roles.sql", roles.stdout)
        let host = Self.env("ADUAN_TEST_PGHOST"), port = Self.env("ADUAN_TEST_PGPORT")
        let tag = "c" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        let su = try PGConnection(parameters: [("host", host), ("port", port), ("user", "postgres"), ("dbname", "postgres")])
        try su.execute("CREATE ROLE \(tag)_owner LOGIN CREATEROLE")
        try su.execute("CREATE DATABASE \(tag) OWNER \(tag)_owner")
        let owner = try PGConnection(parameters: [("host", host), ("port", port), ("user", "\(tag)_owner"), ("dbname", tag)])
        _ = try PGStore(owner, context: WorkflowContext(directory: Directory(agencies: [])), create: true)
        func psql() -> ProcessResult {
            AduanBinary.run("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "\(tag)_owner", "-d", tag, "-f", file],
                            env: [:], stdin: nil, scratch: desk.scratch)
        }
        let first = psql()
        #expect(first.status == 0, "psql: \(first.stderr)")
        let again = psql()
        #expect(again.status == 0, "psql again: \(again.stderr)")
        let policies = try owner.query("SELECT count(*) AS n FROM pg_policies WHERE schemaname = 'aduan'").int64(0, "n") ?? 0
        let logins = Set(try OfficeConfig.parse(Desk.configBinding(runnerLogin), file: "office").get().operators.flatMap(\.logins))
        #expect(policies == Int64(logins.count * PGStore.policiesPerLogin.count), "\(policies) policies for \(logins.count) logins")
    }
}
