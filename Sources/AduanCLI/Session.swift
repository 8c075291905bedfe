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
    public let operatorActor: Actor
    public let storePath: String
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
        usesDemoStore = arguments.flag("demo")
        language = Platform.language(flag: arguments.value("lang"), config: config.language)
        strings = AduanCore.strings(language)
        if let lang = arguments.value("lang"), Language.from(lang) == nil {
            throw .usage("--lang \(quoteInput(lang)): expected id or en")
        }
        let officeName: String
        switch loaded.source {
        case .store(let v): officeName = "the office of \(storePath) (version \(v.version))"
        case .file(let f): officeName = f
        case .builtIn: officeName = "the built-in config"
        }
        guard let op = config.operatorNamed(arguments.value("as")) else {
            if let id = arguments.value("as") {
                let known = config.operators.map(\.id)
                let hint = FilterParser.closest(id, in: known).map { "; did you mean \($0)?" } ?? ""
                throw .usage("--as \(quoteInput(id)): no such operator in \(officeName) (known: \(known.joined(separator: ", ")))\(hint)")
            }
            throw .environment("\(officeName): no operators are configured; add one under \"operators\"")
        }
        operatorActor = op
    }

    /// The config named by `--config`, else the user's file if it exists, else the built-in example.
    static func loadConfig(_ explicit: String?) throws(CLIError) -> (OfficeConfig, String?) {
        let path = explicit ?? (Files.exists(Platform.defaultConfigPath) ? Platform.defaultConfigPath : nil)
        guard let path else {
            switch OfficeConfig.parse(BuiltInConfig.json, file: "(built-in config)") {
            case .success(let c): return (c, nil)
            case .failure(let e): throw .environment(e.all.map(\.description).joined(separator: "\n"))
            }
        }
        let bytes: [UInt8]
        switch Files.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw .environment("\(path): cannot read the config file: \(e.reason)")
        }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let result = OfficeConfig.parse(bytes, file: path) { relative in
            Files.read(relative.hasPrefix("/") ? relative : folder + "/" + relative)
        }
        switch result {
        case .success(let c): return (c, path)
        case .failure(let e): throw .environment(e.all.map(\.description).joined(separator: "\n"))
        }
    }

    public var zone: OfficeTimeZone { config.calendar.zone }
    public var scope: InboxScope { Access.inboxScope(of: operatorActor) }

    /// Opens the store; `create` makes an empty one when missing.
    /// Said at open (stderr, and the screen's status line) when others may write the store.
    var writableWarning: String {
        language == .en
            ? "warning: \(storePath) can be written by other users of this machine; run `chmod 600 \(storePath)`"
            : "peringatan: \(storePath) dapat ditulis pengguna lain di mesin ini; jalankan `chmod 600 \(storePath)`"
    }

    /// `reading`: the command only reads, so a store this user cannot write (read-only media or
    /// folder, a 0400 file or -shm) is opened read-only instead; a command that writes is refused
    /// before anything is tried, with the name of the file that stops it.
    func openStoreFile(create: Bool = false, readOnly: Bool = false, reading: Bool = false) throws(CLIError) -> ComplaintStore {
        var readOnly = readOnly
        if !readOnly, let part = StoreAccess.unwritablePart(of: storePath) {
            if reading { readOnly = true } else { throw .store(.notWritable(path: part, store: storePath)) }
        }
        do {
            let store = try ComplaintStore.open(path: storePath, context: context, create: create, readOnly: readOnly)
            // How long to wait for another operator's write lock (tests shorten it).
            if let ms = Platform.env("ADUAN_BUSY_TIMEOUT_MS").flatMap(Int32.init), ms >= 0 { store.db.setBusyTimeout(milliseconds: ms) }
            if store.isWritableByOthers {
                err.line(writableWarning)
                err.flush()
            }
            return store
        } catch {
            throw .store(error)
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
