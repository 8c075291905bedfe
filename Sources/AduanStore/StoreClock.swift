import AduanCore

/// Time the store vouches for: the latest event time it has recorded (a `meta` row, advanced in
/// the same transaction as each append), against which new actions and this computer's clock
/// are checked. The rules themselves are the core's (`Workflow.timeProblem`).
extension ComplaintStore {
    static let lastEventKey = "last_event_at"

    /// The latest event time recorded in the store; nil for an empty store. A store written
    /// before this row existed is read from its events once (and the row written at the next append).
    public func lastEventTime() throws(StoreError) -> Timestamp? {
        try read { try loadLastEventTime() }
    }

    func loadLastEventTime() throws -> Timestamp? {
        if let v = try db.scalarText("SELECT value FROM meta WHERE key = ?", [.text(Self.lastEventKey)]), let n = Int64(v) {
            return Timestamp(seconds: n)
        }
        return try db.scalarInt("SELECT max(at) FROM events").map { Timestamp(seconds: $0) }
    }

    /// What the core needs to decide a new action's time, read inside the writing transaction.
    func trustedClock() throws -> TrustedClock {
        TrustedClock(now: trustedNow?(), storeLast: try loadLastEventTime(), skewSeconds: context.policy.clockSkewSeconds)
    }

    /// Records `at` as the store's last event time if it is later (always writing the row, so a
    /// store from before this row gets it at its first append); in the caller's transaction.
    func noteEventTime(_ at: Timestamp, clock: TrustedClock) throws {
        let value = max(at, clock.storeLast ?? at)
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", [.text(Self.lastEventKey), .text(String(value.seconds))])
    }

    /// The store's last event time when this computer's clock (`now`) is behind it by more than
    /// the allowed skew: said at open, so a clock that jumped back is noticed before anyone acts.
    public func clockBehind(now: Timestamp) throws(StoreError) -> Timestamp? {
        let last = try lastEventTime()
        return Workflow.clockIsBehindStore(now: now, storeLast: last, skewSeconds: context.policy.clockSkewSeconds) ? last : nil
    }
}
