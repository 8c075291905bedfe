import AduanCore

/// The parts of the screen a store may not serve yet: the desk asks before it reads them and
/// shows, in the view, that this store cannot give them (never an error, never a crash).
public enum DeskPart: String, Sendable, CaseIterable {
    /// The supervisor dashboard (figures, warnings per level, boilerplate shares).
    case dashboard
    /// The Tenggat view (deadline groups, escalated rows).
    case deadlines
}

/// What the operator's screen (AduanTUI) needs from a store, whichever backend keeps it (issue
/// 14): the commands' contract plus the desk's own reads (the other side of a page, counts, status
/// counts, arrivals, change detection), the operator's drafts, and the sweeps the desk runs while
/// it is open. The embedded SQLite store (`ComplaintStore`) serves all of it; a PostgreSQL store
/// read as the operator's role (`PGOperatorStore`) serves the Inbox, Detail, actions and the
/// status line, and says which parts it does not serve yet (`serves(_:)`).
///
/// As in `AduanStoreContract`, what comes back may already be redacted by the database; the desk
/// applies the core's `Privacy` rules either way.
public protocol DeskStore: AduanStoreContract {
    /// The rules the store decides with (deadlines, calendar, directory).
    var context: WorkflowContext { get }
    /// A training store (the screen says so first).
    var isTraining: Bool { get }
    /// Whether the store serves a part of the screen; false: the view says so instead of reading.
    func serves(_ part: DeskPart) -> Bool

    /// The `limit` rows just before `cursor` in list order (scrolling up); no cursor: the last rows.
    func page(_ q: InboxQuery, before cursor: PageCursor?, limit: Int, now: Timestamp) throws(StoreError) -> [InboxRow]
    /// Reports by id, in the given order (bulk actions); ones the store does not give are left out.
    func complaints(_ ids: [Int64]) throws(StoreError) -> [Complaint]
    /// How many reports the query matches.
    func count(_ q: InboxQuery, now: Timestamp) throws(StoreError) -> Int
    /// The position (1-based) of a row in a query's list.
    func position(of row: PageCursor, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int
    /// Reports per status in a scope (the status tabs), with or without what it held before.
    func statusCounts(_ scope: InboxScope, formerHolders: Bool) throws(StoreError) -> [Status: Int]
    /// How many reports of the scope its agency forwarded away (the Diteruskan tab).
    func forwardedCount(_ scope: InboxScope) throws(StoreError) -> Int
    /// How many reports the scope holds with a draft awaiting approval (the status line).
    func awaitingApprovalCount(_ scope: InboxScope) throws(StoreError) -> Int
    /// The highest report id so far: the mark arrivals are counted after.
    func lastComplaintID() throws(StoreError) -> Int64
    /// How many reports received after `mark` the list of `q` holds.
    func arrivals(after mark: Int64, in q: InboxQuery, now: Timestamp) throws(StoreError) -> Int

    /// A number that moves when anyone committed a change the screen may need to show (the desk
    /// reloads when it moved). Cheap: the desk asks between keys.
    func dataVersion() -> Int64
    /// True when the store tells of changes as they happen (`dataVersion` is a local read of
    /// what was heard), so the desk may ask between every key instead of every refresh period.
    var hearsChanges: Bool { get }
    /// True when the tabs' counts (`statusCounts`, `forwardedCount`, the approvals) are kept as
    /// counters and read at once; false where they are counted (PostgreSQL: a scan under the
    /// role's row-level security), so the desk counts them off the input path.
    var countsAreKept: Bool { get }
    /// A fresh, independent connection to the same store as the same login, for reads off the
    /// input path (counts, positions) on another thread.
    func reopener() -> @Sendable () throws(StoreError) -> any DeskStore
    /// Whether the background reads keep the connection `reopener` opened for their next
    /// request (on their own thread) instead of opening one per request.
    var keepsBackgroundConnection: Bool { get }

    /// The operator's own draft of this kind for a report (never anyone else's).
    func draft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError) -> Draft?
    /// Keeps (or replaces) the operator's draft; empty text discards it.
    func saveDraft(_ d: Draft, by op: Actor) throws(StoreError)
    /// Forgets the operator's draft.
    func discardDraft(of complaintID: Int64, kind: ActionKind, by op: Actor) throws(StoreError)
    /// Texts the operator's unit answered with before (the reply editor's suggestions).
    func earlierAnswers(agency: String, unit: String?, limit: Int) throws(StoreError) -> [String]

    /// Closes what fell due for auto-close; how many. A store whose writer does it returns 0.
    func autoCloseDue(at now: Timestamp, limit: Int) throws(StoreError) -> Int
    /// Records warnings and escalations that fell due; how many. A store whose writer does it returns 0.
    func recordEscalations(at now: Timestamp, limit: Int, scan: Int) throws(StoreError) -> Int

    /// The dashboard's figures for a scope (`serves(.dashboard)`).
    func figures(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> SupervisorFigures
    /// Follow-ups and boilerplate ones per answering unit (`serves(.dashboard)`).
    func boilerplateShares() throws(StoreError) -> [(agency: String, unit: String?, followUps: Int, boilerplate: Int)]
    /// Recorded warnings and escalations per level and unit (`serves(.dashboard)`).
    func escalationCounts() throws(StoreError) -> [(target: EscalationTarget, agency: String, unit: String?, count: Int)]
    /// The deadline groups of a scope (`serves(.deadlines)`).
    func deadlineGroups(_ scope: InboxScope, now: Timestamp) throws(StoreError) -> [DeadlineGroup]
    /// Escalated reports per level (`serves(.deadlines)`).
    func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp) throws(StoreError) -> [EscalationGroup]
    /// Escalated reports per level with each level's count and only its first `rowsPerLevel` rows
    /// (nil: all), as the Tenggat view shows them.
    func escalatedRows(_ scope: InboxScope, content: ContentAccess, now: Timestamp, rowsPerLevel: Int?) throws(StoreError) -> [EscalationGroup]
    /// The first `limit` rows of each holder's deadline group, as the Tenggat view shows them.
    func deadlineRows(of holders: [Holder], content: ContentAccess, limit: Int, now: Timestamp) throws(StoreError) -> [Holder: [InboxRow]]
    /// The dashboard's escalations per level and unit and boilerplate shares within a scope.
    func workflowFigures(_ scope: InboxScope) throws(StoreError) -> WorkflowFigures
    /// Rows of one deadline group (`serves(.deadlines)`).
    func deadlineRows(_ holder: Holder, content: ContentAccess, after cursor: PageCursor?, limit: Int,
                      now: Timestamp) throws(StoreError) -> [InboxRow]
}

extension ComplaintStore: DeskStore {
    /// SQLite serves every part of the screen.
    public func serves(_ part: DeskPart) -> Bool { true }

    /// SQLite's `data_version` is read every refresh period (and after each key).
    public var hearsChanges: Bool { false }

    /// A SQLite connection is a file opened in-process: one per background request, as before.
    public var keepsBackgroundConnection: Bool { false }

    /// SQLite keeps the tabs' counts in its counters tables.
    public var countsAreKept: Bool { true }

    public func reopener() -> @Sendable () throws(StoreError) -> any DeskStore {
        let path = self.path, context = self.context, login = self.login
        return { () throws(StoreError) -> any DeskStore in try ComplaintStore.open(path: path, context: context, login: login) }
    }
}
