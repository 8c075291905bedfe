import AduanCore
import AduanStore
import AduanWorkbook
import Glibc

/// Where a workbook goes: `--out FILE` only (a zip file is no use on a terminal or in a pipe),
/// written like every export: a new 0600 file beside the target (SafeFile), renamed over it
/// only once libxlsxwriter has written it whole.
final class XlsxFile {
    let path: String
    let workbook: Workbook
    private let fd: Int32
    private let temp: String
    private var done = false
    private let strings: StringTable

    init(_ s: Session) throws(CLIError) {
        let t = s.strings
        strings = t
        guard let out = s.arguments.value("out"), out != "-" else { throw .usage(t.workbook(.xlsxNeedsOut)) }
        // A terminal, a pipe or a folder (also through a symlink) is no place for a workbook,
        // and renaming a file over a device node would replace the device.
        var st = stat()
        if stat(out, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
            throw .usage("--out \(quoteInput(out)) \(t.workbook(.xlsxNotAFile))")
        }
        if Files.sameFile(out, s.storePath) || Files.sameFile(out, s.storePath + "-wal")
            || Files.sameFile(out, s.storePath + "-shm") || Files.isSQLite(out) {
            throw .usage(s.strings.command(.outIsTheStore(out)))
        }
        switch SafeFile.createTemporary(beside: out) {
        case .success(let (fd, temp)): (self.fd, self.temp) = (fd, temp)
        case .failure(let e): throw .environment(t.command(.cannotWrite(file: out, reason: e.reason)))
        }
        path = out
        // libxlsxwriter opens the file by name when it closes the workbook; through /proc the
        // name is the very file created above, whatever happens to the folder meanwhile.
        let byDescriptor = "/proc/self/fd/\(fd)"
        guard let wb = Workbook(path: Files.exists(byDescriptor) ? byDescriptor : temp, constantMemory: true) else {
            close(fd); unlink(temp)
            throw .environment(t.command(.cannotWrite(file: out, reason: "libxlsxwriter")))
        }
        workbook = wb
    }

    /// Writes the workbook and puts it at `path`; a failure leaves whatever was there before.
    func commit() throws(CLIError) {
        done = true
        if let failure = workbook.close() {
            close(fd); unlink(temp)
            throw .environment(strings.command(.cannotWrite(file: path, reason: "\(failure)")))
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw .environment(strings.command(.cannotWrite(file: path, reason: reason)))
        }
        if let e = SafeFile.replace(path, with: temp) { throw .environment(strings.command(.cannotWrite(file: path, reason: e.reason))) }
    }

    /// Leaves nothing behind when the command stops early.
    deinit {
        if !done { _ = workbook.close(); close(fd); unlink(temp) }
    }

    /// The serial of a moment as the office's wall clock shows it.
    static func serial(_ t: Timestamp, zone: OfficeTimeZone) -> Double {
        SpreadsheetDate.serial(localSeconds: t.seconds + Int64(zone.offsetSeconds))
    }
}
