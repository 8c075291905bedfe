import AduanToolSupport
import Glibc

/// A finished command: exit status (128+signal when killed), wall time, and what it printed.
struct Finished {
    var status: Int32
    var seconds: Double
    var output: String

    var ok: Bool { status == 0 }

    /// The last lines of output, for an error message.
    var tail: String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true).suffix(4)
        return lines.joined(separator: " | ")
    }
}

/// Spawns a program with a clean environment and the given standard streams.
enum Spawn {
    /// Starts `argv` and returns its pid (nil when it could not start). The streams are set up in
    /// order 0, 1, 2 in the child, so `.fd(1)` for stderr means "wherever stdout now goes".
    static func start(_ argv: [String], env: [String], stdin: StreamSource, stdout: StreamSource, stderr: StreamSource,
                      newSession: Bool = false) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, source) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch source {
            case .path(let p, let flags): posix_spawn_file_actions_addopen(&actions, fd, p, flags, 0o644)
            case .fd(let ours): posix_spawn_file_actions_adddup2(&actions, ours, fd)
            }
        }
        let (pid, rc) = CleanSpawn.start(argv, environment: env, actions: &actions, newSession: newSession)
        return rc == 0 ? pid : nil
    }

    /// Exit code, or 128+signal.
    static func code(_ status: Int32) -> Int32 { CleanSpawn.exitCode(status) }

    /// Runs a command to its end. stdout goes to `stdoutPath` (or, with stderr, to a log that is returned).
    static func run(_ argv: [String], env: [String], stdinPath: String = "/dev/null", stdoutPath: String? = nil, log: String) -> Finished {
        let started = monotonic()
        let out: StreamSource = stdoutPath.map { .path($0, O_CREAT | O_TRUNC | O_WRONLY) } ?? .path(log, O_CREAT | O_TRUNC | O_WRONLY)
        let err: StreamSource = stdoutPath == nil ? .fd(1) : .path(log, O_CREAT | O_TRUNC | O_WRONLY)
        guard let pid = start(argv, env: env, stdin: .path(stdinPath, O_RDONLY), stdout: out, stderr: err) else {
            return Finished(status: 127, seconds: 0, output: "could not start \(argv[0]): \(String(cString: strerror(errno)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = monotonic() - started
        let text = FileSystem.readText(log) ?? ""
        unlink(log)
        return Finished(status: code(status), seconds: seconds, output: text)
    }
}

/// Where a child's standard stream comes from: a file opened with flags, or a copy of a
/// descriptor as the child has it at that point (ours, or one of its own already set up).
enum StreamSource {
    case path(String, Int32)
    case fd(Int32)
}
