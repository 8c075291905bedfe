import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// Broken files and broken stores: each gives a clear error naming the file, line and field, the
/// right exit code, and leaves the store exactly as it was.
@Suite struct BadInputTests {
    /// One broken import file and what its error must name.
    struct BadFile: CustomStringConvertible, Sendable {
        var name: String
        var file: String
        var bytes: [UInt8]
        var format: String?
        /// Every one of these must appear in stderr.
        var mentions: [String]
        /// At least one of these must appear (e.g. a field named by position or by name).
        var anyOf: [String] = []

        var description: String { name }
    }

    static let ok = "2026-11-20T09:00:00+07:00"

    static func csv(_ name: String, _ text: String, _ mentions: [String], anyOf: [String] = []) -> BadFile {
        BadFile(name: name, file: "bad.csv", bytes: Array(text.utf8), mentions: mentions, anyOf: anyOf)
    }

    static func json(_ name: String, _ text: String, _ mentions: [String], format: String? = nil) -> BadFile {
        BadFile(name: name, file: "bad.json", bytes: Array(text.utf8), format: format, mentions: mentions)
    }

    static let tenMB = String(repeating: "x", count: 10 * 1024 * 1024)

    static let badFiles: [BadFile] = [
        // CSV
        csv("csv unclosed quote (truncated)", "title,received_at\r\n\"Lampu mati,\(ok)\r\n", ["bad.csv:2:", "\""]),
        csv("csv truncated last row", "title,received_at\r\nLampu mati,\(ok)\r\nAir ke", ["bad.csv:3:", "2"]),
        csv("csv too many columns", "title,received_at\r\nLampu mati,\(ok),lebih\r\n", ["bad.csv:2:", "3"]),
        csv("csv unknown column", "title,received_at,warna\r\nLampu mati,\(ok),merah\r\n", ["bad.csv:1:", "warna"]),
        csv("csv no title column", "judulnya,received_at\r\nLampu mati,\(ok)\r\n", ["bad.csv:1:", "title"]),
        BadFile(name: "csv invalid UTF-8", file: "bad.csv", bytes: Array("title,received_at\r\nLampu ".utf8) + [0xC3, 0x28, 0xFF] + Array(" mati,\(ok)\r\n".utf8),
                mentions: ["bad.csv:2:", "UTF-8"]),
        BadFile(name: "csv Latin-1 file", file: "bad.csv", bytes: Array("title,received_at\r\nPelayanan di Kantor Desa ".utf8) + [0xE9] + Array(",\(ok)\r\n".utf8),
                mentions: ["bad.csv:2:", "UTF-8"]),
        csv("csv 10 MB field", "title,received_at,body\r\nLampu mati,\(ok),\(tenMB)\r\n", ["bad.csv:2:"], anyOf: ["body", "field 3"]),
        BadFile(name: "csv embedded NUL", file: "bad.csv", bytes: Array("title,received_at\r\nLampu".utf8) + [0] + Array(" mati,\(ok)\r\n".utf8),
                mentions: ["bad.csv:2:", "NUL"]),
        csv("csv unknown status", "title,received_at,status\r\nLampu mati,\(ok),dikerjakan\r\n", ["bad.csv:2:", "status", "dikerjakan"]),
        csv("csv date without zone", "title,received_at\r\nLampu mati,2026-11-20T09:00:00\r\n", ["bad.csv:2:", "received_at", "2026-11-20T09:00:00"]),
        csv("csv plain date", "title,received_at\r\nLampu mati,2026-11-20\r\n", ["bad.csv:2:", "received_at"]),
        csv("csv not a date", "title,received_at\r\nLampu mati,kemarin sore\r\n", ["bad.csv:2:", "received_at", "kemarin sore"]),
        csv("csv tracking id with letters", "title,received_at,tracking_id\r\nLampu mati,\(ok),45A12\r\n", ["bad.csv:2:", "tracking_id", "45A12"]),
        csv("csv bad yes/no", "title,received_at,anonymous\r\nLampu mati,\(ok),mungkin\r\n", ["bad.csv:2:", "anonymous", "mungkin"]),
        csv("csv rating out of range", "title,received_at,rating\r\nLampu mati,\(ok),7\r\n", ["bad.csv:2:", "rating"]),
        csv("csv missing title", "title,received_at\r\n,\(ok)\r\n", ["bad.csv:2:", "title"]),
        csv("csv empty file", "", ["bad.csv"]),
        // Line numbers count the physical lines of multi-line quoted cells.
        csv("csv line after a multi-line cell", "title,received_at,body\r\nSatu,\(ok),\"baris 1\nbaris 2\nbaris 3\"\r\nDua,\(ok),biasa\r\nTiga,2026-11-20T09:00,rusak\r\n",
            ["bad.csv:6:", "received_at"]),
        // A column given twice is ambiguous: which received_at is right?
        csv("csv duplicate column", "title,received_at,received_at\r\nLampu mati,\(ok),2026-11-21T09:00:00+07:00\r\n", ["bad.csv:1:", "received_at"]),
        // Units and agencies must exist in the office directory.
        csv("csv unknown holder unit", "title,received_at,status,holder_unit\r\nLampu mati,\(ok),belum_ditindaklanjuti,dinas-antah\r\n",
            ["bad.csv:2:", "dinas-antah"]),
        csv("csv unknown holder agency", "title,received_at,status,holder_agency\r\nLampu mati,\(ok),belum_terverifikasi,negeri-antah\r\n",
            ["bad.csv:2:", "negeri-antah"]),

        // JSON
        json("json truncated", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\"},\n{\"title\": \"Air ke", ["bad.json:3:"]),
        json("json top level object", "{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\"}", ["bad.json:1:", "["]),
        json("json element not an object", "[\n\"Lampu mati\"\n]", ["bad.json:2:", "[0]"]),
        json("json trailing text", "[{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\"}] xyz", ["bad.json:1:"]),
        BadFile(name: "json invalid UTF-8", file: "bad.json", bytes: Array("[\n{\"title\": \"Lampu ".utf8) + [0xFF] + Array("\", \"receivedAt\": \"\(ok)\"}\n]".utf8),
                mentions: ["bad.json:2:", "UTF-8"]),
        BadFile(name: "json raw NUL", file: "bad.json", bytes: Array("[\n{\"title\": \"Lampu ".utf8) + [0] + Array("\", \"receivedAt\": \"\(ok)\"}\n]".utf8),
                mentions: ["bad.json:2:"]),
        // An escaped NUL is valid JSON but no complaint text may hold one (the CSV export would carry a raw NUL).
        json("json escaped NUL", "[\n{\"title\": \"Lampu\\u0000mati\", \"receivedAt\": \"\(ok)\"}\n]", ["bad.json:2:", "title"]),
        json("json 10 MB field", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\", \"body\": \"\(tenMB)\"}\n]", ["bad.json:2:", "body"]),
        json("json unknown status", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\", \"status\": \"dikerjakan\"}\n]", ["bad.json:2:", "status", "dikerjakan"]),
        json("json date without zone", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"2026-11-20T09:00:00\"}\n]", ["bad.json:2:", "receivedAt"]),
        json("json wrong type", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\", \"anonymous\": \"mungkin\"}\n]", ["bad.json:2:", "anonymous"]),
        json("json missing title", "[\n{\"receivedAt\": \"\(ok)\"}\n]", ["bad.json:2:", "title"]),
        // A misspelt key ("stauts") must not be dropped silently: the complaint would arrive with the wrong status.
        json("json unknown key", "[\n{\"title\": \"Lampu mati\", \"receivedAt\": \"\(ok)\", \"stauts\": \"selesai\"}\n]", ["bad.json:2:", "stauts"]),
        json("json history breaking the rules",
             """
             [
             {"title": "Lampu mati", "events": [
               {"complaint": 1, "version": 1, "at": "\(ok)", "kind": "receive", "from": null, "to": "belum_terverifikasi",
                "actor": {"id": "admin", "name": "Siti Rahmawati", "role": "admin", "agency": "pemkab-sukamaju", "unit": "diskominfo"},
                "intake": {"title": "Lampu mati", "body": "", "channel": "web", "classification": "pengaduan", "category": "lainnya",
                           "anonymous": false, "confidential": false, "agency": "pemkab-sukamaju"}},
               {"complaint": 1, "version": 2, "at": "\(ok)", "kind": "close", "from": "belum_terverifikasi", "to": "selesai",
                "actor": {"id": "admin", "name": "Siti Rahmawati", "role": "admin", "agency": "pemkab-sukamaju", "unit": "diskominfo"}}
             ]}
             ]
             """, ["bad.json:2:", "events"]),

        // Open311
        json("open311 unknown status", "[\n{\"service_request_id\": \"4512345\", \"status\": \"pending\", \"description\": \"Lampu mati\", \"requested_datetime\": \"\(ok)\"}\n]",
             ["bad.json:2:", "status", "pending"], format: "open311"),
        json("open311 date without zone", "[\n{\"service_request_id\": \"4512345\", \"status\": \"open\", \"description\": \"Lampu mati\", \"requested_datetime\": \"2026-11-20 09:00\"}\n]",
             ["bad.json:2:", "requested_datetime"], format: "open311"),
        json("open311 no description", "[\n{\"service_request_id\": \"4512345\", \"status\": \"open\", \"requested_datetime\": \"\(ok)\"}\n]",
             ["bad.json:2:", "description"], format: "open311"),
    ]

    @Test(arguments: badFiles)
    func aBadImportFileIsRefusedWithFileLineAndFieldAndChangesNothing(_ bad: BadFile) throws {
        try requireBinary()
        let desk = Desk("bad-import")
        try desk.demo(count: 20)
        let path = desk.scratch.write(bad.file, bad.bytes)
        let before = desk.snapshot()
        var args = ["import", path]
        if let f = bad.format { args += ["--format", f] }
        let r = desk.run(args)
        // Stop at the first failure: the rest would only repeat that the file was accepted.
        try #require(r.status == 1, "\(bad.name): exit \(r.status), stderr: \(r.stderr.prefix(400)) stdout: \(r.stdout.prefix(200))")
        #expect(r.stdout.isEmpty, "\(bad.name): \(r.stdout.prefix(200))")
        for m in bad.mentions {
            #expect(r.stderr.contains(m), "\(bad.name): the error should mention \(m.debugDescription): \(r.stderr.prefix(400))")
        }
        if !bad.anyOf.isEmpty {
            #expect(bad.anyOf.contains { r.stderr.contains($0) }, "\(bad.name): the error should mention one of \(bad.anyOf): \(r.stderr.prefix(400))")
        }
        // Short: never the 10 MB cell or the whole file echoed back.
        #expect(r.stderr.utf8.count < 4_000, "\(bad.name): \(r.stderr.utf8.count) bytes of error text")
        #expect(desk.snapshot() == before, "\(bad.name) changed the store")

        // --dry-run finds the same problem and writes nothing either; --skip-invalid still exits 1.
        let dry = desk.run(args + ["--dry-run"])
        #expect(dry.status == 1, "\(bad.name) --dry-run: exit \(dry.status)")
        #expect(desk.snapshot() == before, "\(bad.name) --dry-run changed the store")
        let skip = desk.run(args + ["--skip-invalid"])
        #expect(skip.status == 1, "\(bad.name) --skip-invalid: exit \(skip.status)")
        #expect(desk.run(["verify"]).status == 0)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        try requireBinary()
        let desk = Desk("all-errors")
        try desk.initStore()
        let file = desk.scratch.write("banyak.csv", """
            title,received_at,status,channel,rating\r
            Satu,2026-11-20T09:00:00,proses,web,\r
            Dua,\(Self.ok),dikerjakan,web,\r
            Tiga,\(Self.ok),proses,merpati,\r
            Empat,\(Self.ok),selesai,web,11\r
            Lima,\(Self.ok),,web,\r
            ,\(Self.ok),,web,\r

            """)
        let before = desk.snapshot()
        let r = desk.run(["import", file])
        #expect(r.status == 1)
        for expected in ["banyak.csv:2: received_at", "banyak.csv:3: status", "banyak.csv:4: channel", "banyak.csv:5: rating", "banyak.csv:7: title"] {
            #expect(r.stderr.contains(expected), "missing \(expected) in \(r.stderr)")
        }
        #expect(!r.stderr.contains("banyak.csv:6:"))
        // In file order.
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let order = lines.compactMap { l -> Int? in l.hasPrefix("banyak.csv:") ? Int(l.split(separator: ":")[1]) : nil }
        #expect(order == order.sorted())
        #expect(desk.snapshot() == before)
    }

    @Test func anUnreadableImportFileIsAnEnvironmentError() throws {
        try requireBinary()
        let desk = Desk("import-missing")
        try desk.demo(count: 10)
        let before = desk.snapshot()
        let missing = desk.run(["import", desk.scratch.file("tidak-ada.csv")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("tidak-ada.csv"))
        let folder = desk.run(["import", desk.scratch.path])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains(desk.scratch.path))
        let badFormat = desk.run(["import", desk.scratch.write("x.csv", "title\r\n"), "--format", "xlsx"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xlsx"))
        #expect(desk.snapshot() == before)
    }

    /// "Nothing is written unless the whole file is valid": not even a new, empty store file
    /// (a mistyped --store path would otherwise leave stray stores behind).
    @Test func aRefusedImportOrADryRunCreatesNoStore() throws {
        try requireBinary()
        // No training store made beforehand, and the real clock (ADUAN_NOW is for training stores only).
        let desk = Desk("import-nostore", training: false)
        let bad = desk.scratch.write("bad.csv", "title,received_at\r\nLampu mati,2026-11-20T09:00:00\r\n")
        let good = desk.scratch.write("good.csv", "title,received_at\r\nLampu mati,\(Self.ok)\r\n")
        let r = desk.run(["import", bad], env: ["ADUAN_NOW": ""])
        #expect(r.status == 1)
        #expect(!fileExists(desk.store), "a refused import created \(desk.store)")
        let dry = desk.run(["import", good, "--dry-run"], env: ["ADUAN_NOW": ""])
        #expect(dry.status == 0)
        #expect(!fileExists(desk.store), "import --dry-run created \(desk.store)")
    }

    // MARK: stores that are not stores

    static let storeCommands: [[String]] = [
        ["list"], ["show", "1"], ["act", "1", "note", "--text", "Catatan"], ["act", "new", "receive", "--title", "Lampu mati"],
        ["export"], ["export", "--format", "json"], ["report"], ["verify"], ["auto-close"], ["demo", "--count", "3"], ["init"],
    ]

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        try requireBinary()
        let desk = Desk("not-sqlite")
        let texts: [(String, [UInt8])] = [
            ("catatan.db", Array("Ini catatan rapat, bukan basis data.\n".utf8)),
            ("random.db", (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
            ("laporan.csv", Array("title,received_at\r\nLampu mati,2026-11-20T09:00:00+07:00\r\n".utf8)),
        ]
        let good = desk.scratch.write("good.csv", "title,received_at\r\nLampu mati,\(Self.ok)\r\n")
        for (name, bytes) in texts {
            let path = desk.scratch.write(name, bytes)
            for args in Self.storeCommands + [["import", good], ["backup", desk.scratch.file("b-\(name)")]] {
                let r = desk.run(args, store: path)
                #expect(r.status == 2, "\(args) on \(name): exit \(r.status)")
                #expect(r.stderr.contains(path), "\(args) on \(name): the error should name the file: \(r.stderr)")
                #expect(r.stderr.contains("SQLite"), "\(args) on \(name): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): not one line: \(r.stderr)")
                #expect(!r.stdout.contains("tracking_id"))
                #expect({ unchanged(path, bytes) }(), "\(args) changed \(name)")
                #expect(!fileExists(path + "-wal") || readFile(path + "-wal")?.isEmpty == true)
            }
            #expect(!fileExists(desk.scratch.file("b-\(name)")))
        }
    }

    @Test func anSQLiteFileOfAnotherProgramIsRefusedAndLeftAlone() throws {
        try requireBinary()
        let desk = Desk("foreign-sqlite")
        let path = desk.scratch.file("lain.db")
        do {
            let db = try Database(path: path, options: .init(create: true))
            try db.execute("CREATE TABLE pegawai(nip TEXT, nama TEXT); INSERT INTO pegawai VALUES ('1980', 'Budi');")
        }
        let bytes = readFile(path)
        for args in Self.storeCommands {
            let r = desk.run(args, store: path)
            #expect(r.status == 2, "\(args): exit \(r.status)")
            #expect(r.stderr.contains(path))
            #expect(r.stderr.contains("Aduan"), "\(args): should say it is not an Aduan store: \(r.stderr)")
            #expect({ unchanged(path, bytes) }(), "\(args) changed another program's database")
        }
    }

    // MARK: a store another process is writing

    /// Holds a write lock on the store from this process while the binary runs.
    static func withWriteLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let db = try Database(path: path)
        try db.execute("BEGIN IMMEDIATE")
        defer { try? db.execute("ROLLBACK") }
        return try body()
    }

    @Test func aLockedStoreRefusesWritesClearlyAndStaysUnchanged() throws {
        try requireBinary()
        let desk = Desk("locked")
        try desk.demo(count: 30)
        let target = try #require(desk.rows(as: "admin").first { $0.status == "belum_terverifikasi" || $0.status == "belum_ditindaklanjuti" })
        let good = desk.scratch.write("good.csv", "title,received_at\r\nLampu mati di gang 3,\(Self.ok)\r\n")
        let before = desk.snapshot()
        let env = ["ADUAN_BUSY_TIMEOUT_MS": "100"]
        try Self.withWriteLock(desk.store) {
            for args in [["act", "\(target.id)", "note", "--text", "Catatan saat terkunci"], ["act", "new", "receive", "--title", "Laporan saat terkunci"],
                         ["import", good], ["demo", "--count", "2"]] {
                let started = monotonic()
                let r = desk.run(args, env: env)
                #expect(r.status == 2, "\(args) on a locked store: exit \(r.status) \(r.stderr)")
                #expect(r.stderr.contains(desk.store), "\(args): \(r.stderr)")
                #expect(r.stderr.contains("sibuk"), "\(args): should say the store is busy: \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
                #expect(monotonic() - started < 5, "\(args) ignored ADUAN_BUSY_TIMEOUT_MS")
                let en = desk.run(args + ["--lang", "en"], env: env)
                #expect(en.stderr.contains("busy"), "\(args) --lang en: \(en.stderr)")
            }
            // Readers are not blocked by a writer (WAL).
            let list = desk.run(["list"], env: env)
            #expect(list.status == 0)
            #expect(desk.run(["export", "--format", "json"], env: env).status == 0)
            #expect(desk.run(["show", "\(target.id)"], env: env).status == 0)
        }
        #expect(desk.snapshot() == before)
    }

    /// A busy store is not a damaged store: verify must not report an integrity problem (exit 1,
    /// "MASALAH … search index: database is locked") because another operator is saving.
    @Test func verifyOnALockedStoreDoesNotCryCorruption() throws {
        try requireBinary()
        let desk = Desk("locked-verify")
        try desk.demo(count: 30)
        let r = try Self.withWriteLock(desk.store) { desk.run(["verify", "--lang", "en"], env: ["ADUAN_BUSY_TIMEOUT_MS": "100"]) }
        #expect(r.status != 1, "verify reported the lock as damage: \(r.stdout)")
        #expect(!r.stdout.contains("PROBLEMS"), "\(r.stdout)")
        if r.status == 2 { #expect(r.stderr.contains("busy")) }
        #expect(desk.run(["verify"]).status == 0)
    }

    // MARK: a store that cannot be written

    @Test func aStoreThatCannotBeWrittenGivesExitTwo() throws {
        try requireBinary()
        let desk = Desk("readonly")
        if getuid() != 0 {
            // The store in a folder of its own (the scratch folder must stay writable for the output files).
            let folder = desk.scratch.file("ro")
            mkdir(folder, 0o700)
            let store = folder + "/aduan.db"
            try desk.demo(count: 10, store: store)
            let before = desk.snapshot(store: store)
            #expect(chmod(store, 0o400) == 0)
            #expect(chmod(folder, 0o500) == 0)
            for args in [["act", "new", "receive", "--title", "Lampu mati"], ["demo", "--count", "2"]] {
                let r = desk.run(args, store: store)
                #expect(r.status == 2, "\(args) on a read-only store: exit \(r.status) \(r.stderr)")
                #expect(r.stderr.contains(store), "\(args): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            }
            chmod(folder, 0o700)
            chmod(store, 0o600)
            #expect(desk.snapshot(store: store) == before)
        } else {
            // Root can write anything: test a store path whose folder is really a regular file instead.
            let file = desk.scratch.write("x", "sebuah berkas biasa\n")
            let store = file + "/aduan.db"
            let good = desk.scratch.write("good.csv", "title,received_at\r\nLampu mati,\(Self.ok)\r\n")
            for args in [["init"], ["act", "new", "receive", "--title", "Lampu mati"], ["import", good], ["demo", "--count", "2"], ["list"], ["verify"]] {
                // The real clock: a store that cannot exist is no training store (issue 13).
                let r = desk.run(args, env: ["ADUAN_NOW": ""], store: store)
                #expect(r.status == 2, "\(args) with --store \(store): exit \(r.status)")
                #expect(r.stderr.hasPrefix("aduan: \(store)"), "\(args): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1)
            }
            let initErr = desk.run(["init"], env: ["ADUAN_NOW": ""], store: store).stderr
            #expect(initErr.contains("Not a directory") || initErr.contains("bukan folder") || initErr.contains("not a folder"), "\(initErr)")
            #expect(readText(file) == "sebuah berkas biasa\n")
        }
    }

    /// A slip of the keyboard (`--out` naming the store) must not replace the whole store with a CSV file.
    @Test func exportNeverOverwritesTheStoreItself() throws {
        try requireBinary()
        let desk = Desk("export-over-store")
        try desk.demo(count: 20)
        let before = desk.snapshot()
        for format in ["csv", "json"] {
            let r = desk.run(["export", "--format", format, "--out", desk.store])
            #expect(r.status == 2, "export --out STORE (\(format)): exit \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(desk.store))
            #expect(desk.snapshot() == before, "export --format \(format) --out STORE replaced the store")
            if desk.snapshot() != before { break }
        }
    }

    @Test func aFolderIsNotAStore() throws {
        try requireBinary()
        let desk = Desk("folder-store")
        for args in [["init"], ["list"], ["act", "new", "receive", "--title", "x"]] {
            let r = desk.run(args, store: desk.scratch.path)
            #expect(r.status == 2, "\(args): exit \(r.status)")
            #expect(r.stderr.contains(desk.scratch.path))
        }
    }
}

@Suite struct StorePermissionTests {
    /// A store another user can write could have been altered behind the office's back: every
    /// command says so at open, names the file and the fix, and still works.
    @Test func aStoreOthersCanWriteIsReportedAtOpen() throws {
        try requireBinary()
        let desk = Desk("shared-store")
        try desk.demo(count: 5)
        let quiet = desk.run(["list"], env: ["LANG": "en_US.UTF-8"])
        #expect(!quiet.stderr.contains("warning"), "\(quiet.stderr)")
        #expect(chmod(desk.store, 0o666) == 0)
        for (args, lang) in [(["list"], "en"), (["verify"], "en"), (["show", "1"], "id")] {
            let r = desk.run(args + ["--lang", lang])
            #expect(r.status == 0, "\(args): exit \(r.status) \(r.stderr)")
            let word = lang == "en" ? "can be written by other users" : "dapat ditulis pengguna lain"
            #expect(r.stderr.contains(word) && r.stderr.contains(desk.store) && r.stderr.contains("chmod 600"), "\(args): \(r.stderr)")
        }
    }
}
