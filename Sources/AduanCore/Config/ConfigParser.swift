// Over 400 lines: one reader walks every section so all errors of a file come out at once; the unit tree's checks live in HierarchyConfig.swift.
/// A value from the config file as an error message quotes it: an excerpt, made safe.
func quoted(_ s: String) -> String { "\"" + SafeText.excerpt(s, limit: 80) + "\"" }

/// Why a file the configuration refers to could not be read.
public struct FileReadError: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension OfficeConfig {
    /// Parses a config file. `loadFile` reads files the config refers to (holiday lists), relative
    /// to the config's folder; it returns the bytes or a reason. All problems are reported at once.
    public static func parse(_ bytes: [UInt8], file: String,
                             loadFile: (String) -> Result<[UInt8], FileReadError> = { _ in .failure(FileReadError("file access not available")) })
        -> Result<OfficeConfig, ConfigErrors> {
        let root: JSONNode
        switch ConfigReader.parseJSON(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let e): return .failure(e)
        }
        let r = ConfigReader(file: file)
        let config = r.office(root, loadFile: loadFile)
        if !r.errors.isEmpty { return .failure(ConfigErrors(r.errors)) }
        return .success(config!)
    }

    public static func parse(_ text: String, file: String,
                             loadFile: (String) -> Result<[UInt8], FileReadError> = { _ in .failure(FileReadError("file access not available")) })
        -> Result<OfficeConfig, ConfigErrors> {
        parse(Array(text.utf8), file: file, loadFile: loadFile)
    }

    /// Parses a holiday list: either `{"days": [["2026-03-19","LN","Nyepi"], …]}` (the SKB format)
    /// or a bare array of such rows, or of objects `{"date":…,"kind":…,"name":…}`.
    public static func parseHolidays(_ bytes: [UInt8], file: String) -> Result<[Holiday], ConfigErrors> {
        let root: JSONNode
        switch ConfigReader.parseJSON(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let e): return .failure(e)
        }
        let r = ConfigReader(file: file)
        let list = root.array != nil ? root : (root["days"] ?? root)
        let days = r.holidays(list, path: root.array != nil ? "" : "days")
        return r.errors.isEmpty ? .success(days) : .failure(ConfigErrors(r.errors))
    }
}

/// Walks the JSON tree, checking every key and type and collecting every problem with its line.
final class ConfigReader {
    /// The JSON tree of a config, office or holiday file, or the one error that says where it is
    /// not JSON.
    static func parseJSON(_ bytes: [UInt8], file: String) -> Result<JSONNode, ConfigErrors> {
        do {
            return .success(try JSONParser.parse(bytes: bytes))
        } catch {
            return .failure(ConfigErrors([ConfigError(file: file, line: error.line, key: "", problem: .notJSON(message: error.message, column: error.column))]))
        }
    }

    let file: String
    var errors: [ConfigError] = []

    init(file: String) { self.file = file }

    func fail(_ node: JSONNode, _ path: String, _ problem: ConfigProblem) {
        errors.append(ConfigError(file: file, line: node.line, key: path, problem: problem))
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The members of an object, refusing unknown keys (with a suggestion) and duplicates.
    /// Keys that start with "//" are comments.
    func object(_ node: JSONNode, _ path: String, allowed: [String]) -> [String: JSONNode]? {
        guard let members = node.members else {
            fail(node, path, .expected(.object, found: node.typeName))
            return nil
        }
        var out: [String: JSONNode] = [:]
        for m in members {
            if m.key.hasPrefix("//") { continue }
            if !allowed.contains(m.key) {
                errors.append(ConfigError(file: file, line: m.line, key: join(path, m.key),
                                          problem: .unknownKey(known: allowed, suggestion: FilterParser.closest(m.key, in: allowed))))
                continue
            }
            if out[m.key] != nil {
                errors.append(ConfigError(file: file, line: m.line, key: join(path, m.key), problem: .keyTwice))
            }
            out[m.key] = m.node
        }
        return out
    }

    func string(_ node: JSONNode?, _ path: String, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard let s = node.string else {
            fail(node, path, .expected(.string, found: node.typeName))
            return nil
        }
        if !allowEmpty && s.trimmingSpaces().isEmpty {
            fail(node, path, .empty)
            return nil
        }
        return s
    }

    func optionalString(_ node: JSONNode?, _ path: String) -> String? {
        guard let node, !node.isNull else { return nil }
        return string(node, path)
    }

    func bool(_ node: JSONNode?, _ path: String) -> Bool? {
        guard let node else { return nil }
        guard let b = node.bool else {
            fail(node, path, .expected(.bool, found: node.typeName))
            return nil
        }
        return b
    }

    func int(_ node: JSONNode?, _ path: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard let n = node.int else {
            fail(node, path, .wholeNumber(from: range.lowerBound, to: range.upperBound, found: node.typeName))
            return nil
        }
        guard range.contains(n) else {
            fail(node, path, .wholeNumber(from: range.lowerBound, to: range.upperBound, found: "\(n)"))
            return nil
        }
        return n
    }

    func array(_ node: JSONNode?, _ path: String) -> [JSONNode]? {
        guard let node else { return nil }
        guard let a = node.array else {
            fail(node, path, .expected(.array, found: node.typeName))
            return nil
        }
        return a
    }

    func choice<T>(_ node: JSONNode?, _ path: String, _ options: [String], parse: (String) -> T?) -> T? {
        guard let s = string(node, path) else { return nil }
        guard let v = parse(s) else {
            fail(node!, path, .oneOf(options, found: s))
            return nil
        }
        return v
    }

    // MARK: sections

    func office(_ root: JSONNode, loadFile: (String) -> Result<[UInt8], FileReadError>) -> OfficeConfig? {
        let keys = ["office", "language", "store", "refreshSeconds", "calendar", "deadlines", "workflow",
                    "agencies", "categories", "operators", "defaultOperator", "templates", "theme", "hierarchy", "escalation", "boilerplate"]
        guard let o = object(root, "", allowed: keys) else { return nil }
        var officeName = "Aduan", agency = "", zone = OfficeTimeZone.wib
        if let office = o["office"], let m = object(office, "office", allowed: ["name", "agency", "timeZone"]) {
            officeName = string(m["name"], "office.name") ?? officeName
            agency = string(m["agency"], "office.agency") ?? ""
            if let z = m["timeZone"] {
                zone = choice(z, "office.timeZone", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "WIB", "WITA", "WIT", "+07:00"],
                              parse: OfficeTimeZone.named) ?? zone
            }
        } else if o["office"] == nil {
            fail(root, "office", .officeMissing)
        }
        let language = o["language"].flatMap { choice($0, "language", ["id", "en"]) { Language(rawValue: $0) } }
        let store = optionalString(o["store"], "store")
        let refresh = int(o["refreshSeconds"], "refreshSeconds", range: 1...3600) ?? 2
        let calendar = o["calendar"].map { calendarSection($0, zone: zone, loadFile: loadFile) } ?? WorkingCalendar(zone: zone)
        let deadlines = o["deadlines"].map(deadlineSection) ?? .standard
        var policy = o["workflow"].map(workflowSection) ?? .standard
        if let h = o["hierarchy"] { hierarchySection(h, into: &policy) }
        let escalation = o["escalation"].map(escalationSection) ?? .standard
        let agencies = o["agencies"].map(agenciesSection) ?? []
        let directory = Directory(agencies: agencies)
        if agencies.isEmpty, o["agencies"] == nil { fail(root, "agencies", .agenciesMissing) }
        if !agency.isEmpty, !agencies.isEmpty, directory.agency(agency) == nil, let node = o["office"] {
            fail(node["agency"] ?? node, "office.agency", .notAListedAgency(agency))
        }
        let categories = o["categories"].map(categoriesSection) ?? []
        let operators = o["operators"].map { operatorsSection($0, directory: directory, homeAgency: agency) } ?? []
        let defaultOperator = optionalString(o["defaultOperator"], "defaultOperator")
        if let d = defaultOperator, !operators.contains(where: { $0.id == d }), let node = o["defaultOperator"] {
            fail(node, "defaultOperator", .notAListedOperator(d, known: operators.map(\.id)))
        }
        let templates = o["templates"].map(templatesSection) ?? []
        let theme = o["theme"].map(themeSection) ?? Theme()
        var config = OfficeConfig(officeName: officeName, agency: agency, language: language, calendar: calendar,
                            deadlines: deadlines, policy: policy, directory: directory, categories: categories,
                            operators: operators, defaultOperator: defaultOperator, templates: templates,
                            theme: theme, store: store, refreshSeconds: refresh, escalation: escalation)
        if let b = o["boilerplate"] { config.boilerplate = boilerplateSection(b) }
        return config
    }

    func calendarSection(_ node: JSONNode, zone: OfficeTimeZone, loadFile: (String) -> Result<[UInt8], FileReadError>) -> WorkingCalendar {
        guard let m = object(node, "calendar", allowed: ["workWeek", "builtInHolidays", "holidays", "holidayFiles", "removeHolidays"]) else {
            return WorkingCalendar(zone: zone)
        }
        var week: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        if let days = array(m["workWeek"], "calendar.workWeek") {
            var w = Set<Weekday>()
            for (i, d) in days.enumerated() {
                if let day = choice(d, "calendar.workWeek[\(i)]", Weekday.allCases.map(\.key), parse: Weekday.parse) { w.insert(day) }
            }
            if w.isEmpty { fail(m["workWeek"]!, "calendar.workWeek", .noWorkingDay) } else { week = w }
        }
        var holidays = (bool(m["builtInHolidays"], "calendar.builtInHolidays") ?? true) ? BuiltInHolidays.all : []
        if let files = array(m["holidayFiles"], "calendar.holidayFiles") {
            for (i, f) in files.enumerated() {
                guard let path = string(f, "calendar.holidayFiles[\(i)]") else { continue }
                switch loadFile(path) {
                case .failure(let why):
                    fail(f, "calendar.holidayFiles[\(i)]", .holidayFileUnreadable(path: path, reason: why.reason))
                case .success(let bytes):
                    switch OfficeConfig.parseHolidays(bytes, file: path) {
                    case .success(let days): holidays += days
                    case .failure(let errs): errors += errs.all
                    }
                }
            }
        }
        if let extra = m["holidays"] { holidays += self.holidays(extra, path: "calendar.holidays") }
        if let removed = array(m["removeHolidays"], "calendar.removeHolidays") {
            var drop = Set<LocalDate>()
            for (i, r) in removed.enumerated() {
                if let s = string(r, "calendar.removeHolidays[\(i)]") {
                    if let d = LocalDate.parse(s) { drop.insert(d) } else { fail(r, "calendar.removeHolidays[\(i)]", .expectedDate(s)) }
                }
            }
            holidays.removeAll { drop.contains($0.date) }
        }
        return WorkingCalendar(zone: zone, workWeek: week, holidays: holidays)
    }

    func holidays(_ node: JSONNode, path: String) -> [Holiday] {
        guard let rows = array(node, path) else { return [] }
        var out: [Holiday] = []
        for (i, row) in rows.enumerated() {
            let p = "\(path)[\(i)]"
            var dateText: String?, kindText: String?, name: String?
            var at = row
            if let cells = row.array {
                guard cells.count == 3 else { fail(row, p, .holidayRowShape); continue }
                dateText = string(cells[0], p + "[0]"); kindText = string(cells[1], p + "[1]"); name = string(cells[2], p + "[2]")
                at = cells[0]
            } else if let m = object(row, p, allowed: ["date", "kind", "name"]) {
                dateText = string(m["date"], p + ".date"); kindText = m["kind"].flatMap { string($0, p + ".kind") } ?? "LD"
                name = string(m["name"], p + ".name")
                at = m["date"] ?? row
            } else { continue }
            guard let ds = dateText, let ks = kindText, let n = name else { continue }
            guard let date = LocalDate.parse(ds) else { fail(at, p, .expectedDate(ds)); continue }
            guard let kind = HolidayKind(rawValue: ks.uppercased()) else {
                fail(at, p, .holidayKind(ks)); continue
            }
            out.append(Holiday(date: date, kind: kind, name: n))
        }
        return out
    }

    func deadlineSection(_ node: JSONNode) -> DeadlinePolicy {
        var p = DeadlinePolicy.standard
        guard let m = object(node, "deadlines", allowed: ["verification", "firstFollowUp", "autoClose", "resolution", "response", "dueSoonWorkingDays", "overrides"]) else { return p }
        func rule(_ key: String, _ base: DeadlineRule) -> DeadlineRule {
            guard let n = m[key], let r = object(n, "deadlines." + key, allowed: ["days", "counting", "basis"]) else { return base }
            var out = base
            out.days = int(r["days"], "deadlines.\(key).days", range: 0...3650) ?? base.days
            out.counting = r["counting"].flatMap { choice($0, "deadlines.\(key).counting", ["working", "calendar"]) { DayCounting(rawValue: $0) } } ?? base.counting
            out.basis = r["basis"].flatMap { string($0, "deadlines.\(key).basis") } ?? base.basis
            return out
        }
        p.verification = rule("verification", p.verification)
        p.firstFollowUp = rule("firstFollowUp", p.firstFollowUp)
        p.autoClose = rule("autoClose", p.autoClose)
        p.resolution = rule("resolution", p.resolution)
        p.response = rule("response", p.response)
        p.dueSoonWorkingDays = int(m["dueSoonWorkingDays"], "deadlines.dueSoonWorkingDays", range: 0...30) ?? p.dueSoonWorkingDays
        if let o = m["overrides"] { p.overrides = overridesSection(o, base: p) }
        return p
    }

    func workflowSection(_ node: JSONNode) -> WorkflowPolicy {
        var p = WorkflowPolicy.standard
        guard let m = object(node, "workflow", allowed: ["reopenAllowed", "postponeFrom", "archiveFromTunda", "tundaAlertDays", "clockSkewSeconds"]) else { return p }
        p.reopenAllowed = bool(m["reopenAllowed"], "workflow.reopenAllowed") ?? p.reopenAllowed
        p.archiveFromTunda = bool(m["archiveFromTunda"], "workflow.archiveFromTunda") ?? p.archiveFromTunda
        p.tundaAlertDays = int(m["tundaAlertDays"], "workflow.tundaAlertDays", range: 1...3650) ?? p.tundaAlertDays
        p.clockSkewSeconds = int(m["clockSkewSeconds"], "workflow.clockSkewSeconds", range: 0...86_400).map(Int64.init) ?? p.clockSkewSeconds
        if let list = array(m["postponeFrom"], "workflow.postponeFrom") {
            p.postponeFrom = list.enumerated().compactMap { i, n in
                choice(n, "workflow.postponeFrom[\(i)]", ["belum_terverifikasi", "belum_ditindaklanjuti", "proses"]) { s in
                    Status.parse(s).flatMap { [.belumTerverifikasi, .belumDitindaklanjuti, .proses].contains($0) ? $0 : nil }
                }
            }
        }
        return p
    }

    func agenciesSection(_ node: JSONNode) -> [Agency] {
        guard let list = array(node, "agencies") else { return [] }
        var out: [Agency] = []
        var seenAgencies = Set<String>(), seenUnits = Set<String>()
        for (i, a) in list.enumerated() {
            let p = "agencies[\(i)]"
            guard let m = object(a, p, allowed: ["id", "name", "units", "approvalRequired"]), let id = string(m["id"], p + ".id") else {
                if a.members != nil, a["id"] == nil { fail(a, p + ".id", .missing) }
                continue
            }
            if !seenAgencies.insert(id).inserted { fail(m["id"]!, p + ".id", .agencyTwice(id)) }
            let name = string(m["name"], p + ".name") ?? id
            var units: [Unit] = []
            for (j, u) in (array(m["units"], p + ".units") ?? []).enumerated() {
                let up = "\(p).units[\(j)]"
                guard let um = object(u, up, allowed: ["id", "name", "short", "parent"]), let uid = string(um["id"], up + ".id") else {
                    if u.members != nil, u["id"] == nil { fail(u, up + ".id", .missing) }
                    continue
                }
                if !seenUnits.insert(uid).inserted { fail(um["id"]!, up + ".id", .unitTwice(uid)) }
                units.append(Unit(id: uid, name: string(um["name"], up + ".name") ?? uid, short: optionalString(um["short"], up + ".short"),
                                  parent: optionalString(um["parent"], up + ".parent")))
            }
            checkUnitTree(units, agency: id, nodes: (array(m["units"], p + ".units") ?? []), path: p)
            out.append(Agency(id: id, name: name, units: units, approvalRequired: bool(m["approvalRequired"], p + ".approvalRequired") ?? false))
        }
        return out
    }

    func categoriesSection(_ node: JSONNode) -> [CategoryEntry] {
        guard let list = array(node, "categories") else { return [] }
        return list.enumerated().compactMap { i, c in
            let p = "categories[\(i)]"
            guard let m = object(c, p, allowed: ["id", "name"]), let id = string(m["id"], p + ".id") else { return nil }
            return CategoryEntry(id, string(m["name"], p + ".name") ?? id)
        }
    }

    func operatorsSection(_ node: JSONNode, directory: Directory, homeAgency: String) -> [Actor] {
        guard let list = array(node, "operators") else { return [] }
        var out: [Actor] = []
        var seen = Set<String>()
        for (i, o) in list.enumerated() {
            let p = "operators[\(i)]"
            guard let m = object(o, p, allowed: ["id", "name", "role", "agency", "unit", "logins"]) else { continue }
            guard let id = string(m["id"], p + ".id") else { if m["id"] == nil { fail(o, p + ".id", .missing) }; continue }
            if !seen.insert(id).inserted { fail(m["id"]!, p + ".id", .operatorTwice(id)) }
            let name = string(m["name"], p + ".name") ?? id
            guard let roleNode = m["role"] else { fail(o, p + ".role", .roleMissing); continue }
            guard let role = choice(roleNode, p + ".role", Role.operatorRoles.map(\.rawValue), parse: { Role.parse($0).flatMap { $0 == .system ? nil : $0 } }) else { continue }
            let agency = optionalString(m["agency"], p + ".agency") ?? homeAgency
            let unit = optionalString(m["unit"], p + ".unit")
            if agency != Access.allAgencies, directory.agency(agency) == nil {
                fail(m["agency"] ?? o, p + ".agency", .notAListedAgency(agency))
            }
            if agency == Access.allAgencies, role != .supervisor {
                fail(m["agency"] ?? o, p + ".agency", .allAgenciesOnlyForSupervisors)
            }
            if role.isUnitRole {
                guard let unit else { fail(o, p + ".unit", role == .liaison ? .liaisonNeedsUnit : .unitOperatorNeedsUnit); continue }
                if !directory.contains(unit: unit, in: agency) {
                    fail(m["unit"]!, p + ".unit", .notAUnitOf(unit: unit, agency: agency))
                }
            } else if let unit, directory.unit(unit) == nil {
                fail(m["unit"]!, p + ".unit", .unknownUnit(unit))
            }
            out.append(Actor(id: id, name: name, role: role, agency: agency, unit: unit, logins: logins(m["logins"], p + ".logins"),
                             unitsBelow: unit.map { Array(directory.subtree(of: $0).dropFirst()) } ?? []))
        }
        return out
    }

    /// An operator's `logins`: the Unix account names (database roles later) that act as them.
    /// One login may be bound to several operators (one person, several hats).
    func logins(_ node: JSONNode?, _ path: String) -> [String] {
        guard let node, let list = array(node, path) else { return [] }
        var out: [String] = []
        for (i, item) in list.enumerated() {
            guard let login = string(item, "\(path)[\(i)]") else { continue }
            guard Identity.isValidLogin(login) else {
                fail(item, "\(path)[\(i)]", .notALogin(login))
                continue
            }
            if out.contains(login) { fail(item, "\(path)[\(i)]", .loginTwice(login)); continue }
            out.append(login)
        }
        return out
    }

    func templatesSection(_ node: JSONNode) -> [ReplyTemplate] {
        guard let list = array(node, "templates") else { return [] }
        return list.enumerated().compactMap { i, t in
            let p = "templates[\(i)]"
            guard let m = object(t, p, allowed: ["id", "name", "text"]),
                  let id = string(m["id"], p + ".id"), let text = string(m["text"], p + ".text") else { return nil }
            return ReplyTemplate(id: id, name: string(m["name"], p + ".name") ?? id, text: text)
        }
    }

    func themeSection(_ node: JSONNode) -> Theme {
        var theme = Theme()
        guard let m = object(node, "theme", allowed: Theme.roles) else { return theme }
        for (role, value) in m {
            let p = "theme." + role
            guard let pair = array(value, p) else { continue }
            guard pair.count == 2, let fg = string(pair[0], p + "[0]"), let bg = string(pair[1], p + "[1]") else {
                if pair.count != 2 { fail(value, p, .themePair) }
                continue
            }
            for (c, n) in [(fg, pair[0]), (bg, pair[1])] where !Theme.colorNames.contains(c.lowercased()) {
                fail(n, p, .colour(names: Theme.colorNames, found: c))
            }
            theme.colors[role] = (fg.lowercased(), bg.lowercased())
        }
        return theme
    }
}

extension FilterParser {
    /// The closest of `options` to `name` within two edits, for "did you mean".
    public static func closest(_ name: String, in options: [String]) -> String? {
        // The edit distance is at least the difference in length, and costs length × length:
        // a megabyte-long "key" in an imported file must not stall the error message.
        guard name.utf8.count <= 256 else { return nil }
        var best: (String, Int)?
        for o in options where abs(o.count - name.count) <= 2 {
            let d = editDistance(name.lowercased(), o.lowercased())
            if d <= 2, best == nil || d < best!.1 { best = (o, d) }
        }
        return best?.0
    }
}
