import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Hostile input on the command line: deep filters, huge arguments and config values, escape
/// sequences bound for a terminal, planted symlinks. Each gives a clear error or safe output,
/// never a crash, a flood on stderr or a write somewhere else.
@Suite struct HostileInputTests {
    // MARK: export to a terminal (item 13)

    static let hostileTitle = "Judul \u{1B}]0;PWNED\u{07} \u{1B}]52;c;ZXZpbA==\u{07} \u{1B}[2J \u{9B}31m \u{202E}kanan\u{2066}"

    /// Runs `aduan ARGS` with stdout on a pseudo-terminal (util-linux `script`), returning what reached it.
    static func throughTerminal(_ desk: Desk, _ args: [String]) -> ProcessResult {
        let command = ([AduanBinary.path] + args + ["--store", desk.store]).map { "'\($0)'" }.joined(separator: " ")
        return AduanBinary.run("/usr/bin/script", ["-qec", command, "/dev/null"], env: ["ADUAN_NOW": fixedNow], stdin: nil, scratch: desk.scratch)
    }

    @Test(arguments: ["csv", "json", "open311"])
    func anExportShownOnATerminalCarriesNoRawEscapes(format: String) throws {
        try requireBinary()
        try #require(access("/usr/bin/script", X_OK) == 0, "util-linux script is needed for a pseudo-terminal")
        let desk = Desk("export-tty")
        try desk.initStore()
        let id = try desk.receive(Self.hostileTitle)
        try desk.must(id, "classify", ["--anonymous", "no", "--confidential", "no"])
        try desk.must(id, "verify", ["--unit", "dinkes"])
        try desk.must(id, "follow-up", ["--text", "Sudah \u{1B}]0;X\u{07} ditangani \u{9B}2J"], as: "tl-dinkes")
        let r = Self.throughTerminal(desk, ["export", "--format", format])
        #expect(r.status == 0, "\(r.stdout.prefix(300))")
        #expect(r.stdout.contains("Judul"), "the complaint is exported: \(r.stdout.prefix(300))")
        for u in r.stdout.unicodeScalars {
            // The terminal's own line ends (CR LF) are all a terminal may receive below U+0020.
            #expect(!(u.value < 0x20 && u.value != 0x0A && u.value != 0x0D), "C0 U+\(String(u.value, radix: 16)) reached the terminal")
            #expect(!(0x7F...0x9F).contains(u.value), "C1 U+\(String(u.value, radix: 16)) reached the terminal")
            #expect(!(0x202A...0x202E).contains(u.value) && !(0x2066...0x2069).contains(u.value), "bidi U+\(String(u.value, radix: 16)) reached the terminal")
        }
    }

    @Test func anExportToAPipeOrFileKeepsTheTextExact() throws {
        try requireBinary()
        let desk = Desk("export-pipe")
        try desk.initStore()
        _ = try desk.receive(Self.hostileTitle)
        // CSV to a file or pipe is data: the title round-trips byte for byte.
        let csv = desk.run(["export", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.contains(Self.hostileTitle))
        // JSON escapes controls and bidi overrides always, and still means the same text.
        let json = desk.run(["export", "--format", "json"])
        #expect(json.status == 0)
        #expect(!json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x2066 })
        let node = try parseJSON(json.stdout)
        #expect(node.array?.first?["title"]?.string == Self.hostileTitle)
    }

    // MARK: filters (item 14)

    @Test func fortyThousandParenthesesAreAClearErrorNotACrash() throws {
        try requireBinary()
        let desk = Desk("deep-filter")
        try desk.initStore()
        for lang in ["en", "id"] {
            let r = desk.run(["list", String(repeating: "(", count: 40_000), "--lang", lang])
            #expect(r.status == 2, "exit \(r.status): \(r.stderr.prefix(300))")
            #expect(r.stderr.contains(NumberFormat.grouped(FilterParser.maxLength, lang == "en" ? .en : .id)), "\(r.stderr.prefix(300))")
            #expect(r.stderr.utf8.count < 1_024)
        }
    }

    @Test func nestingDeeperThanTheLimitIsAClearErrorNamingTheLimit() throws {
        try requireBinary()
        let desk = Desk("deep-filter-64")
        try desk.initStore()
        let n = FilterParser.maxDepth + 1
        let r = desk.run(["list", String(repeating: "(", count: n) + "anonim" + String(repeating: ")", count: n), "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nested too deeply") && r.stderr.contains("\(FilterParser.maxDepth)"), "\(r.stderr)")
    }

    @Test func theDeepestAndWidestFiltersAllowedRunInTheStore() throws {
        try requireBinary()
        let desk = Desk("filter-sql")
        try desk.initStore()
        _ = try desk.receive("Lampu mati", ["--anonymous", "yes"])
        // Alternating OR, AND and NOT at every allowed level: each one a parenthesis in the SQL.
        var deep = "anonim"
        var depth = 0
        while depth < FilterParser.maxDepth {
            switch depth % 3 {
            case 0: deep = "(status:selesai OR " + deep + ")"
            case 1: deep = "(overdue " + deep + ")"
            default: deep = "NOT " + deep
            }
            depth += 1
        }
        if case .failure(let e) = FilterParser.parse(deep) { Issue.record("the test filter itself is refused: \(e)") }
        let wide = Array(repeating: "-status:selesai", count: FilterParser.maxTerms - 1).joined(separator: " AND ") + " anonim"
        let wideOr = Array(repeating: "status:bt", count: FilterParser.maxTerms).joined(separator: " OR ")
        for filter in [deep, wide, wideOr] {
            let r = desk.run(["list", filter])
            #expect(r.status == 0, "\(r.stderr.prefix(300))")
            if filter != deep { #expect(r.stdout.contains("Lampu mati")) }
        }
        // One more level is refused by the parser, before any SQL.
        let r = desk.run(["list", "(" + deep + ")", "--lang", "en"])
        #expect(r.status == 2 && r.stderr.contains("nested too deeply"), "\(r.stderr.prefix(300))")
    }

    @Test func aTwentyThousandWordPhraseIsRefusedAtOnce() throws {
        try requireBinary()
        let desk = Desk("long-phrase")
        try desk.initStore()
        let phrase = "\"" + Array(repeating: "jalan", count: 20_000).joined(separator: " ") + "\""
        let r = desk.run(["list", phrase, "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("too long"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.utf8.count < 1_024)
    }

    // MARK: errors quote excerpts (item 18)

    static let big = String(repeating: "x", count: 120_000)

    static let hugeArguments: [[String]] = [
        ["list", "--as", big], ["list", "--lang", big], ["list", "status:" + big], ["list", "--order", big],
        ["export", "--format", big], ["show", big], ["act", "1", big], ["help", big], ["list", "--" + big],
        ["list", big + ":x"], ["act", "1", "verify", "--unit", big], ["act", "1", "forward", "--agency", big, "--reason", "x"],
        ["report", "--format", big], ["calendar", "due", big, "3"], ["list", "-" + big], [big],
    ]

    @Test(arguments: hugeArguments.indices)
    func aHugeArgumentIsQuotedAsAnExcerpt(index: Int) throws {
        try requireBinary()
        let desk = Desk("huge-arg")
        try desk.initStore()
        _ = try desk.receive("Lampu mati")
        let args = Self.hugeArguments[index]
        let r = desk.run(args)
        #expect(r.status == 1 || r.status == 2, "\(args.map { $0.prefix(20) }): exit \(r.status)")
        #expect(r.stderr.utf8.count < 600, "\(args.map { $0.prefix(20) }): \(r.stderr.utf8.count) bytes on stderr: \(r.stderr.prefix(200))")
        #expect(!r.stderr.isEmpty)
    }

    @Test(arguments: ["language", "store-key"])
    func aFiveMegabyteConfigValueIsQuotedAsAnExcerpt(which: String) throws {
        try requireBinary()
        let desk = Desk("huge-config")
        let value = String(repeating: "y", count: 5 * 1024 * 1024)
        let text = which == "language" ? "{\"language\": \"\(value)\"}" : "{\"\(value)\": 1}"
        let config = desk.scratch.write("config.json", text)
        let r = desk.run(["list", "--config", config])
        #expect(r.status == 2)
        #expect(r.stderr.contains("config.json"))
        #expect(r.stderr.utf8.count < 1_024, "\(r.stderr.utf8.count) bytes on stderr")
    }

    // MARK: output files and planted symlinks (item 16)

    static func readBytes(_ path: String) -> [UInt8] {
        guard let f = fopen(path, "rb") else { return [] }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o777 : 0
    }

    @Test func exportDoesNotWriteThroughASymlinkPlantedAtThePartFile() throws {
        try requireBinary()
        let desk = Desk("export-symlink")
        try desk.initStore()
        _ = try desk.receive("Jalan rusak", ["--reporter-name", "Siti Rahasia", "--reporter-phone", "081234567890"])
        let victim = desk.scratch.write("victim.txt", "keep\n")
        let out = desk.scratch.file("out.csv")
        // The shell plants the symlink at the name the export would use, then becomes aduan (same PID).
        let script = "ln -s '\(victim)' '\(out).part-'$$ && exec '\(AduanBinary.path)' export --out '\(out)' --store '\(desk.store)'"
        let r = AduanBinary.run("/bin/sh", ["-c", script], env: ["ADUAN_NOW": fixedNow], stdin: nil, scratch: desk.scratch)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.readBytes(victim) == Array("keep\n".utf8), "the export was written through the planted symlink")
        #expect(!Self.isSymlink(out))
        #expect(String(decoding: Self.readBytes(out), as: UTF8.self).contains("Siti Rahasia"))
        #expect(Self.mode(out) == 0o600)
    }

    @Test func exportReplacesASymlinkAtTheTargetInsteadOfFollowingIt() throws {
        try requireBinary()
        let desk = Desk("export-target-symlink")
        try desk.initStore()
        _ = try desk.receive("Jalan rusak", ["--reporter-name", "Siti Rahasia"])
        let victim = desk.scratch.write("victim.txt", "keep\n")
        let out = desk.scratch.file("out.csv")
        try #require(symlink(victim, out) == 0)
        let r = desk.run(["export", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.readBytes(victim) == Array("keep\n".utf8))
        #expect(!Self.isSymlink(out))
        #expect(String(decoding: Self.readBytes(out), as: UTF8.self).contains("Siti Rahasia"))
        #expect(Self.mode(out) == 0o600)
        // No temporary file is left beside it.
        let left = try #require(opendir(desk.scratch.path))
        defer { closedir(left) }
        while let e = readdir(left) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            #expect(!name.contains(".part-"), "left behind: \(name)")
        }
    }

    @Test func backupRefusesASymlinkAtTheDestinationAndWritesNothingThroughIt() throws {
        try requireBinary()
        let desk = Desk("backup-symlink")
        try desk.initStore()
        _ = try desk.receive("Jalan rusak", ["--reporter-name", "Siti Rahasia"])
        let victim = desk.scratch.write("victim.txt", "keep\n")
        let dangling = desk.scratch.file("nowhere.db")
        let target = desk.scratch.file("backup.db")
        try #require(symlink(dangling, target) == 0)
        let r = desk.run(["backup", target])
        #expect(r.status != 0)
        #expect(r.stderr.contains(target))
        #expect(access(dangling, F_OK) != 0, "the backup was written through the symlink")
        // A symlink planted at the journal's name is not written through either, and no journal is left.
        let target2 = desk.scratch.file("backup2.db")
        try #require(symlink(victim, target2 + "-journal") == 0)
        let ok = desk.run(["backup", target2])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(Self.readBytes(victim) == Array("keep\n".utf8))
        #expect(Self.mode(target2) == 0o600)
        #expect(Self.isSymlink(target2 + "-journal"), "the planted link is left alone")
        unlink(target2 + "-journal")
        let verify = desk.run(["verify"], store: target2)
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
