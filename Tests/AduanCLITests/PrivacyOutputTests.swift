import AduanTestSupport
import Testing

/// An anonymous reporter's identity never reaches an operator who may not see it, through any
/// command output or error message; the intake agency's admin does see it.
@Suite struct PrivacyOutputTests {
    static let identity = ["Siti Anonimawati", "Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"]

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
        return (desk, id)
    }

    static func leaks(_ text: String) -> [String] { identity.filter { text.contains($0) } }

    static let viewers = ["tl-dinkes", "pengawas", "tl-pupr", "monitor-kominfo", "admin-prov"]

    @Test(arguments: viewers)
    func noOutputShowsTheHiddenIdentity(_ viewer: String) throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-\(viewer)")
        var outputs: [(String, ProcessResult)] = []
        func run(_ args: [String]) { outputs.append((args.joined(separator: " "), desk.run(args, as: viewer))) }
        for lang in ["id", "en"] {
            run(["list", "--lang", lang])
            run(["list", "anonim", "--lang", lang])
            run(["show", "\(id)", "--lang", lang])
            run(["show", "4517001", "--lang", lang])
            for format in ["csv", "json", "open311"] { run(["export", "--format", format, "--lang", lang]) }
            for format in ["text", "csv", "json"] { run(["report", "--format", format, "--lang", lang]) }
        }
        let out = desk.scratch.file("ekspor-\(viewer).json")
        run(["export", "--format", "json", "--out", out])
        // Searching for the identity must not even confirm which complaint it belongs to.
        for term in ["Anonimawati", "081299990000", "3507999900001111"] { run(["list", term]) }
        // Refusals and mistakes: error messages must not carry the identity either.
        for args in [["act", "\(id)", "close"], ["act", "\(id)", "verify", "--unit", "pupr"], ["act", "\(id)", "classify", "--anonymous", "no"],
                     ["act", "\(id)", "archive", "--code", "spam"], ["act", "\(id)", "note", "--text", "x", "--expect-version", "1"],
                     ["act", "\(id)", "rate", "--rating", "9"], ["act", "\(id)", "link-duplicate", "--duplicate-of", "\(id)"],
                     ["show", "99999"], ["list", "pelapor:Siti"], ["export", "--format", "xml"], ["import", desk.store]] {
            run(args)
        }
        for (args, r) in outputs {
            #expect(Self.leaks(r.stdout).isEmpty, "`aduan \(args) --as \(viewer)` prints \(Self.leaks(r.stdout)) on stdout")
            #expect(Self.leaks(r.stderr).isEmpty, "`aduan \(args) --as \(viewer)` prints \(Self.leaks(r.stderr)) on stderr")
        }
        #expect(Self.leaks(readText(out) ?? "").isEmpty, "export --out file for \(viewer)")

        // The viewers who may open the complaint see that it exists and that it is anonymous.
        if ["tl-dinkes", "pengawas", "tl-pupr", "monitor-kominfo"].contains(viewer) {
            let show = desk.run(["show", "\(id)"], as: viewer)
            #expect(show.status == 0, "\(viewer) should be able to open #\(id): \(show.stderr)")
            #expect(show.stdout.contains("Obat habis di Puskesmas Karangrejo"))
            #expect(show.stdout.contains("ANONIM"))
            let json = try parseJSONArray(desk.run(["export", "--format", "json", "id:\(id)"], as: viewer).stdout)
            #expect(json.count == 1)
            #expect(json.first?["reporter"]?.isNull == true, "reporter must be null for \(viewer)")
            #expect(json.first?["anonymous"]?.bool == true)
            let csv = parseCSV(desk.run(["export", "id:\(id)"], as: viewer).stdoutBytes).records.first
            for column in ["reporter_name", "reporter_phone", "reporter_email", "reporter_nik"] {
                #expect(csv?[column] == "", "\(column) for \(viewer)")
            }
        } else {
            #expect(desk.run(["show", "\(id)"], as: viewer).status == 1)
        }
    }

    @Test func theIntakeAdminSeesTheReporter() throws {
        try requireBinary()
        let (desk, id) = try Self.office("privacy-admin")
        let show = desk.run(["show", "\(id)"], as: "admin")
        #expect(show.status == 0)
        for s in ["Siti Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"] {
            #expect(show.stdout.contains(s), "the intake admin should see \(s)")
        }
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
}
