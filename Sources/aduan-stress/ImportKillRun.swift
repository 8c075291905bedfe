import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-stress import-kill`: an import is all or nothing. Round after round, the real
/// `aduan import` of a CSV file is killed with SIGKILL at a random moment (while it checks the
/// file, while it writes, while it rebuilds the indexes, or after it finished), on a fresh copy of
/// an empty store or of a store that already holds reports. Then the store must open, verify
/// clean, hold either none or all of the file's rows (never a part), with a search index that
/// finds exactly the stored ones; and importing the same file again must complete it: every row
/// exactly once. Every --twin-every'th round a second `aduan import` of the same file starts at
/// the same moment and is left alone: it must wait for the killed one and then write the whole
/// file (or be refused in words, having written nothing).
struct ImportKillRun {
    var kills = 100
    var rows = 5000
    var complaints = 40
    var maxDelayMs: Int?
    var twinEvery = 4
    var aduanVerifyEvery = 10
    var seed: UInt64 = 1
    var dir: String?
    var keep = false
    var aduan = ""

    /// The word every row of the file carries, for the search-index check.
    static let word = "kuncimpor"

    init(_ o: inout Options) throws(StressError) {
        kills = try o.int("kills", default: kills, range: 1...1_000_000)
        rows = try o.int("rows", default: rows, range: 1...10_000_000)
        complaints = try o.int("complaints", default: complaints, range: 1...100_000)
        if o.string("max-delay-ms") != nil { maxDelayMs = try o.int("max-delay-ms", default: 0, range: 1...600_000) }
        twinEvery = try o.int("twin-every", default: twinEvery, range: 0...1_000_000)
        aduanVerifyEvery = try o.int("aduan-verify-every", default: aduanVerifyEvery, range: 0...1_000_000)
        seed = UInt64(try o.int("seed", default: Int(time(nil)), range: 0...Int.max))
        dir = o.string("dir")
        keep = o.flag("keep")
        aduan = try findAduan(o.string("aduan"))
        try o.rejectUnknown(known: KillRun.flagNames)
    }

    struct Figures {
        var kills = 0, finishedFirst = 0, leftNothing = 0, leftAll = 0
        /// Kills by the phase the import had reached (its ADUAN_TRACE laps): check, write, index, done.
        var byPhase: [String: (nothing: Int, all: Int)] = [:]
        var intoEmpty = 0, intoFull = 0
        var twins = 0, twinsCompleted = 0, twinsRefused = 0
        var completions = 0, verifyRuns = 0, aduanVerifyRuns = 0
        var partial = 0
        let failures = Failures()
        func fail(_ headline: String, _ more: [String] = []) { failures.fail(headline, more) }
    }

    /// The CSV: `rows` reports, most with a LAPOR! number, every fifth without (matched by content).
    static func csv(rows: Int, seed: UInt64) -> [UInt8] {
        var rng = StressRandom(seed: seed)
        let titles = ["Jalan berlubang", "Lampu PJU mati", "Air PDAM keruh", "Sampah menumpuk", "Puskesmas tutup", "Drainase tersumbat"]
        var out = Array("title,received_at,tracking_id,body,channel\r\n".utf8)
        out.reserveCapacity(rows * 120)
        for i in 0..<rows {
            let title = titles.randomElement(using: &rng)! + " \(i)"
            let day = 1 + i % 28, hour = 8 + i % 9
            let received = "2026-01-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):00:00+07:00"
            let tracking = i % 5 == 4 ? "" : String(80_000_000 + i)
            out += Array("\(title),\(received),\(tracking),Mohon ditindaklanjuti \(word) nomor \(i),web\r\n".utf8)
        }
        return out
    }

    func run() throws(StressError) -> Int32 {
        let started = monotonic()
        let office = try Office.builtIn()
        let w = try Workspace.make(dir, mode: "import-kill")
        var rng = StressRandom(seed: seed)
        let file = w.dir + "/import.csv"
        try writeWholeFile(file, Self.csv(rows: rows, seed: seed))

        // Two starting points, copied fresh for every round: an empty store (the bulk load, which
        // drops and rebuilds the indexes) and one that holds reports (row-by-row upkeep).
        let emptyBase = w.dir + "/base-empty.db", fullBase = w.dir + "/base-full.db"
        var base = (empty: 0, full: 0)
        do throws(StoreError) {
            _ = try ComplaintStore.open(path: emptyBase, context: office.context, create: true)
        } catch {
            throw .environment("setting up the base stores failed: \(describe(error, office: office))")
        }
        try seedStore(w, office: office, complaints: complaints, actions: complaints, rng: &rng)
        if let problem = fresh(from: w.store, to: fullBase, office: office) { throw .environment(problem) }
        base.full = complaints

        var f = Figures()
        // How long an import takes here, unkilled (the second of two: the first warms the caches):
        // the kills spread over 0 … 1.2 × that.
        var reference = 0.0
        for _ in 0..<2 {
            if let problem = fresh(from: emptyBase, to: w.store, office: office) { throw .environment(problem) }
            reference = monotonic()
            let first = importFile(file, w: w)
            guard let firstStatus = first, exitedNormally(firstStatus) == 0 else {
                let err = firstLine(String(decoding: readWholeFile(w.dir + "/import.err"), as: UTF8.self))
                throw .environment("the reference import failed (\(first.map(describeStatus) ?? "not started")): \(err)")
            }
        }
        let referenceMs = (monotonic() - reference) * 1000
        let laps = Self.laps(String(decoding: readWholeFile(w.dir + "/import.err"), as: UTF8.self))
        let writeMs = ((laps["write"] ?? 0) + (laps["indexes"] ?? 0)) * 1000
        let writeStart = max(0, referenceMs - writeMs - 5)
        let maxDelay = Double(maxDelayMs ?? max(20, Int(referenceMs * 1.2)))
        let progress = Progress()

        for round in 0..<kills {
            let intoEmpty = round % 2 == 0
            let baseCount = intoEmpty ? base.empty : base.full
            if intoEmpty { f.intoEmpty += 1 } else { f.intoFull += 1 }
            if let problem = fresh(from: intoEmpty ? emptyBase : fullBase, to: w.store, office: office) { throw .environment(problem) }
            let twin = twinEvery > 0 && round % twinEvery == twinEvery - 1
            // A tenth in the first milliseconds (start-up), half of the rest anywhere, the other half
            // in the write phase (inside the import's transaction), where a partial import could happen.
            let delay = rng.chance(0.1) ? Double.random(in: 0...10, using: &rng)
                : rng.chance(0.5) || maxDelayMs != nil ? Double.random(in: 0...maxDelay, using: &rng)
                : Double.random(in: writeStart...(writeStart + max(1, writeMs)), using: &rng)

            guard let child = startImport(file, w: w, errName: "import.err") else {
                f.fail("round \(round + 1): cannot start aduan import")
                break
            }
            let second = twin ? startImport(file, w: w, errName: "twin.err", outName: "twin.out") : nil
            let deadline = monotonic() + delay / 1000
            var status: Int32?
            while status == nil && monotonic() < deadline {
                status = child.poll()
                if status == nil { sleepMilliseconds(1) }
            }
            var phase = "done"
            if status == nil {
                child.killGroup()
                status = child.wait()
                f.kills += 1
                let reached = Self.laps(String(decoding: readWholeFile(w.dir + "/import.err"), as: UTF8.self))
                phase = reached["indexes"] != nil ? "after commit" : reached["write"] != nil ? "indexing or committing" : reached["check"] != nil ? "writing" : "start-up or checking"
            } else {
                f.finishedFirst += 1
            }
            let finished = status.map { exitedNormally($0) == 0 } ?? false
            if let s = status, !finished && s & 0x7f != SIGKILL {
                let err = firstLine(String(decoding: readWholeFile(w.dir + "/import.err"), as: UTF8.self))
                f.fail("round \(round + 1): aduan import ended by itself with \(describeStatus(s)): \(err)")
            }
            var twinWrote = false
            if let second {
                f.twins += 1
                let s = second.wait()
                let err = String(decoding: readWholeFile(w.dir + "/twin.err"), as: UTF8.self)
                let out = String(decoding: readWholeFile(w.dir + "/twin.out"), as: UTF8.self)
                switch exitedNormally(s) {
                case 0 where out.hasPrefix("Imported "):
                    // It waited for the first and wrote what the first did not (all, or nothing).
                    f.twinsCompleted += 1
                    twinWrote = true
                case 2 where err.contains("another import") && !err.lowercased().contains("sqlite"):
                    f.twinsRefused += 1
                default:
                    f.fail("round \(round + 1): the second import ended with \(describeStatus(s)): \(firstLine(err)) \(firstLine(out))")
                }
            }

            // The checks: opens, verifies, none or all of the rows, a search index to match.
            let found = check(w: w, office: office, round: round, base: baseCount, f: &f)
            if let found {
                if !twin {
                    var p = f.byPhase[phase] ?? (0, 0)
                    if found == 0 { p.nothing += 1 } else { p.all += 1 }
                    f.byPhase[phase] = p
                }
                if found == 0 {
                    f.leftNothing += 1
                    if finished || twinWrote { f.fail("round \(round + 1): the import finished but its rows are missing") }
                } else {
                    f.leftAll += 1
                }
                // Importing the file again completes it: every row exactly once.
                if let s = importFile(file, w: w), exitedNormally(s) == 0 {
                    f.completions += 1
                    if let again = check(w: w, office: office, round: round, base: baseCount, f: &f), again != rows {
                        f.fail("round \(round + 1): after importing again the store holds \(grouped(again)) of the file's \(grouped(rows)) rows")
                    }
                } else {
                    let err = firstLine(String(decoding: readWholeFile(w.dir + "/import.err"), as: UTF8.self))
                    f.fail("round \(round + 1): importing again after the kill failed: \(err)")
                }
            }
            if aduanVerifyEvery > 0 && (round + 1) % aduanVerifyEvery == 0 {
                if let problem = runAduanVerify(binary: aduan, store: w.store, configFile: w.configFile, scratch: w.dir) {
                    f.fail("round \(round + 1): " + problem)
                }
                f.aduanVerifyRuns += 1
            }
            if !f.failures.none { break }
            progress.show("import-kill \(grouped(round + 1))/\(grouped(kills)) · \(seconds(monotonic() - started)) s")
        }
        progress.clear()

        let passed = f.failures.none
        let out: Int32 = 1
        writeLine(out, "aduan-stress import-kill: \(passed ? "PASS" : "FAIL") (seed \(seed))")
        let table: [(String, String)] = [
            ("rounds", "\(grouped(f.kills + f.finishedFirst)) imports of \(grouped(rows)) rows (\(grouped(f.intoEmpty)) into an empty store, \(grouped(f.intoFull)) into one holding \(grouped(base.full)))"),
            ("kills", "\(grouped(f.kills)) SIGKILLs of `aduan import` within 0–\(Int(maxDelay)) ms (an unkilled import took \(Int(referenceMs)) ms); \(grouped(f.finishedFirst)) finished first"),
            ("by phase", ["start-up or checking", "writing", "indexing or committing", "after commit", "done"].compactMap { name in
                f.byPhase[name].map { "\(name): \(grouped($0.nothing)) left nothing, \(grouped($0.all)) all rows" } }.joined(separator: "; ")
                + " (rounds without a second import; \"done\" = finished before the kill; the write phase took \(Int(writeMs)) ms unkilled)"),
            ("left nothing", grouped(f.leftNothing)),
            ("left all rows", grouped(f.leftAll)),
            ("partial imports", grouped(f.partial)),
            ("completed again", "\(grouped(f.completions)) re-imports of the same file, each leaving every row exactly once"),
            ("second imports", "\(grouped(f.twins)) started alongside: \(grouped(f.twinsCompleted)) waited and completed, \(grouped(f.twinsRefused)) refused in words"),
            ("verify runs", "\(grouped(f.verifyRuns)) in-process + \(grouped(f.aduanVerifyRuns)) `aduan verify`"),
            ("failures", grouped(f.failures.count)),
            ("elapsed", "\(seconds(monotonic() - started)) s"),
        ]
        for (k, v) in table { writeLine(out, "  " + k.padding(22) + v) }
        f.failures.print(to: out)
        if passed && !keep { w.remove() } else { writeLine(out, "store kept in \(w.dir)") }
        return passed ? 0 : 1
    }

    /// Replaces the round's store with a copy of `base` (no -wal or -shm left from before).
    func fresh(from base: String, to store: String, office: Office) -> String? {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(store + suffix) }
        do throws(StoreError) {
            try ComplaintStore.open(path: base, context: office.context).backup(to: store)
        } catch {
            return "copying \(base): \(describe(error, office: office))"
        }
        return nil
    }

    /// The phases an import's ADUAN_TRACE lines say it finished, with their seconds.
    static func laps(_ stderr: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in stderr.split(separator: "\n") where line.hasPrefix("trace: import ") {
            let parts = line.split(separator: " ")
            if parts.count >= 4 { out[String(parts[2])] = Double(parts[3]) ?? 0 }
        }
        return out
    }

    func startImport(_ file: String, w: Workspace, errName: String, outName: String = "import.out") -> Child? {
        try? Child(program: aduan, args: ["import", file, "--store", w.store, "--config", w.configFile, "--as", "admin", "--lang", "en"],
                   env: childEnvironment(home: w.dir) + ["ADUAN_TRACE=1"], stdout: .file(w.dir + "/" + outName), stderr: w.dir + "/" + errName, newGroup: true)
    }

    /// Runs an import to its end; its wait status.
    func importFile(_ file: String, w: Workspace) -> Int32? {
        startImport(file, w: w, errName: "import.err")?.wait()
    }

    /// Opens and verifies the store; returns how many of the file's rows it holds (nil after a
    /// failed check). A part of the file is a failure.
    func check(w: Workspace, office: Office, round: Int, base: Int, f: inout Figures) -> Int? {
        do throws(StoreError) {
            let store = try ComplaintStore.open(path: w.store, context: office.context)
            let report = try store.verify(maxProblems: 50, names: office.context.directory)
            f.verifyRuns += 1
            if !report.isClean {
                f.fail("round \(round + 1): verify found \(report.problems.count) problem(s) after the kill:", describeProblems(report))
                return nil
            }
            let total = try store.totals().complaints
            let imported = total - base
            if imported != 0 && imported != rows {
                f.partial += 1
                f.fail("round \(round + 1): the store holds \(grouped(imported)) of the file's \(grouped(rows)) rows: a partial import")
                return nil
            }
            do throws(SQLiteError) {
                let searchable = try store.db.scalarInt("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH '\(Self.word)'") ?? -1
                if searchable != imported {
                    f.fail("round \(round + 1): the search index finds \(searchable) of the \(imported) imported rows")
                    return nil
                }
                if let mark = try store.db.scalarText("SELECT value FROM meta WHERE key = 'bulk_load'") {
                    f.fail("round \(round + 1): a bulk-load mark (\(mark)) was left in the store")
                    return nil
                }
            } catch {
                f.fail("round \(round + 1): reading the store failed: \(error)")
                return nil
            }
            return imported
        } catch {
            f.fail("round \(round + 1): after the kill the store does not open or read: \(describe(error, office: office))")
            return nil
        }
    }
}

