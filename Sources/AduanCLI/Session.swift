import AduanCore
import AduanStore

/// Everything a command needs: the parsed arguments, the office config, the operator, the
/// language and the store path. Built once per run.
public final class Session {
    public let arguments: ParsedArguments
    public let config: OfficeConfig
    /// The config file used, or nil for the built-in example office.
    public let configPath: String?
    public let language: Language
    public let strings: any StringTable
    /// The operator this login acts as (Identity.resolve): bound to the login on an office
    /// store, anyone on a training store.
    public let operatorActor: Actor
    /// The authenticated login: the Unix account running the program (Platform.login).
    public let login: String
    /// Whether the store is a training store: read from the store's mark (or, for a store this
    /// command creates, whether it creates a training one); confirmed when the store is opened.
    public private(set) var isTraining: Bool
    /// This command makes a training store when the store does not exist yet.
    let createsTraining: Bool
    private var trainingNoticeShown = false
    private var storeOpened = false
    public let storePath: String
    /// Where the store lives: a SQLite file, or a PostgreSQL database (SessionPostgres.swift).
    public let location: StoreLocation
    /// On a PostgreSQL store: the connection as the operator's own role.
    let postgres: PGConnection?
    /// Where the office (directory, rules) came from: the store, or (a store without an office
    /// record yet) a config file or the built-in example.
    public let officeSource: OfficeSource
    /// The file (or built-in text) a store made by this run is seeded from, when the office did not come from the store.
    let officeDocumentSource: OfficeDocumentSource?
    public let usesDemoStore: Bool
    public let out: OutputStream
    public let err: OutputStream
    /// Whether `out` is a terminal, where text from the public must be made safe before it is shown.
    public let outIsTerminal: Bool
    /// Built once: the transition table inside costs more than most decisions that use it.
    public let context: WorkflowContext
    /// Said at open when this computer's clock lies behind the store's last event (see SessionClock.swift).
    public internal(set) var clockWarning: String?

    public init(arguments: ParsedArguments, out: OutputStream = OutputStream(fd: 1), err: OutputStream = OutputStream(fd: 2),
                outIsTerminal: Bool? = nil) throws(CLIError) {
        self.arguments = arguments
        self.out = out
        self.outIsTerminal = outIsTerminal ?? Platform.isTerminal(out.fd)
        self.err = err
        let loaded = try Session.loadOffice(arguments)
        let config = loaded.config
        let path = loaded.configPath
        self.config = config
        context = config.context
        configPath = path
        officeSource = loaded.source
        officeDocumentSource = loaded.documentSource
        storePath = loaded.storePath
        postgres = loaded.postgres
        location = (try? Session.storeLocation(loaded.storePath, .en)) ?? .sqlite(path: loaded.storePath)
        usesDemoStore = arguments.flag("demo")
        language = Platform.language(flag: arguments.value("lang"), config: config.language)
        let table = AduanCore.strings(language)
        strings = table
        if let lang = arguments.value("lang"), Language.from(lang) == nil {
            throw .usage(table.command(.expectedOneOf(option: "lang", value: lang, options: ["id", "en"])))
        }
        let officeName: CommandMessage.OfficeSource
        switch loaded.source {
        case .store(let v): officeName = .store(storePath, version: v.version)
        case .file(let f): officeName = .file(f)
        case .builtIn: officeName = .builtIn
        }
        createsTraining = usesDemoStore || arguments.command == .demo || (arguments.command == .`init` && arguments.flag("training"))
        if location.isPostgres && createsTraining {
            throw .refused(PostgresText.message(.notOnPostgres(command: arguments.flag("training") ? "init --training" : arguments.command.rawValue), language))
        }
        let mark = location.isPostgres ? false : ComplaintStore.trainingMark(at: storePath)
        isTraining = mark ?? (!Files.exists(storePath) && createsTraining)
        if mark == false && createsTraining {
            let message: TrustMessage = arguments.command == .demo ? .demoIntoOfficeStore(store: storePath) : .officeStoreCannotBecomeTraining(store: storePath)
            throw .environment(table.trust(message))
        }
        // On PostgreSQL the login is the database role the connection acts as (peer or SCRAM).
        login = postgres.flatMap { try? $0.query("SELECT session_user AS u").text(0, "u") } ?? Platform.login()
        // The store's owner making the store or running its writer acts as the system, not as an operator.
        if location.isPostgres && ([.`init`, .serve, .verify, .backup, .anchor, .autoClose, .sweep, .`import`].contains(arguments.command)
                                   || (arguments.command == .office && arguments.positionals.first == "roles")) {
            operatorActor = .system
            return
        }
        switch Identity.resolve(operators: config.operators, defaultOperator: config.defaultOperator, login: login,
                                requested: arguments.value("as"), training: isTraining) {
        case .success(let op): operatorActor = op
        case .failure(let refusal):
            if case .unknownOperator(let id, let known) = refusal {
                throw .usage(table.command(.unknownOperator(id, office: officeName, known: known, suggestion: FilterParser.closest(id, in: known))))
            }
            throw .environment(table.trust(.identity(refusal)))
        }
    }

    /// Now: the wall clock, or the moment frozen in `ADUAN_NOW`, which only a training store
    /// honours; on an office store it is refused (exit 2), never silently ignored.
    public func now() throws(CLIError) -> Timestamp {
        if Platform.env("ADUAN_NOW") != nil && !isTraining { throw .environment(strings.trust(.frozenClockOnOfficeStore(store: storePath))) }
        return try Platform.now(language)
    }

    /// Says once, at the end of the run, on stderr when it is a terminal (never on stdout, which
    /// may be CSV or JSON a script reads), that the store is a training store. The screen says it
    /// in its title bar, `report --format json` in its `training` field.
    func sayTraining() {
        guard isTraining, storeOpened, !trainingNoticeShown, Platform.isTerminal(err.fd) else { return }
        trainingNoticeShown = true
        err.line(strings.trust(.trainingNotice))
        err.flush()
    }

    public var zone: OfficeTimeZone { config.calendar.zone }
    public var scope: InboxScope { Access.inboxScope(of: operatorActor) }

    /// Said at open (stderr, and the screen's status line) when others may write the store.
    var writableWarning: String {
        strings.operation(.writableByOthers(store: storePath))
    }

    /// Said once, at the open that recomputed the stored deadlines for changed settings.
    func deadlinesNotice(_ store: ComplaintStore) -> String? {
        store.deadlinesRecomputed.map { strings.deadlinesRecomputed(open: $0.open, changed: $0.changed) }
    }

    /// Opens the store; `create` makes an empty one when missing.
    /// `reading`: the command only reads, so a store this user cannot write (read-only media or
    /// folder, a 0400 file or -shm) is opened read-only instead; a command that writes is refused
    /// before anything is tried, with the name of the file that stops it.
    func openStoreFile(create: Bool = false, readOnly: Bool = false, reading: Bool = false) throws(CLIError) -> ComplaintStore {
        var readOnly = readOnly
        if !readOnly, let part = StoreAccess.unwritablePart(of: storePath) {
            if reading { readOnly = true } else { throw .store(.notWritable(path: part, store: storePath)) }
        }
        // A refused frozen clock must not leave a new store behind.
        if create, !isTraining, Platform.env("ADUAN_NOW") != nil, !Files.exists(storePath) {
            throw .environment(strings.trust(.frozenClockOnOfficeStore(store: storePath)))
        }
        do {
            let store = try ComplaintStore.open(path: storePath, context: context, create: create, readOnly: readOnly,
                                                training: createsTraining, login: login)
            // The identity was decided on the mark read before opening; the store itself decides.
            if isTraining && !store.isTraining {
                throw CLIError.environment(strings.trust(.officeStoreCannotBecomeTraining(store: storePath)))
            }
            isTraining = store.isTraining
            storeOpened = true
            if Platform.env("ADUAN_NOW") != nil && !isTraining {
                throw CLIError.environment(strings.trust(.frozenClockOnOfficeStore(store: storePath)))
            }
            noteClock(of: store)
            // How long to wait for another operator's write lock (tests shorten it).
            if let ms = Platform.env("ADUAN_BUSY_TIMEOUT_MS").flatMap(Int32.init), ms >= 0 { store.db.setBusyTimeout(milliseconds: ms) }
            if store.isWritableByOthers {
                err.line(writableWarning)
                err.flush()
            }
            if let notice = deadlinesNotice(store) {
                err.line(notice)
                err.flush()
            }
            return store
        } catch {
            throw .from(error)
        }
    }

    /// A store error in the operator's words.
    public func describe(_ e: StoreError) -> String {
        e.message(strings, names: config.directory, zone: zone)
    }

    public func parseFilter(_ words: [String]) throws(CLIError) -> FilterExpression {
        let text = words.map { w in
            // Re-quote words that had spaces, as the shell removed the quotes.
            w.contains(" ") && !w.contains(":") ? "\"" + w + "\"" : w
        }.joined(separator: " ")
        switch FilterParser.parse(text, vocabulary: FilterVocabulary(directory: config.directory)) {
        case .success(let f): return f
        case .failure(let e): throw .usage(strings.filterError(e) + "  [\(SafeText.excerpt(text, limit: 200))]")
        }
    }
}
