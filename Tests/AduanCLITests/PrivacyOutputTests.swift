import AduanTestSupport
import Testing

/// An anonymous reporter's identity never reaches an operator who may not see it, through any
/// command output or error message; the intake agency's admin does see it.
@Suite struct PrivacyOutputTests {
    static let identity = ["Siti Anonimawati", "Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"]
    /// Words planted only in the title and only in the body of a confidential (Rahasia) complaint
    /// held by Disdukcapil: only its handling parties may read or find them.
    static let confidentialTitleWord = "Rahjudulsembilan"
    static let confidentialBodyWord = "Rahbadantujuh"
    static let confidentialWords = [confidentialTitleWord, confidentialBodyWord, "Pungutan loket", "oknum berseragam"]
    static let confidentialTracking = "4517002"

    /// An office where the identity is planted in an anonymous complaint disposed to Dinas Kesehatan,
    /// with some history around it and a second, ordinary complaint.
    static func office(_ name: String) throws -> (Desk, Int64) {
        let desk = Desk(name)
        try desk.demo(count: 25, seed: 11)
        let id = try desk.receive("Obat habis di Puskesmas Karangrejo", [
            "--body", "Sudah tiga kali datang, obat hipertensi selalu kosong.", "--anonymous", "yes", "--tracking", "4517001",
            "--channel", "sms1708", "--category", "kesehatan/puskesmas",
            "--reporter-name", "Siti Anonimawati", "--reporter-phone", "081299990000",
            "--reporter-email", "rahasia@contoh.id", "--reporter-nik", "3507999900001111",
        ], as: "admin")
        try desk.must(id, "verify", ["--unit", "dinkes"])
        try desk.must(id, "follow-up", ["--text", "Stok obat sudah dikirim dari gudang farmasi."], as: "tl-dinkes")
        try desk.must(id, "reply", ["--text", "Terima kasih, tapi obat belum ada."], as: "tl-dinkes")
        try desk.must(id, "cc", ["--unit", "pupr"])
        let hidden = try desk.receive("Pungutan loket \(confidentialTitleWord) di kecamatan", [
            "--body", "Petugas oknum berseragam meminta \(confidentialBodyWord) ribu per berkas.", "--confidential", "yes",
            "--tracking", confidentialTracking, "--category", "adminduk/ktp-el",
        ], as: "admin")
        try desk.must(hidden, "verify", ["--unit", "disdukcapil"])
        return (desk, id)
    }

    static func leaks(_ text: String) -> [String] { identity.filter { text.contains($0) } }
    static func contentLeaks(_ text: String) -> [String] { confidentialWords.filter { text.contains($0) } }

    static let viewers = ["tl-dinkes", "pengawas", "tl-pupr", "monitor-kominfo", "admin-prov"]

    /// On PostgreSQL (issue 14) the same office, each viewer as its own database role: list,
    /// show and search (the commands that run there); exports, reports and actions are SQLite's.
    @Test(arguments: viewers, StoreBackend.available)
    func noOutputShowsTheHiddenIdentity(_ viewer: String, _ backend: StoreBackend) throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-\(viewer)-\(backend)")
        let on = try PrivacyRunner(backend, desk)
        var outputs: [(String, ProcessResult)] = []
        func run(_ args: [String]) { outputs.append((args.joined(separator: " "), on.run(args, as: viewer))) }
        for lang in ["id", "en"] {
            run(["list", "--lang", lang])
            run(["list", "anonim", "--lang", lang])
            run(["show", "\(id)", "--lang", lang])
            run(["show", "4517001", "--lang", lang])
            guard on.isSQLite else { continue }
            for format in ["csv", "json", "open311"] { run(["export", "--format", format, "--lang", lang]) }
            for format in ["text", "csv", "json"] { run(["report", "--format", format, "--lang", lang]) }
        }
        let out = desk.scratch.file("ekspor-\(viewer).json")
        if on.isSQLite { run(["export", "--format", "json", "--out", out]) }
        // Searching for the identity must not even confirm which complaint it belongs to.
        for term in ["Anonimawati", "081299990000", "3507999900001111"] { run(["list", term]) }
        // Nor may a confidential complaint's title or body be read or probed word by word.
        for term in [Self.confidentialTitleWord, Self.confidentialBodyWord, "rahasia", "is:confidential", "Pungutan"] { run(["list", term]) }
        run(["show", Self.confidentialTracking])
        if on.isSQLite { for args in [["export", "--format", "csv", "is:confidential"], ["report", "--format", "text"]] { run(args) } }
        // Refusals and mistakes: error messages must not carry the identity either.
        for args in [["show", "99999"], ["list", "pelapor:Siti"]] { run(args) }
        if on.isSQLite {
            for args in [["act", "\(id)", "close"], ["act", "\(id)", "verify", "--unit", "pupr"], ["act", "\(id)", "classify", "--anonymous", "no"],
                         ["act", "\(id)", "archive", "--code", "spam"], ["act", "\(id)", "note", "--text", "x", "--expect-version", "1"],
                         ["act", "\(id)", "rate", "--rating", "9"], ["act", "\(id)", "link-duplicate", "--duplicate-of", "\(id)"],
                         ["export", "--format", "xml"], ["import", desk.store]] {
                run(args)
            }
        }
        for (args, r) in outputs {
            #expect(Self.leaks(r.stdout).isEmpty, "`aduan \(args)` as \(viewer) on \(backend) prints \(Self.leaks(r.stdout)) on stdout")
            #expect(Self.leaks(r.stderr).isEmpty, "`aduan \(args)` as \(viewer) on \(backend) prints \(Self.leaks(r.stderr)) on stderr")
        }
        #expect(Self.leaks(readText(out) ?? "").isEmpty, "export --out file for \(viewer)")
        // The workbooks (issue 16): the export and the recap, read back with openpyxl, each language.
        var workbooks: [(String, String)] = []
        for lang in ["id", "en"] where on.isSQLite {
            let export = desk.scratch.file("ekspor-\(viewer)-\(lang).xlsx"), report = desk.scratch.file("rekap-\(viewer)-\(lang).xlsx")
            run(["export", "--format", "xlsx", "--out", export, "--lang", lang])
            run(["report", "--format", "xlsx", "--out", report, "--from", "2026-01-01", "--to", "2026-11-30", "--lang", lang])
            for file in [export, report] { workbooks.append((file, try XlsxReader.available ? XlsxReader.read(file, in: desk.scratch).allText : "")) }
        }
        if !XlsxReader.available { print("PrivacyOutputTests: workbooks not read back: \(XlsxReader.skipReason)") }
        for (file, text) in workbooks {
            #expect(Self.leaks(text).isEmpty, "\(file) for \(viewer) holds \(Self.leaks(text))")
        }
        // Pengawas supervises the agency that holds the confidential complaint: a handling party.
        if viewer != "pengawas" {
            for (file, text) in workbooks {
                #expect(Self.contentLeaks(text).isEmpty, "\(file) for \(viewer) holds \(Self.contentLeaks(text))")
            }
            for (args, r) in outputs {
                #expect(Self.contentLeaks(r.stdout).isEmpty, "`aduan \(args)` as \(viewer) on \(backend) prints \(Self.contentLeaks(r.stdout)) on stdout")
                #expect(Self.contentLeaks(r.stderr).isEmpty, "`aduan \(args)` as \(viewer) on \(backend) prints \(Self.contentLeaks(r.stderr)) on stderr")
            }
            #expect(Self.contentLeaks(readText(out) ?? "").isEmpty, "export --out file for \(viewer)")
        }

        // The viewers who may open the complaint see that it exists and that it is anonymous.
        if ["tl-dinkes", "pengawas", "tl-pupr", "monitor-kominfo"].contains(viewer) {
            let show = on.run(["show", "\(id)"], as: viewer)
            #expect(show.status == 0, "\(viewer) should be able to open #\(id) on \(backend): \(show.stderr)")
            #expect(show.stdout.contains("Obat habis di Puskesmas Karangrejo"))
            #expect(show.stdout.contains("ANONIM"))
            guard on.isSQLite else { return }
            let json = try parseJSONArray(desk.run(["export", "--format", "json", "id:\(id)"], as: viewer).stdout)
            #expect(json.count == 1)
            #expect(json.first?["reporter"]?.isNull == true, "reporter must be null for \(viewer)")
            #expect(json.first?["anonymous"]?.bool == true)
            let csv = parseCSV(desk.run(["export", "id:\(id)"], as: viewer).stdoutBytes).records.first
            for column in ["reporter_name", "reporter_phone", "reporter_email", "reporter_nik"] {
                #expect(csv?[column] == "", "\(column) for \(viewer)")
            }
        } else {
            #expect(on.run(["show", "\(id)"], as: viewer).status == 1, "\(viewer) opens #\(id) on \(backend)")
        }
    }

    /// An imported history is quoted data (issue 13): a follow-up text in it that names the
    /// anonymous reporter, and the reporter's own fields, reach no viewer who may not see them,
    /// through any output; the intake admin still reads them.
    @Test func anImportedHistoryQuotingTheReporterShowsThemToNoViewerWhoMayNotSee() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-imported")
        let exported = desk.run(["export", "--format", "json", "id:\(id)"], as: "admin")
        try #require(exported.status == 0, "\(exported.stderr)")
        // The same report under another number, its follow-up now naming the reporter.
        let quoted = exported.stdout.replacing("4517001", with: "4517999")
            .replacing("Stok obat sudah dikirim dari gudang farmasi.", with: "Stok obat sudah dikirim, Bu Siti Anonimawati.")
        #expect(quoted.contains("Bu Siti Anonimawati"))
        let file = desk.scratch.write("sumber.json", quoted)
        let imported = desk.run(["import", file], as: "admin")
        try #require(imported.status == 0, "\(imported.stderr)")
        for viewer in Self.viewers {
            var outputs: [(String, ProcessResult)] = []
            func run(_ args: [String]) { outputs.append((args.joined(separator: " "), desk.run(args, as: viewer))) }
            for lang in ["id", "en"] {
                run(["show", "4517999", "--lang", lang])
                for format in ["csv", "json", "open311"] { run(["export", "--format", format, "tracking:4517999", "--lang", lang]) }
            }
            for term in ["Anonimawati", "081299990000"] { run(["list", term]) }
            for (args, r) in outputs {
                #expect(Self.leaks(r.stdout + r.stderr).isEmpty, "`aduan \(args) --as \(viewer)` shows \(Self.leaks(r.stdout + r.stderr))")
            }
        }
        let own = desk.run(["show", "4517999"], as: "admin")
        #expect(own.stdout.contains("Bu Siti Anonimawati") && own.stdout.contains("menurut sumber"), "\(own.stdout)")
        #expect(Self.leaks(desk.run(["export", "--format", "open311"], as: "admin").stdout).isEmpty)
    }

    /// A second reviewer's finds: a confidential report's new title (given at verify) and its
    /// location are content, hidden from whoever may not read it, in the history too; and an
    /// anonymous reporter who named themself in the title, body or location is not named to a
    /// viewer who may not see them, in `show` and every export.
    @Test func newTitlesLocationsAndSelfNamingTextsFollowThePrivacyRules() throws {
        try requireBinary()
        let (desk, _) = try Self.office("privacy-retitled")
        let id = try desk.receive("Pungli oleh Budi Rahasiawan sendiri", [
            "--body", "Saya Budi Rahasiawan, 081377770000, melapor pungutan.", "--location", "Rumah Budi Rahasiawan, Gang Rahlokasidua 5",
            "--anonymous", "yes", "--confidential", "yes", "--reporter-name", "Budi Rahasiawan", "--reporter-phone", "081377770000",
        ], as: "admin")
        try desk.must(id, "verify", ["--unit", "dinkes", "--title", "Pungli Rahjudulbaru Budi Rahasiawan 081377770000",
                                     "--anonymous", "yes", "--confidential", "yes"])
        try desk.must(id, "cc", ["--unit", "pupr"])
        let identity = ["Rahasiawan", "081377770000"]
        let content = ["Rahjudulbaru", "Rahlokasidua", "melapor pungutan"]
        for viewer in ["tl-dinkes", "tl-pupr", "monitor-kominfo"] {
            var outputs: [(String, ProcessResult)] = []
            for args in [["show", "\(id)"], ["show", "\(id)", "--lang", "en"], ["list"], ["list", "id:\(id)"], ["export", "id:\(id)"],
                         ["export", "--format", "json", "id:\(id)"], ["export", "--format", "open311"]] {
                outputs.append((args.joined(separator: " "), desk.run(args, as: viewer)))
            }
            #expect(outputs[0].1.status == 0, "\(viewer) opens #\(id): \(outputs[0].1.stderr)")
            for (args, r) in outputs {
                let text = r.stdout + r.stderr
                let named = identity.filter { text.contains($0) }
                #expect(named.isEmpty, "`aduan \(args) --as \(viewer)` names the anonymous reporter: \(named)")
                // The monitor handles nothing: a confidential report's content is not theirs to read.
                if viewer == "monitor-kominfo" {
                    let read = content.filter { text.contains($0) }
                    #expect(read.isEmpty, "`aduan \(args) --as monitor-kominfo` reads \(read)")
                }
            }
        }
        // The handlers read the content, with the identity replaced.
        let handler = desk.run(["show", "\(id)"], as: "tl-dinkes").stdout
        #expect(handler.contains("Rahjudulbaru") && handler.contains("Gang Rahlokasidua 5") && handler.contains("Pelapor"), "\(handler)")
        // The intake admin reads everything as written.
        #expect(desk.run(["show", "\(id)"], as: "admin").stdout.contains("Rumah Budi Rahasiawan"))
    }

    @Test(arguments: StoreBackend.available)
    func theIntakeAdminSeesTheReporter(_ backend: StoreBackend) throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-admin-\(backend)")
        let on = try PrivacyRunner(backend, desk)
        let show = on.run(["show", "\(id)"], as: "admin")
        #expect(show.status == 0, "\(show.stderr)")
        for s in ["Siti Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"] {
            #expect(show.stdout.contains(s), "the intake admin should see \(s) on \(backend)")
        }
        guard on.isSQLite else { return }
        let json = try parseJSONArray(desk.run(["export", "--format", "json", "id:\(id)"], as: "admin").stdout)
        let reporter = json.first?["reporter"]
        #expect(reporter?["name"]?.string == "Siti Anonimawati")
        #expect(reporter?["nik"]?.string == "3507999900001111")
        let csv = parseCSV(desk.run(["export", "id:\(id)"], as: "admin").stdoutBytes).records.first
        #expect(csv?["reporter_phone"] == "081299990000")
        // Even the admin's public export has no identity.
        let open311 = desk.run(["export", "--format", "open311"], as: "admin")
        #expect(Self.leaks(open311.stdout).isEmpty)
        // Nor the admin's report, which is about figures.
        for format in ["text", "csv", "json"] {
            #expect(Self.leaks(desk.run(["report", "--format", format], as: "admin").stdout).isEmpty)
        }
        // The admin's workbook export carries the reporter like the CSV (so the leak checks above
        // can fail); the recap workbook, about figures, does not.
        if XlsxReader.available {
            let export = desk.scratch.file("ekspor-admin.xlsx"), report = desk.scratch.file("rekap-admin.xlsx")
            #expect(desk.run(["export", "--format", "xlsx", "--out", export], as: "admin").status == 0)
            #expect(desk.run(["report", "--format", "xlsx", "--out", report, "--from", "2026-01-01", "--to", "2026-11-30"], as: "admin").status == 0)
            let text = try XlsxReader.read(export, in: desk.scratch).allText
            for s in ["Siti Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"] {
                #expect(text.contains(s), "the intake admin's workbook should hold \(s)")
            }
            #expect(Self.leaks(try XlsxReader.read(report, in: desk.scratch).allText).isEmpty)
        }
    }

    /// Once the admin lifts anonymity, the handling unit sees the reporter; a monitor still does not.
    @Test func liftingAnonymityShowsTheReporterToTheHandlingUnitOnly() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-lift")
        try desk.must(id, "classify", ["--anonymous", "no", "--reason", "Pelapor setuju identitasnya dibuka"])
        #expect(desk.run(["show", "\(id)"], as: "tl-dinkes").stdout.contains("Siti Anonimawati"))
        #expect(Self.leaks(desk.run(["show", "\(id)"], as: "tl-pupr").stdout).isEmpty, "a unit with only a copy is not handling it")
        #expect(Self.leaks(desk.run(["export", "--format", "json"], as: "monitor-kominfo").stdout).isEmpty)
        #expect(Self.leaks(desk.run(["export", "--format", "open311"], as: "admin").stdout).isEmpty)
    }

    /// The public export carries no reporter identity at all, anonymous or not: not in a follow-up
    /// written from an old template that baked the name in, not in the body, not anywhere.
    @Test func theOpen311ExportCarriesNoReporterIdentity() throws {
        try requireBinary()
        let desk = Desk("privacy-open311")
        try desk.initStore()
        let planted = [("Kartika Sulistyowati", "081377770001", "kartika@contoh.id", "3507111122223333", "yes"),
                       ("Bambang Wicaksono", "081377770002", "bambang@contoh.id", "3507444455556666", "no")]
        for (name, phone, email, nik, anonymous) in planted {
            let id = try desk.receive("Posyandu tutup tanpa pemberitahuan", [
                "--body", "Saya \(name), warga RT 3, datang jam 8.", "--anonymous", anonymous,
                "--reporter-name", name, "--reporter-phone", phone, "--reporter-email", email, "--reporter-nik", nik,
            ])
            try desk.must(id, "verify", ["--unit", "dinkes", "--anonymous", anonymous, "--confidential", "no"])
            // What the old "Laporan diterima" template wrote for an operator who could see the name.
            try desk.must(id, "follow-up", ["--text", "Terima kasih, \(name). Laporan telah kami terima; hubungi \(phone) atau \(email)."], as: "tl-dinkes")
        }
        for viewer in ["admin", "monitor-kominfo", "tl-dinkes"] {
            let out = desk.run(["export", "--format", "open311"], as: viewer)
            #expect(out.status == 0, "\(out.stderr)")
            #expect(try parseJSONArray(out.stdout).count == 2)
            for (name, phone, email, nik, _) in planted {
                for s in [name, phone, email, nik] {
                    #expect(!out.stdout.contains(s), "open311 as \(viewer) carries \(s)")
                }
            }
            #expect(out.stdout.contains("Pelapor"), "the name is replaced by the word for the reporter")
        }
    }

    /// Lifting anonymity needs a reason, recorded in the event and shown in the history.
    @Test func liftingAnonymityNeedsAReason() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-lift-reason")
        let before = readFile(desk.store)
        let refused = desk.run(["act", "\(id)", "classify", "--anonymous", "no"])
        #expect(refused.status == 1, "lifting anonymity without a reason: exit \(refused.status)")
        #expect(refused.stderr.contains("alasan"), "\(refused.stderr)")
        #expect(refused.stderr.contains("anonim"), "\(refused.stderr)")
        #expect({ unchanged(desk.store, before) }(), "a refused lift changed the store")
        let en = desk.run(["act", "\(id)", "classify", "--anonymous", "no", "--lang", "en"])
        #expect(en.status == 1 && en.stderr.contains("reason"), "\(en.stderr)")
        try desk.must(id, "classify", ["--anonymous", "no", "--reason", "Pelapor meminta namanya dicantumkan"])
        let show = desk.run(["show", "\(id)", "--lang", "en"])
        #expect(show.stdout.contains("Pelapor meminta namanya dicantumkan"), "the reason is not in the history")
        #expect(show.stdout.contains("anonymity lifted"), "the history does not say anonymity was lifted: \(show.stdout)")
        #expect(desk.run(["verify"]).status == 0)
    }

    /// Confidential (Rahasia) content and secret follow-ups stay with the handling parties.
    @Test func confidentialContentAndSecretFollowUpsStayWithTheHandlers() throws {
        try requireBinary()
        let desk = Desk("privacy-rahasia")
        try desk.initStore()
        let id = try desk.receive("Pungli di loket KTP-el Kecamatan", ["--body", "ISI-RAHASIA-4410 oknum petugas", "--confidential", "yes"])
        try desk.must(id, "verify", ["--unit", "disdukcapil"])
        try desk.must(id, "cc", ["--unit", "pupr"])
        try desk.must(id, "follow-up", ["--text", "TL-RAHASIA-9920 petugas sudah diperiksa", "--secret"], as: "tl-disdukcapil")
        func outputs(_ viewer: String) -> String {
            [["show", "\(id)"], ["export", "--format", "json"], ["export", "--format", "csv"], ["list"], ["report", "--format", "json"]]
                .map { desk.run($0, as: viewer).stdout }.joined(separator: "\n")
        }
        // The all-agency monitor may know it exists, not what it says.
        let monitor = outputs("monitor-kominfo")
        #expect(monitor.contains("\(id)"))
        #expect(!monitor.contains("ISI-RAHASIA-4410"), "the monitor sees confidential content")
        #expect(!monitor.contains("TL-RAHASIA-9920"), "the monitor sees a secret follow-up")
        // A unit with a copy (tembusan) reads the content but not the secret follow-up.
        let copy = outputs("tl-pupr")
        #expect(copy.contains("ISI-RAHASIA-4410"))
        #expect(!copy.contains("TL-RAHASIA-9920"), "a CC'd unit sees a secret follow-up")
        // The handling unit and its agency's supervisor see both.
        for viewer in ["tl-disdukcapil", "pengawas"] {
            let all = outputs(viewer)
            #expect(all.contains("ISI-RAHASIA-4410") && all.contains("TL-RAHASIA-9920"), "\(viewer) is handling it")
        }
        // Other units and agencies see nothing at all.
        for viewer in ["tl-dinkes", "admin-prov"] {
            #expect(desk.run(["show", "\(id)"], as: viewer).status == 1)
            #expect(!outputs(viewer).contains("RAHASIA"))
        }
        // Never public.
        let open311 = desk.run(["export", "--format", "open311"], as: "admin")
        #expect(!open311.stdout.contains("Pungli"))
        #expect(try parseJSONArray(open311.stdout).isEmpty)
    }

    /// `--expect-version` must not tell an operator who may not even open a complaint who changed
    /// it, with which action and when (the version check runs before the access check).
    @Test func aStaleVersionDoesNotTellOutsidersWhoDidWhat() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-version")
        for viewer in ["admin-prov", "tl-disdukcapil"] {
            #expect(desk.run(["show", "\(id)"], as: viewer).status == 1, "\(viewer) may not open #\(id)")
            let r = desk.run(["act", "\(id)", "note", "--text", "Cek", "--expect-version", "1"], as: viewer)
            #expect(r.status == 1)
            let learned = ["Siti Rahmawati", "dr. Andi Pratama", "Verifikasi", "versi 1 →"].filter { r.stderr.contains($0) }
            #expect(learned.isEmpty, "\(viewer) learns \(learned) about #\(id): \(r.stderr)")
        }
    }

    /// The all-agency monitor may know a confidential complaint exists, but neither reads its
    /// title or body in any output nor finds it by a word of either; its handlers still do.
    @Test(arguments: StoreBackend.available)
    func theMonitorNeitherReadsNorFindsConfidentialText(_ backend: StoreBackend) throws {
        try requireBinary()
        let (desk, _) = try Self.office("privacy-monitor-rahasia-\(backend)")
        let on = try PrivacyRunner(backend, desk)
        let hidden = try #require(Int64(firstLine(on.run(["list", "tracking:\(Self.confidentialTracking)"], as: "admin").stdout)
            .split(separator: "\t").first ?? ""), "the admin lists the confidential complaint")
        func ids(_ filter: [String], as viewer: String) -> [Int64] {
            on.run(["list"] + filter, as: viewer).stdout.split(separator: "\n").compactMap { Int64($0.split(separator: "\t").first ?? "") }
        }
        // It is listed (it exists for the monitor), with the title hidden.
        let list = on.run(["list"], as: "monitor-kominfo")
        #expect(list.status == 0)
        let line = list.stdout.split(separator: "\n").map(String.init).first { $0.hasPrefix("\(hidden)\t") }
        #expect(line != nil, "the monitor should see that #\(hidden) exists")
        #expect(line?.hasSuffix("\t[disembunyikan]") == true, "title column for the monitor: \(line ?? "")")
        #expect(Self.contentLeaks(list.stdout).isEmpty, "monitor list shows \(Self.contentLeaks(list.stdout))")
        // No word of the hidden title or body finds it; the tracking number and flags still do.
        for word in [Self.confidentialBodyWord, Self.confidentialTitleWord, "Pungutan", "berseragam", "oknum berseragam"] {
            #expect(!ids([word], as: "monitor-kominfo").contains(hidden), "`list \(word)` finds #\(hidden) for the monitor")
            #expect(!ids(["status:bd", word], as: "monitor-kominfo").contains(hidden), "`list status:bd \(word)` finds #\(hidden)")
            #expect(!ids([word, "OR", "id:999999"], as: "monitor-kominfo").contains(hidden), "`list \(word) OR …` finds #\(hidden)")
            #expect(ids([word], as: "tl-disdukcapil").contains(hidden), "the handling unit searches `\(word)`")
            #expect(ids([word], as: "pengawas").contains(hidden), "the holding agency's supervisor searches `\(word)`")
        }
        #expect(ids(["tracking:\(Self.confidentialTracking)"], as: "monitor-kominfo") == [hidden])
        #expect(ids(["is:confidential"], as: "monitor-kominfo").contains(hidden))
        // Every other output of the monitor: detail, exports, reports (on PostgreSQL: the detail).
        let outputs = [["show", "\(hidden)"], ["show", Self.confidentialTracking], ["export", "--format", "csv"], ["export", "--format", "json"],
                       ["export", "--format", "open311"], ["report", "--format", "text"], ["report", "--format", "json"],
                       ["export", "--format", "json", Self.confidentialBodyWord]]
        for args in on.isSQLite ? outputs : Array(outputs.prefix(2)) {
            let r = on.run(args, as: "monitor-kominfo")
            #expect(Self.contentLeaks(r.stdout + r.stderr).isEmpty, "`aduan \(args.joined(separator: " "))` as the monitor shows \(Self.contentLeaks(r.stdout))")
        }
        guard on.isSQLite else { return }
        let json = try parseJSONArray(desk.run(["export", "--format", "json", Self.confidentialBodyWord], as: "monitor-kominfo").stdout)
        #expect(json.isEmpty, "exporting by a hidden body word selects it")
    }

    /// For an operator who may not see a complaint, it does not exist: `show`, `act` and a
    /// duplicate link answer exactly as for an id or tracking number nobody ever used.
    /// On PostgreSQL (issue 14, each operator its own role) `show` answers alike; actions need
    /// the writer and are SQLite's here.
    @Test(arguments: StoreBackend.available)
    func anInvisibleComplaintAnswersExactlyLikeAMissingOne(_ backend: StoreBackend) throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-existence-\(backend)")
        let own = try desk.receive("Jalan provinsi rusak di Sumberagung", as: "admin-prov")
        let on = try PrivacyRunner(backend, desk)
        let missing: Int64 = 987_654
        let pairs: [([String], [String], String, String)] = [
            (["show", "\(id)"], ["show", "\(missing)"], "\(id)", "\(missing)"),
            (["show", "#\(id)"], ["show", "#\(missing)"], "\(id)", "\(missing)"),
            (["show", "4517001"], ["show", "4517999"], "4517001", "4517999"),
            (["show", Self.confidentialTracking], ["show", "4517999"], Self.confidentialTracking, "4517999"),
            (["act", "\(id)", "note", "--text", "Cek"], ["act", "\(missing)", "note", "--text", "Cek"], "\(id)", "\(missing)"),
            (["act", "\(id)", "note", "--text", "Cek", "--expect-version", "1"], ["act", "\(missing)", "note", "--text", "Cek", "--expect-version", "1"], "\(id)", "\(missing)"),
            (["act", "\(id)", "close"], ["act", "\(missing)", "close"], "\(id)", "\(missing)"),
            (["act", "4517001", "close"], ["act", "4517999", "close"], "4517001", "4517999"),
            (["act", "\(own)", "link-duplicate", "--duplicate-of", "\(id)"], ["act", "\(own)", "link-duplicate", "--duplicate-of", "\(missing)"], "\(id)", "\(missing)"),
        ]
        for lang in ["id", "en"] {
            for (invisible, absent, a, b) in pairs where on.isSQLite || invisible[0] == "show" {
                let r1 = on.run(invisible + ["--lang", lang], as: "admin-prov")
                let r2 = on.run(absent + ["--lang", lang], as: "admin-prov")
                let what = "`aduan \(invisible.joined(separator: " "))` vs `\(absent.joined(separator: " "))` (\(lang))"
                #expect(r1.status != 0, "\(what): the invisible complaint was acted on")
                #expect(r1.status == r2.status, "\(what): exit \(r1.status) vs \(r2.status)")
                #expect(r1.stdout.replacing(a, with: "N") == r2.stdout.replacing(b, with: "N"), "\(what): stdout differs")
                #expect(r1.stderr.replacing(a, with: "N") == r2.stderr.replacing(b, with: "N"), "\(what): «\(r1.stderr)» vs «\(r2.stderr)»")
            }
        }
        #expect(on.run(["show", "\(own)"], as: "admin").status == 1, "admin of the regency cannot see the province's complaint")
    }

    /// A stale `--expect-version` tells an operator that the complaint changed, never who wrote a
    /// secret follow-up they may not read, nor when.
    @Test func aConflictDoesNotNameTheAuthorOfASecretFollowUp() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-conflict-secret")
        // The unit with a copy (tembusan) may keep notes; it reads the version it decided on.
        let noted = try desk.must(id, "note", ["--text", "Kami pantau."], as: "tl-pupr")
        let version = try #require(Int(noted.stdout.split(separator: " ").drop { $0 != "versi" }.dropFirst().first?.prefix { $0.isNumber } ?? ""),
                                   "no version in \(noted.stdout)")
        try desk.must(id, "follow-up", ["--text", "Hasil pemeriksaan internal.", "--secret"], as: "tl-dinkes")
        #expect(!desk.run(["show", "\(id)"], as: "tl-pupr").stdout.contains("Hasil pemeriksaan internal"), "tl-pupr may not read the secret follow-up")
        for lang in ["id", "en"] {
            let r = desk.run(["act", "\(id)", "note", "--text", "Cek", "--expect-version", "\(version)", "--lang", lang], as: "tl-pupr")
            #expect(r.status == 1)
            let learned = ["dr. Andi Pratama", "tl-dinkes", "09.00", "09:00", "rahasia", "secret", "Tindak lanjut", "follow-up", "Follow-up"]
                .filter { r.stderr.contains($0) }
            #expect(learned.isEmpty, "the conflict tells tl-pupr \(learned): \(r.stderr)")
            #expect(r.stderr.contains("#\(id)") && r.stderr.contains("\(version + 1)"), "the conflict still says #\(id) changed to version \(version + 1): \(r.stderr)")
        }
        // The handling unit itself, which may read the follow-up, is still told who changed it.
        let own = desk.run(["act", "\(id)", "note", "--text", "Cek", "--expect-version", "\(version)"], as: "tl-dinkes")
        #expect(own.status == 1)
        #expect(own.stderr.contains("dr. Andi Pratama"), "\(own.stderr)")
    }
}
