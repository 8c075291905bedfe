import AduanCore

/// Loading many histories into the PostgreSQL store through COPY (imports, demo data), in two
/// steps so the expensive one can run on another thread while the writer sends the previous batch:
///
/// 1. `PGStore.prepare(history)` (thread-safe, no connection): replays the history through
///    `Workflow` (a history the rules would not have allowed throws `.illegalHistory`), folds it
///    once, and builds every row the store keeps for it as COPY text: the events (body and content
///    digest), their redacted forms for `event_views`, the `complaints` row, the reporter and the
///    two text rows with their search words. Nothing of it depends on the report's number or the
///    events' positions, which the writer puts in front of each row.
/// 2. `PGBulkLoad` (the writer, inside one transaction): gives each report its number (the
///    source's when free), extends the hash chain from the locked head with `Chain`'s formula, and
///    sends one COPY per table per batch. The rows and hashes are exactly those of the
///    statement-per-row path (`insertHistories`; PGBulkTests compares them byte for byte).
extension PGStore {
    /// A history made ready for COPY. See the extension's comment.
    public struct PreparedHistory: Sendable {
        /// Every row's bytes after its leading number columns, one buffer for the whole history.
        var bytes: [UInt8] = []
        /// Per event: its content digest and where its row's tail (version … body, binary fields) lies.
        var events: [(digest: [UInt8], tail: Range<Int>)] = []
        /// Per distinct redacted form: its event (index into `events`) and its row's tail (version … body, binary fields).
        var views: [(event: Int, tail: Range<Int>)] = []
        /// The `complaints` row after its id.
        var complaint: Range<Int> = 0..<0
        var reporter: Range<Int>?
        /// The two `complaint_texts` rows after their id, in COPY's binary form (masked … audience).
        var texts: [Range<Int>] = []
        /// Per text row: its tokens and the words its scoped vector carries under each, sorted
        /// (the keys' numbers are the writer's to give, in `PGBulkLoad.add`).
        var scoped: [(tokens: [String], words: [(bytes: [UInt8], positions: [Int])])] = []
        /// The re-import key (`ContentKey`; nil for a report with a tracking number).
        public var contentKey: String?
        /// The LAPOR! tracking number, the other re-import key.
        public var trackingID: String?
        /// The report's own number in its source, kept when free in the store.
        public var preferredID: Int64?
        /// The newest event time, for the caller's clock check.
        public var latest: Timestamp
    }

    /// Step 1 (see above). `login` is the login column of events that carry none (the loading role).
    public static func prepare(_ history: [Event], context: WorkflowContext, login: String) throws(StoreError) -> PreparedHistory {
        var history = history
        for i in history.indices { history[i].complaintID = 0 }
        let c: Complaint
        switch Workflow.replay(history, context: context) {
        case .failure(let e): throw .illegalHistory(e)
        case .success(let folded): c = folded
        }
        var p = PreparedHistory(latest: history.last?.at ?? Timestamp(seconds: 0))
        var out = CopyRowWriter()
        out.bytes.reserveCapacity(1024 * history.count + 2048)
        // Events and their forms in COPY's binary form (PGCopyBinary.swift), the texts too (below);
        // the complaint and reporter rows in text form.
        for e in history {
            let body = EventCodec.storedBody(e)
            let start = out.bytes.count
            BinaryCopyWriter.int4Field(Int32(e.version), &out.bytes); BinaryCopyWriter.int8Field(e.at.seconds, &out.bytes)
            BinaryCopyWriter.textField(e.kind.rawValue, &out.bytes); BinaryCopyWriter.textField(e.actor.id, &out.bytes)
            BinaryCopyWriter.textField(e.login ?? login, &out.bytes)
            if e.kind == .forward {
                BinaryCopyWriter.textField(e.actor.agency, &out.bytes)
                if let to = e.details.agency { BinaryCopyWriter.textField(to, &out.bytes) } else { BinaryCopyWriter.nullField(&out.bytes) }
            } else {
                BinaryCopyWriter.nullField(&out.bytes); BinaryCopyWriter.nullField(&out.bytes)
            }
            BinaryCopyWriter.bytesField(body, &out.bytes)
            p.events.append((Chain.contentDigest(version: Int64(e.version), at: e.at.seconds, kind: e.kind.rawValue, actor: e.actor.id, body: body),
                             start..<out.bytes.count))
        }
        for (i, e) in history.enumerated() {
            let needsHandling = Privacy.eventNeedsHandling(e), needsContent = Privacy.eventNeedsContent(e)
            for form in eventForms(e, in: c) {
                let start = out.bytes.count
                BinaryCopyWriter.int4Field(Int32(e.version), &out.bytes); BinaryCopyWriter.int8Field(e.at.seconds, &out.bytes)
                BinaryCopyWriter.textField(e.kind.rawValue, &out.bytes)
                BinaryCopyWriter.boolField(needsHandling, &out.bytes); BinaryCopyWriter.boolField(needsContent, &out.bytes)
                BinaryCopyWriter.int4Field(Int32(form.mask), &out.bytes); BinaryCopyWriter.bytesField(form.body, &out.bytes)
                p.views.append((i, start..<out.bytes.count))
            }
        }
        var start = out.bytes.count
        for v in projectionRow(c, context: context).dropFirst() { out.value(v) }
        out.endRow()
        p.complaint = start..<out.bytes.count
        if let r = c.reporter {
            start = out.bytes.count
            out.text(r.name); out.text(r.phone); out.text(r.email); out.text(r.nik)
            out.endRow()
            p.reporter = start..<out.bytes.count
        }
        // The text rows in COPY's binary form (PGCopyBinary.swift): each row's fields after its id.
        // The masked row usually has the very texts of the full one (no reporter named in them):
        // its search words are then the same too.
        var words: (title: String, body: String, vector: Range<Int>)?
        for (masked, title, body, location) in textRows(c) {
            start = out.bytes.count
            BinaryCopyWriter.boolField(masked, &out.bytes)
            BinaryCopyWriter.textField(title, &out.bytes)
            BinaryCopyWriter.textField(body, &out.bytes)
            BinaryCopyWriter.textField(location, &out.bytes)
            let vector = out.bytes.count
            if let w = words, w.title == title, w.body == body {
                let same = Array(out.bytes[w.vector])
                out.bytes.append(contentsOf: same)
            } else {
                PGSearch.appendBinaryVector(title: title, body: body, to: &out.bytes)
            }
            words = (title, body, vector..<out.bytes.count)
            let tokens = Audience.tokens(of: c, masked: masked)
            BinaryCopyWriter.appendTextArray(tokens, to: &out.bytes)
            p.texts.append(start..<out.bytes.count)
            p.scoped.append((tokens, PGSearch.sortedScopedWords(keys: tokens.count, title: title, body: body)))
        }
        p.bytes = out.bytes
        p.contentKey = contentKey(of: c, first: history[0])
        p.trackingID = c.trackingID
        return p
    }
}

/// Step 2: the writer's side of a bulk load, inside the caller's transaction (`conn.transaction`).
/// `init` disables the append trigger for this transaction (ALTER TABLE locks the log against
/// every other writer until commit) and locks the chain head; `add` writes batches (the first
/// large one into an empty store drops the secondary indexes, `PGBulkIndexes.swift`); `finish`
/// builds them again, records the new head and turns the trigger back on. A throw anywhere rolls the whole
/// transaction back: nothing of the load remains.
public final class PGBulkLoad {
    let store: PGStore
    var head: [UInt8]
    var count: Int64
    var next: Int64
    /// Report numbers in use (read once), so a source's number is kept only when free.
    var taken: Set<Int64>
    public private(set) var latest: Timestamp?
    /// The first batch at least this large, into a store holding no report yet, has the secondary
    /// indexes and foreign keys built once at the end instead of row by row (`PGBulkIndexes.swift`).
    let deferIndexesFrom: Int
    private let empty: Bool
    /// Whether the first batch was looked at yet, and what `finish` must make again.
    private var decided = false
    private var rebuild: [String] = []
    /// Whether this load builds the indexes at the end (known after the first `add`).
    public var buildsIndexesAfter: Bool { !rebuild.isEmpty }
    /// Where the writer's time went (wall seconds): assembling the batches' rows, each table's COPY
    /// (sent and acknowledged: the server's work on that table), and `finish`.
    public private(set) var timings = Timings()

    public struct Timings: Sendable {
        public var assembling = 0.0
        /// Per table, in the order the load writes them.
        public var copy: [(table: String, seconds: Double, bytes: Int)] = []
        public var finishing = 0.0
        /// Of `finishing`: building the indexes and checking the foreign keys dropped for the load.
        public var indexing = 0.0
        public init() {}
        public var copySeconds: Double { copy.reduce(0) { $0 + $1.seconds } }

        public mutating func add(_ table: String, _ seconds: Double, _ bytes: Int) {
            if let i = copy.firstIndex(where: { $0.table == table }) {
                copy[i].seconds += seconds
                copy[i].bytes += bytes
            } else {
                copy.append((table, seconds, bytes))
            }
        }
    }

    /// `deferIndexesFrom`: see the property (Int.max: never, as before session 7).
    public init(_ store: PGStore, deferIndexesFrom: Int = 1_000) throws {
        self.store = store
        self.deferIndexesFrom = deferIndexesFrom
        let conn = store.conn
        try conn.execute("ALTER TABLE aduan.events DISABLE TRIGGER events_append")
        (head, count) = try store.chainHeadForUpdate()
        let ids = try conn.query("SELECT id FROM aduan.complaints")
        taken = Set((0..<ids.rowCount).compactMap { ids.int64($0, "id") })
        next = (taken.max() ?? 0) + 1
        empty = taken.isEmpty
    }

    /// Writes a batch: numbers, chain, one COPY per table. Returns the numbers given, in order.
    @discardableResult
    public func add(_ batch: [PGStore.PreparedHistory]) throws -> [Int64] {
        guard !batch.isEmpty else { return [] }
        if !decided {
            decided = true
            if empty && batch.count >= deferIndexesFrom { rebuild = try dropIndexesForLoad() }
        }
        // The batch's search keys numbered first (one or three statements).
        let numbers = try PGStore.audienceIDs(Array(Set(batch.flatMap { $0.scoped.flatMap(\.tokens) })), on: store.conn,
                                              cache: &store.audienceCache)
        let assembly = PGConnection.monotonicSeconds()
        var events = BinaryCopyWriter(), views = BinaryCopyWriter(), complaints = CopyRowWriter()
        var reporters = CopyRowWriter(), texts = BinaryCopyWriter(), keys = CopyRowWriter()
        let size = batch.reduce(0) { $0 + $1.bytes.count }
        events.reserve(size / 2 + 1024)
        views.reserve(size / 2 + 1024)
        var ids: [Int64] = []
        ids.reserveCapacity(batch.count)
        var field: [UInt8] = []
        for p in batch {
            var id = next
            if let wanted = p.preferredID, wanted > 0, !taken.contains(wanted) { id = wanted }
            taken.insert(id)
            next = max(next, id + 1)
            ids.append(id)
            let firstSeq = count + 1
            p.bytes.withUnsafeBufferPointer { b in
                for e in p.events {
                    count += 1
                    head = Chain.link(previous: head, seq: count, complaint: id, content: e.digest)
                    events.row(11); events.int8(count); events.int8(id); events.raw(b[e.tail]); events.bytea(head)
                }
                for v in p.views {
                    views.row(9); views.int8(firstSeq + Int64(v.event)); views.int8(id); views.raw(b[v.tail])
                }
                complaints.int(id); complaints.raw(b[p.complaint])
                if let r = p.reporter { reporters.int(id); reporters.raw(b[r]) }
                for (t, scoped) in zip(p.texts, p.scoped) {
                    texts.row(8); texts.int8(id); texts.raw(b[t])
                    field.removeAll(keepingCapacity: true)
                    PGSearch.appendBinaryScopedVector(prefixes: scoped.tokens.map { PGSearch.scopedPrefix(numbers[$0]!) },
                                                      sortedWords: scoped.words, to: &field)
                    texts.raw(field)
                }
                if let k = p.contentKey { keys.int(id); keys.text(k); keys.endRow() }
            }
            if latest.map({ $0 < p.latest }) ?? true { latest = p.latest }
        }
        timings.assembling += PGConnection.monotonicSeconds() - assembly
        let conn = store.conn
        func copy(_ table: String, _ columns: String, _ data: [UInt8], binary: Bool = false) throws {
            let t = PGConnection.monotonicSeconds()
            try conn.copyBytes("COPY aduan.\(table)(\(columns)) FROM STDIN" + (binary ? " WITH (FORMAT binary)" : ""), data)
            timings.add(table, PGConnection.monotonicSeconds() - t, data.count)
        }
        try copy("events", "seq, complaint_id, version, at, kind, actor_id, login, agency_from, agency_to, body, hash", events.finished(), binary: true)
        try copy("event_views", "seq, complaint_id, version, at, kind, needs_handling, needs_content, shown_to, body", views.finished(), binary: true)
        try copy("complaints", PGStore.projectionColumns, complaints.bytes)
        try copy("complaint_reporters", "id, name, phone, email, nik", reporters.bytes)
        try copy("complaint_texts", "id, masked, title, body, location, words, audience, scoped_words", texts.finished(), binary: true)
        try copy("complaint_keys", "id, content_key", keys.bytes)
        return ids
    }

    /// Records the chain's new head and count and turns the append trigger back on.
    public func finish() throws {
        let t = PGConnection.monotonicSeconds()
        defer { timings.finishing += PGConnection.monotonicSeconds() - t }
        let conn = store.conn
        try rebuildIndexes(rebuild)
        timings.indexing += PGConnection.monotonicSeconds() - t
        try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'chain_head'", [.text(SHA256.hexString(head))])
        try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'event_count'", [.text(String(count))])
        try conn.execute("ALTER TABLE aduan.events ENABLE TRIGGER events_append")
    }
}

/// COPY text-format rows written straight into bytes: each field followed by a tab, `endRow`
/// turns the last tab into a newline. Texts have backslash, tab, newline and CR escaped.
struct CopyRowWriter {
    var bytes: [UInt8] = []

    mutating func null() { bytes.append(0x5C); bytes.append(0x4E); bytes.append(0x09) }

    mutating func bool(_ b: Bool) { bytes.append(b ? 0x74 : 0x66); bytes.append(0x09) }

    mutating func int(_ i: Int64) {
        if i < 0 { bytes.append(0x2D) }
        var m = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(truncatingIfNeeded: m % 10) + 0x30; m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
        bytes.append(0x09)
    }

    mutating func text(_ s: String?) {
        guard var s else { return null() }
        s.withUTF8 { escaped($0) }
        bytes.append(0x09)
    }

    mutating func text(_ b: [UInt8]) {
        b.withUnsafeBufferPointer { escaped($0) }
        bytes.append(0x09)
    }

    private mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        var plain = 0
        for (i, b) in u.enumerated() where b == 0x5C || b == 0x09 || b == 0x0A || b == 0x0D {
            if i > plain { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[plain..<i])) }
            bytes.append(0x5C)
            bytes.append(b == 0x5C ? 0x5C : b == 0x09 ? 0x74 : b == 0x0A ? 0x6E : 0x72)
            plain = i + 1
        }
        if u.count > plain { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[plain...])) }
    }

    /// bytea hex input (`\x…`, the backslash escaped for COPY).
    mutating func hash(_ digest: [UInt8]) {
        bytes.append(0x5C); bytes.append(0x5C); bytes.append(0x78)
        for b in digest { bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 0x0F)]) }
        bytes.append(0x09)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func value(_ v: PGValue) {
        switch v {
        case .null: null()
        case .int(let i): int(i)
        case .bool(let b): bool(b)
        case .text(let s): text(s)
        case .bytes(let b): hash(b)
        }
    }

    /// Bytes already in COPY form (a prepared row's tail).
    mutating func raw(_ slice: Slice<UnsafeBufferPointer<UInt8>>) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: slice)) }

    mutating func endRow() {
        if bytes.last == 0x09 { bytes[bytes.count - 1] = 0x0A } else { bytes.append(0x0A) }
    }
}
