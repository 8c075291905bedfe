import AduanCore
import AduanStore
import Testing

/// The database enforces who sees what: each operator's login, connected as itself over TCP
/// with SCRAM (not the owner, not SET ROLE), reads with plain SQL exactly the reports, reporter
/// identities and texts the core lets that operator see, for every operator × report of the
/// privacy matrix (the stories of PrivacyTests in AduanCoreTests).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGAccessTests {
    static let directory = Directory(agencies: [
        Agency(id: "pemkab", name: "Pemerintah Kabupaten Sukamaju", units: [
            Unit(id: "dinkes", name: "Dinas Kesehatan"), Unit(id: "pupr", name: "Dinas PUPR"),
        ]),
        Agency(id: "prov", name: "Pemerintah Provinsi", units: [Unit(id: "prov-x", name: "Biro Pelayanan Publik")]),
    ])
    static let context = WorkflowContext(directory: directory)
    static let reporter = Reporter(name: "Siti Aminah", phone: "081234567890", email: "siti@example.id", nik: "3201010101010001")

    /// The operators of PrivacyTests, each bound to a login of this test's own (roles are
    /// cluster-wide), and one login (`hats`) bound to two operators of different agencies.
    static func operators(_ tag: String) -> [Actor] {
        func op(_ id: String, _ role: Role, _ agency: String, _ unit: String? = nil, extra: [String] = []) -> Actor {
            Actor(id: id, name: id, role: role, agency: agency, unit: unit, logins: ["\(tag)_\(id)"] + extra.map { "\(tag)_\($0)" })
        }
        return [
            op("admin-pemkab", .admin, "pemkab"), op("admin-prov", .admin, "prov"),
            op("tl-dinkes", .liaison, "pemkab", "dinkes"), op("tl-pupr", .liaison, "pemkab", "pupr", extra: ["hats"]),
            op("tl-provx", .liaison, "prov", "prov-x"), op("tl-nounit", .liaison, "pemkab"),
            op("kadis", .supervisor, "pemkab"), op("inspektur", .supervisor, "prov", extra: ["hats"]),
            op("kominfo", .supervisor, Access.allAgencies),
        ]
    }

    /// A report's events, each decided by the workflow.
    struct Story {
        var events: [Event] = []
        var complaint: Complaint
        var time: Timestamp

        init(anonymous: Bool = false, confidential: Bool = false, by actor: Actor) throws {
            time = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 6, day: 8), hour: 9)
            let intake = Intake(title: "Pungutan liar di puskesmas, kata Siti Aminah",
                                body: "Petugas meminta uang tambahan. Hubungi Siti Aminah di 081234567890.",
                                location: "Desa Mekarsari", anonymous: anonymous, confidential: confidential, reporter: PGAccessTests.reporter)
            let e = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: actor, at: time,
                                        context: PGAccessTests.context, newID: 1).get()
            events = [e]
            complaint = Workflow.evolve(nil, e)
        }

        mutating func apply(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor) throws {
            time = time.adding(seconds: 60)
            let e = try Workflow.decide(Command(kind, details), on: complaint, by: actor, at: time, context: PGAccessTests.context).get()
            events.append(e)
            complaint = Workflow.evolve(complaint, e)
        }
    }

    /// Every story of the privacy matrix: fresh, anonymous, confidential; held by a unit and
    /// copied to another (each combination of the flags), with secret and public follow-ups;
    /// forwarded to another agency.
    static func stories(_ ops: [Actor]) throws -> [Story] {
        func actor(_ id: String) -> Actor { ops.first { $0.id == id }! }
        let admin = actor("admin-pemkab")
        var stories = [try Story(by: admin), try Story(anonymous: true, by: admin), try Story(confidential: true, by: admin)]
        for anonymous in [false, true] {
            for confidential in [false, true] {
                var h = try Story(anonymous: anonymous, confidential: confidential, by: admin)
                try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous, confidential: confidential)), by: admin)
                try h.apply(.cc, ActionDetails(unit: "pupr"), by: admin)
                stories.append(h)
                try h.apply(.followUp, ActionDetails(text: "Petugas sudah ditegur.", secret: true), by: actor("tl-dinkes"))
                try h.apply(.note, ActionDetails(text: "Cek rekaman CCTV."), by: actor("kadis"))
                try h.apply(.followUp, ActionDetails(text: "Uang sudah dikembalikan."), by: actor("tl-dinkes"))
                stories.append(h)
            }
            var f = try Story(anonymous: anonymous, by: admin)
            try f.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous)), by: admin)
            try f.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi"), by: actor("tl-dinkes"))
            stories.append(f)
            try f.apply(.followUp, ActionDetails(text: "Ditangani provinsi.", secret: true), by: actor("tl-provx"))
            stories.append(f)
        }
        return stories
    }

    /// What the core lets a login (acting as any of its operators) read of `c`'s texts.
    static func expectedTexts(_ c: Complaint, _ ops: [Actor]) -> [String] {
        if ops.contains(where: { Privacy.canSeeContent(c, viewer: $0) && Privacy.canSeeReporter(c, viewer: $0) }) {
            return [c.title, c.body, c.location]
        }
        if ops.contains(where: { Privacy.canSeeContent(c, viewer: $0) }) {
            return [Privacy.publicText(c.title, of: c), Privacy.publicText(c.body, of: c), Privacy.publicText(c.location, of: c)]
        }
        return ["", "", ""]
    }

    /// The privacy matrix's stories inserted as histories, the roles script applied, each login's password.
    static func province() throws -> (PGTestDatabase, PGStore, [Actor], [Int64: Complaint], String) {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let ops = PGAccessTests.operators(db.tag)
        let stories = try PGAccessTests.stories(ops)
        let ids = try store.insertHistories(stories.map(\.events))
        var complaints: [Int64: Complaint] = [:]
        for (id, s) in zip(ids, stories) {
            var c = s.complaint
            c.id = id
            complaints[id] = c
        }
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let passfile = try db.passwords(for: PGAccessSQL.logins(of: ops).map(\.login))
        return (db, store, ops, complaints, passfile)
    }

    @Test func eachLoginReadsWithSQLExactlyWhatTheCoreLetsItsOperatorsSee() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: Self.context, create: true)
        let ops = Self.operators(db.tag)
        let stories = try Self.stories(ops)
        let ids = try store.insertHistories(stories.map(\.events))
        var complaints: [Int64: Complaint] = [:]
        for (id, s) in zip(ids, stories) { complaints[id] = s.complaint }

        // The owner applies the script `aduan office roles` prints; then each login gets a password.
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let logins = PGAccessSQL.logins(of: ops)
        #expect(logins.count == ops.count + 1)
        let passfile = try db.passwords(for: logins.map(\.login))

        var checked = 0, copiesChecked = 0, copiesHidden = 0
        for (login, mine) in logins {
            let conn = try PGTest.tcp(user: login, database: db.name, passfile: passfile)
            #expect(conn.user == login)
            let who = "\(login) (\(mine.map(\.id).joined(separator: "+")))"

            // Rows: the reports the core lets any of the login's operators open.
            let visible = Set(try conn.query("SELECT id FROM aduan.complaints").column("id").compactMap { $0.flatMap { Int64($0) } })
            let mayOpen = Set(complaints.filter { _, c in mine.contains { Privacy.canView(c, viewer: $0) } }.keys)
            #expect(visible == mayOpen, "\(who) reads reports \(visible.sorted()), the core says \(mayOpen.sorted())")

            // The state column never carries the reporter or the texts.
            for state in try conn.query("SELECT state FROM aduan.complaints").column("state") {
                #expect(!(state ?? "").contains("Siti"), "\(who) reads the reporter in a state column")
            }

            // Reporter identity: exactly where the core shows it, and then the right one.
            let r = try conn.query("SELECT id, name, phone, email, nik FROM aduan.complaint_reporters ORDER BY id")
            var seen: Set<Int64> = []
            for i in 0..<r.rowCount {
                let id = r.int64(i, "id")!
                seen.insert(id)
                #expect([r.text(i, "name"), r.text(i, "phone"), r.text(i, "email"), r.text(i, "nik")]
                        == [Self.reporter.name, Self.reporter.phone, Self.reporter.email, Self.reporter.nik])
            }
            let maySeeReporter = Set(complaints.filter { _, c in mine.contains { Privacy.canSeeReporter(c, viewer: $0) } }.keys)
            #expect(seen == maySeeReporter, "\(who) reads reporters of \(seen.sorted()), the core says \(maySeeReporter.sorted())")

            // Texts: the full row where content and reporter may be seen, else the masked one, else nothing.
            let t = try conn.query("SELECT id, masked, title, body, location FROM aduan.complaint_texts")
            var read: [Int64: [Bool: [String]]] = [:]
            for i in 0..<t.rowCount {
                read[t.int64(i, "id")!, default: [:]][t.bool(i, "masked")!] = [t.text(i, "title")!, t.text(i, "body")!, t.text(i, "location")!]
            }
            #expect(Set(read.keys).isSubset(of: mayOpen), "\(who) reads texts of reports it may not open")
            for (id, c) in complaints {
                let got = read[id]?[false] ?? read[id]?[true] ?? ["", "", ""]
                let expected = Self.expectedTexts(c, mine)
                #expect(got == expected, "\(who), report \(id): reads \(got), the core says \(expected)")
                if mine.count == 1, mayOpen.contains(id) {
                    let core = Privacy.redacted(c, for: mine[0])
                    #expect(got == [core.title, core.body, core.location], "\(who), report \(id) against Privacy.redacted")
                }
                checked += 1
            }

            // The report put together from what the role reads is the core's redaction of it.
            if mine.count == 1 {
                for (id, c) in complaints {
                    var expected: Complaint? = Privacy.canView(c, viewer: mine[0]) ? Privacy.redacted(c, for: mine[0]) : nil
                    expected?.id = id
                    let read = try PGStore.complaint(id, on: conn)
                    #expect(read == expected, "\(who), report \(id): the report read differs from Privacy.redacted")
                    let story = stories[ids.firstIndex(of: id)!]
                    let events = story.events.map { e -> Event in var e = e; e.complaintID = id; return e }
                    #expect(try PGStore.timeline(id, on: conn) == events.compactMap { Privacy.redacted($0, in: c, for: mine[0]) },
                            "\(who), report \(id): the timeline read differs from Privacy.redacted")
                }
            }

            // A search finds the reporter's name only where the reporter may be seen.
            let byName = Set(try conn.query("SELECT aduan.search_texts('{aminah}') AS id")
                .column("id").compactMap { $0.flatMap { Int64($0) } })
            // The words themselves are not the login's to read (nor their statistics).
            #expect(throws: PostgresError.self) { try conn.query("SELECT id FROM aduan.complaint_texts WHERE words @@ 'aminah'::tsquery") }
            #expect(throws: PostgresError.self) { try conn.query("SELECT id FROM aduan.complaint_texts WHERE scoped_words @@ 'aminah'::tsquery") }
            let nameVisible = Set(complaints.filter { _, c in
                mine.contains { Privacy.canSeeContent(c, viewer: $0) && Privacy.canSeeReporter(c, viewer: $0) }
            }.keys)
            #expect(byName == nameVisible, "\(who) finds the reporter's name in \(byName.sorted())")

            // The timeline: each event the core lets the login read, in the form the core redacts it to.
            let ev = try conn.query("SELECT seq, complaint_id, body FROM aduan.event_views ORDER BY seq")
            var timeline: [Int64: [(seq: Int64, body: String)]] = [:]
            for i in 0..<ev.rowCount {
                timeline[ev.int64(i, "complaint_id")!, default: []].append((ev.int64(i, "seq")!, ev.text(i, "body")!))
            }
            for (id, story) in zip(ids, stories) {
                let c = complaints[id]!
                let events = story.events.map { e -> Event in var e = e; e.complaintID = id; return e }
                func forms(_ op: Actor) -> [String] {
                    events.compactMap { Privacy.redacted($0, in: c, for: op) }.map { String(decoding: EventCodec.storedBody($0), as: UTF8.self) }
                }
                let got = timeline[id] ?? []
                if mine.count == 1 {
                    #expect(got.map(\.body) == forms(mine[0]), "\(who), report \(id): the timeline differs from Privacy.redacted")
                } else {
                    let allowed = Set(mine.flatMap(forms))
                    #expect(got.allSatisfy { allowed.contains($0.body) }, "\(who), report \(id): a form no hat of the login may read")
                    let seqs = Set(got.map(\.seq)).count
                    let readable = events.filter { e in mine.contains { Privacy.canSeeEvent(e, in: c, viewer: $0) } }.count
                    #expect(seqs == readable, "\(who), report \(id): reads \(seqs) events, the core says \(readable)")
                }
                for form in got where !mine.contains(where: { Privacy.canSeeReporter(c, viewer: $0) }) {
                    #expect(!form.body.contains("Aminah") && !form.body.contains("081234567890"), "\(who) reads the reporter in event \(form.seq)")
                }
            }

            // The units' copies (complaint_copies, a unit's page): a unit's login reads its own unit's
            // copies, an agency's or the province's those of the reports it may open, never others.
            let cp = try conn.query("SELECT unit, complaint_id FROM aduan.complaint_copies")
            let copiesRead = Set((0..<cp.rowCount).map { "\(cp.text($0, "unit") ?? "?") #\(cp.int64($0, "complaint_id") ?? 0)" })
            var copiesAllowed: Set<String> = []
            for (id, c) in complaints {
                for u in Set(c.ccUnits) where mine.contains(where: { op in
                    guard Privacy.canView(c, viewer: op) else { return false }
                    switch Access.inboxScope(of: op) {
                    case .everything, .agency: return true
                    case .unit, .subtree: return op.unit == u
                    }
                }) { copiesAllowed.insert("\(u) #\(id)") }
            }
            #expect(copiesRead == copiesAllowed, "\(who) reads copies \(copiesRead.sorted()), the core says \(copiesAllowed.sorted())")
            copiesChecked += copiesAllowed.count
            copiesHidden += complaints.values.reduce(0) { $0 + Set($1.ccUnits).count } - copiesAllowed.count

            // The raw log (identity inside intake events) and every write are closed to the login.
            for sql in ["SELECT count(*) FROM aduan.events", "SELECT count(*) FROM aduan.meta",
                        "UPDATE aduan.complaints SET holder_agency = 'prov'", "DELETE FROM aduan.complaint_texts",
                        "INSERT INTO aduan.complaint_reporters(id, name) VALUES (999, 'x')", "DELETE FROM aduan.event_views",
                        "DELETE FROM aduan.complaint_copies", "INSERT INTO aduan.complaint_copies(unit, complaint_id, due_key) VALUES ('pupr', 1, 0)"] {
                do {
                    try conn.execute(sql)
                    Issue.record("\(who): `\(sql)` was accepted")
                } catch let e {
                    #expect(e.isPermissionDenied, "\(who): `\(sql)`: \(e)")
                }
            }
        }
        #expect(checked == logins.count * stories.count)
        #expect(copiesChecked > 0 && copiesHidden > 0, "some login reads copies, some may not")
        // The matrix is only as good as its spread: someone sees each thing, someone does not.
        #expect(stories.contains { s in ops.contains { Privacy.canSeeReporter(s.complaint, viewer: $0) } })
        #expect(stories.contains { s in ops.contains { Privacy.canView(s.complaint, viewer: $0) && !Privacy.canSeeContent(s.complaint, viewer: $0) } })
        #expect(stories.contains { s in ops.contains { Privacy.canSeeContent(s.complaint, viewer: $0) && !Privacy.canSeeReporter(s.complaint, viewer: $0) } })
    }

    @Test func aLoginGoneFromTheDirectoryReadsNothingAfterTheScriptRunsAgain() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: Self.context, create: true)
        let ops = Self.operators(db.tag)
        try store.insertHistories(try Self.stories(ops).map(\.events))
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        let kadis = "\(db.tag)_kadis"
        let passfile = try db.passwords(for: [kadis])
        #expect(try PGTest.tcp(user: kadis, database: db.name, passfile: passfile).query("SELECT id FROM aduan.complaints").rowCount > 0)
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops.filter { $0.id != "kadis" }))
        #expect(try PGTest.tcp(user: kadis, database: db.name, passfile: passfile).query("SELECT id FROM aduan.complaints").rowCount == 0)
    }

    @Test func aSuperuserLoginInTheDirectoryIsRefusedAndNothingChanges() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: Self.context, create: true)
        let su = try PGTest.socket()
        try su.execute("CREATE ROLE \(db.tag)_root LOGIN SUPERUSER")
        var ops = Self.operators(db.tag)
        ops[0].logins.append("\(db.tag)_root")
        do {
            try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
            Issue.record("a superuser login was given policies")
        } catch let e {
            #expect(e.message.contains("bypasses row-level security"), "\(e)")
        }
        let policies = try store.conn.query("SELECT count(*) AS n FROM pg_policies WHERE schemaname = 'aduan'").int64(0, "n")
        #expect(policies == 0)
    }
}

/// The roles script as text: needs no server.
struct PGAccessScriptTests {
    @Test func theScriptQuotesEveryNameAndValue() throws {
        let odd = Actor(id: "x", name: "x", role: .liaison, agency: "a'b", unit: "u\"v", logins: ["siti.a@dinkes-1"])
        let script = PGAccessSQL.rolesScript(operators: [odd])
        #expect(script.contains("'a''b'"))
        #expect(script.contains("CREATE ROLE \"siti.a@dinkes-1\" LOGIN"))
        #expect(script.contains("rolname = 'siti.a@dinkes-1'"))
        // A login that is not a valid account name is left out entirely.
        let bad = Actor(id: "y", name: "y", role: .admin, agency: "a", logins: ["x\"; DROP TABLE aduan.events; --"])
        #expect(!PGAccessSQL.rolesScript(operators: [bad]).contains("DROP TABLE"))
    }
}

/// The roles script is run by the store's owner, and the directory it is written from can be
/// changed by an office admin's ordinary login (`office apply`): no name in it may end a comment
/// or a quoted block (review of session 7, P1/P2).
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGAccessScriptInjectionTests {
    @Test func aLineBreakInAnOperatorAgencyOrUnitIdEndsNoComment() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        for evil in ["x\nDROP TABLE aduan.event_views; --", "x\rDROP TABLE aduan.event_views; --"] {
            let ops = [Actor(id: evil, name: "n", role: .liaison, agency: evil, unit: evil, logins: ["\(db.tag)_siti"])]
            try store.conn.execute(PGAccessSQL.rolesScript(operators: ops, header: "office \(evil)"))
            let left = try store.conn.query("SELECT to_regclass('aduan.event_views') IS NOT NULL AS present").bool(0, "present")
            #expect(left == true, "\(evil.debugDescription) ended a comment of the roles script and ran as the owner")
        }
    }

    @Test func aLoginHoldingTheBlocksDollarQuoteGetsItsRoleAndPolicies() throws {
        let db = try PGTestDatabase()
        let store = try PGStore(try db.ownerConnection(), context: PGAccessTests.context, create: true)
        let login = "\(db.tag)$aduan$x"
        #expect(Identity.isValidLogin(login))
        let plain = "\(db.tag)_plain"
        let ops = [Actor(id: "x", name: "x", role: .admin, agency: "pemkab", logins: [login]),
                   Actor(id: "y", name: "y", role: .admin, agency: "pemkab", logins: [plain])]
        try store.conn.execute(PGAccessSQL.rolesScript(operators: ops))
        func policies(_ role: String) throws -> Int64? {
            try store.conn.query("SELECT count(*) AS n FROM pg_policies WHERE schemaname = 'aduan' AND $1 = ANY(roles)", [.text(role)]).int64(0, "n")
        }
        #expect(try policies(login) == policies(plain) && policies(plain) ?? 0 > 0)
    }
}
