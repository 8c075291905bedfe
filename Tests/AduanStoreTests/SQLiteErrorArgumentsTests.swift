import AduanCore
import AduanStore
import Testing

/// SQLite errors carry the statement's bound values for tests and debugging, and never show them
/// to an operator (they can name a reporter).
@Suite struct SQLiteErrorArgumentsTests {
    static let secret = "Siti Rahayu 081234567890"

    /// A unique-constraint failure on a statement bound with the secret.
    static func failure(_ dir: String) throws -> SQLiteError? {
        let db = try Database(path: dir + "/t.db", options: Database.OpenOptions(create: true))
        try db.execute("CREATE TABLE t(name TEXT UNIQUE)")
        try db.run("INSERT INTO t(name) VALUES(?)", [.text(secret)])
        do {
            try db.run("INSERT INTO t(name) VALUES(?)", [.text(secret)])
        } catch {
            return error
        }
        return nil
    }

    @Test func aFailedStatementCarriesItsSQLAndBoundValues() throws {
        try withTempDir { dir in
            let e = try #require(try Self.failure(dir))
            #expect(e.sql == "INSERT INTO t(name) VALUES(?)")
            #expect(e.arguments == [.text(Self.secret)])
            #expect(e.descriptionWithArguments.contains(Self.secret))
        }
    }

    @Test func whatAnOperatorOrALogSeesNeverHoldsTheBoundValues() throws {
        try withTempDir { dir in
            let e = try #require(try Self.failure(dir))
            let store = StoreError.sqlite(path: dir + "/t.db", e)
            let shown = [e.description, e.debugDescription, "\(e)", String(reflecting: e), "\(store)", String(reflecting: store),
                         "\([e])", store.message(strings(.en), names: StoreFixture.directory, zone: .wib),
                         store.message(strings(.id), names: StoreFixture.directory, zone: .wib)]
            for text in shown {
                #expect(!text.contains("Siti") && !text.contains("0812"), "\(text)")
            }
            #expect(e.description.contains("INSERT INTO t"))
        }
    }
}
