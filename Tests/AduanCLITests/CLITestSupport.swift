import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

// Shared helpers for the command-line tests: every test drives the real `aduan` binary
// (.build/debug/aduan) in its own scratch folder, with the clock frozen at `fixedNow`.

/// A Monday morning in WIB; every run uses it through ADUAN_NOW.
let fixedNow = "2026-11-23T09:00:00+07:00"

/// The operators of the built-in config (config.example.json).
let allOperators = ["admin", "tl-dinkes", "tl-pupr", "tl-disdukcapil", "tl-kec-sukamaju", "pengawas", "admin-prov", "monitor-kominfo"]

/// The account running the tests (root here), as `aduan` sees it.
let runnerLogin: String = {
    guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return "root" }
    return String(cString: name)
}()

/// Fails the test clearly (instead of with confusing output) when the binary is missing or stale.
func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")", sourceLocation: sourceLocation)
}

/// A scratch folder with one store in it, and a way to run `aduan` against that store.
final class Desk: @unchecked Sendable {
    let scratch: Scratch
    let store: String

    /// Whether an import into the (missing) default store first makes it a training store, where
    /// `--as` may name anyone and ADUAN_NOW is honoured (issue 13).
    let training: Bool

    init(_ name: String = "cli", training: Bool = true, office: String? = nil) {
        scratch = Scratch("aduan-cli-\(name)")
        store = scratch.file("aduan.db")
        self.training = training
        // The office a new store is seeded from: the built-in office with the test runner's account
        // (root) bound to every operator, so office stores work too (one login, many hats: --as
        // picks among them). It is passed only to commands that create a store: once a store keeps
        // its office, a config carrying office keys is refused (issue 13).
        officeFile = scratch.write("office.json", office ?? Desk.configBinding(runnerLogin))
    }

    /// The office file new stores are seeded from (see init).
    let officeFile: String

    /// The built-in office with `login` added to every operator's logins.
    static func configBinding(_ login: String) -> String {
        BuiltInConfig.json.replacing("\"logins\": [", with: "\"logins\": [\"\(login)\", ")
    }

    /// The store a command line names: `--store PATH`, else the demo or the default store under
    /// the scratch folder's XDG data home.
    func targetStore(_ args: [String]) -> String {
        if let i = args.firstIndex(of: "--store"), i + 1 < args.count { return args[i + 1] }
        return scratch.file(args.contains("--demo") ? "data/aduan/demo.db" : "data/aduan/aduan.db")
    }

    /// Runs `aduan ARGS --store STORE [--as OP]` with ADUAN_NOW frozen (unless `env` overrides it).
    @discardableResult
    func run(_ args: [String], as op: String? = nil, env: [String: String] = [:], stdin: String? = nil,
             store: String? = nil) -> ProcessResult {
        if training, args.first == "import", !fileExists(store ?? self.store) {
            _ = bare(["init", "--training", "--store", store ?? self.store])
        }
        var full = args + ["--store", store ?? self.store]
        if let op { full += ["--as", op] }
        return bare(full, env: env, stdin: stdin)
    }

    /// Runs `aduan ARGS` exactly as given (no --store added), ADUAN_NOW frozen unless overridden.
    @discardableResult
    func bare(_ args: [String], env: [String: String] = [:], stdin: String? = nil) -> ProcessResult {
        var e = ["ADUAN_NOW": fixedNow]
        // An office store (not training) refuses a frozen clock: it runs on the real one, unless
        // the test sets ADUAN_NOW itself.
        if env["ADUAN_NOW"] == nil, ComplaintStore.trainingMark(at: targetStore(args)) == false { e["ADUAN_NOW"] = "" }
        for (k, v) in env { e[k] = v }
        var args = args
        // A store that keeps no office yet (a new one, or a file that is no store) takes it from the
        // office file, unless the test names its own; once it keeps one, office keys are refused.
        if !args.contains("--config"), !args.contains("--office"), ComplaintStore.peekOffice(path: targetStore(args)) == nil {
            args = ["--config", officeFile] + args
        }
        let r = AduanBinary.run(args, env: e, stdin: stdin, in: scratch)
        expectNoCrash(r, args)
        return r
    }

    /// Creates a complaint with `act new receive` and returns its id.
    @discardableResult
    func receive(_ title: String, _ extra: [String] = [], as op: String = "admin",
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        let r = run(["act", "new", "receive", "--title", title] + extra, as: op)
        try #require(r.status == 0, "receive failed: \(r.stderr)", sourceLocation: sourceLocation)
        return try #require(complaintID(in: r.stdout), "no #id in \(r.stdout)", sourceLocation: sourceLocation)
    }

    /// Takes an action that must succeed (test set-up).
    @discardableResult
    func must(_ id: Int64, _ action: String, _ args: [String] = [], as op: String = "admin",
              sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        let r = run(["act", "\(id)", action] + args, as: op)
        try #require(r.status == 0, "act \(id) \(action) as \(op) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    func initStore(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = run(["init", "--training"])
        try #require(r.status == 0, "init failed: \(r.stderr)", sourceLocation: sourceLocation)
    }

    func demo(count: Int, seed: Int = 7, store: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = run(["demo", "--count", "\(count)", "--seed", "\(seed)"], store: store)
        try #require(r.status == 0, "demo failed: \(r.stderr)", sourceLocation: sourceLocation)
    }

    /// What a refused command must leave exactly as it was.
    func snapshot(store: String? = nil) -> StoreSnapshot {
        let path = store ?? self.store
        let list = run(["list", "--order", "received"], as: "monitor-kominfo", store: path)
        let verify = run(["verify", "--lang", "en"], store: path)
        return StoreSnapshot(list: list.stdout, listStatus: list.status, events: eventCount(verify.stdout),
                             verifyStatus: verify.status, bytes: readFile(path))
    }

    /// The `list` line of a complaint, as the all-agency monitor sees it.
    func row(_ id: Int64, store: String? = nil) -> ListRow? {
        let r = run(["list", "id:\(id)"], as: "monitor-kominfo", store: store)
        return r.stdout.split(separator: "\n").map(String.init).compactMap(ListRow.init).first { $0.id == id }
    }

    func rows(as op: String = "monitor-kominfo", _ filter: [String] = [], store: String? = nil) -> [ListRow] {
        run(["list", "--order", "received"] + filter, as: op, store: store).stdout
            .split(separator: "\n").map(String.init).compactMap(ListRow.init)
    }
}

/// The store as seen through the command line, plus its bytes.
struct StoreSnapshot: Equatable, CustomStringConvertible {
    var list: String
    var listStatus: Int32
    var events: Int?
    var verifyStatus: Int32
    var bytes: [UInt8]?

    var description: String {
        "list exit \(listStatus), \(list.split(separator: "\n").count) rows; verify exit \(verifyStatus), \(events.map(String.init) ?? "?") events; \(bytes?.count ?? -1) bytes"
    }
}

/// One line of `aduan list`: id, tracking, status, due, state, holder, title.
struct ListRow: Equatable {
    var id: Int64
    var tracking: String
    var status: String
    var due: String
    var state: String
    var holder: String
    var title: String

    init?(_ line: String) {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 7, let id = Int64(f[0]) else { return nil }
        self.id = id
        tracking = f[1]; status = f[2]; due = f[3]; state = f[4]; holder = f[5]; title = f[6]
    }
}

/// "#12" in an `act` line.
func complaintID(in text: String) -> Int64? {
    guard let hash = text.firstIndex(of: "#") else { return nil }
    let digits = text[text.index(after: hash)...].prefix { $0.isASCII && $0.isNumber }
    return Int64(digits)
}

/// The event count in `aduan verify --lang en` output ("…, 1,095 events checked …").
func eventCount(_ verifyOutput: String) -> Int? {
    guard let start = indexOf(" events checked", in: verifyOutput) else { return nil }
    let before = verifyOutput[..<start]
    let digits = before.reversed().prefix { $0.isNumber || $0 == "," }
    return Int(String(digits.reversed()).filter(\.isNumber))
}

/// Where `needle` first occurs in `hay`.
func indexOf(_ needle: String, in hay: String) -> String.Index? {
    hay.firstRange(of: needle)?.lowerBound
}

/// Whatever happens, `aduan` must end with an exit code and words, never a crash or stack trace.
func expectNoCrash(_ r: ProcessResult, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status >= 0 && r.status <= 2, "aduan \(args.joined(separator: " ")) exited \(r.status): \(r.stderr.prefix(500))", sourceLocation: sourceLocation)
    for marker in ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "Segmentation fault", "swift_", "0x0000"] {
        #expect(!r.stderr.contains(marker), "stack trace or crash text in stderr of aduan \(args.joined(separator: " ")): \(r.stderr.prefix(500))", sourceLocation: sourceLocation)
    }
}

/// An error must be short and to the point: the first line starts with the file or "aduan:".
func firstLine(_ s: String) -> String { String(s.split(separator: "\n", omittingEmptySubsequences: true).first ?? "") }

// MARK: JSON

func parseJSON(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONNode {
    do { return try JSONParser.parse(bytes: Array(text.utf8), maxDepth: 64) } catch {
        Issue.record("not valid JSON: \(error) in \(text.prefix(300))", sourceLocation: sourceLocation)
        throw error
    }
}

func parseJSONArray(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONNode] {
    let node = try parseJSON(text, sourceLocation: sourceLocation)
    return try #require(node.array, "expected a JSON array", sourceLocation: sourceLocation)
}

extension JSONNode {
    /// The node without source positions, for comparing values.
    var plain: JSONValue { value.withoutPositions }

    /// A copy of an object node without the given keys (at the top level).
    func removing(_ keys: Set<String>) -> JSONValue {
        guard case .object(let members) = value else { return plain }
        return .object(members.filter { !keys.contains($0.key) }.map { JSONMember($0.key, $0.node.plain) })
    }
}

/// A JSON number or string member as text ("12", "abc"); nil for null or missing.
func text(_ node: JSONNode?) -> String? {
    guard let node else { return nil }
    switch node.value {
    case .string(let s): return s
    case .number(let n): return n
    case .bool(let b): return b ? "true" : "false"
    default: return nil
    }
}

// MARK: CSV (an independent little RFC 4180 reader, so the tests do not trust the one under test)

struct ParsedCSV {
    var hadBOM: Bool
    var rows: [[String]]
    var usesCRLF: Bool

    var header: [String] { rows.first ?? [] }

    /// The data rows as dictionaries keyed by the header.
    var records: [[String: String]] {
        rows.dropFirst().map { row in
            var d: [String: String] = [:]
            for (i, name) in header.enumerated() where i < row.count { d[name] = row[i] }
            return d
        }
    }
}

func parseCSV(_ bytes: [UInt8]) -> ParsedCSV {
    var b = bytes[...]
    let bom = b.starts(with: [0xEF, 0xBB, 0xBF])
    if bom { b = b.dropFirst(3) }
    let text = String(decoding: b, as: UTF8.self)
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var crlf = false
    var scalars = Array(text.unicodeScalars)[...]
    var fieldStarted = false
    while let c = scalars.first {
        scalars = scalars.dropFirst()
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { field.append("\""); scalars = scalars.dropFirst() } else { quoted = false }
            } else { field.append(c) }
            continue
        }
        switch c {
        case "\"" where field.isEmpty: quoted = true; fieldStarted = true
        case ",": row.append(String(field)); field = .init(); fieldStarted = false
        case "\r" where scalars.first == "\n":
            crlf = true
            scalars = scalars.dropFirst()
            row.append(String(field)); field = .init(); rows.append(row); row = []; fieldStarted = false
        case "\n":
            row.append(String(field)); field = .init(); rows.append(row); row = []; fieldStarted = false
        default: field.append(c); fieldStarted = true
        }
    }
    if fieldStarted || !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
    return ParsedCSV(hadBOM: bom, rows: rows, usesCRLF: crlf)
}

// MARK: files

/// True when the file still holds exactly `bytes` (a Bool, so a failure does not print megabytes).
func unchanged(_ path: String, _ bytes: [UInt8]?) -> Bool { readFile(path) == bytes }

func fileMode(_ path: String) -> mode_t? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o777
}

func fileExists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
}

/// Copies a file byte for byte; returns the destination.
@discardableResult
func copyFile(_ from: String, to: String) -> String {
    let bytes = readFile(from) ?? []
    let fd = open(to, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    return to
}

func writeBytes(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}
