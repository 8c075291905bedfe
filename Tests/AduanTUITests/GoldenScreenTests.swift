import AduanCore
import AduanStore
@testable import AduanTUI
import Glibc
import Testing

/// Golden screens: each view rendered at 80×24 and 120×40 from the fixture store at a frozen
/// moment, compared with text files under Golden/ (characters, then one style code per cell).
/// Set ADUAN_RECORD_GOLDENS=1 to rewrite them after an intended change, then review the diff.
@Suite(.serialized) struct GoldenScreenTests {
    static let goldenDir: String = {
        let file = #filePath
        return String(file[..<file.lastIndex(of: "/")!]) + "/Golden"
    }()

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ path: String, _ text: String) {
        guard let f = fopen(path, "w") else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, f) }
        fclose(f)
    }

    func check(_ name: String, _ grid: Grid) {
        let actual = grid.text() + "\n--- styles ---\n" + grid.styleMap() + "\n"
        let path = Self.goldenDir + "/" + name + ".txt"
        if getenv("ADUAN_RECORD_GOLDENS") != nil {
            mkdir(Self.goldenDir, 0o755)
            Self.write(path, actual)
            return
        }
        guard let expected = Self.read(path) else {
            Issue.record("missing golden \(path); record with ADUAN_RECORD_GOLDENS=1 swift test --filter GoldenScreenTests")
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("""
                \(name) differs from its golden at line \(line + 1):
                expected: \(line < e.count ? String(e[line]) : "<end>")
                actual:   \(line < a.count ? String(a[line]) : "<end>")
                """)
        }
    }

    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func inbox(size: String) throws {
        let (w, h) = Self.parse(size)
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        check("inbox-\(size)", DeskFixture.run(store, width: w, height: h, keys: []))
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func detailOfTheForwardedReport(size: String) throws {
        let (w, h) = Self.parse(size)
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        let id = try DeskFixture.id(of: "李秀英", in: store)
        let keys = ["/", "text:puskesmas", "Enter", "Enter"]
        let grid = DeskFixture.run(store, width: w, height: h, keys: keys)
        #expect(grid.contains("#\(id)"))
        check("detail-\(size)", grid)
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func deadlines(size: String) throws {
        let (w, h) = Self.parse(size)
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        check("deadlines-\(size)", DeskFixture.run(store, width: w, height: h, keys: ["3"]))
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func dashboard(size: String) throws {
        let (w, h) = Self.parse(size)
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        check("dashboard-\(size)", DeskFixture.run(store, as: "pengawas", width: w, height: h, keys: ["4"]))
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func help(size: String) throws {
        let (w, h) = Self.parse(size)
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        check("help-\(size)", DeskFixture.run(store, width: w, height: h, keys: ["?"]))
    }

    @Test func inboxInEnglish() throws {
        let dir = TempDir()
        let store = try DeskFixture.makeStore(in: dir)
        check("inbox-en-120x40", DeskFixture.run(store, width: 120, height: 40, keys: [], language: .en))
    }

    static func parse(_ size: String) -> (Int, Int) {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        return (parts[0], parts[1])
    }
}
