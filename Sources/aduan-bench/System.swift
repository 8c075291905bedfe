import Glibc

enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isExecutable(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    static func size(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    /// Removes a store with its WAL and shared-memory files.
    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    static func readText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @discardableResult
    static func writeText(_ path: String, _ text: String) -> Bool {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    static func makeTemporaryDirectory(_ prefix: String) -> String? {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!).map { String(cString: $0) } }
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    /// This program's own path, to find the `aduan` built next to it.
    static func ownExecutable() -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
        let n = buffer.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { readlink("/proc/self/exe", $0, p.count) }
        }
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }

    /// The first executable called `name` on PATH.
    static func onPath(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileSystem.isExecutable("\(dir)/\(name)") { return "\(dir)/\(name)" }
        return nil
    }
}

/// Progress goes to stderr only when stderr is a terminal; warnings always do.
enum Log {
    static let interactive = isatty(2) == 1

    static func progress(_ text: String) {
        guard interactive else { return }
        writeErr("\r\u{1B}[K" + text)
    }

    static func clearProgress() {
        if interactive { writeErr("\r\u{1B}[K") }
    }

    static func warn(_ text: String) {
        clearProgress()
        writeErr("aduan-bench: " + text + "\n")
    }

    static func writeErr(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}

/// Numbers as the table shows them.
enum Format {
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int64((abs(x) * scale).rounded())
        let whole = n / Int64(scale), frac = n % Int64(scale)
        var s = (x < 0 && n != 0 ? "-" : "") + grouped(whole)
        if digits > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }

    static func grouped(_ n: Int64) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }

    static func grouped(_ n: Int) -> String { grouped(Int64(n)) }

    /// Milliseconds with sensible precision: 0.042, 1.27, 12.3, 456.
    static func ms(_ x: Double) -> String {
        if x < 1 { return fixed(x, 3) }
        if x < 10 { return fixed(x, 2) }
        if x < 100 { return fixed(x, 1) }
        return fixed(x, 0)
    }

    static func mib(_ bytes: Double) -> String { fixed(bytes / 1_048_576, 1) + " MiB" }

    /// "1M", "10k": short size names for labels.
    static func sizeName(_ n: Int) -> String { grouped(n) }
}

extension FileSystem {
    /// Deletes a folder and everything in it (the benchmark's own work folder only).
    static func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let full = path + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(full) } else { unlink(full) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
