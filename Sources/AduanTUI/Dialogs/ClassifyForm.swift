import AduanCore

/// Classification, category, anonymity, confidentiality, priority and title in one small form.
/// At verification it opens on the privacy flags so the decision is made, and seen, every time.
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
    private var field = Field.anonymous
    private var picker: Picker?
    private var prompt: LinePrompt?

    init(title: String, complaint c: Complaint, categories: [CategoryEntry], recordFlags: Bool) {
        self.title = title
        original = c
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
    var changes: ClassificationChange {
        var ch = ClassificationChange()
        if classification != original.classification { ch.classification = classification }
        if category != original.category { ch.category = category }
        if recordFlags || anonymous != original.anonymous || !original.privacyDecided { ch.anonymous = anonymous }
        if recordFlags || confidential != original.confidential || !original.privacyDecided { ch.confidential = confidential }
        if priority != original.priority { ch.priority = priority }
        if titleText.trimmingSpaces() != original.title { ch.title = titleText }
        return ch
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
            }
            if r != .stay { picker = nil }
            return .stay
        }
        if let p = prompt {
            let r = p.handle(key, ctx: ctx)
            if r == .done { titleText = p.value }
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
            case .anonymous: anonymous.toggle()
            case .confidential: confidential.toggle()
            case .priority: priority = Priority.allCases[(Priority.allCases.firstIndex(of: priority)! + 1) % Priority.allCases.count]
            case .classification:
                picker = Picker(title: ctx.t.text(.classification), options: Classification.allCases.map { Picker.Option(id: $0.rawValue, label: ctx.t.classificationName($0)) })
            case .category:
                picker = Picker(title: ctx.t.text(.category), options: categories.map { Picker.Option(id: $0.category.path, label: $0.name, detail: $0.category.path) })
            case .title:
                prompt = LinePrompt(label: ctx.t.text(.title), initial: titleText, required: true)
            }
        case .char("y"): if field == .anonymous { anonymous = true } else if field == .confidential { confidential = true }
        case .char("n"), .char("t"): if field == .anonymous { anonymous = false } else if field == .confidential { confidential = false }
        default: break
        }
        return .stay
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let t = ctx.t
        let inner = drawBox(&grid, width: 72, height: 12, title: title, footer: "↑↓ · Enter " + (ctx.language == .en ? "change" : "ubah") + " · Ctrl-S " + (ctx.language == .en ? "save" : "simpan") + " · Esc")
        guard inner.height >= 6 else { picker?.draw(&grid, ctx: ctx); prompt?.draw(&grid, ctx: ctx); return }
        let yes = t.text(.yes), no = t.text(.no)
        let rows: [(Field, String, String, Style)] = [
            (.anonymous, t.text(.anonymous), anonymous ? yes.uppercased() : no, anonymous ? .badge : .normal),
            (.confidential, t.text(.confidential), confidential ? yes.uppercased() : no, confidential ? .badge : .normal),
            (.classification, t.text(.classification), t.classificationName(classification), .normal),
            (.category, t.text(.category), ctx.config.categoryName(category), .normal),
            (.priority, t.text(.priority), t.priorityName(priority), .normal),
            (.title, t.text(.title), titleText, .normal),
        ]
        for (i, row) in rows.enumerated() {
            let y = inner.y + i
            let selected = row.0 == field
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? .selected : .normal)
            grid.put(DisplayWidth.padded(row.1, to: 16), x: inner.x, y: y, style: selected ? .selected : .dim)
            grid.put(row.2, x: inner.x + 16, y: y, style: selected ? .selected : row.3, maxWidth: inner.width - 16)
        }
        if !original.privacyDecided || recordFlags {
            grid.put(ctx.language == .en ? "Decide: may the units see who reported? May the public read it?"
                                         : "Putuskan: bolehkah unit tahu siapa pelapornya? Bolehkah publik membacanya?",
                     x: inner.x, y: inner.y + rows.count + 1, style: .dueSoon, maxWidth: inner.width)
        }
        picker?.draw(&grid, ctx: ctx)
        prompt?.draw(&grid, ctx: ctx)
    }
}
