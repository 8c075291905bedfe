import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-stress operators`: concurrent operators. Several processes act on the same small set
/// of hot reports at once, each action carrying the version it was decided on. Afterwards: no
/// process crashed, no "database is locked" reached anyone, every conflict was refused with the
/// conflict message and was real, every committed action is in the log exactly once, the log
/// holds nothing else, and verify (replay against the projections) is clean.
struct OperatorsRun {
    var processes = 4
    var seconds = 60
    var hot = 20
    var cliProcesses = 1
    var thinkMs = 5
    var seed: UInt64 = 1
    var dir: String?
    var keep = false
    var aduan = ""

    static let flagNames: Set<String> = ["keep"]

    init(_ o: inout Options) throws(StressError) {
        processes = try o.int("processes", default: processes, range: 1...64)
        seconds = try o.int("seconds", default: seconds, range: 1...86_400)
        hot = try o.int("hot", default: hot, range: 1...100_000)
        cliProcesses = try o.int("cli-processes", default: cliProcesses, range: 0...64)
        thinkMs = try o.int("think-ms", default: thinkMs, range: 0...10_000)
        seed = UInt64(try o.int("seed", default: Int(time(nil)), range: 0...Int.max))
        dir = o.string("dir")
        keep = o.flag("keep")
        aduan = try findAduan(o.string("aduan"))
        try o.rejectUnknown(known: Self.flagNames)
        if cliProcesses > processes { throw .usage("--cli-processes \(cliProcesses) is more than --processes \(processes)") }
    }

    /// One operator process as the parent saw it.
    struct Worker {
        var child: Child
        var viaCLI: Bool
        var eof = false
        var committed: [(key: EventKey, kind: String, actor: String)] = []
        var conflicts: [(key: EventKey, current: Int, kind: String)] = []
        var refusals: [String: Int] = [:]
        var refusalSamples: [String] = []
        var locked: [String] = []
        var errors: [String] = []
        var end: (ok: Int, conflicts: Int, refused: Int)?
    }

    func run() throws(StressError) -> Int32 {
        let office = try Office.builtIn()
        let w = try Workspace.make(dir, mode: "operators")
        var rng = StressRandom(seed: seed)
        let cold = 20
        try seedStore(w, office: office, complaints: hot + cold, actions: (hot + cold) * 3, rng: &rng)
        let baseline: Int
        do throws(StoreError) {
            baseline = try EventIndex.load(ComplaintStore.open(path: w.store, context: office.context)).count
        } catch {
            throw .environment(describe(error, office: office))
        }

        let me = selfExecutable()
        let started = monotonic()
        var workers: [Worker] = []
        for i in 0..<processes {
            let viaCLI = i < cliProcesses
            var args = ["operator", "--store", w.store, "--config-file", w.configFile, "--seed", String(seed &+ UInt64(i) &+ 1),
                        "--seconds", String(seconds), "--hot", String(hot), "--think-ms", String(thinkMs)]
            if viaCLI { args += ["--via-cli", aduan] }
            let child = try Child(program: me, args: args, env: childEnvironment(home: w.dir), stdout: .pipe,
                                  stderr: w.dir + "/operator-\(i + 1).err", newGroup: true)
            workers.append(Worker(child: child, viaCLI: viaCLI))
        }

        // Read every process's report lines as they come.
        let failures = Failures()
        func fail(_ headline: String, _ more: [String] = []) { failures.fail(headline, more) }
        Self.collect(&workers, seconds: seconds, started: started, fail: fail) { left, workers in
            let done = workers.reduce(0) { $0 + $1.committed.count }, conflicts = workers.reduce(0) { $0 + $1.conflicts.count }
            return "operators \(left) s left · committed \(grouped(done)) · conflicts \(grouped(conflicts))"
        }
        let elapsed = monotonic() - started

        // Each process: ended cleanly, and its own totals match what it reported line by line.
        for (i, worker) in workers.enumerated() {
            let name = "operator \(i + 1)\(worker.viaCLI ? " (aduan act)" : "")"
            let status = worker.child.wait()
            if exitedNormally(status) != 0 {
                let err = firstLine(String(decoding: readWholeFile(w.dir + "/operator-\(i + 1).err"), as: UTF8.self))
                fail("\(name) ended with \(describeStatus(status))\(err.isEmpty ? "" : ": " + err)")
            }
            Self.checkTotals(of: worker, name: name, fail: fail)
            if !worker.locked.isEmpty { fail("\(name): \"database is locked\" reached the operator \(worker.locked.count) time(s)", worker.locked) }
            if !worker.errors.isEmpty { fail("\(name): \(worker.errors.count) unexpected error(s)", worker.errors) }
        }

        // The store: intact, holding exactly the committed actions, every conflict a real one.
        let committed = workers.reduce(0) { $0 + $1.committed.count }
        var totals = (complaints: 0, events: 0)
        do throws(StoreError) {
            let store = try ComplaintStore.open(path: w.store, context: office.context)
            let report = try store.verify(maxProblems: 50, names: office.context.directory)
            if !report.isClean { fail("verify found \(report.problems.count) problem(s):", describeProblems(report)) }
            let index = try EventIndex.load(store)
            totals = try store.totals()
            if index.count - baseline != committed {
                fail("the log grew by \(index.count - baseline) events but the processes committed \(committed)")
            }
            let wrong = OperatorsRun.disagreements(workers, log: index.events)
            if !wrong.isEmpty { fail("\(wrong.count) committed action(s) or conflict(s) disagree with the log:", wrong.sorted()) }
        } catch {
            fail("the store does not open or read after the run: \(describe(error, office: office))")
        }
        if let problem = runAduanVerify(binary: aduan, store: w.store, configFile: w.configFile, scratch: w.dir) { fail(problem) }

        // Figures.
        let passed = failures.none
        let out: Int32 = 1
        let conflicts = workers.reduce(0) { $0 + $1.conflicts.count }
        let refusedOther = workers.reduce(0) { $0 + $1.refusals.values.reduce(0, +) }
        let attempts = committed + conflicts + refusedOther
        let locked = workers.reduce(0) { $0 + $1.locked.count }
        var conflictKinds: [String: Int] = [:]
        var refusalKinds: [String: Int] = [:]
        var committedKinds: [String: Int] = [:]
        for worker in workers {
            for c in worker.conflicts { conflictKinds[c.kind, default: 0] += 1 }
            for (k, n) in worker.refusals { refusalKinds[k, default: 0] += n }
            for c in worker.committed { committedKinds[c.kind, default: 0] += 1 }
        }
        func list(_ d: [String: Int]) -> String {
            d.isEmpty ? "none" : d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
        }
        let rate = elapsed > 0 ? Double(committed) / elapsed : 0
        writeLine(out, "aduan-stress operators: \(passed ? "PASS" : "FAIL") (seed \(seed))")
        let rows: [(String, String)] = [
            ("operators", "\(processes) processes (\(cliProcesses) through `aduan act`) × \(seconds) s on \(hot) hot reports (+ the rest of the inbox)"),
            ("actions", "\(grouped(attempts)) submitted, \(grouped(committed)) committed: \(NumberFormat.decimal(rate, fractionDigits: 1, .en)) committed/s"),
            ("committed by kind", list(committedKinds)),
            ("conflicts", "\(grouped(conflicts)) refused with the conflict message (\(attempts > 0 ? NumberFormat.decimal(100 * Double(conflicts) / Double(attempts), fractionDigits: 1, .en) : "0")% of submitted), by action: \(list(conflictKinds))"),
            ("other refusals", "\(grouped(refusedOther)) by reason: \(list(refusalKinds))"),
            ("locked errors", "\(grouped(locked)) (\"database is locked\" seen by an operator)"),
            ("per process", workers.enumerated().map { "#\($0.offset + 1)\($0.element.viaCLI ? " cli" : ""): \(grouped($0.element.committed.count)) ok/\(grouped($0.element.conflicts.count)) conflicts" }.joined(separator: "; ")),
            ("verify", "in-process + `aduan verify` at the end"),
            ("failures", grouped(failures.count)),
            ("store at the end", "\(grouped(totals.complaints)) complaints, \(grouped(totals.events)) events"),
            ("elapsed", "\(NumberFormat.decimal(elapsed, fractionDigits: 1, .en)) s"),
        ]
        for (k, v) in rows { writeLine(out, "  " + k.padding(22) + v) }
        for sample in workers.flatMap(\.refusalSamples).prefix(5) { writeLine(out, "  refusal sample: " + sample) }
        failures.print(to: out)
        if passed && !keep { w.remove() } else { writeLine(out, "store kept in \(w.dir)") }
        return passed ? 0 : 1
    }

    /// Files one report line under its worker.
    static func take(_ line: String, into w: inout Worker) {
        let parts = line.split(separator: " ", maxSplits: 4).map(String.init)
        func int(_ i: Int) -> Int64? { parts.count > i ? Int64(parts[i]) : nil }
        switch parts.first {
        case "ok":
            guard parts.count == 5, let id = int(1), let v = int(2) else { w.errors.append("unreadable: \(line)"); return }
            w.committed.append((EventKey(complaint: id, version: Int(v)), parts[3], parts[4]))
        case "conflict":
            guard parts.count == 5, let id = int(1), let expected = int(2), let current = int(3) else { w.errors.append("unreadable: \(line)"); return }
            w.conflicts.append((EventKey(complaint: id, version: Int(expected)), Int(current), parts[4]))
        case "refused":
            // In-process operators name the refusal; through `aduan act` only its message is known.
            let reason = w.viaCLI ? "via aduan act" : (parts.count > 3 ? parts[3] : "?")
            w.refusals[reason, default: 0] += 1
            if w.viaCLI && w.refusalSamples.count < 3 { w.refusalSamples.append(line) }
        case "locked":
            w.locked.append(line)
        case "end":
            if let ok = int(1), let c = int(2), let r = int(3) { w.end = (Int(ok), Int(c), Int(r)) } else { w.errors.append("unreadable: \(line)") }
        default:
            w.errors.append(line)
        }
    }
}
