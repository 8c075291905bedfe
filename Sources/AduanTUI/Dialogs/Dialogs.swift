import AduanCore

/// How a dialog ended a key.
enum OverlayResult {
    case stay
    case done
    case cancel
}

/// A modal dialog drawn over the current view; it gets every key until it is done or cancelled.
protocol Overlay: AnyObject {
    func draw(_ grid: inout Grid, ctx: DeskContext)
    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult
}

/// Draws a framed box and returns its inner rectangle.
@discardableResult
func drawBox(_ grid: inout Grid, width: Int, height: Int, title: String, footer: String? = nil) -> Rect {
    let w = min(width, grid.width - 2), h = min(height, grid.height - 2)
    let x = max(0, (grid.width - w) / 2), y = max(0, (grid.height - h) / 2)
    return drawFrame(&grid, Rect(x: x, y: y, width: w, height: h), title: title, footer: footer)
}

/// Draws a framed box filling `rect` and returns its inner rectangle.
@discardableResult
func drawFrame(_ grid: inout Grid, _ rect: Rect, title: String, footer: String? = nil) -> Rect {
    let x = rect.x, y = rect.y, w = rect.width, h = rect.height
    guard w >= 4, h >= 3 else { return Rect(x: x, y: y, width: max(0, w), height: max(0, h)) }
    grid.fill(Rect(x: x, y: y, width: w, height: h), style: .normal)
    grid.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: .header, safe: true)
    for row in (y + 1)..<(y + h - 1) {
        grid.put("│", x: x, y: row, style: .header, safe: true)
        grid.put("│", x: x + w - 1, y: row, style: .header, safe: true)
    }
    grid.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: .header, safe: true)
    grid.put(" " + title + " ", x: x + 2, y: y, style: .header, maxWidth: w - 4)
    if let footer { grid.put(" " + footer + " ", x: x + 2, y: y + h - 1, style: .header, maxWidth: w - 4) }
    return Rect(x: x + 2, y: y + 1, width: w - 4, height: h - 2)
}

/// Editable single-line text with a cursor, used by prompts and pickers.
struct LineBuffer {
    var chars: [Character] = []
    var cursor = 0
    /// The whole text is selected (a search prompt's previous term): typed text replaces it,
    /// Backspace/Del clear it, and a movement key keeps it for editing.
    var allSelected = false

    init(_ text: String = "", selected: Bool = false) {
        chars = Array(text)
        cursor = chars.count
        allSelected = selected && !chars.isEmpty
    }

    var text: String { String(chars) }

    /// Applies an editing key; returns false when the key is not an editing key.
    mutating func edit(_ key: Key) -> Bool {
        if allSelected {
            allSelected = false
            switch key {
            case .char(let c) where !c.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }):
                chars = []
                cursor = 0
            case .backspace, .delete:
                chars = []
                cursor = 0
                return true
            default:
                break
            }
        }
        switch key {
        case .char(let c):
            // Control characters are never typed into fields (pasted escape sequences included).
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else { return true }
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"):
            chars.removeFirst(cursor)
            cursor = 0
        case .ctrl("w"):
            var i = cursor
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor)
            cursor = i
        default:
            return false
        }
        return true
    }

    /// Draws the text so the cursor stays visible, with the cursor cell highlighted.
    func draw(_ grid: inout Grid, x: Int, y: Int, width: Int) {
        guard width > 1 else { return }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: .input)
        // Scroll horizontally so the cursor fits.
        // Walk back from the cursor (measuring each character once): re-measuring the whole
        // tail per step took minutes for a 45,000-character paste.
        var start = cursor
        var used = 0
        while start > 0 {
            let w = DisplayWidth.of(String(chars[start - 1]))
            if used + w > width - 2 { break }
            used += w
            start -= 1
        }
        var col = x
        for i in start..<chars.count {
            let w = DisplayWidth.of(chars[i])
            if col + w > x + width - 1 { break }
            col = grid.put(String(chars[i]), x: col, y: y, style: i == cursor || allSelected ? .selected : .input, maxWidth: w)
        }
        if cursor == chars.count, col < x + width { grid.put(" ", x: col, y: y, style: .selected) }
    }
}

/// A one-line question at the bottom of the screen: a reason, a filter, a search, an id.
final class LinePrompt: Overlay {
    let label: String
    var buffer: LineBuffer
    let required: Bool
    /// Returns an error message for invalid input, or nil.
    let validate: (String) -> String?
    var error: String?

    init(label: String, initial: String = "", selected: Bool = false, required: Bool = false,
         validate: @escaping (String) -> String? = { _ in nil }) {
        self.label = label
        buffer = LineBuffer(initial, selected: selected)
        self.required = required
        self.validate = validate
    }

    var value: String { buffer.text.trimmingSpaces() }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"): return .cancel
        case .enter:
            if required && value.isEmpty {
                error = ctx.t.screen(.required)
                return .stay
            }
            if let e = validate(buffer.text) {
                error = e
                return .stay
            }
            return .done
        default:
            if buffer.edit(key) { error = nil }
            return .stay
        }
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: .input)
        let prefix = label + ": "
        let x = grid.put(prefix, x: 0, y: y, style: .input)
        buffer.draw(&grid, x: x, y: y, width: grid.width - x)
        if let error, grid.height >= 2 {
            // A long explanation wraps upward (at most 3 lines) instead of being cut at the width.
            let lines = Array(DisplayWidth.wrap(error, width: max(1, grid.width)).prefix(min(3, grid.height - 1)))
            for (i, line) in lines.enumerated() {
                grid.fill(Rect(x: 0, y: y - lines.count + i, width: grid.width, height: 1), style: .error)
                grid.put(line, x: 0, y: y - lines.count + i, style: .error)
            }
        }
    }
}

/// A yes/no question; destructive and bulk actions ask one.
final class Confirm: Overlay {
    let question: String
    /// Said above the question before the operator answers (the approver's boilerplate warning).
    let warning: String?
    private(set) var accepted = false

    init(_ question: String, warning: String? = nil) {
        self.question = question
        self.warning = warning
    }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        switch key {
        case .char("y"), .char("Y"): accepted = true; return .done
        case .char("n"), .char("N"), .char("t"), .char("T"), .escape, .ctrl("c"): return .cancel
        default: return .stay
        }
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: .input)
        // The question names what happens ("Lanjutkan #12?"); only the keys follow it.
        grid.put(question + " " + ctx.t.screen(.yesNo), x: 0, y: y, style: .input)
        // The warning, wrapped, on the lines just above the question (at most a third of the screen).
        if let warning, y > 0 {
            let lines = Array(DisplayWidth.wrap(warning, width: max(10, grid.width - 2)).prefix(max(1, grid.height / 3)))
            for (i, line) in lines.enumerated() {
                let row = y - lines.count + i
                guard row >= 0 else { continue }
                grid.fill(Rect(x: 0, y: row, width: grid.width, height: 1), style: .error)
                grid.put(line, x: 1, y: row, style: .error)
            }
        }
    }
}

/// A list to pick from, narrowed as the operator types (units, agencies, codes, templates).
final class Picker: Overlay {
    struct Option {
        var id: String
        var label: String
        var detail: String = ""
    }

    let title: String
    let options: [Option]
    private var filter = LineBuffer()
    private var matches: [Int]
    private var selected = 0
    private var top = 0
    private(set) var chosen: Option?

    /// Unit pickers also offer what the core's unit resolver finds ("DPUPR"; issue 11, item 13).
    let resolve: ((String) -> UnitLookup)?

    init(title: String, options: [Option], resolve: ((String) -> UnitLookup)? = nil) {
        self.title = title
        self.options = options
        self.resolve = resolve
        matches = Array(options.indices)
    }

    private func refilter() {
        let q = TextSearch.fold(filter.text.trimmingSpaces())
        let resolved = Set(q.isEmpty ? [] : resolve?(filter.text.trimmingSpaces()).candidates ?? [])
        matches = q.isEmpty ? Array(options.indices) : options.indices.filter {
            resolved.contains(options[$0].id)
                || TextSearch.fold(options[$0].label).contains(q) || TextSearch.fold(options[$0].id).contains(q) || TextSearch.fold(options[$0].detail).contains(q)
        }
        selected = 0
        top = 0
    }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        switch key {
        case .escape, .ctrl("c"): return .cancel
        case .enter:
            guard matches.indices.contains(selected) else { return .stay }
            chosen = options[matches[selected]]
            return .done
        case .down, .ctrl("n"): selected = max(0, min(matches.count - 1, selected + 1))  // never -1 (crashed the draw)
        case .up, .ctrl("p"): selected = max(0, selected - 1)
        case .pageDown: selected = max(0, min(matches.count - 1, selected + 10))
        case .pageUp: selected = max(0, selected - 10)
        default:
            if filter.edit(key) { refilter() }
        }
        return .stay
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let width = min(grid.width - 2, max(40, (options.map { DisplayWidth.of($0.label) + DisplayWidth.of($0.detail) }.max() ?? 20) + 8))
        let inner = drawBox(&grid, width: width, height: min(grid.height - 2, max(8, options.count + 4)), title: title,
                            footer: "Enter · Esc")
        guard inner.height >= 2 else { return }
        grid.put("> ", x: inner.x, y: inner.y, style: .bold)
        filter.draw(&grid, x: inner.x + 2, y: inner.y, width: inner.width - 2)
        let listHeight = inner.height - 1
        if selected < top { top = selected }
        if selected >= top + listHeight { top = selected - listHeight + 1 }
        if matches.isEmpty {
            grid.put(ctx.t.text(.none), x: inner.x, y: inner.y + 1, style: .dim)
        }
        for i in 0..<listHeight {
            let index = top + i
            guard index < matches.count else { break }
            let o = options[matches[index]]
            let style: Style = index == selected ? .selected : .normal
            grid.fill(Rect(x: inner.x, y: inner.y + 1 + i, width: inner.width, height: 1), style: style)
            let x = grid.put(o.label, x: inner.x, y: inner.y + 1 + i, style: style, maxWidth: inner.width)
            if !o.detail.isEmpty { grid.put("  " + o.detail, x: x, y: inner.y + 1 + i, style: index == selected ? style : .dim, maxWidth: inner.x + inner.width - x) }
        }
    }
}
