import Glibc

/// Runs `produce` on a second thread while the caller consumes what it made: for bulk loads, the
/// CPU work (generating, parsing, folding, encoding) overlaps SQLite's writing on the main thread.
/// At most `depth` batches wait, so memory stays bounded. Used by `aduan import`, `demo` and
/// the benchmark's PostgreSQL load.
public final class Pipeline<Batch>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var queue: [Batch] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    public init(depth: Int = 2) {
        self.depth = depth
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
        pthread_cond_destroy(&changed)
    }

    /// Called by the producer; returns false when the consumer gave up (stop producing).
    public func push(_ batch: Batch) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while queue.count >= depth && !cancelled { pthread_cond_wait(&changed, &mutex) }
        if cancelled { return false }
        queue.append(batch)
        pthread_cond_broadcast(&changed)
        return true
    }

    public func finish() {
        pthread_mutex_lock(&mutex)
        finished = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Called by the consumer; nil when the producer is done and everything was taken.
    public func pop() -> Batch? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while queue.isEmpty && !finished && !cancelled { pthread_cond_wait(&changed, &mutex) }
        if queue.isEmpty { return nil }
        let b = queue.removeFirst()
        pthread_cond_broadcast(&changed)
        return b
    }

    public func cancel() {
        pthread_mutex_lock(&mutex)
        cancelled = true
        queue.removeAll()
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    /// Starts `body` on a new thread; it must call `push` for each batch. `finish` is called after it.
    public func start(_ body: @escaping @Sendable (Pipeline<Batch>) -> Void) -> pthread_t? {
        startThread { [self] in
            body(self)
            finish()
        }
    }
}

/// Holds a value that only one thread touches at a time (a generator handed to the producer).
public final class Confined<T>: @unchecked Sendable {
    public var value: T
    public init(_ value: T) { self.value = value }
}
