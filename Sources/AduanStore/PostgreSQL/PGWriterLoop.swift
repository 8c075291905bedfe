import AduanCore
import Glibc

/// The store's writer as a long-running process (`aduan serve`): it holds the writer lock shared
/// (so operators' commands are only queued while a writer runs; several writers may run), settles
/// commands as they come, and comes back after a lost connection (a restarted server, a
/// terminated backend): a command in flight was rolled back and is settled again after.
public enum PGWriterLoop {
    /// What the loop tells its caller.
    public enum Event {
        case serving
        case lostConnection(detail: String, retryIn: Int)
        case reconnected
    }

    /// Runs until `shouldStop` says so (checked at least every second) or a refusal that
    /// reconnecting cannot cure (no store, a newer schema) is thrown.
    /// `operators` is read at each (re)connection from the store's office.
    /// Every `autoCloseEvery` seconds it also closes the reports whose auto-close time passed by
    /// the server's clock (`PGStore.autoCloseDue`, an event per report), as a cron'd
    /// `aduan auto-close` does for a SQLite store, `autoCloseBatch` at a time with the queue
    /// served between batches. In the same turn it records the warnings and escalations due
    /// (`PGStore.recordEscalationsDue`), reading over an index at most `escalationScan` of the reports
    /// whose next mark's time has passed per turn and going on from there at the next turn until
    /// the pass is done (a pass with nothing due is one statement).
    /// `office` reads the office the store keeps (its rules and operators) at each (re)connection
    /// and whenever its version changes (an `office apply` the writer settled, or the owner's).
    public static func run(conninfo: String, office: @escaping (PGConnection) throws -> (context: WorkflowContext, operators: [Actor]),
                           autoCloseEvery: Double = 60, autoCloseBatch: Int = 5, escalationScan: Int = 25,
                           say: (Event) -> Void, shouldStop: () -> Bool = { false }) throws(StoreError) {
        var lost = false
        var delay = 1
        while !shouldStop() {
            do {
                let conn = try PGConnection(parameters: [("dbname", conninfo), ("application_name", "aduan serve")])
                var (context, actors) = try office(conn)
                var store: PGStore
                do { store = try PGStore(conn, context: context) } catch {
                    switch error {
                    case .newerSchema(let found, let known): throw StoreError.postgres(.newerSchema(found: found, known: known))
                    case .foreignSchema(let reason): throw StoreError.postgres(.foreignSchema(reason: reason))
                    case .noStore: throw StoreError.postgres(.noStore(location: conninfo))
                    case .database(let e): throw e
                    }
                }
                try conn.query("SELECT pg_advisory_lock_shared($1)", [.int(PGOperatorStore.writerLockKey)])
                var officeVersion = try store.officeVersion()
                say(lost ? .reconnected : .serving)
                lost = false
                delay = 1
                var nextSweep = PGConnection.monotonicSeconds()
                var escalationCursor: PGEscalationCursor?
                while !shouldStop() {
                    // Operators' commands are settled between batches of auto-closes: after a large
                    // import thousands may fall due at once, and an operator must not wait for them
                    // all (at 1,000,000 reports one unbatched sweep held a note for over 10 s).
                    var more = false
                    if PGConnection.monotonicSeconds() >= nextSweep {
                        more = try store.autoCloseDue(limit: autoCloseBatch) >= autoCloseBatch
                        // Warnings and escalations by the same rule: a few reports recorded and a
                        // bounded number read per turn, the pass going on from where it stopped.
                        let esc = try store.recordEscalationsDue(limit: autoCloseBatch, scan: escalationScan, after: escalationCursor)
                        escalationCursor = esc.next
                        more = more || esc.next != nil
                        nextSweep = PGConnection.monotonicSeconds() + (more ? 0 : autoCloseEvery)
                    }
                    // An office change's deadlines, a page per turn (PGOfficeRecompute.swift).
                    if try store.continueRecompute(officeVersion: officeVersion) { more = true }
                    try store.serve(operators: actors, seconds: more ? 0.01 : 1)
                    if try store.officeVersion() != officeVersion {
                        // The office changed: its operators, calendar and rules from now on.
                        (context, actors) = try office(conn)
                        store = try PGStore(conn, context: context)
                        officeVersion = try store.officeVersion()
                    }
                }
                return
            } catch let e as StoreError {
                throw e
            } catch {
                let detail = (error as? PostgresError)?.message ?? "\(error)"
                say(.lostConnection(detail: detail, retryIn: delay))
                lost = true
                var t = timespec(tv_sec: delay, tv_nsec: 0)
                nanosleep(&t, nil)
                delay = min(delay * 2, 30)
            }
        }
    }
}
