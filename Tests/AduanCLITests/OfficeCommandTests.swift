import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// Issue 13, item 1: the office's rules (directory, operators and roles, calendar, deadline
/// rules, workflow switches, templates) live in the store, versioned and audited, identical for
/// every operator whatever their own config says.
@Suite struct OfficeCommandTests {
    /// The example office with one change applied to its text.
    static func office(_ replacements: [(String, String)] = []) -> String {
        var text = Desk.configBinding(runnerLogin)
        for (a, b) in replacements {
            precondition(text.contains(a), "the example office has no \(a)")
            text = text.replacing(a, with: b)
        }
        return text
    }

    static let longerVerification = [("\"verification\": { \"days\": 3,", "\"verification\": { \"days\": 10,")]
    static let liaisonMadeAdmin = [("{ \"id\": \"tl-dinkes\", \"name\": \"dr. Andi Pratama\", \"role\": \"liaison\", \"unit\": \"dinkes\",",
                                    "{ \"id\": \"tl-dinkes\", \"name\": \"dr. Andi Pratama\", \"role\": \"admin\", \"unit\": \"dinkes\",")]

    /// A store seeded with `aduan init --office FILE` from the example office.
    static func seeded(_ name: String) throws -> Desk {
        let desk = Desk(name)
        let file = desk.scratch.write("office.json", office())
        // A training store, so the tests' frozen clock (ADUAN_NOW) is honoured; the office rules are the same.
        let r = desk.run(["init", "--office", file, "--training"])
        try #require(r.status == 0, "init --office failed: \(r.stderr)")
        return desk
    }

    static func due(_ desk: Desk, _ id: Int64) -> String? {
        desk.run(["list"], as: "admin").stdout.split(separator: "\n").compactMap { ListRow(String($0)) }.first { $0.id == id }?.due
    }

    @Test func initSeedsTheStoreFromAnOfficeFileAndShowPrintsIt() throws {
        try requireBinary()
        let desk = try Self.seeded("office-init")
        let show = desk.run(["office", "show", "--lang", "en"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("version 1"))
        #expect(show.stdout.contains("tl-dinkes  liaison  pemkab-sukamaju/dinkes"))
        let json = desk.run(["office", "show", "--format", "json"])
        #expect(json.status == 0)
        // The document parses back to the very office of the file.
        let parsed = try OfficeDocument.parse(json.stdout, version: 1).get()
        let example = try OfficeConfig.parse(Desk.configBinding(runnerLogin), file: "example").get()
        #expect(parsed.context == example.context)
        #expect(parsed.operators == example.operators)
        #expect(parsed.templates == example.templates)
        #expect(desk.run(["verify"]).status == 0)
    }

    @Test func initRefusesAnExistingStore() throws {
        try requireBinary()
        let desk = try Self.seeded("office-init-again")
        _ = try desk.receive("Lampu jalan mati")
        let before = desk.snapshot()
        let other = desk.scratch.write("other.json", Self.office(Self.liaisonMadeAdmin))
        let r = desk.run(["init", "--office", other, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("already exists") && r.stderr.contains("aduan office apply"), "\(r.stderr)")
        #expect(desk.snapshot() == before)
        #expect(desk.run(["office", "show"]).stdout.contains("versi 1"))
        #expect(!desk.run(["office", "show", "--format", "json"]).stdout.contains("\"role\": \"admin\",\n      \"unit\": \"dinkes\""))
    }

    @Test func officeApplyRecomputesDeadlinesAndIsAnAuditedRecord() throws {
        try requireBinary()
        let desk = try Self.seeded("office-apply")
        let id = try desk.receive("Jalan berlubang di Jl. Merdeka")
        let before = try #require(Self.due(desk, id))
        #expect(before.hasPrefix("2026-11-26"), "3 working days from Monday 23 Nov: \(before)")
        let file = desk.scratch.write("new.json", Self.office(Self.longerVerification))
        let r = desk.run(["office", "apply", file, "--yes", "--lang", "en"], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("deadline verification: 3 working days → 10 working days"), "\(r.stdout)")
        #expect(r.stdout.contains("Recorded office version 2 by admin"))
        // The stored deadline moved in the same change: 10 working days from Monday 23 Nov.
        let after = try #require(Self.due(desk, id))
        #expect(after.hasPrefix("2026-12-07"), "\(after)")
        // The record says who, when and what.
        let show = desk.run(["office", "show", "--lang", "en"])
        #expect(show.stdout.contains("version 2, recorded Monday, 23 November 2026 09:00 WIB by admin (login "), "\(show.stdout)")
        let history = show.stdout.split(separator: "\n").filter { $0.hasPrefix("  v2 ") }
        #expect(history.count == 1 && history[0].contains("admin") && history[0].contains("deadline verification: 3 working days → 10 working days"),
                "\(show.stdout)")
        // The store is intact, the office chain included.
        #expect(desk.run(["verify"]).status == 0)
        let store = try ComplaintStore.open(path: desk.store, context: try OfficeConfig.parse(Self.office(Self.longerVerification), file: "x").get().context)
        #expect(try store.officeRecordProblems().isEmpty)
        #expect(try store.officeHistory().map(\.version) == [1, 2])
    }

    @Test func officeApplyByANonAdminIsRefused() throws {
        try requireBinary()
        let desk = try Self.seeded("office-apply-nonadmin")
        _ = try desk.receive("Sampah menumpuk")
        let before = desk.snapshot()
        let file = desk.scratch.write("new.json", Self.office(Self.liaisonMadeAdmin))
        for op in ["tl-dinkes", "pengawas", "admin-prov"] {
            let r = desk.run(["office", "apply", file, "--yes", "--lang", "en"], as: op)
            #expect(r.status == 1, "\(op): \(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains("only an admin of pemkab-sukamaju may change the office"), "\(op): \(r.stderr)")
        }
        #expect(desk.snapshot() == before)
        #expect(desk.run(["office", "show", "--lang", "en"]).stdout.contains("version 1,"))
    }

    @Test func officeApplyWithoutYesShowsTheDiffAndChangesNothing() throws {
        try requireBinary()
        let desk = try Self.seeded("office-apply-preview")
        let id = try desk.receive("Air PDAM keruh")
        let before = desk.snapshot()
        let dueBefore = Self.due(desk, id)
        let file = desk.scratch.write("new.json", Self.office(Self.longerVerification + Self.liaisonMadeAdmin))
        let r = desk.run(["office", "apply", file, "--lang", "en"], as: "admin")
        #expect(r.status == 1)
        #expect(r.stdout.contains("deadline verification: 3 working days → 10 working days"), "\(r.stdout)")
        #expect(r.stdout.contains("operator changed: tl-dinkes liaison pemkab-sukamaju/dinkes → tl-dinkes admin pemkab-sukamaju/dinkes"), "\(r.stdout)")
        #expect(r.stderr.contains("--yes") && r.stderr.contains("Nothing was changed"), "\(r.stderr)")
        #expect(desk.snapshot() == before)
        #expect(Self.due(desk, id) == dueBefore)
        #expect(desk.run(["office", "show", "--lang", "en"]).stdout.contains("version 1,"))
    }

    /// The attack from the issue: `--config forged.json --as tl-dinkes act ID classify --anonymous no`
    /// made a liaison an admin. The store's office decides who tl-dinkes is.
    @Test func aForgedConfigNoLongerMakesALiaisonAnAdmin() throws {
        try requireBinary()
        let desk = try Self.seeded("office-forged")
        let id = try desk.receive("Pungli di puskesmas", ["--anonymous", "yes"])
        let before = desk.snapshot()
        // A whole forged office in the user's config: refused, naming where the office lives.
        let forged = desk.scratch.write("forged.json", Self.office(Self.liaisonMadeAdmin))
        let r = desk.run(["--config", forged, "act", "\(id)", "classify", "--anonymous", "no", "--lang", "en"], as: "tl-dinkes")
        #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("belongs to the office, which now lives in the store") && r.stderr.contains("aduan office apply"), "\(r.stderr)")
        // The same config in the default place (~/.config/aduan/config.json): the same refusal.
        _ = mkdir(desk.scratch.file("config"), 0o700)
        _ = mkdir(desk.scratch.file("config/aduan"), 0o700)
        _ = desk.scratch.write("config/aduan/config.json", Self.office(Self.liaisonMadeAdmin))
        #expect(desk.run(["act", "\(id)", "classify", "--anonymous", "no"], as: "tl-dinkes").status == 2)
        // A personal config cannot name a role at all; tl-dinkes stays the liaison the store says.
        _ = desk.scratch.write("config/aduan/config.json", "{ \"language\": \"en\" }")
        let personal = desk.run(["act", "\(id)", "classify", "--anonymous", "no"], as: "tl-dinkes")
        #expect(personal.status != 0, "\(personal.stdout)")
        #expect(desk.snapshot() == before)
    }

    @Test func everyOperatorSeesTheStoresDirectoryWhateverTheirConfig() throws {
        try requireBinary()
        let desk = try Self.seeded("office-same")
        let withUnit = Self.office([("{ \"id\": \"bpbd\", \"name\": \"Badan Penanggulangan Bencana Daerah\", \"short\": \"BPBD\" },",
                                     "{ \"id\": \"bpbd\", \"name\": \"Badan Penanggulangan Bencana Daerah\", \"short\": \"BPBD\" },\n{ \"id\": \"dispar\", \"name\": \"Dinas Pariwisata\" },"),
                                    ("{ \"id\": \"tl-pupr\",", "{ \"id\": \"tl-dispar\", \"name\": \"Nur\", \"role\": \"liaison\", \"unit\": \"dispar\" },\n    { \"id\": \"tl-pupr\",")])
        let file = desk.scratch.write("new.json", withUnit)
        #expect(desk.run(["office", "apply", file, "--yes"], as: "admin").status == 0)
        // No config at all, and a personal config: both know the new unit and operator.
        let id = try desk.receive("Tiket wisata mahal")
        #expect(desk.run(["act", "\(id)", "verify", "--unit", "dispar"], as: "admin").status == 0)
        #expect(desk.run(["list"], as: "tl-dispar").stdout.contains("Tiket wisata mahal"))
        let personal = desk.scratch.write("me.json", "{ \"language\": \"en\", \"refreshSeconds\": 5 }")
        let r = desk.run(["--config", personal, "list"], as: "tl-dispar")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Tiket wisata mahal"))
    }

    /// A store made before the office lived in the store: the first open by an admin proposes the
    /// move, others are told to ask an admin; `office apply CONFIG --yes` moves it.
    @Test func aStoreWithoutAnOfficeProposesTheMove() throws {
        try requireBinary()
        let desk = Desk("office-legacy")
        let example = try OfficeConfig.parse(BuiltInConfig.json, file: "example").get()
        _ = try ComplaintStore.open(path: desk.store, context: example.context, create: true)
        let admin = desk.run(["list", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": ""])
        #expect(admin.status == 0)
        #expect(admin.stderr.contains("keeps no office record yet") && admin.stderr.contains("aduan office apply"), "\(admin.stderr)")
        let liaison = desk.run(["list", "--lang", "en"], as: "tl-dinkes", env: ["ADUAN_NOW": ""])
        #expect(liaison.stderr.contains("Ask an admin of pemkab-sukamaju"), "\(liaison.stderr)")
        let file = desk.scratch.write("config.json", Desk.configBinding(runnerLogin))
        let move = desk.run(["office", "apply", file, "--yes", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": ""])
        #expect(move.status == 0, "\(move.stderr)")
        #expect(desk.run(["office", "show", "--lang", "en"], env: ["ADUAN_NOW": ""]).stdout.contains("moved into the store from"))
        #expect(!desk.run(["list", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": ""]).stderr.contains("keeps no office record"))
    }
}

@Suite struct OfficeRecordIntegrityTests {
    @Test func verifyCatchesAnEditedOfficeRecord() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-tamper")
        #expect(desk.run(["verify"]).status == 0)
        // Someone with the file rewrites the stored office to make a liaison an admin.
        let example = try OfficeConfig.parse(BuiltInConfig.json, file: "example").get()
        let store = try ComplaintStore.open(path: desk.store, context: example.context)
        try store.db.run("UPDATE office_versions SET document = replace(document, '\"role\": \"liaison\"', '\"role\": \"admin\"')")
        let r = desk.run(["verify", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("office version 1: the document does not match its SHA-256"), "\(r.stdout)")
    }
}

@Suite struct OfficeApplyGuardTests {
    @Test func officeApplyRefusesToRemoveAUnitThatHoldsComplaints() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-remove-unit")
        let id = try desk.receive("Antrean puskesmas panjang")
        try desk.must(id, "verify", ["--unit", "dinkes"])
        let before = desk.snapshot()
        // dinkes and its liaison gone from the directory.
        let file = desk.scratch.write("new.json", OfficeCommandTests.office([
            ("        { \"id\": \"dinkes\", \"name\": \"Dinas Kesehatan\", \"short\": \"Dinkes\" },\n", ""),
            ("    { \"id\": \"tl-dinkes\", \"name\": \"dr. Andi Pratama\", \"role\": \"liaison\", \"unit\": \"dinkes\", \"logins\": [\"\(runnerLogin)\", \"andi\"] },\n", ""),
            // Issue 15: its Bidang moves up under the agency, so only the unit holding complaints is refused.
            (", \"parent\": \"dinkes\" }", " }"),
        ]))
        let r = desk.run(["office", "apply", file, "--yes", "--lang", "en"], as: "admin")
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("still hold complaints: dinkes (1)"), "\(r.stderr)")
        #expect(desk.snapshot() == before)
        #expect(desk.run(["office", "show", "--lang", "en"]).stdout.contains("version 1,"))
    }
}
