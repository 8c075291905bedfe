import AduanCore

/// Classification, category, anonymity, confidentiality, priority and title in one small form.
/// At verification it opens on the privacy flags so the decision is made, and seen, every time.
/// For several tagged reports it applies only the fields the operator set; every other field,
/// the privacy flags included, stays each report's own.
final class ClassifyForm: Overlay {
    enum Field: CaseIterable { case anonymous, confidential, classification, category, priority, title }

    let title: String
    let original: Complaint
    let categories: [CategoryEntry]
    var classification: Classification
    var category: Category
    var anonymous: Bool
    var confidential: Bool
    var priority: Priority
    var titleText: String
    /// At verification the flags are always recorded, even unchanged: that is the decision.
    let recordFlags: Bool
    /// The tagged reports when the form is for several (bulk), else just the one.
    let complaints: [Complaint]
    var isBulk: Bool { complaints.count > 1 }
    /// The fields the operator set (what a bulk form applies).
    private(set) var touched: Set<Field> = []
    private var field = Field.anonymous
    private var picker: Picker?
    private var prompt: LinePrompt?

    init(title: String, complaint c: Complaint, categories: [CategoryEntry], recordFlags: Bool, complaints: [Complaint]? = nil) {
        self.title = title
        original = c
        self.complaints = complaints ?? [c]
        self.categories = categories
        classification = c.classification
        category = c.category
        anonymous = c.anonymous
        confidential = c.confidential
        priority = c.priority
        titleText = c.title
        self.recordFlags = recordFlags
    }

    /// Only what changed (plus the flags when they are being decided).
    var changes: ClassificationChange { changes(for: original) }

    /// What the form changes on report `c`. For one report: what differs from it, plus the flags
    /// when they are being decided. For several: only the fields the operator set, and at
    /// verification each report's own flags recorded as its decision (never the first one's).
    func changes(for c: Complaint) -> ClassificationChange {
        var ch = ClassificationChange()
        func applies(_ f: Field) -> Bool { !isBulk || touched.contains(f) }
        if applies(.classification), classification != c.classification { ch.classification = classification }
        if applies(.category), category != c.category { ch.category = category }
        let anonymous = applies(.anonymous) ? self.anonymous : c.anonymous
        let confidential = applies(.confidential) ? self.confidential : c.confidential
        if isBulk {
            if recordFlags || touched.contains(.anonymous) { ch.anonymous = anonymous }
            if recordFlags || touched.contains(.confidential) { ch.confidential = confidential }
        } else {
            if recordFlags || anonymous != c.anonymous || !c.privacyDecided { ch.anonymous = anonymous }
            if recordFlags || confidential != c.confidential || !c.privacyDecided { ch.confidential = confidential }
        }
        if applies(.priority), priority != c.priority { ch.priority = priority }
        if applies(.title), titleText.trimmingSpaces() != c.title { ch.title = titleText }
        return ch
    }

    /// Sets a flag the operator chose; the first change of an untouched bulk flag sets it on.
    private func setFlag(_ f: Field, _ value: Bool?) {
        let current = f == .anonymous ? anonymous : confidential
        let v = value ?? (isBulk && !touched.contains(f) ? true : !current)
        if f == .anonymous { anonymous = v } else { confidential = v }
        touched.insert(f)
    }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        if let p = picker {
            let r = p.handle(key, ctx: ctx)
            if r == .done, let chosen = p.chosen {
                switch field {
                case .classification: classification = Classification(rawValue: chosen.id) ?? classification
                case .category: category = Category(chosen.id)
                default: break
                }
                touched.insert(field)
            }
            if r != .stay { picker = nil }
            return .stay
        }
        if let p = prompt {
            let r = p.handle(key, ctx: ctx)
            if r == .done { titleText = p.value; touched.insert(.title) }
            if r != .stay { prompt = nil }
            return .stay
        }
        let fields = Field.allCases
        let i = fields.firstIndex(of: field)!
        switch key {
        case .escape, .ctrl("c"): return .cancel
        case .ctrl("s"): return .done
        case .down, .tab, .char("j"): field = fields[(i + 1) % fields.count]
        case .up, .backTab, .char("k"): field = fields[(i + fields.count - 1) % fields.count]
        case .enter, .char(" "):
            switch field {
            case .anonymous, .confidential: setFlag(field, nil)
            case .priority:
                priority = Priority.allCases[(Priority.allCases.firstIndex(of: priority)! + 1) % Priority.allCases.count]
                touched.insert(.priority)
            case .classification:
                picker = Picker(title: ctx.t.text(.classification), options: Classification.allCases.map { Picker.Option(id: $0.rawValue, label: ctx.t.classificationName($0)) })
            case .category:
                picker = Picker(title: ctx.t.text(.category), options: categories.map { Picker.Option(id: $0.category.path, label: $0.name, detail: $0.category.path) })
            case .title:
                prompt = LinePrompt(label: ctx.t.text(.title), initial: titleText, required: true)
            }
        case .char("y"): if field == .anonymous || field == .confidential { setFlag(field, true) }
        case .char("n"), .char("t"): if field == .anonymous || field == .confidential { setFlag(field, false) }
        default: break
        }
        return .stay
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let t = ctx.t
        let inner = drawBox(&grid, width: 72, height: 12, title: title, footer: "↑↓ · Enter " + ctx.t.screen(.change) + " · Ctrl-S " + ctx.t.screen(.save) + " · Esc")
        guard inner.height >= 6 else { picker?.draw(&grid, ctx: ctx); prompt?.draw(&grid, ctx: ctx); return }
        let yes = t.text(.yes), no = t.text(.no)
        // In a bulk form a field the operator has not set shows that each report keeps its own value.
        func own(_ f: Field, _ value: String) -> String { isBulk && !touched.contains(f) ? "— " + t.text(.eachKeepsItsOwn) : value }
        func flag(_ f: Field, _ on: Bool, _ of: (Complaint) -> Bool) -> String {
            guard isBulk && !touched.contains(f) else { return on ? yes.uppercased() : no }
            let n = complaints.filter(of).count
            return "— \(t.text(.eachKeepsItsOwn)) (\(yes) \(n), \(no) \(complaints.count - n))"
        }
        let rows: [(Field, String, String, Style)] = [
            (.anonymous, t.text(.anonymous), flag(.anonymous, anonymous, \.anonymous), anonymous ? .badge : .normal),
            (.confidential, t.text(.confidential), flag(.confidential, confidential, \.confidential), confidential ? .badge : .normal),
            (.classification, t.text(.classification), own(.classification, t.classificationName(classification)), .normal),
            (.category, t.text(.category), own(.category, ctx.config.categoryName(category)), .normal),
            (.priority, t.text(.priority), own(.priority, t.priorityName(priority)), .normal),
            (.title, t.text(.title), own(.title, titleText), .normal),
        ]
        for (i, row) in rows.enumerated() {
            let y = inner.y + i
            let selected = row.0 == field
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? .selected : .normal)
            grid.put(DisplayWidth.padded(row.1, to: 16), x: inner.x, y: y, style: selected ? .selected : .dim)
            grid.put(row.2, x: inner.x + 16, y: y, style: selected ? .selected : row.3, maxWidth: inner.width - 16)
        }
        if !original.privacyDecided || recordFlags {
            grid.put(ctx.t.screen(.decidePrivacy),
                     x: inner.x, y: inner.y + rows.count + 1, style: .dueSoon, maxWidth: inner.width)
        }
        picker?.draw(&grid, ctx: ctx)
        prompt?.draw(&grid, ctx: ctx)
    }
}
