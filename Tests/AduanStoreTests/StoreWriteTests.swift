import AduanCore
import AduanStore
import Glibc
import Testing

/// Each accepted action is one event plus its projections; a refused one writes nothing.
@Suite struct StoreWriteTests {
    typealias F = StoreFixture

    /// Everything that must not move when an action is refused.
    struct Snapshot: Equatable {
        var events: Int
        var totals: [Int]
        var versions: [Int64: Int]
        var counts: [String]
        var dataRows: Int

        init(_ store: ComplaintStore) throws {
            events = try F.eventCount(store)
            let t = try store.totals()
            totals = [t.complaints, t.events]
            versions = [:]
            for c in try F.allComplaints(store) { versions[c.id] = c.version }
            var rows: [String] = []
            let s = try store.db.prepareOnce("SELECT agency, unit, status, n FROM counts ORDER BY agency, unit, status")
            while try s.step() { rows.append("\(s.text(0))/\(s.text(1))/\(s.int64(2))=\(s.int64(3))") }
            counts = rows
            dataRows = Int(try store.db.scalarInt("SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM cc) + (SELECT count(*) FROM meta)") ?? -1)
        }
    }

    /// The projection the store keeps equals the fold (and the checked replay) of its events.
    func expectProjectionMatchesEvents(_ store: ComplaintStore, _ id: Int64, returned: Complaint,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let events = try store.events(of: id)
        let folded = try #require(Workflow.fold(events), sourceLocation: sourceLocation)
        let stored = try #require(try store.complaint(id), sourceLocation: sourceLocation)
        #expect(stored == folded, "projection differs from the fold of its events", sourceLocation: sourceLocation)
        #expect(returned == folded, "the returned report differs from the fold", sourceLocation: sourceLocation)
        #expect(events.map(\.version) == Array(1...events.count), sourceLocation: sourceLocation)
        if case .success(let replayed) = Workflow.replay(events, context: F.context) {
            #expect(replayed == folded, sourceLocation: sourceLocation)
        } else {
            Issue.record("the stored history does not replay", sourceLocation: sourceLocation)
        }
    }

    @Test func receiveAndApplyKeepTheProjectionEqualToTheFoldedEvents() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let admin = F.admin()
            let intake = Intake(trackingID: "987654321", title: "  Café liar di trotoar Jl.Merdeka 🚧  ",
                                body: "Baris satu,\n\"kutip\" dan tab\tdi sini.\nNaïve résumé — ½ jalan.",
                                channel: .sms1708, classification: .aspirasi, category: Category("Infrastruktur/Jalan Desa"),
                                location: "RT 03/RW 05", incidentDate: LocalDate(year: 2026, month: 10, day: 30),
                                anonymous: true, confidential: true, priority: .high,
                                reporter: Reporter(name: "Siti Ümmü", phone: "0812", email: "s@x.id", nik: "3507010101010001"),
                                agency: "pemkab", receivedAt: F.day(2026, 10, 30, 8))
            var t = F.day(2026, 10, 30, 9)
            var c = try store.receive(intake, by: admin, at: t)
            #expect(c.id == 1 && c.version == 1 && c.status == .belumTerverifikasi)
            #expect(c.title == "Café liar di trotoar Jl.Merdeka 🚧", "title trimmed by the core")
            try expectProjectionMatchesEvents(store, c.id, returned: c)

            let steps: [(Actor, Command)] = [
                (admin, Command(.classify, ActionDetails(reason: "Pelapor setuju identitasnya dibuka", changes: ClassificationChange(title: "Kafe liar di trotoar", category: Category("infrastruktur/trotoar"), anonymous: false)))),
                (admin, Command(.verify, ActionDetails(unit: "dinkes"))),
                (admin, Command(.redispose, ActionDetails(unit: "pupr", reason: "Kewenangan PUPR"))),
                (admin, Command(.cc, ActionDetails(unit: "kec-mekarsari"))),
                (F.liaison("pupr"), Command(.followUp, ActionDetails(text: "Sudah kami cek; dijadwalkan.", secret: true))),
                (.system, Command(.reply, ActionDetails(text: "Belum diperbaiki."))),
                (F.liaison("pupr"), Command(.followUp, ActionDetails(text: "Sudah diperbaiki."))),
                (.system, Command(.rate, ActionDetails(rating: 4))),
                (admin, Command(.close)),
                (F.liaison("pupr"), Command(.reopen, ActionDetails(reason: "Pelapor keberatan"))),
                (F.liaison("kec-mekarsari"), Command(.note, ActionDetails(text: "Tembusan diterima."))),
            ]
            for (actor, command) in steps {
                t = t.adding(seconds: 3_600)
                let next = try store.apply(command, to: c.id, expectedVersion: c.version, by: actor, at: t)
                #expect(next.version == c.version + 1, "\(command.kind)")
                try expectProjectionMatchesEvents(store, c.id, returned: next)
                c = next
            }
            #expect(c.status == .proses)
            #expect(c.ccUnits == ["kec-mekarsari"])
            #expect(try store.totals().complaints == 1)
            #expect(try store.totals().events == steps.count + 1)
            #expect(nonZero(try store.statusCounts(.everything)) == [.proses: 1])
            // The changed title is what the search index finds; the old one is gone from it.
            let q = { (text: String) in InboxQuery(scope: .everything, filter: .term(.text(text))) }
            #expect(try store.page(q("kafe trotoar"), limit: 10, now: F.now).map(\.id) == [1])
            #expect(try store.page(q("NAIVE résume"), limit: 10, now: F.now).map(\.id) == [1], "diacritics and case folded")
            #expect(try store.page(q("Café"), limit: 10, now: F.now).isEmpty, "the old title left the index")
            #expect(try store.page(q("Merdeka"), limit: 10, now: F.now).isEmpty, "the old title left the index")
            #expect(try store.verify().isClean)
        }
    }

    /// A NUL character would be cut off by C string tools (and CSV readers) downstream, so the
    /// history and its copies could disagree: such text is refused whole, and nothing is written.
    @Test func textWithANulCharacterIsRefusedAndNothingIsWritten() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let before = try Snapshot(store)
            let error = F.storeError { () throws(StoreError) in
                try store.receive(F.intake("Jalan\u{0}rusak", body: "Isi laporan"), by: F.admin(), at: F.now)
            }
            #expect(String(describing: error).contains("invalidCharacter"), "got \(String(describing: error))")
            #expect(try Snapshot(store) == before)
            #expect(try store.verify().isClean)
        }
    }

    @Test func aRefusedActionWritesNothing() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let c = try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.day(2026, 11, 2))
            try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 11, 2, 10))
            let before = try Snapshot(store)
            let dataVersion = store.dataVersion()

            let refusals: [(String, () throws(StoreError) -> Complaint)] = [
                ("liaison of another unit", { () throws(StoreError) in
                    try store.apply(Command(.followUp, ActionDetails(text: "x")), to: c.id, expectedVersion: nil, by: F.liaison("pupr"), at: F.now) }),
                ("wrong status", { () throws(StoreError) in
                    try store.apply(Command(.close), to: c.id, expectedVersion: nil, by: F.admin(), at: F.now) }),
                ("missing text", { () throws(StoreError) in
                    try store.apply(Command(.followUp, ActionDetails(text: "   ")), to: c.id, expectedVersion: nil, by: F.liaison("dinkes"), at: F.now) }),
                ("clock before last change", { () throws(StoreError) in
                    try store.apply(Command(.followUp, ActionDetails(text: "ok")), to: c.id, expectedVersion: nil, by: F.liaison("dinkes"), at: F.day(2026, 11, 1)) }),
                ("unknown unit", { () throws(StoreError) in
                    try store.apply(Command(.redispose, ActionDetails(unit: "nowhere", reason: "r")), to: c.id, expectedVersion: 2, by: F.admin(), at: F.now) }),
                ("tracking id not digits", { () throws(StoreError) in
                    try store.receive(F.intake("Baru", trackingID: "12AB"), by: F.admin(), at: F.now) }),
                ("intake without title", { () throws(StoreError) in
                    try store.receive(F.intake("   "), by: F.admin(), at: F.now) }),
            ]
            for (name, action) in refusals {
                let error = F.storeError(action)
                // A report the liaison may not see does not exist for them: the answer of a missing id.
                #expect(error.caseName == (name == "liaison of another unit" ? "notFound" : "refused"), "\(name): got \(String(describing: error))")
                #expect(try Snapshot(store) == before, "\(name) wrote something")
            }
            #expect(store.dataVersion() == dataVersion)
            #expect(try store.complaint(c.id)?.version == 2)
            // The next accepted report still gets the next id: refusals consume none.
            let next = try store.receive(F.intake("Lampu mati"), by: F.admin(), at: F.now)
            #expect(next.id == 2)
        }
    }

    /// The store refuses a second report with the same LAPOR! number inside the write
    /// transaction, so two receivers on two connections cannot both record it.
    @Test func aLaporNumberAlreadyStoredIsRefusedOnEveryConnection() throws {
        try withTempDir { dir in
            let a = try F.open(dir + "/aduan.db")
            let b = try F.open(dir + "/aduan.db")
            let first = try a.receive(F.intake("Jalan rusak", trackingID: "4516001"), by: F.admin(), at: F.now)
            let before = try Snapshot(a)
            for store in [a, b] {
                let error = F.storeError { () throws(StoreError) in
                    try store.receive(F.intake("Jalan rusak (lagi)", trackingID: "4516001"), by: F.admin(), at: F.now)
                }
                guard case .refused(.trackingIDTaken(let t, let existing)) = error else {
                    Issue.record("expected refused(trackingIDTaken), got \(String(describing: error))")
                    continue
                }
                #expect(t == "4516001")
                #expect(existing == first.id)
            }
            #expect(try Snapshot(a) == before)
            #expect(try a.id(forTrackingID: "4516001") == first.id)
            #expect(try b.receive(F.intake("Lampu mati", trackingID: "4516002"), by: F.admin(), at: F.now).id == 2)
            #expect(try a.verify().isClean)
        }
    }

    @Test func unknownReportIsNotFound() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.now)
            let before = try Snapshot(store)
            for id: Int64 in [0, -1, 2, 999] {
                let error = F.storeError { () throws(StoreError) in
                    try store.apply(Command(.note, ActionDetails(text: "?")), to: id, expectedVersion: nil, by: F.admin(), at: F.now)
                }
                guard case .notFound(let missing) = error else {
                    Issue.record("id \(id): expected notFound, got \(String(describing: error))")
                    continue
                }
                #expect(missing == id)
            }
            #expect(try store.complaint(999) == nil)
            #expect(try store.events(of: 999).isEmpty)
            #expect(try Snapshot(store) == before)
        }
    }

    @Test func linkDuplicateToAMissingReportIsRefused() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let a = try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.day(2026, 11, 2))
            let b = try store.receive(F.intake("Jalan rusak (lagi)"), by: F.admin(), at: F.day(2026, 11, 2, 10))
            let before = try Snapshot(store)
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.linkDuplicate, ActionDetails(duplicateOf: 77)), to: b.id, expectedVersion: 1, by: F.admin(), at: F.now)
            }
            guard case .refused(.noSuchComplaint(let other)) = error else {
                Issue.record("expected refused(noSuchComplaint), got \(String(describing: error))")
                return
            }
            #expect(other == 77)
            #expect(try Snapshot(store) == before)
            // To itself: refused by the core.
            let own = F.storeError { () throws(StoreError) in
                try store.apply(Command(.linkDuplicate, ActionDetails(duplicateOf: b.id)), to: b.id, expectedVersion: 1, by: F.admin(), at: F.now)
            }
            #expect(own.caseName == "refused")
            #expect(try Snapshot(store) == before)
            // To an existing report: accepted, archived as a duplicate.
            let linked = try store.apply(Command(.linkDuplicate, ActionDetails(duplicateOf: a.id)), to: b.id, expectedVersion: 1, by: F.admin(), at: F.now)
            #expect(linked.status == .arsip && linked.duplicateOf == a.id && linked.archiveReason == .duplicate)
            try expectProjectionMatchesEvents(store, b.id, returned: linked)
        }
    }

    /// SQLITE_FULL, simulated with a page limit on the writing connection: typed error, nothing kept.
    @Test func diskFullIsTypedAndLeavesNothingBehind() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let c = try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.day(2026, 11, 2))
            try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id, expectedVersion: 1, by: F.admin(), at: F.day(2026, 11, 2, 10))
            let before = try Snapshot(store)
            let pages = try #require(try store.db.scalarInt("PRAGMA page_count"))
            _ = try store.db.scalarInt("PRAGMA max_page_count = \(pages + 2)")

            let big = String(repeating: "Laporan panjang sekali tentang jalan rusak. ", count: 20_000)
            let error = F.storeError { () throws(StoreError) in
                try store.apply(Command(.followUp, ActionDetails(text: big)), to: c.id, expectedVersion: 2, by: F.liaison("dinkes"), at: F.now)
            }
            #expect(error.caseName == "diskFull", "got \(String(describing: error))")
            let intakeError = F.storeError { () throws(StoreError) in
                try store.receive(F.intake("Laporan besar", body: big), by: F.admin(), at: F.now)
            }
            #expect(intakeError.caseName == "diskFull", "got \(String(describing: intakeError))")
            var rng = SplitMix(seed: 9)
            let batch = (0..<300).map { F.randomHistory(&rng, index: $0, from: F.day(2026, 9, 1), until: F.now) }
            let bulkError = F.storeError { () throws(StoreError) in try store.insertHistories(batch) }
            #expect(bulkError.caseName == "diskFull", "got \(String(describing: bulkError))")
            #expect(!store.db.isInTransaction)

            _ = try store.db.scalarInt("PRAGMA max_page_count = 1000000000")
            #expect(try Snapshot(store) == before, "nothing of the failed actions is kept")
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.eventsChecked == 2 && report.complaintsChecked == 1)
            #expect(try store.complaint(c.id)?.status == .belumDitindaklanjuti)
            // And the store works again once there is room.
            let done = try store.apply(Command(.followUp, ActionDetails(text: big)), to: c.id, expectedVersion: 2, by: F.liaison("dinkes"), at: F.now)
            #expect(done.version == 3)
            #expect(try store.verify().isClean)
        }
    }

    @Test func aReadOnlyStoreRefusesWritesWithReadOnly() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            do {
                let store = try F.open(path)
                try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.day(2026, 11, 2))
            }
            let before = try #require(Files.read(path))
            let ro = try F.open(path, create: false, readOnly: true)
            #expect(try ro.complaint(1)?.title == "Jalan rusak")
            let apply = F.storeError { () throws(StoreError) in
                try ro.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: 1, expectedVersion: 1, by: F.admin(), at: F.now)
            }
            #expect(apply.caseName == "readOnly", "got \(String(describing: apply))")
            let receive = F.storeError { () throws(StoreError) in try ro.receive(F.intake("Baru"), by: F.admin(), at: F.now) }
            #expect(receive.caseName == "readOnly", "got \(String(describing: receive))")
            let sweep = F.storeError { () throws(StoreError) in try ro.autoCloseDue(at: F.now.adding(days: 60)) }
            #expect(sweep.caseName == "none" || sweep.caseName == "readOnly", "got \(String(describing: sweep))")
            let bulk = F.storeError { () throws(StoreError) in try ro.insertHistories([F.History().events]) }
            #expect(bulk.caseName == "none" || bulk.caseName == "readOnly")
            #expect(try ro.totals().events == 1)
            #expect(Files.difference(before, Files.read(path)) == nil)
        }
    }

    /// `aduan verify` on a store the operator may only read (a backup on read-only media).
    @Test func verifyWorksOnAReadOnlyStore() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            do {
                let store = try F.open(path)
                let c = try store.receive(F.intake("Jalan rusak"), by: F.admin(), at: F.day(2026, 11, 2))
                try store.apply(Command(.verify, ActionDetails(unit: "dinkes")), to: c.id, expectedVersion: 1, by: F.admin(), at: F.now)
            }
            let ro = try F.open(path, create: false, readOnly: true)
            let report = try ro.verify()
            #expect(report.isClean, "a clean store verified read-only reports: \(report.problems)")
            #expect(report.eventsChecked == 2)
        }
    }
}
