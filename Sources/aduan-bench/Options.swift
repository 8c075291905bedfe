import Glibc

/// What the benchmark was asked to do.
struct Options {
    var sizes = [10_000, 1_000_000]
    var work: String?
    var keys = 1000
    var runs = 10
    var actions = 100
    /// Seconds one kind of key may take at most; a slow kind stops early and says how many samples it got.
    var budget = 30.0
    var seed = 7
    var operatorID = "admin"
    var aduan: String?
    var sqlite3: String?
    /// `--postgresql LOCATION`: the store-level two-backend table instead of the screen table (PGBench).
    var postgresql: String?
    /// `--load-only` (with --postgresql): only make the PostgreSQL store and report the load's figures.
    var loadOnly = false
    /// `--load-old`: load the PostgreSQL store the session-6 way (to compare in one run).
    var loadOld = false
    /// `--load-threads N`: threads preparing the histories while COPY runs (default 1).
    var loadThreads = 1
    var regenerate = false
    var keep = false
    var quick = false
    var verbose = false
    var help = false

    static let usage = "aduan-bench [--sizes N,N] [--work DIR] [--keys N] [--runs N] [--actions N] [--budget S] [--quick] [--regenerate] [--keep] [--aduan PATH]"

    static let helpText = """
    Usage: \(usage)

    Measures the real `aduan` binary as a subprocess (the one next to this program, e.g.
    .build/release/aduan, or --aduan PATH) and prints one Markdown table to stdout, with each
    target and whether the largest size met it. Figures never make it fail: only a usage or
    environment problem (exit 2) or an `aduan` command that did not work (exit 1) do.

    For each size it: generates a demo store (aduan demo --seed), exports it to CSV and imports that
    into a fresh store; starts the screen under a pseudo-terminal (120x40) --runs times for the cold
    start; drives one screen session with --keys keys of each kind (move, page, End/Home, open/back,
    Deadlines/Dashboard, filter, selective and broad search) and reads the latencies the screen
    records in ADUAN_PROFILE, and its peak memory (VmHWM); adds --actions internal notes through the
    note dialog; times the same first-page and search SQL in the sqlite3 shell; times verify and report.

    Options:
      --sizes N,N       store sizes in complaints (default 10000,1000000; 1,000,000 needs about 8 GB
                        of disk while its CSV export and imported copy exist, 3.7 GB after)
      --work DIR        where stores go (default: a new folder under /tmp, deleted at the end unless
                        --keep). A demo-N.db made earlier there with the same seed is reused; the CSV
                        and the imported copy are deleted
      --keys N          keys of each kind in the screen session (default 1000)
      --runs N          cold starts to take the median and maximum of (default 10)
      --actions N       notes added through the screen's note dialog (default 100)
      --budget S        seconds one kind of key may take before it stops early (default 30)
      --seed S          demo seed (default 7)
      --as OPERATOR     the operator whose screen is measured (default admin, who sees the whole agency)
      --quick           a smoke run: sizes 10000 (unless --sizes), 100 keys, 3 runs, 20 notes, 5 s budget
      --regenerate      make the demo stores again even when --work has them
      --keep            keep the CSV export and the imported store
      --aduan PATH      the aduan binary to measure
      --postgresql LOC  instead of the screen table: the two-backend table at the store level. Each
                        size's demo store is copied through COPY into a PostgreSQL store at LOC (a
                        libpq URI, e.g. postgres:///bench?host=/run/postgresql; its role must be
                        able to create the schema and roles), then the same operator, as its own
                        database role, reads both: first page, pages, open, filter, search, notes
                        through `aduan serve`, a second connection hearing of a change, the psql
                        floor; each PostgreSQL figure with the SQLite one and the ratio. Then a
                        second table: the real screen (cold start, the keys, notes through the
                        note dialog) on SQLite and on PostgreSQL as the operator's role (notes
                        through `aduan serve`), key → frame, and the ratio
      --load-only       with --postgresql: only load the PostgreSQL store (always anew) and report
                        the load's rate and where its time went (reading, preparing, COPY per table)
      --load-old        load the PostgreSQL store the session-6 way (a transaction per 5,000, reading,
                        preparing and COPY in turn, indexes upkept row by row), to compare
      --load-threads N  threads preparing histories while COPY runs (default 1)
      --sqlite3 PATH    the sqlite3 shell for the query floor (default: sqlite3 on PATH; apt-get install sqlite3)
      -v, --verbose     after each screen session, list on stderr the keys sent and the samples per profile label
      -h, --help        this help

    Exit codes: 0 measured; 1 an aduan command failed (the table says which figure is missing);
    2 usage or environment problem (no aduan binary, unwritable --work, ...).

    Examples:
      swift build -c release && .build/release/aduan-bench --sizes 10000,1000000
      .build/release/aduan-bench --quick
      .build/release/aduan-bench --sizes 1000000 --work /var/tmp/aduan-bench --keep
      .build/release/aduan-bench --aduan /usr/local/bin/aduan --keys 2000 --runs 20 > table.md
    """

    /// Parses the command line; the error is a message for stderr.
    static func parse(_ args: [String]) -> Result<Options, BenchError> {
        var o = Options()
        var sizesGiven = false, keysGiven = false, runsGiven = false, actionsGiven = false, budgetGiven = false
        var i = 0
        func value(_ name: String, _ inline: String?) -> Result<String, BenchError> {
            if let inline { return .success(inline) }
            i += 1
            guard i < args.count else { return .failure(.usage("\(name) needs a value")) }
            return .success(args[i])
        }
        func positive(_ name: String, _ text: String, min: Int = 1) -> Result<Int, BenchError> {
            guard let n = Int(text.filter { $0 != "_" }), n >= min else { return .failure(.usage("\(name) \(text): expected a whole number ≥ \(min)")) }
            return .success(n)
        }
        while i < args.count {
            var name = args[i]
            var inline: String?
            if name.hasPrefix("--"), let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            do {
                switch name {
                case "-h", "--help": o.help = true
                case "--quick": o.quick = true
                case "--regenerate": o.regenerate = true
                case "--load-only": o.loadOnly = true
                case "--load-old": o.loadOld = true
                case "--load-threads": o.loadThreads = try positive(name, try value(name, inline).get()).get()
                case "--keep": o.keep = true
                case "--verbose", "-v": o.verbose = true
                case "--sizes":
                    let text = try value(name, inline).get()
                    var sizes: [Int] = []
                    for part in text.split(separator: ",") { sizes.append(try positive(name, String(part)).get()) }
                    guard !sizes.isEmpty else { throw BenchError.usage("--sizes needs at least one size") }
                    o.sizes = Array(Set(sizes)).sorted()
                    sizesGiven = true
                case "--work": o.work = try value(name, inline).get()
                case "--keys": o.keys = try positive(name, try value(name, inline).get()).get(); keysGiven = true
                case "--runs": o.runs = try positive(name, try value(name, inline).get()).get(); runsGiven = true
                case "--actions": o.actions = try positive(name, try value(name, inline).get(), min: 0).get(); actionsGiven = true
                case "--budget": o.budget = Double(try positive(name, try value(name, inline).get()).get()); budgetGiven = true
                case "--seed": o.seed = try positive(name, try value(name, inline).get(), min: 0).get()
                case "--as": o.operatorID = try value(name, inline).get()
                case "--aduan": o.aduan = try value(name, inline).get()
                case "--sqlite3": o.sqlite3 = try value(name, inline).get()
                case "--postgresql": o.postgresql = try value(name, inline).get()
                default:
                    throw BenchError.usage("unknown argument \(args[i])")
                }
            } catch let e as BenchError {
                return .failure(e)
            } catch {
                return .failure(.usage("\(error)"))
            }
            i += 1
        }
        if o.quick {
            if !sizesGiven { o.sizes = [10_000] }
            if !keysGiven { o.keys = 100 }
            if !runsGiven { o.runs = 3 }
            if !actionsGiven { o.actions = 20 }
            if !budgetGiven { o.budget = 5 }
        }
        return .success(o)
    }
}

/// Why the benchmark could not run: exit 2.
enum BenchError: Error {
    case usage(String)
    case environment(String)

    var message: String {
        switch self {
        case .usage(let m): m + "\nusage: " + Options.usage + "\n(aduan-bench --help for details)"
        case .environment(let m): m
        }
    }
}
