import Foundation
import AduanCore
import Testing

/// Problems in a config, office or holiday file are said in the session's language (session 8):
/// each one the parsers can raise, provoked by a bad file, reads in Indonesian with no English
/// sentence left, still names its file, line and key, and reads in English as before.
@Suite struct ConfigLanguageTests {
    /// A small valid office; `extra` adds top-level members, `units` the first agency's units.
    static func office(_ extra: String = "", operators: String = "[]",
                       units: String = #"[ { "id": "dinkes", "name": "Dinas Kesehatan" }, { "id": "pupr", "name": "Dinas PUPR" } ]"#) -> String {
        """
        {
          "office": { "name": "Pemerintah Kabupaten Sukamaju", "agency": "pemkab" },
          "agencies": [
            { "id": "pemkab", "name": "Pemkab", "units": \(units) },
            { "id": "prov", "name": "Pemprov", "units": [ { "id": "prov-x", "name": "Dinas X" } ] }
          ],
          "operators": \(operators)\(extra.isEmpty ? "" : ",\n  " + extra)
        }
        """
    }

    static func errors(_ text: String, file: String = "kantor.json") -> [ConfigError] {
        let load: (String) -> Result<[UInt8], FileReadError> = { path in
            path == "rusak.json" ? .success(Array("{\"days\": [\n  [\"2028-13-01\", \"LN\", \"x\"]\n]}".utf8))
                                 : .failure(FileReadError("No such file or directory"))
        }
        guard case .failure(let e) = OfficeConfig.parse(text, file: file, loadFile: load) else {
            Issue.record("parsed: \(text)")
            return []
        }
        return e.all
    }

    /// One bad file per problem (or several problems per file), with the problems they must raise.
    static var badFiles: [String] {
        let admin = #"{ "id": "admin", "role": "admin" }"#
        return [
            #"{ "office": 1 "x" }"#,
            office(#""store": 5, "refreshSeconds": "2", "langauge": "id", "language": "jv""#),
            office(#""store": "  ", "refreshSeconds": 0, "categories": {}, "workflow": { "reopenAllowed": "ya" }"#),
            office(#""refreshSeconds": 2, "refreshSeconds": 3, "theme": { "overdue": ["red"], "dueSoon": ["rot", "default"] }"#),
            #"{ "agencies": [ { "id": "pemkab" } ] }"#,
            #"{ "office": 5, "agencies": [ { "id": "pemkab" } ] }"#,
            #"{ "office": { "name": "x", "agency": "pemkab" } }"#,
            office().replacing(#""agency": "pemkab" }"#, with: #""agency": "pemkot" }"#),
            office(#""defaultOperator": "ghost""#, operators: "[\(admin)]"),
            office(#""calendar": { "workWeek": [], "holidayFiles": ["hilang.json", "rusak.json"], "removeHolidays": ["2026-13-01"] }"#),
            office(#""calendar": { "holidays": [["2026-02-30", "LD", "x"], ["2026-10-09", "LD"], ["2026-10-09", "XX", "x"]] }"#),
            office(operators: """
            [ { "role": "admin" }, { "id": "x" }, \(admin), \(admin),
              { "id": "a", "role": "admin", "agency": "*" }, { "id": "b", "role": "liaison" }, { "id": "c", "role": "unit-operator" },
              { "id": "d", "role": "liaison", "unit": "prov-x" }, { "id": "e", "role": "admin", "unit": "zzz" },
              { "id": "f", "role": "admin", "agency": "pemkot" },
              { "id": "g", "role": "admin", "logins": ["bad login", "siti", "siti"] } ]
            """),
            office().replacing(#"{ "id": "prov", "name": "Pemprov", "units": [ { "id": "prov-x", "name": "Dinas X" } ] }"#,
                               with: #"{ "id": "pemkab", "units": [ { "id": "dinkes" }, { "name": "tanpa id" } ] }"#),
            office(units: """
            [ { "id": "a", "parent": "a" }, { "id": "b", "parent": "prov-x" }, { "id": "c", "parent": "d" }, { "id": "d", "parent": "c" } ]
            """),
            office(#""deadlines": { "overrides": [ { "firstFollowUp": { "days": 3 } }, { "priority": "high", "firstFollowUp": {} }, { "priority": "high" } ] }"#),
            office(#""escalation": { "firstFollowUp": { "warnAt": [50, 50], "steps": [ {}, { "afterWorkingDays": 1, "to": "supervisor" }, { "afterWorkingDays": 1, "to": "supervisor" } ] } }"#),
        ]
    }

    /// Every problem a personal config raises.
    static func personalErrors() throws -> [ConfigError] {
        let text = """
        {
          "language": "id",
          "operators": [],
          "templates": [ { "id": "salam", "text": "Terima kasih" } ],
          "defaultOperator": "ghost"
        }
        """
        guard case .failure(let e) = PersonalConfig.parse(Array(text.utf8), file: "pribadi.json", storePath: "/srv/aduan.db") else {
            Issue.record("a personal config with office keys parsed")
            return []
        }
        var p = try PersonalConfig.parse(Array(text.replacing("\"operators\": [],", with: "").utf8), file: "pribadi.json",
                                         storePath: "/srv/aduan.db").get()
        p.templates = [ReplyTemplate(id: "salam", name: "Salam", text: "x")]
        var office = try OfficeConfig.parse(Self.office(operators: #"[ { "id": "admin", "role": "admin" } ]"#), file: "kantor.json").get()
        office.templates = [ReplyTemplate(id: "salam", name: "Salam", text: "y")]
        guard case .failure(let over) = p.over(office, file: "pribadi.json") else {
            Issue.record("a personal config clashing with the office was accepted")
            return e.all
        }
        return e.all + over.all
    }

    /// Words only an English sentence of these problems holds. Key names, option values, JSON type
    /// names and quoted values stay as written, so only words that are none of those are listed.
    static let englishWords: Set<String> = [
        "the", "a", "an", "of", "is", "are", "not", "or", "and", "to", "from", "for", "with", "must", "be",
        "expected", "found", "missing", "unknown", "listed", "twice", "cannot", "known", "did", "you", "mean",
        "needs", "only", "column", "valid", "appears", "own", "same", "already", "give", "another", "read",
        "back", "least", "sets", "after", "at", "once", "percentage", "letters", "digits",
        "characters", "most", "colour", "foreground", "background", "whole", "holiday", "form", "loop",
        "parents", "empty", "such", "this", "their", "they", "answer", "breach", "timer", "subtree", "belongs",
        "lives", "remove", "settings", "changes", "reports", "can", "go", "time", "zone",
        "office's", "account", "e", "g", "end", "input", "one", "two",
    ]

    /// The words of `sentence` outside its quoted values.
    static func words(_ sentence: String) -> [String] {
        var out: [String] = [], word = "", inQuote = false
        for ch in sentence {
            if ch == "\"" { inQuote.toggle(); word = ""; continue }
            if inQuote { continue }
            if ch.isLetter || ch == "'" { word.append(ch) } else {
                if !word.isEmpty { out.append(word.lowercased()) }
                word = ""
            }
        }
        if !word.isEmpty { out.append(word.lowercased()) }
        return out
    }

    /// The case name of a problem ("unknownKey" of `unknownKey(known: …)`).
    static func caseName(_ p: ConfigProblem) -> String {
        String(String(describing: p).prefix { $0 != "(" })
    }

    /// The cases `ConfigProblem` declares, read from its source.
    static func declaredCases(_ file: String = #filePath) throws -> Set<String> {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = parts.joined(separator: "/") + "/Sources/AduanCore/Localization/ConfigProblemStrings.swift"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let body = source.components(separatedBy: "public enum ConfigProblem")[1].components(separatedBy: "public func text")[0]
        var out = Set<String>()
        for line in body.split(separator: "\n") {
            // Payloads dropped: `case a(String, known: [String]), b` names a and b.
            let t = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            guard t.hasPrefix("case ") else { continue }
            for item in t.dropFirst(5).components(separatedBy: ", ") {
                let name = item.prefix { $0.isLetter || $0.isNumber }
                if !name.isEmpty { out.insert(String(name)) }
            }
        }
        return out
    }

    /// Checks one error: named place in both languages, English unchanged, no English in Indonesian.
    static func check(_ e: ConfigError, sourceLocation: SourceLocation = #_sourceLocation) {
        let id = e.text(.id), en = e.text(.en)
        let place = e.key.isEmpty ? "\(e.file):\(e.line): " : "\(e.file):\(e.line): \(e.key): "
        #expect(id.hasPrefix(place), "\(id)", sourceLocation: sourceLocation)
        #expect(en == e.description && en.hasPrefix(place), "\(en)", sourceLocation: sourceLocation)
        #expect(e.line > 0, "no line: \(en)", sourceLocation: sourceLocation)
        let said = String(id.dropFirst(place.count))
        let english = words(said).filter(englishWords.contains)
        #expect(english.isEmpty, "English in an Indonesian session (\(english)): \(id)  [en: \(en)]", sourceLocation: sourceLocation)
        #expect(said != e.message, "not translated: \(id)", sourceLocation: sourceLocation)
    }

    @Test func everyProblemOfAnOfficeOrConfigFileIsSaidInIndonesianWithItsPlace() throws {
        var seen = Set<String>()
        for text in Self.badFiles {
            let errs = Self.errors(text)
            #expect(!errs.isEmpty)
            for e in errs {
                seen.insert(Self.caseName(e.problem))
                Self.check(e)
            }
        }
        for e in try Self.personalErrors() {
            seen.insert(Self.caseName(e.problem))
            Self.check(e)
        }
        // Two problems no file can provoke (the stored document is checked after the file parsed).
        for p in [ConfigProblem.notAnObject, .readsBackDifferently] {
            seen.insert(Self.caseName(p))
            Self.check(ConfigError(file: "kantor.json", line: 1, key: "", problem: p))
        }
        let declared = try Self.declaredCases().subtracting(["pinned"])
        #expect(declared.count > 30, "\(declared)")
        #expect(declared.subtracting(seen).isEmpty, "never provoked: \(declared.subtracting(seen).sorted())")
    }

    /// The English words stay exactly as they were (tests and readers that pin them keep working).
    @Test func theEnglishWordingIsUnchanged() throws {
        let errs = Self.errors(Self.office(#""refreshSeconds": "2", "langauge": "id""#, operators: #"[ { "id": "kadis", "role": "kepala" } ]"#))
        #expect(Set(errs.map(\.description)) == [
            #"kantor.json:7: operators[0].role: expected one of admin, liaison, supervisor, unit-operator, found "kepala""#,
            "kantor.json:8: refreshSeconds: expected a whole number from 1 to 3600, found string",
            #"kantor.json:8: langauge: unknown key (known: office, language, store, refreshSeconds, calendar, deadlines, workflow, agencies, categories, operators, defaultOperator, templates, theme, hierarchy, escalation, boilerplate); did you mean "language"?"#,
        ])
        let syntax = Self.errors(#"{ "office": 1 "x" }"#)
        #expect(syntax.map(\.description) == [#"kantor.json:1: not valid JSON: expected ',' or '}' after an object member, found '"' (column 15)"#])
        #expect(syntax.map { $0.text(.id) } == [#"kantor.json:1: bukan JSON yang sah: seharusnya ',' atau '}' setelah anggota objek, tertulis '"' (kolom 15)"#])
    }

    /// The reasons the program itself gives for an unreadable holiday file (a folder, a file too
    /// large) are said in Indonesian too, like the system's.
    @Test func theProgramsOwnReadingReasonsAreSaidInIndonesian() {
        let folder = ConfigProblem.holidayFileUnreadable(path: "libur", reason: "it is a folder")
        #expect(folder.text(.id) == "berkas hari libur \"libur\" tidak bisa dibaca: itu sebuah folder")
        let large = ConfigProblem.holidayFileUnreadable(path: "libur.json", reason: "larger than 4096 MiB")
        #expect(large.text(.id) == "berkas hari libur \"libur.json\" tidak bisa dibaca: lebih besar dari 4096 MiB")
        #expect(large.text(.en) == "cannot read holiday file \"libur.json\": larger than 4096 MiB")
    }

    /// No source makes an error from English words (`ConfigReader.fail` takes a `ConfigProblem`, so
    /// only `ConfigError(…, message:)` could).
    @Test func theParsersMakeNoErrorFromEnglishWords() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let root = parts.joined(separator: "/") + "/Sources"
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/" + rel, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (n, line) in lines.enumerated() where line.contains("ConfigError(") {
                // The call and its next line: `message:` as ConfigError's label, not a problem's (`.notJSON(message:`).
                let call = line + (n + 1 < lines.count ? lines[n + 1] : "")
                if call.range(of: #"(?<!\()\bmessage:"#, options: .regularExpression) != nil {
                    found.append("\(rel):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
