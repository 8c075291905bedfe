import AduanCore
import AduanStore
import Glibc
import Synchronization

/// Slow reads (counting a filtered list of a million reports, the position of a search hit) run
/// off the input path on their own connection to the store (`DeskStore.reopener`); the desk picks
/// up results between keys.
/// Each slot has a thread of its own that runs its newest request: a count for a filter the
/// operator already changed is dropped before it runs, or its result when it arrives. A store
/// that `keepsBackgroundConnection` (PostgreSQL: a connection costs a socket, a backend process
/// and authentication) is opened once per slot and kept on that thread; SQLite opens one per
/// request, as before.
final class BackgroundWork: Sendable {
    enum Slot: String, Sendable, CaseIterable {
        case total
        case position
        case tabs
    }

    /// The inbox tabs' counts, counted together (`Slot.tabs`).
    struct TabCounts: Sendable {
        var statuses: [Status: Int]
        var forwarded: Int
        var awaitingApproval: Int
    }

    struct Result: Sendable {
        var slot: Slot
        var generation: Int
        var value: Int?
        var tabs: TabCounts?
        var error: String?
    }

    /// Opens a fresh connection to the desk's store as the desk's login.
    let open: @Sendable () throws(StoreError) -> any DeskStore
    /// Whether a slot's thread keeps its connection between requests.
    let keepsConnection: Bool
    private let generations = Mutex<[Slot: Int]>([:])
    private let mailbox = BackgroundMailbox()
    private let workers = Mutex<[Slot: BackgroundWorker]>([:])

    init(open: @escaping @Sendable () throws(StoreError) -> any DeskStore, keepsConnection: Bool = false) {
        self.open = open
        self.keepsConnection = keepsConnection
    }

    deinit {
        workers.withLock { for w in $0.values { w.stop() } }
    }

    /// Gives `job` to the slot's thread; returns the request's generation.
    @discardableResult
    func run(_ slot: Slot, _ job: @escaping @Sendable (any DeskStore) throws -> Int) -> Int {
        start(slot) { store, result in result.value = try job(store) }
    }

    /// Counts the inbox tabs on the slot's connection (`Slot.tabs`); returns the request's generation.
    @discardableResult
    func countTabs(_ job: @escaping @Sendable (any DeskStore) throws -> TabCounts) -> Int {
        start(.tabs) { store, result in result.tabs = try job(store) }
    }

    private func start(_ slot: Slot, _ job: @escaping @Sendable (any DeskStore, inout Result) throws -> Void) -> Int {
        let g = generations.withLock { gens -> Int in
            let next = (gens[slot] ?? 0) + 1
            gens[slot] = next
            return next
        }
        let worker = workers.withLock { ws -> BackgroundWorker in
            if let w = ws[slot] { return w }
            let w = BackgroundWorker(open: open, keepsConnection: keepsConnection, mailbox: mailbox)
            w.start()
            ws[slot] = w
            return w
        }
        worker.give(BackgroundJob(slot: slot, generation: g, body: job))
        return g
    }

    /// Forgets pending requests of a slot (their results will be dropped).
    func cancel(_ slot: Slot) {
        generations.withLock { $0[slot, default: 0] += 1 }
    }

    /// Results that are still current.
    func takeResults() -> [Result] {
        let current = generations.withLock { $0 }
        return mailbox.results.withLock { box in
            let out = box.filter { current[$0.slot] == $0.generation }
            box.removeAll()
            return out
        }
    }

    /// True while a request of this slot has not come back yet (for "menghitung…").
    func isPending(_ slot: Slot, generation: Int) -> Bool {
        generations.withLock { $0[slot] == generation }
    }
}

/// Where the slots' threads leave their results for the desk.
final class BackgroundMailbox: Sendable {
    let results = Mutex<[BackgroundWork.Result]>([])
}

struct BackgroundJob: Sendable {
    var slot: BackgroundWork.Slot
    var generation: Int
    var body: @Sendable (any DeskStore, inout BackgroundWork.Result) throws -> Void
}

/// One slot's thread. The store it opens never leaves the thread (a store need not be
/// Sendable); a request that failed drops it, so the next one connects again.
final class BackgroundWorker: Sendable {
    private struct State {
        var job: BackgroundJob?
        var stopped = false
    }

    private let state = Mutex(State())
    private let wake: Semaphore
    let open: @Sendable () throws(StoreError) -> any DeskStore
    let keepsConnection: Bool
    let mailbox: BackgroundMailbox

    init(open: @escaping @Sendable () throws(StoreError) -> any DeskStore, keepsConnection: Bool, mailbox: BackgroundMailbox) {
        self.open = open
        self.keepsConnection = keepsConnection
        self.mailbox = mailbox
        wake = Semaphore()
    }

    /// Starts the thread (detached; it holds the worker until `stop`).
    func start() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { arg in
            let worker = Unmanaged<BackgroundWorker>.fromOpaque(arg!).takeRetainedValue()
            worker.loop()
            return nil
        }, box)
        if made == 0 {
            pthread_detach(thread)
        } else {
            // No thread: run requests as they come on a task, each on a fresh connection.
            Unmanaged<BackgroundWorker>.fromOpaque(box).release()
            state.withLock { $0.stopped = true }
        }
    }

    /// Replaces the request waiting for the thread (an older one that has not started is dropped).
    func give(_ job: BackgroundJob) {
        let running = state.withLock { s -> Bool in
            if s.stopped { return false }
            s.job = job
            return true
        }
        if running {
            wake.post()
        } else {
            let open = self.open, mailbox = self.mailbox
            Task.detached { mailbox.results.withLock { $0.append(Self.perform(job, store: nil, open: open).result) } }
        }
    }

    func stop() {
        state.withLock { $0.stopped = true }
        wake.post()
    }

    private func loop() {
        var store: (any DeskStore)?
        while true {
            wake.wait()
            let (job, stopped) = state.withLock { s -> (BackgroundJob?, Bool) in
                defer { s.job = nil }
                return (s.job, s.stopped)
            }
            if stopped { return }
            guard let job else { continue }
            let done = Self.perform(job, store: store, open: open)
            store = keepsConnection ? done.store : nil
            mailbox.results.withLock { $0.append(done.result) }
        }
    }

    /// Runs one request on `store`, or on a store it opens; the store is returned unless it failed.
    private static func perform(_ job: BackgroundJob, store: (any DeskStore)?,
                                open: @Sendable () throws(StoreError) -> any DeskStore) -> (result: BackgroundWork.Result, store: (any DeskStore)?) {
        var result = BackgroundWork.Result(slot: job.slot, generation: job.generation)
        do {
            let s = try store ?? open()
            try job.body(s, &result)
            return (result, s)
        } catch {
            result.error = "\(error)"
            return (result, nil)
        }
    }
}

/// A POSIX semaphore at a stable address.
final class Semaphore: @unchecked Sendable {
    private let sem = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)

    init() { sem_init(sem, 0, 0) }

    deinit {
        sem_destroy(sem)
        sem.deallocate()
    }

    func post() { sem_post(sem) }

    /// Waits for a post (again when a signal interrupted the wait).
    func wait() { while sem_wait(sem) != 0 && errno == EINTR {} }
}
