import AduanCore
import AduanStore
import Synchronization

/// Slow reads (counting a filtered list of a million reports, the position of a search hit) run
/// off the input path on their own connection to the store (`DeskStore.reopener`); the desk picks
/// up results between keys.
/// Each slot keeps only its newest request: a count for a filter the operator already changed is
/// dropped when it arrives.
final class BackgroundWork: Sendable {
    enum Slot: String, Sendable {
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
    private let generations = Mutex<[Slot: Int]>([:])
    private let mailbox = Mutex<[Result]>([])

    init(open: @escaping @Sendable () throws(StoreError) -> any DeskStore) {
        self.open = open
    }

    /// Runs `job` on a fresh connection; returns the request's generation.
    @discardableResult
    func run(_ slot: Slot, _ job: @escaping @Sendable (any DeskStore) throws -> Int) -> Int {
        start(slot) { store, result in result.value = try job(store) }
    }

    /// Counts the inbox tabs on a fresh connection (`Slot.tabs`); returns the request's generation.
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
        let open = self.open
        Task.detached { [self] in
            var result = Result(slot: slot, generation: g)
            do {
                let store = try open()
                try job(store, &result)
            } catch {
                result.error = "\(error)"
            }
            mailbox.withLock { $0.append(result) }
        }
        return g
    }

    /// Forgets pending requests of a slot (their results will be dropped).
    func cancel(_ slot: Slot) {
        generations.withLock { $0[slot, default: 0] += 1 }
    }

    /// Results that are still current.
    func takeResults() -> [Result] {
        let current = generations.withLock { $0 }
        return mailbox.withLock { box in
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
