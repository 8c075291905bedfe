import Glibc

// aduan-stress: crash-safety and concurrency stress runs for an Aduan store (see Help.swift).
// `writer` and `operator` are the hidden worker modes the two runs start as child processes.

/// Runs one mode; returns the exit status (0 pass, 1 a check failed, 2 usage or environment).
func main(_ args: [String]) -> Int32 {
    // A parent that went away must not kill a worker with SIGPIPE mid-report; the write fails instead.
    signal(SIGPIPE, SIG_IGN)
    do throws(StressError) {
        let allFlags = KillRun.flagNames.union(OperatorsRun.flagNames).union(["help"])
        var o = try Options(args, flagNames: allFlags)
        if o.flag("help") || o.mode == "help" {
            writeText(1, Help.text)
            return 0
        }
        guard o.mode != nil else { throw .usage("no mode given: expected kill, import-kill or operators") }
        switch o.mode {
        // A PostgreSQL location (`--store postgresql://…`) runs the same checks against that database.
        case "kill" where PGStage.isPostgres(o.peek("store")): return try PGKillRun(&o).run()
        case "operators" where PGStage.isPostgres(o.peek("store")): return try PGOperatorsRun(&o).run()
        case "pg-operator": return try PGOperatorMode.run(&o)
        case "kill": return try KillRun(&o).run()
        case "import-kill": return try ImportKillRun(&o).run()
        case "operators": return try OperatorsRun(&o).run()
        case "writer": return try WriterMode.run(&o)
        case "operator": return try OperatorMode.run(&o)
        default: throw .usage("unknown mode \"\(o.mode ?? "")\": expected kill, import-kill or operators")
        }
    } catch {
        writeLine(2, "aduan-stress: " + error.message + (error.isUsage ? "\n(see aduan-stress --help)" : ""))
        return 2
    }
}

extension StressError {
    var isUsage: Bool { if case .usage = self { true } else { false } }
}

exit(main(Array(CommandLine.arguments.dropFirst())))
