import AduanCore

/// A multi-line editor for follow-ups, notes and replies, with reply templates (Ctrl-T) and, for
/// follow-ups, a public/secret toggle (Tab). Ctrl-S saves; Esc cancels (asking first if typed).
/// Long lines wrap at the window's width (at a space where there is one); Up/Down move by
/// wrapped row. The report being answered stays visible above the editor (its first lines).
final class TextEditor: Overlay {
    let title: String
    private(set) var lines: [[Character]] = [[]]
    private var row = 0
    private var col = 0
    /// The first wrapped row shown.
    private var top = 0
    let allowsSecret: Bool
    private(set) var secret = false
    let templates: [(name: String, text: String)]
    /// The report answered, as lines already made safe (heading, then its text); empty for several.
    let context: [String]
    private var picker: Picker?
    private var confirmingDiscard = false
    /// A cap so a runaway paste cannot exhaust memory; LAPOR! answers are far shorter.
    static let maxCharacters = 65_536
    private var count = 0
    private var truncated = false
    private(set) var keepAsDraft = false  // Esc, then d: closed keeping the text as a draft
    /// The width text wrapped at when last drawn (Up/Down move through the same rows).
    private var wrapWidth = 76

    init(title: String, initial: String = "", allowsSecret: Bool, templates: [(name: String, text: String)], context: [String] = [], secret: Bool = false) {
        self.title = title
        self.allowsSecret = allowsSecret
        self.templates = templates
        self.secret = allowsSecret && secret
        self.context = context
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

    // MARK: wrapping

    /// One wrapped row: characters `range` of logical line `line`.
    struct VisualRow: Equatable {
        var line: Int
        var range: Range<Int>
        /// The last row of its line (the cursor may stand after its end).
        var isLast: Bool
    }

    /// Splits a line into rows of at most `width` cells, after a space where there is one.
    static func segments(_ line: [Character], width: Int) -> [Range<Int>] {
        guard !line.isEmpty else { return [0..<0] }
        let width = max(1, width)
        var out: [Range<Int>] = []
        var start = 0
        while start < line.count {
            var used = 0, i = start, lastSpace = -1
            while i < line.count {
                let w = DisplayWidth.of(line[i])
                if used + w > width { break }
                used += w
                if line[i] == " " { lastSpace = i }
                i += 1
            }
            if i >= line.count {
                out.append(start..<line.count)
                break
            }
            var end = lastSpace >= start ? lastSpace + 1 : i
            if end <= start { end = start + 1 }  // one character wider than the window
            out.append(start..<end)
            start = end
        }
        return out
    }

    func layout(width: Int) -> [VisualRow] {
        var rows: [VisualRow] = []
        for (n, line) in lines.enumerated() {
            let segs = Self.segments(line, width: width)
            for (i, r) in segs.enumerated() { rows.append(VisualRow(line: n, range: r, isLast: i == segs.count - 1)) }
        }
        return rows
    }

    /// The wrapped row holding the cursor.
    static func cursorRow(_ rows: [VisualRow], line: Int, col: Int) -> Int {
        for (i, r) in rows.enumerated() where r.line == line {
            if r.range.contains(col) || (r.isLast && col >= r.range.lowerBound) { return i }
        }
        return max(0, rows.count - 1)
    }

    /// Moves the cursor `delta` wrapped rows, keeping its column on the screen.
    private func moveVertically(_ delta: Int) {
        let rows = layout(width: wrapWidth)
        let v = Self.cursorRow(rows, line: row, col: col)
        let target = v + delta
        guard rows.indices.contains(target) else { return }
        let from = rows[v], to = rows[target]
        let x = DisplayWidth.of(String(lines[row][from.range.lowerBound..<min(col, from.range.upperBound)]))
        var c = to.range.lowerBound, used = 0
        let line = lines[to.line]
        while c < to.range.upperBound {
            let w = DisplayWidth.of(line[c])
            if used + w > x { break }
            used += w
            c += 1
        }
        // The end of a row that is not its line's last is the next row's start: stay before it.
        if !to.isLast && c == to.range.upperBound && c > to.range.lowerBound { c -= 1 }
        row = to.line
        col = c
    }

    // MARK: keys

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
            if key == .char("d") || key == .char("D") { keepAsDraft = true; return .cancel }
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
        case .up: moveVertically(-1)
        case .down: moveVertically(1)
        case .home, .ctrl("a"): col = 0
        case .end, .ctrl("e"): col = lines[row].count
        case .pageUp: moveVertically(-10)
        case .pageDown: moveVertically(10)
        default: break
        }
        return .stay
    }

    // MARK: drawing

    func draw(_ grid: inout Grid, ctx: DeskContext) {
        let t = ctx.t
        var footer = t.text(.enterToSave) + " · " + t.text(.escToCancel)
        if !templates.isEmpty { footer += " · Ctrl-T " + t.text(.templatePicker) }
        if allowsSecret { footer += " · Tab " + (secret ? t.text(.secretBadge) : t.text(.publicFollowUp)) }
        // The report answered, above the editor: up to a quarter of the screen.
        let width = grid.width - 2
        var above: [String] = []
        for (i, l) in context.enumerated() {
            let parts = DisplayWidth.wrap(l, width: max(10, width - 2))
            above += i == 0 ? parts : parts.map { "  " + $0 }
        }
        let room = context.isEmpty ? 0 : max(2, (grid.height - 2) / 4)
        let shown = min(above.count, room)
        if shown > 0 {
            grid.fill(Rect(x: 0, y: 1, width: grid.width, height: shown), style: .normal)
            for i in 0..<shown {
                let cut = i == shown - 1 && above.count > shown
                grid.put(above[i] + (cut ? " …" : ""), x: 1, y: 1 + i, style: i == 0 ? .bold : .dim, maxWidth: width)
            }
        }
        let boxHeight = min(grid.height - 2, grid.height - 2 - shown)
        let inner = drawFrame(&grid, Rect(x: 1, y: 1 + shown, width: width, height: boxHeight),
                              title: title + (secret ? " [\(t.text(.secretBadge))]" : ""), footer: footer)
        guard inner.height > 1, inner.width > 4 else { return }
        let height = inner.height - (confirmingDiscard || truncated ? 1 : 0)
        // One cell is kept for the cursor after a row's last character.
        wrapWidth = inner.width - 1
        let rows = layout(width: wrapWidth)
        let cursor = Self.cursorRow(rows, line: row, col: col)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
        for i in 0..<height {
            let v = top + i
            guard v < rows.count else { break }
            let r = rows[v]
            let line = lines[r.line]
            var x = inner.x
            for j in r.range {
                let w = DisplayWidth.of(line[j])
                x = grid.put(String(line[j]), x: x, y: inner.y + i, style: (v == cursor && j == col) ? .selected : .normal, maxWidth: w)
            }
            if v == cursor && col >= r.range.upperBound { grid.put(" ", x: min(x, inner.x + inner.width - 1), y: inner.y + i, style: .selected) }
        }
        if confirmingDiscard {
            grid.put(ctx.t.discardOrKeepQuestion, x: inner.x, y: inner.y + inner.height - 1, style: .error, maxWidth: inner.width)
        } else if truncated {
            grid.put(ScreenText.textCut(at: Self.maxCharacters, ctx.language),
                     x: inner.x, y: inner.y + inner.height - 1, style: .error)
        }
        picker?.draw(&grid, ctx: ctx)
    }
}
