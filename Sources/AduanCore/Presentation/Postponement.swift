/// Since when and why a report sits in Tunda, as a viewer may read it: the Tunda tab's columns.
public struct Postponement: Hashable, Sendable {
    /// When the report went into Tunda (the open pause's start).
    public var since: Timestamp
    /// The reason of the postponement, redacted for the viewer (nil: none or not theirs to read).
    public var reason: String?

    public init(since: Timestamp, reason: String?) {
        self.since = since
        self.reason = reason
    }

    /// The open postponement of `c` (nil unless it is in Tunda), from its history as `viewer` may see it.
    public static func current(of c: Complaint, events: [Event], viewer: Actor) -> Postponement? {
        guard c.status == .tunda, let since = c.pausedAt else { return nil }
        let last = events.last { $0.kind == .postpone }
        let reason = last.flatMap { Privacy.redacted($0, in: c, for: viewer) }?.details.reason
        return Postponement(since: since, reason: Privacy.canSeeContent(c, viewer: viewer) ? reason.map(SafeText.line) : nil)
    }
}
