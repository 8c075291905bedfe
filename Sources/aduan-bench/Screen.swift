import AduanToolSupport
import Glibc

/// What one screen session left: its profile and its peak memory.
struct SessionResult {
    var profile = Profile()
    /// VmHWM read from /proc just before quitting.
    var peakResident: Double?
    /// ru_maxrss from wait4, as a check.
    var maxResident: Double?
    /// How many keys of each phase were sent (phase name → count).
    var sent: [String: Int] = [:]
    /// VmHWM after each phase, in bytes: which kind of key makes the memory grow.
    var memoryAfter: [(phase: String, bytes: Double)] = []
    var problem: String?
}

/// Runs the screen under a pseudo-terminal and plays the operator.
struct ScreenDriver {
    let bench: BenchEnvironment
    let operatorID: String
    /// The screen's environment (default the bench's; on PostgreSQL without ADUAN_NOW, with libpq's variables).
    var environment: [String]?

    init(bench: BenchEnvironment, operatorID: String, environment: [String]? = nil) {
        self.bench = bench
        self.operatorID = operatorID
        self.environment = environment
    }

    func start(store: String, profile: String) -> ScreenProcess? {
        unlink(profile)
        let argv = [bench.aduan, "--store", store, "--as", operatorID]
        return ScreenProcess(argv, env: (environment ?? bench.baseEnvironment) + ["TERM=xterm-256color", "ADUAN_PROFILE=\(profile)"])
    }

    /// Cold start: from just before spawning to the first complete inbox frame, as the screen
    /// stamps it with CLOCK_MONOTONIC; `runs` fresh processes. Milliseconds.
    func coldStarts(store: String, runs: Int) -> (samples: [Double], problem: String?) {
        let profilePath = bench.scratch("cold.profile")
        var samples: [Double] = []
        for run in 1...runs {
            Log.progress("cold start \(run)/\(runs)")
            guard let screen = start(store: store, profile: profilePath) else { return (samples, "could not start the screen") }
            // The first frame is out once the screen has drawn and gone quiet.
            let drew = screen.settle(timeout: 120, quiet: 0.1)
            let clean = screen.quit()
            guard drew, clean, let text = FileSystem.readText(profilePath), let first = Profile.parse(text).firstFrame else {
                return (samples, "the screen did not draw or exit cleanly (exit \(screen.exitStatus)): \(screen.lastOutput)")
            }
            samples.append((first - screen.startedAt) * 1000)
        }
        unlink(profilePath)
        return (samples, nil)
    }

    /// Runs `body` in one screen session and collects the profile and memory.
    func session(store: String, name: String, _ body: (ScreenProcess, inout SessionResult) -> Void) -> SessionResult {
        var result = SessionResult()
        let profilePath = bench.scratch("\(name).profile")
        guard let screen = start(store: store, profile: profilePath) else {
            result.problem = "could not start the screen"
            return result
        }
        guard screen.settle(timeout: 120, quiet: 0.1) else {
            result.problem = "the screen drew nothing (exit \(screen.exitStatus)): \(screen.lastOutput)"
            return result
        }
        body(screen, &result)
        result.peakResident = screen.peakResident()
        let clean = screen.quit()
        result.maxResident = screen.maxResidentAtExit
        if !clean { result.problem = "the screen did not exit cleanly (exit \(screen.exitStatus)): \(screen.lastOutput)" }
        if screen.silentKeys > 0 { Log.warn("\(name): \(screen.silentKeys) key(s) drew nothing within the timeout") }
        if let text = FileSystem.readText(profilePath) {
            result.profile = Profile.parse(text)
        } else if result.problem == nil {
            result.problem = "the screen wrote no profile to \(profilePath)"
        }
        unlink(profilePath)
        return result
    }
}

/// Repeats a step until `count` steps are done or `budget` seconds have passed; returns the steps done.
@discardableResult
func repeatSteps(_ label: String, count: Int, budget: Double, _ step: (Int) -> Void) -> Int {
    let started = monotonic()
    var i = 0
    while i < count && monotonic() - started < budget {
        if i % 50 == 0 { Log.progress("\(label) \(i)/\(count)") }
        step(i)
        i += 1
    }
    if i < count { Log.warn("\(label): stopped after \(i) of \(count) (the --budget of \(Int(budget)) s ran out)") }
    return i
}

/// The key script of the main session, kind by kind. Each key waits for its frame (see `ScreenProcess.key`).
struct KeyScript {
    let keys: Int
    let budget: Double
    /// Rows in the operator's list, roughly; the walks turn back before its end, so every key moves something.
    let listRows: Int
    let rareWord: String
    let commonWord: String

    func run(_ s: ScreenProcess, _ r: inout SessionResult) {
        func phase(_ name: String, _ title: String, _ step: (Int) -> Void) {
            r.sent[name] = repeatSteps(title, count: keys, budget: budget, step)
            if let hwm = s.peakResident() { r.memoryAfter.append((name, hwm)) }
        }
        // Moves: down a stretch, back up, so pages load on the way down as the operator scrolls.
        let stretch = max(1, min(250, listRows - 2))
        phase("move", "move") { i in s.key((i / stretch) % 2 == 0 ? Keys.down : Keys.up) }
        let pages = max(1, min(20, listRows / 35 - 1))
        phase("page", "page") { i in s.key((i / pages) % 2 == 0 ? Keys.pageDown : Keys.pageUp) }
        phase("last", "End/Home") { _ in
            s.key(Keys.end)
            s.key(Keys.home)
        }
        phase("open", "open/back") { _ in
            s.key(Keys.enter)
            s.key(Keys.back)
        }
        phase("view3", "Deadlines") { _ in
            s.key(Keys.deadlines)
            s.key(Keys.inbox)
        }
        phase("view4", "Dashboard") { _ in
            s.key(Keys.dashboard)
            s.key(Keys.inbox)
        }
        // Filters: two common ones in turn; `q` clears the filter again.
        let filters = ["status:proses", "terlambat"]
        phase("limit-apply", "filter") { i in
            s.key(Keys.limit)
            s.key(filters[i % filters.count])
            s.key(Keys.enter, timeout: 120)
            s.key(Keys.back)
        }
        phase("search-selective", "selective search") { _ in search(s, rareWord) }
        phase("search-broad", "broad search") { _ in search(s, commonWord) }
    }

    /// `/`, the word, Enter (the measured key: find the first match in list order), then `q` to clear.
    func search(_ s: ScreenProcess, _ word: String) {
        s.key(Keys.search)
        s.key(word)
        s.key(Keys.enter, timeout: 120)
        s.key(Keys.back)
    }

    /// Internal notes through the note dialog on the selected report: `m`, text, Ctrl-S (measured:
    /// the store's transaction and the repainted list).
    static func notes(_ s: ScreenProcess, count: Int, budget: Double) -> Int {
        repeatSteps("note", count: count, budget: budget) { i in
            s.key(Keys.note)
            s.key("Catatan uji kinerja \(i + 1): berkas sudah dicek.")
            s.key(Keys.save, timeout: 60)
        }
    }
}
