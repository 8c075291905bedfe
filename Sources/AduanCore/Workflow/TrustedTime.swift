/// What the store vouches for about time when a new action is decided: the trusted "now" (the
/// system clock, or a training store's frozen moment), the latest event time the store has
/// recorded, and the clock skew the office tolerates between computers. Pure values: the store
/// reads them, `Workflow.decide` compares.
public struct TrustedClock: Hashable, Sendable {
    /// The trusted now; nil when the caller has none (then no upper bound is checked).
    public var now: Timestamp?
    /// The latest event time in the store; nil for an empty store.
    public var storeLast: Timestamp?
    /// Seconds two clocks may disagree by (`workflow.clockSkewSeconds`).
    public var skewSeconds: Int64

    public init(now: Timestamp?, storeLast: Timestamp?, skewSeconds: Int64) {
        self.now = now
        self.storeLast = storeLast
        self.skewSeconds = skewSeconds
    }
}

extension Workflow {
    /// Why a new event stamped `at` cannot be written under `clock`: later than now plus the skew
    /// (a clock run ahead, or a forged time that would freeze every later action), or earlier than
    /// the store's last event minus the skew (a clock run back, or a backdated action).
    public static func timeProblem(at: Timestamp, clock: TrustedClock) -> Refusal? {
        if let now = clock.now, at.seconds > now.seconds + clock.skewSeconds {
            return .timeAfterNow(at: at, now: now, skewSeconds: clock.skewSeconds)
        }
        if let last = clock.storeLast, at.seconds < last.seconds - clock.skewSeconds {
            return .timeBeforeStoreLast(at: at, last: last, skewSeconds: clock.skewSeconds)
        }
        return nil
    }

    /// True when the store's last event lies further ahead of `now` than the skew: this computer's
    /// clock has jumped back (or the store was written by a clock run ahead). Reported at open.
    public static func clockIsBehindStore(now: Timestamp, storeLast: Timestamp?, skewSeconds: Int64) -> Bool {
        guard let last = storeLast else { return false }
        return last.seconds > now.seconds + skewSeconds
    }

    /// The actions whose event may carry a time the reporter gave (`ActionDetails.reportedAt`).
    public static let takesReportedTime: Set<ActionKind> = [.reply, .rate]

    /// A time the reporter gave is a field of the event, never its own time: it may not lie after
    /// the moment it is recorded, nor before the follow-up it answers (or before the report arrived).
    static func reportedTimeProblem(_ kind: ActionKind, details d: ActionDetails, complaint: Complaint?,
                                    at: Timestamp) -> Refusal? {
        guard let reported = d.reportedAt else { return nil }
        guard takesReportedTime.contains(kind) else { return .reportedTimeNotTakenBy(kind) }
        if reported > at { return .reportedTimeInFuture(reported: reported, recordedAt: at) }
        if let c = complaint {
            if let answered = c.lastFollowUpAt, reported < answered {
                return .reportedTimeBeforeFollowUp(reported: reported, followUp: answered)
            }
            if reported < c.receivedAt { return .reportedTimeBeforeFollowUp(reported: reported, followUp: c.receivedAt) }
        }
        return nil
    }
}

extension Timestamp {
    /// A date and time an operator types for the reporter (`--written-at`, the screen's reply and
    /// rating dialogs): ISO 8601 with a zone, or without one, then read in the office's `zone`
    /// ("2026-11-20T10:00", "2026-11-20 10:00"). Nil when it is not a date and time.
    public static func parseOperatorTime(_ text: String, zone: OfficeTimeZone) -> Timestamp? {
        let text = text.trimmingSpaces()
        switch parseISO8601(text) {
        case .success(let t): return t
        case .failure(.missingTimeZone) where text.count > 10:
            let o = zone.offsetSeconds
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let suffix = (o < 0 ? "-" : "+") + two(abs(o) / 3600) + ":" + two(abs(o) / 60 % 60)
            if case .success(let t) = parseISO8601(text + suffix) { return t }
            return nil
        default:
            return nil
        }
    }
}
