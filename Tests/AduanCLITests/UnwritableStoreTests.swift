import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Stores this user cannot write: a backup on read-only media or in a read-only folder can still
/// be read and verified; a write names the file that stops it; a backup that runs out of space
/// leaves nothing behind.
///
/// The tests run as root here, and root ignores permission bits, so each way of being unable to
/// write is made real by other means: a tmpfs remounted read-only (needs root and mount), and
/// `runuser -u nobody` for a folder 0555 and files 0400 (needs root and runuser). Where those
/// are unavailable the tests are skipped, never passed silently.
@Suite(.serialized) struct UnwritableStoreTests {
    static let isRoot = getuid() == 0
    static let canRunAsNobody = isRoot && access("/usr/sbin/runuser", X_OK) == 0
    static let canMount: Bool = {
        guard isRoot else { return false }
        let s = Scratch("aduan-mount-probe")
        let dir = s.file("m")
        mkdir(dir, 0o755)
        guard mount("tmpfs", dir, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(dir)
        return true
    }()

    /// A tmpfs of `size` mounted in the scratch folder, unmounted when the test ends.
    final class TinyDisk {
        let path: String
        init?(in scratch: Scratch, name: String, size: String) {
            path = scratch.file(name)
            mkdir(path, 0o755)
            guard mount("tmpfs", path, "tmpfs", 0, "size=\(size),mode=0755") == 0 else { return nil }
        }
        func makeReadOnly() -> Bool {
            mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0
        }
        deinit { umount2(path, Int32(MNT_DETACH)) }
    }

    static func copy(_ from: String, _ to: String) -> Bool {
        system("cp '\(from)' '\(to)'") == 0
    }

    static func listing(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Runs aduan as the user nobody.
    static func runAsNobody(_ desk: Desk, _ args: [String]) -> ProcessResult {
        AduanBinary.run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/env", "ADUAN_NOW=\(fixedNow)", AduanBinary.path] + args,
                        env: [:], stdin: nil, scratch: desk.scratch)
    }

    @Test(.enabled(if: canMount, "needs root and mount for a read-only tmpfs"))
    func aStoreOnReadOnlyMediaCanBeReadVerifiedExportedAndBackedUp() throws {
        try requireBinary()
        let desk = Desk("ro-media")
        try desk.initStore()
        let id = try desk.receive("Jalan rusak di Sidomulyo")
        let disk = try #require(TinyDisk(in: desk.scratch, name: "usb", size: "2m"))
        let copy = disk.path + "/aduan.db"
        // A backup, as one would carry it on a stick.
        #expect(desk.run(["backup", copy]).status == 0)
        try #require(disk.makeReadOnly(), "remount read-only failed")
        for args in [["list"], ["show", "\(id)"], ["verify"], ["export"], ["report"]] {
            let r = desk.run(args, store: copy)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(desk.run(["list"], store: copy).stdout.contains("Jalan rusak"))
        #expect(desk.run(["export"], store: copy).stdout.contains("Jalan rusak"))
        #expect(desk.run(["backup", desk.scratch.file("again.db")], store: copy).status == 0)
        // A write is refused with a clear message naming the store, exit 2.
        let w = desk.run(["act", "\(id)", "note", "--text", "x", "--lang", "en"], store: copy)
        #expect(w.status == 2)
        #expect(w.stderr.contains(copy) && w.stderr.contains("read-only disk"), "\(w.stderr)")
        #expect(Self.listing(disk.path) == ["aduan.db"])
    }

    @Test(.enabled(if: canRunAsNobody, "needs root and runuser to drop to the user nobody"))
    func aStoreInAFolderThisUserCannotWriteCanBeReadAndWritesNameTheFolder() throws {
        try requireBinary()
        let desk = Desk("ro-folder")
        try desk.initStore()
        let id = try desk.receive("Lampu PJU mati")
        chmod(desk.scratch.path, 0o755)
        let folder = desk.scratch.file("readonly")
        mkdir(folder, 0o755)
        let store = folder + "/aduan.db"
        #expect(desk.run(["backup", store]).status == 0)
        chown(store, 65534, 65534)
        chmod(folder, 0o555)
        for args in [["list"], ["show", "\(id)"], ["verify"], ["export"]] {
            let r = Self.runAsNobody(desk, args + ["--store", store])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let w = Self.runAsNobody(desk, ["act", "\(id)", "note", "--text", "x", "--store", store, "--lang", "en"])
        #expect(w.status == 2)
        #expect(w.stderr.contains(folder + " is not writable"), "\(w.stderr)")
        #expect(Self.listing(folder) == ["aduan.db"], "no -shm or -wal left in the folder")
    }

    @Test(.enabled(if: canRunAsNobody, "needs root and runuser to drop to the user nobody"))
    func aShmFileLeftUnwritableIsNamedByTheRefusedWriteAndReadsStillWork() throws {
        try requireBinary()
        let desk = Desk("ro-shm")
        try desk.initStore()
        let id = try desk.receive("Air PDAM keruh")
        chmod(desk.scratch.path, 0o755)
        let folder = desk.scratch.file("office")
        mkdir(folder, 0o755)
        let store = folder + "/aduan.db"
        #expect(desk.run(["backup", store]).status == 0)
        chown(folder, 65534, 65534)
        chown(store, 65534, 65534)
        // The screen once ran on the store while it was 0400: its -shm was left 0400.
        let shm = store + "-shm"
        let fd = open(shm, O_CREAT | O_WRONLY, 0o400)
        close(fd)
        chown(shm, 65534, 65534)
        chmod(shm, 0o400)
        let w = Self.runAsNobody(desk, ["act", "\(id)", "note", "--text", "x", "--store", store, "--lang", "en"])
        #expect(w.status == 2)
        #expect(w.stderr.contains(shm) && w.stderr.contains("0400"), "\(w.stderr)")
        let r = Self.runAsNobody(desk, ["show", "\(id)", "--store", store])
        #expect(r.status == 0, "\(r.stderr)")
        // A store file 0400: reads work and leave no -shm behind; a write names the store.
        unlink(shm)
        chmod(store, 0o400)
        #expect(Self.runAsNobody(desk, ["list", "--store", store]).status == 0)
        #expect(Self.listing(folder) == ["aduan.db"], "a read of a 0400 store left \(Self.listing(folder))")
        let w2 = Self.runAsNobody(desk, ["act", "\(id)", "note", "--text", "x", "--store", store, "--lang", "en"])
        #expect(w2.status == 2)
        #expect(w2.stderr.contains(store + " is not writable"), "\(w2.stderr)")
        // The screen on a 0400 store refuses before it starts, naming the store, and leaves no 0400 -shm behind.
        if access("/usr/bin/script", X_OK) == 0 {
            let screen = "TERM=xterm-256color ADUAN_NOW=\(fixedNow) '\(AduanBinary.path)' --store '\(store)' --lang en"
            let t = AduanBinary.run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/script", "-qec", "/usr/bin/env " + screen, "/dev/null"],
                                    env: [:], stdin: nil, scratch: desk.scratch)
            #expect(t.status == 2, "\(t.stdout)")
            #expect(t.stdout.contains("is not writable"), "\(t.stdout)")
            #expect(Self.listing(folder) == ["aduan.db"], "the screen left \(Self.listing(folder))")
        }
    }

    @Test(.enabled(if: canMount, "needs root and mount for a tiny tmpfs"))
    func aBackupThatRunsOutOfSpaceLeavesNothingBehind() throws {
        try requireBinary()
        let desk = Desk("full-disk")
        try desk.demo(count: 1_500)
        let disk = try #require(TinyDisk(in: desk.scratch, name: "tiny", size: "1m"))
        let target = disk.path + "/backup.db"
        let r = desk.run(["backup", target, "--lang", "en"])
        #expect(r.status == 2, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("full"), "\(r.stderr)")
        #expect(Self.listing(disk.path).isEmpty, "left behind: \(Self.listing(disk.path))")
    }
}
