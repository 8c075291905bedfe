import Glibc

/// Output files created without trusting the folder they go to: a name someone else can guess
/// (`out.csv.part-1234`) may already be a symlink planted by another local user, and opening it
/// with O_CREAT would write the export, reporters' identities included, wherever it points.
public enum SafeFile {
    /// A new, empty file next to `path` (same folder, so the final rename stays on one file
    /// system) with an unpredictable name, created with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600:
    /// it cannot be an existing file or a symlink. Retries with a fresh name when one exists.
    public static func createTemporary(beside path: String) -> Result<(fd: Int32, path: String), SafeFileError> {
        var attempts = 0
        while true {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temp = path + ".part-" + suffix
            let fd = open(temp, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 { return .success((fd, temp)) }
            let e = errno
            attempts += 1
            if (e == EEXIST || e == EINTR) && attempts < 100 { continue }
            return .failure(SafeFileError(code: e))
        }
    }

    /// Puts the finished `temp` at `path`, replacing whatever is there; a symlink at `path` is
    /// replaced itself (rename never follows it), so nothing is written through it.
    public static func replace(_ path: String, with temp: String) -> SafeFileError? {
        if rename(temp, path) == 0 { return nil }
        let e = SafeFileError(code: errno)
        unlink(temp)
        return e
    }

    /// Puts the finished `temp` at `path` only if nothing (not even a dangling symlink) is
    /// there: `link` refuses an existing name atomically; on file systems without hard links
    /// (FAT on a USB stick) the name is checked, then renamed.
    public static func placeNew(_ path: String, from temp: String) -> SafeFileError? {
        if link(temp, path) == 0 { unlink(temp); return nil }
        let e = errno
        if e == EEXIST { unlink(temp); return SafeFileError(code: e) }
        var st = stat()
        if lstat(path, &st) == 0 { unlink(temp); return SafeFileError(code: EEXIST) }
        if rename(temp, path) == 0 { return nil }
        let r = SafeFileError(code: errno)
        unlink(temp)
        return r
    }
}

/// Why a file could not be created or put in place: errno and its text.
public struct SafeFileError: Error, Sendable {
    /// The errno value.
    public let code: Int32
    /// The system's text for `code` ("Permission denied").
    public var reason: String { String(cString: strerror(code)) }
    /// An error for errno `code`.
    public init(code: Int32) { self.code = code }
}

// MARK: file helpers

func errnoText() -> String { String(cString: strerror(errno)) }

func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// mkdir -p with mode 0700 for new folders (the store holds identities).
func makeDirectories(_ path: String) -> Bool {
    var st = stat()
    if stat(path, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFDIR }
    let parent = parentDirectory(of: path)
    if !parent.isEmpty && parent != path && !makeDirectories(parent) { return false }
    return mkdir(path, 0o700) == 0 || errno == EEXIST
}
