import AduanCore
import AduanStore
import Glibc

/// The process's view of the world: environment, clock, terminal, files. Everything the core
/// must not touch lives here, behind small functions tests can override with environment variables.
public enum Platform {
    public static func env(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// Now, or the frozen moment in `ADUAN_NOW` (ISO 8601 with offset) for training and tests.
    public static func now(_ language: Language? = nil) throws(CLIError) -> Timestamp {
        if let frozen = env("ADUAN_NOW") {
            switch Timestamp.parseISO8601(frozen) {
            case .success(let t): return t
            case .failure:
                throw .usage(AduanCore.strings(language ?? Platform.language(flag: nil, config: nil)).command(.badFrozenClock(frozen)))
            }
        }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(seconds: Int64(ts.tv_sec))
    }

    /// The login: the Unix account running the program (its real uid's name in the passwd
    /// database; never `$USER`, which anyone can set). "uid N" when the uid has no name, which
    /// no operator can be bound to.
    public static func login() -> String {
        let uid = getuid()
        guard let pw = getpwuid(uid), let name = pw.pointee.pw_name else { return "uid \(uid)" }
        let s = String(cString: name)
        return s.isEmpty ? "uid \(uid)" : s
    }

    /// Monotonic seconds, for rates and latency.
    public static func monotonic() -> Double {
        (ContinuousClock.now - processStart).secondsValue
    }

    /// Where `monotonic()` counts from: only differences mean anything.
    private static let processStart = ContinuousClock.now

    public static var home: String { env("HOME") ?? (getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } } ?? "/tmp") }

    /// `$XDG_DATA_HOME/aduan` or `~/.local/share/aduan`.
    public static var dataDirectory: String {
        (env("XDG_DATA_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share") + "/aduan"
    }

    /// `$XDG_CONFIG_HOME/aduan` or `~/.config/aduan`.
    public static var configDirectory: String {
        (env("XDG_CONFIG_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config") + "/aduan"
    }

    public static var defaultStorePath: String { dataDirectory + "/aduan.db" }
    public static var demoStorePath: String { dataDirectory + "/demo.db" }
    public static var defaultConfigPath: String { configDirectory + "/config.json" }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// True when colour is off: `NO_COLOR` set to anything (https://no-color.org).
    public static var noColor: Bool { getenv("NO_COLOR") != nil && String(cString: getenv("NO_COLOR")).isEmpty == false }

    /// The language from `--lang`, then the config, then `LC_ALL`/`LC_MESSAGES`/`LANG`, then Indonesian.
    public static func language(flag: String?, config: Language?) -> Language {
        if let l = Language.from(flag) { return l }
        if let c = config { return c }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env(name) { return Language.from(v) ?? .id }
        }
        return .id
    }
}

/// Files, read and written with plain POSIX calls.
public enum Files {
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// True when both paths name the same existing file (device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// True when the file starts with SQLite's header.
    public static func isSQLite(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = header.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 16) }
        return n == 16 && header == Array("SQLite format 3\u{0}".utf8)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file, or a reason ("No such file or directory").
    public static func read(_ path: String, limit: Int = 4 << 30) -> Result<[UInt8], FileReadError> {
        let fd = path == "-" ? dup(0) : open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(FileReadError(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadError("it is a folder")) }
        var out: [UInt8] = []
        if st.st_size > 0 { out.reserveCapacity(Int(st.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { return .failure(FileReadError("larger than \(limit / (1 << 20)) MiB")) }
        }
        return .success(out)
    }

    public static func readText(_ path: String) -> Result<String, FileReadError> {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) -> Bool {
        if isDirectory(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            if !makeDirectories(String(path[..<slash]), mode: mode) { return false }
        }
        return mkdir(path, mode) == 0 || errno == EEXIST
    }
}

/// A sink for output text with a large buffer: a million `list` lines must not cost a million writes.
public final class OutputStream {
    let fd: Int32
    var buffer: [UInt8] = []
    public private(set) var failed: String?

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    /// Opens a file for writing: a new temporary file in the target folder (unpredictable name,
    /// O_CREAT|O_EXCL|O_NOFOLLOW, 0600, see `SafeFile`), renamed over `path` only after success.
    public static func file(_ path: String) -> Result<(OutputStream, commit: () -> String?), FileReadError> {
        let fd: Int32, temp: String
        switch SafeFile.createTemporary(beside: path) {
        case .success(let t): (fd, temp) = t
        case .failure(let e): return .failure(FileReadError(e.reason))
        }
        let stream = OutputStream(fd: fd)
        return .success((stream, {
            stream.flush()
            if let f = stream.failed { close(fd); unlink(temp); return f }
            if fsync(fd) != 0 || close(fd) != 0 { unlink(temp); return String(cString: strerror(errno)) }
            return SafeFile.replace(path, with: temp)?.reason
        }))
    }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func line(_ s: String) { write(s); write("\n") }

    public func flush() {
        var offset = 0
        while offset < buffer.count && failed == nil {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                // A closed pipe (`aduan list | head`) is not an error worth a message.
                failed = errno == EPIPE ? "" : String(cString: strerror(errno))
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Progress with a rate on a terminal's stderr; silent when stderr is not a terminal.
/// With ADUAN_TRACE set, how long each phase of a long command took, on stderr, for tuning
/// (`trace: import check 3.41 s`). Silent otherwise.
final class PhaseTrace {
    private let command: String
    private let err: OutputStream?
    private var mark: Double

    init(_ command: String, err: OutputStream, since start: Double = Platform.monotonic()) {
        self.command = command
        self.err = Platform.env("ADUAN_TRACE") != nil ? err : nil
        mark = start
    }

    /// Prints the time since the last lap as the phase `finished` ("" prints nothing) and starts the next.
    func lap(_ finished: String) {
        let now = Platform.monotonic()
        if let err, !finished.isEmpty {
            err.line("trace: \(command) \(finished) \(NumberFormat.decimal(now - mark, fractionDigits: 2, .en)) s")
            err.flush()
        }
        mark = now
    }
}

public final class Progress {
    let label: String
    let total: Int?
    let enabled: Bool
    /// The session's language: its digit grouping, decimal mark and "per second".
    let language: Language
    let start = Platform.monotonic()
    var lastDraw = 0.0

    public init(_ label: String, total: Int?, language: Language, enabled: Bool = Platform.isTerminal(2)) {
        self.label = label
        self.total = total
        self.language = language
        self.enabled = enabled
    }

    public func update(_ done: Int, unit: String = "") {
        guard enabled else { return }
        let now = Platform.monotonic()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        draw(done, unit: unit, final: false)
    }

    public func finish(_ done: Int, unit: String = "") {
        guard enabled else { return }
        draw(done, unit: unit, final: true)
    }

    func draw(_ done: Int, unit: String, final: Bool) {
        let elapsed = max(0.001, Platform.monotonic() - start)
        let rate = Int(Double(done) / elapsed)
        let t = strings(language)
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        var text = "\r\u{1B}[K\(label): \(n(done))"
        if let total, total > 0 {
            let pct = min(100, done * 100 / total)
            let width = 20
            let filled = min(width, done * width / total)
            text += "/\(n(total)) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(pct)%"
        }
        text += "  \(n(rate))" + (unit.isEmpty ? "" : " " + unit) + t.notice(.perSecond)
        if final { text += "  " + NumberFormat.decimal(elapsed, fractionDigits: 1, language) + " " + t.notice(.secondsUnit) + "\n" }
        let out = OutputStream(fd: 2)
        out.write(text)
        out.flush()
    }
}
