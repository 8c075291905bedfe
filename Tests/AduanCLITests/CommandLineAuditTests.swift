import AduanTestSupport
import Testing

/// Bad inputs found by walking every command (session 7): each gives a clear error in the
/// session's language and exit 1 or 2, never a raw system text in the other language.
@Suite struct CommandLineAuditTests {
    /// A file the system cannot read or write: its reason ("No such file or directory") is said
    /// in Indonesian in an Indonesian session, and kept in an English one.
    @Test func theSystemsReasonSpeaksTheSessionsLanguage() throws {
        try requireBinary()
        let desk = Desk("audit-reason")
        try desk.initStore()
        try desk.receive("Lampu jalan mati")
        let cases: [[String]] = [
            ["import", "/nonexistent/laporan.csv"],
            ["backup", "/nonexistent/dir/cadangan.db"],
            ["export", "--out", "/nonexistent/dir/semua.csv"],
            ["act", "1", "note", "--text-file", "/nonexistent/catatan.txt"],
        ]
        for args in cases {
            let id = desk.run(args, as: "admin")
            #expect(id.status == 1 || id.status == 2, "\(args): \(id.status)")
            #expect(!id.stderr.isEmpty, "\(args): nothing said")
            #expect(!id.stderr.contains("No such file or directory"), "`aduan \(args.joined(separator: " "))` speaks English: \(id.stderr)")
            #expect(id.stderr.contains("tidak ada"), "\(args): \(id.stderr)")
            let en = desk.run(args + ["--lang", "en"], as: "admin")
            #expect(en.status == id.status)
            #expect(en.stderr.contains("No such file or directory"), "\(args) --lang en: \(en.stderr)")
        }
        let office = desk.bare(["init", "--store", desk.scratch.file("baru.db"), "--office", "/nonexistent/kantor.json"])
        #expect(office.status == 2)
        #expect(!office.stderr.contains("No such file"), "\(office.stderr)")
        #expect(office.stderr.contains("berkas atau folder tidak ada"), "\(office.stderr)")
    }

    /// `--as --lang en`: the next word is another option, not --as's value; the error says --as
    /// needs a value (in the language asked for), not "no operator --lang".
    @Test func anOptionFollowedByAnotherOptionNeedsAValue() throws {
        try requireBinary()
        let desk = Desk("audit-value")
        try desk.initStore()
        let n = try desk.receive("Lampu jalan mati")
        let r = desk.bare(["list", "--store", desk.store, "--as", "--lang", "en"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--as needs a value"), "\(r.stderr)")
        #expect(!r.stderr.contains("tidak ada operator"), "\(r.stderr)")
        let id = desk.bare(["list", "--store", desk.store, "--order", "--as", "admin"])
        #expect(id.status == 2, "\(id.stderr)")
        #expect(id.stderr.contains("--order perlu nilai"), "\(id.stderr)")
        // A value that merely starts with dashes but names no option is still a value.
        let note = desk.run(["act", "\(n)", "note", "--text", "--- catatan ---"], as: "admin")
        #expect(note.status == 0, "\(note.stderr)")
    }

    /// An empty CSV file: refused (exit 1) in the session's language, naming the file.
    @Test func anEmptyImportFileIsRefusedInTheSessionsLanguage() throws {
        try requireBinary()
        let desk = Desk("audit-empty")
        try desk.initStore()
        let empty = desk.scratch.write("kosong.csv", "")
        let id = desk.run(["import", empty], as: "admin")
        #expect(id.status == 1, "\(id.stderr)")
        #expect(id.stderr.contains(empty), "\(id.stderr)")
        #expect(!id.stderr.contains("the file is empty"), "English in an Indonesian session: \(id.stderr)")
        #expect(id.stderr.contains("berkas kosong"), "\(id.stderr)")
        let en = desk.run(["import", empty, "--lang", "en"], as: "admin")
        #expect(en.status == 1)
        #expect(en.stderr.contains("the file is empty (expected a header row)"), "\(en.stderr)")
    }

    /// A CSV file whose quote is never closed, and a JSON file that is no array: the syntax error
    /// is said in the session's language, with its line and column.
    @Test func importSyntaxErrorsSpeakTheSessionsLanguage() throws {
        try requireBinary()
        let desk = Desk("audit-syntax")
        try desk.initStore()
        let csv = desk.scratch.write("kutip.csv", "title,received_at\r\n\"Lampu mati,2026-11-20T10:00:00+07:00\r\n")
        let json = desk.scratch.write("objek.json", "{\"title\": \"Lampu mati\"}\n")
        let cases: [([String], [String], [String])] = [
            (["import", csv], ["never closed"], ["tidak pernah ditutup"]),
            (["import", json, "--format", "json"], ["expected", "found", "column"], ["kolom 1", "larik"]),
        ]
        for (args, english, indonesian) in cases {
            let id = desk.run(args, as: "admin")
            #expect(id.status == 1, "\(args): \(id.stderr)")
            for w in english { #expect(!id.stderr.contains(w), "`aduan \(args.joined(separator: " "))` speaks English (\(w)): \(id.stderr)") }
            for w in indonesian { #expect(id.stderr.contains(w), "\(args): \(id.stderr)") }
            let en = desk.run(args + ["--lang", "en"], as: "admin")
            #expect(en.status == 1)
            for w in english { #expect(en.stderr.contains(w), "\(args) --lang en: \(en.stderr)") }
        }
    }

    /// A JSON import whose records have wrong types or miss a field: each problem is said in the
    /// session's language (the record's path and JSON type names stay as written).
    @Test func jsonRecordProblemsSpeakTheSessionsLanguage() throws {
        try requireBinary()
        let desk = Desk("audit-records")
        try desk.initStore()
        let json = desk.scratch.write("salah.json", "[1, {\"title\": 5, \"receivedAt\": \"2026-11-20T10:00:00+07:00\"}, {\"title\": \"Lampu\"}]\n")
        let id = desk.run(["import", json, "--format", "json"], as: "admin")
        #expect(id.status == 1, "\(id.stderr)")
        for w in ["expected an object", "expected a string", "missing"] {
            #expect(!id.stderr.contains(w), "English in an Indonesian session (\(w)): \(id.stderr)")
        }
        for w in ["[0]: seharusnya objek, tertulis number", "[1].title: seharusnya string, tertulis number", "[2].receivedAt: tidak ada"] {
            #expect(id.stderr.contains(w), "\(w): \(id.stderr)")
        }
        let en = desk.run(["import", json, "--format", "json", "--lang", "en"], as: "admin")
        for w in ["[0]: expected an object, found number", "[1].title: expected a string, found number", "[2].receivedAt: missing"] {
            #expect(en.stderr.contains(w), "\(w): \(en.stderr)")
        }
    }
}
