import AduanCore

/// The one store contract the commands talk to, whichever backend keeps the store (issue 14):
/// the embedded SQLite store (`ComplaintStore`, the default) or a PostgreSQL store reached as
/// the operator's own database role (`PGOperatorStore`). A command asks for a report, its
/// timeline, a page of a list, or an action; the backend answers in the core's terms.
///
/// What each backend returns may be more than the viewer may see (SQLite hands back whole
/// reports and the command redacts with `Privacy`), or exactly that (PostgreSQL: the database
/// already withheld the rest). Callers therefore always apply the core's `Privacy.canView` and
/// `Privacy.redacted`, which are idempotent on a report that is already redacted.
public protocol AduanStoreContract: AnyObject {
    /// Where the store lives.
    var location: StoreLocation { get }
    /// A report (nil when there is none, or, on PostgreSQL, none the role may open).
    func complaint(_ id: Int64) throws(StoreError) -> Complaint?
    /// A report's events, oldest first.
    func events(of id: Int64) throws(StoreError) -> [Event]
    /// The local ids of reports with a LAPOR! tracking id.
    func ids(forTrackingID t: String) throws(StoreError) -> [Int64]
    /// A page of a list in list order after `cursor`.
    func page(_ q: InboxQuery, after cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow]
    /// Acts on a report; a stale `expectedVersion` is refused naming who changed what, nothing
    /// written. On PostgreSQL the time is the server's, `now` only what the operator's screen shows.
    func apply(_ command: Command, to id: Int64, expectedVersion: Int?, by actor: Actor, at now: Timestamp) throws(StoreError) -> Complaint
    /// Receives a new report (on PostgreSQL through the writer, which gives it its number).
    func receive(_ intake: Intake, by actor: Actor, at now: Timestamp) throws(StoreError) -> Complaint
    /// The office the store keeps now (its latest version), nil when none yet.
    func office() throws(StoreError) -> OfficeVersion?
}

extension ComplaintStore: AduanStoreContract {
    public var location: StoreLocation { .sqlite(path: path) }
}
