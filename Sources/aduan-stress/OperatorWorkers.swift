import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// What the SQLite and PostgreSQL operators runs do alike with their operator processes: read
/// their report lines as they come, and hold each one's own totals against what it reported.
extension OperatorsRun {
    /// Reads every worker's report lines (`take`) until all have ended; past `seconds` + 120 s
    /// the ones still running are killed and that is a failure. `progress` words the progress
    /// line from the seconds left and the workers so far.
    static func collect(_ workers: inout [Worker], seconds: Int, started: Double,
                        fail: (String, [String]) -> Void, progress line: (Int, [Worker]) -> String) {
        let progress = Progress()
        let limit = started + Double(seconds) + 120
        var lastShown = 0.0
        while workers.contains(where: { !$0.eof }) {
            if monotonic() > limit {
                fail("the operator processes did not finish within \(seconds + 120) s; killed", [])
                for i in workers.indices where !workers[i].eof { workers[i].child.killGroup(); workers[i].eof = true }
                break
            }
            var fds = workers.map { pollfd(fd: $0.eof ? -1 : $0.child.outputFD, events: Int16(POLLIN), revents: 0) }
            if Glibc.poll(&fds, nfds_t(fds.count), 250) <= 0 { continue }
            for i in workers.indices where fds[i].revents != 0 {
                var eof = false
                let lines = workers[i].child.readOnce(eof: &eof)
                if eof { workers[i].eof = true }
                for line in lines { take(line, into: &workers[i]) }
            }
            let now = monotonic()
            if now - lastShown > 0.5 {
                lastShown = now
                progress.show(line(seconds - min(seconds, Int(now - started)), workers))
            }
        }
        progress.clear()
    }

    /// A worker's own closing totals (`end ok conflicts refused`) must match the lines it sent;
    /// a worker that never sent them crashed or was killed.
    static func checkTotals(of worker: Worker, name: String, fail: (String, [String]) -> Void) {
        if let end = worker.end {
            if end.ok != worker.committed.count || end.conflicts != worker.conflicts.count {
                fail("\(name) counted \(end.ok) committed and \(end.conflicts) conflicts but reported \(worker.committed.count) and \(worker.conflicts.count)", [])
            }
        } else {
            fail("\(name) never reported its totals (crashed or killed?)", [])
        }
    }

    /// What the workers reported against what the log holds: an action two operators both
    /// committed (a lost update), a committed action missing from the log or logged otherwise,
    /// and a conflict with no newer version behind it. Empty when they agree.
    static func disagreements(_ workers: [Worker], log: [EventKey: (kind: String, actor: String)]) -> [String] {
        var seen: [EventKey: Int] = [:]
        var wrong: [String] = []
        for (i, worker) in workers.enumerated() {
            for c in worker.committed {
                if let other = seen[c.key] {
                    wrong.append("#\(c.key.complaint) version \(c.key.version) committed by operator \(other + 1) and by operator \(i + 1): a lost update")
                }
                seen[c.key] = i
                guard let e = log[c.key] else {
                    wrong.append("#\(c.key.complaint) version \(c.key.version) (\(c.kind) by \(c.actor)) reported committed, not in the log")
                    continue
                }
                if e.kind != c.kind || e.actor != c.actor {
                    wrong.append("#\(c.key.complaint) version \(c.key.version): operator \(i + 1) committed \(c.kind) by \(c.actor), the log holds \(e.kind) by \(e.actor)")
                }
            }
            for c in worker.conflicts where log[EventKey(complaint: c.key.complaint, version: c.key.version + 1)] == nil {
                wrong.append("#\(c.key.complaint): operator \(i + 1) was refused a conflict at version \(c.key.version), but no version \(c.key.version + 1) exists")
            }
        }
        return wrong
    }
}
