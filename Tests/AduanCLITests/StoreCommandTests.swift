import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// init, demo, verify, backup, auto-close, report, list and show against real stores.
@Suite struct StoreCommandTests {
    @Test func initCreatesAPrivateEmptyStoreAndLeavesAnExistingOneAlone() throws {
        try requireBinary()
        let desk = Desk("init")
        let r = desk.run(["init", "--training"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(desk.store))
        #expect(fileMode(desk.store) == 0o600)
        #expect(desk.run(["list"]).stdout.isEmpty)
        let v = desk.run(["verify"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("OK"))

        _ = try desk.receive("Lampu jalan mati di Jl. Merdeka")
        let before = desk.snapshot()
        let again = desk.run(["init"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("1 laporan"), "init on an existing store should say what it holds: \(again.stdout)")
        #expect(desk.snapshot() == before)
    }

    @Test func initCreatesMissingFolders() throws {
        try requireBinary()
        let desk = Desk("init-folders")
        let path = desk.scratch.file("kantor/2026/aduan.db")
        let r = desk.run(["init", "--training"], store: path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileMode(path) == 0o600)
    }

    @Test func defaultStoreLivesUnderXDGDataHome() throws {
        try requireBinary()
        let desk = Desk("xdg")
        let r = desk.bare(["init", "--training"])
        #expect(r.status == 0)
        #expect(fileExists(desk.scratch.file("data/aduan/aduan.db")))
        #expect(desk.bare(["list"]).status == 0)
    }

    @Test func commandsOnAMissingStoreSayHowToCreateOne() throws {
        try requireBinary()
        let desk = Desk("missing")
        for args in [["list"], ["show", "1"], ["act", "1", "note", "--text", "x"], ["verify"], ["export"], ["report"], ["auto-close"], ["backup", desk.scratch.file("b.db")]] {
            let r = desk.run(args)
            #expect(r.status == 2, "\(args): exit \(r.status)")
            #expect(r.stderr.contains(desk.store), "\(args): the message should name the store: \(r.stderr)")
            #expect(r.stderr.contains("aduan init"), "\(args): \(r.stderr)")
            #expect(!fileExists(desk.store), "\(args) created the store")
        }
    }

    // MARK: demo

    @Test func demoIsDeterministicForASeed() throws {
        try requireBinary()
        let desk = Desk("demo-det")
        let a = desk.scratch.file("a.db"), b = desk.scratch.file("b.db"), c = desk.scratch.file("c.db")
        try desk.demo(count: 300, seed: 7, store: a)
        try desk.demo(count: 300, seed: 7, store: b)
        try desk.demo(count: 300, seed: 8, store: c)
        let ea = desk.run(["export", "--format", "json"], as: "monitor-kominfo", store: a)
        let eb = desk.run(["export", "--format", "json"], as: "monitor-kominfo", store: b)
        let ec = desk.run(["export", "--format", "json"], as: "monitor-kominfo", store: c)
        #expect(ea.status == 0 && eb.status == 0)
        #expect(ea.stdout.count > 100_000)
        #expect(ea.stdout == eb.stdout, "demo --count 300 --seed 7 gave two different stores")
        #expect(ea.stdout != ec.stdout, "seeds 7 and 8 gave the same store")
        #expect(try parseJSONArray(ea.stdout).count == 300)
        // The admin's own export is deterministic too.
        #expect(desk.run(["export", "--format", "json"], store: a).stdout == desk.run(["export", "--format", "json"], store: b).stdout)
        // Clean and complete.
        let v = desk.run(["verify", "--lang", "en"], store: a)
        #expect(v.status == 0)
        #expect(v.stdout.contains("300 complaints"))
    }

    @Test func demoMixesTheLaporStatuses() throws {
        try requireBinary()
        let desk = Desk("demo-mix")
        try desk.demo(count: 200, seed: 3)
        let rows = desk.rows()
        #expect(rows.count == 200)
        let statuses = Set(rows.map(\.status))
        #expect(statuses.isSubset(of: ["belum_terverifikasi", "belum_ditindaklanjuti", "proses", "selesai", "tunda", "arsip"]))
        #expect(statuses.contains("selesai") && statuses.contains("proses") && statuses.contains("arsip"))
        let selesai = rows.filter { $0.status == "selesai" }.count
        #expect(selesai > 100, "Selesai should dominate as in LAPOR! (about 78%), got \(selesai) of 200")
        #expect(rows.contains { $0.state == "overdue" }, "the demo should include overdue work")
    }

    @Test func demoRefusesABadCountWithoutCreatingAStore() throws {
        try requireBinary()
        let desk = Desk("demo-bad")
        for count in ["0", "-5", "abc", "99999999999"] {
            let r = desk.run(["demo", "--count=\(count)"])
            #expect(r.status == 2, "--count \(count): exit \(r.status)")
            #expect(r.stderr.contains("--count"))
        }
        #expect(!fileExists(desk.store))
        let seed = desk.run(["demo", "--count", "5", "--seed", "x"])
        #expect(seed.status == 2)
        #expect(!fileExists(desk.store))
    }

    // MARK: verify

    @Test func verifyIsCleanOnAFreshStoreAndNamesATamperedComplaint() throws {
        try requireBinary()
        let desk = Desk("verify")
        try desk.demo(count: 40)
        let clean = desk.run(["verify", "--lang", "en"])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("OK: the store is intact."))
        let events = try #require(eventCount(clean.stdout))
        #expect(events >= 40)

        // Alter one event behind Aduan's back.
        let victim: Int64
        do {
            let db = try Database(path: desk.store)
            victim = try #require(try db.scalarInt("SELECT complaint_id FROM events WHERE seq = 3"))
            try db.execute("UPDATE events SET body = replace(body, 'a', 'b') WHERE seq = 3")
            #expect(db.changes == 1)
        }
        let tampered = desk.run(["verify", "--lang", "en"])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("#\(victim)"), "verify should name complaint #\(victim): \(tampered.stdout)")
        #expect(tampered.stdout.contains("PROBLEMS"))
        #expect(tampered.stdout.contains("complaints affected: #\(victim)"))
        let id = desk.run(["verify"])
        #expect(id.status == 1)
        #expect(id.stdout.contains("MASALAH"))
        #expect(id.stdout.contains("#\(victim)"))
    }

    @Test func verifyNoticesADeletedEventAndAnEditedProjection() throws {
        try requireBinary()
        let desk = Desk("verify-more")
        try desk.initStore()
        let a = try desk.receive("Sampah menumpuk di pasar")
        try desk.must(a, "verify", ["--unit", "dlh"])
        let b = try desk.receive("Air PDAM keruh")
        #expect(desk.run(["verify"]).status == 0)
        do {
            let db = try Database(path: desk.store)
            try db.execute("DELETE FROM events WHERE complaint_id = \(a) AND version = 2")
            try db.execute("UPDATE complaints SET title = 'Judul palsu' WHERE id = \(b)")
        }
        let r = desk.run(["verify", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("#\(a)"))
        #expect(r.stdout.contains("#\(b)"))
    }

    // MARK: backup

    @Test func backupMakesAPrivateCopyThatVerifiesAndRefusesToOverwrite() throws {
        try requireBinary()
        let desk = Desk("backup")
        try desk.demo(count: 60)
        let dest = desk.scratch.file("cadangan-2026-11-23.db")
        let r = desk.run(["backup", dest])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(dest))
        #expect(fileMode(dest) == 0o600)
        let v = desk.run(["verify"], store: dest)
        #expect(v.status == 0)
        #expect(desk.snapshot(store: dest).list == desk.snapshot().list)
        #expect(desk.snapshot(store: dest).events == desk.snapshot().events)

        // An existing destination is never overwritten.
        let destBytes = readFile(dest)
        _ = try desk.receive("Laporan baru setelah cadangan")
        let again = desk.run(["backup", dest])
        #expect(again.status == 2)
        #expect(again.stderr.contains(dest))
        #expect({ unchanged(dest, destBytes) }())
        let other = desk.scratch.write("catatan.txt", "jangan ditimpa\n")
        let onText = desk.run(["backup", other])
        #expect(onText.status == 2)
        #expect(readText(other) == "jangan ditimpa\n")
        // Nor into a folder that does not exist.
        let nowhere = desk.run(["backup", desk.scratch.file("tidak-ada/x.db")])
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("tidak-ada/x.db"))
    }

    // MARK: auto-close

    @Test func autoCloseClosesOnlyWhatIsDue() throws {
        try requireBinary()
        let desk = Desk("auto-close")
        try desk.initStore()
        let a = try desk.receive("Jalan berlubang di Desa Mekar")
        try desk.must(a, "verify", ["--unit", "pupr"])
        try desk.must(a, "follow-up", ["--text", "Sudah ditambal oleh tim UPT."], as: "tl-pupr")
        let b = try desk.receive("Lampu PJU mati")
        try desk.must(b, "verify", ["--unit", "pupr"])
        // 10 working days after Monday 23 November 2026 end on Monday 7 December.
        let early = desk.run(["auto-close", "--lang", "en"], env: ["ADUAN_NOW": "2026-12-07T20:00:00+07:00"])
        #expect(early.status == 0)
        #expect(early.stdout.hasPrefix("0 complaint(s)"))
        #expect(desk.row(a)?.status == "proses")
        let due = desk.run(["auto-close", "--lang", "en"], env: ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"])
        #expect(due.status == 0)
        #expect(due.stdout.hasPrefix("1 complaint(s)"))
        #expect(desk.row(a)?.status == "selesai")
        #expect(desk.row(b)?.status == "belum_ditindaklanjuti")
        let twice = desk.run(["auto-close", "--lang", "en"], env: ["ADUAN_NOW": "2026-12-08T09:00:00+07:00"])
        #expect(twice.stdout.hasPrefix("0 complaint(s)"))
        #expect(desk.run(["verify"]).status == 0)
    }

    // MARK: report

    @Test func reportInEveryFormatAgreesWithList() throws {
        try requireBinary()
        let desk = Desk("report")
        try desk.demo(count: 120)
        let rows = desk.rows(as: "pengawas")

        let text = desk.run(["report"], as: "pengawas")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Pemerintah Kabupaten Sukamaju"))
        #expect(text.stdout.contains("Jumlah: \(rows.count)"), "text report total vs \(rows.count) listed")
        let en = desk.run(["report", "--lang", "en"], as: "pengawas")
        #expect(en.stdout != text.stdout)

        let json = desk.run(["report", "--format", "json"], as: "pengawas")
        #expect(json.status == 0)
        let node = try parseJSON(json.stdout)
        #expect(node["total"]?.int == rows.count)
        #expect(node["selesai"]?.int == rows.filter { $0.status == "selesai" }.count)
        #expect(node["generatedAt"]?.string == fixedNow)
        #expect(node["operator"]?.string == "pengawas")
        var byStatus: [String: Int] = [:]
        for c in node["byHolderAndStatus"]?.array ?? [] { byStatus[c["status"]?.string ?? "?", default: 0] += c["count"]?.int ?? 0 }
        var listed: [String: Int] = [:]
        for r in rows { listed[r.status, default: 0] += 1 }
        #expect(byStatus == listed)
        let overdue = (node["overdueByHolder"]?.array ?? []).reduce(0) { $0 + ($1["overdue"]?.int ?? 0) }
        #expect(overdue == rows.filter { $0.state == "overdue" }.count)

        let csv = desk.run(["report", "--format", "csv"], as: "pengawas")
        #expect(csv.status == 0)
        let parsed = parseCSV(csv.stdoutBytes)
        #expect(parsed.hadBOM)
        #expect(parsed.usesCRLF)
        #expect(parsed.header == ["figure", "agency", "unit", "status", "value"])
        #expect(parsed.records.first { $0["figure"] == "total" }?["value"] == "\(rows.count)")

        let bad = desk.run(["report", "--format", "pdf"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("pdf"))
    }

    @Test func reportCoversOnlyWhatTheOperatorMaySee() throws {
        try requireBinary()
        let desk = Desk("report-scope")
        try desk.demo(count: 120)
        for op in ["tl-dinkes", "admin", "monitor-kominfo", "admin-prov"] {
            let json = desk.run(["report", "--format", "json"], as: op)
            #expect(json.status == 0)
            let total = try parseJSON(json.stdout)["total"]?.int
            #expect(total == desk.rows(as: op).count, "report total for \(op)")
        }
    }

    // MARK: list and show

    @Test func listPrintsOneTabSeparatedLinePerComplaint() throws {
        try requireBinary()
        let desk = Desk("list")
        try desk.initStore()
        let a = try desk.receive("Jalan\trusak\ndi desa", ["--tracking", "4512345"])
        try desk.must(a, "verify", ["--unit", "pupr"])
        _ = try desk.receive("Sampah")
        let out = desk.run(["list"]).stdout
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2, "a tab or line break in a title must not break the one-line format: \(out)")
        let row = try #require(ListRow(String(lines.first { $0.hasPrefix("\(a)\t") } ?? "")))
        #expect(row.tracking == "4512345")
        #expect(row.status == "belum_ditindaklanjuti")
        #expect(row.due == "2026-11-30T23:59:59+07:00")
        #expect(row.state == "on-time")
        #expect(row.holder == "pupr")
        #expect(!row.title.contains("\t") && !row.title.contains("\n"))
        #expect(desk.run(["list", "--limit", "1"]).stdout.split(separator: "\n").count == 1)
        #expect(desk.run(["list", "status:bd"]).stdout.split(separator: "\n").count == 1)
        #expect(desk.run(["list", "-status:bd"]).stdout.split(separator: "\n").count == 1)
        #expect(desk.run(["list", "lapor:4512345"]).stdout.hasPrefix("\(a)\t"))
        // Nothing for a liaison who does not hold it.
        #expect(desk.run(["list"], as: "tl-dinkes").stdout.isEmpty)
        #expect(desk.run(["list"], as: "tl-pupr").stdout.hasPrefix("\(a)\t"))
    }

    @Test func showFindsByIdOrTrackingNumberAndRefusesWhatTheOperatorMayNotSee() throws {
        try requireBinary()
        let desk = Desk("show")
        try desk.initStore()
        let a = try desk.receive("Puskesmas tutup saat jam layanan", ["--tracking", "4512399", "--body", "Puskesmas Sukamaju tutup pukul 11."])
        try desk.must(a, "verify", ["--unit", "dinkes"])
        let byID = desk.run(["show", "\(a)"])
        #expect(byID.status == 0)
        #expect(byID.stdout.contains("Puskesmas tutup saat jam layanan"))
        #expect(byID.stdout.contains("Belum Ditindaklanjuti"))
        #expect(byID.stdout.contains("Dinas Kesehatan"))
        #expect(desk.run(["show", "#\(a)"]).stdout == byID.stdout)
        #expect(desk.run(["show", "4512399"]).stdout == byID.stdout)
        let en = desk.run(["show", "\(a)", "--lang", "en"])
        #expect(en.stdout.contains("Holder:") && en.stdout.contains("Deadline:"))

        let missing = desk.run(["show", "999"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("#999"))
        let notMine = desk.run(["show", "\(a)"], as: "tl-pupr")
        #expect(notMine.status == 1)
        #expect(notMine.stderr.contains("#\(a)"))
        #expect(!notMine.stderr.contains("Puskesmas"), "a refusal must not show the content")
        let otherAgency = desk.run(["show", "\(a)"], as: "admin-prov")
        #expect(otherAgency.status == 1)
        for bad in ["abc", "0", "-3", "1.5"] {
            let r = desk.bare(["show", "--store", desk.store, "--", bad])
            #expect(r.status == 2, "show \(bad): exit \(r.status)")
        }
    }
}
