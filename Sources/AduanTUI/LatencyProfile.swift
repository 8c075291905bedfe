import Glibc

/// Seconds for latencies (only differences mean anything).
func monotonicSeconds() -> Double {
    (ContinuousClock.now - deskClockStart).secondsValue
}

private let deskClockStart = ContinuousClock.now

/// Key-to-frame latencies by kind of key, written as JSON lines on exit when `ADUAN_PROFILE` names
/// a file. The benchmark reads it; the desk never slows down for it (a few array appends).
final class LatencyProfile {
    let path: String
    var samples: [String: [Double]] = [:]
    var firstFrameAt: Double?

    init(path: String) { self.path = path }

    /// Stamped with CLOCK_MONOTONIC itself, not `ContinuousClock`: aduan-bench compares the stamp
    /// with the time it started this process (`sharedMonotonic` in AduanToolSupport).
    func firstFrame() {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        firstFrameAt = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func record(_ label: String, seconds: Double) { samples[label, default: []].append(seconds) }

    func write() {
        var text = ""
        if let f = firstFrameAt { text += "{\"first_frame_monotonic\":\(f)}\n" }
        for (label, values) in samples.sorted(by: { $0.key < $1.key }) {
            text += "{\"label\":\"\(label)\",\"ms\":[" + values.map { String(Int($0 * 1_000_000)) + "e-3" }.joined(separator: ",") + "]}\n"
        }
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }
}
