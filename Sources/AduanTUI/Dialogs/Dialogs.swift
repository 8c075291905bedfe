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

    init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    var text: String { String(chars) }

    /// Applies an editing key; returns false when the key is not an editing key.
    mutating func edit(_ key: Key) -> Bool {
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
            col = grid.put(String(chars[i]), x: col, y: y, style: i == cursor ? .selected : .input, maxWidth: w)
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

    init(label: String, initial: String = "", required: Bool = false, validate: @escaping (String) -> String? = { _ in nil }) {
        self.label = label
        buffer = LineBuffer(initial)
        self.required = required
        self.validate = validate
    }

    var value: String { buffer.text.trimmingSpaces() }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"): return .cancel
        case .enter:
            if required && value.isEmpty {
                error = ctx.language == .en ? "required" : "wajib diisi"
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
            grid.fill(Rect(x: 0, y: y - 1, width: grid.width, height: 1), style: .error)
            grid.put(error, x: 0, y: y - 1, style: .error)
        }
    }
}

/// A yes/no question; destructive and bulk actions ask one.
final class Confirm: Overlay {
    let question: String
    private(set) var accepted = false

    init(_ question: String) { self.question = question }

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
        grid.put(question + " " + ctx.t.text(.confirm), x: 0, y: y, style: .input)
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

/// A multi-line editor for follow-ups, notes and replies, with reply templates (Ctrl-T) and, for
/// follow-ups, a public/secret toggle (Tab). Ctrl-S saves; Esc cancels (asking first if typed).
final class TextEditor: Overlay {
    let title: String
    private(set) var lines: [[Character]] = [[]]
    private var row = 0
    private var col = 0
    private var top = 0
    let allowsSecret: Bool
    private(set) var secret = false
    let templates: [(name: String, text: String)]
    private var picker: Picker?
    private var confirmingDiscard = false
    /// A cap so a runaway paste cannot exhaust memory; LAPOR! answers are far shorter.
    static let maxCharacters = 65_536
    private var count = 0
    private var truncated = false

    init(title: String, initial: String = "", allowsSecret: Bool, templates: [(name: String, text: String)]) {
        self.title = title
        self.allowsSecret = allowsSecret
        self.templates = templates
        insert(initial)
    }

    var text: String { lines.map { String($0) }.joined(separator: "\n") }
    var isEmpty: Bool { text.trimmingSpaces().isEmpty }

    func insert(_ s: String) {
        for ch in s {
            if ch == "\n" || ch == "\r\n" || ch == "\r" { newline() } else { insertChar(ch) }
        }
    }

    private func insertChar(_ ch: Character) {
        guard count < Self.maxCharacters else { truncated = true; return }
        if ch == "\t" { for _ in 0..<4 { insertChar(" ") }; return }
        guard !ch.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else { return }
        // Appending at the end of a line is O(1), so a long paste stays fast.
        if col == lines[row].count { lines[row].append(ch) } else { lines[row].insert(ch, at: col) }
        col += 1
        count += 1
    }

    private func newline() {
        guard count < Self.maxCharacters else { truncated = true; return }
        let rest = Array(lines[row][col...])
        lines[row].removeSubrange(col...)
        lines.insert(rest, at: row + 1)
        row += 1
        col = 0
        count += 1
    }

    func handle(_ key: Key, ctx: DeskContext) -> OverlayResult {
        if let p = picker {
            switch p.handle(key, ctx: ctx) {
            case .stay: return .stay
            case .cancel: picker = nil
            case .done:
                if let chosen = p.chosen, let t = templates.first(where: { $0.name == chosen.id }) { insert(t.text) }
                picker = nil
            }
            return .stay
        }
        if confirmingDiscard {
            confirmingDiscard = false
            if key == .char("y") || key == .char("Y") { return .cancel }
            return .stay
        }
        switch key {
        case .ctrl("s"), .ctrl("x"):
            return isEmpty ? .stay : .done
        case .escape, .ctrl("c"):
            if isEmpty { return .cancel }
            confirmingDiscard = true
        case .ctrl("t"):
            if !templates.isEmpty {
                picker = Picker(title: ctx.t.text(.templatePicker), options: templates.map { Picker.Option(id: $0.name, label: $0.name, detail: String($0.text.prefix(60))) })
            }
        case .tab:
            if allowsSecret { secret.toggle() }
        case .enter: newline()
        case .char(let c): insertChar(c)
        case .backspace:
            if col > 0 {
                lines[row].remove(at: col - 1); col -= 1; count -= 1
            } else if row > 0 {
                col = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
                count -= 1
            }
        case .delete:
            if col < lines[row].count { lines[row].remove(at: col); count -= 1 } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]; lines.remove(at: row + 1); count -= 1
            }
        case .left:
            if col > 0 { col -= 1 } else if row > 0 { row -= 1; col = lines[row].count }
        case .right:
            if col < lines[row].count { col += 1 } else if row + 1 < lines.count { row += 1; col = 0 }
        case .up: if row > 0 { row -= 1; col = min(col, lines[row].count) }
        case .down: if row + 1 < lines.count { row += 1; col = min(col, lines[row].count) }
        case .home, .ctrl("a"): col = 0
        case .end, .ctrl("e"): col = lines[row].count
        case .pageUp: row = max(0, row - 10); col = min(col, lines[row].count)
        case .pageDown: row = min(lines.count - 1, row + 10); col = min(col, lines[row].count)
        default: break
        }
        return .stay
    }

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let t = ctx.t
        var footer = t.text(.enterToSave) + " · " + t.text(.escToCancel)
        if !templates.isEmpty { footer += " · Ctrl-T " + t.text(.templatePicker) }
        if allowsSecret { footer += " · Tab " + (secret ? t.text(.secretBadge) : t.text(.publicFollowUp)) }
        let inner = drawBox(&grid, width: grid.width - 2, height: grid.height - 2, title: title + (secret ? " [\(t.text(.secretBadge))]" : ""), footer: footer)
        guard inner.height > 1, inner.width > 4 else { return }
        let height = inner.height - (confirmingDiscard || truncated ? 1 : 0)
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
        for i in 0..<height {
            let r = top + i
            guard r < lines.count else { break }
            let line = lines[r]
            // Long lines scroll horizontally around the cursor on the cursor's row.
            var start = 0
            if r == row { while start < col, DisplayWidth.of(String(line[start..<col])) > inner.width - 2 { start += 1 } }
            var x = inner.x
            for (j, ch) in line[start...].enumerated() {
                let w = DisplayWidth.of(ch)
                if x + w > inner.x + inner.width - 1 { break }
                x = grid.put(String(ch), x: x, y: inner.y + i, style: (r == row && start + j == col) ? .selected : .normal, maxWidth: w)
            }
            if r == row && col == line.count { grid.put(" ", x: min(x, inner.x + inner.width - 1), y: inner.y + i, style: .selected) }
        }
        if confirmingDiscard {
            grid.put(ctx.language == .en ? "Discard the text? (y/n)" : "Buang teks ini? (y/t)", x: inner.x, y: inner.y + inner.height - 1, style: .error)
        } else if truncated {
            grid.put(ctx.language == .en ? "Text cut at \(NumberFormat.grouped(Self.maxCharacters, .en)) characters" : "Teks dipotong pada \(NumberFormat.grouped(Self.maxCharacters, .id)) karakter",
                     x: inner.x, y: inner.y + inner.height - 1, style: .error)
        }
        picker?.draw(&grid, ctx: ctx)
    }
}
