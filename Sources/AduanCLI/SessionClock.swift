import AduanCore
import AduanStore

/// Trusted time at open: the store's new actions are bounded by the trusted now, and a clock
/// that lies behind the store's last event by more than the office's skew is reported at once.
extension Session {
    func noteClock(of store: ComplaintStore) {
        // A malformed ADUAN_NOW is reported by the command itself when it asks for the time.
        guard let now = try? self.now() else { return }
        store.trustedNow = { [weak self] in (try? self?.now()) ?? now }
        guard let last = try? store.clockBehind(now: now) else { return }
        let warning = strings.clockBehindStore(last: last, now: now, skewSeconds: context.policy.clockSkewSeconds, zone: zone)
        clockWarning = warning
        err.line(SafeText.line(warning))
        err.flush()
    }
}
