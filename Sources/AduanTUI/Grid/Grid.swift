import AduanCore

/// What a cell means; the terminal layer maps roles to colours (or, with NO_COLOR, to attributes).
public enum Style: UInt8, Sendable, CaseIterable {
    case normal
    case selected
    case overdue
    case dueSoon
    case onTime
    case header
    case statusBar
    case badge
    case dim
    case tab
    case tabActive
    case chart
    case bold
    case error
    case tagged
    case input

    /// A one-letter code for golden files (`N` normal is left unmarked).
    public var code: Character {
        switch self {
        case .normal: "."
        case .selected: "S"
        case .overdue: "R"
        case .dueSoon: "Y"
        case .onTime: "G"
        case .header: "H"
        case .statusBar: "B"
        case .badge: "M"
        case .dim: "d"
        case .tab: "t"
        case .tabActive: "T"
        case .chart: "C"
        case .bold: "b"
        case .error: "E"
        case .tagged: "*"
        case .input: "I"
        }
    }
}

/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxY: Int { y + height }
}

/// One screen cell: the text drawn there (one grapheme, or "" for the right half of a wide one).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .normal)
}

/// A plain grid of cells that every view draws into. The terminal layer copies it to the screen;
/// tests read it as text. All text goes through `SafeText` and `DisplayWidth`, so public input can
/// neither control the terminal nor break column alignment.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle with spaces of a style.
    public mutating func fill(_ r: Rect, style: Style) {
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.x + r.width) { self[x, y] = Cell(text: " ", style: style) }
        }
    }

    /// Writes `text` at (x, y), at most `maxWidth` columns, cut with an ellipsis when longer.
    /// Returns the column after the last one written. Text is sanitised first.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil, safe: Bool = false) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return x }
        let clean = safe ? text : SafeText.line(text)
        let fitted = DisplayWidth.of(clean) > limit ? DisplayWidth.truncate(clean, to: limit) : clean
        var col = x
        for ch in fitted {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > x + limit { break }
            if col >= 0 {
                self[col, y] = Cell(text: DisplayWidth.renderable(ch), style: style)
                if w == 2 && col + 1 < width { self[col + 1, y] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// Writes `text` padded with spaces to exactly `width` columns.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width w: Int, style: Style = .normal) {
        guard w > 0 else { return }
        fill(Rect(x: x, y: y, width: min(w, width - x), height: 1), style: style)
        put(text, x: x, y: y, style: style, maxWidth: w)
    }

    /// Writes right-aligned within `width` columns ending at x + width.
    public mutating func putRight(_ text: String, x: Int, y: Int, width w: Int, style: Style = .normal) {
        let clean = SafeText.line(text)
        let tw = min(DisplayWidth.of(clean), w)
        put(clean, x: x + w - tw, y: y, style: style, maxWidth: w, safe: true)
    }

    /// Changes the style of a run of cells without touching their text.
    public mutating func restyle(x: Int, y: Int, width w: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { cells[y * width + col].style = style }
    }

    /// The screen as plain text, one line per row, trailing spaces kept (exact goldens).
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A row's text without trailing spaces.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width { line += self[x, y].text }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The style codes, one character per column, for attribute goldens (Neovim-style screen tests).
    public func styleMap() -> String {
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line.append(self[x, y].style.code) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// True when the row contains `needle`.
    public func contains(_ needle: String) -> Bool {
        (0..<height).contains { row($0).contains(needle) }
    }
}
