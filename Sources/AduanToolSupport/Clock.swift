import Glibc

/// Seconds on a monotonic clock, for delays, deadlines and rates: `ContinuousClock`, counted from
/// the first call in this process (only differences mean anything).
public func monotonic() -> Double {
    let (s, attoseconds) = (ContinuousClock.now - processStart).components
    return Double(s) + Double(attoseconds) / 1e18
}

private let processStart = ContinuousClock.now

/// CLOCK_MONOTONIC in seconds, comparable across processes: the screen stamps its first frame
/// with it (`first_frame_monotonic` in the latency profile) and aduan-bench compares that stamp
/// with when it started the program. `ContinuousClock` gives no value another process can compare.
public func sharedMonotonic() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
