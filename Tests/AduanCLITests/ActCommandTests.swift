import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Every workflow action for every role through `aduan act`: what the workflow table
/// (`aduan help workflow`) allows exits 0 and moves the status as the table says; everything
/// else exits 1 with the reason and leaves the store byte for byte as it was.
@Suite struct ActCommandTests {
    static let actions = ["receive", "verify", "classify", "redispose", "forward", "cc", "postpone", "resume", "archive",
                          "follow-up", "note", "reply", "rate", "close", "reopen", "link-duplicate"]

    /// The arguments each action needs (so that only the workflow decides).
    static let arguments: [String: [String]] = [
        "verify": ["--unit", "dinkes"],
        "classify": ["--classification", "aspirasi", "--category", "kesehatan/puskesmas"],
        "redispose": ["--unit", "pupr", "--reason", "Salah unit: ini urusan jalan"],
        "forward": ["--agency", "pemprov-jatim", "--reason", "Jalan provinsi, bukan wewenang kabupaten"],
        // From Belum Terverifikasi the privacy decision travels with the forward (see below).
        "forward-bt": ["--agency", "pemprov-jatim", "--reason", "Jalan provinsi, bukan wewenang kabupaten", "--anonymous", "no", "--confidential", "no"],
        "cc": ["--unit", "pupr"],
        "postpone": ["--reason", "Menunggu klarifikasi lokasi dari pelapor"],
        "resume": [],
        "archive": ["--code", "unclear", "--reason", "Isi tidak jelas"],
        "follow-up": ["--text", "Tim sudah turun ke lokasi dan memperbaiki."],
        "note": ["--text", "Catatan internal: koordinasi dengan kecamatan."],
        "reply": ["--text", "Pelapor: terima kasih, tapi masih rusak."],
        "rate": ["--rating", "4"],
        "close": [],
        "reopen": ["--reason", "Pelapor keberatan: belum diperbaiki"],
        "link-duplicate": ["--duplicate-of", "7"],
    ]

    /// The fixture: one complaint in each status, all received by the Kabupaten's admin.
    /// #1 Belum Terverifikasi, #2 Belum Ditindaklanjuti (Dinas Kesehatan), #3 Proses (Dinas Kesehatan),
    /// #4 Selesai (Dinas Kesehatan), #5 Tunda, #6 Arsip, #7 Belum Ditindaklanjuti (the duplicates' original).
    static let fixtureIDs: [String: Int64] = [
        "belum_terverifikasi": 1, "belum_ditindaklanjuti": 2, "proses": 3, "selesai": 4, "tunda": 5, "arsip": 6,
    ]

    /// Built once; every case starts from a byte-for-byte copy.
    static let template: Result<[UInt8], TemplateError> = {
        guard AduanBinary.problem == nil else { return .failure(TemplateError(AduanBinary.problem!)) }
        let desk = Desk("act-template")
        do {
            try desk.initStore()
            let titles = ["Lampu PJU mati di Jl. Kenanga", "Puskesmas tutup sebelum jam 12", "Obat hipertensi habis",
                          "Antrean BPJS di puskesmas", "Banjir di perumahan", "Tes tes", "Puskesmas tutup siang hari"]
            for t in titles { _ = try desk.receive(t) }
            for id: Int64 in [2, 3, 4, 7] { try desk.must(id, "verify", ["--unit", "dinkes"]) }
            for id: Int64 in [3, 4] { try desk.must(id, "follow-up", ["--text", "Sudah kami tindak lanjuti."], as: "tl-dinkes") }
            try desk.must(4, "close")
            try desk.must(5, "postpone", ["--reason", "Menunggu data"])
            try desk.must(6, "archive", ["--code", "spam"])
            let rows = desk.rows()
            for (status, id) in fixtureIDs where rows.first(where: { $0.id == id })?.status != status {
                return .failure(TemplateError("fixture #\(id) is not \(status)"))
            }
            return .success(readFile(desk.store) ?? [])
        } catch {
            return .failure(TemplateError("\(error)"))
        }
    }()

    static var templateBytes: [UInt8]? { try? template.get() }

    struct TemplateError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// One row of the printed workflow table.
    struct Rule {
        var action: String
        var from: [String]
        var roles: [String]
        var result: String
    }

    static let laporNames: [String: String] = [
        "Belum Terverifikasi": "belum_terverifikasi", "Belum Ditindaklanjuti": "belum_ditindaklanjuti", "Proses": "proses",
        "Selesai": "selesai", "Tunda": "tunda", "Arsip": "arsip", "(new)": "new",
    ]

    /// `aduan help workflow`, parsed.
    static let table: [Rule] = {
        let s = Scratch("aduan-cli-table")
        let r = AduanBinary.run(["help", "workflow", "--lang", "en"], in: s)
        return r.stdout.split(separator: "\n").compactMap { line -> Rule? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.split(separator: " ").joined(separator: " ") }
            guard cells.count == 7, cells[1] != "action", !cells[1].hasPrefix("---") else { return nil }
            let from = cells[2].split(separator: ",").map { $0.split(separator: " ").joined(separator: " ") }.map { laporNames[$0] ?? "?\($0)" }
            let roles = cells[3].split(separator: ",").map { $0.split(separator: " ").joined(separator: " ") }
            return Rule(action: cells[1], from: from, roles: roles, result: cells[5])
        }
    }()

    static let roleOf: [String: String] = [
        "admin": "admin", "admin-prov": "admin", "tl-dinkes": "liaison", "tl-pupr": "liaison",
        "pengawas": "supervisor", "monitor-kominfo": "supervisor",
    ]

    /// The holder rule, independent of the table: every fixture complaint belongs to the Kabupaten;
    /// #2–#4 are held by Dinas Kesehatan, the others by no unit yet.
    static func holderAllows(_ op: String, status: String) -> Bool {
        switch op {
        case "admin", "pengawas", "monitor-kominfo": return true
        case "tl-dinkes": return ["belum_ditindaklanjuti", "proses", "selesai"].contains(status)
        default: return false // tl-pupr holds nothing; admin-prov is another agency
        }
    }

    struct Case: CustomStringConvertible, Sendable {
        var action: String
        var status: String
        var op: String
        var description: String { "\(action) on \(status) as \(op)" }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        for action in actions where action != "receive" {
            for status in ["belum_terverifikasi", "belum_ditindaklanjuti", "proses", "selesai", "tunda", "arsip"] {
                for op in ["admin", "tl-dinkes", "tl-pupr", "pengawas", "admin-prov", "monitor-kominfo"] {
                    out.append(Case(action: action, status: status, op: op))
                }
            }
        }
        return out
    }()

    @Test func theWorkflowTableIsReadable() throws {
        try requireBinary()
        #expect(Self.table.count >= Self.actions.count)
        for action in Self.actions { #expect(Self.table.contains { $0.action == action }, "no rule for \(action)") }
        #expect(!Self.table.contains { $0.from.contains { $0.hasPrefix("?") } }, "unknown status names in the table")
        // The matrix below is only as good as its expectations: check a few by hand.
        func allowed(_ a: String, _ s: String, _ op: String) -> Bool {
            Self.holderAllows(op, status: s) && Self.table.contains { $0.action == a && $0.from.contains(s) && $0.roles.contains(Self.roleOf[op]!) }
        }
        #expect(allowed("verify", "belum_terverifikasi", "admin"))
        #expect(!allowed("verify", "belum_terverifikasi", "tl-dinkes"))
        #expect(!allowed("verify", "proses", "admin"))
        #expect(allowed("follow-up", "belum_ditindaklanjuti", "tl-dinkes"))
        #expect(!allowed("follow-up", "belum_ditindaklanjuti", "tl-pupr"))
        #expect(!allowed("close", "proses", "tl-dinkes"))
        #expect(allowed("close", "proses", "admin"))
        #expect(allowed("note", "arsip", "monitor-kominfo"))
        #expect(!allowed("note", "proses", "admin-prov"))
        #expect(allowed("reopen", "selesai", "tl-dinkes"))
        #expect(allowed("resume", "tunda", "admin"))
        let n = Self.cases.filter { allowed($0.action, $0.status, $0.op) }.count
        #expect(n > 40 && n < 200, "\(n) of \(Self.cases.count) cases allowed")
    }

    @Test(arguments: cases)
    func everyActionForEveryRole(_ c: Case) throws {
        try requireBinary()
        let template = try Self.template.get()
        let desk = Desk("act")
        writeBytes(desk.store, template)
        let id = Self.fixtureIDs[c.status]!
        let rules = Self.table.filter { $0.action == c.action && $0.from.contains(c.status) && $0.roles.contains(Self.roleOf[c.op]!) }
        let allowed = !rules.isEmpty && Self.holderAllows(c.op, status: c.status)
        let args = c.action == "forward" && c.status == "belum_terverifikasi" ? Self.arguments["forward-bt"]! : Self.arguments[c.action]!
        let r = desk.run(["act", "\(id)", c.action] + args, as: c.op)
        if allowed {
            #expect(r.status == 0, "\(c) should be allowed: \(r.stderr)")
            #expect(r.stdout.contains("#\(id) "))
            let expected: String
            switch rules[0].result {
            case "unchanged": expected = c.status
            case "status before Tunda": expected = "belum_terverifikasi"
            default: expected = Self.laporNames[rules[0].result] ?? "?"
            }
            let row = desk.row(id)
            #expect(row?.status == expected, "\(c): status \(row?.status ?? "nil"), the table says \(expected)")
            switch c.action {
            case "verify": #expect(row?.holder == "dinkes")
            case "redispose": #expect(row?.holder == "pupr")
            case "forward": #expect(row?.holder == "pemprov-jatim")
            case "cc": #expect(desk.rows(as: "tl-pupr").contains { $0.id == id }, "the copied unit should see it")
            default: break
            }
            #expect(desk.run(["verify"]).status == 0)
        } else {
            #expect(r.status == 1, "\(c) should be refused (exit 1), got \(r.status): \(r.stdout) \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("aduan: "), "\(c): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(c): the reason should be one line: \(r.stderr)")
            #expect(r.stderr.count > 25, "\(c): the reason is too thin: \(r.stderr)")
            #expect({ unchanged(desk.store, template) }(), "\(c) was refused but changed the store")
        }
    }

    @Test(arguments: ["admin", "tl-dinkes", "tl-pupr", "pengawas", "admin-prov", "monitor-kominfo"])
    func receiveIsForAdmins(_ op: String) throws {
        try requireBinary()
        let desk = Desk("receive")
        writeBytes(desk.store, try Self.template.get())
        let r = desk.run(["act", "new", "receive", "--title", "Jembatan gantung putus", "--channel", "web"], as: op)
        if Self.roleOf[op] == "admin" {
            #expect(r.status == 0, "\(op): \(r.stderr)")
            let id = try #require(complaintID(in: r.stdout))
            let row = desk.row(id)
            #expect(row?.status == "belum_terverifikasi")
            #expect(row?.holder == (op == "admin" ? "pemkab-sukamaju" : "pemprov-jatim"), "a new complaint belongs to the receiving admin's agency")
        } else {
            #expect(r.status == 1, "\(op) may not receive: exit \(r.status)")
            #expect(r.stderr.hasPrefix("aduan: "))
            #expect({ unchanged(desk.store, Self.templateBytes) }(), "the store changed")
        }
    }

    /// The main path of docs/DOMAIN.md, spelt out by hand (not read from the table).
    @Test func theLaporPathByHand() throws {
        try requireBinary()
        let desk = Desk("act-path")
        try desk.initStore()
        let id = try desk.receive("Jalan berlubang di Desa Mekar", ["--body", "Lubang besar di depan SD.", "--channel", "sms1708", "--tracking", "4512001"])
        func status() -> String? { desk.row(id)?.status }
        #expect(status() == "belum_terverifikasi")
        #expect(desk.row(id)?.due == "2026-11-26T23:59:59+07:00", "verification: 3 working days")
        try desk.must(id, "verify", ["--unit", "dinkes"])
        #expect(status() == "belum_ditindaklanjuti")
        try desk.must(id, "redispose", ["--unit", "pupr", "--reason", "Urusan jalan"], as: "tl-dinkes")
        #expect(desk.row(id)?.holder == "pupr")
        #expect(desk.run(["act", "\(id)", "follow-up", "--text", "x"], as: "tl-dinkes").status == 1, "no longer dinkes' complaint")
        try desk.must(id, "follow-up", ["--text", "Sudah ditambal."], as: "tl-pupr")
        #expect(status() == "proses")
        try desk.must(id, "reply", ["--text", "Belum rapi."], as: "tl-pupr")
        try desk.must(id, "follow-up", ["--text", "Sudah dirapikan."], as: "tl-pupr")
        #expect(desk.run(["act", "\(id)", "close"], as: "tl-pupr").status == 1, "only an admin closes")
        try desk.must(id, "close")
        #expect(status() == "selesai")
        try desk.must(id, "rate", ["--rating", "5"], as: "admin")
        try desk.must(id, "reopen", ["--reason", "Rusak lagi"], as: "tl-pupr")
        #expect(status() == "proses")
        let show = desk.run(["show", "\(id)", "--lang", "en"])
        #expect(show.stdout.contains("Sudah dirapikan."))
        #expect(desk.run(["verify"]).status == 0)
        // The tracking number works as an id.
        #expect(desk.run(["act", "4512001", "note", "--text", "Lewat nomor LAPOR!"]).status == 0)
    }

    @Test func postponeResumeAndArchiveFromTunda() throws {
        try requireBinary()
        let desk = Desk("act-tunda")
        try desk.initStore()
        let a = try desk.receive("Bau sampah dari TPS")
        #expect(desk.run(["act", "\(a)", "postpone"]).status == 1, "postpone needs a reason")
        try desk.must(a, "postpone", ["--reason", "Menunggu foto"])
        #expect(desk.row(a)?.status == "tunda")
        #expect(desk.row(a)?.due == "-", "Tunda pauses the clock")
        try desk.must(a, "resume")
        #expect(desk.row(a)?.status == "belum_terverifikasi")
        try desk.must(a, "postpone", ["--reason", "Menunggu foto lagi"])
        try desk.must(a, "archive", ["--code", "unclear"])
        #expect(desk.row(a)?.status == "arsip")
        #expect(desk.run(["act", "\(a)", "resume"]).status == 1)
    }

    @Test func refusalsExplainThemselves() throws {
        try requireBinary()
        let desk = Desk("act-reasons")
        writeBytes(desk.store, try Self.template.get())
        let wrongStatus = desk.run(["act", "4", "verify", "--unit", "dinkes"])
        #expect(wrongStatus.status == 1)
        #expect(wrongStatus.stderr.contains("Selesai") && wrongStatus.stderr.contains("Belum Terverifikasi"), "\(wrongStatus.stderr)")
        let wrongRole = desk.run(["act", "3", "close"], as: "tl-dinkes")
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stderr.contains("admin"), "\(wrongRole.stderr)")
        let notMine = desk.run(["act", "3", "follow-up", "--text", "x"], as: "tl-pupr")
        #expect(notMine.status == 1)
        #expect(notMine.stderr.contains("Dinas Kesehatan") || notMine.stderr.contains("#3"), "\(notMine.stderr)")
        let missingText = desk.run(["act", "3", "follow-up"], as: "tl-dinkes")
        #expect(missingText.status == 1)
        let en = desk.run(["act", "4", "verify", "--unit", "dinkes", "--lang", "en"])
        #expect(en.stderr != wrongStatus.stderr)
        let unknownUnit = desk.run(["act", "1", "verify", "--unit", "dinas-antah"])
        #expect(unknownUnit.status == 1)
        #expect(unknownUnit.stderr.contains("dinas-antah"))
        let unknownAgency = desk.run(["act", "2", "forward", "--agency", "negeri-antah", "--reason", "x"])
        #expect(unknownAgency.status == 1)
        #expect(unknownAgency.stderr.contains("negeri-antah"))
        let rating = desk.run(["act", "3", "rate", "--rating", "9"])
        #expect(rating.status == 1)
        #expect(rating.stderr.contains("9"))
        let selfDup = desk.run(["act", "2", "link-duplicate", "--duplicate-of", "2"])
        #expect(selfDup.status == 1)
        let missing = desk.run(["act", "999", "note", "--text", "x"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("#999"))
        #expect({ unchanged(desk.store, Self.templateBytes) }(), "the store changed")
    }

    /// A LAPOR! number names one report: a second `receive` with it is refused in words (as
    /// import counts it "already present"), nothing is written, and `show N` stays unambiguous.
    @Test func receiveRefusesALaporNumberAlreadyRecorded() throws {
        try requireBinary()
        let desk = Desk("act-tracking-twice")
        try desk.initStore()
        let first = try desk.receive("Jalan rusak di Desa Mekar", ["--tracking", "4516001"])
        let before = desk.snapshot()
        let again = desk.run(["act", "new", "receive", "--title", "Jalan rusak (dicatat lagi)", "--tracking", "4516001"], as: "admin")
        #expect(again.status == 1, "exit \(again.status): \(again.stderr)")
        #expect(again.stderr.hasPrefix("aduan: "), "\(again.stderr)")
        #expect(again.stderr.contains("4516001") && again.stderr.contains("sudah ada") && again.stderr.contains("#\(first)"), "\(again.stderr)")
        let en = desk.run(["act", "new", "receive", "--title", "Again", "--tracking", "4516001", "--lang", "en"], as: "admin")
        #expect(en.status == 1)
        #expect(en.stderr.contains("4516001") && en.stderr.contains("already present"), "\(en.stderr)")
        #expect(desk.snapshot() == before, "a refused receive writes nothing")
        let shown = desk.run(["show", "4516001"], as: "admin")
        #expect(shown.status == 0 && shown.stdout.contains("Jalan rusak di Desa Mekar"), "\(shown.stdout)")
        // Another number is still welcome.
        _ = try desk.receive("Lampu mati", ["--tracking", "4516002"])
        #expect(desk.rows().count == 2)
    }

    @Test func usageMistakesInActExitTwo() throws {
        try requireBinary()
        let desk = Desk("act-usage")
        writeBytes(desk.store, try Self.template.get())
        for args in [["act", "3", "folow-up", "--text", "x"], ["act", "3", "fly"], ["act", "abc", "note", "--text", "x"],
                     ["act", "3", "archive", "--code", "bosan"], ["act", "3", "classify", "--anonymous", "mungkin"],
                     ["act", "3", "rate", "--rating", "empat"], ["act", "new", "receive"], ["act", "3", "receive", "--title", "x"],
                     ["act", "3", "import"], ["act", "3", "note", "--text-file", desk.scratch.file("tidak-ada.txt")],
                     ["act", "3", "note", "--text", "a", "--text-file", "b"], ["act", "new", "receive", "--title", "x", "--incident-date", "kemarin"],
                     ["act", "3", "note", "--text", "x", "--expect-version", "nol"]] {
            let r = desk.run(args)
            #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("aduan: "))
        }
        let typo = desk.run(["act", "3", "folow-up", "--text", "x", "--lang", "en"])  // English: the session speaks it (issue 11 item 11)
        #expect(typo.stderr.contains("did you mean follow-up?"))
        #expect({ unchanged(desk.store, Self.templateBytes) }(), "the store changed")
    }

    /// A follow-up is sent to a citizen: a binary or non-UTF-8 --text-file must be refused, not
    /// posted as replacement characters.
    @Test func aTextFileThatIsNotTextIsRefused() throws {
        try requireBinary()
        let desk = Desk("act-text-file")
        writeBytes(desk.store, try Self.template.get())
        let good = desk.scratch.write("balasan.txt", "Yth. Pelapor,\nJalan sudah diperbaiki.\n")
        #expect(desk.run(["act", "3", "follow-up", "--text-file", good], as: "tl-dinkes").status == 0)
        let after = readFile(desk.store)
        let latin1 = desk.scratch.write("latin1.txt", Array("Jalan sudah diperbaiki, terima kasih ".utf8) + [0xE9, 0xE8, 0x0A])
        let binary = desk.scratch.write("foto.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01])
        for file in [latin1, binary] {
            let r = desk.run(["act", "3", "follow-up", "--text-file", file], as: "tl-dinkes")
            #expect(r.status == 2, "--text-file \(file): exit \(r.status)")
            #expect(r.stderr.contains(file))
        }
        #expect({ unchanged(desk.store, after) }())
    }

    @Test func expectVersionRefusesAStaleAction() throws {
        try requireBinary()
        let desk = Desk("act-version")
        writeBytes(desk.store, try Self.template.get())
        // #3: receive, verify, follow-up = version 3.
        let ok = desk.run(["act", "3", "note", "--text", "Versi cocok", "--expect-version", "3"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("versi 4"))
        let before = readFile(desk.store)
        let stale = desk.run(["act", "3", "close", "--expect-version", "3"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("#3"))
        #expect(stale.stderr.contains("3 → 4"), "\(stale.stderr)")
        #expect({ unchanged(desk.store, before) }())
    }

    /// A report does not leave the office before its anonymity and confidentiality are decided:
    /// forward from Belum Terverifikasi takes the decision with it, or finds it already made.
    @Test func forwardFromBelumTerverifikasiNeedsThePrivacyDecision() throws {
        try requireBinary()
        let desk = Desk("act-forward-privacy")
        writeBytes(desk.store, try Self.template.get())
        let refused = desk.run(["act", "1", "forward", "--agency", "pemprov-jatim", "--reason", "Jalan provinsi"])
        #expect(refused.status == 1, "forwarded with the privacy decision undecided")
        #expect(refused.stderr.contains("anonim") && refused.stderr.contains("rahasia"), "\(refused.stderr)")
        #expect({ unchanged(desk.store, Self.templateBytes) }(), "the store changed")
        let ok = desk.run(["act", "1", "forward", "--agency", "pemprov-jatim", "--reason", "Jalan provinsi",
                           "--anonymous", "yes", "--confidential", "no"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let json = try parseJSONArray(desk.run(["export", "--format", "json", "id:1"], as: "admin-prov").stdout)
        #expect(json.first?["anonymous"]?.bool == true)
        #expect(json.first?["privacyDecided"]?.bool == true)
        // Forwarding from Belum Ditindaklanjuti (a liaison may) does not change the flags.
        let liaison = desk.run(["act", "2", "forward", "--agency", "pemprov-jatim", "--reason", "x", "--anonymous", "yes"], as: "tl-dinkes")
        #expect(liaison.status == 1, "a liaison changed the anonymity through a forward")
        #expect(desk.run(["verify"]).status == 0)
    }

    @Test func aCopiedUnitMayOnlyKeepNotes() throws {
        try requireBinary()
        let desk = Desk("act-cc")
        writeBytes(desk.store, try Self.template.get())
        try desk.must(3, "cc", ["--unit", "pupr"])
        #expect(desk.run(["act", "3", "note", "--text", "Kami pantau"], as: "tl-pupr").status == 0)
        for (action, args) in [("follow-up", ["--text", "x"]), ("reply", ["--text", "x"]), ("redispose", ["--unit", "dlh", "--reason", "x"])] {
            let r = desk.run(["act", "3", action] + args, as: "tl-pupr")
            #expect(r.status == 1, "a copied unit may not \(action)")
        }
        #expect(desk.run(["act", "3", "cc", "--unit", "pupr"]).status == 1, "already copied")
        #expect(desk.run(["act", "3", "cc", "--unit", "dinkes"]).status == 1, "the holder itself")
    }
}

/// Issue 11 item 2: an office that forwarded a report away still lists it, as `show` opens it.
@Suite struct ForwardedAwayTests {
    @Test func theForwardingOfficeStillListsExportsAndFindsWhatItForwarded() throws {
        try requireBinary()
        let desk = Desk("forwarded-away")
        try desk.initStore()
        let kept = try desk.receive("Lampu jalan mati di Jl. Mawar")
        let sent = try desk.receive("Jalan provinsi berlubang di Km 12")
        try desk.must(sent, "forward", ["--agency", "pemprov-jatim", "--reason", "Jalan provinsi", "--anonymous", "no", "--confidential", "no"])
        #expect(desk.run(["show", "\(sent)"], as: "admin").status == 0)
        #expect(desk.rows(as: "admin", ["id:\(sent)"]).map(\.id) == [sent], "list id:N as the forwarding admin")
        #expect(desk.rows(as: "admin", ["forwarded"]).map(\.id) == [sent], "list forwarded")
        #expect(desk.rows(as: "admin", ["diteruskan"]).map(\.id) == [sent], "list diteruskan")
        #expect(desk.rows(as: "admin", ["agency:pemprov-jatim"]).map(\.id) == [sent], "list agency:<new holder>")
        // Without a filter: the working inbox, as the screen's tabs and `report` count it.
        #expect(desk.rows(as: "admin").map(\.id) == [kept], "the admin's working inbox")
        #expect(Set(desk.rows(as: "admin", ["NOT", "id:999"]).map(\.id)) == [kept, sent], "any filter looks through all the admin may open")
        #expect(desk.rows(as: "admin-prov", ["forwarded"]).isEmpty, "the receiving agency did not forward it")
        let json = try parseJSONArray(desk.run(["export", "--format", "json", "forwarded"], as: "admin").stdout)
        #expect(json.count == 1, "export forwarded")
        #expect(desk.run(["verify"]).status == 0)
    }
}
