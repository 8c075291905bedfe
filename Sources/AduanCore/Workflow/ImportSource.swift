/// Where an imported report came from, and what the source said happened to it.
///
/// An import is one event by the importing operator (and login). The source's own history is kept
/// inside it as quoted data: who the source names, when and what, never resolved to this office's
/// operators and never replayed as their actions (issue 13 §4).
public struct ImportSource: Hashable, Sendable {
    /// The file's name (without its directories).
    public var file: String
    /// SHA-256 of the whole file, hex.
    public var sha256: String
    /// The source's history, oldest first (empty for field-only records: CSV, Open311).
    public var history: [QuotedEntry]

    public init(file: String, sha256: String, history: [QuotedEntry] = []) {
        self.file = file
        self.sha256 = sha256
        self.history = history
    }
}

/// One entry of a source's history, as the source tells it. The actor is a quoted name: an id
/// that happens to equal a local operator's is still only what the source wrote.
public struct QuotedEntry: Hashable, Sendable {
    /// The time the source gives (data, not an event time of this store).
    public var at: Timestamp
    /// The actor as the source names it (id) and their display name, if given.
    public var actor: String
    public var actorName: String?
    /// The source's action (an Aduan action name when the source is an Aduan export).
    public var kind: String
    /// The status the source says the report reached.
    public var status: String?
    public var text: String?
    /// A secret follow-up in the source: only the handling parties may read it here too.
    public var secret: Bool

    public init(at: Timestamp, actor: String, actorName: String? = nil, kind: String, status: String? = nil,
                text: String? = nil, secret: Bool = false) {
        self.at = at
        self.actor = actor
        self.actorName = actorName
        self.kind = kind
        self.status = status
        self.text = text
        self.secret = secret
    }

    /// Internal notes of the source stay internal.
    public var isInternal: Bool { kind == ActionKind.note.rawValue }
}

extension ImportSource {
    /// The source's events as quoted entries. An import in the source contributes the history it
    /// quoted itself, then its own line, so a chain of exports and imports keeps every step.
    public static func quote(_ events: [Event]) -> [QuotedEntry] {
        var out: [QuotedEntry] = []
        for e in events {
            if let earlier = e.details.source?.history { out += earlier }
            let file = e.details.source.map { " (\($0.file))" } ?? ""
            out.append(QuotedEntry(at: e.at, actor: e.actor.id, actorName: e.actor.name == e.actor.id ? nil : e.actor.name,
                                   kind: e.kind.rawValue, status: e.to.rawValue,
                                   text: e.details.text ?? e.details.reason ?? (e.kind == .import ? "import\(file)" : nil),
                                   secret: e.isSecret))
        }
        return out
    }

    /// The import event's details that give, in one event, the report a source history replays to:
    /// the original intake (so re-import keys stay the same), the classification changes since, the
    /// state reached, the duplicate link, and the history itself quoted.
    public static func importDetails(from events: [Event], replayed c: Complaint, file: String, sha256: String) -> ActionDetails {
        var intake = events[0].details.intake ?? Intake(title: c.title, body: c.body)
        intake.receivedAt = c.receivedAt
        intake.agency = c.intakeAgency
        var changes = ClassificationChange()
        if c.title != intake.title { changes.title = c.title }
        if c.classification != intake.classification { changes.classification = c.classification }
        if c.category != intake.category { changes.category = c.category }
        if c.anonymous != intake.anonymous { changes.anonymous = c.anonymous }
        if c.confidential != intake.confidential { changes.confidential = c.confidential }
        if c.priority != intake.priority { changes.priority = c.priority }
        let imported = ImportedState(status: c.status, holderAgency: c.holder.agency, holderUnit: c.holder.unit, ccUnits: c.ccUnits,
                                     verifiedAt: c.verifiedAt, disposedAt: c.dispositionAt, firstFollowUpAt: c.firstFollowUpAt,
                                     lastFollowUpAt: c.lastFollowUpAt, lastReplyAt: c.lastReplyAt, closedAt: c.closedAt,
                                     awaitingReporter: c.awaitingReporter, archiveReason: c.archiveReason, rating: c.rating,
                                     privacyDecided: c.privacyDecided)
        return ActionDetails(intake: intake, imported: imported, duplicateOf: c.duplicateOf,
                             changes: changes.isEmpty ? nil : changes,
                             source: ImportSource(file: file, sha256: sha256, history: quote(events)))
    }

    /// The quoted history as `viewer` may read it: secret follow-ups only for the handling parties,
    /// texts without the reporter's identity when the viewer may not see it.
    public func redacted(in c: Complaint, for viewer: Actor) -> ImportSource {
        redacted(in: c, sight: Privacy.sight(of: c, viewer: viewer))
    }

    public func redacted(in c: Complaint, sight: Privacy.Sight) -> ImportSource {
        var r = self
        let handling = sight.handling
        let identity = sight.reporter
        r.history = history.compactMap { q in
            if q.secret && !handling { return nil }
            var q = q
            if !identity { q.text = q.text.map { Privacy.publicText($0, of: c) } }
            return q
        }
        return r
    }
}
