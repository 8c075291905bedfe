/// Why an action was not accepted. Each case becomes one sentence an operator understands
/// (see `StringTable.refusal`), in Indonesian or English.
public enum Refusal: Error, Hashable, Sendable {
    /// The office's settings switch this action off (e.g. reopening).
    case disabled(ActionKind)
    /// The operator's role may never take this action.
    case notYourRole(ActionKind, role: Role, allowed: [Role])
    /// Not in the report's current status.
    case wrongStatus(ActionKind, status: Status?, allowed: [Status?])
    /// The report is held by another agency or unit than the operator's.
    case notYourUnit(ActionKind, holder: Holder, actor: Actor)
    /// A required piece (reason, unit, text, …) is missing.
    case missing(ActionKind, Requirement)
    case unknownUnit(String)
    /// A unit named by a part several units share: their ids.
    case ambiguousUnit(String, candidates: [String])
    case unitNotInAgency(unit: String, agency: String)
    case sameUnit(String)
    case unknownAgency(String)
    case sameAgency(String)
    case alreadyCopied(String)
    case ratingOutOfRange(Int)
    case duplicateOfSelf
    case trackingIDNotDigits(String)
    /// Archive code "other" needs the reason written out.
    case reasonRequiredForOther
    /// Lifting a reporter's anonymity exposes their identity to the handling units: it needs a reason.
    case reasonRequiredToLiftAnonymity(ActionKind)
    /// Only a forward from Belum Terverifikasi carries the anonymity/confidentiality decision (and
    /// only verify and classify change a report's classification).
    case changesNotTakenBy(ActionKind)
    /// Auto-close before its 10 working days have run out, or while a reply is pending.
    case autoCloseNotDue(due: Timestamp?)
    /// The warning or escalation step (its key) is not due now under the office's ladder.
    case escalationNotDue(String)
    /// The warning or escalation step (its key) is already recorded for this timer.
    case escalationRecorded(String)
    /// The given time is before the report's last change (a wrong clock, or a stale replay).
    case clockBeforeLastChange(last: Timestamp)
    /// The action's time lies later than the trusted now plus the office's clock skew.
    case timeAfterNow(at: Timestamp, now: Timestamp, skewSeconds: Int64)
    /// The action's time lies before the store's last event minus the skew (a clock run back, a backdating).
    case timeBeforeStoreLast(at: Timestamp, last: Timestamp, skewSeconds: Int64)
    /// A time the reporter gave (`--written-at`) later than the moment it is recorded.
    case reportedTimeInFuture(reported: Timestamp, recordedAt: Timestamp)
    /// A time the reporter gave before the follow-up it answers (or before the report arrived).
    case reportedTimeBeforeFollowUp(reported: Timestamp, followUp: Timestamp)
    /// Only a reply or a rating carries a time the reporter gave.
    case reportedTimeNotTakenBy(ActionKind)
    case alreadyExists(Int64)
    /// A LAPOR! number names one report: this one is already recorded (as `existing`, when the
    /// operator may see that report; nil otherwise, so nothing about it leaks).
    case trackingIDTaken(String, existing: Int64?)
    case noSuchComplaint(Int64)
    /// An imported record that cannot stand (e.g. Proses without a holder unit's agency).
    case invalidImport(String)
    /// An import naming another agency's holder (or a copy to another agency's unit): an operator
    /// imports only into their own agency's inbox. `field` is "holder" or "cc".
    case importOutsideOwnAgency(field: String, value: String, agency: String)
    /// An imported record says the report arrived after the moment of the import.
    case receivedAfterImport(received: Timestamp, now: Timestamp)
    /// A text longer than the store keeps (title 4 KiB, other texts 1 MiB).
    case tooLong(field: String, bytes: Int, limit: Int)
    /// A text containing a NUL character.
    case invalidCharacter(field: String)
    /// The operator may not see this report, so may not act on it (and learns nothing about it).
    case notVisible(Int64)
    /// A pass down to a unit that is not below the current holder in the unit tree.
    case notBelowHolder(unit: String, holder: Holder)
    /// A return to a unit that is not above the current holder.
    case notAboveHolder(unit: String, holder: Holder)
    /// A return while the agency itself holds the report: there is nothing above (forward it instead).
    case nothingAbove(Holder)
    /// Approve or return a draft when none is waiting (or another one than the one waiting).
    case noPendingDraft
    /// The drafter may not approve their own draft.
    case approverIsDrafter
    /// The agency requires every follow-up of its units to be drafted and approved.
    case approvalRequired(agency: String)
}
