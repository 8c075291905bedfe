import AduanCore
import AduanStore
import Glibc

/// Where a session's office (directory, operators, calendar, deadline rules, workflow switches,
/// office templates) came from.
public enum OfficeSource: Sendable {
    /// The store keeps it: the same for every operator of the store, whatever their config says.
    case store(OfficeVersion)
    /// A store without an office record yet (or none yet): an old-style config file.
    case file(String)
    /// A store without an office record yet: the built-in example office.
    case builtIn
}

/// The text a new store's first office version is made from.
struct OfficeDocumentSource {
    var bytes: [UInt8]
    var file: String
    var folder: String
}

struct LoadedOffice {
    var config: OfficeConfig
    var configPath: String?
    var source: OfficeSource
    var documentSource: OfficeDocumentSource?
    var storePath: String
    /// A PostgreSQL store's connection as the operator's role, when the location names one and
    /// the command does not create it (SessionPostgres.swift).
    var postgres: PGConnection? = nil
}

extension Session {
    /// Reads the user's config, finds the store, and takes the office from the store when it keeps
    /// one. A user config holding office keys (operators, agencies, calendar…) is then an error
    /// naming where the office lives; against a store without an office record (or before one
    /// exists) an old-style config still works, and the first open proposes the move.
    static func loadOffice(_ arguments: ParsedArguments) throws(CLIError) -> LoadedOffice {
        let flagLanguage = Platform.language(flag: arguments.value("lang"), config: nil)
        let explicit = arguments.value("config")
        let path = explicit ?? (Files.exists(Platform.defaultConfigPath) ? Platform.defaultConfigPath : nil)
        var userBytes: [UInt8]?
        if let path {
            switch Files.read(path) {
            case .success(let b): userBytes = b
            case .failure(let e): throw .environment(AduanCore.strings(flagLanguage).command(.cannotReadConfig(file: path, reason: e.reason)))
            }
        }
        // The config's own language says its problems, even when the rest of it is wrong (--lang first).
        let fallbackLanguage = Platform.language(flag: arguments.value("lang"), config: userBytes.flatMap(OfficeDocument.declaredLanguage))
        let officeKeys = userBytes.map(OfficeDocument.officeKeys) ?? []
        // `aduan init --office FILE`: the new store's office is that file.
        let officeFile = arguments.command == .`init` ? arguments.value("office") : nil

        // The user's config: an old-style one (office keys) parsed whole; a personal one parsed as such.
        var legacy: OfficeConfig?
        var personal = PersonalConfig()
        if let bytes = userBytes, let path {
            if officeKeys.isEmpty {
                // The store path is not known yet; office keys were ruled out above, so it is not quoted.
                switch PersonalConfig.parse(bytes, file: path, storePath: "") {
                case .success(let p): personal = p
                case .failure(let e): throw .environment(e.lines(fallbackLanguage).joined(separator: "\n"))
                }
            } else {
                legacy = try parseWhole(bytes, file: path, fallbackLanguage)
                if let l = legacy {
                    personal.language = l.language
                    personal.store = l.store
                    personal.refreshSeconds = l.refreshSeconds
                    personal.theme = l.theme
                }
            }
        }

        // The store path: --store, else --demo, else the config's, else the default.
        let storePath: String
        if let s = arguments.value("store") {
            storePath = s
        } else if arguments.flag("demo") {
            storePath = Platform.demoStorePath
        } else if let s = personal.store {
            storePath = s.hasPrefix("~/") ? Platform.home + s.dropFirst() : s
        } else {
            storePath = Platform.defaultStorePath
        }

        let location = try storeLocation(storePath, fallbackLanguage)
        if case .postgres(let conninfo) = location, officeFile == nil {
            return try loadPostgresOffice(conninfo, arguments: arguments, personal: personal, configPath: path, officeKeys: officeKeys,
                                          language: fallbackLanguage)
        }

        if let officeFile {
            let source = try readOfficeFile(officeFile, language: fallbackLanguage)
            let office: OfficeConfig
            switch OfficeDocument.make(source.bytes, file: source.file, loadFile: loader(source.folder)) {
            case .success(let made): office = made.config
            case .failure(let e): throw .environment(e.lines(fallbackLanguage).joined(separator: "\n"))
            }
            var p = personal
            p.templates = legacy == nil ? p.templates : []
            p.defaultOperator = legacy == nil ? p.defaultOperator : nil
            return LoadedOffice(config: try combine(p, office, file: path ?? officeFile, fallbackLanguage), configPath: officeFile,
                                source: .file(officeFile), documentSource: source, storePath: storePath)
        }

        if Files.exists(storePath), let stored = ComplaintStore.peekOffice(path: storePath) {
            if let path, !officeKeys.isEmpty {
                throw .environment(ConfigError(file: path, line: officeKeys[0].line, key: officeKeys.map(\.key).joined(separator: ", "),
                                               problem: .belongsToOffice(store: storePath)).text(fallbackLanguage))
            }
            let office: OfficeConfig
            switch OfficeDocument.parse(stored.document, version: stored.version) {
            case .success(let c): office = c
            case .failure(let e):
                throw .environment(AduanCore.strings(fallbackLanguage).command(.storeOfficeUnreadable(store: storePath)) + "\n" + e.lines(fallbackLanguage).joined(separator: "\n"))
            }
            return LoadedOffice(config: try combine(personal, office, file: path ?? "config", fallbackLanguage), configPath: path,
                                source: .store(stored), documentSource: nil, storePath: storePath)
        }

        // No office in the store (yet): the old-style config, else the built-in example office.
        if let legacy, let path, let bytes = userBytes {
            return LoadedOffice(config: legacy, configPath: path, source: .file(path),
                                documentSource: OfficeDocumentSource(bytes: bytes, file: path, folder: folder(of: path)), storePath: storePath)
        }
        let builtIn = try parseWhole(Array(BuiltInConfig.json.utf8), file: "(built-in config)", fallbackLanguage)
        return LoadedOffice(config: try combine(personal, builtIn, file: path ?? "config", fallbackLanguage), configPath: path, source: .builtIn,
                            documentSource: OfficeDocumentSource(bytes: Array(BuiltInConfig.json.utf8), file: "(built-in config)", folder: "."),
                            storePath: storePath)
    }

    static func folder(of path: String) -> String {
        path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    }

    static func loader(_ folder: String) -> (String) -> Result<[UInt8], FileReadError> {
        { relative in Files.read(relative.hasPrefix("/") ? relative : folder + "/" + relative) }
    }

    static func parseWhole(_ bytes: [UInt8], file: String, _ language: Language) throws(CLIError) -> OfficeConfig {
        switch OfficeConfig.parse(bytes, file: file, loadFile: loader(folder(of: file))) {
        case .success(let c): return c
        case .failure(let e): throw .environment(e.lines(language).joined(separator: "\n"))
        }
    }

    static func combine(_ personal: PersonalConfig, _ office: OfficeConfig, file: String, _ language: Language) throws(CLIError) -> OfficeConfig {
        switch personal.over(office, file: file) {
        case .success(let c): return c
        case .failure(let e): throw .environment(e.lines(language).joined(separator: "\n"))
        }
    }

    static func readOfficeFile(_ path: String, language: Language) throws(CLIError) -> OfficeDocumentSource {
        switch Files.read(path) {
        case .success(let b): return OfficeDocumentSource(bytes: b, file: path, folder: folder(of: path))
        case .failure(let e): throw .environment(AduanCore.strings(language).command(.cannotReadOffice(file: path, reason: e.reason)))
        }
    }

    /// The office document for a file (validated; holiday files inlined).
    static func officeDocument(_ source: OfficeDocumentSource, _ language: Language) throws(CLIError) -> (document: String, config: OfficeConfig) {
        switch OfficeDocument.make(source.bytes, file: source.file, loadFile: loader(source.folder)) {
        case .success(let made): return made
        case .failure(let e): throw .invalid(e.lines(language))
        }
    }

    /// The Unix account running the program (recorded with each office version).
    static var loginName: String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid:\(getuid())"
    }

    /// Opens the store (Session.openStoreFile); a store this run creates is born with its office
    /// (seeded from the office this session runs with); a store that keeps none yet gets the
    /// proposal to move the office into it.
    public func openStore(create: Bool = false, readOnly: Bool = false, reading: Bool = false) throws(CLIError) -> ComplaintStore {
        // The commands that speak the store contract open through openContract; the rest are SQLite's only so far.
        try refuseOnPostgres(arguments.command.rawValue.isEmpty ? "(screen)" : arguments.command.rawValue)
        let existed = Files.exists(storePath)
        let store = try openStoreFile(create: create, readOnly: readOnly, reading: reading)
        if !existed {
            try seedOffice(store)
        } else if let notice = officeMigrationNotice {
            err.line(notice)
            err.flush()
        }
        return store
    }

    /// Gives a store just created by this run its first office version (the office this session
    /// runs with), so every store is born with its office.
    func seedOffice(_ store: ComplaintStore) throws(CLIError) {
        guard let source = officeDocumentSource else { return }
        let made = try Session.officeDocument(source, language)
        let now = try Platform.now(language)
        let summary = "seeded from \(source.file)"
        let result: OfficeRecordResult
        do {
            result = try store.recordOffice(document: made.document, summary: summary, context: made.config.context,
                                            by: operatorActor.id, login: Session.loginName, at: now, basedOn: nil)
        } catch {
            throw .store(error)
        }
        if case .changedMeanwhile = result { return }
    }

    /// Said at the open of a store that keeps no office yet: the move into the store, proposed
    /// to an admin of the office, and to anyone else the admin to ask.
    var officeMigrationNotice: String? {
        guard case .store = officeSource else {
            let file = configPath ?? "config.example.json"
            let isOfficeAdmin = operatorActor.role == .admin && operatorActor.agency == config.agency
            return strings.operation(.officeMigration(store: storePath, configPath: configPath, file: file, admin: isOfficeAdmin, agency: config.agency))
        }
        return nil
    }
}
