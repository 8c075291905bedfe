import AduanCore
import CLibPQ

extension PGConnection {
    /// Sends rows to a `COPY … FROM STDIN` (text format) in chunks of about 60 KB. A failure's
    /// message has every quoted segment taken out (COPY quotes the offending value).
    public func copyIn(_ sql: String, _ rows: [[PGValue]]) throws(PostgresError) {
        guard !rows.isEmpty else { return }
        guard let start = PQexec(handle, sql) else { throw PostgresError(sqlState: nil, message: Self.trimmed(String(cString: PQerrorMessage(handle))), sql: sql) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            let state = PQresultErrorField(start, ADUAN_PG_DIAG_SQLSTATE).map { String(cString: $0) }
            let primary = PQresultErrorField(start, ADUAN_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) } ?? "COPY did not start"
            throw PostgresError(sqlState: state, message: Self.withoutQuoted(primary), sql: sql)
        }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var sent = true
        func flush() {
            guard sent, !buffer.isEmpty else { return }
            sent = buffer.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { PQputCopyData(handle, $0, Int32(p.count)) == 1 }
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (i, v) in row.enumerated() {
                if i > 0 { buffer.append(0x09) }
                Self.appendCopyField(v, to: &buffer)
            }
            buffer.append(0x0A)
            if buffer.count >= 60_000 { flush() }
        }
        flush()
        let ended = sent ? PQputCopyEnd(handle, nil) : PQputCopyEnd(handle, "aduan: sending failed")
        var failure: PostgresError? = ended == 1 && sent ? nil
            : PostgresError(sqlState: nil, message: Self.trimmed(String(cString: PQerrorMessage(handle))), sql: sql)
        while let r = PQgetResult(handle) {
            if failure == nil, PQresultStatus(r) != PGRES_COMMAND_OK {
                let state = PQresultErrorField(r, ADUAN_PG_DIAG_SQLSTATE).map { String(cString: $0) }
                let primary = PQresultErrorField(r, ADUAN_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) } ?? "COPY failed"
                failure = PostgresError(sqlState: state, message: Self.withoutQuoted(primary), sql: sql)
            }
            PQclear(r)
        }
        if let failure { throw failure }
    }

    /// A COPY text-format field: `\N` for NULL; backslash, tab, newline and CR escaped.
    static func appendCopyField(_ v: PGValue, to out: inout [UInt8]) {
        switch v {
        case .null: out += [0x5C, 0x4E]
        case .int(let i): out += Array(String(i).utf8)
        case .bool(let b): out.append(b ? 0x74 : 0x66)
        case .text(let s):
            for b in s.utf8 {
                switch b {
                case 0x5C: out += [0x5C, 0x5C]
                case 0x09: out += [0x5C, 0x74]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                default: out.append(b)
                }
            }
        case .bytes(let bytes):
            // bytea hex input `\x…`, its backslash escaped for COPY.
            out += [0x5C, 0x5C, 0x78]
            let hex = Array("0123456789abcdef".utf8)
            for b in bytes { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0x0F)]) }
        }
    }

    /// `message` with every double-quoted segment replaced by "…".
    static func withoutQuoted(_ message: String) -> String {
        var out = ""
        var inQuote = false
        for ch in message {
            if ch == "\"" {
                out.append(ch)
                if !inQuote { out.append("…") }
                inQuote.toggle()
            } else if !inQuote {
                out.append(ch)
            }
        }
        return out
    }
}

extension PGStore {
    /// `insertHistories` through COPY, for imports and demo data: the same rows, hashes and
    /// projections, computed here instead of per row on the server. Events keep their times (the
    /// owner loads). Inside its transaction the append trigger is off (the table is locked against
    /// other writers meanwhile); the chain is extended from the recorded head with `Chain`'s
    /// formula, so `verify` and later appends see one chain.
    @discardableResult
    public func bulkInsertHistories(_ histories: [[Event]]) throws -> [Int64] {
        try ComplaintStore.requireLegal(histories, context: context)
        return try conn.transaction {
            try conn.execute("ALTER TABLE aduan.events DISABLE TRIGGER events_append")
            var (head, count) = try chainHeadForUpdate()
            var next = (try conn.query("SELECT coalesce(max(id), 0) + 1 AS next FROM aduan.complaints").int64(0, "next")) ?? 1
            var events: [[PGValue]] = [], views: [[PGValue]] = [], complaints: [[PGValue]] = []
            var reporters: [[PGValue]] = [], texts: [[PGValue]] = []
            var ids: [Int64] = []
            let login = conn.user
            for history in histories where !history.isEmpty {
                let id = next
                next += 1
                var state: Complaint?
                var mine: [(Event, Int64)] = []
                for var e in history {
                    e.complaintID = id
                    let body = EventCodec.storedBody(e)
                    count += 1
                    head = Chain.link(previous: head, seq: count, complaint: id,
                                      content: Chain.contentDigest(version: Int64(e.version), at: e.at.seconds, kind: e.kind.rawValue,
                                                                   actor: e.actor.id, body: body))
                    events.append([.int(count), .int(id), .int(Int64(e.version)), .int(e.at.seconds), .text(e.kind.rawValue), .text(e.actor.id),
                                   .text(e.login ?? login), e.kind == .forward ? .text(e.actor.agency) : .null,
                                   e.kind == .forward ? e.details.agency.map { .text($0) } ?? .null : .null,
                                   .text(String(decoding: body, as: UTF8.self)), .bytes(head)])
                    state = Workflow.evolve(state, e)
                    mine.append((e, count))
                }
                let c = state!
                for (e, seq) in mine {
                    for form in Self.eventForms(e, in: c) {
                        views.append([.int(seq), .int(id), .int(Int64(e.version)), .int(e.at.seconds), .text(e.kind.rawValue),
                                      .bool(Privacy.eventNeedsHandling(e)), .bool(Privacy.eventNeedsContent(e)), .int(Int64(form.mask)), .text(form.body)])
                    }
                }
                complaints.append(projectionRow(c))
                if let r = c.reporter {
                    func opt(_ s: String?) -> PGValue { s.map { .text($0) } ?? .null }
                    reporters.append([.int(id), opt(r.name), opt(r.phone), opt(r.email), opt(r.nik)])
                }
                for (masked, title, body, location) in Self.textRows(c) {
                    texts.append([.int(id), .bool(masked), .text(title), .text(body), .text(location), .text(PGSearch.vector(title: title, body: body))])
                }
                ids.append(id)
            }
            try conn.copyIn("COPY aduan.events(seq, complaint_id, version, at, kind, actor_id, login, agency_from, agency_to, body, hash) FROM STDIN", events)
            try conn.copyIn("COPY aduan.event_views(seq, complaint_id, version, at, kind, needs_handling, needs_content, shown_to, body) FROM STDIN", views)
            try conn.copyIn("COPY aduan.complaints(\(Self.projectionColumns)) FROM STDIN", complaints)
            try conn.copyIn("COPY aduan.complaint_reporters(id, name, phone, email, nik) FROM STDIN", reporters)
            try conn.execute("CREATE TEMP TABLE aduan_texts_stage(id bigint, masked boolean, title text, body text, location text, words text) ON COMMIT DROP")
            try conn.copyIn("COPY aduan_texts_stage FROM STDIN", texts)
            try conn.execute("""
                INSERT INTO aduan.complaint_texts(id, masked, title, body, location, words)
                SELECT id, masked, title, body, location, words::tsvector FROM aduan_texts_stage
                """)
            try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'chain_head'", [.text(SHA256.hexString(head))])
            try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'event_count'", [.text(String(count))])
            try conn.execute("ALTER TABLE aduan.events ENABLE TRIGGER events_append")
            return ids
        }
    }

    /// The recorded chain head and count, locked until the transaction ends.
    func chainHeadForUpdate() throws -> ([UInt8], Int64) {
        let r = try conn.query("SELECT key, value FROM aduan.meta WHERE key IN ('chain_head', 'event_count') FOR UPDATE")
        var head = Chain.genesis, count: Int64 = 0
        for i in 0..<r.rowCount {
            if r.text(i, "key") == "chain_head" { head = Chain.fromHex(r.text(i, "value") ?? "") }
            if r.text(i, "key") == "event_count" { count = Int64(r.text(i, "value") ?? "") ?? 0 }
        }
        return (head, count)
    }
}
