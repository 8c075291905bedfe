import AduanCore
import AduanStore
import Testing

/// A follow-up drafted for approval is for the handling parties only (`Privacy.eventNeedsHandling`),
/// and its text may name the reporter. On PostgreSQL a login that opens `psql` reads no more of it
/// than the screen shows: every table and column the login may SELECT is searched for each draft's
/// unique marker, which turns up exactly where the core lets one of the login's operators read the
/// draft event, and with the reporter's name only where they may also see the reporter (issue 14).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGDraftPrivacyTests {
    static func marker(_ i: Int) -> String { "DRAFTMARK\(i)X" }
    static func draftText(_ i: Int) -> String { "\(marker(i)) Pelapor Siti Aminah sudah ditelepon di 081234567890." }

    /// The privacy matrix's shapes with a draft waiting: held by dinkes and copied to pupr (each
    /// combination of the flags, public and secret drafts), and one drafted then forwarded away.
    static func stories(_ ops: [Actor]) throws -> [(story: PGAccessTests.Story, draftVersion: Int)] {
        func actor(_ id: String) -> Actor { ops.first { $0.id == id }! }
        let admin = actor("admin-pemkab")
        var out: [(PGAccessTests.Story, Int)] = []
        for anonymous in [false, true] {
            for confidential in [false, true] {
                for secret in [false, true] {
                    var h = try PGAccessTests.Story(anonymous: anonymous, confidential: confidential, by: admin)
                    try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous, confidential: confidential)), by: admin)
                    try h.apply(.cc, ActionDetails(unit: "pupr"), by: admin)
                    try h.apply(.draft, ActionDetails(text: draftText(out.count), secret: secret), by: actor("tl-dinkes"))
                    out.append((h, h.complaint.version))
                }
            }
            var f = try PGAccessTests.Story(anonymous: anonymous, by: admin)
            try f.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous)), by: admin)
            try f.apply(.draft, ActionDetails(text: draftText(out.count)), by: actor("tl-dinkes"))
            let v = f.complaint.version
            try f.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi"), by: actor("tl-dinkes"))
            out.append((f, v))
        }
        return out
    }

    /// Every value the connected login may SELECT in the store's schemas, as text: each column it
    /// holds a SELECT privilege on (table-wide grants show there too), of every row RLS lets through.
    static func everythingReadable(_ conn: PGConnection) throws -> [String] {
        let cols = try conn.query("""
            SELECT DISTINCT table_schema, table_name, column_name FROM information_schema.column_privileges
            WHERE privilege_type = 'SELECT' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2, 3
            """)
        var byTable: [String: [String]] = [:]
        for i in 0..<cols.rowCount {
            let t = PGConnection.quoteIdentifier(cols.text(i, "table_schema")!) + "." + PGConnection.quoteIdentifier(cols.text(i, "table_name")!)
            byTable[t, default: []].append(PGConnection.quoteIdentifier(cols.text(i, "column_name")!))
        }
        var values: [String] = []
        for (table, columns) in byTable {
            for c in columns {
                values += try conn.query("SELECT \(c)::text AS v FROM \(table)").column("v").compactMap { $0 }
            }
        }
        return values
    }

    @Test func aDraftsTextIsReadWithSQLOnlyWhereTheCoreLetsTheLoginReadTheDraft() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        let stories = try Self.stories(ops)
        let ids = try store.insertHistories(stories.map(\.story.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let logins = PGAccessSQL.logins(of: ops)
        let passfile = try db.passwords(for: logins.map(\.login))

        var spread = (sees: 0, blind: 0, masked: 0)
        for (login, mine) in logins {
            let conn = try PGTest.tcp(user: login, database: db.name, passfile: passfile)
            let who = "\(login) (\(mine.map(\.id).joined(separator: "+")))"
            let readable = try Self.everythingReadable(conn)
            #expect(readable.contains { $0.contains("Pungutan liar") } || !mine.contains { op in stories.contains { Privacy.canSeeContent($0.story.complaint, viewer: op) } },
                    "\(who): the search reads nothing at all")
            for (i, (story, draftVersion)) in stories.enumerated() {
                let c = story.complaint
                let draft = story.events.first { $0.version == draftVersion }!
                let forms = mine.compactMap { Privacy.redacted(draft, in: c, for: $0)?.details.text }
                let mayRead = !forms.isEmpty
                let mayReadName = forms.contains { $0.contains("Siti Aminah") }
                let found = readable.filter { $0.lowercased().contains(Self.marker(i).lowercased()) }
                let foundName = found.contains { $0.contains("\(Self.marker(i)) Pelapor Siti Aminah") || $0.contains("081234567890") && $0.contains(Self.marker(i)) }
                #expect(!found.isEmpty == mayRead, "\(who), story \(i): reads the draft \(!found.isEmpty), the core says \(mayRead): \(found.prefix(2))")
                #expect(foundName == mayReadName, "\(who), story \(i): reads the reporter in the draft \(foundName), the core says \(mayReadName)")
                if mayRead { spread.sees += 1 } else if mine.contains(where: { Privacy.canView(c, viewer: $0) }) { spread.blind += 1 }
                if mayRead && !mayReadName { spread.masked += 1 }
            }

            // The report the screen puts together: its pending draft is the core's redaction of it,
            // the text filled from the draft's form the login reads (an approver still reads it).
            if mine.count == 1 {
                for (id, (story, _)) in zip(ids, stories) {
                    var expected: Complaint? = Privacy.canView(story.complaint, viewer: mine[0]) ? Privacy.redacted(story.complaint, for: mine[0]) : nil
                    expected?.id = id
                    #expect(try PGStore.complaint(id, on: conn) == expected, "\(who), report \(id): the report read differs from Privacy.redacted")
                }
            }
        }
        // Someone reads a draft, someone opens the report and does not, someone reads it without the name.
        #expect(spread.sees > 0 && spread.blind > 0 && spread.masked > 0, "\(spread)")
    }
}

/// A store written before schema version 5 kept a pending draft's author and text in the state
/// column: opening it with this build rewrites those states to what is written now.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGDraftMigrationTests {
    @Test func openingAnOlderStoreTakesPendingDraftTextsOutOfTheStateColumn() throws {
        let db = try PGTestDatabase()
        let conn = try db.ownerConnection()
        let store = try PGStore(conn, context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        let stories = try PGDraftPrivacyTests.stories(ops)
        try store.insertHistories(stories.map(\.story.events))
        let now = try conn.query("SELECT id, state FROM aduan.complaints ORDER BY id").column("state")
        #expect(now.contains { $0?.contains("\"pd\":[") == true })
        // The state as version 4 wrote it: the draft's author and text inside.
        try conn.execute("""
            UPDATE aduan.complaints SET state = regexp_replace(state, '"pd":\\[([0-9]+),([0-9]+),("[^"]*"),"","",false\\]',
                '"pd":[\\1,\\2,\\3,"tl-dinkes","OLDDRAFT Siti Aminah",false]');
            UPDATE aduan.meta SET value = '4' WHERE key = 'schema_version';
            """)
        #expect(try conn.query("SELECT count(*) AS n FROM aduan.complaints WHERE state LIKE '%OLDDRAFT%'").int64(0, "n") ?? 0 > 0)
        #expect(try PGSchema.open(conn, create: false) == 4, "the version before the scrub")
        #expect(try conn.query("SELECT id, state FROM aduan.complaints ORDER BY id").column("state") == now)
        #expect(try conn.query("SELECT value FROM aduan.meta WHERE key = 'schema_version'").text(0, "value") == String(PGSchema.version))
    }
}

extension PGDraftPrivacyTests {
    /// The command queue is read by the login that submitted: once the writer has settled a
    /// command, its details (a draft's text) are the event's, and the login reads them only
    /// where the core lets it read the event. A liaison whose unit drafted and then passed the
    /// report away reads the draft nowhere in the database.
    @Test func aSettledCommandKeepsNoTextTheLoginMayNoLongerRead() throws {
        let (db, store, ops, passfile) = try PGCommandTests.setUp()
        let dinkes = ops.first { $0.id == "tl-dinkes" }!
        let conn = try PGTest.tcp(user: dinkes.logins[0], database: db.name, passfile: passfile)
        let marker = "QUEUEDRAFT77X"
        _ = try PGStore.submit(Command(.draft, ActionDetails(text: "\(marker) Siti Aminah sudah ditelepon.")), to: PGCommandTests.report,
                               expectedVersion: nil, as: dinkes.id, on: conn)
        #expect(try store.processCommands(operators: ops) == 1)
        #expect(try Self.everythingReadable(conn).contains { $0.contains(marker) }, "the drafter reads its draft while it handles the report")
        _ = try store.apply(Command(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi")),
                            to: PGCommandTests.report, expectedVersion: nil, by: dinkes, login: dinkes.logins[0])
        let found = try Self.everythingReadable(conn).filter { $0.contains(marker) }
        #expect(found.isEmpty, "a unit that passed the report away reads the draft: \(found)")
        let outcome = try conn.query("SELECT outcome, kind FROM aduan.commands ORDER BY id")
        #expect(outcome.rowCount == 1 && outcome.text(0, "outcome") == "done" && outcome.text(0, "kind") == "draft", "the outcome stays readable")
    }
}
