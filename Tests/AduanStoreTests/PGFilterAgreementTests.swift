import AduanCore
@testable import AduanStore
import Testing

/// The filter agreement tests (core `FilterExpression.matches` vs the store's SQL) against
/// PostgreSQL: the shared data set's histories loaded into a fresh PostgreSQL store, the scope
/// and filter rendered by the same renderer in `PostgreSQLDialect`, read as the owner (no
/// row-level security: the scope rule alone), compared with the core, filter by filter.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGFilterAgreementTests {
    typealias F = StoreFixture
    typealias A = StoreFilterAgreementTests

    /// The shared data set in a PostgreSQL store, and PostgreSQL's id for each SQLite id.
    static func load() throws -> (PGConnection, ComplaintStore, [Complaint], pgToSQLite: [Int64: Int64]) {
        let sqlite = try SharedDataset.open()
        let all = try StoreDataset.load(sqlite)
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        let pg = try PGStore(conn, context: F.context, create: true)
        let ids = try pg.bulkInsertHistories(try all.map { try sqlite.events(of: $0.id) })
        try #require(ids.count == all.count)
        return (conn, sqlite, all, Dictionary(uniqueKeysWithValues: zip(ids, all.map(\.id))))
    }

    static let scopes: [InboxScope] = [.everything, .agency("pemkab"), .agency("prov"), .unit("pemkab", "dinkes", includingCopies: true),
                                       .unit("pemkab", "pupr", includingCopies: false), .unit("prov", "prov-dik", includingCopies: true),
                                       .unit("pemkab", "", includingCopies: true)]

    static func pgIDs(_ conn: PGConnection, _ map: [Int64: Int64], _ scope: InboxScope, _ filter: FilterExpression) throws -> [Int64] {
        try PGStore.listIDs(InboxQuery(scope: scope, filter: filter), now: F.now, context: F.context, on: conn).map { map[$0] ?? -$0 }.sorted()
    }

    @Test func typedFiltersSelectTheSameReportsOnPostgreSQLAsInMemoryInEveryScope() throws {
        let (conn, sqlite, all, map) = try Self.load()
        let ctx = sqlite.filterContext(now: F.now)
        var disagreements: [String] = []
        for text in A.typed {
            let filter = try FilterParser.parse(text, vocabulary: FilterVocabulary(directory: F.directory)).get()
            for scope in Self.scopes {
                let mem = A.memoryIDs(all, scope, filter, ctx)
                let got = try Self.pgIDs(conn, map, scope, filter)
                if got != mem {
                    disagreements.append("«\(text)» in \(scope): only PostgreSQL \(got.filter { !mem.contains($0) }.prefix(6)), only the core \(mem.filter { !got.contains($0) }.prefix(6))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(12).joined(separator: "\n"))")
    }

    @Test func randomFiltersSelectTheSameReportsOnPostgreSQLAsInMemory() throws {
        let (conn, sqlite, all, map) = try Self.load()
        let ctx = sqlite.filterContext(now: F.now)
        var gen = FilterGenerator(reports: all, seed: 20_261_205)
        var disagreements: [String] = []
        var nonTrivial = 0
        for i in 0..<400 {
            let filter = gen.expression(depth: 3)
            let scope: InboxScope = i % 3 == 2 ? gen.rng.pick(Self.scopes) : .everything
            let mem = A.memoryIDs(all, scope, filter, ctx)
            if mem.count > 0 && mem.count < all.count { nonTrivial += 1 }
            let got = try Self.pgIDs(conn, map, scope, filter)
            if got != mem { disagreements.append("\(FilterText.describe(filter)) in \(scope): PostgreSQL \(got.count), core \(mem.count)") }
        }
        #expect(nonTrivial > 150, "the generator mostly makes filters that select something but not everything (\(nonTrivial))")
        #expect(disagreements.isEmpty, "\(disagreements.count) of 400 disagree:\n\(disagreements.prefix(12).joined(separator: "\n"))")
    }

    /// Paging on PostgreSQL (keyset, 7 rows a page) walks each order exactly as the SQLite store
    /// lists it, in every scope, with and without a filter.
    @Test func pagesFollowTheSQLiteStoresOrderInEveryScope() throws {
        let (conn, sqlite, _, map) = try Self.load()
        let filters: [FilterExpression] = [.all, try FilterParser.parse("NOT status:selesai", vocabulary: FilterVocabulary(directory: F.directory)).get()]
        for order in InboxOrder.allCases {
            for scope in Self.scopes {
                for filter in filters {
                    var q = InboxQuery(scope: scope, filter: filter, order: order)
                    q.formerHolders = true
                    let expected = try sqlite.page(q, limit: 100_000, now: F.now).map(\.id)
                    var got: [Int64] = []
                    var cursor: PageCursor?
                    while true {
                        let page = try PGStore.pageIDs(q, after: cursor, limit: 7, now: F.now, context: F.context, on: conn)
                        if page.isEmpty { break }
                        got += page.map { map[$0.id] ?? -$0.id }
                        cursor = PageCursor(key: page.last!.key, id: page.last!.id)
                    }
                    #expect(got == expected, "\(order) \(scope) \(filter): PostgreSQL \(got.prefix(10)) … SQLite \(expected.prefix(10)) …")
                }
            }
        }
    }
}
