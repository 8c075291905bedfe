import AduanCore
import AduanTestSupport
import Testing

/// Problems inside a config or office file are said in the session's language (session 8): a
/// broken personal config, a broken office file for `aduan init --office` and `aduan office apply`,
/// each named with its file, line and key; `--lang en` (or the config's own `"language": "en"`)
/// gives the English words; the store is left as it was.
@Suite struct ConfigFileLanguageTests {
    /// A personal config with a wrong type, an unknown key and a wrong choice.
    static let badPersonal = """
    {
      "refreshSeconds": "2",
      "thema": {},
      "language": "%LANG%"
    }
    """

    @Test func aBrokenPersonalConfigIsReportedInIndonesianAndExits2() throws {
        try requireBinary()
        let desk = Desk("config-lang")
        try desk.initStore()
        let bad = desk.scratch.write("pribadi.json", Self.badPersonal.replacing("%LANG%", with: "jv"))
        let id = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin"])
        #expect(id.status == 2, "\(id.stderr)")
        for w in ["\(bad):2: refreshSeconds: seharusnya bilangan bulat dari 1 sampai 3600, tertulis string",
                  "\(bad):3: thema: kunci tidak dikenal (yang dikenal: ", "maksud Anda \"theme\"?",
                  "\(bad):4: language: seharusnya salah satu dari id, en, tertulis \"jv\""] {
            #expect(id.stderr.contains(w), "\(w): \(id.stderr)")
        }
        for w in ["expected", "found", "unknown key", "did you mean"] {
            #expect(!id.stderr.contains(w), "English in an Indonesian session (\(w)): \(id.stderr)")
        }
        let en = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("\(bad):2: refreshSeconds: expected a whole number from 1 to 3600, found string"), "\(en.stderr)")
        #expect(en.stderr.contains("\(bad):3: thema: unknown key (known: "), "\(en.stderr)")
        #expect(!en.stderr.contains("seharusnya"), "\(en.stderr)")
    }

    /// The config says `"language": "en"`: its own problems are said in English, as everything
    /// else of that session would be.
    @Test func aBrokenConfigThatAsksForEnglishIsReportedInEnglish() throws {
        try requireBinary()
        let desk = Desk("config-lang-en")
        try desk.initStore()
        let bad = desk.scratch.write("personal.json", Self.badPersonal.replacing("%LANG%", with: "en"))
        let r = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(bad):2: refreshSeconds: expected a whole number from 1 to 3600, found string"), "\(r.stderr)")
        #expect(!r.stderr.contains("seharusnya"), "\(r.stderr)")
        // --lang wins over the file.
        let id = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin", "--lang", "id"])
        #expect(id.stderr.contains("tertulis string"), "\(id.stderr)")
    }

    /// A config that is not JSON: the syntax error, its line and column, in the session's language.
    @Test func aConfigThatIsNotJSONIsReportedInTheSessionsLanguage() throws {
        try requireBinary()
        let desk = Desk("config-lang-syntax")
        try desk.initStore()
        let bad = desk.scratch.write("rusak.json", "{\n  \"language\": \"id\"\n  \"store\": \"x.db\"\n}\n")
        let id = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin"])
        #expect(id.status == 2)
        #expect(id.stderr.contains("\(bad):3: bukan JSON yang sah: seharusnya ',' atau '}' setelah anggota objek"), "\(id.stderr)")
        #expect(id.stderr.contains("(kolom 3)"), "\(id.stderr)")
        let en = desk.bare(["list", "--config", bad, "--store", desk.store, "--as", "admin", "--lang", "en"])
        #expect(en.stderr.contains("\(bad):3: not valid JSON: expected ',' or '}' after an object member"), "\(en.stderr)")
    }

    /// `aduan init --office` with a broken office file: refused (exit 2) in the session's language,
    /// naming file, line and key; no store is made.
    @Test func aBrokenOfficeFileForInitIsReportedInIndonesian() throws {
        try requireBinary()
        let desk = Desk("office-lang-init")
        let text = Desk.configBinding(runnerLogin)
            .replacing("\"role\": \"liaison\"", with: "\"role\": \"kepala\"")
            .replacing("\"holidayFiles\": []", with: "\"holidayFiles\": [\"libur-daerah.json\"]")
        let bad = desk.scratch.write("kantor-rusak.json", text)
        let store = desk.scratch.file("baru.db")
        let id = desk.bare(["init", "--store", store, "--office", bad])
        #expect(id.status == 2, "\(id.stderr)")
        #expect(id.stderr.contains("\(bad):"), "\(id.stderr)")
        #expect(id.stderr.contains(".role: seharusnya salah satu dari admin, liaison, supervisor, unit-operator, tertulis \"kepala\""), "\(id.stderr)")
        #expect(id.stderr.contains("calendar.holidayFiles[0]: berkas hari libur \"libur-daerah.json\" tidak bisa dibaca: berkas atau folder tidak ada"),
                "\(id.stderr)")
        for w in ["expected", "found", "cannot read", "No such file"] {
            #expect(!id.stderr.contains(w), "English in an Indonesian session (\(w)): \(id.stderr)")
        }
        #expect(!fileExists(store), "a refused init made a store")
        let en = desk.bare(["init", "--store", store, "--office", bad, "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains(".role: expected one of admin, liaison, supervisor, unit-operator, found \"kepala\""), "\(en.stderr)")
        #expect(en.stderr.contains("cannot read holiday file \"libur-daerah.json\": No such file or directory"), "\(en.stderr)")
    }

    /// `aduan office apply` with a broken office file: refused (exit 1, as every invalid file the
    /// store is asked to take) in the session's language; the store keeps its office.
    @Test func aBrokenOfficeFileForApplyIsReportedInIndonesianAndChangesNothing() throws {
        try requireBinary()
        let desk = Desk("office-lang-apply")
        try desk.initStore()
        let before = desk.snapshot()
        let text = Desk.configBinding(runnerLogin)
            .replacing("\"workWeek\": [", with: "\"workWeek\": [\"minggon\", ")
            .replacing("\"operators\": [", with: "\"operators\": [\n    { \"id\": \"baru\", \"role\": \"admin\", \"unit\": \"tidak-ada\" },")
        let bad = desk.scratch.write("kantor-baru.json", text)
        let id = desk.run(["office", "apply", bad, "--yes"], as: "admin")
        #expect(id.status == 1, "\(id.stderr)")
        #expect(id.stderr.contains("calendar.workWeek[0]: seharusnya salah satu dari "), "\(id.stderr)")
        #expect(id.stderr.contains("operators[0].unit: \"tidak-ada\" bukan unit yang dikenal"), "\(id.stderr)")
        for w in ["expected", "found", "is not a known unit"] {
            #expect(!id.stderr.contains(w), "English in an Indonesian session (\(w)): \(id.stderr)")
        }
        let en = desk.run(["office", "apply", bad, "--yes", "--lang", "en"], as: "admin")
        #expect(en.status == 1)
        #expect(en.stderr.contains("operators[0].unit: \"tidak-ada\" is not a known unit"), "\(en.stderr)")
        #expect(desk.snapshot() == before)
    }
}
