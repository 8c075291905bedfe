// Over 400 lines: one table must hold every sentence (the compiler checks it); the unit tree's sentences live in HierarchyStrings.swift.
/// English, for operators and auditors who prefer it (`--lang en`). LAPOR!'s status names stay
/// Indonesian: they are the system's own vocabulary.
public struct EnglishStrings: StringTable {
    public init() {}
    public var language: Language { .en }
    public var timeSeparator: String { ":" }

    public func text(_ key: UIText) -> String {
        switch key {
        case .inbox: "Inbox"
        case .detail: "Detail"
        case .deadlines: "Deadlines"
        case .dashboard: "Dashboard"
        case .help: "Help"
        case .all: "All"
        case .none: "none"
        case .unknown: "unknown"
        case .yes: "yes"
        case .no: "no"
        case .hidden: "[hidden]"
        case .anonymousBadge: "ANONYMOUS"
        case .confidentialBadge: "CONFIDENTIAL"
        case .secretBadge: "SECRET"
        case .pingPongBadge: "PING-PONG"
        case .paused: "paused"
        case .noDeadline: "–"
        case .reporter: "Reporter"
        case .title: "Title"
        case .body: "Report"
        case .location: "Location"
        case .incidentDate: "Incident date"
        case .channel: "Channel"
        case .classification: "Classification"
        case .category: "Category"
        case .priority: "Priority"
        case .holder: "Holder"
        case .holderChain: "Holder chain"
        case .copies: "Copied to"
        case .duplicateOf: "Duplicate of"
        case .receivedAt: "Received"
        case .status: "Status"
        case .trackingID: "LAPOR! no."
        case .timeline: "Timeline"
        case .rating: "Rating"
        case .deadline: "Deadline"
        case .rule: "Rule"
        case .basis: "Basis"
        case .originalDeadline: "First disposition deadline"
        case .privacyUndecided: "Anonymity/confidentiality not decided"
        case .anonymous: "Anonymous"
        case .confidential: "Confidential"
        case .publicFollowUp: "public"
        case .operatorLabel: "Operator"
        case .role: "Role"
        case .unit: "Unit"
        case .agency: "Agency"
        case .filter: "Limit"
        case .search: "Search"
        case .tagged: "tagged"
        case .age: "Age"
        case .overdue: "Overdue"
        case .dueSoon: "Due soon"
        case .onTime: "On time"
        case .total: "Total"
        case .percentSelesai: "% Selesai"
        case .medianFirstFollowUp: "Median working days to first follow-up"
        case .receivedPerWeek: "Reports received per week (12 weeks)"
        case .forwardsOut: "Forwarded out"
        case .forwardsIn: "Received from other agencies"
        case .tundaOld: "Tunda older than the limit"
        case .missingPrivacyDecision: "Missing the anonymity/confidentiality decision"
        case .overduePerUnit: "Overdue per unit"
        case .countsPerStatusUnit: "Counts per status × unit"
        case .workingDaysUnit: "working days"
        case .noComplaints: "No reports."
        case .loading: "loading…"
        case .counting: "counting…"
        case .terminalTooSmall: "Terminal too small"
        case .conflictReloaded: "Report reloaded."
        case .saved: "Saved."
        case .cancelled: "Cancelled."
        case .confirm: "Go ahead? (y/n)"
        case .confirmBulk: "Apply to every tagged report? (y/n)"
        case .pressAnyKey: "Press any key"
        case .notAvailable: "not available"
        case .reason: "Reason"
        case .text: "Text"
        case .unitPicker: "Pick a unit (type to narrow)"
        case .agencyPicker: "Pick the competent agency (type to narrow)"
        case .templatePicker: "Reply templates"
        case .archiveCode: "Archive reason"
        case .secretToggle: "Secret (Tab to toggle)"
        case .enterToSave: "Ctrl-S save"
        case .escToCancel: "Esc cancel"
        case .ratingPrompt: "Reporter's rating (1–5)"
        case .duplicatePrompt: "Original report (local id)"
        case .searchPrompt: "Search"
        case .limitPrompt: "Limit"
        case .quit: "quit"
        case .back: "back"
        case .open: "open"
        case .refresh: "refresh"
        case .tag: "tag"
        case .applyToTagged: "apply the next action to tagged"
        case .moveDown: "down"
        case .moveUp: "up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .first: "first"
        case .last: "last"
        case .nextMatch: "next match"
        case .previousMatch: "previous match"
        case .actions: "Actions"
        case .keys: "Keys"
        case .workflowTable: "Workflow table"
        case .newerStore: "This store was written by a newer version of Aduan"
        case .since: "since"
        case .by: "by"
        case .events: "events"
        case .verifyHint: "verify & dispose to a unit"
        case .forwardHint: "forward to another agency (not our authority)"
        case .replyHint: "follow-up to the reporter"
        case .noteHint: "internal note"
        case .postponeHint: "postpone"
        case .archiveHint: "archive"
        case .closeHint: "close (Selesai)"
        case .reopenHint: "reopen"
        case .classifyHint: "classification, category, anonymous/confidential"
        case .ccHint: "copy to a unit"
        case .replyRecordHint: "record the reporter's reply"
        case .rateHint: "record the reporter's rating"
        case .duplicateHint: "link as duplicate"
        case .resumeHint: "resume from Tunda"
        case .redisposeHint: "re-dispose"
        case .passDownHint: "pass down"
        case .returnUpHint: "return up"
        case .draftHint: "draft"
        case .approveHint: "approve"
        case .returnDraftHint: "return draft"
        case .noActionsHere: "There is nothing you may do on this report now."
        case .bulkDone: "Applied"
        case .nothingTagged: "Nothing is tagged."
        case .tabForwarded: "Sent out"
        case .mineToggle: "only my unit's / with copies (a liaison starts with only my unit's)"
        case .mineOnlyBadge: "my unit's (M)"
        case .withCopiesBadge: "+copies (M)"
        case .forwardNoUnit: "(no unit: the agency itself)"
        case .tabAll: "All"
        case .updatedBy: "changed by"
        case .version: "version"
        case .storeChanged: "Another operator changed the data; view refreshed."
        case .anonymityLifted: "anonymity lifted"
        case .anonymityGiven: "made anonymous"
        case .confidentialityLifted: "no longer confidential"
        case .confidentialityGiven: "made confidential"
        case .liftAnonymityReason: "Why lift the anonymity"
        case .liftAnonymityConfirm: "Lift the anonymity? The reporter's name, phone, e-mail and NIK become visible to the handling units"
        case .eachKeepsItsOwn: "each keeps its own"
        case .training: "TRAINING"
        case .login: "account"
        }
    }

    public func actionName(_ kind: ActionKind) -> String {
        switch kind {
        case .receive: "Receive"
        case .import: "Import"
        case .verify: "Verify & dispose"
        case .classify: "Classify"
        case .redispose: "Re-dispose"
        case .forward: "Forward (not our authority)"
        case .cc: "Copy to unit"
        case .postpone: "Postpone"
        case .resume: "Resume"
        case .archive: "Archive"
        case .followUp: "Follow-up"
        case .note: "Internal note"
        case .reply: "Reporter's reply"
        case .rate: "Reporter's rating"
        case .close: "Close (Selesai)"
        case .autoClose: "Auto-close"
        case .reopen: "Reopen"
        case .linkDuplicate: "Link as duplicate"
        case .passDown, .returnUp, .draft, .approve, .returnDraft: HierarchyStrings.actionName(kind, .en)!
        case .message: "Message to the reporter"
        case .escalate: "Escalation"
        }
    }

    public func roleName(_ role: Role) -> String {
        switch role {
        case .admin: "admin"
        case .liaison: "liaison"
        case .supervisor: "supervisor"
        case .system: "system"
        case .unitOperator: HierarchyStrings.roleName(.en)
        }
    }

    public func channelName(_ channel: Channel) -> String {
        switch channel {
        case .web: "Website"
        case .sms1708: "SMS 1708"
        case .twitter: "X/Twitter @lapor1708"
        case .android: "Android app"
        case .ios: "iOS app"
        case .walkIn: "Walk-in"
        case .integrated: "Integrated channel"
        case .other: "Other"
        }
    }

    public func classificationName(_ c: Classification) -> String {
        switch c {
        case .pengaduan: "Complaint"
        case .aspirasi: "Aspiration"
        case .permintaanInformasi: "Information request"
        case .whistleblowing: "Whistle-blowing"
        }
    }

    public func archiveReasonName(_ r: ArchiveReason) -> String {
        switch r {
        case .spam: "Spam"
        case .unclear: "Unclear"
        case .tooGeneral: "Too general"
        case .notPublicService: "Not a public service matter"
        case .duplicate: "Duplicate"
        case .other: "Other"
        }
    }

    public func priorityName(_ p: Priority) -> String {
        switch p {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        }
    }

    public func requirementName(_ r: Requirement) -> String {
        switch r {
        case .intake: "the report's content (title and agency)"
        case .importedState: "the source status"
        case .targetUnit: "a target unit"
        case .targetAgency: "a target agency"
        case .reason: "a reason"
        case .archiveCode: "an archive reason code"
        case .text: "a text"
        case .rating: "a rating from 1 to 5"
        case .duplicateOf: "the original report"
        case .changes: "something to change"
        case .timerExpired: "the auto-close period (deadlines.autoClose) ran out without a reply"
        case .privacyDecision: "the anonymity and confidentiality decision (anonymous yes/no and confidential yes/no) before the report leaves the office"
        case .unitBelow, .unitAbove, .pendingDraft, .notTheDrafter, .noApprovalRequired: HierarchyStrings.requirementName(r, .en)!
        case .escalationDue: "a warning or escalation step that is due"
        }
    }

    public func deadlineName(_ kind: DeadlineKind) -> String {
        switch kind {
        case .verification: "Verification"
        case .firstFollowUp: "First follow-up"
        case .autoClose: "Auto-close"
        case .resolution: "Resolution cap"
        case .response: "Response to the reporter"
        }
    }

    public func holidayKindName(_ kind: HolidayKind) -> String {
        switch kind {
        case .national: "National holiday"
        case .collectiveLeave: "Collective leave"
        case .regional: "Regional holiday"
        }
    }

    public func refusal(_ r: Refusal, names: Directory, zone: OfficeTimeZone) -> String {
        if let s = HierarchyStrings.refusal(r, names: names, .en) { return s }
        switch r {
        case .disabled(let a):
            return "\(actionName(a)) is switched off in this office's settings."
        case .notYourRole(let a, let role, let allowed):
            return "\(actionName(a)) is not for a \(roleName(role)); only for: \(allowed.map(roleName).joined(separator: ", "))."
        case .wrongStatus(let a, let status, let allowed):
            let now = status?.laporName ?? "new"
            let ok = allowed.map { $0?.laporName ?? "new" }.joined(separator: ", ")
            return "\(actionName(a)) is not possible in status \(now); only in: \(ok)."
        case .notYourUnit(let a, let holder, let actor):
            if actor.role == .liaison {
                return "\(actionName(a)) refused: \(names.holderName(holder)) holds this report, not your unit (\(names.unitName(actor.unit ?? "-")))."
            }
            return "\(actionName(a)) refused: \(names.agencyName(holder.agency)) holds this report, not your agency."
        case .missing(let a, let req):
            return "\(actionName(a)) needs \(requirementName(req))."
        case .unknownUnit(let u):
            return "Unit \"\(SafeText.excerpt(u, limit: 80))\" is not in the directory; valid units: \(listedIDs(names.allUnits.map(\.id), more: "more: `aduan office show`"))."
        case .ambiguousUnit(let u, let ids):
            return "Unit \"\(SafeText.excerpt(u, limit: 80))\" matches several units: \(ids.joined(separator: ", ")); name one by its id."
        case .unitNotInAgency(let u, let a):
            return "Unit \"\(names.unitName(u))\" does not belong to \(names.agencyName(a))."
        case .sameUnit(let u):
            return "The report is already with \(names.unitName(u))."
        case .unknownAgency(let a):
            return "Agency \"\(SafeText.excerpt(a, limit: 80))\" is not in the directory."
        case .sameAgency(let a):
            return "\(names.agencyName(a)) already holds the report; pick another agency."
        case .alreadyCopied(let u):
            return "The report is already copied to \(names.unitName(u))."
        case .ratingOutOfRange(let n):
            return "Rating \(n) is not valid; use 1 to 5."
        case .duplicateOfSelf:
            return "A report cannot duplicate itself."
        case .trackingIDNotDigits(let t):
            return "LAPOR! number \"\(t)\" must be digits only."
        case .reasonRequiredForOther:
            return "Archive reason \"Other\" needs a written explanation."
        case .reasonRequiredToLiftAnonymity(let a):
            return "\(actionName(a)) refused: lifting anonymity shows the reporter's identity to the handling units, so it needs a reason (--reason)."
        case .changesNotTakenBy(let a):
            return "\(actionName(a)) does not change the classification or the anonymity/confidentiality here; an admin uses Classify."
        case .escalationNotDue, .escalationRecorded:
            return escalationRefusal(r) ?? ""
        case .autoCloseNotDue(let due):
            if let due { return "Auto-close is not due yet: it falls at \(formatDateTime(due, zone: zone, table: self))." }
            return "Auto-close only follows a follow-up the reporter has not answered."
        case .timeAfterNow, .timeBeforeStoreLast, .reportedTimeInFuture, .reportedTimeBeforeFollowUp, .reportedTimeNotTakenBy:
            return timeRefusal(r, zone: zone)
        case .clockBeforeLastChange(let last):
            return "The action's time is before the report's last change (\(formatDateTime(last, zone: zone, table: self))); check the computer's clock."
        case .alreadyExists(let id):
            return "Report #\(id) already exists."
        case .trackingIDTaken(let t, let existing):
            return "LAPOR! number \"\(t)\" is already present\(existing.map { " (report #\($0))" } ?? ""); each number is recorded once. Nothing was written."
        case .noSuchComplaint(let id):
            return id > 0 ? "Report #\(id) not found." : "Report not found."
        case .invalidImport(let field):
            return "Invalid imported record: \(field) is required for this status."
        case .receivedAfterImport(let received, let now):
            return "received \(received.iso8601(in: zone)) is later than now (\(now.iso8601(in: zone))); a report cannot arrive after it is imported."
        case .importOutsideOwnAgency(let field, let value, let agency):
            return field == "cc"
                ? "copies the report to unit \"\(value)\" of another agency; an import lands only in your own agency's inbox (\(names.agencyName(agency))). Nothing was imported."
                : "the holder is \(names.agencyName(value)) (\"\(value)\"), another agency; an import lands only in your own agency's inbox (\(names.agencyName(agency))). Nothing was imported."
        case .notVisible(let id):
            return "Report #\(id) is not among the reports you may see."
        case .invalidCharacter(let field):
            return "\(field) contains a NUL character (U+0000), which cannot be stored."
        case .tooLong(let field, let bytes, let limit):
            return "\(field) is too long: \(NumberFormat.grouped(bytes, .en)) bytes, at most \(NumberFormat.grouped(limit, .en))."
        case .notBelowHolder, .notAboveHolder, .nothingAbove, .noPendingDraft, .approverIsDrafter, .approvalRequired:
            return HierarchyStrings.refusal(r, names: names, language)!
        }
    }

    public func filterError(_ e: FilterError) -> String {
        let at = "column \(e.column)"
        switch e.problem {
        case .unknownField(let f, let s):
            return "Filter, \(at): unknown field \"\(SafeText.excerpt(f, limit: 60))\"" + (s.map { "; did you mean \"\($0):\"?" } ?? ".")
        case .badValue(let f, let v, let expected):
            return "Filter, \(at): \"\(SafeText.excerpt(v, limit: 60))\" is not valid for \(SafeText.excerpt(f, limit: 60)); expected: \(expected)."
        case .missingValue(let f):
            let f = SafeText.excerpt(f, limit: 60)
            return "Filter, \(at): \(f): needs a value, e.g. \(f):proses."
        case .unbalancedParenthesis:
            return "Filter, \(at): unbalanced parenthesis."
        case .unexpected(let t):
            return "Filter, \(at): \"\(SafeText.excerpt(t, limit: 60))\" is not expected here."
        case .unterminatedQuote:
            return "Filter, \(at): unterminated quote."
        case .emptyGroup:
            return "Filter, \(at): empty parentheses."
        case .dangling(let op):
            return "Filter, \(at): \(op.isEmpty ? "expression" : "\"\(op)\"") is not followed by a condition."
        case .tooLong(let limit):
            return "Filter too long: at most \(NumberFormat.grouped(limit, .en)) characters."
        case .tooDeep(let limit):
            return "Filter, \(at): parentheses and NOT nested too deeply: at most \(limit) levels."
        case .tooManyTerms(let limit):
            return "Filter, \(at): too many conditions: at most \(limit)."
        case .tooManyWords(let limit):
            return "Filter, \(at): too many search words: at most \(limit), phrases included."
        }
    }

    public func replayError(_ e: ReplayError, names: Directory, zone: OfficeTimeZone) -> String {
        switch e {
        case .empty: "no events"
        case .firstEventNotIntake(let v): "event \(v) is not an intake"
        case .intakeAfterStart(let v): "event \(v) receives a report that already exists"
        case .versionGap(let exp, let found): "broken sequence: expected version \(exp), found \(found)"
        case .wrongComplaint(let exp, let found): "an event of report #\(found) sits in the history of #\(exp)"
        case .statusMismatch(let v, let rec, let act): "event \(v) records status \(rec?.laporName ?? "-"), should be \(act?.laporName ?? "-")"
        case .refused(let v, let r): "event \(v) breaks the rules: \(refusal(r, names: names, zone: zone))"
        }
    }

    public func eventSummary(_ e: Event, names: Directory) -> String {
        if let s = HierarchyStrings.eventSummary(e, names: names, .en) { return s }
        let d = e.details
        let reason = d.reason.map { ": " + $0 } ?? ""
        switch e.kind {
        case .receive: return "Received via \(channelName(d.intake?.channel ?? .other))"
        case .import: return "Imported with status \(d.imported?.status.laporName ?? e.to.laporName)" + (d.source.map { " from \($0.file), sha256 \($0.sha256.prefix(16))…" } ?? "")
        case .verify: return "Verified and disposed to \(names.unitName(d.unit ?? "-"))" + changesTail(d.changes) + reason
        case .classify: return "Classification updated" + classifySuffix(d.changes) + (d.reason.map { " — " + $0 } ?? "")
        case .redispose: return "Re-disposed to \(names.unitName(d.unit ?? "-"))" + reason
        case .forward:
            let target = d.unit.map { "\(names.unitName($0)) (\(names.agencyName(d.agency ?? "-")))" } ?? names.agencyName(d.agency ?? "-")
            return "Forwarded to \(target) (not our authority)" + reason + (e.from == .belumTerverifikasi ? changesTail(d.changes) : "")
        case .cc: return "Copied to \(names.unitName(d.unit ?? "-"))"
        case .postpone: return "Postponed" + reason
        case .resume: return "Resumed from Tunda"
        case .archive: return "Archived (\(d.archiveReason.map(archiveReasonName) ?? "-"))" + reason
        case .followUp: return d.secret ? "Secret follow-up" : "Follow-up"
        case .note: return "Internal note"
        case .reply: return "Reporter's reply"
        case .rate: return "Reporter's rating: \(d.rating.map { ComplaintPresentation.stars($0) } ?? "-")"
        case .close: return "Closed (Selesai)" + reason
        case .autoClose: return "Closed automatically: the period for the reporter's reply ran out"
        case .reopen: return "Reopened" + reason
        case .linkDuplicate: return "Linked as a duplicate of #\(d.duplicateOf.map(String.init) ?? "-")"
        case .passDown, .returnUp, .draft, .approve, .returnDraft: return HierarchyStrings.eventSummary(e, names: names, language)!
        case .message: return "Message to the reporter"
        case .escalate: return escalationEventSummary(e, names: names)
        }
    }

    /// " · not anonymous, not confidential": what a verify or forward decided on the way.
    func changesTail(_ c: ClassificationChange?) -> String {
        let s = classifySuffix(c)
        return s.isEmpty ? "" : " ·" + s.dropFirst()
    }

    func classifySuffix(_ c: ClassificationChange?) -> String {
        guard let c else { return "" }
        var parts: [String] = []
        if let v = c.title { parts.append("title \"\(v)\"") }
        if let v = c.classification { parts.append(classificationName(v)) }
        if let v = c.category { parts.append(v.path) }
        if let v = c.anonymous { parts.append(v ? "anonymous" : "not anonymous") }
        if let v = c.confidential { parts.append(v ? "confidential" : "not confidential") }
        if let v = c.priority { parts.append("priority \(priorityName(v))") }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    public func countdown(_ r: DeadlineReading) -> String {
        switch r.state {
        case .overdue:
            if r.workingDaysOverdue == 0 {
                // Passed on a day before a weekend or holiday: say how many days ago, never "today".
                switch r.daysOverdue {
                case 0: return "overdue today"
                case 1: return "due yesterday"
                default: return "\(r.daysOverdue) days late"
                }
            }
            return "\(r.workingDaysOverdue) working day\(r.workingDaysOverdue == 1 ? "" : "s") late"
        case .dueSoon, .onTime:
            if r.workingDaysLeft == 0 { return "due today" }
            return "\(r.workingDaysLeft) working day\(r.workingDaysLeft == 1 ? "" : "s") left"
        }
    }

    public func position(_ index: Int, of total: Int?) -> String {
        guard let total else { return "\(NumberFormat.grouped(index, .en)) of …" }
        return "\(NumberFormat.grouped(index, .en)) of \(NumberFormat.grouped(total, .en))"
    }

    public func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][max(0, min(11, month - 1))]
    }

    public func monthShort(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(0, min(11, month - 1))]
    }

    public func weekdayName(_ d: Weekday) -> String { d.englishName }
}
