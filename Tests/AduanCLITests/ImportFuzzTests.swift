@testable import AduanCLI
import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

// Import fuzzing: thousands of damaged CSV, JSON and Open311 files go through the real import
// code (in this process, so thousands fit in seconds), and a sample through the real binary.
// Each must end in a clear error that names the file, or in a valid import; never a crash or a
// hang, and a refused file leaves the store exactly as it was.

/// A small deterministic generator, so a failing case can be replayed from its number.
struct FuzzRandom {
    var base: SplitMix64
    init(seed: UInt64) { base = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { base.next() }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// The ways a file gets damaged. Each mutation is one kind of hostile or broken input.
enum Mutation: CaseIterable {
    case truncate, bitFlips, hugeField, invalidUTF8, deepNesting, wrongTypes, controlBytes, spliceBytes, emptyOrTiny, duplicateStructure

    /// 3 MB fields, built once: plain, multi-byte, wide characters, and quotes.
    static let hugeBlobs: [[UInt8]] = ["A", "é", "日本", "\""].map { unit in
        var blob: [UInt8] = []
        blob.reserveCapacity(3 << 20)
        let bytes = Array(unit.utf8)
        while blob.count + bytes.count <= 3 << 20 { blob.append(contentsOf: bytes) }
        return blob
    }

    func apply(_ input: [UInt8], _ r: inout FuzzRandom, json: Bool) -> [UInt8] {
        var b = input
        func at() -> Int { r.below(b.count + 1) }
        switch self {
        case .truncate:
            b = Array(b.prefix(r.below(b.count)))
        case .bitFlips:
            for _ in 0..<(1 + r.below(12)) where !b.isEmpty {
                b[r.below(b.count)] ^= UInt8(1 << r.below(8))
            }
        case .hugeField:
            // A field of 1–3 MB: plain, multi-byte, or one unbroken "word" for the search index.
            let blob = Mutation.hugeBlobs[r.below(Mutation.hugeBlobs.count)]
            b.insert(contentsOf: blob.prefix([64 << 10, 1 << 20, 3 << 20][r.below(3)]), at: at())
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80, 0x80]]
            for _ in 0..<(1 + r.below(4)) { b.insert(contentsOf: bad[r.below(bad.count)], at: at()) }
        case .deepNesting:
            let depth = [65, 1_000, 100_000][r.below(3)]
            let open: [UInt8] = json ? (r.chance(50) ? Array("[".utf8) : Array("{\"a\":".utf8)) : Array("\"".utf8)
            let nest = Array([[UInt8]](repeating: open, count: depth).joined())
            if json && r.chance(50) {
                b = nest + b  // the whole document
            } else {
                b.insert(contentsOf: nest, at: at())
            }
        case .wrongTypes:
            // Replace a value with another type: a string by a number, object, array, null; a date by text.
            let replacements = ["12345", "{}", "[]", "null", "true", "-1e999", "\"\"", "\"bukan tanggal\"", "\"maybe\"", "1.5", "\"9999-99-99T99:99:99+07:00\""]
            guard !b.isEmpty else { break }
            let start = r.below(b.count)
            guard let quote = b[start...].firstIndex(of: UInt8(ascii: json ? "\"" : ",")) else { break }
            let end = b[(quote + 1)...].firstIndex(of: UInt8(ascii: json ? "\"" : ",")) ?? b.count - 1
            b.replaceSubrange(quote...min(end, b.count - 1), with: Array(replacements[r.below(replacements.count)].utf8))
        case .controlBytes:
            let bytes: [UInt8] = [0, 1, 8, 0x1B, 0x7F, 0x0D, 0x0A, 0x09, 0x0B, 0x0C]
            for _ in 0..<(1 + r.below(8)) { b.insert(bytes[r.below(bytes.count)], at: at()) }
        case .spliceBytes:
            // Copy a random slice of the file to a random place: broken rows, quotes and brackets.
            guard b.count > 2 else { break }
            let from = r.below(b.count - 1)
            let len = 1 + r.below(min(400, b.count - from))
            let slice = Array(b[from..<(from + len)])
            b.insert(contentsOf: slice, at: at())
        case .emptyOrTiny:
            let tiny: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], Array("\n".utf8), Array("[".utf8), Array("[]".utf8), Array("{}".utf8),
                                   Array("\"".utf8), Array("title\n".utf8), Array("title\r\n\"".utf8), Array("[null]".utf8), Array("[[]]".utf8)]
            b = tiny[r.below(tiny.count)]
        case .duplicateStructure:
            // A second header / an unbalanced bracket / a stray separator.
            let bits: [String] = json ? ["]", "[", ",", "}", "{\"title\":", ",,"] : ["title,title\r\n", "\"", ";", "\r", ",,,,,,,,,,,,,,,,,,,,"]
            b.insert(contentsOf: Array(bits[r.below(bits.count)].utf8), at: at())
        }
        return b
    }
}

/// What identifies a store's content: the chain hash of its last event covers every event.
func storeFingerprint(_ path: String) throws -> String {
    let db = try Database(path: path, options: .init(readOnly: true))
    let events = try db.scalarInt("SELECT count(*) FROM events") ?? -1
    let last = try db.scalarText("SELECT hex(hash) FROM events ORDER BY seq DESC LIMIT 1") ?? ""
    let complaints = try db.scalarInt("SELECT count(*) FROM complaints") ?? -1
    return "\(events)/\(complaints)/\(last)"
}

/// Watches the fuzz loop from another thread: a case that runs for longer than `limit` seconds is
/// a hang, reported by its number instead of a test run that never ends.
final class HangWatchdog: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var current = ""
    private var since = monotonic()
    private var stopped = false
    let limit: Double

    init(limit: Double) {
        self.limit = limit
        pthread_mutex_init(&lock, nil)
        let me = Unmanaged.passRetained(self)
        var thread = pthread_t()
        _ = pthread_create(&thread, nil, { raw in
            let dog = Unmanaged<HangWatchdog>.fromOpaque(raw!).takeRetainedValue()
            dog.watch()
            return nil
        }, me.toOpaque())
        pthread_detach(thread)
    }

    func begin(_ what: String) { pthread_mutex_lock(&lock); current = what; since = monotonic(); pthread_mutex_unlock(&lock) }
    func stop() { pthread_mutex_lock(&lock); stopped = true; pthread_mutex_unlock(&lock) }

    private func watch() {
        while true {
            usleep(200_000)
            pthread_mutex_lock(&lock)
            let (done, what, age) = (stopped, current, monotonic() - since)
            pthread_mutex_unlock(&lock)
            if done { return }
            if age > limit {
                let text = "import fuzz: \(what) has run for \(Int(age)) s: a hang\n"
                _ = text.withCString { write(2, $0, strlen($0)) }
                abort()
            }
        }
    }
}

@Suite(.serialized) struct ImportFuzzTests {
    static let formats: [(ext: String, format: String, json: Bool)] = [("csv", "csv", false), ("json", "json", true), ("json", "open311", true)]

    /// Seed files: an export of a small demo store in every format.
    static func seeds(_ desk: Desk) throws -> [[UInt8]] {
        try desk.demo(count: 12, seed: 3)
        var out: [[UInt8]] = []
        for f in formats {
            let path = desk.scratch.file("seed-\(f.format).\(f.ext)")
            let r = desk.run(["export", "--format", f.format, "--out", path], as: "monitor-kominfo")
            try #require(r.status == 0, "\(r.stderr)")
            out.append(try #require(readFile(path)))
        }
        return out
    }

    /// Runs the import command in this process, as `aduan import FILE --store STORE --format F` would.
    static func importInProcess(_ file: String, format: String, store: String, sink: OutputStream) -> (code: Int32, message: String) {
        do throws(CLIError) {
            let args = try ParsedArguments.parse(["import", file, "--format", format, "--store", store, "--as", "admin"])
            let session = try Session(arguments: args, out: sink, err: sink)
            return (try ImportCommand.run(session), "")
        } catch {
            let text: String
            switch error {
            case .usage(let m), .environment(let m), .refused(let m): text = m
            case .invalid(let lines): text = lines.joined(separator: "\n")
            case .store(let e): text = "store error: \(e)"
            }
            return (error.exitCode, text)
        }
    }

    @Test func thousandsOfDamagedFilesNeverCrashHangOrChangeTheStore() throws {
        try requireBinary()
        let desk = Desk("fuzz")
        let seeds = try Self.seeds(desk)
        // The target store holds data of its own, so "unchanged" means something.
        let store = desk.scratch.file("target.db")
        try desk.demo(count: 20, seed: 11, store: store)
        var fingerprint = try storeFingerprint(store)
        let sink = OutputStream(fd: open("/dev/null", O_WRONLY | O_CLOEXEC))
        let dog = HangWatchdog(limit: 30)
        defer { dog.stop() }
        var random = FuzzRandom(seed: 2026)
        var outcomes: [Mutation: (refused: Int, imported: Int)] = [:]
        // ADUAN_FUZZ_CASES=100000 for a long run by hand.
        let cases = getenv("ADUAN_FUZZ_CASES").flatMap { Int(String(cString: $0)) } ?? 2_000
        for n in 0..<cases {
            let which = n % Self.formats.count
            let f = Self.formats[which]
            let mutation = Mutation.allCases[random.below(Mutation.allCases.count)]
            var bytes = mutation.apply(seeds[which], &random, json: f.json)
            if random.chance(20) { bytes = Mutation.allCases[random.below(Mutation.allCases.count)].apply(bytes, &random, json: f.json) }
            let file = desk.scratch.write("case-\(n % 8).\(f.ext)", bytes)
            dog.begin("case \(n) (\(mutation), \(f.format), \(bytes.count) bytes)")
            let (code, message) = Self.importInProcess(file, format: f.format, store: store, sink: sink)
            let after = try storeFingerprint(store)
            if code == 0 {
                outcomes[mutation, default: (0, 0)].imported += 1
                fingerprint = after  // a damaged file may still be valid data (a shorter file, a changed letter)
                continue
            }
            outcomes[mutation, default: (0, 0)].refused += 1
            #expect(code == 1 || code == 2, "case \(n) \(mutation): exit \(code)")
            #expect(message.contains(file), "case \(n) \(mutation): the error does not name the file: \(message.prefix(300))")
            #expect(after == fingerprint, "case \(n) \(mutation): refused, yet the store changed")
            if after != fingerprint { fingerprint = after }
        }
        // Every kind of damage was tried, and most were refused.
        #expect(Set(outcomes.keys) == Set(Mutation.allCases))
        let refused = outcomes.values.map(\.refused).reduce(0, +)
        #expect(refused > cases / 2, "only \(refused) of \(cases) damaged files were refused")
        // Whatever was imported along the way left a store that verifies.
        let v = desk.run(["verify"], store: store)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }

    /// The same damage through the real binary: exit 1 or 2, a message that names the file on one
    /// or more lines, never a stack trace, and the store file unchanged.
    @Test func damagedFilesThroughTheBinaryGiveAClearErrorAndLeaveTheStoreAlone() throws {
        try requireBinary()
        let desk = Desk("fuzz-bin")
        let seeds = try Self.seeds(desk)
        let store = desk.scratch.file("target.db")
        try desk.demo(count: 20, seed: 11, store: store)
        var fingerprint = try storeFingerprint(store)
        var random = FuzzRandom(seed: 7)
        for n in 0..<150 {
            let which = n % Self.formats.count
            let f = Self.formats[which]
            let mutation = Mutation.allCases[n % Mutation.allCases.count]
            let bytes = mutation.apply(seeds[which], &random, json: f.json)
            let file = desk.scratch.write("bin-\(n).\(f.ext)", bytes)
            let r = desk.run(["import", file, "--format", f.format], as: "admin", store: store)
            let after = try storeFingerprint(store)
            if r.status == 0 { fingerprint = after; continue }
            #expect(r.status == 1 || r.status == 2, "case \(n) \(mutation): exit \(r.status)\n\(r.stderr)")
            #expect(r.stderr.contains(file), "case \(n) \(mutation): \(r.stderr.prefix(300))")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "case \(n): \(r.stderr.prefix(500))")
            #expect(after == fingerprint, "case \(n) \(mutation): refused, yet the store changed")
            unlink(file)
        }
    }
}
