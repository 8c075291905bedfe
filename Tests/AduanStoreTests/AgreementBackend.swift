import AduanCore
@testable import AduanStore
import Testing

/// The backends the viewer agreement suites run against (issue 14): SQLite always, and
/// PostgreSQL when the test cluster is there (`scripts/pg-cluster run swift test …`). On
/// PostgreSQL each viewer reads **as its own database role**: the rows come through row-level
/// security generated from the core's rules (`PGAccessSQL.rolesScript`), the scope and filter
/// through the one renderer in `PostgreSQLDialect`, so what is compared with the core is what
/// that operator's `aduan list` (and `psql`) gets.
enum AgreementBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql

    /// PostgreSQL only with a cluster (without one the PostgreSQL suites say why they skip).
    static var available: [AgreementBackend] { PGTest.available ? allCases : [.sqlite] }

    var testDescription: String { rawValue }
}

/// The shared data set on one backend, and the lists each viewer gets from it, in the SQLite
/// store's ids (the core's `all` is read from there).
final class AgreementData {
    typealias A = StoreFilterAgreementTests
    let backend: AgreementBackend
    let sqlite: ComplaintStore
    let all: [Complaint]
    /// PostgreSQL: id → SQLite id, and each viewer's connection as its own role.
    private var map: [Int64: Int64] = [:]
    private var roles: [String: PGConnection] = [:]
    /// PostgreSQL: the owner's connection (no row-level security: the scope rule alone).
    private var owner: PGConnection?

    init(_ backend: AgreementBackend, viewers: [Actor]) throws {
        self.backend = backend
        sqlite = try SharedDataset.open()
        all = try StoreDataset.load(sqlite)
        guard backend == .postgresql else { return }
        let db = try PGTestDatabase()
        let owner = try db.ownerConnection()
        self.owner = owner
        let pg = try PGStore(owner, context: StoreFixture.context, create: true)
        let ids = try pg.bulkInsertHistories(try all.map { try sqlite.events(of: $0.id) })
        try #require(ids.count == all.count)
        map = Dictionary(uniqueKeysWithValues: zip(ids, all.map(\.id)))
        // One login role per viewer; its policies are the core's rules for that operator.
        let withLogins = viewers.enumerated().map { i, v in
            var a = v
            a.logins = ["\(db.tag)_v\(i)"]
            return a
        }
        try owner.execute(PGAccessSQL.rolesScript(operators: withLogins))
        for a in withLogins {
            // Each login searches as the screen's store does: through its keys once it has them.
            let conn = try PGTest.socket(user: a.logins[0], database: db.name)
            conn.searchByAudience = try PGOperatorStore.searchesByAudience(conn)
            roles[a.id] = conn
        }
    }

    /// The ids `viewer`'s store lists for the query, in id order (no viewer: the owner's).
    func ids(_ q: InboxQuery, viewer: Actor?) throws -> [Int64] {
        switch backend {
        case .sqlite:
            return try sqlite.page(q, limit: 100_000, now: StoreFixture.now).map(\.id).sorted()
        case .postgresql:
            let conn = try #require(viewer.map { roles[$0.id] } ?? owner, "no role for \(viewer?.id ?? "the owner")")
            return try PGStore.listIDs(q, now: StoreFixture.now, context: StoreFixture.context, on: conn).map { map[$0] ?? -$0 }.sorted()
        }
    }

    /// The core's selection against the backend's: on SQLite through both of the store's read
    /// paths (`A.compare`), on PostgreSQL as the viewer's role.
    func compare(_ mem: [Int64], _ scope: InboxScope, _ filter: FilterExpression, content: ContentAccess = .everything,
                 viewer: Actor?) -> A.Disagreement? {
        if backend == .sqlite { return A.compare(sqlite, mem, scope, filter, content: content) }
        do {
            let got = try ids(InboxQuery(scope: scope, content: content, filter: filter, order: .deadline), viewer: viewer)
            if got == mem { return nil }
            let g = Set(got), m = Set(mem)
            return A.Disagreement(scope: scope, filter: filter, onlyStore: got.filter { !m.contains($0) }, onlyMemory: mem.filter { !g.contains($0) })
        } catch {
            return A.Disagreement(scope: scope, filter: filter, onlyStore: [], onlyMemory: mem, error: .postgres(.database(detail: "\(error)")))
        }
    }
}
