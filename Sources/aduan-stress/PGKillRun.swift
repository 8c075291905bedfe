import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// `aduan-stress kill --store postgresql://…`: crash safety of the PostgreSQL writer. Operator
/// processes (each its own database role) keep submitting actions through the command queue
/// while the real `aduan serve` is started and killed with SIGKILL at a random moment, round
/// after round. After every kill (once the killed writer's backend is gone): every action an
/// operator was told is done is in the log (kind and actor), every done command has exactly its
/// event and no event is without one (no half-written command), and verify (chain, projections
/// against replay, policies) is clean; `aduan verify` every few rounds and at the end. At the end
/// a last writer settles what is pending, and every done command was acknowledged to its operator.
struct PGKillRun {
    var kills = 100
    var processes = 4
    var complaints = 40
    var maxDelayMs = 1000
    var thinkMs = 5
    var aduanVerifyEvery = 10
    var seed: UInt64 = 1
    var dir: String?
    var keep = false
    var aduan = ""
    var conninfo = ""
    /// Self-check of the harness: after the first kill an event is written behind the queue's
    /// back (no command for it), which the checks must report.
    var fault: String?

    init(_ o: inout Options) throws(StressError) {
        conninfo = o.string("store") ?? ""
        kills = try o.int("kills", default: kills, range: 1...1_000_000)
        processes = try o.int("processes", default: processes, range: 1...64)
        complaints = try o.int("complaints", default: complaints, range: 1...100_000)
        maxDelayMs = try o.int("max-delay-ms", default: maxDelayMs, range: 1...60_000)
        thinkMs = try o.int("think-ms", default: thinkMs, range: 0...10_000)
        aduanVerifyEvery = try o.int("aduan-verify-every", default: aduanVerifyEvery, range: 0...1_000_000)
        seed = UInt64(try o.int("seed", default: Int(time(nil)), range: 0...Int.max))
        dir = o.string("dir")
        keep = o.flag("keep")
        aduan = try findAduan(o.string("aduan"))
        fault = o.string("fault")
        if let fault, fault != "event-without-command" { throw .usage("--fault \(fault): on PostgreSQL the only fault is event-without-command") }
        try o.rejectUnknown(known: KillRun.flagNames)
    }

    func run() throws(StressError) -> Int32 {
        let started = monotonic()
        let w = try Workspace.make(dir, mode: "pg-kill")
        let stage = try PGStage(conninfo: conninfo, processes: processes, w: w, aduan: aduan)
        var rng = StressRandom(seed: seed)
        try stage.setUp(complaints: complaints, actions: complaints * 2, rng: &rng)
        let owner = try stage.ownerConnection()
        let baseline = try PGSnapshot.read(owner).events.count
        let failures = Failures()
        func fail(_ headline: String, _ more: [String] = []) { failures.fail(headline, more) }

        // The operators work until the stop file appears.
        let stopFile = w.dir + "/stop"
        let me = selfExecutable()
        var workers: [OperatorsRun.Worker] = []
        var noWriter = 0
        for i in 0..<processes {
            let args = ["pg-operator", "--store", conninfo, "--role", stage.roles[i], "--office-file", stage.officeFile,
                        "--seed", String(seed &+ UInt64(i) &+ 1), "--seconds", "86400", "--hot", String(complaints),
                        "--think-ms", String(thinkMs), "--stop-file", stopFile, "--writer-timeout", "600"]
            let child = try Child(program: me, args: args, env: PGStage.environment(home: w.dir), stdout: .pipe,
                                  stderr: w.dir + "/operator-\(i + 1).err", newGroup: true)
            workers.append(OperatorsRun.Worker(child: child, viaCLI: false))
        }
        defer { for worker in workers where worker.child.poll() == nil { worker.child.killGroup(); worker.child.wait() } }
        /// Reads what the operators said, waiting at most `ms`.
        func drain(_ ms: Int32) {
            var fds = workers.map { pollfd(fd: $0.eof ? -1 : $0.child.outputFD, events: Int16(POLLIN), revents: 0) }
            if Glibc.poll(&fds, nfds_t(fds.count), ms) <= 0 { return }
            for i in workers.indices where fds[i].revents != 0 {
                var eof = false
                for line in workers[i].child.readOnce(eof: &eof) {
                    if line.hasPrefix("nowriter ") { noWriter += 1 } else { OperatorsRun.take(line, into: &workers[i]) }
                }
                if eof { workers[i].eof = true }
            }
        }
        var acknowledged: Int { workers.reduce(0) { $0 + $1.committed.count } }

        /// The checks after a kill (or at the end): nothing acknowledged lost, no half-written command, verify clean.
        func check(_ when: String) throws(StressError) -> PGSnapshot {
            let snapshot = try PGSnapshot.read(owner)
            var lost: [String] = []
            for (i, worker) in workers.enumerated() {
                for c in worker.committed {
                    guard let e = snapshot.events[c.key] else {
                        lost.append("#\(c.key.complaint) version \(c.key.version) (\(c.kind), operator \(i + 1)): acknowledged done, not in the log")
                        continue
                    }
                    if e.kind != c.kind || e.actor != c.actor { lost.append("#\(c.key.complaint) v\(c.key.version): acknowledged \(c.kind) by \(c.actor), the log holds \(e.kind) by \(e.actor)") }
                }
            }
            if !lost.isEmpty { fail("\(when): \(lost.count) acknowledged action(s) lost:", lost.sorted()) }
            let half = snapshot.halfWritten(baseline: baseline)
            if !half.isEmpty { fail("\(when): commands and the log disagree:", half) }
            let problems = verifyPG(owner, office: stage.office)
            if !problems.isEmpty { fail("\(when): verify found \(problems.count) problem(s):", problems) }
            return snapshot
        }

        let progress = Progress()
        var f = (kills: 0, beforeServing: 0, withPending: 0, settledRounds: 0, verifyRuns: 0, aduanVerifyRuns: 0)
        var lastDone = 0
        for round in 0..<kills {
            // A tenth of the kills come within 10 ms of the start: connecting, opening, taking the lock.
            let delay = rng.chance(0.1) ? Double.random(in: 0...10, using: &rng) : Double.random(in: 0...Double(maxDelayMs), using: &rng)
            let writer = try stage.startWriter(round: round)
            let deadline = monotonic() + delay / 1000
            while monotonic() < deadline { drain(Int32(max(1, (deadline - monotonic()) * 1000))) }
            writer.killGroup()
            let status = writer.wait()
            f.kills += 1
            if status & 0x7f != SIGKILL {
                fail("round \(round + 1): the writer was not killed but ended by itself (\(describeStatus(status))): \(firstLine(String(decoding: readWholeFile(w.dir + "/serve-\(round % 2).err"), as: UTF8.self)))")
            }
            if readWholeFile(w.dir + "/serve.out").isEmpty { f.beforeServing += 1 }
            if !PGStage.waitForWritersGone(owner, seconds: 30) { fail("round \(round + 1): the killed writer's backend was still there after 30 s") }
            drain(0)
            if round == 0, fault != nil, let admin = stage.office.operatorNamed("admin") {
                do { _ = try PGStore(owner, context: stage.office.context).apply(Command(.note, ActionDetails(text: "tanpa perintah")), to: 1, expectedVersion: nil, by: admin) } catch {
                    fail("the fault could not be planted: \(error)")
                }
            }
            let snapshot = try check("round \(round + 1)")
            f.verifyRuns += 1
            let done = snapshot.commands.filter { $0.outcome == "done" }.count
            if done > lastDone { f.settledRounds += 1 }
            lastDone = done
            if snapshot.commands.contains(where: { $0.outcome == nil }) { f.withPending += 1 }
            if aduanVerifyEvery > 0 && (round + 1) % aduanVerifyEvery == 0 {
                if let problem = runAduanVerifyPG(binary: aduan, conninfo: conninfo, scratch: w.dir) { fail("round \(round + 1): " + problem) }
                f.aduanVerifyRuns += 1
            }
            if !failures.none { break }
            progress.show("pg kill \(grouped(round + 1))/\(grouped(kills)) · acknowledged \(grouped(acknowledged)) · \(seconds(monotonic() - started)) s")
        }
        progress.clear()

        // The end: a last writer settles what is pending; the operators stop after their action in flight.
        let last = try stage.startWriter(round: kills)
        defer { last.killGroup(); last.wait() }
        if !PGStage.waitForWriter(owner, seconds: 30) { fail("the last writer did not start") }
        try writeWholeFile(stopFile, [])
        let limit = monotonic() + 120
        while workers.contains(where: { !$0.eof }) && monotonic() < limit { drain(250) }
        if workers.contains(where: { !$0.eof }) { fail("the operators did not stop within 120 s of the stop file") }
        last.killGroup()
        last.wait()
        _ = PGStage.waitForWritersGone(owner, seconds: 30)
        for (i, worker) in workers.enumerated() {
            let status = worker.child.wait()
            if exitedNormally(status) != 0 { fail("operator \(i + 1) ended with \(describeStatus(status))") }
            if worker.end == nil { fail("operator \(i + 1) never reported its totals") }
            if let end = worker.end, end.ok != worker.committed.count { fail("operator \(i + 1) counted \(end.ok) done but reported \(worker.committed.count)") }
            if !worker.errors.isEmpty { fail("operator \(i + 1): \(worker.errors.count) unexpected line(s)", worker.errors) }
        }
        let snapshot = try check("at the end")
        let done = snapshot.commands.filter { $0.outcome == "done" }.count
        let pending = snapshot.commands.filter { $0.outcome == nil }.count
        if pending > 0 { fail("\(pending) command(s) still pending after the last writer") }
        if done != acknowledged { fail("\(done) commands are done but the operators were told of \(acknowledged)") }
        if let problem = runAduanVerifyPG(binary: aduan, conninfo: conninfo, scratch: w.dir) { fail("at the end: " + problem) }
        f.aduanVerifyRuns += 1

        let passed = failures.none
        let out: Int32 = 1
        let settledBy: [String: Int] = snapshot.commands.reduce(into: [:]) { $0[$1.outcome ?? "pending", default: 0] += 1 }
        writeLine(out, "aduan-stress kill (PostgreSQL): \(passed ? "PASS" : "FAIL") (seed \(seed))")
        let rows: [(String, String)] = [
            ("kills", "\(grouped(f.kills)) SIGKILLs of `aduan serve` (\(grouped(f.beforeServing)) before it said it was serving; \(grouped(f.withPending)) left commands pending)"),
            ("acknowledged", "\(grouped(acknowledged)) actions told done to \(processes) operators (each its own role), all in the log"),
            ("commands", settledBy.sorted { $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")),
            ("rounds that settled", "\(grouped(f.settledRounds)) of \(grouped(f.kills))"),
            ("no writer", "\(grouped(noWriter)) actions refused before queuing while no writer ran (nothing written)"),
            ("verify runs", "\(grouped(f.verifyRuns)) in-process (one per kill) + \(grouped(f.aduanVerifyRuns)) `aduan verify`"),
            ("failures", grouped(failures.count)),
            ("store at the end", "\(grouped(snapshot.events.count)) events"),
            ("elapsed", "\(seconds(monotonic() - started)) s"),
        ]
        for (k, v) in rows { writeLine(out, "  " + k.padding(22) + v) }
        failures.print(to: out)
        if passed && !keep { stage.tearDown(); w.remove() } else { writeLine(out, "store kept in \(conninfo) (roles \(stage.tag)_*), files in \(w.dir)") }
        return passed ? 0 : 1
    }
}
