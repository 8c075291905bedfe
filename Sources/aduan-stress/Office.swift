import AduanCore
import Glibc

/// The office every stress run works in: Aduan's built-in example configuration (the fictional
/// Kabupaten Sukamaju), so the in-process writers and the real `aduan` binary (given the same
/// file with --config) decide under exactly the same rules, units and operators.
struct Office {
    let config: OfficeConfig
    var context: WorkflowContext { config.context }
    var operators: [Actor] { config.operators }

    static func builtIn() throws(StressError) -> Office {
        switch OfficeConfig.parse(BuiltInConfig.json, file: "(built-in config)") {
        case .success(let c): return Office(config: c)
        case .failure(let e): throw .environment("the built-in config does not parse: \(e.all.map(\.description).joined(separator: "; "))")
        }
    }

    /// Writes the built-in config next to the store, for `aduan --config`: a config file in the
    /// user's home would otherwise change what the real binary allows. The account running the
    /// stress run is bound to every operator (one login, many hats), so the real binary lets it
    /// act `--as` each of them on these office stores (issue 13).
    static func writeConfig(to path: String) throws(StressError) {
        let marker = "\"logins\": ["
        let bound = BuiltInConfig.json.split(separator: marker, omittingEmptySubsequences: false)
            .joined(separator: marker + "\"" + runnerLogin() + "\", ")
        try writeWholeFile(path, Array(bound.utf8))
    }

    /// The Unix account running this program, as `aduan` sees it.
    static func runnerLogin() -> String {
        guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "root" }
        return String(cString: name)
    }

    func operatorNamed(_ id: String) -> Actor? { operators.first { $0.id == id } }
}

/// Wall-clock now, as the store records it.
func wallClock() -> Timestamp {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Timestamp(seconds: Int64(ts.tv_sec))
}


func sleepMilliseconds(_ ms: Double) {
    guard ms > 0 else { return }
    usleep(UInt32(ms * 1000))
}

/// Something that stops a run before any check: bad arguments, a missing binary, no disk.
enum StressError: Error {
    case usage(String)
    case environment(String)

    var message: String {
        switch self {
        case .usage(let m), .environment(let m): m
        }
    }
}

func writeWholeFile(_ path: String, _ bytes: [UInt8]) throws(StressError) {
    let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .environment("\(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw .environment("\(path): \(String(cString: strerror(errno)))") }
        offset += n
    }
}

func readWholeFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 14)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

/// Writes one line to a file descriptor in a single write(2): on a pipe a write this small is
/// atomic, so the reader sees a whole line or nothing, even if the writer is killed right after.
func writeLine(_ fd: Int32, _ line: String) { writeText(fd, line + "\n") }

func writeText(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}
