import AduanCore
import AduanStore
import Glibc

/// `aduan import` on a PostgreSQL store (issue 14): the same two steps as on SQLite (`Importer`:
/// check everything, write nothing unless all is valid or `--skip-invalid`), written through COPY
/// (`PGStore.prepare` on a second thread, `PGBulkLoad` on this one) in one transaction.
///
/// Who: the store's owner, the role that ran `aduan init` (or a role that holds its privileges:
/// `pg_has_role(session_user, owner of schema aduan, 'USAGE')`). An operator's role only reads and
/// asks the writer; it is refused before anything is read into the store. The owner imports as the
/// system (as `init` records the office), so the file's reports may belong to any agency of the
/// office; every import event carries the owner's login and the server's time.
enum PostgresImport {
    /// The store to import into, opened as its owner; refuses any other role. Nil on SQLite.
    static func ownerStore(_ s: Session) throws(CLIError) -> PGStore? {
        guard case .postgres(let conninfo) = s.location else { return nil }
        guard let conn = s.postgres else { throw .store(.postgres(.noStore(location: quoteInput(conninfo)))) }
        do {
            let r = try conn.query("""
                SELECT session_user AS login, coalesce(pg_has_role(session_user, n.nspowner, 'USAGE'), false) AS owner
                FROM pg_namespace n WHERE n.nspname = 'aduan'
                """)
            guard r.rowCount == 1 else { throw CLIError.store(.postgres(.noStore(location: quoteInput(conninfo)))) }
            guard r.bool(0, "owner") == true else {
                throw CLIError.refused(PostgresText.message(.importNeedsOwner(role: SafeText.line(r.text(0, "login") ?? "?")), s.language))
            }
            return try PGStore(conn, context: s.context)
        } catch {
            throw PostgresCommands.fail(error)
        }
    }

    /// The server's clock: every import event carries it (event times are the server's).
    static func serverNow(_ store: PGStore) throws(CLIError) -> Timestamp {
        do {
            return Timestamp(seconds: try store.conn.query("SELECT floor(extract(epoch FROM now()))::bigint AS now").int64(0, "now") ?? 0)
        } catch {
            throw PostgresCommands.fail(error)
        }
    }
}

/// The re-import keys a PostgreSQL store holds, read once (tracking numbers from `complaints`,
/// content keys from the owner's `complaint_keys`): the check step and, again under the write
/// lock, the write step look records up here instead of asking the server row by row.
final class PGImportKeys: @unchecked Sendable {
    private var ids: [String: Int64] = [:]

    static func load(_ conn: PGConnection) throws -> PGImportKeys {
        let keys = PGImportKeys()
        let t = try conn.query("SELECT id, tracking_id FROM aduan.complaints WHERE tracking_id IS NOT NULL")
        for i in 0..<t.rowCount { if let v = t.text(i, "tracking_id"), let id = t.int64(i, "id") { keys.ids["t:" + v] = id } }
        let k = try conn.query("SELECT id, content_key FROM aduan.complaint_keys")
        for i in 0..<k.rowCount { if let v = k.text(i, "content_key"), let id = k.int64(i, "id") { keys.ids["k:" + v] = id } }
        return keys
    }

    func id(_ key: String) -> Int64? { ids[key] }
}

extension Importer {
    /// Step 2 on PostgreSQL: the records that passed, read again and prepared (`PGStore.prepare`)
    /// on a second thread while this one sends the previous batch through COPY, all in one
    /// transaction. The load locks the event log first (`PGBulkLoad`), so a second import waits and
    /// then finds these reports (its keys are read again under the lock); a failure or a kill at
    /// any moment leaves nothing of this import.
    func write(_ checked: Checked, into store: PGStore, trace: PhaseTrace) throws -> Written {
        let t = session.strings
        let writing = Progress(t.importMessage(.importing), total: checked.valid, language: t.language)
        var out = Written()
        let context = store.context
        let login = store.conn.user
        let skipped = Confined(checked.verdicts)
        let job = Confined(self)
        typealias Item = (line: Int, source: Int64?, key: String, history: [Event], prepared: PGStore.PreparedHistory?)
        try store.conn.transaction {
            let load = try PGBulkLoad(store)
            let stored = try PGImportKeys.load(store.conn)
            var idMap: [Int64: Int64] = [:]
            var deferred: [(source: Int64?, history: [Event])] = []
            out = Written()
            let failed = Confined<Error?>(nil)
            let pipeline = Pipeline<[Item]>()
            let producer = pipeline.start { p in
                var batch: [Item] = []
                var ignored: [String] = []
                var ignoredToo: [String] = []
                let j = job.value
                do {
                    try ImportCommand.forEachRecord(j.format, bytes: j.bytes, path: j.path, s: j.session, errors: &ignored) { record in
                        guard skipped.value[record.line]?.skip == false else { return }
                        guard var h = ImportCommand.history(for: record, format: j.format, origin: j.origin, s: j.session, now: j.now,
                                                            path: j.path, errors: &ignoredToo) else { return }
                        // Every event this connection writes carries its login (as on SQLite).
                        for i in h.indices { h[i].login = login }
                        let key = Self.dedupKey(h)
                        // Reports that link a duplicate are prepared last, once their target has its number here.
                        var prepared: PGStore.PreparedHistory?
                        if skipped.value[record.line]?.duplicateTarget == nil {
                            prepared = try PGStore.prepare(h, context: context, login: login)
                            prepared?.preferredID = record.sourceID
                        }
                        batch.append((record.line, record.sourceID, key, h, prepared))
                        if batch.count >= Self.batchSize {
                            if !p.push(batch) { throw CLIError.environment("cancelled") }
                            batch.removeAll(keepingCapacity: true)
                        }
                    } invalid: { _ in }
                } catch {
                    failed.value = error
                    return
                }
                if !batch.isEmpty { _ = p.push(batch) }
            }
            defer {
                pipeline.cancel()
                if let producer { pthread_join(producer, nil) }
            }
            func insert(_ items: [PGStore.PreparedHistory], sources: [Int64?]) throws {
                let ids = try load.add(items)
                for (source, id) in zip(sources, ids) { if let source { idMap[source] = id } }
                out.written += ids.count
                writing.update(out.written, unit: t.importMessage(.complaints))
            }
            while let batch = pipeline.pop() {
                var now: [PGStore.PreparedHistory] = []
                var sources: [Int64?] = []
                for item in batch {
                    // The duplicate check again, under the lock: another import may have stored it since the check.
                    if let id = stored.id(item.key) {
                        if let source = item.source { idMap[source] = id }
                        out.storedMeanwhile += 1
                        continue
                    }
                    if let p = item.prepared { now.append(p); sources.append(item.source) } else { deferred.append((item.source, item.history)) }
                }
                try insert(now, sources: sources)
            }
            if let error = failed.value { throw error }
            trace.lap("write")
            var last: [PGStore.PreparedHistory] = []
            for item in deferred {
                var p = try PGStore.prepare(Self.relinked(item.history, idMap), context: context, login: login)
                p.preferredID = item.source
                last.append(p)
            }
            try insert(last, sources: deferred.map(\.source))
            try load.finish()
        }
        writing.finish(out.written, unit: t.importMessage(.complaints))
        return out
    }
}
