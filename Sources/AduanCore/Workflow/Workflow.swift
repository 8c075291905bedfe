// Over 400 lines: decide, its requirement checks and evolve read best side by side; the tree and drafts live in Hierarchy.swift.
/// The settings and reference data a decision depends on. Pure values; no clock inside.
public struct WorkflowContext: Sendable, Equatable {
    public var directory: Directory
    public var calendar: WorkingCalendar
    public var deadlines: DeadlinePolicy
    public var policy: WorkflowPolicy
    /// The warning and escalation ladder per timer (Escalation.swift).
    public var escalation: EscalationPolicy
    public let table: TransitionTable

    public init(directory: Directory, calendar: WorkingCalendar = .standard,
                deadlines: DeadlinePolicy = .standard, policy: WorkflowPolicy = .standard,
                escalation: EscalationPolicy = .standard) {
        self.directory = directory
        self.calendar = calendar
        self.deadlines = deadlines
        self.policy = policy
        self.escalation = escalation
        self.table = TransitionTable.standard(policy)
    }
}

/// Why a list of events cannot be folded into a report.
public enum ReplayError: Error, Hashable, Sendable {
    case empty
    case firstEventNotIntake(version: Int)
    case intakeAfterStart(version: Int)
    case versionGap(expected: Int, found: Int)
    case wrongComplaint(expected: Int64, found: Int64)
    case statusMismatch(version: Int, recorded: Status?, actual: Status?)
    case refused(version: Int, Refusal)
}

/// The SP4N-LAPOR! workflow as two pure functions (the Decider pattern):
/// `decide` turns a command into an event or a refusal, `evolve` folds an event into the state.
/// No I/O and no clock: "now" is an argument.
public enum Workflow {
    // MARK: decide

    /// Decides whether `actor` may take `command` on `complaint` (nil for a new report) at `now`.
    /// `newID` is the id a store assigns to a new report (receive/import only).
    /// `recorded` is true when checking an event already in a history (replay, verify, import of a
    /// history): rules added later (the privacy decision before a forward, a reason for lifting
    /// anonymity) bind new actions, not what was recorded before they existed.
    /// `clock` is what the store vouches for about time (see `TrustedClock`); a new action's time
    /// must lie within it.
    public static func decide(_ command: Command, on complaint: Complaint?, by actor: Actor, at now: Timestamp,
                              context: WorkflowContext, newID: Int64 = 0, recorded: Bool = false,
                              clock: TrustedClock? = nil) -> Result<Event, Refusal> {
        let kind = command.kind
        // A unit's operator acts for its subtree as the directory draws it now (an event keeps
        // the operator without it, so a replay reads it from the directory too).
        let actor = context.directory.placing(actor)
        if let refusal = gate(kind, on: complaint, by: actor, context: context) { return .failure(refusal) }
        if let c = complaint, now < c.updatedAt { return .failure(.clockBeforeLastChange(last: c.updatedAt)) }
        if !recorded, let clock, let refusal = timeProblem(at: now, clock: clock) { return .failure(refusal) }
        if let refusal = reportedTimeProblem(kind, details: command.details, complaint: complaint, at: now) { return .failure(refusal) }
        let rule = context.table.rule(kind, in: complaint?.status, by: actor.role)!
        var details = normalized(command.details)
        // Only a follow-up carries a boilerplate warning.
        if kind != .followUp { details.boilerplate = nil }
        if let refusal = lengthProblem(details) { return .failure(refusal) }
        // Each warning or escalation step is recorded once per timer, also when a history is replayed.
        if kind == .escalate, let c = complaint {
            guard let m = details.escalation else { return .failure(.missing(kind, .escalationDue)) }
            if c.escalations.contains(m.key) { return .failure(.escalationRecorded(m.key)) }
        }
        for requirement in rule.requires where !recorded || requirement.appliesToRecordedHistory {
            if let refusal = check(requirement, kind: kind, details: &details, complaint: complaint, actor: actor,
                                   now: now, context: context, recorded: recorded) {
                return .failure(refusal)
            }
        }
        if kind == .archive, details.archiveReason == .other, (details.reason ?? "").isEmpty {
            return .failure(.reasonRequiredForOther)
        }
        if !recorded, let refusal = privacyProblem(kind, rule: rule, details: details, complaint: complaint) {
            return .failure(refusal)
        }
        if kind == .import, !recorded, let refusal = importScopeProblem(details, actor: actor, directory: context.directory) {
            return .failure(refusal)
        }
        // The import itself happens now; a source claiming the report arrived later is wrong.
        if kind == .import, !recorded, let received = details.intake?.receivedAt,
           received > now.adding(seconds: context.policy.clockSkewSeconds) {
            return .failure(.receivedAfterImport(received: received, now: now))
        }
        let from = complaint?.status
        let to: Status
        switch rule.outcome {
        case .to(let s): to = s
        case .unchanged: to = from ?? .belumTerverifikasi
        case .previous: to = complaint?.statusBeforePause ?? .belumTerverifikasi
        case .imported: to = details.imported!.status
        }
        let id = complaint?.id ?? newID
        return .success(Event(complaintID: id, version: (complaint?.version ?? 0) + 1, at: now, actor: actor,
                              kind: kind, from: from, to: to, details: details))
    }

    /// The privacy rules of an action's classification changes: only verify, classify and a forward
    /// that carries the privacy decision change anything; lifting anonymity needs a reason.
    static func privacyProblem(_ kind: ActionKind, rule: TransitionRule, details d: ActionDetails,
                               complaint: Complaint?) -> Refusal? {
        guard let changes = d.changes, let c = complaint else { return nil }
        if kind == .forward && !rule.requires.contains(.privacyDecision) { return .changesNotTakenBy(kind) }
        guard kind == .verify || kind == .classify || kind == .forward else { return nil }
        if c.anonymous, changes.anonymous == false, d.reason == nil { return .reasonRequiredToLiftAnonymity(kind) }
        return nil
    }

    /// An operator imports only into their own agency's inbox: the report's holder, and every unit
    /// it is copied to, must be of the importing operator's agency. (The program itself, seeding a
    /// demo, is not bound.) Recorded imports are not re-judged: old stores keep verifying.
    static func importScopeProblem(_ d: ActionDetails, actor: Actor, directory: Directory) -> Refusal? {
        guard actor.role != .system, let imported = d.imported else { return nil }
        let holder = imported.holderAgency ?? d.intake?.agency ?? actor.agency
        if holder != actor.agency { return .importOutsideOwnAgency(field: "holder", value: holder, agency: actor.agency) }
        for u in imported.ccUnits where !directory.contains(unit: u, in: actor.agency) {
            return .importOutsideOwnAgency(field: "cc", value: u, agency: actor.agency)
        }
        return nil
    }

    /// The checks that do not depend on the command's parameters: settings, role, status, unit.
    /// `nil` means the action is open to this operator on this report.
    public static func gate(_ kind: ActionKind, on complaint: Complaint?, by actor: Actor,
                            context: WorkflowContext) -> Refusal? {
        let actor = context.directory.placing(actor)
        let table = context.table
        let status = complaint?.status
        if table.rules(for: kind).isEmpty { return .disabled(kind) }
        let roles = table.roles(for: kind)
        guard roles.contains(actor.role) else { return .notYourRole(kind, role: actor.role, allowed: roles) }
        guard table.rule(kind, in: status, by: actor.role) != nil else {
            return .wrongStatus(kind, status: status, allowed: table.statuses(for: kind, role: actor.role))
        }
        if let c = complaint {
            if kind == .receive || kind == .import { return .alreadyExists(c.id) }
            if !Access.mayAct(kind, on: c, actor: actor) {
                return .notYourUnit(kind, holder: c.holder, actor: actor)
            }
        } else if kind != .receive && kind != .import {
            return .noSuchComplaint(0)
        }
        return nil
    }

    /// The actions `actor` may take on `complaint` now (parameters aside): what a screen offers.
    public static func availableActions(on complaint: Complaint, by actor: Actor, context: WorkflowContext) -> [ActionKind] {
        let actor = context.directory.placing(actor)
        return ActionKind.allCases.filter {
            $0 != .receive && $0 != .import && gate($0, on: complaint, by: actor, context: context) == nil
                && Hierarchy.offers($0, on: complaint, directory: context.directory)
        }
    }

    /// The longest texts an event may carry; the codec refuses longer ones when reading, so deciding
    /// must refuse them too (an event that cannot be read back must never be written).
    public static let maxTitleBytes = 4096
    public static let maxTextBytes = 1 << 20

    static func lengthProblem(_ d: ActionDetails) -> Refusal? {
        // A NUL character breaks every C string tool downstream (and CSV readers): never stored.
        let texts: [(String, String?)] = [
            ("title", d.intake?.title), ("body", d.intake?.body), ("location", d.intake?.location),
            ("reporter", d.intake?.reporter.map { [$0.name, $0.phone, $0.email, $0.nik].compactMap { $0 }.joined() }),
            ("title", d.changes?.title), ("text", d.text), ("reason", d.reason), ("tracking", d.intake?.trackingID),
        ]
        for (field, value) in texts where value?.utf8.contains(0) == true { return .invalidCharacter(field: field) }
        let checks: [(String, String?, Int)] = [
            ("title", d.intake?.title, maxTitleBytes), ("body", d.intake?.body, maxTextBytes),
            ("title", d.changes?.title, maxTitleBytes), ("text", d.text, maxTextBytes), ("reason", d.reason, maxTextBytes),
            ("location", d.intake?.location, maxTextBytes),
        ]
        for (field, value, limit) in checks {
            if let v = value, v.utf8.count > limit { return .tooLong(field: field, bytes: v.utf8.count, limit: limit) }
        }
        return nil
    }

    private static func normalized(_ d: ActionDetails) -> ActionDetails {
        var d = d
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingSpaces(), !t.isEmpty else { return nil }
            return t
        }
        d.reason = clean(d.reason)
        d.text = d.text.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
        d.unit = clean(d.unit)
        d.agency = clean(d.agency)
        if var intake = d.intake {
            intake.title = intake.title.trimmingSpaces()
            intake.trackingID = clean(intake.trackingID)
            intake.agency = intake.agency.trimmingSpaces()
            if intake.reporter?.isEmpty == true { intake.reporter = nil }
            d.intake = intake
        }
        if var changes = d.changes {
            changes.title = changes.title.map { $0.trimmingSpaces() }
            d.changes = changes
        }
        return d
    }

    private static func check(_ requirement: Requirement, kind: ActionKind, details d: inout ActionDetails,
                              complaint: Complaint?, actor: Actor, now: Timestamp,
                              context: WorkflowContext, recorded: Bool) -> Refusal? {
        let directory = context.directory
        switch requirement {
        case .intake:
            guard var intake = d.intake, !intake.title.isEmpty else { return .missing(kind, .intake) }
            // An operator receives for their own agency; an import keeps the agency its source names.
            if kind == .receive && actor.role != .system { intake.agency = actor.agency }
            if intake.agency.isEmpty { intake.agency = actor.agency }
            guard !intake.agency.isEmpty else { return .missing(kind, .targetAgency) }
            if kind == .import, directory.agency(intake.agency) == nil { return .unknownAgency(intake.agency) }
            if let t = intake.trackingID, !t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return .trackingIDNotDigits(t) }
            d.intake = intake
        case .importedState:
            guard let imported = d.imported else { return .missing(kind, .importedState) }
            if imported.status == .belumDitindaklanjuti || imported.status == .proses,
               (imported.holderAgency ?? d.intake?.agency ?? "").isEmpty {
                return .invalidImport("holder")
            }
            if let r = imported.rating, !(1...5).contains(r) { return .ratingOutOfRange(r) }
            let holderAgency = imported.holderAgency ?? d.intake?.agency ?? ""
            if let a = imported.holderAgency, directory.agency(a) == nil { return .unknownAgency(a) }
            if let u = imported.holderUnit {
                guard directory.unit(u) != nil else { return .unknownUnit(u) }
                guard directory.contains(unit: u, in: holderAgency) else { return .unitNotInAgency(unit: u, agency: holderAgency) }
            }
            for u in imported.ccUnits where directory.unit(u) == nil { return .unknownUnit(u) }
        case .targetUnit:
            guard let named = d.unit else { return .missing(kind, .targetUnit) }
            // Ids, short names and unique parts of names, through the one resolver (issue 11 item 13);
            // the event records the id.
            let unit: String
            switch directory.resolveUnit(named, preferring: kind == .cc ? nil : complaint?.holder.agency) {
            case .found(let id): unit = id
            case .ambiguous(let ids): return .ambiguousUnit(named, candidates: ids)
            case .unknown: return .unknownUnit(named)
            }
            d.unit = unit
            guard let c = complaint else { return nil }
            switch kind {
            case .cc:
                if c.holder.unit == unit { return .sameUnit(unit) }
                if c.ccUnits.contains(unit) { return .alreadyCopied(unit) }
            default:
                guard directory.contains(unit: unit, in: c.holder.agency) else {
                    return .unitNotInAgency(unit: unit, agency: c.holder.agency)
                }
                if kind == .redispose, c.holder.unit == unit { return .sameUnit(unit) }
            }
        case .targetAgency:
            guard let agency = d.agency else { return .missing(kind, .targetAgency) }
            guard directory.agency(agency) != nil else { return .unknownAgency(agency) }
            if let c = complaint, c.holder.agency == agency { return .sameAgency(agency) }
            if let named = d.unit {
                switch directory.resolveUnit(named, preferring: agency) {
                case .found(let id): d.unit = id
                case .ambiguous(let ids): return .ambiguousUnit(named, candidates: ids)
                case .unknown: return .unknownUnit(named)
                }
            }
            if let unit = d.unit, !directory.contains(unit: unit, in: agency) {
                return .unitNotInAgency(unit: unit, agency: agency)
            }
        case .reason:
            if d.reason == nil { return .missing(kind, .reason) }
        case .archiveCode:
            if d.archiveReason == nil { return .missing(kind, .archiveCode) }
        case .text:
            if d.text == nil { return .missing(kind, .text) }
        case .rating:
            guard let r = d.rating else { return .missing(kind, .rating) }
            if !(1...5).contains(r) { return .ratingOutOfRange(r) }
        case .duplicateOf:
            guard let other = d.duplicateOf else { return .missing(kind, .duplicateOf) }
            if other == complaint?.id || other <= 0 { return .duplicateOfSelf }
        case .changes:
            guard let changes = d.changes, !changes.isEmpty else { return .missing(kind, .changes) }
            if let t = changes.title, t.isEmpty { return .missing(kind, .changes) }
        case .privacyDecision:
            let given = d.changes.map { $0.anonymous != nil && $0.confidential != nil } ?? false
            if !(complaint?.privacyDecided ?? false) && !given { return .missing(kind, .privacyDecision) }
        case .unitBelow, .unitAbove, .pendingDraft, .notTheDrafter, .noApprovalRequired:
            return Hierarchy.check(requirement, kind: kind, details: &d, complaint: complaint, actor: actor,
                                   context: context, recorded: recorded)
        case .escalationDue:
            guard let c = complaint, let m = d.escalation else { return .missing(kind, .escalationDue) }
            let due = context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar)
            guard let match = due.first(where: { $0.key == m.key }) else { return .escalationNotDue(m.key) }
            // The store's record is what the core decided, not what a caller claimed.
            d.escalation = match
        case .timerExpired:
            guard let c = complaint, let due = context.deadlines.autoClose(for: c, calendar: context.calendar) else {
                return .autoCloseNotDue(due: nil)
            }
            if now <= due.dueAt { return .autoCloseNotDue(due: due.dueAt) }
        }
        return nil
    }

    // MARK: evolve

    /// Folds one accepted event into the report. The first event (receive or import) creates it.
    public static func evolve(_ state: Complaint?, _ e: Event) -> Complaint {
        var c: Complaint
        if let state {
            c = state
        } else {
            let intake = e.details.intake ?? Intake(title: "", body: "", agency: e.actor.agency)
            c = Complaint(id: e.complaintID, intake: intake, at: e.at, actor: e.actor)
            c.holderChain = [HolderStep(holder: c.holder, since: e.at, via: e.kind)]
        }
        let d = e.details
        switch e.kind {
        case .receive:
            break
        case .import:
            // A source history collapsed into the import: its classification changes, then its state.
            if let changes = d.changes { apply(changes, to: &c) }
            if let s = d.imported { applyImported(s, to: &c, at: e.at) }
            if let dup = d.duplicateOf { c.duplicateOf = dup }
        case .verify:
            c.verifiedAt = e.at
            if let unit = d.unit { move(&c, to: Holder(agency: c.holder.agency, unit: unit), at: e.at, via: .verify) }
            c.dispositionAt = e.at
            if c.firstDispositionAt == nil { c.firstDispositionAt = e.at }
            if let changes = d.changes { apply(changes, to: &c) }
        case .classify:
            if let changes = d.changes { apply(changes, to: &c) }
        case .redispose:
            if let unit = d.unit { move(&c, to: Holder(agency: c.holder.agency, unit: unit), at: e.at, via: .redispose) }
            c.dispositionAt = e.at
            if c.firstDispositionAt == nil { c.firstDispositionAt = e.at }
        case .forward:
            // From Belum Terverifikasi a forward may carry the privacy decision (and nothing else does).
            if e.from == .belumTerverifikasi, let changes = d.changes { apply(changes, to: &c) }
            if let agency = d.agency { move(&c, to: Holder(agency: agency, unit: d.unit), at: e.at, via: .forward) }
            c.forwardCount += 1
            // The receiving agency's clock starts when the report reaches it (verification in
            // Belum Terverifikasi, first follow-up in Belum Ditindaklanjuti).
            c.dispositionAt = e.at
            if c.status == .belumDitindaklanjuti, c.firstDispositionAt == nil { c.firstDispositionAt = e.at }
        case .cc:
            if let unit = d.unit, !c.ccUnits.contains(unit) { c.ccUnits.append(unit) }
        case .postpone:
            c.statusBeforePause = c.status
            c.pausedAt = e.at
        case .resume:
            if let from = c.pausedAt { c.pauses.append(PauseSpan(from: from, to: e.at)) }
            c.pausedAt = nil
            c.statusBeforePause = nil
        case .archive:
            closePause(&c, at: e.at)
            c.archiveReason = d.archiveReason
            c.closedAt = e.at
            c.awaitingReporter = false
        case .followUp:
            c.followUpCount += 1
            c.lastFollowUpAt = e.at
            if c.firstFollowUpAt == nil { c.firstFollowUpAt = e.at }
            c.awaitingReporter = true
        case .note:
            break
        case .message:
            c.lastMessageAt = e.at
            // A word from the office answers the reporter: the auto-close period counts from it.
            c.awaitingReporter = true
        case .escalate:
            if let m = d.escalation, !c.escalations.contains(m.key) { c.escalations.append(m.key) }
        case .reply:
            c.lastReplyAt = e.at
            c.awaitingReporter = false
        case .rate:
            c.rating = d.rating
        case .close, .autoClose:
            c.closedAt = e.at
            c.awaitingReporter = false
        case .reopen:
            c.closedAt = nil
            c.reopenCount += 1
            c.awaitingReporter = false
            c.lastReplyAt = e.at
        case .linkDuplicate:
            closePause(&c, at: e.at)
            c.duplicateOf = d.duplicateOf
            c.archiveReason = .duplicate
            c.closedAt = e.at
            c.awaitingReporter = false
        case .passDown, .returnUp, .draft, .approve, .returnDraft:
            Hierarchy.evolve(&c, e)
        }
        // A draft does not outlive its report leaving the agency or being finished.
        if e.kind == .forward || e.to.isFinished { c.pendingDraft = nil }
        c.status = e.to
        c.version = e.version
        c.updatedAt = e.at
        c.updatedBy = e.actor.id
        return c
    }

    /// Folds a whole history, checking each event is legal under the rules (status, role, unit,
    /// requirements) at its own time. This is what `aduan verify` and import run.
    ///
    /// `excusing` may accept an event the rules in force now refuse, for a refusal that depends
    /// on settings that changed after the event was decided (a store's verify excuses an
    /// auto-close that was due under the deadline rules of its time).
    public static func replay(_ events: [Event], context: WorkflowContext,
                              excusing: (Event, Refusal) -> Bool = { _, _ in false }) -> Result<Complaint, ReplayError> {
        guard let first = events.first else { return .failure(.empty) }
        var state: Complaint?
        for (i, e) in events.enumerated() {
            if e.version != i + 1 { return .failure(.versionGap(expected: i + 1, found: e.version)) }
            if e.complaintID != first.complaintID {
                return .failure(.wrongComplaint(expected: first.complaintID, found: e.complaintID))
            }
            if i == 0, e.kind != .receive && e.kind != .import { return .failure(.firstEventNotIntake(version: e.version)) }
            if i > 0, e.kind == .receive || e.kind == .import { return .failure(.intakeAfterStart(version: e.version)) }
            switch decide(Command(e.kind, e.details), on: state, by: e.actor, at: e.at, context: context, newID: e.complaintID,
                          recorded: true) {
            case .failure(let refusal):
                if !excusing(e, refusal) { return .failure(.refused(version: e.version, refusal)) }
            case .success(let decided):
                if decided.from != e.from || decided.to != e.to {
                    return .failure(.statusMismatch(version: e.version, recorded: e.to, actual: decided.to))
                }
            }
            state = evolve(state, e)
        }
        return .success(state!)
    }

    /// Folds without re-checking the rules: for reading a history already verified.
    public static func fold(_ events: [Event]) -> Complaint? {
        var state: Complaint?
        for e in events { state = evolve(state, e) }
        return state
    }

    // MARK: helpers

    static func move(_ c: inout Complaint, to holder: Holder, at: Timestamp, via: ActionKind) {
        let pingPong = (holder.agency != c.holder.agency && c.agenciesLeft.contains(holder.agency))
            || (holder != c.holder && c.holdersThatReturned.contains(holder))
        c.holder = holder
        c.holderChain.append(HolderStep(holder: holder, since: at, via: via, pingPong: pingPong))
    }

    private static func closePause(_ c: inout Complaint, at: Timestamp) {
        if let from = c.pausedAt { c.pauses.append(PauseSpan(from: from, to: at)) }
        c.pausedAt = nil
        c.statusBeforePause = nil
    }

    private static func apply(_ changes: ClassificationChange, to c: inout Complaint) {
        if let t = changes.title { c.title = t }
        if let v = changes.classification { c.classification = v }
        if let v = changes.category { c.category = v }
        if let v = changes.anonymous { c.anonymous = v }
        if let v = changes.confidential { c.confidential = v }
        if let v = changes.priority { c.priority = v }
        if changes.decidesPrivacy { c.privacyDecided = true }
    }

    private static func applyImported(_ s: ImportedState, to c: inout Complaint, at: Timestamp) {
        let holder = Holder(agency: s.holderAgency ?? c.intakeAgency, unit: s.holderUnit)
        if holder != c.holder {
            c.holder = holder
            c.holderChain = [HolderStep(holder: holder, since: at, via: .import)]
        }
        c.ccUnits = s.ccUnits
        c.verifiedAt = s.verifiedAt
        c.dispositionAt = s.disposedAt ?? (s.status == .belumTerverifikasi ? nil : s.verifiedAt)
        c.firstDispositionAt = c.dispositionAt
        c.firstFollowUpAt = s.firstFollowUpAt ?? s.lastFollowUpAt
        c.lastFollowUpAt = s.lastFollowUpAt ?? s.firstFollowUpAt
        c.awaitingReporter = s.status == .proses && s.awaitingReporter && c.lastFollowUpAt != nil
        c.lastReplyAt = s.lastReplyAt
        c.closedAt = s.status.isFinished ? (s.closedAt ?? at) : nil
        c.archiveReason = s.status == .arsip ? (s.archiveReason ?? .other) : nil
        c.rating = s.rating
        c.privacyDecided = s.privacyDecided
        c.followUpCount = c.lastFollowUpAt == nil ? 0 : 1
        if s.status == .tunda {
            c.statusBeforePause = .belumTerverifikasi
            c.pausedAt = at
        }
    }
}
