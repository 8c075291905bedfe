import AduanCore
import AduanStore
import Testing

/// Keyset paging in every order and scope, counts and per-status counters, against in-memory truth.
@Suite struct StoreReadTests {
    typealias F = StoreFixture

    static let scopes: [InboxScope] = [
        .everything, .agency("pemkab"), .agency("prov"),
        .unit("pemkab", "dinkes", includingCopies: true), .unit("pemkab", "pupr", includingCopies: true),
        .unit("pemkab", "pupr", includingCopies: false), .unit("prov", "prov-dik", includingCopies: true),
    ]

    static let filters: [FilterExpression] = [
        .all,
        .term(.status([.belumDitindaklanjuti, .proses])),
        .and([.term(.overdue), .term(.agency(["pemkab", "kota"]))]),
        .or([.term(.dueSoon), .term(.text("jalan"))]),
    ]

    /// Pages forward through the whole list from the top.
    static func forward(_ store: ComplaintStore, _ q: InboxQuery, limit: Int) throws -> [InboxRow] {
        var rows: [InboxRow] = []
        var cursor: PageCursor?
        for _ in 0..<1_000 {
            let page = try store.page(q, after: cursor, limit: limit, now: F.now)
            #expect(page.count <= limit)
            if page.isEmpty { return rows }
            rows += page
            cursor = page.last!.cursor
        }
        Issue.record("paging forward did not end")
        return rows
    }

    /// Pages backward through the whole list from the end.
    static func backward(_ store: ComplaintStore, _ q: InboxQuery, limit: Int) throws -> [InboxRow] {
        var rows: [InboxRow] = []
        var cursor: PageCursor?
        for _ in 0..<1_000 {
            let page = try store.page(q, before: cursor, limit: limit, now: F.now)
            #expect(page.count <= limit)
            if page.isEmpty { return rows }
            rows = page + rows
            cursor = page.first!.cursor
        }
        Issue.record("paging backward did not end")
        return rows
    }

    @Test("paging forward and backward in pages of 37 visits every report of the scope once, in order",
          arguments: InboxOrder.allCases)
    func paging(_ order: InboxOrder) throws {
        do {
            let store = try SharedDataset.open()
            let all = try StoreDataset.load(store)
            #expect(all.count > 390)
            let ctx = store.filterContext(now: F.now)
            for scope in Self.scopes {
                for filter in Self.filters {
                    let q = InboxQuery(scope: scope, filter: filter, order: order)
                    let expected = order.sorted(all.filter { scope.contains($0) && filter.matches($0, ctx) }).map(\.id)
                    let fwd = try Self.forward(store, q, limit: 37)
                    #expect(fwd.map(\.id) == expected, "forward \(order) \(scope) \(filter)")
                    #expect(Set(fwd.map(\.id)).count == fwd.count, "a report listed twice: \(order) \(scope) \(filter)")
                    let back = try Self.backward(store, q, limit: 37)
                    #expect(back.map(\.id) == expected, "backward \(order) \(scope) \(filter)")
                    #expect(try store.count(q, now: F.now) == expected.count, "count \(scope) \(filter)")

                    // The rows carry what the list shows.
                    let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
                    for row in fwd {
                        let c = byID[row.id]!
                        let due = F.context.deadlines.running(for: c, calendar: F.context.calendar)
                        #expect(row.status == c.status && row.holder == c.holder && row.title == c.title && row.version == c.version
                                && row.receivedAt == c.receivedAt && row.updatedAt == c.updatedAt && row.dueAt == due?.dueAt
                                && row.dueKind == due?.kind && row.pingPong == c.pingPong && row.rating == c.rating
                                && row.trackingID == c.trackingID && row.category == c.category, "row #\(row.id)")
                    }
                    // Positions agree with the list.
                    for i in stride(from: 0, to: fwd.count, by: max(1, fwd.count / 5)) {
                        #expect(try store.position(of: fwd[i].cursor, in: q, now: F.now) == i + 1, "position of #\(fwd[i].id)")
                    }
                }
            }
        }
    }

    @Test func smallAndOddPageSizes() throws {
        do {
            let store = try SharedDataset.open()
            let all = try StoreDataset.load(store)
            let q = InboxQuery(scope: .agency("pemkab"), order: .received)
            let expected = InboxOrder.received.sorted(all.filter { q.scope.contains($0) }).map(\.id)
            for limit in [1, 2, 500] {
                #expect(try Self.forward(store, q, limit: limit).map(\.id) == expected, "limit \(limit)")
                #expect(try Self.backward(store, q, limit: limit).map(\.id) == expected, "limit \(limit)")
            }
            #expect(try store.page(q, limit: 0, now: F.now).isEmpty)
        }
    }

    @Test func statusCountsEqualARecountInEveryScope() throws {
        do {
            let store = try SharedDataset.open()
            let all = try StoreDataset.load(store)
            var scopes = Self.scopes
            for agency in F.agencies { scopes.append(.agency(agency)) }
            for unit in F.units {
                let agency = F.directory.agencyOf(unit: unit)!.id
                scopes.append(.unit(agency, unit, includingCopies: true))
                scopes.append(.unit(agency, unit, includingCopies: false))
            }
            for scope in scopes {
                var expected: [Status: Int] = [:]
                for c in all where scope.contains(c) { expected[c.status, default: 0] += 1 }
                #expect(nonZero(try store.statusCounts(scope)) == expected, "\(scope)")
                #expect(try store.count(InboxQuery(scope: scope), now: F.now) == expected.values.reduce(0, +), "\(scope)")
            }
            // Counters cover every report exactly once.
            #expect(try store.totals().complaints == all.count)
            #expect(try store.verify().isClean)
        }
    }

    /// `count` answers status-only filters from the counters: a repeated status must count once,
    /// as the list (SQL `IN`) and `FilterExpression.matches` do. The parser produces such lists.
    @Test func countOfAStatusListNamingAStatusTwice() throws {
        do {
            let store = try SharedDataset.open()
            let all = try StoreDataset.load(store)
            let parsed = try FilterParser.parse("status:bt,belum_terverifikasi").get()
            #expect(parsed == .term(.status([.belumTerverifikasi, .belumTerverifikasi])))
            for scope in [InboxScope.everything, .agency("pemkab")] {
                let q = InboxQuery(scope: scope, filter: parsed)
                let listed = try Self.forward(store, q, limit: 100).count
                let expected = all.filter { scope.contains($0) && $0.status == .belumTerverifikasi }.count
                #expect(listed == expected)
                #expect(try store.count(q, now: F.now) == expected, "count(status:bt,belum_terverifikasi) in \(scope)")
            }
        }
    }

    /// A liaison whose unit is missing from the config gets the scope `.unit(agency, "", …)`:
    /// the list is empty, so the count must be 0 too (the counters file agency-held reports under unit "").
    @Test func countForAScopeWithAnEmptyUnitAgreesWithTheList() throws {
        do {
            let store = try SharedDataset.open()
            let scope = Access.inboxScope(of: Actor(id: "x", name: "X", role: .liaison, agency: "pemkab", unit: nil))
            #expect(scope == .unit("pemkab", "", includingCopies: true))
            let q = InboxQuery(scope: scope)
            let listed = try Self.forward(store, q, limit: 100).count
            #expect(listed == 0)
            #expect(try store.count(q, now: F.now) == listed)
            let counts = try store.statusCounts(scope)
            #expect(nonZero(counts).isEmpty, "\(counts)")
        }
    }
}
