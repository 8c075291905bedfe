import AduanToolSupport
import Glibc

/// The few pseudo-terminal calls Swift's Glibc module leaves out (they sit behind _XOPEN_SOURCE),
/// looked up once in the C library that is already loaded.
enum PTYCalls {
    typealias IntCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func symbol<T>(_ name: String, as: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let p = dlsym(handle, name) else { return nil }
        return unsafeBitCast(p, to: T.self)
    }

    /// Opens a master and returns it with the slave's path.
    static func open() -> (master: Int32, slave: String)? {
        guard let openpt = symbol("posix_openpt", as: IntCall.self), let grant = symbol("grantpt", as: IntCall.self),
              let unlock = symbol("unlockpt", as: IntCall.self), let name = symbol("ptsname", as: NameCall.self) else { return nil }
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        guard grant(master) == 0, unlock(master) == 0, let slave = name(master) else { close(master); return nil }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        return (master, String(cString: slave))
    }
}

/// One run of the screen (`aduan` with no command) in a pseudo-terminal: the benchmark plays the
/// operator, sends keys one at a time and drains everything the screen draws, so the screen never
/// blocks on a full terminal.
final class ScreenProcess {
    let pid: pid_t
    let master: Int32
    let slave: Int32
    let startedAt: Double
    private(set) var exited = false
    private(set) var exitStatus: Int32 = 0
    private(set) var usage = rusage()
    /// The last bytes drawn, to show when something goes wrong.
    private var tail: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    /// Keys after which nothing was drawn within the timeout.
    private(set) var silentKeys = 0

    /// Starts `argv` under a new pseudo-terminal of `columns`×`rows`.
    init?(_ argv: [String], env: [String], columns: UInt16 = 120, rows: UInt16 = 40) {
        guard let (master, slavePath) = PTYCalls.open() else { return nil }
        // The size is set before the program starts, so its first frame is already 120×40.
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        // We hold the slave open too, so reading the master never fails with EIO while the
        // program starts or after it exits; we learn of its end from waitpid.
        let slave = Glibc.open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { close(master); return nil }
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        // The clock the screen stamps its first frame with: comparable across processes.
        let t0 = sharedMonotonic()
        guard let pid = Spawn.start(argv, env: env, stdin: .path(slavePath, O_RDWR), stdout: .fd(0), stderr: .fd(0), newSession: true) else {
            close(master); close(slave)
            return nil
        }
        self.pid = pid
        self.master = master
        self.slave = slave
        startedAt = t0
    }

    deinit {
        if !exited {
            kill(pid, SIGKILL)
            reap(block: true)
        }
        close(master)
        close(slave)
    }

    var lastOutput: String {
        // Escape sequences make the raw tail unreadable; keep printable ASCII and spaces.
        let text = String(decoding: tail, as: UTF8.self)
        var out = ""
        var inEscape = false
        for u in text.unicodeScalars {
            if u == "\u{1B}" { inEscape = true; continue }
            if inEscape { if (u.value >= 0x40 && u.value <= 0x7E && u != "[") { inEscape = false }; continue }
            if u.value >= 0x20 { out.unicodeScalars.append(u) } else if !out.hasSuffix(" ") { out += " " }
        }
        return String(out.suffix(300))
    }

    /// Reads whatever is waiting; true when something was read.
    private func drain() -> Bool {
        var any = false
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                any = true
                tail += buffer[0..<n]
                if tail.count > 8192 { tail.removeFirst(tail.count - 4096) }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            return any
        }
    }

    private func reap(block: Bool) {
        guard !exited else { return }
        var status: Int32 = 0
        var ru = rusage()
        let r = wait4(pid, &status, block ? 0 : WNOHANG, &ru)
        if r == pid {
            exited = true
            exitStatus = Spawn.code(status)
            usage = ru
        }
    }

    /// Drains output until the screen has drawn something, stayed quiet for `quiet` seconds and
    /// is asleep again, or until `timeout` passes with nothing drawn. True when something was drawn.
    @discardableResult
    func settle(timeout: Double, quiet: Double = 0.001) -> Bool {
        let deadline = monotonic() + timeout
        var seen = false
        var lastOutput = monotonic()
        while true {
            reap(block: false)
            let now = monotonic()
            let waitUntil = seen ? lastOutput + quiet : deadline
            if now >= waitUntil || (exited && !seen) {
                // Quiet is not enough on a busy machine: a screen preempted in the middle of a
                // frame is quiet too. Done only when its main thread sleeps (waiting for a key).
                if seen && !exited && isRunning() && now < deadline {
                    lastOutput = now
                    continue
                }
                return seen
            }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            // poll counts whole milliseconds; round up so a 3 ms quiet is at least 3 ms.
            let ms = Int32(max(1, ((waitUntil - now) * 1000).rounded(.up)))
            let r = poll(&p, 1, exited ? 0 : min(ms, 100))
            if r > 0 && drain() {
                seen = true
                lastOutput = monotonic()
            } else if exited {
                return seen
            }
        }
    }

    /// True while the screen's main thread is running or in uninterruptible I/O (state R or D in
    /// /proc/PID/stat), i.e. not yet back waiting for the next key.
    func isRunning() -> Bool {
        guard let stat = FileSystem.readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmed.first
        return state == "R" || state == "D"
    }

    /// Sends bytes as if typed.
    func type(_ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count && !exited {
            let n = bytes[done...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n > 0 { done += n; continue }
            if n < 0 && (errno == EINTR) { continue }
            // The terminal's input queue is full: let the screen read and draw, then go on.
            settle(timeout: 0.05)
        }
    }

    func type(_ text: String) { type(Array(text.utf8)) }

    /// One key, then wait for its frame. Keys are sent one at a time so the screen records each
    /// one separately (it folds keys that arrive while it works into one frame).
    @discardableResult
    func key(_ bytes: [UInt8], timeout: Double = 15) -> Bool {
        type(bytes)
        let drew = settle(timeout: timeout)
        if !drew { silentKeys += 1 }
        return drew
    }

    @discardableResult
    func key(_ text: String, timeout: Double = 15) -> Bool { key(Array(text.utf8), timeout: timeout) }

    /// The screen's peak resident set so far (VmHWM), in bytes.
    func peakResident() -> Double? {
        guard let status = FileSystem.readText("/proc/\(pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            if let kib = Double(String(digits)) { return kib * 1024 }
        }
        return nil
    }

    /// Sends `quitKey` and waits for the program to end (killing it after `timeout`). True on a clean exit.
    func quit(_ quitKey: String = "Q", timeout: Double = 30) -> Bool {
        type(quitKey)
        let deadline = monotonic() + timeout
        while !exited && monotonic() < deadline { settle(timeout: 0.1) }
        if !exited {
            kill(pid, SIGTERM)
            let grace = monotonic() + 2
            while !exited && monotonic() < grace { settle(timeout: 0.1) }
            if !exited { kill(pid, SIGKILL); reap(block: true) }
            return false
        }
        _ = drain()
        return exitStatus == 0
    }

    /// Peak resident set the kernel reported at exit (ru_maxrss, KiB), in bytes.
    var maxResidentAtExit: Double? { exited ? Double(usage.ru_maxrss) * 1024 : nil }
}
