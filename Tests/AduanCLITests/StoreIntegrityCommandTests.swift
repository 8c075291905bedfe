import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// A broken hash chain stops writes (reads go on), and changed deadline settings move the stored
/// deadlines (issue 10, items 10 and 11), through the real binary.
@Suite struct StoreIntegrityCommandTests {
    /// Events and the bytes of the events table: what a refused write must leave as it was.
    static func eventRows(_ path: String) throws -> [String] {
        let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
        let s = try db.prepare("SELECT seq, complaint_id, version, kind, body, hex(hash) FROM events ORDER BY seq")
        var out: [String] = []
        while try s.step() { out.append("\(s.int64(0)) \(s.int64(1)) \(s.int64(2)) \(s.text(3)) \(s.text(4)) \(s.text(5))") }
        return out
    }

    static func anyComplaint(_ path: String) throws -> Int64 {
        let db = try Database(path: path, options: Database.OpenOptions(readOnly: true))
        return try #require(try db.scalarInt("SELECT min(id) FROM complaints"))
    }

    @Test func actIsRefusedAfterVerifyFoundTheChainBrokenWhileReadsStillWork() throws {
        try requireBinary()
        let desk = Desk("chain-broken")
        try desk.demo(count: 40)
        // An event's text and an older one are altered behind Aduan's back (not the last event).
        do {
            let db = try Database(path: desk.store)
            try db.execute("UPDATE events SET body = replace(body, 'a', 'b') WHERE seq = 30")
            #expect(db.changes == 1)
            try db.execute("UPDATE events SET at = at + 60 WHERE seq = 5")
            #expect(db.changes == 1)
        }
        let found = desk.run(["verify", "--lang", "en"])
        #expect(found.status == 1, "\(found.stdout)")
        #expect(found.stdout.contains("chain"))

        let events = try Self.eventRows(desk.store)
        let before = desk.snapshot()
        let id = try Self.anyComplaint(desk.store)
        let en = desk.run(["act", "\(id)", "note", "--text", "Catatan sesudah kerusakan.", "--lang", "en"], as: "admin")
        #expect(en.status == 2, "act on a broken chain: exit \(en.status), \(en.stdout) \(en.stderr)")
        #expect(en.stderr.contains("writing is refused"), "\(en.stderr)")
        #expect(en.stderr.contains("hash chain"), "\(en.stderr)")
        #expect(en.stderr.contains("aduan backup") && en.stderr.contains("Restore"), "\(en.stderr)")
        #expect(en.stderr.contains("Nothing was written"), "\(en.stderr)")
        let id2 = desk.run(["act", "new", "receive", "--title", "Laporan baru", "--lang", "id"], as: "admin")
        #expect(id2.status == 2)
        #expect(id2.stderr.contains("penulisan ditolak") && id2.stderr.contains("Pulihkan") && id2.stderr.contains("aduan backup"), "\(id2.stderr)")
        #expect(!id2.stderr.contains("Stack") && !id2.stderr.contains("Fatal"))
        // Nothing changed, and everything still reads.
        #expect(try Self.eventRows(desk.store) == events)
        #expect(desk.snapshot() == before)
        #expect(desk.run(["list"], as: "admin").status == 0)
        #expect(desk.run(["show", "\(id)"], as: "admin").status == 0)
        #expect(desk.run(["report"], as: "pengawas").status == 0)
    }

    @Test func actIsRefusedWhenTheLastEventWasAlteredEvenWithoutVerify() throws {
        try requireBinary()
        let desk = Desk("chain-tail")
        try desk.initStore()
        let a = try desk.receive("Lampu jalan mati di Jalan Melati")
        try desk.must(a, "verify", ["--unit", "dlh"])
        let b = try desk.receive("Air PDAM keruh")
        do {
            let db = try Database(path: desk.store)
            try db.execute("UPDATE events SET body = replace(body, 'PDAM', 'PLN') WHERE seq = (SELECT max(seq) FROM events)")
            #expect(db.changes == 1)
        }
        let events = try Self.eventRows(desk.store)
        let r = desk.run(["act", "\(a)", "note", "--text", "Catatan.", "--lang", "en"], as: "admin")
        #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("writing is refused") && r.stderr.contains("last event"), "\(r.stderr)")
        #expect(try Self.eventRows(desk.store) == events)
        #expect(desk.run(["show", "\(b)"], as: "admin").status == 0)

        // The last event removed: the recorded head no longer matches the log.
        let desk2 = Desk("chain-tail-gone")
        try desk2.initStore()
        let c = try desk2.receive("Sampah menumpuk di pasar")
        try desk2.must(c, "verify", ["--unit", "dlh"])
        do {
            let db = try Database(path: desk2.store)
            try db.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
        }
        let gone = desk2.run(["act", "\(c)", "note", "--text", "Catatan.", "--lang", "en"], as: "admin")
        #expect(gone.status == 2, "\(gone.stdout) \(gone.stderr)")
        #expect(gone.stderr.contains("writing is refused"), "\(gone.stderr)")
    }

    /// The built-in config with other deadline rules.
    static func config(verificationDays: Int, followUpDays: Int) -> String {
        BuiltInConfig.json
            .replacing("\"verification\": { \"days\": 3,", with: "\"verification\": { \"days\": \(verificationDays),", maxReplacements: 1)
            .replacing("\"firstFollowUp\": { \"days\": 5,", with: "\"firstFollowUp\": { \"days\": \(followUpDays),", maxReplacements: 1)
    }

    @Test func changedDeadlineSettingsMoveStoredDeadlinesOnceAndVerifyStaysClean() throws {
        try requireBinary()
        let desk = Desk("deadline-settings")
        // Enough reports that some open ones are old enough to fall overdue under stricter rules
        // (at seed 7 and the frozen clock: 13 overdue before, 16 after).
        try desk.demo(count: 600)
        // Settings that come from each operator's config are a store made before the office
        // lived in the store (issue 13): take its office record away.
        do {
            let db = try Database(path: desk.store)
            try db.execute("DROP TABLE office_versions; DELETE FROM meta WHERE key = 'office_head'")
        }
        // Stricter rules: one working day to verify and to follow up.
        let strict = desk.scratch.write("strict.json", Self.config(verificationDays: 1, followUpDays: 1))
        #expect(Self.config(verificationDays: 1, followUpDays: 1) != BuiltInConfig.json, "the config was changed")
        let overdueBefore = desk.rows(["overdue"]).map(\.id)

        // The first command under the new rules recomputes, says so once, and lists by the new rules.
        let first = desk.run(["list", "overdue", "--order", "received", "--config", strict, "--lang", "en"], as: "monitor-kominfo")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("stored deadlines and working-day figures recomputed"), "no notice: \(first.stderr)")
        let overdueAfter = first.stdout.split(separator: "\n").map(String.init).compactMap(ListRow.init).map(\.id)
        #expect(overdueAfter.count > overdueBefore.count, "one working day makes more reports overdue: \(overdueAfter.count), before \(overdueBefore.count)")
        #expect(Set(overdueBefore).isSubset(of: Set(overdueAfter)))
        // What `show` computes agrees with what the list stored: every listed row is overdue there too.
        for id in overdueAfter.prefix(5) {
            let show = desk.run(["show", "\(id)", "--config", strict, "--lang", "en"], as: "admin")
            #expect(show.status == 0)
            #expect(show.stdout.contains(" late)") || show.stdout.contains("overdue"), "#\(id) listed overdue but show says: \(show.stdout)")
        }

        // Said once: the next command is quiet, and verify finds nothing to blame.
        let again = desk.run(["list", "overdue", "--config", strict, "--lang", "en"], as: "monitor-kominfo")
        #expect(!again.stderr.contains("recomputed"), "\(again.stderr)")
        let verify = desk.run(["verify", "--config", strict, "--lang", "en"])
        #expect(verify.status == 0, "verify after a settings change: \(verify.stdout)")

        // Back to the built-in rules: recomputed again, and the old overdue list returns.
        let back = desk.run(["list", "overdue", "--order", "received", "--lang", "id"], as: "monitor-kominfo")
        #expect(back.stderr.contains("Pengaturan kalender atau tenggat berubah") && back.stderr.contains("dihitung ulang"), "\(back.stderr)")
        #expect(back.stdout.split(separator: "\n").map(String.init).compactMap(ListRow.init).map(\.id).sorted() == overdueBefore.sorted())
        #expect(desk.run(["verify"]).status == 0)
    }
}
