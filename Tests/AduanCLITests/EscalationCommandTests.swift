import AduanCore
import AduanTestSupport
import Testing

/// Issue 15 items 3, 4 and 6 through the command line, on a training store with the clock frozen
/// by ADUAN_NOW: `aduan sweep` records each warning and escalation once, at the working-day
/// boundaries the core computes; `show` names an override's rule; `act message` restarts the
/// auto-close period.
@Suite struct EscalationCommandTests {
    /// Received and disposed on Mon 23 Nov 2026 09:00 WIB (`fixedNow`): the first follow-up is due at
    /// the end of Mon 30 Nov (Tue 24 … Mon 30). Warnings after day 3 (Thu 26) and day 4 (Fri 27);
    /// the supervisor after Mon 30; the agency admin 5 working days later (after Mon 7 Dec).
    func disposed(_ desk: Desk) throws -> Int64 {
        try desk.initStore()
        let id = try desk.receive("Jalan berlubang di Desa Mekarsari")
        try desk.must(id, "verify", ["--unit", "dinkes", "--anonymous", "no", "--confidential", "no"])
        return id
    }

    func sweep(_ desk: Desk, at now: String) -> ProcessResult {
        desk.run(["sweep", "--lang", "en"], env: ["ADUAN_NOW": now])
    }

    @Test func sweepRecordsEachLevelOnceAtItsWorkingDayBoundary() throws {
        try requireBinary()
        let desk = Desk("sweep")
        let id = try disposed(desk)
        let steps: [(String, String)] = [
            ("2026-11-26T23:59:59+07:00", "0 warning(s)"),
            ("2026-11-27T00:00:00+07:00", "1 warning(s)"),
            ("2026-11-27T08:00:00+07:00", "0 warning(s)"),
            ("2026-11-30T23:59:59+07:00", "1 warning(s)"),
            ("2026-12-01T00:00:00+07:00", "1 warning(s)"),
            ("2026-12-07T23:59:59+07:00", "0 warning(s)"),
            ("2026-12-08T00:00:00+07:00", "1 warning(s)"),
            ("2026-12-08T00:00:00+07:00", "0 warning(s)"),
        ]
        for (now, expected) in steps {
            let r = sweep(desk, at: now)
            #expect(r.status == 0, "\(now): \(r.stderr)")
            #expect(r.stdout.contains(expected), "\(now): \(r.stdout)")
        }
        let show = desk.run(["show", "\(id)", "--lang", "en"], env: ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"])
        #expect(show.stdout.contains("Warning: 50% of the first follow-up time used (Dinas Kesehatan)"), "\(show.stdout)")
        #expect(show.stdout.contains("Escalated to the unit's supervisor: first follow-up overdue +0 working days"))
        #expect(show.stdout.contains("Escalated to the agency admin: first follow-up overdue +5 working days"))
        #expect(show.stdout.contains("Escalation") && show.stdout.contains("Agency admin"))
        // The history replays: verify finds the escalations legal and each once.
        let v = desk.run(["verify"], env: ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        // Indonesian too.
        let id2 = desk.run(["show", "\(id)", "--lang", "id"], env: ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"])
        #expect(id2.stdout.contains("Dieskalasi ke admin instansi"))
    }

    @Test func aReportFollowedUpInTimeIsNeverEscalated() throws {
        try requireBinary()
        let desk = Desk("sweep-ontime")
        let id = try disposed(desk)
        try desk.must(id, "follow-up", ["--text", "Perbaikan dijadwalkan minggu ini."], as: "tl-dinkes")
        let r = sweep(desk, at: "2026-12-15T09:00:00+07:00")
        // The auto-close comes first (10 working days after the follow-up), so nothing is left to escalate.
        #expect(r.stdout.contains("1 complaint(s) closed automatically; 0 warning(s)"), "\(r.stdout)\(r.stderr)")
    }

    @Test func aMessageToTheReporterRestartsTheAutoClosePeriod() throws {
        try requireBinary()
        let desk = Desk("message")
        let id = try disposed(desk)
        try desk.must(id, "follow-up", ["--text", "Sudah kami periksa."], as: "tl-dinkes")
        // Follow-up Mon 23 Nov: auto-close due end of Mon 7 Dec. A message on Thu 3 Dec moves it to Thu 17 Dec.
        let m = desk.run(["act", "\(id)", "message", "--text", "Petugas datang Senin."], as: "tl-dinkes",
                         env: ["ADUAN_NOW": "2026-12-03T10:00:00+07:00"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(sweep(desk, at: "2026-12-08T00:00:00+07:00").stdout.contains("0 complaint(s) closed"))
        #expect(sweep(desk, at: "2026-12-17T23:59:59+07:00").stdout.contains("0 complaint(s) closed"))
        #expect(sweep(desk, at: "2026-12-18T00:00:00+07:00").stdout.contains("1 complaint(s) closed"))
    }

    @Test func showNamesTheOverrideThatSetTheDeadline() throws {
        try requireBinary()
        let desk = Desk("override")
        let office = Desk.configBinding(runnerLogin).replacing("\"dueSoonWorkingDays\": 1", with: """
            "dueSoonWorkingDays": 1, "overrides": [{"category": "infrastruktur/jalan", "firstFollowUp": {"days": 14, "basis": "Perbup Sukamaju 12/2024"}}]
            """)
        let file = desk.scratch.write("office-override.json", office)
        let i = desk.bare(["init", "--training", "--store", desk.store, "--office", file])
        try #require(i.status == 0, "\(i.stderr)")
        let id = try desk.receive("Jalan desa rusak", ["--category", "infrastruktur/jalan"])
        try desk.must(id, "verify", ["--unit", "pupr", "--anonymous", "no", "--confidential", "no"])
        let show = desk.run(["show", "\(id)", "--lang", "en"])
        // The field wraps at 100 columns: compare with the line breaks and indent taken out.
        let flat = show.stdout.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
        #expect(flat.contains("14 working days, office override deadlines.overrides[0] (category infrastruktur/jalan): Perbup Sukamaju 12/2024"), "\(show.stdout)\(show.stderr)")
        // 14 working days after Mon 23 Nov 2026: Fri 11 Dec.
        #expect(show.stdout.contains("First follow-up: Friday, 11 December 2026 23:59 WIB"), "\(show.stdout)")
    }
}

/// Issue 15 item 5 through `aduan act`: a follow-up that is a template sent as it is, is recorded
/// and its sender warned; one that says what was done is not.
@Suite struct BoilerplateCommandTests {
    @Test func aTemplateSentAsItIsWarnsTheSenderAndIsStillRecorded() throws {
        try requireBinary()
        let desk = Desk("boilerplate")
        try desk.initStore()
        let id = try desk.receive("Jalan berlubang di Desa Mekarsari")
        try desk.must(id, "verify", ["--unit", "pupr", "--anonymous", "no", "--confidential", "no"])
        // The built-in template "selesai", as its readers get it.
        let text = "Laporan #\(id) telah ditangani oleh Dinas Pekerjaan Umum dan Penataan Ruang. Bila masih ada kendala, silakan tanggapi melalui LAPOR! dalam 10 hari kerja."
        let r = desk.run(["act", "\(id)", "follow-up", "--text", text, "--lang", "en"], as: "tl-pupr")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Warning: this follow-up is") && r.stderr.contains("\"Sudah ditangani\""), "\(r.stderr)")
        let substantive = desk.run(["act", "\(id)", "follow-up", "--lang", "en", "--text",
                                    "Tim UPT Jalan menambal lubang di depan SDN 2 pada Selasa pagi dan memasang rambu sementara di kedua sisi jalan."],
                                   as: "tl-pupr")
        #expect(substantive.status == 0 && !substantive.stderr.contains("Warning"), "\(substantive.stderr)")
    }
}

/// Issue 15: the approver is warned too. `aduan act ID approve` on a draft that is a template sent
/// as it is publishes it and prints the warning (stderr), in the session's language; a
/// substantive draft is approved without one.
@Suite struct ApproverBoilerplateCommandTests {
    static func draftedReport(_ desk: Desk, text: (Int64) -> String) throws -> Int64 {
        let id = try desk.receive("Vaksin habis di Puskesmas Karangrejo", ["--body", "Sudah dua minggu kosong."])
        try desk.must(id, "verify", ["--unit", "dinkes", "--anonymous", "no", "--confidential", "no"])
        try desk.must(id, "pass-down", ["--unit", "pkm-karangrejo"], as: "tl-dinkes")
        try desk.must(id, "draft", ["--text", text(id)], as: "op-pkm-karangrejo")
        return id
    }

    @Test func approvingATemplateDraftWarnsTheApproverInBothLanguages() throws {
        try requireBinary()
        let desk = Desk("approve-boilerplate", office: HierarchyCLITests.treeOffice())
        try desk.initStore()
        // The built-in template "selesai", filled for this report, drafted as it is.
        let template: (Int64) -> String = { id in
            "Laporan #\(id) telah ditangani oleh Puskesmas Karangrejo. Bila masih ada kendala, silakan tanggapi melalui LAPOR! dalam 10 hari kerja."
        }
        let en = try Self.draftedReport(desk, text: template)
        let r = desk.run(["act", "\(en)", "approve", "--lang", "en"], as: "tl-yankes")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Proses"), "published: \(r.stdout)")
        #expect(r.stderr.contains("Warning: this follow-up is") && r.stderr.contains("\"Sudah ditangani\""), "\(r.stderr)")
        let id = try Self.draftedReport(desk, text: template)
        let ri = desk.run(["act", "\(id)", "approve"], as: "tl-yankes")
        #expect(ri.status == 0 && ri.stderr.contains("Peringatan: tindak lanjut ini") && ri.stderr.contains("normatif"), "\(ri.stderr)")
        // A draft that says what was done: no warning.
        let substantive = try Self.draftedReport(desk) { _ in
            "Stok vaksin campak dikirim dari gudang farmasi kabupaten pada Rabu pagi; Puskesmas Karangrejo membuka layanan tambahan Sabtu."
        }
        let rs = desk.run(["act", "\(substantive)", "approve", "--lang", "en"], as: "tl-yankes")
        #expect(rs.status == 0 && !rs.stderr.contains("Warning"), "\(rs.stderr)")
    }
}

/// Issue 15: `aduan report` (text, JSON, CSV) carries the dashboard's escalation counts per level
/// and unit and each unit's share of boilerplate answers, scoped as the rest of the report.
@Suite struct ReportWorkflowFiguresTests {
    static let at = ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"]

    /// A Dinkes report left without follow-up (swept at 8 Dec: warned twice, escalated to the
    /// supervisor and the agency admin) and a PUPR report answered with a template as it is.
    static func desk() throws -> Desk {
        let desk = Desk("report-workflow")
        try desk.initStore()
        let late = try desk.receive("Puskesmas tutup siang")
        try desk.must(late, "verify", ["--unit", "dinkes", "--anonymous", "no", "--confidential", "no"])
        let id = try desk.receive("Jalan berlubang di Desa Mekarsari")
        try desk.must(id, "verify", ["--unit", "pupr", "--anonymous", "no", "--confidential", "no"])
        let text = "Laporan #\(id) telah ditangani oleh Dinas Pekerjaan Umum dan Penataan Ruang. Bila masih ada kendala, silakan tanggapi melalui LAPOR! dalam 10 hari kerja."
        try desk.must(id, "follow-up", ["--text", text], as: "tl-pupr")
        let swept = desk.run(["sweep"], env: at)
        #expect(swept.status == 0, "\(swept.stderr)")
        return desk
    }

    @Test func theReportCountsEscalationsPerLevelAndUnitAndBoilerplateSharesInEveryFormat() throws {
        try requireBinary()
        let desk = try Self.desk()
        let text = desk.run(["report"], env: Self.at)
        #expect(text.status == 0, "\(text.stderr)")
        let esc = try #require(text.stdout.components(separatedBy: "Peringatan dan eskalasi per unit (tercatat):").last)
        let dinkes = try #require(esc.split(separator: "\n").first { $0.contains("Dinas Kesehatan") }, "\(text.stdout)")
        #expect(dinkes.split(separator: " ").suffix(4) == ["2", "1", "1", "0"], "warned 2, supervisor 1, agency admin 1, external 0: \(dinkes)")
        let share = try #require(text.stdout.components(separatedBy: "Jawaban normatif per unit (bagian dari tindak lanjut):").last, "\(text.stdout)")
        #expect(share.contains("Dinas Pekerjaan Umum") && share.contains("100") && share.contains("1 / 1"), "\(share)")
        let en = desk.run(["report", "--lang", "en"], env: Self.at)
        #expect(en.stdout.contains("Warnings and escalations per unit (recorded):") && en.stdout.contains("Boilerplate answers per unit"), "\(en.stdout)")

        let json = desk.run(["report", "--format", "json"], env: Self.at).stdout
        let compact = json.filter { $0 != " " && $0 != "\n" }
        #expect(compact.contains("\"unit\":\"dinkes\",\"level\":\"supervisor\",\"count\":1"), "\(json)")
        #expect(compact.contains("\"unit\":\"dinkes\",\"level\":\"holder\",\"count\":2"), "\(json)")
        #expect(compact.contains("\"unit\":\"pupr\",\"followUps\":1,\"boilerplate\":1,\"percentBoilerplate\":100"), "\(json)")

        let csv = desk.run(["report", "--format", "csv"], env: Self.at).stdout
        #expect(csv.contains(",dinkes,agency-admin,1"), "\(csv)")
        #expect(csv.contains("boilerplate_follow_ups,") && csv.contains(",pupr,,1"), "\(csv)")
    }

    @Test func aLiaisonsReportHasOnlyItsUnitsRows() throws {
        try requireBinary()
        let desk = try Self.desk()
        let pupr = desk.run(["report", "--format", "json"], as: "tl-pupr", env: Self.at)
        #expect(pupr.status == 0, "\(pupr.stderr)")
        let compact = pupr.stdout.filter { $0 != " " && $0 != "\n" }
        #expect(!compact.contains("\"unit\":\"dinkes\""), "\(pupr.stdout)")
        #expect(compact.contains("\"unit\":\"pupr\",\"followUps\":1"), "\(pupr.stdout)")
        let dinkes = desk.run(["report"], as: "tl-dinkes", env: Self.at)
        #expect(dinkes.stdout.contains("Dinas Kesehatan") && !dinkes.stdout.contains("Jawaban normatif"), "\(dinkes.stdout)")
    }
}
