import AduanCore
import AduanStore

/// The statements the store runs for the screen's first inbox page and for a search, recorded
/// from the store itself (`ComplaintStore.recordingStatements`) with their bound values written
/// in, so the sqlite3 shell runs exactly what Aduan runs: no copy of the store's SQL to drift.
struct StoreStatements {
    let store: ComplaintStore
    /// The operator's inbox as the screen opens it: no filter, deadline order.
    let query: InboxQuery
    let now: Timestamp

    /// The store opened read-only, as the benchmark's operator sees it; nil when it cannot be opened.
    static func open(_ path: String, operators: Operators, viewer: Actor) -> StoreStatements? {
        guard case .success(let now) = Timestamp.parseISO8601(BenchEnvironment.now),
              let store = try? ComplaintStore.open(path: path, context: operators.config.context, readOnly: true) else { return nil }
        return StoreStatements(store: store, query: InboxQuery(viewer: viewer), now: now)
    }

    /// How many reports the inbox lists (to keep the walks inside the list).
    var listRows: Int? { try? store.count(query, now: now) }

    /// Home: the first page again. The list's page size is twice the visible rows (35 at 120×40), read twice over.
    func firstPage() -> [String]? {
        try? store.recordingStatements { _ = try store.page(query, limit: 140, now: now) }
    }

    /// What the screen runs for a search from the top of the list (InboxView.find): a probe for
    /// a match before the selection, the first match after it, and, when that match is not among
    /// the rows already loaded, the rows around it (PagedList.jump).
    func search(_ word: String) -> [String]? {
        var q = query
        q.filter = .term(.text(word))
        do {
            let top = try store.page(query, limit: 140, now: now)
            guard let first = top.first else { return nil }
            var hit: InboxRow?
            var statements = try store.recordingStatements {
                let after = try store.page(q, before: first.cursor, limit: 1, now: now).first?.cursor
                hit = try store.page(q, after: after, limit: 1, now: now).first
            }
            if let hit, !top.contains(where: { $0.id == hit.id }) {
                statements += try store.recordingStatements {
                    _ = try store.page(query, before: hit.cursor, limit: 70, now: now)
                    _ = try store.page(query, after: hit.cursor, limit: 140, now: now)
                }
            }
            return statements
        } catch {
            return nil
        }
    }
}
