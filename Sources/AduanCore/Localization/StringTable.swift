/// Every sentence Aduan shows, one table per language. A protocol (not a dictionary) so the
/// compiler rejects a table that lacks a string: Indonesian and English can never drift apart.
public protocol StringTable: Sendable {
    var language: Language { get }

    /// Fixed words and labels.
    func text(_ key: UIText) -> String

    func actionName(_ kind: ActionKind) -> String
    func roleName(_ role: Role) -> String
    func channelName(_ channel: Channel) -> String
    func classificationName(_ c: Classification) -> String
    func archiveReasonName(_ r: ArchiveReason) -> String
    func priorityName(_ p: Priority) -> String
    func requirementName(_ r: Requirement) -> String
    func deadlineName(_ kind: DeadlineKind) -> String
    func holidayKindName(_ kind: HolidayKind) -> String

    /// One sentence saying why an action was refused.
    func refusal(_ r: Refusal, names: Directory, zone: OfficeTimeZone) -> String
    /// One sentence saying what is wrong with a filter, with its column.
    func filterError(_ e: FilterError) -> String
    func replayError(_ e: ReplayError, names: Directory, zone: OfficeTimeZone) -> String

    /// One line saying what an event did: "Diteruskan ke Pemprov Jawa Timur: jalan provinsi".
    func eventSummary(_ e: Event, names: Directory) -> String

    /// "2 hari kerja lagi", "hari ini", "lewat 3 hari kerja".
    func countdown(_ r: DeadlineReading) -> String
    /// "12 dari 1.204"
    func position(_ index: Int, of total: Int?) -> String
    func monthName(_ month: Int) -> String
    func monthShort(_ month: Int) -> String
    func weekdayName(_ d: Weekday) -> String
    /// The separator between hours and minutes ("14.05" in Indonesian, "14:05" in English).
    var timeSeparator: String { get }

    /// Writing refused because the event log's hash chain is broken, and how to restore (StoreNotices.swift).
    func chainBroken(path: String, _ damage: ChainDamage) -> String
    /// Said once after the stored deadlines were recomputed for changed calendar or deadline settings.
    func deadlinesRecomputed(open: Int, changed: Int) -> String
    /// A date falls in years the calendar has no holidays for; names the config keys that add them.
    func holidayYearsUnknown(_ years: [Int]) -> String
    /// Who may act, training stores and the frozen clock (IdentityStrings.swift).
    func trust(_ m: TrustMessage) -> String
}

/// The table for a language.
public func strings(_ language: Language) -> any StringTable {
    switch language {
    case .id: IndonesianStrings()
    case .en: EnglishStrings()
    }
}

/// Keys of fixed texts. Adding a case forces both tables to translate it.
public enum UIText: String, CaseIterable, Sendable {
    // Views.
    case inbox, detail, deadlines, dashboard, help
    // Common words.
    case all, none, unknown, yes, no, hidden, anonymousBadge, confidentialBadge, secretBadge, pingPongBadge
    case paused, noDeadline, reporter, title, body, location, incidentDate, channel, classification, category
    case priority, holder, holderChain, copies, duplicateOf, receivedAt, status, trackingID, timeline, rating
    case deadline, rule, basis, originalDeadline, privacyUndecided, anonymous, confidential, publicFollowUp
    case operatorLabel, role, unit, agency, filter, search, tagged, age, overdue, dueSoon, onTime, total
    case percentSelesai, medianFirstFollowUp, receivedPerWeek, forwardsOut, forwardsIn, tundaOld
    case missingPrivacyDecision, overduePerUnit, countsPerStatusUnit, workingDaysUnit, noComplaints
    case loading, counting, terminalTooSmall, conflictReloaded, saved, cancelled, confirm, confirmBulk
    case pressAnyKey, notAvailable, reason, text, unitPicker, agencyPicker, templatePicker, archiveCode
    case secretToggle, enterToSave, escToCancel, ratingPrompt, duplicatePrompt, searchPrompt, limitPrompt
    case quit, back, open, refresh, tag, applyToTagged, moveDown, moveUp, pageDown, pageUp, first, last
    case nextMatch, previousMatch, actions, keys, workflowTable, newerStore, since, by, events
    case verifyHint, forwardHint, replyHint, noteHint, postponeHint, archiveHint, closeHint, reopenHint
    case classifyHint, ccHint, replyRecordHint, rateHint, duplicateHint, resumeHint, redisposeHint
    // The unit tree and drafts (issue 15).
    case passDownHint, returnUpHint, draftHint, approveHint, returnDraftHint
    case noActionsHere, bulkDone, nothingTagged, tabAll, tabForwarded, forwardNoUnit, updatedBy, version, storeChanged
    // Privacy decisions in the history and on the screen.
    case anonymityLifted, anonymityGiven, confidentialityLifted, confidentialityGiven
    case liftAnonymityReason, liftAnonymityConfirm, eachKeepsItsOwn
    // Authenticated operators: the training mark (title bar) and the login in the history.
    case training, login
    // A liaison's own work and what they are copied on (issue 11 item 5): Help and the status line.
    case mineToggle, mineOnlyBadge, withCopiesBadge
}
