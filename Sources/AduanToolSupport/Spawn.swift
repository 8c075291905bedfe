import Glibc

/// What aduan-bench, aduan-stress and the test support share: starting a child process, making
/// folders, and the clock they compare with the screen's. Not part of the `aduan` binary.
public enum CleanSpawn {
    /// POSIX_SPAWN_SETSID (glibc ≥ 2.26); Swift's Glibc module does not import the GNU flags.
    static let setsid: Int32 = 0x80

    /// Starts `argv` (its first element is the program's path) with exactly `environment`
    /// ("KEY=value"), its descriptors set by `actions`. Test runners and the tools block signals on
    /// their worker threads; the child starts with none blocked and every handler at its default,
    /// or a terminal program would never see SIGWINCH. `newSession` makes a pseudo-terminal opened
    /// as stdin the controlling terminal; `newProcessGroup` lets one SIGKILL reach the child's own
    /// children. Returns the pid (-1 on failure) and posix_spawn's result.
    public static func start(_ argv: [String], environment: [String], actions: inout posix_spawn_file_actions_t,
                             newSession: Bool = false, newProcessGroup: Bool = false) -> (pid: pid_t, rc: Int32) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newSession { flags |= setsid }
        if newProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let cargv = argv.map { strdup($0) } + [nil]
        let cenv = environment.map { strdup($0) } + [nil]
        defer { cargv.forEach { free($0) }; cenv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cargv, cenv)
        return (rc == 0 ? pid : -1, rc)
    }

    /// Exit code, or 128+signal, from a `waitpid` status.
    public static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// `mkdir -p`: makes `path` and any missing parents; true when it is a folder afterwards.
public func makeDirectories(_ path: String, mode: mode_t = 0o755) -> Bool {
    var st = stat()
    if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
        if !makeDirectories(String(path[..<slash]), mode: mode) { return false }
    }
    return mkdir(path, mode) == 0 || errno == EEXIST
}
