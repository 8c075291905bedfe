import AduanToolSupport
import Glibc

/// A child process started with posix_spawn: its own process group (so one SIGKILL reaches it
/// and anything it started), a clean signal mask, and optionally a pipe from its stdout.
final class Child {
    let pid: pid_t
    /// The read end of the child's stdout, or -1.
    private(set) var output: Int32
    private var pending: [UInt8] = []
    private(set) var status: Int32?

    enum Stdout {
        /// A pipe the parent reads line by line.
        case pipe
        /// A file (truncated first).
        case file(String)
    }

    /// Starts `program` with `args`. `stderr` names a file for its error output; `extraFD`
    /// hands one of our descriptors to the child as fd 3 (a lifeline: the parent's pipe stays
    /// open until every holder is dead). `newGroup` puts it in a process group of its own.
    init(program: String, args: [String], env: [String], stdout: Stdout, stderr: String,
         extraFD: Int32? = nil, newGroup: Bool) throws(StressError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var readEnd: Int32 = -1
        var writeEnd: Int32 = -1
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let fd = extraFD { posix_spawn_file_actions_adddup2(&actions, fd, 3) }
        switch stdout {
        case .pipe:
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw .environment("pipe: \(String(cString: strerror(errno)))") }
            // Close-on-exec, so no other child (an `aduan act` the writer starts) inherits it by accident.
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            readEnd = fds[0]
            writeEnd = fds[1]
            posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 1, path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_CREAT | O_TRUNC | O_WRONLY, 0o600)

        // Test runners block signals on their threads; a child starts with none blocked and every
        // handler at its default (before, only SIGPIPE, SIGINT and SIGTERM were reset).
        let (child, rc) = CleanSpawn.start([program] + args, environment: env, actions: &actions, newProcessGroup: newGroup)
        if writeEnd >= 0 { close(writeEnd) }
        guard rc == 0 else {
            if readEnd >= 0 { close(readEnd) }
            throw .environment("cannot start \(program): \(String(cString: strerror(rc)))")
        }
        pid = child
        output = readEnd
    }

    deinit {
        if output >= 0 { close(output) }
        if status == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
    }

    /// SIGKILL to the child's whole process group (it and everything it started).
    func killGroup() { kill(-pid, SIGKILL) }

    /// Waits for the child to end; the raw wait status.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var s: Int32 = 0
        while waitpid(pid, &s, 0) < 0 {
            if errno != EINTR { s = -1; break }
        }
        status = s
        return s
    }

    /// Non-blocking: the wait status if the child has ended.
    func poll() -> Int32? {
        if let status { return status }
        var s: Int32 = 0
        if waitpid(pid, &s, WNOHANG) == pid { status = s }
        return status
    }

    /// Reads what is available (waiting at most `timeoutMs`) and returns the complete lines;
    /// `eof` turns true once every writer of the pipe has closed it.
    func readLines(timeoutMs: Int32, eof: inout Bool) -> [String] {
        guard output >= 0 else { eof = true; return [] }
        var p = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        if Glibc.poll(&p, 1, timeoutMs) <= 0 { return [] }
        return readOnce(eof: &eof)
    }

    /// One read (call when poll said the pipe is ready): the complete lines it finished.
    func readOnce(eof: inout Bool) -> [String] {
        guard output >= 0 else { eof = true; return [] }
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        let n = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if n < 0 { if errno != EINTR && errno != EAGAIN { eof = true }; return [] }
        if n == 0 { eof = true; return [] }
        pending += buffer[0..<n]
        var lines: [String] = []
        while let nl = pending.firstIndex(of: 10) {
            lines.append(String(decoding: pending[..<nl], as: UTF8.self))
            pending.removeSubrange(...nl)
        }
        return lines
    }

    /// The descriptor to poll (with others) for output.
    var outputFD: Int32 { output }

    /// Bytes after the last newline: a line the child did not finish.
    var unfinishedLine: String { String(decoding: pending, as: UTF8.self) }
}

/// "exit 0", "exit 2", "killed by signal 9 (SIGKILL)", …
func describeStatus(_ s: Int32) -> String {
    if s == -1 { return "lost (waitpid failed)" }
    let signal = s & 0x7f
    if signal == 0 { return "exit \((s >> 8) & 0xff)" }
    let names: [Int32: String] = [SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGILL: "SIGILL",
                                  SIGTRAP: "SIGTRAP", SIGBUS: "SIGBUS", SIGTERM: "SIGTERM", SIGPIPE: "SIGPIPE"]
    return "killed by signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
}

func exitedNormally(_ s: Int32) -> Int32? { (s & 0x7f) == 0 ? (s >> 8) & 0xff : nil }

/// The environment for children: minimal and explicit, so the user's ADUAN_NOW, LANG or config
/// cannot change what the real binary does. ADUAN_BUSY_TIMEOUT_MS passes through on purpose.
func childEnvironment(home: String) -> [String] {
    var env = ["PATH=/usr/bin:/bin", "HOME=\(home)", "LANG=C.UTF-8", "XDG_CONFIG_HOME=\(home)/config",
               "XDG_DATA_HOME=\(home)/data"]
    if let p = getenv("ADUAN_BUSY_TIMEOUT_MS") { env.append("ADUAN_BUSY_TIMEOUT_MS=\(String(cString: p))") }
    return env
}

/// The path of this very program (to start its own hidden worker modes).
func selfExecutable() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func parentDirectoryOf(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
}

func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }
