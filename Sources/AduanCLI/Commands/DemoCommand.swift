import AduanCore
import AduanStore
import Glibc

/// `aduan demo [--count N] [--seed S]`: realistic complaints with full histories.
enum DemoCommand {
    static let defaultCount = 5_000

    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "aduan demo [--count N] [--seed S]")
        let count = try s.arguments.int("count", range: 1...50_000_000) ?? defaultCount
        let seed = try s.arguments.int("seed", range: 0...Int.max) ?? 1
        let store = try s.openStore(create: true)
        let now = try s.now()
        let (written, seconds) = try generate(into: store, config: s.config, count: count, seed: UInt64(seed), now: now,
                                              progressLabel: s.strings.command(.generating), language: s.language)
        let rate = Int(Double(written) / max(0.001, seconds))
        s.out.line(s.strings.command(.demoAdded(count: written, store: s.storePath, seconds: seconds, perSecond: rate)))
        // What the operator will meet (issue 11, item 21): the inbox holds what the agency holds
        // now; what it forwarded away waits under its own tab; the rest is other agencies' own.
        do {
            let inbox = try store.statusCounts(s.scope, formerHolders: false).values.reduce(0, +)
            let forwarded = try store.forwardedCount(s.scope)
            let all = try store.statusCounts(.everything, formerHolders: false).values.reduce(0, +)
            s.out.line(s.strings.command(.demoView(operatorID: s.operatorActor.id, inbox: inbox, forwarded: forwarded,
                                                   others: max(0, all - inbox - forwarded))))
        } catch {
            throw .store(error)
        }
        return 0
    }

    /// Generates and stores `count` histories in batches; returns how many and how long it took.
    public static func generate(into store: ComplaintStore, config: OfficeConfig, count: Int, seed: UInt64, now: Timestamp,
                                progressLabel: String, language: Language, showProgress: Bool = Platform.isTerminal(2)) throws(CLIError) -> (Int, Double) {
        let started = Platform.monotonic()
        let progress = Progress(progressLabel, total: count, language: language, enabled: showProgress)
        let unit = strings(language).operation(.complaints)
        var written = 0
        let batchSize = 10_000
        let bulk: Bool
        do { bulk = try store.beginBulkLoad() } catch { throw .store(error) }
        // Generating, folding and encoding run on a second thread while this one writes.
        let generator = Confined(DemoGenerator(config: config, seed: seed, now: now))
        let context = store.context
        let login = store.login
        let pipeline = Pipeline<[PreparedHistory]>()
        // The store replays each generated history; one it refuses is a generator bug, reported here.
        let refused = Confined<StoreError?>(nil)
        let producer = pipeline.start { p in
            var made = 0
            while made < count {
                var batch: [PreparedHistory] = []
                let n = min(batchSize, count - made)
                batch.reserveCapacity(n)
                for _ in 0..<n {
                    do throws(StoreError) {
                        batch.append(try ComplaintStore.prepare(generator.value.nextHistory(), context: context, login: login))
                    } catch {
                        refused.value = error
                        return
                    }
                }
                made += n
                if !p.push(batch) { return }
            }
        }
        defer { if let producer { pthread_join(producer, nil) } }
        var waiting = 0.0, inserting = 0.0
        while true {
            let t0 = Platform.monotonic()
            guard let batch = pipeline.pop() else { break }
            let t1 = Platform.monotonic()
            waiting += t1 - t0
            defer { inserting += Platform.monotonic() - t1 }
            do { written += try store.insertPrepared(batch).count } catch {
                pipeline.cancel()
                if bulk { try? store.endBulkLoad() }
                throw .store(error)
            }
            progress.update(written, unit: unit)
        }
        if let error = refused.value {
            if bulk { try? store.endBulkLoad() }
            throw .store(error)
        }
        progress.finish(written, unit: unit)
        let t2 = Platform.monotonic()
        if bulk {
            do { try store.endBulkLoad() } catch { throw .store(error) }
        }
        if Platform.env("ADUAN_TRACE") != nil {
            let e = OutputStream(fd: 2)
            e.line("trace: waiting for the generator \(waiting) s, inserting \(inserting) s, indexing \(Platform.monotonic() - t2) s")
        }
        return (written, Platform.monotonic() - started)
    }
}
