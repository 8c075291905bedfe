import AduanCore
import Glibc

/// Verify's checks of the derived rows that decide who sees a report (copies, flags) or what is
/// due (deadline columns, the deadline-settings record), and of the search index, each finding
/// named by report. Bulk scans only: no query per report.
extension ComplaintStore {
    /// What the stored derived columns get wrong against the replay, one sentence each.
    static func derivedDifferences(_ stored: DerivedColumns, replayed: Complaint, values v: ProjectionValues,
                                   history: [Event], compareDeadlines: Bool) -> [String] {
        var out: [String] = []
        if compareDeadlines {
            let kind = v.due?.kind.rawValue
            if stored.dueKind != kind {
                out.append("stored deadline kind \(stored.dueKind ?? "none") differs from the computed \(kind ?? "none")")
            }
            let key = v.due?.dueAt.seconds ?? noDeadlineKey
            if stored.dueKey != key {
                out.append("stored inbox order key (due_key \(stored.dueKey)) differs from the computed \(key): overdue lists and the inbox order would be wrong")
            }
        }
        if stored.pingPong != (replayed.pingPong ? 1 : 0) {
            out.append("stored ping-pong flag \(stored.pingPong) differs from the replay of its holder chain")
        }
        if stored.draftBy != replayed.pendingDraft?.drafter {
            out.append("stored drafter awaiting approval (draft_by \(stored.draftBy ?? "none")) differs from the replay's \(replayed.pendingDraft?.drafter ?? "none"): the approvers' tab would be wrong")
        }
        let key = history.first?.details.intake.flatMap { ContentKey.of($0, receivedAt: replayed.receivedAt) }
        if stored.contentKey != key {
            out.append("stored re-import key (content_key) differs from the one computed from its intake")
        }
        return out
    }

    /// The forward columns of an event (the dashboard's forwards in and out) against its text.
    static func forwardColumnsDifference(_ e: Event, from: String?, to: String?) -> String? {
        let forward = e.kind == .forward
        guard from != (forward ? e.actor.agency : nil) || to != (forward ? e.details.agency : nil) else { return nil }
        return "event version \(e.version): its forward columns (from \(from ?? "none") to \(to ?? "none")) disagree with its recorded text"
    }

    /// The copy rows of a report against the units its events copied it to.
    static func copyDifference(_ stored: [String], replayed: Complaint) -> String? {
        let want = Set(replayed.ccUnits), have = Set(stored)
        guard want != have else { return nil }
        let extra = have.subtracting(want).sorted(), missing = want.subtracting(have).sorted()
        var parts: [String] = []
        if !extra.isEmpty { parts.append("copied to \(extra.joined(separator: ", ")) without an event (they would see it)") }
        if !missing.isEmpty { parts.append("copy to \(missing.joined(separator: ", ")) missing (they would not see it)") }
        return "copy (tembusan) rows differ from its events: " + parts.joined(separator: "; ")
    }

    /// The former-holder rows of a report against its replayed holder chain and intake agency.
    static func holderDifference(_ stored: [String], replayed: Complaint) -> String? {
        let want = Set(ProjectionWriter.holders(of: replayed).map { $0.agency + "/" + $0.unit }), have = Set(stored)
        guard want != have else { return nil }
        let extra = have.subtracting(want).sorted(), missing = want.subtracting(have).sorted()
        var parts: [String] = []
        if !extra.isEmpty { parts.append("held by \(extra.joined(separator: ", ")) without an event (they would see it)") }
        if !missing.isEmpty { parts.append("holder \(missing.joined(separator: ", ")) missing (they would not see it)") }
        return "holder history rows differ from its events: " + parts.joined(separator: "; ")
    }

    /// The `cc` table in report order, consumed report by report alongside the replay.
    struct CopyCursor {
        let s: Statement
        var has: Bool

        init(_ db: Database, sql: String = "SELECT complaint_id, unit FROM cc ORDER BY complaint_id, unit") throws {
            s = try db.prepare(sql)
            has = try s.step()
        }

        /// The `holders_before` rows, as "agency/unit", in report order.
        static func holders(_ db: Database) throws -> CopyCursor {
            try CopyCursor(db, sql: "SELECT complaint_id, agency || '/' || unit FROM holders_before ORDER BY complaint_id, agency, unit")
        }

        /// The units copied on report `id`; rows of lower ids (reports without history) go to `orphan`, once per report.
        mutating func take(_ id: Int64, orphan: (Int64) -> Void) throws -> [String] {
            var last: Int64?
            while has && s.int64(0) < id {
                let o = s.int64(0)
                if o != last { orphan(o); last = o }
                has = try s.step()
            }
            var units: [String] = []
            while has && s.int64(0) == id {
                units.append(s.text(1))
                has = try s.step()
            }
            return units
        }
    }

    enum DeadlineSettingsCheck: Equatable {
        case matches
        /// A writable store was brought up to date at open: a mismatch now was made by hand.
        case tampered(String)
        /// A read-only store cannot be recomputed: its deadlines follow the settings it was written with.
        case staleReadOnly(String)

        var comparesDeadlines: Bool {
            if case .staleReadOnly = self { return false }
            return true
        }
    }

    /// Compares the recorded deadline settings with the office's current ones.
    func checkDeadlineFingerprint() throws -> DeadlineSettingsCheck {
        let recorded = try db.scalarText("SELECT value FROM meta WHERE key='deadline_fingerprint'")
        guard recorded != deadlineFingerprint else { return .matches }
        if db.isReadOnly {
            return .staleReadOnly("deadlines not compared: they were computed under other calendar or deadline settings, and this store is read-only (open it writable to recompute them)")
        }
        return .tampered("the recorded deadline settings (\(recorded.map { String($0.prefix(40)) } ?? "missing")) are not the office's (\(deadlineFingerprint)): the stored deadlines may follow other rules. A writable open recomputes them when the settings change; if this persists after reopening, the record was edited by hand")
    }

    /// The reports whose search index entries differ from their title and body, found by indexing
    /// every text afresh into a private temporary index and comparing the two term by term. Slow
    /// (an index build), so verify runs it only after SQLite's own check of the index failed.
    func damagedSearchEntries(limit: Int) throws -> [Int64] {
        // Every title and body goes into the fresh index: let SQLite keep it in a private temporary file.
        try db.execute("PRAGMA temp_store=FILE")
        defer {
            try? db.execute("DROP TABLE IF EXISTS temp.verify_fts_have; DROP TABLE IF EXISTS temp.verify_fts_want; DROP TABLE IF EXISTS temp.verify_fts")
            try? db.execute("PRAGMA temp_store=MEMORY")
        }
        try db.execute("""
            CREATE VIRTUAL TABLE temp.verify_fts USING fts5(title, body, content='', columnsize=0,
                tokenize='unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE temp.verify_fts_have USING fts5vocab(main, complaints_fts, instance);
            CREATE VIRTUAL TABLE temp.verify_fts_want USING fts5vocab(temp, verify_fts, instance);
            """)
        try db.execute("BEGIN")
        defer { if db.isInTransaction { try? db.execute("COMMIT") } }
        try db.execute("INSERT INTO temp.verify_fts(rowid, title, body) SELECT id, title, body FROM complaint_search")
        // Both indexes list (term, doc, column, offset) in the same order: walk them side by side.
        let have = try db.prepare("SELECT term, doc, col, offset FROM temp.verify_fts_have")
        let want = try db.prepare("SELECT term, doc, col, offset FROM temp.verify_fts_want")
        var h = try have.step(), w = try want.step()
        var damaged = Set<Int64>()
        while (h || w) && damaged.count < limit {
            let order = !h ? 1 : !w ? -1 : Self.compareInstances(have, want)
            if order == 0 {
                h = try have.step()
                w = try want.step()
            } else if order < 0 {
                damaged.insert(have.int64(1))
                h = try have.step()
            } else {
                damaged.insert(want.int64(1))
                w = try want.step()
            }
        }
        return damaged.sorted()
    }

    /// The order of fts5vocab instance rows: term bytes, document, column number, offset.
    static func compareInstances(_ a: Statement, _ b: Statement) -> Int {
        let t = a.withBytes(0) { x in b.withBytes(0) { y in compareBytes(x, y) } }
        if t != 0 { return t }
        for (x, y) in [(a.int64(1), b.int64(1)), (columnNumber(a), columnNumber(b)), (a.int64(3), b.int64(3))] where x != y {
            return x < y ? -1 : 1
        }
        return 0
    }

    static func columnNumber(_ s: Statement) -> Int64 { s.text(2) == "title" ? 0 : 1 }

    static func compareBytes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        let n = min(x.count, y.count)
        if n > 0 {
            let c = memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
