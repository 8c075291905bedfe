import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// The hidden `pg-operator` mode: one operator of a PostgreSQL run, connected as its own role
/// through `PGOperatorStore` (what `aduan list/show/act` use: reads under row-level security,
/// actions queued for the writer, outcome heard through NOTIFY). It reads a report, decides an
/// action on the version it saw, submits it with that version as the expected one, and reports
/// what the writer settled, one line each (as `operator`, plus `nowriter`):
///
///     ok <complaint> <version> <kind> <actor>     acknowledged done; version = the command's result
///     conflict <complaint> <expected> <current> <kind>
///     refused <complaint> <kind> <reason>
///     nowriter <kind>                             no writer ran: nothing was queued
///     error <message>
///     end <ok> <conflicts> <refused>
///
/// It stops after --seconds, or once --stop-file exists (the kill run), after its action in
/// flight was settled.
enum PGOperatorMode {
    static func run(_ o: inout Options) throws(StressError) -> Int32 {
        guard let conninfo = o.string("store"), let role = o.string("role"), let officeFile = o.string("office-file") else {
            throw .usage("pg-operator: --store, --role and --office-file are required")
        }
        let seed = UInt64(try o.int("seed", default: 1, range: 0...Int.max))
        let duration = Double(try o.int("seconds", default: 60, range: 1...86_400))
        let hot = Int64(try o.int("hot", default: 20, range: 1...1_000_000))
        let thinkMs = Double(try o.int("think-ms", default: 5, range: 0...10_000))
        let stopFile = o.string("stop-file")
        let writerTimeout = Double(try o.int("writer-timeout", default: 60, range: 1...3_600))
        try o.rejectUnknown(known: [])

        let office: Office
        switch OfficeConfig.parse(readWholeFile(officeFile), file: officeFile) {
        case .success(let c): office = Office(config: c)
        case .failure(let e): throw .environment("\(officeFile): \(e.all.map(\.description).joined(separator: "; "))")
        }
        let planner = Planner(office: office)
        var rng = StressRandom(seed: seed)
        let admin = office.operatorNamed("admin") ?? office.operators[0]
        let out: Int32 = 1
        let conn = try PGStage.operatorConnection(conninfo, role: role)
        let store: PGOperatorStore
        do throws(StoreError) { store = try PGOperatorStore(conn: conn, conninfo: conninfo, context: office.context) } catch {
            throw .environment(describe(error, office: office))
        }
        store.writerTimeout = writerTimeout

        /// The role's last command: the writer's own record of what it settled.
        func lastCommand() -> (complaint: Int64, version: Int)? {
            guard let r = try? conn.query("SELECT complaint_id, result_version FROM aduan.commands ORDER BY id DESC LIMIT 1"),
                  r.rowCount == 1, let id = r.int64(0, "complaint_id"), let v = r.int64(0, "result_version") else { return nil }
            return (id, Int(v))
        }

        var ok = 0, conflicts = 0, refused = 0
        let end = monotonic() + duration
        func stopping() -> Bool {
            if monotonic() >= end { return true }
            if let stopFile { return access(stopFile, F_OK) == 0 }
            return false
        }
        while !stopping() {
            do throws(StoreError) {
                let total = (try? conn.query("SELECT coalesce(max(id), 0) AS n FROM aduan.complaints").int64(0, "n")).flatMap { $0 } ?? 0
                var id = Int64.random(in: 1...min(hot, max(1, total)), using: &rng)
                if rng.chance(0.1) {
                    if total <= hot || rng.chance(0.3) {
                        do throws(StoreError) {
                            _ = try store.receive(planner.intake(rng: &rng), by: admin, at: wallClock())
                            guard let (newID, v) = lastCommand() else { writeLine(out, "error a done receive left no command row"); continue }
                            writeLine(out, "ok \(newID) \(v) receive \(admin.id)")
                            ok += 1
                        } catch .postgres(.noWriter) {
                            writeLine(out, "nowriter receive")
                            usleep(20_000)
                        }
                        continue
                    }
                    id = Int64.random(in: (hot + 1)...total, using: &rng)
                }
                guard let c = try store.complaint(id) else { writeLine(out, "error report #\(id) of \(total) is missing"); continue }
                let other = total > hot ? Int64.random(in: (hot + 1)...total, using: &rng) : nil
                guard let planned = planner.plan(for: c, allowTerminal: id > hot, otherID: other == id ? nil : other, rng: &rng) else { continue }
                let kind = planned.command.kind.rawValue
                sleepMilliseconds(Double.random(in: 0...thinkMs, using: &rng))
                do throws(StoreError) {
                    _ = try store.apply(planned.command, to: id, expectedVersion: c.version, by: planned.actor, at: wallClock())
                    guard let (doneID, v) = lastCommand(), doneID == id, v > c.version else {
                        writeLine(out, "error a done \(kind) on #\(id) left no matching command row")
                        continue
                    }
                    writeLine(out, "ok \(id) \(v) \(kind) \(planned.actor.id)")
                    ok += 1
                } catch .conflict(let cf) {
                    let report = OperatorMode.conflictReport(cf, id: id, kind: kind, decidedOn: c.version, office: office)
                    writeLine(out, report.line)
                    if report.real { conflicts += 1 }
                } catch .refused(let r) {
                    writeLine(out, "refused \(id) \(kind) \(refusalName(r))")
                    refused += 1
                } catch .postgres(.noWriter) {
                    writeLine(out, "nowriter \(kind)")
                    usleep(20_000)
                }
            } catch {
                writeLine(out, "error " + describe(error, office: office))
                usleep(20_000)
            }
        }
        writeLine(out, "end \(ok) \(conflicts) \(refused)")
        return 0
    }
}
