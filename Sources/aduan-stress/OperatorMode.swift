import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// The hidden `operator` mode: one operator process of the `operators` run. For `--seconds` it
/// reads a report, decides an action on the version it saw (after a short think), and submits it
/// with that version as the expected one. Each outcome is one line on stdout:
///
///     ok <complaint> <version> <kind> <actor>            committed
///     conflict <complaint> <expected> <current> <kind>   refused: changed meanwhile (message checked)
///     refused <complaint> <kind> <reason>                refused by the workflow
///     locked <kind> <message>                            SQLITE_BUSY reached the operator (a bug)
///     error <message>                                    anything else (a bug)
///     end <ok> <conflicts> <refused>                     the process's own totals, last
enum OperatorMode {
    static let flagNames: Set<String> = []

    static func run(_ o: inout Options) throws(StressError) -> Int32 {
        guard let path = o.string("store"), let configFile = o.string("config-file") else {
            throw .usage("operator: --store and --config-file are required")
        }
        let seed = UInt64(try o.int("seed", default: 1, range: 0...Int.max))
        let duration = Double(try o.int("seconds", default: 60, range: 1...86_400))
        let hot = Int64(try o.int("hot", default: 20, range: 1...1_000_000))
        let thinkMs = Double(try o.int("think-ms", default: 5, range: 0...10_000))
        let viaCLI = o.string("via-cli")
        try o.rejectUnknown(known: flagNames)

        let office = try Office.builtIn()
        let planner = Planner(office: office)
        var rng = StressRandom(seed: seed)
        let admin = office.operatorNamed("admin") ?? office.operators[0]
        let out: Int32 = 1
        let cli = viaCLI.map {
            AduanAct(binary: $0, store: path, configFile: configFile, environment: childEnvironment(home: parentDirectoryOf(path)),
                     scratch: parentDirectoryOf(path) + "/operator-\(getpid())")
        }
        // An in-process operator keeps its connection, like the screen. A command-line operator
        // opens the store only to read, so its `aduan act` runs may be the last connection to
        // close (and checkpoint) while another process is opening.
        var kept: ComplaintStore?
        func openStore() throws(StoreError) -> ComplaintStore {
            if let kept { return kept }
            let s = try ComplaintStore.open(path: path, context: office.context)
            if cli == nil { kept = s }
            return s
        }
        var ok = 0, conflicts = 0, refused = 0
        let end = monotonic() + duration

        /// Reads the inbox and decides; a command-line operator's connection closes on return.
        func decide() throws(StoreError) -> Step {
            let store = try openStore()
            let total = Int64(try store.totals().complaints)
            // Most actions go to the hot reports everyone works on; a tenth to the rest of the
            // inbox, a third of those new reports.
            var id = Int64.random(in: 1...min(hot, max(1, total)), using: &rng)
            if rng.chance(0.1) {
                if total <= hot || rng.chance(0.3) { return .receive(planner.intake(rng: &rng)) }
                id = Int64.random(in: (hot + 1)...total, using: &rng)
            }
            guard let c = try store.complaint(id) else { return .missing(id, total) }
            let other = total > hot ? Int64.random(in: (hot + 1)...total, using: &rng) : nil
            guard let planned = planner.plan(for: c, allowTerminal: id > hot, otherID: other == id ? nil : other, rng: &rng) else {
                return .skip
            }
            return .act(c, planned)
        }

        while monotonic() < end {
            do throws(StoreError) {
                switch try decide() {
                case .skip:
                    continue
                case .missing(let id, let total):
                    writeLine(out, "error report #\(id) of \(total) is missing")
                case .receive(let intake):
                    if let cli {
                        switch cli.receive(intake, as: admin) {
                        case .done(let newID, let v): writeLine(out, "ok \(newID) \(v) receive \(admin.id)"); ok += 1
                        case .refused(let m), .conflict(let m): writeLine(out, "refused new receive \(m)"); refused += 1
                        case .locked(let m): writeLine(out, "locked receive \(m)")
                        case .failed(let m): writeLine(out, "error \(m)")
                        }
                    } else {
                        let c = try openStore().receive(intake, by: admin, at: wallClock())
                        writeLine(out, "ok \(c.id) \(c.version) receive \(admin.id)")
                        ok += 1
                    }
                case .act(let c, let planned):
                    let id = c.id, kind = planned.command.kind.rawValue
                    // The operator reads, thinks, then submits what they decided on the version they saw.
                    sleepMilliseconds(Double.random(in: 0...thinkMs, using: &rng))
                    if let cli {
                        switch cli.act(on: id, planned, expectedVersion: c.version) {
                        case .done(let doneID, let v):
                            // A written action commits over changes it does not rest on (a CC added
                            // meanwhile does not refuse a follow-up): the core says which.
                            if doneID != id || v <= c.version || (v > c.version + 1 && !committedOverFreeChanges(try? openStore(), id, kind: planned.command.kind, read: c.version, committed: v)) {
                                writeLine(out, "error aduan act \(id) \(kind) --expect-version \(c.version) reported #\(doneID) version \(v)")
                            } else {
                                writeLine(out, "ok \(id) \(v) \(kind) \(planned.actor.id)")
                                ok += 1
                            }
                        case .conflict(let m):
                            // "… (version 7 → 9). Nothing was written; …"
                            let expected = AduanAct.number(after: "(version ", in: m)
                            let current = AduanAct.number(after: "→ ", in: m)
                            guard let expected, let current, expected == c.version, current > expected else {
                                writeLine(out, "error conflict message without the versions (decided on \(c.version)): \(m)")
                                continue
                            }
                            writeLine(out, "conflict \(id) \(expected) \(current) \(kind)")
                            conflicts += 1
                        case .refused(let m):
                            writeLine(out, "refused \(id) \(kind) \(m)")
                            refused += 1
                        case .locked(let m): writeLine(out, "locked \(kind) \(m)")
                        case .failed(let m): writeLine(out, "error \(m)")
                        }
                    } else {
                        do throws(StoreError) {
                            let next = try openStore().apply(planned.command, to: id, expectedVersion: c.version, by: planned.actor, at: wallClock())
                            writeLine(out, "ok \(id) \(next.version) \(kind) \(planned.actor.id)")
                            ok += 1
                        } catch .conflict(let cf) {
                            // The operator must be told who changed it and that nothing was written.
                            let report = OperatorMode.conflictReport(cf, id: id, kind: kind, decidedOn: c.version, office: office)
                            writeLine(out, report.line)
                            if report.real { conflicts += 1 }
                        } catch .refused(let r) {
                            writeLine(out, "refused \(id) \(kind) \(refusalName(r))")
                            refused += 1
                        }
                    }
                }
            } catch .locked {
                writeLine(out, "locked - " + describe(.locked(path: path), office: office))
            } catch {
                writeLine(out, "error " + describe(error, office: office))
            }
        }
        writeLine(out, "end \(ok) \(conflicts) \(refused)")
        return 0
    }

    /// What an operator decided after reading.
    enum Step {
        case receive(Intake)
        case act(Complaint, PlannedAction)
        case missing(Int64, Int64)
        case skip
    }
}

/// True when every change between the version an operator read and the one its action committed
/// at is one the action does not rest on (`Workflow.conflicts`), so committing over it was right.
private func committedOverFreeChanges(_ store: ComplaintStore?, _ id: Int64, kind: ActionKind, read: Int, committed: Int) -> Bool {
    guard let events = try? store?.events(of: id) else { return false }
    let between = events.filter { $0.version > read && $0.version < committed }.map(\.kind)
    return between.count == committed - read - 1 && !Workflow.conflicts(kind, with: between)
}
