/// The office's shared truth (directory, operators, calendar, deadline rules, workflow switches,
/// reply templates) as one JSON document the store keeps, versioned: the office part of a config
/// file, parsed by the same parser. A user's own config keeps only personal things.
public enum OfficeDocument {
    /// Keys that describe the office: an error in a user config once the store keeps the office.
    public static let officeOnlyKeys = ["office", "calendar", "deadlines", "workflow", "agencies", "categories", "operators", "hierarchy", "escalation", "boilerplate"]
    /// Keys the stored document keeps (office-only keys, the office's templates and default operator).
    public static let documentKeys = officeOnlyKeys + ["templates", "defaultOperator"]
    /// Keys a user config may hold.
    public static let personalKeys = ["language", "store", "refreshSeconds", "theme", "templates", "defaultOperator"]

    /// The office document made from an office (or old-style config) file: office keys only,
    /// comments dropped, holiday files read and inlined so the stored document stands alone.
    /// Validated by the config parser first; the document itself parses to the same office.
    public static func make(_ bytes: [UInt8], file: String,
                            loadFile: (String) -> Result<[UInt8], FileReadError> = { _ in .failure(FileReadError("file access not available")) })
        -> Result<(document: String, config: OfficeConfig), ConfigErrors> {
        let config: OfficeConfig
        switch OfficeConfig.parse(bytes, file: file, loadFile: loadFile) {
        case .failure(let e): return .failure(e)
        case .success(let c): config = c
        }
        guard let root = try? JSONParser.parse(bytes: bytes), case .object(let members) = root.value else {
            return .failure(ConfigErrors([ConfigError(file: file, line: 1, key: "", problem: .notAnObject)]))
        }
        var kept: [JSONMember] = []
        for m in members where documentKeys.contains(m.key) {
            var node = stripComments(m.node)
            if m.key == "calendar" { node = inlineHolidayFiles(node, loadFile: loadFile) }
            kept.append(JSONMember(key: m.key, line: 0, column: 0, node: node))
        }
        let document = JSONValue.object(kept).serialized(pretty: true) + "\n"
        // The stored form must give the same office back (anything else is a bug, not the user's).
        switch parse(document, version: 0) {
        case .failure(let e): return .failure(e)
        case .success(let again):
            guard again.context == config.context, again.operators == config.operators, again.templates == config.templates,
                  again.boilerplate == config.boilerplate else {
                return .failure(ConfigErrors([ConfigError(file: file, line: 1, key: "", problem: .readsBackDifferently)]))
            }
            return .success((document, again))
        }
    }

    /// Parses a stored office document (its version names it in errors).
    public static func parse(_ document: String, version: Int) -> Result<OfficeConfig, ConfigErrors> {
        OfficeConfig.parse(document, file: "(office v\(version))")
    }

    /// The office-only keys a config file holds, with their lines (an empty list for a personal config).
    public static func officeKeys(in bytes: [UInt8]) -> [(key: String, line: Int)] {
        guard let root = try? JSONParser.parse(bytes: bytes), case .object(let members) = root.value else { return [] }
        return members.filter { officeOnlyKeys.contains($0.key) }.map { ($0.key, $0.line) }
    }

    /// The `"language"` a config file asks for, read even when the rest of it is wrong, so its
    /// problems are said in that language (nil when the file is not JSON or names no known language).
    public static func declaredLanguage(in bytes: [UInt8]) -> Language? {
        guard let root = try? JSONParser.parse(bytes: bytes), let s = root["language"]?.string else { return nil }
        return Language(rawValue: s)
    }

    static func stripComments(_ node: JSONNode) -> JSONNode {
        switch node.value {
        case .object(let members):
            return JSONNode(.object(members.filter { !$0.key.hasPrefix("//") }.map {
                JSONMember(key: $0.key, line: 0, column: 0, node: stripComments($0.node))
            }))
        case .array(let items): return JSONNode(.array(items.map(stripComments)))
        default: return JSONNode(node.value)
        }
    }

    /// `holidayFiles` read (relative to the office file) and put in front of `holidays`, the
    /// order the parser adds them in; the file list is then empty.
    static func inlineHolidayFiles(_ node: JSONNode, loadFile: (String) -> Result<[UInt8], FileReadError>) -> JSONNode {
        guard case .object(var members) = node.value, let fi = members.firstIndex(where: { $0.key == "holidayFiles" }),
              let files = members[fi].node.array, !files.isEmpty else { return node }
        var rows: [JSONNode] = []
        for f in files {
            guard let path = f.string, case .success(let bytes) = loadFile(path),
                  case .success(let days) = OfficeConfig.parseHolidays(bytes, file: path) else { continue }
            rows += days.map { h in JSONNode(.array([JSONNode(.string(h.date.description)), JSONNode(.string(h.kind.rawValue)), JSONNode(.string(h.name))])) }
        }
        members[fi].node = JSONNode(.array([]))
        if let hi = members.firstIndex(where: { $0.key == "holidays" }) {
            members[hi].node = JSONNode(.array(rows + (members[hi].node.array ?? [])))
        } else {
            members.append(JSONMember(key: "holidays", line: 0, column: 0, node: JSONNode(.array(rows))))
        }
        return JSONNode(.object(members))
    }
}

/// What a user config may hold once the office lives in the store.
public struct PersonalConfig: Sendable, Equatable {
    public var language: Language?
    public var store: String?
    public var refreshSeconds: Int?
    public var theme: Theme?
    public var templates: [ReplyTemplate] = []
    public var defaultOperator: String?
    /// Where the file wrote each template id and the default operator, for the errors of `over`.
    var templateLines: [String: Int] = [:]
    var defaultOperatorLine = 0

    public init() {}

    /// Parses a personal config. An office key is an error that says where the office now lives.
    public static func parse(_ bytes: [UInt8], file: String, storePath: String) -> Result<PersonalConfig, ConfigErrors> {
        let root: JSONNode
        switch ConfigReader.parseJSON(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let e): return .failure(e)
        }
        let r = ConfigReader(file: file)
        var p = PersonalConfig()
        guard let o = r.object(root, "", allowed: OfficeDocument.personalKeys + OfficeDocument.officeOnlyKeys) else {
            return .failure(ConfigErrors(r.errors))
        }
        for key in OfficeDocument.officeOnlyKeys {
            if let node = o[key] { r.fail(node, key, .belongsToOffice(store: storePath)) }
        }
        p.language = o["language"].flatMap { r.choice($0, "language", ["id", "en"]) { Language(rawValue: $0) } }
        p.store = r.optionalString(o["store"], "store")
        p.refreshSeconds = r.int(o["refreshSeconds"], "refreshSeconds", range: 1...3600)
        p.theme = o["theme"].map(r.themeSection)
        p.templates = o["templates"].map(r.templatesSection) ?? []
        for t in o["templates"]?.array ?? [] {
            if let id = t["id"], let s = id.string, p.templateLines[s] == nil { p.templateLines[s] = id.line }
        }
        p.defaultOperator = r.optionalString(o["defaultOperator"], "defaultOperator")
        p.defaultOperatorLine = o["defaultOperator"]?.line ?? 0
        return r.errors.isEmpty ? .success(p) : .failure(ConfigErrors(r.errors))
    }

    /// The office with this user's personal settings on top. Personal templates come after the
    /// office's; one with an office template's id is an error.
    public func over(_ office: OfficeConfig, file: String) -> Result<OfficeConfig, ConfigErrors> {
        var c = office
        var errors: [ConfigError] = []
        if let l = language { c.language = l }
        c.store = store
        if let r = refreshSeconds { c.refreshSeconds = r }
        if let t = theme { c.theme = t }
        for t in templates {
            if c.templates.contains(where: { $0.id == t.id }) {
                errors.append(ConfigError(file: file, line: templateLines[t.id] ?? 0, key: "templates", problem: .alreadyAnOfficeTemplate(t.id)))
            } else {
                c.templates.append(t)
            }
        }
        if let d = defaultOperator {
            if office.operators.contains(where: { $0.id == d }) { c.defaultOperator = d } else {
                errors.append(ConfigError(file: file, line: defaultOperatorLine, key: "defaultOperator",
                                          problem: .notAnOfficeOperator(d, known: office.operators.map(\.id))))
            }
        }
        return errors.isEmpty ? .success(c) : .failure(ConfigErrors(errors))
    }
}
