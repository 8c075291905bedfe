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
bench.run()
print(bench.table.markdown(), terminator: "")
// A temporary work folder goes away with its stores; a named one keeps the demo stores for the next run.
if options.work == nil && !options.keep {
    FileSystem.removeTree(environment.work)
} else {
    FileSystem.removeTree(environment.home)
}
exit(bench.failed ? 1 : 0)
