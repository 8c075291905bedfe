import AduanCore
import AduanStore

/// Sessions on a PostgreSQL store (issue 14): the location names the database, the office comes
/// from the store, the login is the database role the connection acts as, and list/show/act talk
/// to the store through the one contract (`AduanStoreContract`).
extension Session {
    /// Reads a store location; a PostgreSQL location with a password (or a malformed connection
    /// string) is refused before anything connects.
    static func storeLocation(_ text: String, _ language: Language) throws(CLIError) -> StoreLocation {
        switch StoreLocation.parse(text) {
        case .success(let l): return l
        case .failure(.passwordInLocation):
            // The location is not echoed: it holds the password.
            throw .environment(PostgresText.message(.passwordInLocation(location: "--store"), language))
        case .failure(.malformedConnectionString(let word)):
            throw .environment(PostgresText.message(.malformedLocation(word: quoteInput(word)), language))
        }
    }

    /// Connects as the operator's role, checks the store and reads the office it keeps.
    static func loadPostgresOffice(_ conninfo: String, arguments: ParsedArguments, personal: PersonalConfig, configPath: String?,
                                   officeKeys: [(key: String, line: Int)], language: Language) throws(CLIError) -> LoadedOffice {
        let shown = quoteInput(conninfo)
        if arguments.command == .`init` {
            throw .environment(PostgresText.message(.noStore(location: shown), language))
        }
        let conn: PGConnection
        do {
            conn = try PGOperatorStore.connect(conninfo)
            try PGOperatorStore.check(conn, location: shown)
        } catch {
            throw .store(error)
        }
        let stored: OfficeVersion
        do {
            guard let v = try PGStore.office(on: conn) else { throw CLIError.environment(PostgresText.message(.noStore(location: shown), language)) }
            stored = v
        } catch let e as CLIError {
            throw e
        } catch {
            throw .store(.postgres(.database(detail: (error as? PostgresError)?.message ?? "\(error)")))
        }
        if let configPath, !officeKeys.isEmpty {
            throw .environment(ConfigError(file: configPath, line: officeKeys[0].line, key: officeKeys.map(\.key).joined(separator: ", "),
                                           problem: .belongsToOffice(store: shown)).text(language))
        }
        let office: OfficeConfig
        switch OfficeDocument.parse(stored.document, version: stored.version) {
        case .success(let c): office = c
        case .failure(let e):
            throw .environment(AduanCore.strings(language).command(.storeOfficeUnreadable(store: shown)) + "\n" + e.lines(language).joined(separator: "\n"))
        }
        return LoadedOffice(config: try combine(personal, office, file: configPath ?? "config", language), configPath: configPath,
                            source: .store(stored), documentSource: nil, storePath: conninfo, postgres: conn)
    }

    /// The store the command talks to, whichever backend keeps it.
    func openContract(reading: Bool = false) throws(CLIError) -> any AduanStoreContract {
        guard location.isPostgres else { return try openStore(reading: reading) }
        return try openPostgres()
    }

    /// The store's figures (report, dashboard), whichever backend keeps it: on PostgreSQL read as
    /// the operator's role, so the database decides what is counted.
    func openFigures() throws(CLIError) -> any AduanFiguresContract {
        guard location.isPostgres else { return try openStore(reading: true) }
        return try openPostgres()
    }

    /// The PostgreSQL store as the operator's role sees it.
    func openPostgres() throws(CLIError) -> PGOperatorStore {
        guard case .postgres(let conninfo) = location else { throw .environment(PostgresText.message(.noStore(location: quoteInput(storePath)), language)) }
        guard let conn = postgres else { throw .environment(PostgresText.message(.noStore(location: quoteInput(conninfo)), language)) }
        do {
            let store = try PGOperatorStore(conn: conn, conninfo: conninfo, context: context)
            if let s = Platform.env("ADUAN_PG_WRITER_TIMEOUT").flatMap(Double.init), s > 0 { store.writerTimeout = s }
            return store
        } catch {
            throw .store(error)
        }
    }

    /// The PostgreSQL store as its owner works on it (anchor, auto-close): a login that does not
    /// own the store is refused, naming why, before anything is read or written.
    func ownerStore(_ command: String) throws(CLIError) -> PGStore {
        guard location.isPostgres, let conn = postgres else {
            throw .environment(PostgresText.message(.noStore(location: quoteInput(storePath)), language))
        }
        do {
            let owns = try conn.query("""
                SELECT pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'aduan'), 'MEMBER') AS owns
                """).bool(0, "owns") ?? false
            guard owns else { throw CLIError.refused(PostgresText.message(.ownerOnly(command: command, role: SafeText.line(login)), language)) }
            return try PGStore(conn, context: context)
        } catch let e as CLIError {
            throw e
        } catch {
            throw PostgresCommands.fail(error)
        }
    }

    /// Refuses a command that works on SQLite stores only, naming it.
    func refuseOnPostgres(_ command: String) throws(CLIError) {
        if location.isPostgres { throw .refused(PostgresText.message(.notOnPostgres(command: command), language)) }
    }
}
