import AduanCore
import AduanStore

/// One event as the checks identify it: report and version (unique in the log).
struct EventKey: Hashable {
    var complaint: Int64
    var version: Int
}

/// What the events table holds, read in one pass: kind and actor of every (report, version).
struct EventIndex {
    var events: [EventKey: (kind: String, actor: String)] = [:]
    var count: Int { events.count }

    static func load(_ store: ComplaintStore) throws(StoreError) -> EventIndex {
        var index = EventIndex()
        do throws(SQLiteError) {
            let s = try store.db.prepareOnce("SELECT complaint_id, version, kind, actor_id FROM events")
            while try s.step() {
                index.events[EventKey(complaint: s.int64(0), version: s.int(1))] = (s.text(2), s.text(3))
            }
        } catch {
            throw .sqlite(path: store.path, error)
        }
        return index
    }

    subscript(_ key: EventKey) -> (kind: String, actor: String)? { events[key] }
}

/// Runs the real `aduan verify` on the store: exit 0 and "OK" when the store is intact.
func runAduanVerify(binary: String, store: String, configFile: String, scratch: String) -> String? {
    let out = scratch + "/verify.out", err = scratch + "/verify.err"
    do {
        let child = try Child(program: binary, args: ["verify", "--store", store, "--config", configFile, "--lang", "en"],
                              env: childEnvironment(home: scratch), stdout: .file(out), stderr: err, newGroup: false)
        let status = child.wait()
        let stdout = String(decoding: readWholeFile(out), as: UTF8.self)
        if exitedNormally(status) == 0 && stdout.hasPrefix("OK") { return nil }
        let stderr = String(decoding: readWholeFile(err), as: UTF8.self)
        return "aduan verify: \(describeStatus(status)): \(stdout.isEmpty ? firstLine(stderr) : stdout)"
    } catch {
        return "aduan verify: \(error.message)"
    }
}

/// Verify problems, one per line, for the failure report.
func describeProblems(_ report: VerifyReport, limit: Int = 20) -> [String] {
    var lines = report.problems.prefix(limit).map { "verify \($0.kind.rawValue): \($0.description)" }
    if report.problems.count > limit { lines.append("… and \(report.problems.count - limit) more") }
    if !report.affectedComplaints.isEmpty {
        lines.append("complaints affected: " + report.affectedComplaints.prefix(30).map { "#\($0)" }.joined(separator: ", "))
    }
    return lines
}

/// Failed checks and the lines that explain them, printed after the figures.
final class Failures {
    private(set) var count = 0
    private(set) var details: [String] = []

    func fail(_ headline: String, _ more: [String] = []) {
        count += 1
        details.append(headline)
        details += more.prefix(30).map { "  " + $0 }
    }

    var none: Bool { count == 0 }

    func print(to fd: Int32) {
        for line in details { writeLine(fd, (line.hasPrefix(" ") ? "   " : "FAILURE: ") + line) }
    }
}
