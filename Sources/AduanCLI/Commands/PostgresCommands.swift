import AduanCore
import AduanStore

/// `init`, `verify`, `backup` and `serve` on a PostgreSQL store (issue 14). These run as the
/// store's owner (the role that made the schema): operators' roles read and ask, never write.
enum PostgresCommands {
    static func conninfo(_ s: Session) -> String? {
        if case .postgres(let c) = s.location { return c }
        return nil
    }

    static func fail(_ e: Error) -> CLIError {
        if let e = e as? CLIError { return e }
        if let e = e as? StoreError { return .store(e) }
        if let e = e as? PGStoreRefusal { return .store(storeError(e)) }
        if let e = e as? PostgresError { return .store(.postgres(.database(detail: e.message))) }
        return .environment("\(e)")
    }

    static func storeError(_ r: PGStoreRefusal) -> StoreError {
        switch r {
        case .newerSchema(let found, let known): return .postgres(.newerSchema(found: found, known: known))
        case .foreignSchema(let reason): return .postgres(.foreignSchema(reason: reason))
        case .noStore: return .postgres(.noStore(location: "?"))
        case .database(let e): return .postgres(.database(detail: e.message))
        }
    }

    /// `aduan init --store postgres… --office FILE`: creates the schema (or brings an older one up
    /// to date) and records the office, as the connected role, which becomes the store's owner.
    static func initStore(_ s: Session, _ conninfo: String) throws(CLIError) -> Int32 {
        let shown = quoteInput(conninfo)
        guard let source = s.officeDocumentSource, let file = s.arguments.value("office") else {
            throw .usage(PostgresText.message(.noStore(location: shown), s.language))
        }
        let made = try Session.officeDocument(source, s.language)
        do {
            let conn = try PGOperatorStore.connect(conninfo)
            let found = try PGSchema.open(conn, create: true)
            let store = try PGStore(conn, context: made.config.context)
            if let existing = try PGStore.office(on: conn) {
                _ = existing
                throw CLIError.refused(s.strings.operation(.initRefusedOfficeExists(store: shown, file: file)))
            }
            let result = try store.recordOffice(document: made.document, summary: "seeded from \(source.file)", by: Actor.system.id, basedOn: nil)
            s.out.line(PostgresText.message(found == 0 ? .created(location: shown) : .storeExists(location: shown), s.language))
            if case .recorded = result, let v = try PGStore.office(on: conn) {
                s.out.line(s.strings.operation(.initOffice(version: v.version, source: file, sha256: v.sha256)))
            }
            return 0
        } catch {
            throw fail(error)
        }
    }

    /// `aduan verify` on PostgreSQL: the chain, the projections against a replay, row-level
    /// security and every login's policies, and the office record. Reads the whole log: the owner's.
    static func verify(_ s: Session, _ conninfo: String) throws(CLIError) -> Int32 {
        guard let conn = s.postgres else { throw .store(.postgres(.noStore(location: quoteInput(conninfo)))) }
        do {
            let store = try PGStore(conn, context: s.context)
            let problems = try store.verify(operators: s.config.operators)
            let office = try store.officeRecordProblems()
            for p in problems { s.out.line(SafeText.line(p.message.map { PostgresText.message($0, s.language) } ?? p.description)) }
            for p in office { s.out.line("office: " + SafeText.line(p)) }
            if problems.isEmpty && office.isEmpty {
                let complaints = Int(try conn.query("SELECT count(*) AS n FROM aduan.complaints").int64(0, "n") ?? 0)
                s.out.line(PostgresText.message(.verifiedWhole(complaints: complaints, events: try store.chainHead().count), s.language))
                return 0
            }
            s.out.line(PostgresText.message(.verifyProblems(count: problems.count + office.count), s.language))
            return 1
        } catch {
            throw fail(error)
        }
    }

    /// `aduan backup` on PostgreSQL: PostgreSQL's own tool, named with the store's schema.
    static func backup(_ s: Session, _ conninfo: String) throws(CLIError) -> Int32 {
        let dest = s.arguments.positionals.first ?? "aduan.dump"
        let command = "pg_dump -n aduan -Fc -f \(shellQuoted(dest)) \(shellQuoted(conninfo))   (restore: pg_restore -d DATABASE FILE)"
        throw .refused(PostgresText.message(.backupWithPgDump(command: SafeText.line(command)), s.language))
    }

    static func shellQuoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

/// `aduan serve --store postgres…`: the store's writer (PGWriterLoop).
enum ServeCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        guard let conninfo = PostgresCommands.conninfo(s) else {
            throw .usage(PostgresText.message(.serveNeedsPostgres, s.language))
        }
        let shown = quoteInput(conninfo)
        do {
            try PGWriterLoop.run(conninfo: conninfo, office: { conn in
                // The office as the store keeps it at each (re)connection and after each change.
                guard let v = try PGStore.office(on: conn), case .success(let office) = OfficeDocument.parse(v.document, version: v.version) else {
                    return (s.context, s.config.operators)
                }
                return (office.context, office.operators)
            }, say: { event in
                switch event {
                case .serving:
                    s.out.line(PostgresText.message(.serving(location: shown), s.language))
                    s.out.flush()
                case .lostConnection(let detail, let retryIn):
                    s.err.line("aduan: " + PostgresText.message(.writerLostConnection(detail: SafeText.line(detail), retryIn: retryIn), s.language))
                    s.err.flush()
                case .reconnected:
                    s.err.line("aduan: " + PostgresText.message(.writerReconnected, s.language))
                    s.err.flush()
                }
            })
        } catch {
            throw .store(error)
        }
        return 0
    }
}
