/// A span during which a report sat in Tunda; its days do not count against the unit.
public struct PauseSpan: Hashable, Sendable {
    public var from: Timestamp
    public var to: Timestamp

    public init(from: Timestamp, to: Timestamp) {
        self.from = from
        self.to = to
    }
}

/// A report (laporan) as its events have made it. Never edited directly: `Workflow.evolve`
/// produces each new state from the previous one and an event.
public struct Complaint: Hashable, Sendable {
    // What was reported.
    public var id: Int64
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
    /// True once an admin has explicitly set the anonymity/confidentiality flags.
    public var privacyDecided: Bool
    public var priority: Priority
    public var reporter: Reporter?
    public var receivedAt: Timestamp
    public var intakeAgency: String

    // Where it is.
    public var status: Status
    public var holder: Holder
    public var holderChain: [HolderStep]
    public var ccUnits: [String]
    public var duplicateOf: Int64?

    // Timers and progress.
    public var verifiedAt: Timestamp?
    public var firstDispositionAt: Timestamp?
    public var dispositionAt: Timestamp?
    public var firstFollowUpAt: Timestamp?
    public var lastFollowUpAt: Timestamp?
    public var lastReplyAt: Timestamp?
    /// The office's last message to the reporter that was not a follow-up (`message`).
    public var lastMessageAt: Timestamp?
    /// The warnings and escalation steps recorded so far (`EscalationMark.key`), each once.
    public var escalations: [String]
    /// A follow-up was posted and the reporter has not answered since: the auto-close timer runs.
    public var awaitingReporter: Bool
    public var closedAt: Timestamp?
    public var statusBeforePause: Status?
    public var pausedAt: Timestamp?
    public var pauses: [PauseSpan]
    public var archiveReason: ArchiveReason?
    public var rating: Int?
    public var followUpCount: Int
    public var forwardCount: Int
    public var reopenCount: Int
    /// A follow-up drafted and not yet approved or returned (at most one: a new draft replaces it).
    public var pendingDraft: PendingDraft?

    // Bookkeeping.
    public var version: Int
    public var updatedAt: Timestamp
    public var updatedBy: String

    /// A report came back to an agency that had already passed it on (A→B→A).
    public var pingPong: Bool { holderChain.contains { $0.pingPong } }

    /// A draft waits for an approver (the Inbox's "awaiting approval").
    public var awaitingApproval: Bool { pendingDraft != nil }
    /// Where the auto-close period counts from: the last follow-up or the office's last message to
    /// the reporter, whichever is later (LAPOR!: no reply from the reporter nor from the office).
    public var lastOfficeWordAt: Timestamp? {
        guard let f = lastFollowUpAt else { return lastMessageAt }
        guard let m = lastMessageAt else { return f }
        return max(f, m)
    }

    /// True while the report is in Tunda and no clock runs.
    public var isPaused: Bool { status == .tunda }

    /// A report as its intake makes it (status Belum Terverifikasi, held by the receiving agency).
    public init(id: Int64, intake: Intake, at: Timestamp, actor: Actor) {
        self.id = id
        trackingID = intake.trackingID
        title = intake.title
        body = intake.body
        channel = intake.channel
        classification = intake.classification
        category = intake.category
        location = intake.location
        incidentDate = intake.incidentDate
        anonymous = intake.anonymous
        confidential = intake.confidential
        privacyDecided = intake.privacyDecided
        priority = intake.priority
        reporter = intake.reporter
        receivedAt = intake.receivedAt ?? at
        intakeAgency = intake.agency
        status = .belumTerverifikasi
        holder = Holder(agency: intake.agency)
        holderChain = [HolderStep(holder: holder, since: at, via: .receive)]
        ccUnits = []
        duplicateOf = nil
        verifiedAt = nil
        firstDispositionAt = nil
        dispositionAt = nil
        firstFollowUpAt = nil
        lastFollowUpAt = nil
        lastReplyAt = nil
        lastMessageAt = nil
        escalations = []
        awaitingReporter = false
        closedAt = nil
        statusBeforePause = nil
        pausedAt = nil
        pauses = []
        archiveReason = nil
        rating = nil
        followUpCount = 0
        forwardCount = 0
        reopenCount = 0
        pendingDraft = nil
        version = 0
        updatedAt = at
        updatedBy = actor.id
    }

    /// Every agency that has held (or received) the report, the current holder included.
    public func wasHeld(byAgency agency: String) -> Bool {
        intakeAgency == agency || holderChain.contains { $0.holder.agency == agency }
    }

    /// Did `agency` hold (or receive) the report and pass it away, so that it holds it no longer?
    /// With nil: has the report left any agency that held or received it?
    public func wasForwardedAway(by agency: String?) -> Bool {
        if let agency { return holder.agency != agency && wasHeld(byAgency: agency) }
        return intakeAgency != holder.agency || holderChain.contains { $0.holder.agency != holder.agency }
    }

    /// The agencies this report has been passed away from, in order.
    public var agenciesLeft: [String] {
        var left: [String] = []
        for (i, step) in holderChain.enumerated() where i + 1 < holderChain.count {
            if holderChain[i + 1].holder.agency != step.holder.agency { left.append(step.holder.agency) }
        }
        return left
    }
}

/// A drafted follow-up waiting for approval: its event's version, author and text.
public struct PendingDraft: Hashable, Sendable {
    public var version: Int
    public var at: Timestamp
    public var drafter: String
    public var drafterName: String
    public var text: String
    public var secret: Bool

    public init(version: Int, at: Timestamp, drafter: String, drafterName: String, text: String, secret: Bool) {
        self.version = version
        self.at = at
        self.drafter = drafter
        self.drafterName = drafterName
        self.text = text
        self.secret = secret
    }

    public var ref: DraftRef { DraftRef(version: version, drafter: drafter, drafterName: drafterName) }
}
