import AduanCore
import AduanStore
import Glibc
import Testing

/// `verify` finds every kind of tampering and names the report it concerns.
@Suite struct StoreVerifyTests {
    typealias F = StoreFixture

    /// Six reports whose events interleave in the log (so seq order mixes reports).
    static func buildBase(_ path: String) throws -> ComplaintStore {
        let store = try F.open(path)
        let admin = F.admin()
        let scripts: [[(Actor, Command)]] = [
            [(admin, Command(.verify, ActionDetails(unit: "dinkes"))), (F.liaison("dinkes"), Command(.followUp, ActionDetails(text: "Kami tinjau."))),
             (.system, Command(.reply, ActionDetails(text: "Belum."))), (F.liaison("dinkes"), Command(.followUp, ActionDetails(text: "Sudah diperbaiki.")))],
            [(admin, Command(.verify, ActionDetails(unit: "pupr"))), (admin, Command(.cc, ActionDetails(unit: "disdik"))),
             (F.liaison("pupr"), Command(.followUp, ActionDetails(text: "Jalan ditambal."))), (admin, Command(.close))],
            [(admin, Command(.postpone, ActionDetails(reason: "Menunggu foto")))],
            [(admin, Command(.forward, ActionDetails(agency: "prov", reason: "Jalan provinsi", changes: ClassificationChange(anonymous: false, confidential: false))))],
            [(admin, Command(.archive, ActionDetails(archiveReason: .spam)))],
            [(admin, Command(.verify, ActionDetails(unit: "disdik")))],
        ]
        var t = F.day(2026, 10, 26, 8)
        var ids: [Int64] = []
        for i in 0..<scripts.count {
            t = t.adding(seconds: 600)
            ids.append(try store.receive(F.intake("Laporan \(i + 1) jalan"), by: admin, at: t).id)
        }
        for step in 0..<4 {
            for (i, script) in scripts.enumerated() where step < script.count {
                t = t.adding(seconds: 3_600)
                try store.apply(script[step].1, to: ids[i], expectedVersion: step + 1, by: script[step].0, at: t)
            }
        }
        return store
    }

    @Test func aCleanStoreVerifiesWithTheRightCounts() throws {
        try withTempDir { dir in
            let store = try Self.buildBase(dir + "/aduan.db")
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.complaintsChecked == 6)
            #expect(report.eventsChecked == 18)
            #expect(try store.totals().complaints == 6 && store.totals().events == 18)
            var phases: Set<String> = []
            _ = try store.verify { _, _, phase in phases.insert(phase) }
            #expect(phases.contains("done"))
        }
    }

    enum Tamper: String, CaseIterable, Sendable {
        case bodyEdited, atChanged, middleEventDeleted, lastEventDeleted, eventsSwapped
        case projectionStatusChanged, counterChanged, projectionRowDeleted
        // Derived rows that decide who sees a report, or what is due (issue 10, item 9).
        case copyInserted, copyDeleted, copyOfMissingReport, contentKeyEdited, dueKindEdited, dueKeyEdited
        case pingPongEdited, searchEntryDeleted, searchEntryForged, deadlineFingerprintEdited, forwardColumnEdited
    }

    @Test("verify detects tampering and names the report", arguments: Tamper.allCases)
    func detects(_ tamper: Tamper) throws {
        try withTempDir { dir in
            let base = try Self.buildBase(dir + "/base.db")
            #expect(try base.verify().isClean)
            let copyPath = dir + "/\(tamper.rawValue).db"
            try base.backup(to: copyPath)
            let store = try F.open(copyPath, create: false)
            let db = store.db
            func seq(_ id: Int64, _ version: Int) throws -> Int64 {
                try #require(try db.scalarInt("SELECT seq FROM events WHERE complaint_id = ? AND version = ?", [.int(id), .int(Int64(version))]))
            }

            // What was changed, and which reports the problems must name.
            var expected: [Int64]
            var exactly = true
            var kinds: Set<VerifyProblem.Kind> = []
            switch tamper {
            case .bodyEdited:
                // Report 1's first follow-up: its JSON holds "text", so 'x' → 'y' changes it.
                let s = try seq(1, 3)
                try db.execute("UPDATE events SET body = replace(body, 'x', 'y') WHERE seq = \(s)")
                #expect(db.changes == 1)
                expected = [1]
                kinds = [.chain]
            case .atChanged:
                try db.execute("UPDATE events SET at = at + 3600 WHERE seq = \(try seq(2, 3))")
                expected = [2]
                kinds = [.chain]
            case .middleEventDeleted:
                try db.execute("DELETE FROM events WHERE seq = \(try seq(1, 3))")
                expected = [1]
                exactly = false  // the log position also names the event that follows the gap
            case .lastEventDeleted:
                let last = try #require(try db.scalarInt("SELECT complaint_id FROM events ORDER BY seq DESC LIMIT 1"))
                try db.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
                expected = [last]
                // The chain can only say the head is gone; the replay names the report.
                kinds = [.projection]
            case .eventsSwapped:
                let a = try seq(1, 2), b = try seq(2, 2)
                try db.execute("""
                    UPDATE events SET seq = -1 WHERE seq = \(a);
                    UPDATE events SET seq = \(a) WHERE seq = \(b);
                    UPDATE events SET seq = \(b) WHERE seq = -1;
                    """)
                expected = [1, 2]
                exactly = false  // the event after the second swapped position no longer follows either
                kinds = [.chain]
            case .projectionStatusChanged:
                let proses = try #require(try db.scalarInt("SELECT status FROM complaints WHERE id = 1"))
                let selesai = try #require(try db.scalarInt("SELECT status FROM complaints WHERE id = 2"))
                try db.execute("UPDATE complaints SET status = \(selesai) WHERE id = 1")
                #expect(proses != selesai)
                expected = [1]
                kinds = [.projection]
            case .counterChanged:
                try db.execute("UPDATE counts SET n = n + 1 WHERE agency = 'pemkab' AND unit = 'dinkes' AND status = (SELECT status FROM complaints WHERE id = 1)")
                #expect(db.changes == 1)
                expected = []
                kinds = [.index]
            case .projectionRowDeleted:
                try db.execute("DELETE FROM complaints WHERE id = 4")
                expected = [4]
                kinds = [.projection]
            case .copyInserted:
                // An extra unit would now see report 1 in its inbox.
                try db.execute("INSERT INTO cc(unit, complaint_id) VALUES('pupr', 1)")
                expected = [1]
                kinds = [.projection]
            case .copyDeleted:
                // The copied unit (disdik) would lose report 2.
                try db.execute("DELETE FROM cc WHERE complaint_id = 2")
                #expect(db.changes == 1)
                expected = [2]
                kinds = [.projection]
            case .copyOfMissingReport:
                try db.execute("INSERT INTO cc(unit, complaint_id) VALUES('dinkes', 99)")
                expected = [99]
                kinds = [.projection]
            case .contentKeyEdited:
                // The re-import key: a changed one lets the same report be imported twice.
                try db.execute("UPDATE complaints SET content_key = 'ffffffffffffffffffffffffffffffff' WHERE id = 3")
                #expect(db.changes == 1)
                expected = [3]
                kinds = [.projection]
            case .dueKindEdited:
                try db.execute("UPDATE complaints SET due_kind = 'response' WHERE id = 6")
                expected = [6]
                kinds = [.projection]
            case .dueKeyEdited:
                // The inbox and `overdue` sort and filter by due_key.
                try db.execute("UPDATE complaints SET due_key = due_key + 86400 * 30 WHERE id = 6")
                expected = [6]
                kinds = [.projection]
            case .pingPongEdited:
                try db.execute("UPDATE complaints SET ping_pong = 1 WHERE id = 5")
                expected = [5]
                kinds = [.projection]
            case .searchEntryDeleted:
                // Report 3 can no longer be found by its words.
                try db.execute("INSERT INTO complaints_fts(complaints_fts, rowid, title, body) SELECT 'delete', id, title, body FROM complaint_search WHERE id = 3")
                expected = [3]
                kinds = [.index]
            case .searchEntryForged:
                // Report 5 would match a word it does not contain.
                try db.execute("INSERT INTO complaints_fts(rowid, title, body) VALUES(5, 'kata', 'sisipan palsu')")
                expected = [5]
                kinds = [.index]
            case .deadlineFingerprintEdited:
                // The store would no longer notice that its deadlines follow other rules.
                try db.execute("UPDATE meta SET value = 'x/0w-0w-0w-0c-0w' WHERE key = 'deadline_fingerprint'")
                #expect(db.changes == 1)
                expected = []
                kinds = [.index]
            case .forwardColumnEdited:
                // Report 4's forward to prov, counted for another agency on the dashboard.
                try db.execute("UPDATE events SET agency_to = 'pemkab' WHERE complaint_id = 4 AND kind = 'forward'")
                #expect(db.changes == 1)
                expected = [4]
                kinds = [.projection]
            }

            let report = try store.verify()
            #expect(!report.isClean, "\(tamper) went unnoticed")
            let named = report.affectedComplaints
            for id in expected {
                #expect(named.contains(id), "\(tamper): report #\(id) not named; problems: \(report.problems)")
            }
            if exactly {
                #expect(named == expected, "\(tamper): named \(named), expected \(expected); problems: \(report.problems)")
            }
            for kind in kinds {
                #expect(report.problems.contains { $0.kind == kind && ($0.complaintID.map(expected.contains) ?? expected.isEmpty) },
                        "\(tamper): no \(kind) problem for \(expected); problems: \(report.problems)")
            }
            #expect(report.problems.filter { $0.kind == .projection || $0.kind == .history }.allSatisfy { $0.complaintID != nil },
                    "a replay or projection problem always names its report")
            // The original is untouched by work on its copy.
            #expect(try base.verify().isClean)
        }
    }
}

/// Online backups and bulk inserts.
@Suite struct StoreBackupAndBulkTests {
    typealias F = StoreFixture

    @Test func backupIsPrivateOpensVerifiesAndHoldsTheSameReports() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            let copy = dir + "/backup/aduan-copy.db"
            _ = mkdir(dir + "/backup", 0o700)
            var calls = 0
            try store.backup(to: copy) { remaining, total in
                calls += 1
                #expect(remaining >= 0 && remaining <= total)
            }
            #expect(calls >= 1)
            #expect(Files.mode(copy) == 0o600)
            let opened = try F.open(copy, create: false)
            let report = try opened.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try opened.totals() == store.totals())
            #expect(try nonZero(opened.statusCounts(.everything)) == nonZero(store.statusCounts(.everything)))
            #expect(try F.allComplaints(opened) == F.allComplaints(store))
            #expect(try opened.db.scalarText("PRAGMA journal_mode") == "wal")
            // The copy is independent: writing to it leaves the original alone.
            try opened.receive(F.intake("Hanya di salinan"), by: F.admin(), at: F.now)
            #expect(try store.totals().complaints == 6)
        }
    }

    @Test func backupOntoAnExistingFileIsRefusedWithoutTouchingIt() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            let target = dir + "/precious.db"
            let bytes = Array("laporan bulanan, jangan ditimpa\n".utf8)
            try Files.write(target, bytes, mode: 0o644)
            let error = F.storeError { () throws(StoreError) in try store.backup(to: target) }
            #expect(error.caseName == "destinationExists", "got \(String(describing: error))")
            #expect(Files.difference(bytes, Files.read(target)) == nil)
            #expect(Files.mode(target) == 0o644)
            // Onto the store itself, too.
            let own = F.storeError { () throws(StoreError) in try store.backup(to: store.path) }
            #expect(own.caseName == "destinationExists")
            #expect(try store.verify().isClean)
            // Into a missing folder: a typed error, nothing created.
            let missing = F.storeError { () throws(StoreError) in try store.backup(to: dir + "/nope/copy.db") }
            #expect(missing.caseName == "cannotOpen")
            #expect(!Files.exists(dir + "/nope"))
        }
    }

    @Test func insertHistoriesAssignsConsecutiveIdsKeepsTheChainAndTheCounters() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            // Two reports already there, through the ordinary path.
            try store.receive(F.intake("Sudah ada satu"), by: F.admin(), at: F.day(2026, 10, 1))
            let second = try store.receive(F.intake("Sudah ada dua"), by: F.admin(), at: F.day(2026, 10, 1, 10))
            try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: second.id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 10, 2))

            var rng = SplitMix(seed: 42)
            var histories: [[Event]] = []
            for i in 0..<60 {
                var h = F.randomHistory(&rng, index: i, from: F.day(2026, 8, 1), until: F.now)
                // A word only this report has, for the search index (in the body: a classify may retitle).
                if var intake = h.first?.details.intake {
                    intake.body = "Unikkata\(i)x " + intake.body
                    h[0].details.intake = intake
                    // Rebuild from the changed intake so the history stays consistent.
                    var rebuilt = F.History()
                    rebuilt.must(h[0].actor, Command(.receive, ActionDetails(intake: intake)), at: h[0].at)
                    for e in h.dropFirst() { rebuilt.must(e.actor, Command(e.kind, e.details), at: e.at) }
                    h = rebuilt.events
                }
                histories.append(h)
            }
            let eventsBefore = try store.totals().events
            let ids = try store.insertHistories(histories)
            #expect(ids == Array(3...62), "consecutive ids after the existing ones")
            #expect(try store.insertHistories([]) == [])

            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.complaintsChecked == 62)
            let totalEvents = histories.reduce(0) { $0 + $1.count }
            #expect(try store.totals().events == eventsBefore + totalEvents)
            #expect(try store.totals().complaints == 62)
            #expect(report.eventsChecked == eventsBefore + totalEvents)

            let all = try F.allComplaints(store)
            var expectedCounts: [Status: Int] = [:]
            for c in all { expectedCounts[c.status, default: 0] += 1 }
            #expect(nonZero(try store.statusCounts(.everything)) == expectedCounts)
            for (i, id) in ids.enumerated() {
                let events = try store.events(of: id)
                #expect(events.count == histories[i].count)
                #expect(events.allSatisfy { $0.complaintID == id })
                #expect(Workflow.fold(events) == all[Int(id) - 1], "projection of #\(id)")
            }
            // The search index knows every inserted report.
            for (i, id) in ids.enumerated() {
                let rows = try store.page(InboxQuery(scope: .everything, filter: .term(.text("unikkata\(i)x"))), limit: 5, now: F.now)
                #expect(rows.map(\.id) == [id], "text of #\(id)")
                let title = all[Int(id) - 1].title
                let byTitle = try store.page(InboxQuery(scope: .everything, filter: .term(.text("\"\(title)\""))), limit: 500, now: F.now)
                #expect(byTitle.map(\.id).contains(id), "title \(title) of #\(id)")
            }
            // And the next ordinary intake continues the numbering and the chain.
            let next = try store.receive(F.intake("Sesudahnya"), by: F.admin(), at: F.now)
            #expect(next.id == 63)
            #expect(try store.verify().isClean)
        }
    }
}

/// A store whose hash chain is broken refuses writes; reads go on (issue 10, item 10).
@Suite struct StoreBrokenChainTests {
    typealias F = StoreFixture

    /// Every event, for "the store is unchanged".
    static func log(_ store: ComplaintStore) throws -> [String] {
        let s = try store.db.prepare("SELECT seq, complaint_id, version, body, hex(hash) FROM events ORDER BY seq")
        var out: [String] = []
        while try s.step() { out.append("\(s.int64(0)) \(s.int64(1)) \(s.int64(2)) \(s.text(3)) \(s.text(4))") }
        return out
    }

    /// Every way of writing, each of which must be refused with `.chainBroken`.
    static func expectAllWritesRefused(_ store: ComplaintStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try log(store)
        let complaints = try F.allComplaints(store)
        let apply = F.storeError { () throws(StoreError) in
            try store.apply(Command(.note, ActionDetails(text: "Catatan")), to: 1, expectedVersion: nil, by: F.admin(), at: F.now)
        }
        #expect(apply.caseName == "chainBroken", "apply: \(String(describing: apply))", sourceLocation: sourceLocation)
        let receive = F.storeError { () throws(StoreError) in try store.receive(F.intake("Baru"), by: F.admin(), at: F.now) }
        #expect(receive.caseName == "chainBroken", "receive: \(String(describing: receive))", sourceLocation: sourceLocation)
        var rng = SplitMix(seed: 3)
        let history = F.randomHistory(&rng, index: 0, from: F.day(2026, 9, 1), until: F.now)
        let bulk = F.storeError { () throws(StoreError) in try store.insertHistories([history]) }
        #expect(bulk.caseName == "chainBroken", "insertHistories: \(String(describing: bulk))", sourceLocation: sourceLocation)
        // Left exactly as it was, and still readable.
        #expect(try log(store) == before, sourceLocation: sourceLocation)
        #expect(try F.allComplaints(store) == complaints, sourceLocation: sourceLocation)
        #expect(try store.page(InboxQuery(scope: .everything), limit: 10, now: F.now).count == complaints.count, sourceLocation: sourceLocation)
        #expect(store.writeRefusal()?.caseName == "chainBroken", sourceLocation: sourceLocation)
        let message = try #require(apply, sourceLocation: sourceLocation).message(strings(.en), names: F.directory, zone: F.zone)
        #expect(message.contains("writing is refused") && message.contains("aduan backup") && message.contains("Restore"), "\(message)", sourceLocation: sourceLocation)
        let pesan = try #require(apply, sourceLocation: sourceLocation).message(strings(.id), names: F.directory, zone: F.zone)
        #expect(pesan.contains("penulisan ditolak") && pesan.contains("aduan backup") && pesan.contains("Pulihkan"), "\(pesan)", sourceLocation: sourceLocation)
    }

    @Test func writesAreRefusedOnceVerifyFoundAnOlderEventAltered() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            // Two older events altered: the cheap check at a write cannot see them.
            try store.db.execute("UPDATE events SET body = replace(body, 'x', 'y') WHERE seq = (SELECT seq FROM events WHERE complaint_id = 1 AND version = 3)")
            try store.db.execute("UPDATE events SET at = at + 60 WHERE seq = 2")
            #expect(store.writeRefusal() == nil, "only verify sees an older edit")
            let report = try store.verify()
            #expect(report.problems.contains { $0.kind == .chain })
            try Self.expectAllWritesRefused(store)
            // The record survives reopening: a new session is refused as well.
            let reopened = try F.open(dir + "/aduan.db", create: false)
            try Self.expectAllWritesRefused(reopened)
            // A second verify leaves the record as it was.
            _ = try reopened.verify()
            try Self.expectAllWritesRefused(reopened)
        }
    }

    @Test func writesAreRefusedWhenTheLastEventWasAlteredWithoutVerify() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            try store.db.execute("UPDATE events SET body = replace(body, 'a', 'o') WHERE seq = (SELECT max(seq) FROM events)")
            #expect(store.db.changes == 1)
            try Self.expectAllWritesRefused(store)
        }
    }

    @Test func writesAreRefusedWhenEventsWereRemovedOrAddedAtTheEnd() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            try store.db.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
            try Self.expectAllWritesRefused(store)
        }
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            // A copy of the last event appended by hand, with its hash: not the recorded head.
            try store.db.execute("""
                INSERT INTO events(seq, complaint_id, version, at, kind, actor_id, agency_from, agency_to, body, hash)
                SELECT seq + 1, complaint_id, version + 1, at, kind, actor_id, agency_from, agency_to, body, hash
                FROM events WHERE seq = (SELECT max(seq) FROM events)
                """)
            try Self.expectAllWritesRefused(store)
        }
    }

    @Test func aWholeChainWritesOnAndAVerifiedWholeChainClearsAStaleRecord() throws {
        try withTempDir { dir in
            let store = try StoreVerifyTests.buildBase(dir + "/aduan.db")
            #expect(store.writeRefusal() == nil)
            try store.apply(Command(.note, ActionDetails(text: "Catatan")), to: 1, expectedVersion: nil, by: F.admin(), at: F.now)
            // A record whose chain checks whole (say, a backup restored over a flagged file's meta): verify clears it.
            try store.db.execute("INSERT INTO meta(key, value) VALUES('chain_broken', '1')")
            try Self.expectAllWritesRefused(store)
            #expect(try store.verify().isClean)
            #expect(store.writeRefusal() == nil)
            try store.apply(Command(.note, ActionDetails(text: "Lagi")), to: 1, expectedVersion: nil, by: F.admin(), at: F.now)
            #expect(try store.verify().isClean)
        }
    }
}
