import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-stress operators --store postgresql://…`: the operators run on a PostgreSQL store.
/// One writer (`aduan serve`, the real binary) runs throughout; --processes operator processes,
/// each connected as its own database role, act on the same hot reports through the command
/// queue, each action naming the version it was decided on. The checks are the SQLite run's: no
/// process crashed, every conflict was refused with the conflict message and was real, every
/// committed action is in the log exactly once (two operators committing the same version is a
/// lost update), the log holds nothing else; plus every done command has exactly its event, and
/// verify (in-process and `aduan verify`) is clean.
struct PGOperatorsRun {
    var processes = 4
    var seconds = 60
    var hot = 20
    var thinkMs = 5
    var seed: UInt64 = 1
    var dir: String?
    var keep = false
    var aduan = ""
    var conninfo = ""

    init(_ o: inout Options) throws(StressError) {
        conninfo = o.string("store") ?? ""
        processes = try o.int("processes", default: processes, range: 1...64)
        seconds = try o.int("seconds", default: seconds, range: 1...86_400)
        hot = try o.int("hot", default: hot, range: 1...100_000)
        thinkMs = try o.int("think-ms", default: thinkMs, range: 0...10_000)
        seed = UInt64(try o.int("seed", default: Int(time(nil)), range: 0...Int.max))
        if try o.int("cli-processes", default: 0, range: 0...0) != 0 { throw .usage("--cli-processes: on PostgreSQL every operator acts through the store contract") }
        dir = o.string("dir")
        keep = o.flag("keep")
        aduan = try findAduan(o.string("aduan"))
        try o.rejectUnknown(known: OperatorsRun.flagNames)
    }

    func run() throws(StressError) -> Int32 {
        let w = try Workspace.make(dir, mode: "pg-operators")
        let stage = try PGStage(conninfo: conninfo, processes: processes, w: w, aduan: aduan)
        var rng = StressRandom(seed: seed)
        let cold = 20
        try stage.setUp(complaints: hot + cold, actions: (hot + cold) * 3, rng: &rng)
        let owner = try stage.ownerConnection()
        let baseline = try PGSnapshot.read(owner).events.count

        let failures = Failures()
        func fail(_ headline: String, _ more: [String] = []) { failures.fail(headline, more) }
        let writer = try stage.startWriter(round: 0)
        defer { writer.killGroup(); writer.wait() }
        guard PGStage.waitForWriter(owner, seconds: 30) else {
            throw .environment("aduan serve did not start within 30 s: \(firstLine(String(decoding: readWholeFile(w.dir + "/serve-0.err"), as: UTF8.self)))")
        }

        let me = selfExecutable()
        let started = monotonic()
        var workers: [OperatorsRun.Worker] = []
        for i in 0..<processes {
            let args = ["pg-operator", "--store", conninfo, "--role", stage.roles[i], "--office-file", stage.officeFile,
                        "--seed", String(seed &+ UInt64(i) &+ 1), "--seconds", String(seconds), "--hot", String(hot), "--think-ms", String(thinkMs)]
            let child = try Child(program: me, args: args, env: PGStage.environment(home: w.dir), stdout: .pipe,
                                  stderr: w.dir + "/operator-\(i + 1).err", newGroup: true)
            workers.append(OperatorsRun.Worker(child: child, viaCLI: false))
        }
        OperatorsRun.collect(&workers, seconds: seconds, started: started, fail: fail) { left, workers in
            "pg operators \(left) s left · committed \(grouped(workers.reduce(0) { $0 + $1.committed.count }))"
        }
        let elapsed = monotonic() - started
        if writer.poll() != nil { fail("aduan serve ended during the run: \(firstLine(String(decoding: readWholeFile(w.dir + "/serve-0.err"), as: UTF8.self)))") }
        // Every operator waited for its last outcome: the writer has nothing left to settle.
        writer.killGroup()
        writer.wait()

        for (i, worker) in workers.enumerated() {
            let name = "operator \(i + 1) (role \(stage.roles[i]))"
            let status = worker.child.wait()
            if exitedNormally(status) != 0 {
                fail("\(name) ended with \(describeStatus(status)): \(firstLine(String(decoding: readWholeFile(w.dir + "/operator-\(i + 1).err"), as: UTF8.self)))")
            }
            OperatorsRun.checkTotals(of: worker, name: name, fail: fail)
            if !worker.errors.isEmpty { fail("\(name): \(worker.errors.count) unexpected line(s)", worker.errors) }
        }

        // The store: every committed action exactly once, every conflict real, nothing else.
        let committed = workers.reduce(0) { $0 + $1.committed.count }
        let snapshot = try PGSnapshot.read(owner)
        if snapshot.events.count - baseline != committed {
            fail("the log grew by \(snapshot.events.count - baseline) events but the processes committed \(committed)")
        }
        let wrong = OperatorsRun.disagreements(workers, log: snapshot.events)
        if !wrong.isEmpty { fail("\(wrong.count) committed action(s) or conflict(s) disagree with the log:", wrong.sorted()) }
        let half = snapshot.halfWritten(baseline: baseline)
        if !half.isEmpty { fail("commands and the log disagree:", half) }
        let pending = snapshot.commands.filter { $0.outcome == nil }.count
        if pending > 0 { fail("\(pending) command(s) still pending after the run") }
        let problems = verifyPG(owner, office: stage.office)
        if !problems.isEmpty { fail("verify found \(problems.count) problem(s):", problems) }
        if let problem = runAduanVerifyPG(binary: aduan, conninfo: conninfo, scratch: w.dir) { fail(problem) }

        let passed = failures.none
        let out: Int32 = 1
        let conflicts = workers.reduce(0) { $0 + $1.conflicts.count }
        let refusedOther = workers.reduce(0) { $0 + $1.refusals.values.reduce(0, +) }
        let attempts = committed + conflicts + refusedOther
        let rate = elapsed > 0 ? Double(committed) / elapsed : 0
        var committedKinds: [String: Int] = [:]
        for worker in workers { for c in worker.committed { committedKinds[c.kind, default: 0] += 1 } }
        let kinds = committedKinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
        writeLine(out, "aduan-stress operators (PostgreSQL): \(passed ? "PASS" : "FAIL") (seed \(seed))")
        let rows: [(String, String)] = [
            ("operators", "\(processes) processes, each its own database role, × \(seconds) s on \(hot) hot reports; one `aduan serve` writer"),
            ("actions", "\(grouped(attempts)) submitted, \(grouped(committed)) committed: \(NumberFormat.decimal(rate, fractionDigits: 1, .en)) committed/s"),
            ("committed by kind", kinds.isEmpty ? "none" : kinds),
            ("conflicts", "\(grouped(conflicts)) refused with the conflict message (\(attempts > 0 ? NumberFormat.decimal(100 * Double(conflicts) / Double(attempts), fractionDigits: 1, .en) : "0")% of submitted)"),
            ("other refusals", grouped(refusedOther)),
            ("lost updates", grouped(wrong.filter { $0.hasSuffix("a lost update") }.count)),
            ("per process", workers.enumerated().map { "#\($0.offset + 1): \(grouped($0.element.committed.count)) ok/\(grouped($0.element.conflicts.count)) conflicts" }.joined(separator: "; ")),
            ("verify", "in-process + `aduan verify` at the end"),
            ("failures", grouped(failures.count)),
            ("store at the end", "\(grouped(snapshot.events.count)) events, \(grouped(snapshot.commands.count)) commands"),
            ("elapsed", "\(NumberFormat.decimal(elapsed, fractionDigits: 1, .en)) s"),
        ]
        for (k, v) in rows { writeLine(out, "  " + k.padding(22) + v) }
        failures.print(to: out)
        if passed && !keep { stage.tearDown(); w.remove() } else { writeLine(out, "store kept in \(conninfo) (roles \(stage.tag)_*), files in \(w.dir)") }
        return passed ? 0 : 1
    }
}
