import AduanCore
import AduanStore
import Glibc

/// The hidden `writer` mode the kill run starts and SIGKILLs: takes random valid actions on the
/// store forever, and reports each one on stdout (a pipe the parent reads) only after the store
/// call (or `aduan act`) returned, that is after the commit:
///
///     done <complaint> <version> <kind>      committed
///     refused <complaint> <kind> <reason>    the workflow said no (nothing written)
///     error <text>                           anything else; the writer stops
///
/// With --via-cli the actions go through the real `aduan act` binary (one process per action,
/// killed together with the writer: same process group).
enum WriterMode {
    static let flagNames: Set<String> = []

    static func run(_ o: inout Options) throws(StressError) -> Int32 {
        guard let path = o.string("store"), let configFile = o.string("config-file") else {
            throw .usage("writer: --store and --config-file are required")
        }
        let seed = UInt64(try o.int("seed", default: 1, range: 0...Int.max))
        let maxComplaints = try o.int("max-complaints", default: 2000, range: 1...10_000_000)
        let viaCLI = o.string("via-cli")
        // Self-check of the harness: reporting before the commit must be caught as a lost action.
        let reportEarly = o.string("fault") == "report-before-commit"
        try o.rejectUnknown(known: flagNames)

        let office = try Office.builtIn()
        let planner = Planner(office: office)
        var rng = StressRandom(seed: seed)
        let admin = office.operatorNamed("admin") ?? office.operators[0]
        let report: Int32 = 1
        let cli = viaCLI.map {
            AduanAct(binary: $0, store: path, configFile: configFile,
                     environment: childEnvironment(home: parentDirectoryOf(path)),
                     scratch: parentDirectoryOf(path) + "/writer-\(getpid())")
        }
        func fail(_ text: String) -> Int32 {
            writeLine(report, "error " + text)
            return 3
        }

        // The in-process writer keeps one connection, like the screen; the CLI writer opens the
        // store only to decide, so each `aduan act` is the last connection and checkpoints on exit.
        var kept: ComplaintStore?
        func store() throws(StoreError) -> ComplaintStore {
            if let kept { return kept }
            let s = try ComplaintStore.open(path: path, context: office.context)
            if cli == nil { kept = s }
            return s
        }

        while true {
            do throws(StoreError) {
                let s = try store()
                let total = Int64(try s.totals().complaints)
                if total == 0 || (total < maxComplaints && rng.chance(0.1)) {
                    let intake = planner.intake(rng: &rng)
                    if let cli {
                        switch cli.receive(intake, as: admin, lifeline: report) {
                        case .done(let id, let version): writeLine(report, "done \(id) \(version) receive")
                        case .conflict(let m), .refused(let m): writeLine(report, "refused new receive \(m)")
                        case .locked(let m): return fail("locked: " + m)
                        case .failed(let m): return fail(m)
                        }
                    } else {
                        let c = try s.receive(intake, by: admin, at: wallClock())
                        writeLine(report, "done \(c.id) \(c.version) receive")
                    }
                    continue
                }
                // Recent reports more often: they are still moving through the workflow.
                let id = rng.chance(0.7) ? Int64.random(in: max(1, total - 199)...total, using: &rng)
                                         : Int64.random(in: 1...total, using: &rng)
                guard let c = try s.complaint(id) else { return fail("report #\(id) of \(total) is missing") }
                let other = total > 1 ? Int64.random(in: 1...total, using: &rng) : nil
                guard let planned = planner.plan(for: c, allowTerminal: true, otherID: other == id ? nil : other, rng: &rng) else {
                    continue
                }
                let kind = planned.command.kind.rawValue
                if let cli {
                    let version = c.version
                    switch cli.act(on: id, planned, expectedVersion: version, lifeline: report) {
                    case .done(let doneID, let v):
                        guard doneID == id, v == version + 1 else { return fail("aduan act \(id) \(kind) reported #\(doneID) version \(v), expected version \(version + 1)") }
                        writeLine(report, "done \(id) \(v) \(kind)")
                    case .refused(let m): writeLine(report, "refused \(id) \(kind) \(m)")
                    case .conflict(let m): return fail("conflict with nobody else writing: " + m)
                    case .locked(let m): return fail("locked: " + m)
                    case .failed(let m): return fail(m)
                    }
                } else {
                    if reportEarly { writeLine(report, "done \(id) \(c.version + 1) \(kind)") }
                    do throws(StoreError) {
                        let next = try s.apply(planned.command, to: id, expectedVersion: c.version, by: planned.actor, at: wallClock())
                        if !reportEarly { writeLine(report, "done \(id) \(next.version) \(kind)") }
                    } catch .refused(let r) {
                        writeLine(report, "refused \(id) \(kind) \(refusalName(r))")
                    }
                }
            } catch {
                return fail(describe(error, office: office))
            }
        }
    }
}

/// The refusal's case name ("wrongStatus"), for counting refusals by kind.
func refusalName(_ r: Refusal) -> String {
    String(String(describing: r).prefix { $0 != "(" })
}

/// A store error as the operator would read it, with its case for the record.
func describe(_ e: StoreError, office: Office) -> String {
    let kind = String(String(describing: e).prefix { $0 != "(" })
    return kind + ": " + e.message(strings(.en), names: office.context.directory, zone: office.context.calendar.zone)
}
