import AduanCore
import AduanStore
import Glibc

/// The folder a run works in: the store, the config file for `aduan --config`, the children's
/// error output. A folder the run created itself is removed after a passing run; after a
/// failure it is kept for inspection.
struct Workspace {
    let dir: String
    var store: String { dir + "/aduan.db" }
    var configFile: String { dir + "/office.json" }
    let created: Bool

    static func make(_ requested: String?, mode: String) throws(StressError) -> Workspace {
        let dir: String
        if let requested {
            var st = stat()
            if stat(requested, &st) != 0 {
                guard mkdir(requested, 0o700) == 0 else { throw .environment("\(requested): cannot create: \(String(cString: strerror(errno)))") }
            } else if (st.st_mode & S_IFMT) != S_IFDIR {
                throw .environment("\(requested): not a folder")
            }
            if stat(requested + "/aduan.db", &st) == 0 {
                throw .environment("\(requested)/aduan.db exists already; give an empty folder (a run never reuses a store)")
            }
            dir = requested
        } else {
            let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            var template = Array("\(base)/aduan-stress-\(mode)-XXXXXX".utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw .environment("cannot create a folder under \(base): \(String(cString: strerror(errno)))")
            }
            dir = String(cString: made)
        }
        let w = Workspace(dir: dir, created: requested == nil)
        try Office.writeConfig(to: w.configFile)
        return w
    }

    func remove() {
        if created { removeTree(dir) }
    }
}

/// rm -rf without a shell.
func removeTree(_ path: String) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR, let d = opendir(path) {
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { removeTree(path + "/" + name) }
        }
        closedir(d)
        rmdir(path)
    } else {
        unlink(path)
    }
}

/// Fills a new store with `complaints` reports moved along by `actions` random valid actions,
/// so the runs start from a working office rather than an empty inbox.
func seedStore(_ w: Workspace, office: Office, complaints: Int, actions: Int, rng: inout StressRandom) throws(StressError) {
    let planner = Planner(office: office)
    let admin = office.operatorNamed("admin") ?? office.operators[0]
    do throws(StoreError) {
        let store = try ComplaintStore.open(path: w.store, context: office.context, create: true)
        for _ in 0..<complaints { try store.receive(planner.intake(rng: &rng), by: admin, at: wallClock()) }
        guard complaints > 0 else { return }
        for _ in 0..<actions {
            let id = Int64.random(in: 1...Int64(complaints), using: &rng)
            guard let c = try store.complaint(id),
                  let p = planner.plan(for: c, allowTerminal: false, otherID: nil, rng: &rng) else { continue }
            do throws(StoreError) {
                try store.apply(p.command, to: id, expectedVersion: c.version, by: p.actor, at: wallClock())
            } catch .refused {
                continue
            }
        }
    } catch {
        throw .environment("\(w.store): setting up the store failed: \(describe(error, office: office))")
    }
}

/// A one-line status on stderr, only when stderr is a terminal (logs and pipes stay clean).
struct Progress {
    let enabled = isatty(2) == 1

    func show(_ text: String) {
        guard enabled else { return }
        writeText(2, "\r\u{1B}[K" + text)
    }

    func clear() {
        guard enabled else { return }
        writeText(2, "\r\u{1B}[K")
    }
}

func grouped(_ n: Int) -> String { NumberFormat.grouped(n, .en) }

func seconds(_ s: Double) -> String { NumberFormat.decimal(s, fractionDigits: 1, .en) }
