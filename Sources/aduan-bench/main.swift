// aduan-bench: measures the real `aduan` binary and prints one Markdown table (see --help).
import Glibc

func exitWith(_ error: BenchError) -> Never {
    Log.clearProgress()
    Log.writeErr("aduan-bench: " + error.message + "\n")
    exit(2)
}

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let o): options = o
case .failure(let e): exitWith(e)
}
if options.help {
    print(Options.helpText)
    exit(0)
}
let environment: BenchEnvironment
switch BenchEnvironment.prepare(options) {
case .success(let e): environment = e
case .failure(let e): exitWith(e)
}
guard let operators = Operators.load() else { exitWith(.environment("the built-in configuration did not parse")) }
guard let me = operators.actor(options.operatorID) else {
    exitWith(.usage("--as \(options.operatorID): no such operator (known: \(operators.config.operators.map(\.id).joined(separator: ", ")))"))
}

let bench = Bench(options: options, env: environment, operators: operators, me: me)
var failed = false
if let location = options.postgresql {
    guard let pg = PGBench(options: options, env: environment, operators: operators, me: me, conninfo: location) else {
        exitWith(.environment("the benchmark's PostgreSQL office did not parse"))
    }
    pg.run(screen: bench)
    print(pg.table.markdown())
    print(pg.screen.markdown(), terminator: "")
    failed = pg.failed || bench.failed
} else {
    bench.run()
    print(bench.table.markdown(), terminator: "")
    failed = bench.failed
}
// A temporary work folder goes away with its stores; a named one keeps the demo stores for the next run.
if options.work == nil && !options.keep {
    FileSystem.removeTree(environment.work)
} else {
    FileSystem.removeTree(environment.home)
}
exit(failed ? 1 : 0)
