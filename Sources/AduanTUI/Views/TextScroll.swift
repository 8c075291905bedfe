/// The scrolling of a view made of text lines (Detail, Dashboard, Help): one offset, kept inside
/// the text, moved by the same keys in each, and one way of drawing the visible lines.
struct TextScroll {
    /// The first line shown.
    var offset = 0
    /// How many lines the view showed last time it was drawn.
    var visible = 20
    /// Ctrl-D/U move half a screen (Detail) or, as PgDn/PgUp, a whole one (Dashboard, Help).
    var halfPagesAreHalf = false

    /// Moves for a scrolling command and keeps the offset inside `lineCount` lines; false (and no
    /// move) for any other command.
    mutating func apply(_ command: DeskCommand, lineCount: Int) -> Bool {
        let page = max(1, visible - 1)
        let half = halfPagesAreHalf ? max(1, visible / 2) : page
        switch command {
        case .moveDown: offset += 1
        case .moveUp: offset -= 1
        case .pageDown: offset += page
        case .pageUp: offset -= page
        case .halfPageDown: offset += half
        case .halfPageUp: offset -= half
        case .first: offset = 0
        case .last: offset = lineCount
        default: return false
        }
        clamp(lineCount)
        return true
    }

    mutating func clamp(_ lineCount: Int) { offset = max(0, min(offset, max(0, lineCount - visible))) }

    /// Draws the lines that fit in `area` from the offset (clamped first), `indent` cells in.
    /// `safe` draws reporters' text with control characters made visible.
    mutating func draw(_ lines: [StyledLine], into grid: inout Grid, area: Rect, indent: Int = 0, safe: Bool = false) {
        visible = area.height
        clamp(lines.count)
        for i in 0..<area.height {
            let index = offset + i
            guard index < lines.count else { break }
            var x = area.x + indent
            for (text, style) in lines[index].segments {
                x = grid.put(text, x: x, y: area.y + i, style: style, maxWidth: area.x + area.width - x, safe: safe)
            }
        }
    }
}
