import AduanCore
import AduanStore
import Glibc
import Synchronization
import Testing

/// About 400 reports in every status, held by three agencies and their units, received over five
/// months (with ties on receipt time), with CCs, forwards, ping-pong, Tunda, ratings, tracking ids,
/// and titles with and without diacritics. Most come in through `insertHistories`, some through
/// `receive`/`apply`, so both write paths feed the read tests.
enum StoreDataset {
    typealias F = StoreFixture

    static let bulkCount = 380

    static func build(_ path: String) throws -> ComplaintStore {
        let store = try F.open(path)
        var rng = SplitMix(seed: 2026_11_04)
        let from = F.now.adding(days: -150)
        let until = F.now.adding(seconds: -60)
        var histories: [[Event]] = []
        var previousStart: Timestamp?
        for i in 0..<bulkCount {
            // Every ninth report shares the previous one's receipt time: ties ordered by id.
            let h = F.randomHistory(&rng, index: i, from: from, until: until, receivedAt: i % 9 == 8 ? previousStart : nil)
            guard !h.isEmpty else { continue }
            previousStart = h[0].at
            histories.append(h)
        }
        try store.insertHistories(Array(histories[0..<200]))
        // Some through the ordinary write path, replaying generated histories action by action.
        for i in 0..<12 {
            let h = F.randomHistory(&rng, index: 1000 + i, from: from, until: until)
            try replay(h, into: store)
        }
        try addHandMade(store)
        try store.insertHistories(Array(histories[200...]))
        return store
    }

    /// Records a generated history through `receive` and `apply`.
    static func replay(_ history: [Event], into store: ComplaintStore) throws {
        guard let first = history.first, var intake = first.details.intake else { return }
        // The generator draws LAPOR! numbers from a small pool; `receive` refuses one already stored.
        if let t = intake.trackingID, try store.id(forTrackingID: t) != nil { intake.trackingID = nil }
        let c = try store.receive(intake, by: first.actor, at: first.at)
        var version = c.version
        for e in history.dropFirst() {
            version = try store.apply(Command(e.kind, e.details), to: c.id, expectedVersion: version, by: e.actor, at: e.at).version
        }
    }

    /// Reports with properties random walks rarely produce.
    static func addHandMade(_ store: ComplaintStore) throws {
        let admin = F.admin()
        let zone = F.zone
        let today = zone.dayNumber(of: F.now)

        // Ping-pong: pemkab → prov → back to pemkab.
        let p = try store.receive(F.intake("Bantuan sosial tidak tepat sasaran", body: "Dilempar-lempar antarinstansi."), by: admin, at: F.day(2026, 10, 5))
        try store.apply(Command(.forward, ActionDetails(agency: "prov", reason: "Kewenangan provinsi",
                                                        changes: ClassificationChange(anonymous: false, confidential: false))), to: p.id, expectedVersion: 1, by: admin, at: F.day(2026, 10, 5, 10))
        try store.apply(Command(.verify, ActionDetails(unit: "prov-pu")), to: p.id, expectedVersion: 2, by: F.admin("prov"), at: F.day(2026, 10, 6))
        try store.apply(Command(.forward, ActionDetails(agency: "pemkab", unit: "kec-mekarsari", reason: "Kewenangan kabupaten")), to: p.id,
                        expectedVersion: 3, by: F.liaison("prov-pu"), at: F.day(2026, 10, 7))

        // Receipt exactly at the start and the end of a day: boundaries of age filters.
        for (offset, second) in [(10, 0), (10, 86_399), (3, 0), (0, 0), (1, 86_399)] {
            let at = zone.startOfDay(dayNumber: today - offset).adding(seconds: Int64(second))
            try store.receive(F.intake("Batas hari \(offset)/\(second) CAFÉ", channel: .walkIn, receivedAt: at), by: admin, at: min(at, F.now))
        }

        // An old Tunda with a recent note, and a copied report.
        let t = try store.receive(F.intake("Menunggu klarifikasi pelapor", body: "Foto belum dikirim."), by: admin, at: F.day(2026, 9, 1))
        try store.apply(Command(.postpone, ActionDetails(reason: "Menunggu foto")), to: t.id, expectedVersion: 1, by: admin, at: F.day(2026, 9, 2))
        try store.apply(Command(.note, ActionDetails(text: "Sudah ditelepon lagi.")), to: t.id, expectedVersion: 2, by: admin, at: F.day(2026, 11, 3))
        let cc = try store.receive(F.intake("Drainase tersumbat", category: Category("infrastruktur/drainase")), by: admin, at: F.day(2026, 10, 20))
        try store.apply(Command(.verify, ActionDetails(unit: "pupr")), to: cc.id, expectedVersion: 1, by: admin, at: F.day(2026, 10, 20, 11))
        try store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: cc.id, expectedVersion: 2, by: admin, at: F.day(2026, 10, 21))
        try store.apply(Command(.cc, ActionDetails(unit: "prov-dik")), to: cc.id, expectedVersion: 3, by: admin, at: F.day(2026, 10, 21, 10))

        // Drafts awaiting approval (issue 15): by a liaison, by another unit's liaison, one
        // approved since, one copied to another unit, one in Proses after a follow-up.
        for (i, (unit, approve)) in [("dinkes", false), ("pupr", false), ("dinkes", true), ("pupr", false), ("dinkes", false)].enumerated() {
            let d = try store.receive(F.intake("Draf jawaban \(i)", body: "Menunggu persetujuan."), by: admin, at: F.day(2026, 10, 26 + i))
            var v = try store.apply(Command(.verify, ActionDetails(unit: unit)), to: d.id, expectedVersion: 1, by: admin, at: F.day(2026, 10, 26 + i, 10)).version
            if i == 3 { v = try store.apply(Command(.cc, ActionDetails(unit: "dinkes")), to: d.id, expectedVersion: v, by: admin, at: F.day(2026, 10, 26 + i, 11)).version }
            if i == 4 { v = try store.apply(Command(.followUp, ActionDetails(text: "Sudah dicek petugas.")), to: d.id, expectedVersion: v, by: F.liaison(unit), at: F.day(2026, 10, 26 + i, 11)).version }
            v = try store.apply(Command(.draft, ActionDetails(text: "Draf jawaban untuk pelapor.")), to: d.id, expectedVersion: v, by: F.liaison(unit), at: F.day(2026, 10, 26 + i, 12)).version
            if approve { try store.apply(Command(.approve), to: d.id, expectedVersion: v, by: admin, at: F.day(2026, 10, 26 + i, 13)) }
        }
    }

    /// Every report, in id order, as the store loads it.
    static func load(_ store: ComplaintStore) throws -> [Complaint] { try F.allComplaints(store) }
}

/// One data set per test process for the tests that only read it: built on first use, in a
/// temporary folder removed when the process exits. Tests open their own connection to it.
enum SharedDataset {
    static let built: Result<String, FixtureError> = {
        var template = Array("/tmp/aduan-store-shared-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) != nil }) else {
            return .failure(FixtureError("mkdtemp failed"))
        }
        let dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        SharedDataset.folder.withLock { $0 = dir }
        atexit {
            if let dir = SharedDataset.folder.withLock({ $0 }) { Files.removeTree(dir) }
        }
        let path = dir + "/shared.db"
        do {
            _ = try StoreDataset.build(path)
            return .success(path)
        } catch {
            return .failure(FixtureError("building the shared data set failed: \(error)"))
        }
    }()

    static let folder = Mutex<String?>(nil)

    /// A new connection to the shared data set.
    static func open() throws -> ComplaintStore {
        try StoreFixture.open(try built.get(), create: false)
    }
}

// MARK: expected orders, computed in memory

extension InboxOrder {
    /// The running deadline (nil: none) or the time the list sorts by.
    func inMemoryKey(_ c: Complaint) -> Int64? {
        switch self {
        case .deadline:
            StoreFixture.context.deadlines.running(for: c, calendar: StoreFixture.context.calendar)?.dueAt.seconds
        case .received, .oldest: c.receivedAt.seconds
        case .updated: c.updatedAt.seconds
        }
    }

    /// Deadline: (due asc, id asc), reports without a running deadline last (by id).
    /// Received and updated: newest first, ties by id descending; oldest: received ascending.
    func sorted(_ reports: [Complaint]) -> [Complaint] {
        switch self {
        case .deadline:
            return reports.sorted { a, b in
                switch (inMemoryKey(a), inMemoryKey(b)) {
                case let (x?, y?): return (x, a.id) < (y, b.id)
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.id < b.id
                }
            }
        case .received, .updated:
            return reports.sorted { (inMemoryKey($0)!, $0.id) > (inMemoryKey($1)!, $1.id) }
        case .oldest:
            return reports.sorted { (inMemoryKey($0)!, $0.id) < (inMemoryKey($1)!, $1.id) }
        }
    }
}
