/// What an action needs before it can be accepted.
public enum Requirement: String, CaseIterable, Sendable, Hashable {
    /// The new report's content (title, channel, agency, …).
    case intake
    /// The state carried over from another system.
    case importedState = "imported-state"
    /// A unit of the holding agency (verify, re-dispose) or any known unit (CC).
    case targetUnit = "unit"
    /// Another agency in the directory ("Bukan Wewenang").
    case targetAgency = "agency"
    /// Why, in words the next reader understands.
    case reason
    /// One of the archive reason codes.
    case archiveCode = "archive-code"
    /// The follow-up, note or reply text.
    case text
    /// A rating from 1 to 5.
    case rating
    /// The report this one duplicates.
    case duplicateOf = "duplicate-of"
    /// At least one field to change.
    case changes
    /// The auto-close period (10 working days after the last follow-up) has run out with no reply.
    case timerExpired = "timer-expired"
    /// The anonymity/confidentiality decision: already made, or given with the action (both flags).
    /// A report does not leave the office before it is made.
    case privacyDecision = "privacy-decision"
    /// A unit below the current holder in the agency's unit tree (one or more levels down).
    case unitBelow = "unit-below"
    /// A holder above the current one: the unit that passed it down, its parent, or the agency.
    case unitAbove = "unit-above"
    /// A drafted follow-up waiting for approval.
    case pendingDraft = "pending-draft"
    /// The approver is not the drafter (four eyes).
    case notTheDrafter = "not-the-drafter"
    /// The holding agency does not require drafts to be approved (`agencies[].approvalRequired`).
    case noApprovalRequired = "no-approval-required"
    /// A warning or escalation step that is due now under the office's ladder and not recorded yet
    /// for this timer. A recorded one is checked only for being new (the ladder may change later).
    case escalationDue = "escalation-due"

    /// False for requirements added after events were already recorded without them, or that
    /// depend on a setting that may change: a stored history is checked against the rules it was
    /// written under (see `Workflow.decide(recorded:)`).
    public var appliesToRecordedHistory: Bool { self != .privacyDecision && self != .noApprovalRequired && self != .escalationDue }
}

/// Where an accepted action leaves the status.
public enum Outcome: Hashable, Sendable {
    case to(Status)
    case unchanged
    /// Back to the status before Tunda.
    case previous
    /// The status carried by the imported record.
    case imported
}

/// One row of the transition table.
public struct TransitionRule: Hashable, Sendable {
    public var action: ActionKind
    /// nil stands for "new" (no report yet).
    public var from: [Status?]
    public var roles: [Role]
    public var requires: [Requirement]
    public var outcome: Outcome

    public init(_ action: ActionKind, from: [Status?], roles: [Role], requires: [Requirement], _ outcome: Outcome) {
        self.action = action
        self.from = from
        self.roles = roles
        self.requires = requires
        self.outcome = outcome
    }
}

/// Settings for the rules docs/DOMAIN.md marks as uncertain; the defaults follow LAPOR! practice.
public struct WorkflowPolicy: Hashable, Sendable {
    /// Selesai → Proses when the reporter objects.
    public var reopenAllowed: Bool
    /// Statuses from which an admin may postpone (Tunda).
    public var postponeFrom: [Status]
    /// Tunda → Arsip directly, without resuming first.
    public var archiveFromTunda: Bool
    /// A Tunda older than this many days is listed on the dashboard.
    public var tundaAlertDays: Int
    /// Seconds two computers' clocks may disagree by: a new event may lie at most this far after
    /// the trusted now, or before the store's last event.
    public var clockSkewSeconds: Int64
    /// Whether a pass down the unit tree restarts the first-follow-up timer (the office file's
    /// `hierarchy.passDownTimer`; default keep: delegation inside a unit gives it no extra time).
    public var passDownResetsTimer: Bool = false

    public init(reopenAllowed: Bool = true, postponeFrom: [Status] = [.belumTerverifikasi],
                archiveFromTunda: Bool = true, tundaAlertDays: Int = 14, clockSkewSeconds: Int64 = 300) {
        self.reopenAllowed = reopenAllowed
        self.postponeFrom = postponeFrom
        self.archiveFromTunda = archiveFromTunda
        self.tundaAlertDays = tundaAlertDays
        self.clockSkewSeconds = clockSkewSeconds
    }

    public static let standard = WorkflowPolicy()
}

/// The whole SP4N-LAPOR! workflow in one table: for each action, the statuses it applies in,
/// the roles that may take it, what it requires, and the status it leads to. `Workflow.decide`
/// reads nothing else, so this table is the rulebook, and the README prints it.
public struct TransitionTable: Hashable, Sendable {
    public let rules: [TransitionRule]
    /// Rules grouped by action, so deciding reads a handful of rules instead of the whole table.
    private let byAction: [ActionKind: [TransitionRule]]
    private let rolesByAction: [ActionKind: [Role]]

    public init(rules: [TransitionRule]) {
        self.rules = rules
        var grouped: [ActionKind: [TransitionRule]] = [:]
        var roles: [ActionKind: [Role]] = [:]
        for r in rules {
            grouped[r.action, default: []].append(r)
            for role in r.roles where !(roles[r.action]?.contains(role) ?? false) { roles[r.action, default: []].append(role) }
        }
        byAction = grouped
        rolesByAction = roles
    }

    public static func == (a: TransitionTable, b: TransitionTable) -> Bool { a.rules == b.rules }
    public func hash(into h: inout Hasher) { h.combine(rules) }

    public static func standard(_ policy: WorkflowPolicy = .standard) -> TransitionTable {
        let bt = Status.belumTerverifikasi, bd = Status.belumDitindaklanjuti
        let all: [Status?] = Status.allCases.map { $0 }
        var archiveFrom: [Status?] = [bt]
        if policy.archiveFromTunda { archiveFrom.append(.tunda) }
        var rules: [TransitionRule] = [
            TransitionRule(.receive, from: [nil], roles: [.admin, .system], requires: [.intake], .to(bt)),
            TransitionRule(.import, from: [nil], roles: [.admin, .system], requires: [.intake, .importedState], .imported),
            TransitionRule(.verify, from: [bt], roles: [.admin], requires: [.targetUnit], .to(bd)),
            TransitionRule(.classify, from: [bt, bd, .proses, .tunda], roles: [.admin], requires: [.changes], .unchanged),
            TransitionRule(.redispose, from: [bd], roles: [.admin, .liaison], requires: [.targetUnit, .reason], .unchanged),
            TransitionRule(.forward, from: [bt], roles: [.admin], requires: [.targetAgency, .reason, .privacyDecision], .unchanged),
            TransitionRule(.forward, from: [bd], roles: [.admin, .liaison], requires: [.targetAgency, .reason], .unchanged),
            TransitionRule(.cc, from: [bd, .proses], roles: [.admin], requires: [.targetUnit], .unchanged),
        ]
        if !policy.postponeFrom.isEmpty {
            rules.append(TransitionRule(.postpone, from: policy.postponeFrom.map { $0 }, roles: [.admin], requires: [.reason], .to(.tunda)))
        }
        rules += [
            TransitionRule(.resume, from: [.tunda], roles: [.admin], requires: [], .previous),
            TransitionRule(.archive, from: archiveFrom, roles: [.admin], requires: [.archiveCode], .to(.arsip)),
            TransitionRule(.followUp, from: [bd, .proses], roles: [.admin], requires: [.text], .to(.proses)),
            TransitionRule(.followUp, from: [bd, .proses], roles: [.liaison], requires: [.text, .noApprovalRequired], .to(.proses)),
            TransitionRule(.draft, from: [bd, .proses], roles: [.liaison, .unitOperator], requires: [.text], .unchanged),
            TransitionRule(.approve, from: [bd, .proses], roles: [.admin, .liaison], requires: [.pendingDraft, .notTheDrafter], .to(.proses)),
            TransitionRule(.returnDraft, from: [bd, .proses], roles: [.admin, .liaison], requires: [.pendingDraft, .text], .unchanged),
            TransitionRule(.passDown, from: [bd, .proses], roles: [.admin, .liaison, .unitOperator], requires: [.unitBelow], .unchanged),
            TransitionRule(.returnUp, from: [bd, .proses], roles: [.liaison, .unitOperator], requires: [.unitAbove, .reason], .unchanged),
            TransitionRule(.note, from: all, roles: [.admin, .liaison, .supervisor, .unitOperator], requires: [.text], .unchanged),
            TransitionRule(.reply, from: [.proses], roles: [.admin, .liaison, .system], requires: [.text], .unchanged),
            TransitionRule(.rate, from: [.proses, .selesai], roles: [.admin, .liaison, .system], requires: [.rating], .unchanged),
            TransitionRule(.close, from: [.proses], roles: [.admin], requires: [], .to(.selesai)),
            TransitionRule(.autoClose, from: [.proses], roles: [.system], requires: [.timerExpired], .to(.selesai)),
            TransitionRule(.message, from: [.proses], roles: [.liaison, .admin], requires: [.text], .unchanged),
            TransitionRule(.escalate, from: [bt, bd, .proses], roles: [.system], requires: [.escalationDue], .unchanged),
        ]
        if policy.reopenAllowed {
            rules.append(TransitionRule(.reopen, from: [.selesai], roles: [.admin, .liaison], requires: [.reason], .to(.proses)))
        }
        rules.append(TransitionRule(.linkDuplicate, from: [bt, bd, .tunda], roles: [.admin], requires: [.duplicateOf], .to(.arsip)))
        return TransitionTable(rules: rules)
    }

    public func rules(for action: ActionKind) -> [TransitionRule] { byAction[action] ?? [] }

    /// The rule that lets `role` take `action` in `status`, if any.
    public func rule(_ action: ActionKind, in status: Status?, by role: Role) -> TransitionRule? {
        byAction[action]?.first { $0.from.contains(status) && $0.roles.contains(role) }
    }

    /// Statuses in which `role` may take `action`.
    public func statuses(for action: ActionKind, role: Role) -> [Status?] {
        var out: [Status?] = []
        for r in rules(for: action) where r.roles.contains(role) {
            for s in r.from where !out.contains(s) { out.append(s) }
        }
        return out
    }

    /// Roles that may take `action` in some status.
    public func roles(for action: ActionKind) -> [Role] { rolesByAction[action] ?? [] }

    /// The table as Markdown, for the README and `aduan help workflow`.
    /// The table in a session's language (issue 11, item 11): English gives `markdown()`; the
    /// action words stay those `aduan act` takes, headers, roles, requirements and results are
    /// translated.
    public func markdown(_ t: any StringTable) -> String {
        guard t.language != .en else { return markdown() }
        var lines = ["| aksi | dari status | peran | perlu | hasil |", "|---|---|---|---|---|"]
        for r in rules {
            let from = r.from.map { $0?.laporName ?? "(baru)" }.joined(separator: ", ")
            let roles = r.roles.map(t.roleName).joined(separator: ", ")
            let req = r.requires.isEmpty ? "–" : r.requires.map(t.requirementName).joined(separator: ", ")
            let result: String
            switch r.outcome {
            case .to(let s): result = s.laporName
            case .unchanged: result = "tidak berubah"
            case .previous: result = "status sebelum Tunda"
            case .imported: result = "status menurut sumber"
            }
            lines.append("| \(r.action.rawValue) | \(from) | \(roles) | \(req) | \(result) |")
        }
        return lines.joined(separator: "\n")
    }

    public func markdown() -> String {
        var lines = ["| action | from status | roles | requires | result |", "|---|---|---|---|---|"]
        for r in rules {
            let from = r.from.map { $0?.laporName ?? "(new)" }.joined(separator: ", ")
            let roles = r.roles.map(\.rawValue).joined(separator: ", ")
            let req = r.requires.isEmpty ? "–" : r.requires.map(\.rawValue).joined(separator: ", ")
            let result: String
            switch r.outcome {
            case .to(let s): result = s.laporName
            case .unchanged: result = "unchanged"
            case .previous: result = "status before Tunda"
            case .imported: result = "status given by the source"
            }
            lines.append("| \(r.action.rawValue) | \(from) | \(roles) | \(req) | \(result) |")
        }
        return lines.joined(separator: "\n")
    }
}
