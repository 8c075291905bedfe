import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-stress kill`: crash safety. Round after round, a writer takes random valid actions on
/// the store and is killed with SIGKILL at a random moment; then the store must open, `verify`
/// must find it intact, and every action the writer reported as done (after its commit
/// returned) must be in the event log — in that round and in every earlier one.
struct KillRun {
    var kills = 1000
    var complaints = 200
    var maxComplaints = 2000
    var maxDelayMs = 200
    var cliEvery = 10
    var aduanVerifyEvery = 100
    var seed: UInt64 = 1
    var dir: String?
    var keep = false
    var aduan = ""
    var fault: String?

    static let flagNames: Set<String> = ["keep"]

    init(_ o: inout Options) throws(StressError) {
        kills = try o.int("kills", default: kills, range: 1...1_000_000)
        complaints = try o.int("complaints", default: complaints, range: 1...100_000)
        maxComplaints = try o.int("max-complaints", default: maxComplaints, range: 1...1_000_000)
        maxDelayMs = try o.int("max-delay-ms", default: maxDelayMs, range: 1...60_000)
        cliEvery = try o.int("cli-every", default: cliEvery, range: 0...1_000_000)
        aduanVerifyEvery = try o.int("aduan-verify-every", default: aduanVerifyEvery, range: 0...1_000_000)
        seed = UInt64(try o.int("seed", default: Int(time(nil)), range: 0...Int.max))
        dir = o.string("dir")
        keep = o.flag("keep")
        aduan = try findAduan(o.string("aduan"))
        fault = o.string("fault")
        if let fault, fault != "report-before-commit" { throw .usage("--fault \(fault): the only fault is report-before-commit") }
        try o.rejectUnknown(known: Self.flagNames)
    }

    /// What the run counted.
    struct Figures {
        var kills = 0, cliKills = 0, killsBeforeFirstReport = 0
        var confirmed = 0, lookups = 0, unreported = 0, refused = 0
        var verifyRuns = 0, aduanVerifyRuns = 0
        /// Confirmed actions found in the log at the last check.
        var found = 0
        var byKind: [String: Int] = [:]
        let failures = Failures()
        func fail(_ headline: String, _ more: [String] = []) { failures.fail(headline, more) }
    }

    func run() throws(StressError) -> Int32 {
        let started = monotonic()
        let office = try Office.builtIn()
        let w = try Workspace.make(dir, mode: "kill")
        var rng = StressRandom(seed: seed)
        try seedStore(w, office: office, complaints: complaints, actions: complaints * 2, rng: &rng)

        var f = Figures()
        var confirmed: [EventKey: String] = [:]
        var lastCount = 0
        do throws(StoreError) {
            lastCount = try EventIndex.load(ComplaintStore.open(path: w.store, context: office.context)).count
        } catch {
            throw .environment(describe(error, office: office))
        }
        let progress = Progress()
        let me = selfExecutable()
        var lastIndexCount = lastCount

        for round in 0..<kills {
            let viaCLI = cliEvery > 0 && round % cliEvery == cliEvery - 1
            // A tenth of the kills land within the first few milliseconds: during start-up, store
            // opening and the first transaction.
            let delay = rng.chance(0.1) ? Double.random(in: 0...10, using: &rng)
                                        : Double.random(in: 0...Double(maxDelayMs), using: &rng)
            var args = ["writer", "--store", w.store, "--config-file", w.configFile, "--seed", String(seed &+ UInt64(round) &+ 1),
                        "--max-complaints", String(maxComplaints)]
            if viaCLI { args += ["--via-cli", aduan] }
            if let fault { args += ["--fault", fault] }
            let child = try Child(program: me, args: args, env: childEnvironment(home: w.dir), stdout: .pipe,
                                  stderr: w.dir + "/writer.err", newGroup: true)
            var lines: [String] = []
            var eof = false
            let deadline = monotonic() + delay / 1000
            while !eof {
                let left = deadline - monotonic()
                if left <= 0 { break }
                lines += child.readLines(timeoutMs: Int32(max(1, left * 1000)), eof: &eof)
            }
            child.killGroup()
            // The pipe closes once the writer and any `aduan act` it started (which holds the pipe
            // as fd 3) are dead, so nothing touches the store during the checks.
            let drainLimit = monotonic() + 30
            while !eof {
                lines += child.readLines(timeoutMs: 500, eof: &eof)
                if monotonic() > drainLimit { f.fail("round \(round + 1): the writer's pipe stayed open 30 s after SIGKILL"); break }
            }
            let status = child.wait()
            f.kills += 1
            if viaCLI { f.cliKills += 1 }

            // What the writer said it did.
            var roundConfirmed = 0
            for line in lines {
                let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
                switch parts.first {
                case "done":
                    guard parts.count == 4, let id = Int64(parts[1]), let v = Int(parts[2]) else {
                        f.fail("round \(round + 1): unreadable report line \"\(line)\"")
                        continue
                    }
                    let key = EventKey(complaint: id, version: v)
                    if let earlier = confirmed[key] {
                        f.fail("round \(round + 1): #\(id) version \(v) reported done twice (\(earlier), then \(parts[3])): the first was lost")
                    }
                    confirmed[key] = parts[3]
                    f.byKind[parts[3], default: 0] += 1
                    roundConfirmed += 1
                case "refused":
                    f.refused += 1
                case "error":
                    f.fail("round \(round + 1)\(viaCLI ? " (aduan act)" : ""): writer: " + line.dropFirst(6))
                default:
                    f.fail("round \(round + 1): unexpected line from the writer: \"\(line)\"")
                }
            }
            f.confirmed += roundConfirmed
            if roundConfirmed == 0 { f.killsBeforeFirstReport += 1 }
            if status & 0x7f != SIGKILL {
                let err = firstLine(String(decoding: readWholeFile(w.dir + "/writer.err"), as: UTF8.self))
                f.fail("round \(round + 1): the writer was not killed but ended by itself (\(describeStatus(status)))\(err.isEmpty ? "" : ": " + err)")
            }

            // The checks: the store opens, verify is clean, nothing confirmed is missing.
            do throws(StoreError) {
                let store = try ComplaintStore.open(path: w.store, context: office.context)
                let report = try store.verify(maxProblems: 50, names: office.context.directory)
                f.verifyRuns += 1
                if !report.isClean {
                    f.fail("round \(round + 1): verify found \(report.problems.count) problem(s) after the kill:", describeProblems(report))
                }
                let index = try EventIndex.load(store)
                var lost: [String] = []
                for (key, kind) in confirmed {
                    f.lookups += 1
                    guard let e = index[key] else {
                        lost.append("#\(key.complaint) version \(key.version) (\(kind)): reported done, not in the events table")
                        continue
                    }
                    if e.kind != kind { lost.append("#\(key.complaint) version \(key.version): reported \(kind), the log holds \(e.kind)") }
                }
                f.found = confirmed.count - lost.count
                if !lost.isEmpty {
                    f.fail("round \(round + 1): \(lost.count) confirmed action(s) lost:", Array(lost.sorted().prefix(30)))
                }
                // Only the action in flight at the kill may be committed without a report.
                let grown = index.count - lastIndexCount
                if grown < roundConfirmed || grown > roundConfirmed + 1 {
                    f.fail("round \(round + 1): the log grew by \(grown) events but the writer reported \(roundConfirmed) (expected \(roundConfirmed) or \(roundConfirmed + 1))")
                } else {
                    f.unreported += grown - roundConfirmed
                }
                lastIndexCount = index.count
            } catch {
                f.fail("round \(round + 1): after the kill the store does not open or read: \(describe(error, office: office))")
            }
            if aduanVerifyEvery > 0 && (round + 1) % aduanVerifyEvery == 0 && round + 1 < kills {
                if let problem = runAduanVerify(binary: aduan, store: w.store, configFile: w.configFile, scratch: w.dir) {
                    f.fail("round \(round + 1): " + problem)
                }
                f.aduanVerifyRuns += 1
            }
            if !f.failures.none { break }
            progress.show("kill \(grouped(round + 1))/\(grouped(kills)) · confirmed \(grouped(f.confirmed)) · \(seconds(monotonic() - started)) s")
        }
        progress.clear()
        if f.failures.none {
            if let problem = runAduanVerify(binary: aduan, store: w.store, configFile: w.configFile, scratch: w.dir) {
                f.fail("at the end: " + problem)
            }
            f.aduanVerifyRuns += 1
        }

        var totals = (complaints: 0, events: 0)
        if let store = try? ComplaintStore.open(path: w.store, context: office.context), let t = try? store.totals() { totals = t }
        let passed = f.failures.none
        let out: Int32 = 1
        writeLine(out, "aduan-stress kill: \(passed ? "PASS" : "FAIL") (seed \(seed))")
        let kinds = f.byKind.sorted { $0.value > $1.value }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
        let rows: [(String, String)] = [
            ("kills", "\(grouped(f.kills)) SIGKILLs (\(grouped(f.kills - f.cliKills)) in-process writer, \(grouped(f.cliKills)) `aduan act`; \(grouped(f.killsBeforeFirstReport)) before the round's first report)"),
            ("actions confirmed", "\(grouped(f.confirmed)) reported done after their commit (\(kinds))"),
            ("actions checked", "\(grouped(f.found)) of \(grouped(confirmed.count)) confirmed actions in the log at the last check; each checked after every later kill (\(grouped(f.lookups)) look-ups)"),
            ("committed, unreported", "\(grouped(f.unreported)) (killed between commit and report: allowed, at most one per kill)"),
            ("refused", "\(grouped(f.refused)) workflow refusals (nothing written)"),
            ("verify runs", "\(grouped(f.verifyRuns)) in-process (one per kill) + \(grouped(f.aduanVerifyRuns)) `aduan verify`"),
            ("failures", grouped(f.failures.count)),
            ("store at the end", "\(grouped(totals.complaints)) complaints, \(grouped(totals.events)) events"),
            ("elapsed", "\(seconds(monotonic() - started)) s"),
        ]
        for (k, v) in rows { writeLine(out, "  " + k.padding(22) + v) }
        f.failures.print(to: out)
        if passed && !keep { w.remove() } else { writeLine(out, "store kept in \(w.dir)") }
        return passed ? 0 : 1
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

/// The `aduan` binary: --aduan, else the one built next to this program.
func findAduan(_ given: String?) throws(StressError) -> String {
    let path = given ?? parentDirectoryOf(selfExecutable()) + "/aduan"
    guard isExecutable(path) else {
        throw .environment("\(path): no aduan binary there; build it (swift build) or pass --aduan PATH")
    }
    return path
}
