import AduanCore
import AduanStore

/// Where a paged list reads its rows: forward after a cursor, backward before one.
protocol RowSource {
    func rows(after cursor: PageCursor?, limit: Int) throws(StoreError) -> [InboxRow]
    /// Rows just before `cursor` in list order; with nil, the last rows of the list.
    func rows(before cursor: PageCursor?, limit: Int) throws(StoreError) -> [InboxRow]
}

/// A scrolling window over a list of any length, read with keyset paging: only the rows near the
/// cursor are in memory, and moving costs the same at row 10 as at row 900,000 (tig's view, with
/// SQLite doing the seeking).
final class PagedList {
    private(set) var rows: [InboxRow] = []
    /// Index in `rows` of the selected row.
    private(set) var selected = 0
    /// Index in `rows` of the first visible row.
    private(set) var top = 0
    /// Position (0-based) of rows[0] in the whole list, when known.
    private(set) var base: Int? = 0
    private(set) var atStart = true
    private(set) var atEnd = true
    var pageSize = 50

    /// Keep at most this many rows in memory.
    private let window = 400

    var isEmpty: Bool { rows.isEmpty }
    var selectedRow: InboxRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// 1-based position of the selection in the whole list, when known.
    var position: Int? { base.map { $0 + selected + 1 } }

    /// Loads from the top.
    func reset(_ source: RowSource) throws(StoreError) {
        rows = try source.rows(after: nil, limit: pageSize * 2)
        selected = 0
        top = 0
        base = 0
        atStart = true
        atEnd = rows.count < pageSize * 2
    }

    /// Reloads around the selection (after a change), keeping the cursor on the same report if it
    /// is still in the list, else on the row now at its place.
    func reload(_ source: RowSource, visible: Int) throws(StoreError) {
        guard let current = selectedRow else { try reset(source); return }
        let anchorOffset = selected - top
        var before = try source.rows(before: current.cursor, limit: max(visible, pageSize))
        // Rows after the predecessor: the selection (if still listed) and what follows, in any order.
        let from = try source.rows(after: before.last?.cursor, limit: pageSize * 2)
        atStart = before.count < max(visible, pageSize)
        if before.count > window / 2 { before = Array(before.suffix(window / 2)) }
        rows = before + from
        atEnd = from.count < pageSize * 2
        if let i = rows.firstIndex(where: { $0.id == current.id }) {
            selected = i
        } else {
            selected = min(before.count, max(0, rows.count - 1))
        }
        if base != nil {
            // Rows before the selection are unchanged in number only if nothing moved above it; re-derive.
            base = atStart ? 0 : nil
        }
        top = max(0, min(selected - anchorOffset, max(0, rows.count - visible)))
        clampTop(visible: visible)
    }

    func moveDown(_ n: Int, visible: Int, source: RowSource) throws(StoreError) {
        var remaining = n
        while remaining > 0 {
            if selected + 1 < rows.count {
                let step = min(remaining, rows.count - 1 - selected)
                selected += step
                remaining -= step
            } else if !atEnd {
                try loadAfter(source)
                if selected + 1 >= rows.count { break }
            } else {
                break
            }
            if selected + pageSize >= rows.count && !atEnd { try loadAfter(source) }
        }
        scrollToSelection(visible: visible)
    }

    func moveUp(_ n: Int, visible: Int, source: RowSource) throws(StoreError) {
        var remaining = n
        while remaining > 0 {
            if selected > 0 {
                let step = min(remaining, selected)
                selected -= step
                remaining -= step
            } else if !atStart {
                try loadBefore(source)
                if selected == 0 { break }
            } else {
                break
            }
            if selected < pageSize && !atStart { try loadBefore(source) }
        }
        scrollToSelection(visible: visible)
    }

    /// Jumps to the end of the list: the last rows, read backward from the end.
    func toLast(visible: Int, source: RowSource, total: Int?) throws(StoreError) {
        let last = try source.rows(before: nil, limit: max(pageSize, visible) * 2)
        rows = last
        atEnd = true
        atStart = last.count < max(pageSize, visible) * 2
        selected = max(0, rows.count - 1)
        base = atStart ? 0 : total.map { $0 - rows.count }
        top = max(0, rows.count - visible)
    }

    /// Shows `row` (a search hit) at the top of a fresh window; its position becomes unknown
    /// until `setPosition` supplies it.
    func jump(to row: InboxRow, visible: Int, source: RowSource) throws(StoreError) {
        let before = try source.rows(before: row.cursor, limit: max(visible, pageSize))
        let after = try source.rows(after: row.cursor, limit: pageSize * 2)
        rows = before + [row] + after
        selected = before.count
        atStart = before.count < max(visible, pageSize)
        atEnd = after.count < pageSize * 2
        base = atStart ? 0 : nil
        top = max(0, selected - visible / 3)
        clampTop(visible: visible)
    }

    /// Selects a row already in the window.
    func select(_ index: Int, visible: Int) {
        guard rows.indices.contains(index) else { return }
        selected = index
        scrollToSelection(visible: visible)
    }

    /// Supplies the selection's absolute position once known (a background count).
    func setPosition(_ position: Int) { base = position - 1 - selected }

    func invalidatePosition() { base = atStart ? 0 : nil }

    private func loadAfter(_ source: RowSource) throws(StoreError) {
        guard let last = rows.last else { return }
        let more = try source.rows(after: last.cursor, limit: pageSize)
        atEnd = more.count < pageSize
        rows += more
        trimFront()
    }

    private func loadBefore(_ source: RowSource) throws(StoreError) {
        guard let first = rows.first else { return }
        let more = try source.rows(before: first.cursor, limit: pageSize)
        atStart = more.count < pageSize
        rows = more + rows
        selected += more.count
        top += more.count
        if let b = base { base = b - more.count }
        trimBack()
    }

    private func trimFront() {
        let excess = rows.count - window
        guard excess > 0, selected - excess > pageSize else { return }
        rows.removeFirst(excess)
        selected -= excess
        top = max(0, top - excess)
        if let b = base { base = b + excess }
        atStart = false
    }

    private func trimBack() {
        let excess = rows.count - window
        guard excess > 0, rows.count - excess > selected + pageSize else { return }
        rows.removeLast(excess)
        atEnd = false
    }

    func scrollToSelection(visible: Int) {
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        clampTop(visible: visible)
    }

    private func clampTop(visible: Int) {
        top = max(0, min(top, max(0, rows.count - 1)))
        if selected < top { top = selected }
        if visible > 0, selected >= top + visible { top = selected - visible + 1 }
    }
}

/// The inbox query as a row source.
struct QuerySource: RowSource {
    let store: any DeskStore
    let query: InboxQuery
    let now: Timestamp

    func rows(after cursor: PageCursor?, limit: Int) throws(StoreError) -> [InboxRow] {
        try store.page(query, after: cursor, limit: limit, now: now)
    }

    func rows(before cursor: PageCursor?, limit: Int) throws(StoreError) -> [InboxRow] {
        try store.page(query, before: cursor, limit: limit, now: now)
    }
}
