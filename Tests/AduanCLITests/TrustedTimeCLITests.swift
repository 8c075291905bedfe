import AduanCore
import AduanTestSupport
import Testing

/// Issue 13 §3 through the binary: backdated actions refused against the store's last event, a
/// clock behind the store reported at open, and the reporter's time kept as a field (`--written-at`).
@Suite struct TrustedTimeCLITests {
    static let later = "2026-11-30T09:00:00+07:00"

    /// A report in Proses (received, disposed to PUPR, followed up at `fixedNow`) and a second
    /// report the office acted on a week later, so the store's last event is at `later`.
    func office(_ name: String) throws -> (Desk, Int64) {
        try requireBinary()
        let desk = Desk(name)
        try desk.initStore()
        let a = try desk.receive("Jalan rusak di Desa Mekarsari")
        try desk.must(a, "verify", ["--unit", "pupr"])
        try desk.must(a, "follow-up", ["--text", "Sudah ditinjau"], as: "tl-pupr")
        let b = try desk.receive("Lampu jalan mati")
        let r = desk.run(["act", "\(b)", "note", "--text", "Dicek"], as: "admin", env: ["ADUAN_NOW": Self.later])
        try #require(r.status == 0, "note failed: \(r.stderr)")
        return (desk, a)
    }

    @Test func aFollowUpBackdatedBeforeTheStoresLastEventIsRefused() throws {
        // The attack: ADUAN_NOW=… --as tl-pupr act ID follow-up, dated after the report's own last
        // change but before what the office has since recorded.
        let (desk, a) = try office("backdate")
        let before = desk.snapshot()
        let en = desk.run(["act", "\(a)", "follow-up", "--text", "Sudah diperbaiki", "--lang", "en"], as: "tl-pupr",
                          env: ["ADUAN_NOW": "2026-11-25T10:00:00+07:00"])
        #expect(en.status == 1, "backdated follow-up accepted: \(en.stdout)")
        #expect(en.stderr.contains("before the store's last recorded event"), "\(en.stderr)")
        #expect(en.stderr.contains("30 November 2026"), "\(en.stderr)")
        let id = desk.run(["act", "\(a)", "follow-up", "--text", "Sudah diperbaiki", "--lang", "id"], as: "tl-pupr",
                          env: ["ADUAN_NOW": "2026-11-25T10:00:00+07:00"])
        #expect(id.status == 1)
        #expect(id.stderr.contains("tidak boleh dimundurkan"), "\(id.stderr)")
        #expect(desk.snapshot() == before, "a refused backdated action changed the store")
        // At the real (later) time it is accepted.
        let ok = desk.run(["act", "\(a)", "follow-up", "--text", "Sudah diperbaiki"], as: "tl-pupr", env: ["ADUAN_NOW": Self.later])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func aClockBehindTheStoresLastEventIsReportedAtOpen() throws {
        let (desk, _) = try office("behind")
        let behind = desk.run(["list", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": "2026-11-26T09:00:00+07:00"])
        #expect(behind.status == 0, "reading still works: \(behind.stderr)")
        #expect(behind.stderr.contains("behind the store's last event"), "no warning: \(behind.stderr)")
        let id = desk.run(["list", "--lang", "id"], as: "admin", env: ["ADUAN_NOW": "2026-11-26T09:00:00+07:00"])
        #expect(id.stderr.contains("jam komputer ini"), "\(id.stderr)")
        // Within the skew (five minutes) nothing is said.
        let close = desk.run(["list", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": "2026-11-30T08:56:00+07:00"])
        #expect(!close.stderr.contains("behind"), "\(close.stderr)")
    }

    @Test func theReportersTimeIsAFieldShownInTheHistoryAndTheEventKeepsTheRecordingMoment() throws {
        let (desk, a) = try office("written")
        let r = desk.run(["act", "\(a)", "reply", "--text", "Belum diperbaiki", "--written-at", "2026-11-28T10:00+07:00"], as: "admin",
                         env: ["ADUAN_NOW": Self.later])
        #expect(r.status == 0, "\(r.stderr)")
        let show = desk.run(["show", "\(a)", "--lang", "id"], as: "admin", env: ["ADUAN_NOW": Self.later])
        #expect(show.stdout.contains("30 Nov 2026 09.00  Balasan pelapor · ditulis pelapor 28 Nov 2026 10.00"), "\(show.stdout)")
        let showEn = desk.run(["show", "\(a)", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": Self.later])
        #expect(showEn.stdout.contains("written by the reporter 28 Nov 2026 10:00"), "\(showEn.stdout)")
        let json = desk.run(["export", "--format", "json"], as: "admin", env: ["ADUAN_NOW": Self.later])
        #expect(json.stdout.contains("\"reportedAt\":\"2026-11-28T10:00:00+07:00\""), "\(json.stdout.suffix(600))")
        // Without a zone, the office's time zone is meant.
        let local = desk.run(["act", "\(a)", "rate", "--rating", "4", "--written-at", "2026-11-29T08:15"], as: "admin",
                             env: ["ADUAN_NOW": Self.later])
        // Rating needs Selesai; whatever the workflow says, the time itself was understood.
        #expect(!local.stderr.contains("--written-at"), "\(local.stderr)")
        let verify = desk.run(["verify"], as: "admin", env: ["ADUAN_NOW": Self.later])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }

    @Test func badReporterTimesAreRefusedWithClearErrors() throws {
        let (desk, a) = try office("badwritten")
        let before = desk.snapshot()
        let cases: [([String], String)] = [
            (["reply", "--text", "x", "--written-at", "2026-12-01T10:00+07:00"], "the reporter cannot have written in the future"),
            (["reply", "--text", "x", "--written-at", "2026-11-22T10:00+07:00"], "before the follow-up it answers"),
            (["reply", "--text", "x", "--written-at", "kemarin"], "expected a date and time such as 2026-11-20T10:00+07:00"),
            (["reply", "--text", "x", "--written-at", "2026-11-31T10:00+07:00"], "expected a date and time"),
            (["note", "--text", "x", "--written-at", "2026-11-28T10:00+07:00"], "only a reporter's reply or rating"),
        ]
        for (args, message) in cases {
            let r = desk.run(["act", "\(a)"] + args + ["--lang", "en"], as: "admin", env: ["ADUAN_NOW": Self.later])
            #expect(r.status != 0, "accepted: \(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        let id = desk.run(["act", "\(a)", "reply", "--text", "x", "--written-at", "2026-12-01T10:00+07:00", "--lang", "id"], as: "admin",
                          env: ["ADUAN_NOW": Self.later])
        #expect(id.stderr.contains("pelapor tidak mungkin menulis di masa depan"), "\(id.stderr)")
        #expect(desk.snapshot() == before)
    }
}
