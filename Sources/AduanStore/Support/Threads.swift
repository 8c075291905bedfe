import Glibc

/// The closure a new thread runs (non-generic: the compiler's Sendable checking crashes on a
/// generic pthread trampoline in Swift 6.3).
final class ThreadBody: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Runs `body` on a new POSIX thread; nil when the thread could not be created.
public func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    let box = Unmanaged.passRetained(ThreadBody(body))
    var thread = pthread_t()
    let rc = pthread_create(&thread, nil, { raw in
        Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().run()
        return nil
    }, box.toOpaque())
    if rc != 0 { box.release(); return nil }
    return thread
}
