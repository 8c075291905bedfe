/// A target a figure is held to at the largest size (the targets are set for 1,000,000 complaints).
struct Target {
    enum Direction { case atMost, atLeast }
    var direction: Direction
    var limit: Double
    var text: String

    static func atMost(_ limit: Double, _ text: String) -> Target { Target(direction: .atMost, limit: limit, text: text) }
    static func atLeast(_ limit: Double, _ text: String) -> Target { Target(direction: .atLeast, limit: limit, text: text) }

    func met(_ value: Double) -> Bool { direction == .atMost ? value <= limit : value >= limit }
}

/// One cell: what the table shows, and the number a target compares (nil: nothing to compare).
struct Cell {
    var text: String
    var value: Double?

    init(_ text: String, _ value: Double? = nil) {
        self.text = text
        self.value = value
    }
}

/// The results, one row per figure and one column per store size, printed as one Markdown table.
final class Table {
    struct Row {
        var key: String
        var title: String
        var target: Target?
        var cells: [Int: Cell] = [:]
    }

    let sizes: [Int]
    private var rows: [Row] = []
    /// Column headers other than the size (the two-backend screen table: "SQLite 100,000", ...).
    let headers: [Int: String]
    /// The column a target is judged at (default: the last).
    let judged: Int?

    init(sizes: [Int], headers: [Int: String] = [:], judged: Int? = nil) {
        self.sizes = sizes
        self.headers = headers
        self.judged = judged
    }

    /// Declares the rows up front, so the table keeps its order whatever is measured first.
    func define(_ key: String, _ title: String, _ target: Target? = nil) {
        rows.append(Row(key: key, title: title, target: target))
    }

    func set(_ key: String, size: Int, _ cell: Cell) {
        guard let i = rows.firstIndex(where: { $0.key == key }) else { fatalError("undefined row \(key)") }
        rows[i].cells[size] = cell
    }

    func value(_ key: String, size: Int) -> Double? { rows.first { $0.key == key }?.cells[size]?.value }

    /// Met or missed, judged at the largest size that has a number for the row.
    func verdict(_ row: Row) -> String {
        guard let target = row.target else { return "—" }
        guard let size = judged ?? sizes.last, let value = row.cells[size]?.value else { return "—" }
        return target.met(value) ? "met" : "**missed**"
    }

    func markdown() -> String {
        let largest = judged ?? sizes.last ?? 0
        let judgedAt = headers[largest] ?? Format.grouped(largest)
        let targetHeader = judgedAt == "1,000,000" ? "Target (1,000,000)" : "Target (1,000,000; judged at \(judgedAt))"
        var lines: [String] = []
        let header = ["Measure"] + sizes.map { headers[$0] ?? Format.grouped($0) } + [targetHeader, "Met?"]
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { $0 == 0 ? " :-- " : ($0 <= sizes.count ? " --: " : " :-- ") }.joined(separator: "|") + "|")
        for row in rows where !row.cells.isEmpty {
            var cells = [row.title]
            for size in sizes { cells.append(escape(row.cells[size]?.text ?? "")) }
            cells.append(row.target?.text ?? "—")
            cells.append(verdict(row))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for ch in s { out += ch == "|" ? "\\|" : String(ch) }
        return out
    }
}
