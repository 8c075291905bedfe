import AduanCore
import CLibPQ

extension PGConnection {
    /// Sends rows to a `COPY … FROM STDIN` (text format). A failure's message has every quoted
    /// segment taken out (COPY quotes the offending value).
    public func copyIn(_ sql: String, _ rows: [[PGValue]]) throws(PostgresError) {
        guard !rows.isEmpty else { return }
        var w = CopyRowWriter()
        for row in rows {
            for v in row { w.value(v) }
            w.endRow()
        }
        try copyBytes(sql, w.bytes)
    }

    /// Sends rows already in COPY text format (`CopyRowWriter`) to a `COPY … FROM STDIN`, in
    /// chunks of 256 KB. Nothing is sent for no rows.
    func copyBytes(_ sql: String, _ data: [UInt8]) throws(PostgresError) {
        guard !data.isEmpty else { return }
        guard let start = PQexec(handle, sql) else { throw PostgresError(sqlState: nil, message: Self.trimmed(String(cString: PQerrorMessage(handle))), sql: sql) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            let state = PQresultErrorField(start, ADUAN_PG_DIAG_SQLSTATE).map { String(cString: $0) }
            let primary = PQresultErrorField(start, ADUAN_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) } ?? "COPY did not start"
            throw PostgresError(sqlState: state, message: Self.withoutQuoted(primary), sql: sql)
        }
        PQclear(start)
        let sent = data.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { base in
                var offset = 0
                while offset < p.count {
                    let n = min(1 << 18, p.count - offset)
                    guard PQputCopyData(handle, base + offset, Int32(n)) == 1 else { return false }
                    offset += n
                }
                return true
            }
        }
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
    /// projections, computed here instead of per row on the server (`prepare`, `PGBulkLoad`), in
    /// one transaction. Events keep their times (the owner loads).
    @discardableResult
    public func bulkInsertHistories(_ histories: [[Event]]) throws -> [Int64] {
        let login = conn.user
        var prepared: [PreparedHistory] = []
        prepared.reserveCapacity(histories.count)
        for history in histories where !history.isEmpty { prepared.append(try Self.prepare(history, context: context, login: login)) }
        return try conn.transaction {
            let load = try PGBulkLoad(self)
            let ids = try load.add(prepared)
            try load.finish()
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
