@_exported import AduanToolSupport
import Glibc

/// A temporary folder, removed when the value goes away.
public final class Scratch {
    public let path: String

    public init(_ prefix: String = "aduan-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { _ = system("rm -rf '\(path)'") }

    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes bytes to a file in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let p = file(name)
        let fd = open(p, O_CREAT | O_TRUNC | O_WRONLY, 0o644)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return p
    }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// Reads a whole file (nil when missing).
public func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

public func readText(_ path: String) -> String? { readFile(path).map { String(decoding: $0, as: UTF8.self) } }

/// What a finished process left.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutBytes: [UInt8]
}

/// The `aduan` binary the end-to-end tests run: built by `scripts/test` (`swift build`) before
/// `swift test`. A missing or stale binary is reported as a failure with the fix, never skipped.
public enum AduanBinary {
    public static let repositoryRoot: String = {
        let file = #filePath
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // Tests/AduanTestSupport/Processes.swift
        return parts.joined(separator: "/")
    }()

    public static var path: String { built("aduan") }

    /// Another executable of the package (`aduan-stress`), built by the same `swift build`.
    public static func built(_ name: String) -> String { repositoryRoot + "/.build/debug/" + name }

    static func mtime(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_mtim.tv_sec) : 0
    }

    /// nil when the binary is usable, else what to do.
    public static var problem: String? { problem(with: path, ignoring: ["aduan-stress"]) }

    /// nil when the built executable at `binary` exists and is newer than every source under
    /// Sources/ except the folders in `ignoring` (modules it does not link: `swift build` does not
    /// relink a binary when only another executable's sources changed).
    public static func problem(with binary: String, ignoring: Set<String> = []) -> String? {
        let built = mtime(binary)
        if built == 0 { return "\(binary) is missing: run ./scripts/test (or `swift build` before `swift test`)" }
        // The newest source must not be newer than the binary.
        let newest = newestSource(repositoryRoot + "/Sources", ignoring: ignoring)
        if newest > built + 1 { return "\(binary) is older than the sources: run ./scripts/test (or `swift build` first)" }
        return nil
    }

    static func newestSource(_ dir: String, ignoring: Set<String> = []) -> Int {
        guard let d = opendir(dir) else { return 0 }
        defer { closedir(d) }
        var newest = 0
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." || ignoring.contains(name) { continue }
            let full = dir + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) { newest = max(newest, newestSource(full)) } else { newest = max(newest, mtime(full)) }
        }
        return newest
    }

    /// Runs `aduan` with arguments and environment (added to a minimal clean one); stdin from a file or /dev/null.
    public static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil, in scratch: Scratch) -> ProcessResult {
        run(path, args, env: env, stdin: stdin, scratch: scratch)
    }

    public static func run(_ program: String, _ args: [String], env: [String: String], stdin: String?, scratch: Scratch) -> ProcessResult {
        spawn(program, args, env: env, stdin: stdin, scratch: scratch).wait()
    }

    /// Several `aduan` runs at the same time (all started before any is waited for), for
    /// concurrency tests; results in the order given.
    public static func runTogether(_ runs: [[String]], env: [String: String] = [:], in scratch: Scratch) -> [ProcessResult] {
        let started = runs.map { spawn(path, $0, env: env, stdin: nil, scratch: scratch) }
        return started.map { $0.wait() }
    }

    /// Starts `program` with `args` and exactly `environment` ("KEY=value"), its descriptors set
    /// by `actions`. Test runners block signals on their worker threads; the child starts with
    /// none blocked and every handler at its default, or a terminal program under tmux would
    /// never see SIGWINCH. Returns the pid (-1 on failure) and posix_spawn's result.
    public static func spawnWithCleanSignals(_ program: String, _ args: [String], environment: [String],
                                             actions: inout posix_spawn_file_actions_t) -> (pid: pid_t, rc: Int32) {
        CleanSpawn.start([program] + args, environment: environment, actions: &actions)
    }

    /// Starts a program (see `run`) without waiting for it.
    public static func spawn(_ program: String, _ args: [String], env: [String: String], stdin: String?, scratch: Scratch) -> RunningProcess {
        let outPath = scratch.file(".stdout-\(UInt32.random(in: 0...UInt32.max))")
        let errPath = scratch.file(".stderr-\(UInt32.random(in: 0...UInt32.max))")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        var environment: [String: String] = ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8",
                                             "XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config")]
        for (k, v) in env { environment[k] = v }
        let (pid, rc) = spawnWithCleanSignals(program, args, environment: environment.map { "\($0.key)=\($0.value)" }, actions: &actions)
        return RunningProcess(pid: rc == 0 ? pid : -1, spawnError: rc, outPath: outPath, errPath: errPath)
    }
}

/// A started child: wait for it to get its `ProcessResult`.
public struct RunningProcess: Sendable {
    public let pid: pid_t
    let spawnError: Int32
    let outPath: String
    let errPath: String

    public func wait() -> ProcessResult {
        guard pid > 0 else { return ProcessResult(status: -1, stdout: "", stderr: "spawn failed: \(spawnError)", stdoutBytes: []) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = readFile(outPath) ?? []
        let err = readText(errPath) ?? ""
        unlink(outPath)
        unlink(errPath)
        return ProcessResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: err, stdoutBytes: out)
    }
}

/// A private tmux server driving the real binary in a real terminal (fzf-style: poll the pane
/// with a timeout instead of sleeping a fixed time).
public final class TmuxSession {
    public let server: String
    let scratch: Scratch

    public init(width: Int, height: Int, command: String, env: [String: String] = [:], scratch: Scratch) {
        server = "aduan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.scratch = scratch
        var environment = "env -i PATH=/usr/bin:/bin HOME='\(scratch.path)' TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME='\(scratch.file("data"))' XDG_CONFIG_HOME='\(scratch.file("config"))'"
        for (k, v) in env { environment += " \(k)='\(v)'" }
        // The pane stays after the program ends so its exit code can be read.
        let full = "\(environment) \(command); echo \"[exit $?]\"; sleep 600"
        _ = tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", full])
    }

    deinit { _ = tmux(["kill-server"]) }

    /// Runs any tmux command against this session's server.
    @discardableResult
    public func tmux(_ args: [String]) -> ProcessResult {
        AduanBinary.run("/usr/bin/tmux", ["-L", server, "-f", "/dev/null"] + args, env: [:], stdin: nil, scratch: scratch)
    }

    /// Keys in tmux's names: "j", "Enter", "Escape", "C-s", "Space", "BTab", "PPage".
    public func send(_ keys: String...) { tmux(["send-keys"] + keys) }

    /// Types text literally.
    public func type(_ text: String) { tmux(["send-keys", "-l", text]) }

    public func capture() -> String { tmux(["capture-pane", "-p"]).stdout }

    public func resize(_ width: Int, _ height: Int) { tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls the pane until `condition` holds or `timeout` seconds pass; returns the last capture.
    @discardableResult
    public func waitFor(timeout: Double = 15, _ condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = monotonic() + timeout
        var screen = ""
        while monotonic() < deadline {
            screen = capture()
            if condition(screen) { return (true, screen) }
            usleep(50_000)
        }
        return (false, screen)
    }

    public func waitFor(_ text: String, timeout: Double = 15) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }
}

