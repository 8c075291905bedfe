import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// The stores the privacy output tests read (issue 14): the SQLite desk always, and the same
/// office on PostgreSQL when the test cluster is there (`scripts/pg-cluster run swift test …`).
/// On PostgreSQL each operator runs `aduan` **as its own database role** (row-level security
/// on), with no `--as`: what it may see is what the database gives that role.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql

    static var clusterThere: Bool { getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil }
    /// PostgreSQL only with a cluster (without one the PostgreSQL suites say why they skip).
    static var available: [StoreBackend] { clusterThere ? allCases : [.sqlite] }

    var testDescription: String { rawValue }
}

/// A desk's store copied into a fresh PostgreSQL store: a database owned by a fresh role, the
/// office with every login a role of this test (`<tag>_siti`, …; the monitor gets a login of its
/// own, so the admin's role is the admin's alone), created with `aduan init --office`, roles and
/// policies from `aduan office roles`, and every report's history loaded as an import would.
final class PGMirror: @unchecked Sendable {
    let desk: Desk
    let tag = "pm" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
    let host = String(cString: getenv("ADUAN_TEST_PGHOST")), port = String(cString: getenv("ADUAN_TEST_PGPORT"))
    let config: OfficeConfig
    var owner: String { "postgresql://\(tag)_owner@/\(tag)?host=\(host)&port=\(port)" }

    init(_ desk: Desk) throws {
        self.desk = desk
        let su = try PGConnection(parameters: [("host", host), ("port", port), ("user", "postgres"), ("dbname", "postgres")])
        try su.execute("CREATE ROLE \(tag)_owner LOGIN CREATEROLE")
        try su.execute("CREATE DATABASE \(tag) OWNER \(tag)_owner")
        let office = BuiltInConfig.json.replacing("\"logins\": [\"siti\", \"kominfo\"]", with: "\"logins\": [\"kominfo\"]")
            .replacing("\"logins\": [\"", with: "\"logins\": [\"\(tag)_")
        config = try OfficeConfig.parse(Array(office.utf8), file: "pg-office.json").get()
        let file = desk.scratch.write("pg-office-\(tag).json", office)
        let made = AduanBinary.run(["init", "--store", owner, "--office", file, "--lang", "en"], in: desk.scratch)
        try #require(made.status == 0, "aduan init on PostgreSQL: \(made.stderr)")
        let roles = AduanBinary.run(["office", "roles", "--store", owner], in: desk.scratch)
        try #require(roles.status == 0, "aduan office roles: \(roles.stderr)")
        let conn = try PGConnection(parameters: [("host", host), ("port", port), ("user", "\(tag)_owner"), ("dbname", tag)])
        try conn.execute(roles.stdout)
        // Every report of the desk, in id order (so the ids are the same), as an import loads them.
        let lite = try ComplaintStore.open(path: desk.store, context: config.context, readOnly: true)
        let total = try lite.totals().complaints
        var histories: [[Event]] = []
        for id in 1...Int64(max(1, total)) { histories.append(try lite.events(of: id)) }
        let ids = try PGStore(conn, context: config.context).bulkInsertHistories(histories.filter { !$0.isEmpty })
        try #require(ids == Array(1...Int64(total)), "the PostgreSQL ids follow the desk's")
    }

    /// `aduan ARGS` as the operator's own role over the cluster's socket.
    func run(_ args: [String], as op: String) -> ProcessResult {
        let login = config.operators.first { $0.id == op }?.logins.first ?? "\(tag)_nobody"
        let store = "postgresql://\(login)@/\(tag)?host=\(host)&port=\(port)"
        let r = AduanBinary.run(args + ["--store", store], env: ["ADUAN_PG_WRITER_TIMEOUT": "5"], in: desk.scratch)
        expectNoCrash(r, args)
        return r
    }
}

/// `aduan ARGS` as an operator on the desk's store (SQLite, `--as`) or on its PostgreSQL copy.
struct PrivacyRunner: Sendable {
    let backend: StoreBackend
    let desk: Desk
    let mirror: PGMirror?

    /// Copies the desk to PostgreSQL when asked; call after the desk's set-up is done.
    init(_ backend: StoreBackend, _ desk: Desk) throws {
        self.backend = backend
        self.desk = desk
        mirror = backend == .postgresql ? try PGMirror(desk) : nil
    }

    func run(_ args: [String], as op: String) -> ProcessResult {
        if let mirror { return mirror.run(args, as: op) }
        return desk.run(args, as: op)
    }

    var isSQLite: Bool { backend == .sqlite }
}
