/// A reply template for follow-ups; `{tracking}`, `{reporter}`, `{title}`, `{unit}`, `{agency}`,
/// `{operator}` are filled in for the readers of the text (the reporter's name never in a public one).
public struct ReplyTemplate: Hashable, Sendable {
    public var id: String
    public var name: String
    public var text: String

    public init(id: String, name: String, text: String) {
        self.id = id
        self.name = name
        self.text = text
    }
}

/// A named category of the hierarchical topic list.
public struct CategoryEntry: Hashable, Sendable {
    public var category: Category
    public var name: String

    public init(_ path: String, _ name: String) {
        category = Category(path)
        self.name = name
    }
}

/// Colours of the screen, by meaning. Values are curses colour names; `NO_COLOR` overrides them all.
public struct Theme: Hashable, Sendable {
    public static let roles = ["overdue", "dueSoon", "onTime", "selected", "header", "statusBar", "badge", "dim", "tab", "chart"]
    public static let colorNames = ["default", "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// role → (foreground, background)
    public var colors: [String: (String, String)]

    public init(colors: [String: (String, String)] = Theme.standardColors) { self.colors = colors }

    public static let standardColors: [String: (String, String)] = [
        "overdue": ("red", "default"), "dueSoon": ("yellow", "default"), "onTime": ("green", "default"),
        "selected": ("black", "cyan"), "header": ("white", "blue"), "statusBar": ("black", "white"),
        "badge": ("magenta", "default"), "dim": ("blue", "default"), "tab": ("cyan", "default"), "chart": ("cyan", "default"),
    ]

    public static func == (a: Theme, b: Theme) -> Bool {
        a.colors.count == b.colors.count && a.colors.allSatisfy { k, v in b.colors[k].map { $0 == v } ?? false }
    }

    public func hash(into h: inout Hasher) {
        for k in colors.keys.sorted() { h.combine(k); h.combine(colors[k]!.0); h.combine(colors[k]!.1) }
    }
}

/// Everything an office configures: who it is, its calendar and SLA numbers, its directory,
/// its operators, reply templates and colours. Parsed from JSON by `OfficeConfig.parse`.
public struct OfficeConfig: Sendable, Equatable {
    public var officeName: String
    /// The agency this office is (its operators' default agency).
    public var agency: String
    public var language: Language?
    public var calendar: WorkingCalendar
    public var deadlines: DeadlinePolicy
    public var policy: WorkflowPolicy
    public var directory: Directory
    public var categories: [CategoryEntry]
    public var operators: [Actor]
    public var defaultOperator: String?
    public var templates: [ReplyTemplate]
    public var theme: Theme
    /// Store path from the config file (`--store` wins over it).
    public var store: String?
    /// Seconds between checks for other operators' changes on the screen.
    public var refreshSeconds: Int
    /// Warnings and escalation steps per timer (the office file's `escalation`).
    public var escalation: EscalationPolicy
    /// When a follow-up counts as boilerplate (the office file's `boilerplate`).
    public var boilerplate: BoilerplatePolicy = .standard

    public init(officeName: String, agency: String, language: Language? = nil, calendar: WorkingCalendar = .standard,
                deadlines: DeadlinePolicy = .standard, policy: WorkflowPolicy = .standard, directory: Directory,
                categories: [CategoryEntry] = [], operators: [Actor] = [], defaultOperator: String? = nil,
                templates: [ReplyTemplate] = [], theme: Theme = Theme(), store: String? = nil, refreshSeconds: Int = 2,
                escalation: EscalationPolicy = .standard) {
        self.escalation = escalation
        self.officeName = officeName
        self.agency = agency
        self.language = language
        self.calendar = calendar
        self.deadlines = deadlines
        self.policy = policy
        self.directory = directory
        self.categories = categories
        self.operators = operators
        self.defaultOperator = defaultOperator
        self.templates = templates
        self.theme = theme
        self.store = store
        self.refreshSeconds = refreshSeconds
    }

    public var context: WorkflowContext {
        WorkflowContext(directory: directory, calendar: calendar, deadlines: deadlines, policy: policy, escalation: escalation)
    }

    /// The operator named by `--as`, else `defaultOperator`, else the first one.
    public func operatorNamed(_ id: String?) -> Actor? {
        if let id { return operators.first { $0.id == id } }
        if let d = defaultOperator { return operators.first { $0.id == d } }
        return operators.first
    }

    public func categoryName(_ c: Category) -> String {
        categories.first { $0.category == c }?.name ?? c.path
    }

    /// Fills a reply template for the people who will read it (not for the operator writing it):
    /// `{reporter}` is the reporter's name only where `Privacy.mayNameReporter` allows it for
    /// `audience`, else "Pelapor" ("Reporter"). A nil `audience` (not known yet, e.g. while the
    /// follow-up may still be made secret) leaves `{reporter}` in place to be filled on saving.
    public func fill(_ template: ReplyTemplate, for c: Complaint, author: Actor, audience: Privacy.Audience?) -> String {
        var values: [String: String] = [
            "tracking": c.trackingID ?? "#\(c.id)", "title": c.title,
            "unit": c.holder.unit.map(directory.unitName) ?? directory.agencyName(c.holder.agency),
            "agency": directory.agencyName(c.holder.agency), "operator": author.name, "id": "\(c.id)",
        ]
        if let audience {
            if Privacy.mayNameReporter(c, to: audience), let name = c.reporter?.name, !name.isEmpty {
                values["reporter"] = name
            } else {
                values["reporter"] = strings(language ?? .id).text(.reporter)
            }
        }
        var out = ""
        var rest = Substring(template.text)
        while let open = rest.firstIndex(of: "{") {
            // A brace that is never closed is plain text: keep the rest as it is.
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            if let v = values[key] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
