/// Everything an operator (or the program) can do to a report.
///
/// The raw value is the name used on the command line (`aduan act 12 forward …`) and in exports.
public enum ActionKind: String, CaseIterable, Sendable, Hashable {
    case receive
    case `import`
    case verify
    case classify
    case redispose
    case forward
    case cc
    case postpone
    case resume
    case archive
    case followUp = "follow-up"
    case note
    case reply
    case rate
    case close
    case autoClose = "auto-close"
    case reopen
    case linkDuplicate = "link-duplicate"
    /// Disposition down the unit tree: the holder passes the report to a unit below it.
    case passDown = "pass-down"
    /// Back up the unit tree, with a reason ("bukan kewenangan unit ini").
    case returnUp = "return"
    /// A follow-up saved for approval; seen only by the handling parties.
    case draft
    /// The pending draft becomes the public follow-up, by the approver, keeping the drafter.
    case approve
    /// The pending draft goes back to its drafter with a note.
    case returnDraft = "return-draft"
    /// A message from the office to the reporter that is not a follow-up (a question, a notice):
    /// LAPOR!'s closing rule counts the 10 working days from it as from a follow-up.
    case message
    /// The program records a deadline warning or an escalation step when it first becomes due
    /// (see Escalation.swift); internal, never public.
    case escalate

    public static func parse(_ text: String) -> ActionKind? {
        if let exact = ActionKind(rawValue: text) { return exact }
        let key = text.lowercased().replacingSeparators().replacingOccurrencesOfUnderscore()
        return allCases.first { $0.rawValue == key } ?? aliases[key]
    }

    private static let aliases: [String: ActionKind] = [
        "verifikasi": .verify, "dispose": .verify, "disposisi": .verify, "klasifikasi": .classify,
        "disposisi-ulang": .redispose, "teruskan": .forward, "bukan-wewenang": .forward,
        "tembusan": .cc, "tunda": .postpone, "lanjutkan": .resume, "arsip": .archive, "arsipkan": .archive,
        "tindak-lanjut": .followUp, "tl": .followUp, "followup": .followUp, "catatan": .note,
        "balasan": .reply, "balasan-pelapor": .reply, "rating": .rate, "nilai": .rate, "tutup": .close,
        "selesai": .close, "tutup-otomatis": .autoClose, "buka-kembali": .reopen, "duplikat": .linkDuplicate,
        "duplicate": .linkDuplicate, "terima": .receive,
        "disposisi-bawah": .passDown, "turunkan": .passDown, "passdown": .passDown, "kembalikan": .returnUp,
        "return-up": .returnUp, "draf": .draft, "konsep": .draft, "simpan-draf": .draft, "setujui": .approve,
        "terbitkan": .approve, "kembalikan-draf": .returnDraft, "tolak-draf": .returnDraft,
        "pesan": .message, "pesan-pelapor": .message,
        "eskalasi": .escalate,
    ]
}

extension String {
    func replacingOccurrencesOfUnderscore() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// A new report as it arrives: what the reporter sent plus intake metadata.
public struct Intake: Hashable, Sendable {
    public var trackingID: String?
    public var title: String
    public var body: String
    public var channel: Channel
    public var classification: Classification
    public var category: Category
    public var location: String
    public var incidentDate: LocalDate?
    public var anonymous: Bool
    public var confidential: Bool
    public var priority: Priority
    public var reporter: Reporter?
    /// The agency that received it; for an operator's intake, the operator's own agency.
    public var agency: String
    /// When the report reached the office, if earlier than the intake event (imports from
    /// another system); nil means the moment of the event.
    public var receivedAt: Timestamp?
    /// True when the operator taking the report set the anonymity/confidentiality flags on purpose.
    public var privacyDecided: Bool

    public init(trackingID: String? = nil, title: String, body: String, channel: Channel = .web,
                classification: Classification = .pengaduan, category: Category = .uncategorised,
                location: String = "", incidentDate: LocalDate? = nil, anonymous: Bool = false,
                confidential: Bool = false, priority: Priority = .normal, reporter: Reporter? = nil,
                agency: String = "", receivedAt: Timestamp? = nil, privacyDecided: Bool = false) {
        self.trackingID = trackingID
        self.title = title
        self.body = body
        self.channel = channel
        self.classification = classification
        self.category = category
        self.location = location
        self.incidentDate = incidentDate
        self.anonymous = anonymous
        self.confidential = confidential
        self.priority = priority
        self.reporter = reporter
        self.agency = agency
        self.receivedAt = receivedAt
        self.privacyDecided = privacyDecided
    }
}

/// The fields `classify` (and optionally `verify`) may set; nil means "leave as is".
public struct ClassificationChange: Hashable, Sendable {
    public var title: String?
    public var classification: Classification?
    public var category: Category?
    public var anonymous: Bool?
    public var confidential: Bool?
    public var priority: Priority?

    public init(title: String? = nil, classification: Classification? = nil, category: Category? = nil,
                anonymous: Bool? = nil, confidential: Bool? = nil, priority: Priority? = nil) {
        self.title = title
        self.classification = classification
        self.category = category
        self.anonymous = anonymous
        self.confidential = confidential
        self.priority = priority
    }

    public var isEmpty: Bool {
        title == nil && classification == nil && category == nil && anonymous == nil && confidential == nil && priority == nil
    }

    /// Setting either flag counts as the admin's explicit anonymity/confidentiality decision.
    public var decidesPrivacy: Bool { anonymous != nil || confidential != nil }
}

/// The state of a report taken over from another system (a LAPOR! spreadsheet, another store),
/// whose own history is not available.
public struct ImportedState: Hashable, Sendable {
    public var status: Status
    public var holderAgency: String?
    public var holderUnit: String?
    public var ccUnits: [String]
    public var verifiedAt: Timestamp?
    public var disposedAt: Timestamp?
    public var firstFollowUpAt: Timestamp?
    public var lastFollowUpAt: Timestamp?
    /// The reporter's last reply (or objection): the unit owes a response from then.
    public var lastReplyAt: Timestamp?
    public var closedAt: Timestamp?
    public var awaitingReporter: Bool
    public var archiveReason: ArchiveReason?
    public var rating: Int?
    public var privacyDecided: Bool

    public init(status: Status, holderAgency: String? = nil, holderUnit: String? = nil, ccUnits: [String] = [],
                verifiedAt: Timestamp? = nil, disposedAt: Timestamp? = nil, firstFollowUpAt: Timestamp? = nil,
                lastFollowUpAt: Timestamp? = nil, lastReplyAt: Timestamp? = nil, closedAt: Timestamp? = nil, awaitingReporter: Bool = false,
                archiveReason: ArchiveReason? = nil, rating: Int? = nil, privacyDecided: Bool = false) {
        self.status = status
        self.holderAgency = holderAgency
        self.holderUnit = holderUnit
        self.ccUnits = ccUnits
        self.verifiedAt = verifiedAt
        self.disposedAt = disposedAt
        self.firstFollowUpAt = firstFollowUpAt
        self.lastFollowUpAt = lastFollowUpAt
        self.lastReplyAt = lastReplyAt
        self.closedAt = closedAt
        self.awaitingReporter = awaitingReporter
        self.archiveReason = archiveReason
        self.rating = rating
        self.privacyDecided = privacyDecided
    }
}

/// The parameters of an action. One flat record serves every action: the transition table says
/// which fields each action requires, and the event keeps exactly what was decided.
public struct ActionDetails: Hashable, Sendable {
    public var intake: Intake?
    public var imported: ImportedState?
    public var agency: String?
    public var unit: String?
    public var reason: String?
    public var archiveReason: ArchiveReason?
    public var text: String?
    /// A secret follow-up is seen only by the handling parties, never published.
    public var secret: Bool
    public var rating: Int?
    public var duplicateOf: Int64?
    public var changes: ClassificationChange?
    /// A time the reporter gave (when they wrote the reply, gave the rating): a field of the
    /// event, never its own time, which is always the moment the office recorded it.
    public var reportedAt: Timestamp?
    /// An import's source: the file, its hash and the source's history as quoted data.
    public var source: ImportSource?
    /// The draft an approve or return-draft acts on (its version and drafter).
    public var draft: DraftRef?
    /// A pass down that restarted the first-follow-up timer (the office's `hierarchy.passDownTimer`
    /// when it was decided): kept in the event so a later change of the setting rewrites nothing.
    public var resetsTimer: Bool
    /// The warning or escalation step an `escalate` event records.
    public var escalation: EscalationMark?
    /// A follow-up the sender was warned is boilerplate (Boilerplate.swift): advisory, recorded for the figures.
    public var boilerplate: BoilerplateFinding?

    public init(intake: Intake? = nil, imported: ImportedState? = nil, agency: String? = nil, unit: String? = nil,
                reason: String? = nil, archiveReason: ArchiveReason? = nil, text: String? = nil, secret: Bool = false,
                rating: Int? = nil, duplicateOf: Int64? = nil, changes: ClassificationChange? = nil,
                reportedAt: Timestamp? = nil, source: ImportSource? = nil, draft: DraftRef? = nil, resetsTimer: Bool = false,
                escalation: EscalationMark? = nil, boilerplate: BoilerplateFinding? = nil) {
        self.source = source
        self.draft = draft
        self.resetsTimer = resetsTimer
        self.boilerplate = boilerplate
        self.escalation = escalation
        self.intake = intake
        self.imported = imported
        self.agency = agency
        self.unit = unit
        self.reason = reason
        self.archiveReason = archiveReason
        self.text = text
        self.secret = secret
        self.rating = rating
        self.duplicateOf = duplicateOf
        self.changes = changes
        self.reportedAt = reportedAt
    }
}

/// A request to act on a report, as an operator (or the program) makes it.
public struct Command: Hashable, Sendable {
    public var kind: ActionKind
    public var details: ActionDetails

    public init(_ kind: ActionKind, _ details: ActionDetails = ActionDetails()) {
        self.kind = kind
        self.details = details
    }
}

/// An accepted action: the unit of history. A report's state is the fold of its events.
public struct Event: Hashable, Sendable {
    public var complaintID: Int64
    /// 1 for the first event; the report's version after this event.
    public var version: Int
    public var at: Timestamp
    public var actor: Actor
    public var kind: ActionKind
    /// nil before the first event.
    public var from: Status?
    public var to: Status
    public var details: ActionDetails
    /// The authenticated account that wrote this event into the store (the Unix account on a
    /// SQLite store, the database role on PostgreSQL); stamped by the store, nil in events
    /// written before logins existed (their stored text and hash are unchanged).
    public var login: String?

    public init(complaintID: Int64, version: Int, at: Timestamp, actor: Actor, kind: ActionKind,
                from: Status?, to: Status, details: ActionDetails, login: String? = nil) {
        self.complaintID = complaintID
        self.version = version
        self.at = at
        // The operator as they acted: the directory's list of logins is not part of the record.
        var actor = actor
        actor.logins = []
        actor.unitsBelow = []
        self.actor = actor
        self.login = login
        self.kind = kind
        self.from = from
        self.to = to
        self.details = details
    }

    /// A secret follow-up, which only the handling parties may read.
    public var isSecret: Bool { (kind == .followUp || kind == .approve || kind == .draft) && details.secret }
    /// A draft and its return are working papers of the handling parties, never public.
    public var isDraftWork: Bool { kind == .draft || kind == .returnDraft }
    /// Internal notes are for the office, never for the public.
    public var isInternal: Bool { kind == .note || kind == .escalate }
}

/// The draft an approval or return refers to: the draft event's version and who wrote it.
public struct DraftRef: Hashable, Sendable {
    public var version: Int
    public var drafter: String
    public var drafterName: String

    public init(version: Int, drafter: String, drafterName: String) {
        self.version = version
        self.drafter = drafter
        self.drafterName = drafterName
    }
}
