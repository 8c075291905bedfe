import AduanToolSupport
import AduanCore
import AduanStore
import Glibc

/// The two ways the bench copies the SQLite demo store into PostgreSQL (both through
/// `PGStore.prepare` + `PGBulkLoad`, the path `aduan import` takes):
/// - pipelined (the default since session 7): ONE transaction, as `aduan import`; a second thread
///   reads the SQLite histories and prepares batch k+1 (on `--load-threads` threads) while this one
///   sends batch k through COPY; the first batch into the empty store has the secondary indexes
///   built at the end. Its rate is over the whole wall time, reading the SQLite store included.
/// - `--load-old`: the session-6 way, kept to measure the difference in one run: a transaction per
///   5,000 reports, reading, preparing and COPY one after another, indexes upkept row by row; its
///   rate leaves the reading out (as session 6 reported it).
struct PGLoadResult {
    var loaded = 0
    /// What the rate divides by.
    var seconds = 0.0
    var read = 0.0
    var prepare = 0.0
    var timings = PGBulkLoad.Timings()
    var how = ""
}

extension PGBench {
    static let loadBatch = 5_000

    /// Reads the next histories from the SQLite store (ids 1, 2, …; gaps skipped).
    final class HistoryReader: @unchecked Sendable {
        let lite: ComplaintStore
        let total: Int
        var id: Int64 = 1
        var read = 0
        init(_ lite: ComplaintStore, total: Int) { self.lite = lite; self.total = total }

        func next(_ n: Int) throws -> [[Event]] {
            var batch: [[Event]] = []
            while batch.count < n && read + batch.count < total {
                let events = try lite.events(of: id)
                id += 1
                if !events.isEmpty { batch.append(events) }
                if id > Int64(total) * 2 + 10 { break }
            }
            read += batch.count
            return batch
        }
    }

    func loadSerial(_ reader: HistoryReader, _ pg: PGStore, size: Int) throws -> PGLoadResult {
        var r = PGLoadResult(how: "the session-6 way: a transaction per 5,000, read → prepare → COPY in turn, indexes row by row; reading not counted")
        let login = pg.conn.user
        while true {
            let t = monotonic()
            let batch = try reader.next(Self.loadBatch)
            r.read += monotonic() - t
            guard !batch.isEmpty else { break }
            let c = monotonic()
            let prepared = try batch.map { try PGStore.prepare($0, context: pg.context, login: login) }
            r.prepare += monotonic() - c
            try pg.conn.transaction {
                let load = try PGBulkLoad(pg, deferIndexesFrom: .max)
                try load.add(prepared)
                try load.finish()
                r.timings.merge(load.timings)
            }
            r.seconds += monotonic() - c
            r.loaded += batch.count
            progress(size, r.loaded, reader.total, r.seconds)
        }
        return r
    }

    func loadPipelined(_ reader: HistoryReader, _ pg: PGStore, size: Int, threads: Int) throws -> PGLoadResult {
        var r = PGLoadResult(how: "one transaction; reading + preparing (\(threads) thread\(threads == 1 ? "" : "s")) overlap COPY; indexes built at the end; reading counted")
        let login = pg.conn.user, context = pg.context
        let queue = Pipeline<[PGStore.PreparedHistory]>(depth: 2)
        let shared = ProducerState()
        let start = monotonic()
        let producer = startThread {
            do {
                while true {
                    let t = monotonic()
                    let batch = try reader.next(Self.loadBatch)
                    shared.read += monotonic() - t
                    guard !batch.isEmpty else { break }
                    let c = monotonic()
                    let prepared = try Self.prepare(batch, context: context, login: login, threads: threads)
                    shared.prepare += monotonic() - c
                    if !queue.push(prepared) { break }
                }
            } catch {
                shared.error = error
            }
            queue.finish()
        }
        defer {
            queue.cancel()
            if let producer { pthread_join(producer, nil) }
        }
        try pg.conn.transaction {
            let load = try PGBulkLoad(pg)
            while let batch = queue.pop() {
                try load.add(batch)
                r.loaded += batch.count
                progress(size, r.loaded, reader.total, monotonic() - start)
            }
            if let e = shared.error { throw e }
            try load.finish()
            r.timings = load.timings
            if !load.buildsIndexesAfter { r.how += " (indexes row by row: a table was in use)" }
        }
        r.seconds = monotonic() - start
        r.read = shared.read
        r.prepare = shared.prepare
        return r
    }

    /// `PGStore.prepare` of every history, split over `threads` threads, in order.
    static func prepare(_ batch: [[Event]], context: WorkflowContext, login: String, threads: Int) throws -> [PGStore.PreparedHistory] {
        guard threads > 1, batch.count > 1 else { return try batch.map { try PGStore.prepare($0, context: context, login: login) } }
        let n = min(threads, batch.count)
        let parts = ProducerParts(n)
        let size = (batch.count + n - 1) / n
        var started: [pthread_t] = []
        for k in 1..<n {
            let slice = Array(batch[min(batch.count, k * size)..<min(batch.count, (k + 1) * size)])
            if let t = startThread({
                do { parts.out[k] = try slice.map { try PGStore.prepare($0, context: context, login: login) } } catch { parts.errors[k] = error }
            }) { started.append(t) } else { throw BenchError.environment("cannot start a thread") }
        }
        do { parts.out[0] = try batch[0..<min(batch.count, size)].map { try PGStore.prepare($0, context: context, login: login) } } catch { parts.errors[0] = error }
        for t in started { pthread_join(t, nil) }
        if let e = parts.errors.compactMap({ $0 }).first { throw e }
        return parts.out.flatMap { $0 }
    }

    func progress(_ size: Int, _ loaded: Int, _ total: Int, _ seconds: Double) {
        Log.progress("\(Format.grouped(size)): PostgreSQL store \(Format.grouped(loaded))/\(Format.grouped(total)) (\(Format.grouped(Int(Double(loaded) / max(seconds, 0.001))))/s)")
        if loaded % 50_000 == 0 || loaded == total {
            appendLine(env.scratch("pg-load.log"), "\(loaded)/\(total) loaded in \(Format.fixed(seconds, 1)) s")
        }
    }
}

/// What the producer thread hands back besides the batches (read once it is done).
final class ProducerState: @unchecked Sendable {
    var read = 0.0
    var prepare = 0.0
    var error: Error?
}

/// Each preparing thread's share (each writes only its own slot).
final class ProducerParts: @unchecked Sendable {
    var out: [[PGStore.PreparedHistory]]
    var errors: [Error?]
    init(_ n: Int) { out = Array(repeating: [], count: n); errors = Array(repeating: nil, count: n) }
}
