import AduanCore
import AduanStore

/// `aduan demo [--count N] [--seed S]`: realistic complaints with full histories.
enum DemoCommand {
    static let defaultCount = 5_000

    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments (use --count and --seed)")
        let count = try s.arguments.int("count", range: 1...50_000_000) ?? defaultCount
        let seed = try s.arguments.int("seed", range: 0...Int.max) ?? 1
        let store = try s.openStore(create: true)
        let now = try Platform.now()
        let (written, seconds) = try generate(into: store, config: s.config, count: count, seed: UInt64(seed), now: now,
                                              progressLabel: s.language == .en ? "generating" : "membuat")
        let en = s.language == .en
        let rate = Int(Double(written) / max(0.001, seconds))
        s.out.line(en ? "Added \(NumberFormat.grouped(written, .en)) demo complaints to \(s.storePath) in \(NumberFormat.decimal(seconds, fractionDigits: 1, .en)) s (\(NumberFormat.grouped(rate, .en))/s)."
                      : "\(NumberFormat.grouped(written, .id)) laporan demo ditambahkan ke \(s.storePath) dalam \(NumberFormat.decimal(seconds, fractionDigits: 1, .id)) dtk (\(NumberFormat.grouped(rate, .id))/dtk).")
        return 0
    }

    /// Generates and stores `count` histories in batches; returns how many and how long it took.
    public static func generate(into store: ComplaintStore, config: OfficeConfig, count: Int, seed: UInt64, now: Timestamp,
                                progressLabel: String, showProgress: Bool = Platform.isTerminal(2)) throws(CLIError) -> (Int, Double) {
        let started = Platform.monotonic()
        var generator = DemoGenerator(config: config, seed: seed, now: now)
        let progress = Progress(progressLabel, total: count, enabled: showProgress)
        var written = 0
        var batch: [[Event]] = []
        let batchSize = 20_000
        batch.reserveCapacity(batchSize)
        while written < count {
            batch.removeAll(keepingCapacity: true)
            for _ in 0..<min(batchSize, count - written) { batch.append(generator.nextHistory()) }
            do { written += try store.insertHistories(batch).count } catch { throw .store(error) }
            progress.update(written, unit: "/")
        }
        progress.finish(written)
        return (written, Platform.monotonic() - started)
    }
}
