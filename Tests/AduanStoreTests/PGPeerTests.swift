import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// Two operators on two Unix accounts of the server's machine, each bound to its PostgreSQL role
/// by peer authentication (a pg_ident map), read with plain `psql` only what the core lets them
/// see; one account cannot log in as the other's role. Needs root (test accounts, the cluster's
/// pg_hba.conf) and the cluster folder from scripts/pg-cluster (ADUAN_TEST_PGDIR).
@Suite(.enabled(if: PGTest.available && PGTest.env("ADUAN_TEST_PGDIR") != nil && getuid() == 0, PGTest.skipReason))
struct PGPeerTests {
    static func sh(_ program: String, _ args: [String], scratch: Scratch) -> ProcessResult {
        AduanBinary.run(program, args, env: [:], stdin: nil, scratch: scratch)
    }

    static func writeText(_ path: String, _ text: String) {
        guard let f = fopen(path, "w") else { return }
        fputs(text, f)
        fclose(f)
    }

    @Test func twoUnixAccountsReadOnlyTheirOwnReportsFromPsql() throws {
        let scratch = Scratch("aduan-pg-peer")
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        // Unix account names are at most 32 bytes; the tag keeps them apart from other runs.
        let dewi = "u\(db.tag)d", agus = "u\(db.tag)a"
        var ops = PGAccessTests.operators(db.tag)
        ops[ops.firstIndex { $0.id == "tl-dinkes" }!].logins = [dewi]
        ops[ops.firstIndex { $0.id == "admin-prov" }!].logins = [agus]
        let stories = try PGAccessTests.stories(ops)
        let ids = try store.insertHistories(stories.map(\.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))

        for account in [dewi, agus] {
            let r = Self.sh("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", account], scratch: scratch)
            try #require(r.status == 0, "useradd \(account): \(r.stderr)")
        }
        defer { for account in [dewi, agus] { _ = Self.sh("/usr/sbin/userdel", [account], scratch: scratch) } }

        // Peer authentication for this database only (the first matching line wins), with a map
        // that binds each account to its own role and lets root (the test) stay the owner.
        let data = PGTest.env("ADUAN_TEST_PGDIR")! + "/data"
        let hba = readText(data + "/pg_hba.conf") ?? ""
        Self.writeText(data + "/pg_hba.conf", "local \(db.name) all peer map=\(db.name)\n" + hba)
        let ident = readText(data + "/pg_ident.conf") ?? ""
        Self.writeText(data + "/pg_ident.conf", ident + "\n\(db.name) root \(db.owner)\n\(db.name) root postgres\n"
                       + "\(db.name) \(dewi) \(dewi)\n\(db.name) \(agus) \(agus)\n")
        let su = try PGTest.socket()
        try su.query("SELECT pg_reload_conf()")
        #expect(try su.query("SELECT count(*) AS n FROM pg_hba_file_rules WHERE error IS NOT NULL").int64(0, "n") == 0)

        func psql(as account: String, role: String, _ sql: String) -> ProcessResult {
            Self.sh("/usr/sbin/runuser", ["-u", account, "--", "psql", "-X", "-h", PGTest.host!, "-p", PGTest.port!,
                                          "-d", db.name, "-U", role, "-Atc", sql], scratch: scratch)
        }
        for (account, id) in [(dewi, "tl-dinkes"), (agus, "admin-prov")] {
            let op = ops.first { $0.id == id }!
            let r = psql(as: account, role: account, "SELECT id FROM aduan.complaints ORDER BY id")
            #expect(r.status == 0, "\(account): \(r.stderr)")
            let got = r.stdout.split(separator: "\n").compactMap { Int64($0) }
            let expected = zip(ids, stories).filter { Privacy.canView($0.1.complaint, viewer: op) }.map(\.0)
            #expect(got == expected, "\(id) on account \(account) reads \(got), the core says \(expected)")
            let names = psql(as: account, role: account, "SELECT count(*) FROM aduan.complaint_reporters")
            let mayName = stories.filter { Privacy.canSeeReporter($0.complaint, viewer: op) }.count
            #expect(names.stdout == "\(mayName)\n", "\(id) reads \(names.stdout) reporters, the core says \(mayName)")
            #expect(psql(as: account, role: account, "SELECT count(*) FROM aduan.events").stderr.contains("permission denied"))
        }
        // The liaison's account cannot log in as the admin's role.
        let wrong = psql(as: dewi, role: agus, "SELECT 1")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("Peer authentication failed"), "\(wrong.stderr)")
    }
}
