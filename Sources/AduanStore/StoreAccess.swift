import Glibc

/// What this process may do with a store's files: a backup on a USB stick or in a read-only
/// folder must still be readable (`list`, `show`, `verify`, `export`), and a write must fail with
/// the name of the file that stops it (a `-shm` left 0400 by an earlier run) rather than
/// SQLite's "attempt to write a readonly database".
public enum StoreAccess {
    /// Whether the file system holding `path` is mounted read-only (a write-protected stick).
    public static func onReadOnlyFileSystem(_ path: String) -> Bool {
        var s = statvfs()
        let target = Files_exists(path) ? path : (parentDirectory(of: path).isEmpty ? "." : parentDirectory(of: path))
        return statvfs(target, &s) == 0 && (s.f_flag & UInt(ST_RDONLY)) != 0
    }

    /// The first file a write to the store at `path` needs but this user cannot write: the store,
    /// its `-wal` or `-shm` when present, or the folder (where SQLite makes them). nil when a
    /// write can proceed (or the store does not exist yet).
    public static func unwritablePart(of path: String) -> String? {
        guard Files_exists(path) else { return nil }
        if onReadOnlyFileSystem(path) { return path }
        if access(path, W_OK) != 0 { return path }
        for suffix in ["-wal", "-shm"] {
            let p = path + suffix
            if Files_exists(p), access(p, W_OK) != 0 { return p }
        }
        let dir = parentDirectory(of: path)
        if access(dir.isEmpty ? "." : dir, W_OK) != 0 { return dir.isEmpty ? "." : dir }
        return nil
    }

    /// Whether a read-only open of `path` should tell SQLite the file cannot change
    /// (`immutable=1`): when this user cannot write the store or its folder, SQLite could not
    /// create (or would leave unwritable) the `-shm` it needs for a WAL store. Not when a `-wal`
    /// with unsaved changes exists: SQLite would then ignore those changes.
    public static func readsImmutably(_ path: String) -> Bool {
        guard unwritablePart(of: path) != nil else { return false }
        var st = stat()
        if lstat(path + "-wal", &st) == 0 && st.st_size > 0 { return false }
        return true
    }

    /// `file:` URI for `path` with `?immutable=1`, every byte outside [A-Za-z0-9/._~-] escaped.
    static func immutableURI(_ path: String) -> String {
        var out = "file:"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 0x0F)])
            }
        }
        return out + "?immutable=1"
    }

    /// The file's permission bits as `0400`, for messages.
    public static func modeText(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return "0" + String(st.st_mode & 0o777, radix: 8)
    }
}

private func Files_exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
}
