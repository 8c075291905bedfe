import AduanCore
import AduanStore
import Testing

/// The store's own statements, recorded with their values (what aduan-bench replays in sqlite3).
@Suite struct StoreStatementLogTests {
    typealias F = StoreFixture

    @Test func aListsRecordedStatementRerunElsewhereReturnsTheSameRows() throws {
        let store = try SharedDataset.open()
        let other = try Database(path: store.path, options: Database.OpenOptions(readOnly: true))
        for scope in StoreReadTests.scopes {
            for filter: FilterExpression in [.all, .term(.status([.proses, .belumDitindaklanjuti])), .term(.agency(["pemkab"]))] {
                let q = InboxQuery(scope: scope, filter: filter)
                var rows: [InboxRow] = []
                let statements = try store.recordingStatements { rows = try store.page(q, limit: 40, now: F.now) }
                guard let list = statements.last else {
                    #expect(rows.isEmpty, "rows without a statement: \(scope) \(filter)")
                    continue
                }
                // The values are written in: the text runs as it is, with no parameters left to bind.
                let s = try other.prepareOnce(list)
                var ids: [Int64] = []
                while try s.step() { ids.append(s.int64(0)) }
                #expect(ids == rows.map(\.id), "\(scope) \(filter): \(list)")
            }
        }
    }

    @Test func recordingEndsWithItsBody() throws {
        let store = try SharedDataset.open()
        let during = try store.recordingStatements { _ = try store.page(InboxQuery(scope: .everything), limit: 5, now: F.now) }
        #expect(during.count >= 1)
        let nested = try store.recordingStatements {
            _ = try store.recordingStatements { _ = try store.totals() }
            _ = try store.totals()
        }
        #expect(nested.count == 4)
    }
}
