import AduanTestSupport
import Glibc
import Testing

/// Reduced runs of the stress program (`aduan-stress`, built by `swift build` before
/// `swift test`): a few dozen SIGKILLs of a writer and four operators for five seconds must find
/// nothing lost, nothing locked and a clean verify. RELIABILITY.md has the full-size runs.
@Suite struct StressRunTests {
    static let stress = AduanBinary.built("aduan-stress")

    /// The source folders aduan-stress does not link (their changes do not relink it).
    static let notLinked: Set<String> = ["aduan", "AduanCLI", "AduanTUI", "CNcursesw", "AduanWorkbook", "CXlsxWriter"]

    func requireBinaries(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = AduanBinary.problem(with: Self.stress, ignoring: Self.notLinked)
        try #require(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")", sourceLocation: sourceLocation)
    }

    /// Runs aduan-stress in a scratch folder (its store goes in `run/`, removed with the scratch).
    func stress(_ args: [String], _ scratch: Scratch) -> ProcessResult {
        AduanBinary.run(Self.stress, args + ["--dir", scratch.file("run")], env: [:], stdin: nil, scratch: scratch)
    }

    /// The number at the start of a figure line ("  kills                 30 SIGKILLs …" → 30).
    func figure(_ name: String, in output: String) -> Int? {
        for line in output.split(separator: "\n") where line.hasPrefix("  " + name + " ") {
            let rest = line.dropFirst(2 + name.count).drop { $0 == " " }
            return Int(String(rest.prefix { $0.isNumber || $0 == "," }.filter { $0 != "," }))
        }
        return nil
    }

    @Test func thirtyKillsLoseNoConfirmedActionAndLeaveAStoreThatVerifies() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-kill")
        // Every third round kills the real `aduan act`, so the command line's path is killed too.
        let r = stress(["kill", "--kills", "30", "--complaints", "40", "--max-delay-ms", "150", "--cli-every", "3",
                        "--aduan-verify-every", "10", "--seed", "20261123"], scratch)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress kill: PASS"), "\(r.stdout)")
        #expect(figure("kills", in: r.stdout) == 30, "\(r.stdout)")
        #expect(figure("failures", in: r.stdout) == 0, "\(r.stdout)")
        #expect((figure("actions confirmed", in: r.stdout) ?? 0) > 30, "the writers did hardly anything: \(r.stdout)")
        #expect(figure("actions checked", in: r.stdout) == figure("actions confirmed", in: r.stdout), "\(r.stdout)")
        #expect(figure("verify runs", in: r.stdout) == 30, "one verify after every kill: \(r.stdout)")
        #expect(r.stdout.contains("10 `aduan act`"), "every third kill hits the real binary: \(r.stdout)")
        #expect(r.stderr.isEmpty, "progress goes to a terminal only: \(r.stderr)")
    }

    @Test func fourOperatorsOnTwentyHotReportsConflictButNeverLockOrLoseAnUpdate() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-operators")
        let r = stress(["operators", "--processes", "4", "--seconds", "5", "--hot", "20", "--cli-processes", "1",
                        "--seed", "20261123"], scratch)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress operators: PASS"), "\(r.stdout)")
        #expect(figure("failures", in: r.stdout) == 0, "\(r.stdout)")
        #expect(figure("locked errors", in: r.stdout) == 0, "\(r.stdout)")
        #expect((figure("conflicts", in: r.stdout) ?? 0) > 0, "hot reports must produce conflicts: \(r.stdout)")
        #expect(r.stdout.contains("#1 cli: "), "one operator goes through `aduan act`: \(r.stdout)")
    }

    /// An import is all or nothing: `aduan import` killed at random moments (checking, writing,
    /// indexing, after it finished) leaves none or all of the file's rows, a store that verifies,
    /// a search index that finds exactly the stored rows, and importing again completes it. One
    /// round runs a second import alongside, which must wait and complete (or be refused in words).
    @Test func importKilledAtRandomMomentsLeavesNoneOrAllOfItsRows() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-import-kill")
        let started = monotonic()
        let r = stress(["import-kill", "--kills", "5", "--rows", "800", "--complaints", "20", "--twin-every", "5",
                        "--aduan-verify-every", "5", "--seed", "20261204"], scratch)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress import-kill: PASS"), "\(r.stdout)")
        #expect(figure("failures", in: r.stdout) == 0, "\(r.stdout)")
        #expect(figure("partial imports", in: r.stdout) == 0, "\(r.stdout)")
        #expect(figure("rounds", in: r.stdout) == 5, "\(r.stdout)")
        #expect(figure("completed again", in: r.stdout) == 5, "\(r.stdout)")
        #expect(figure("second imports", in: r.stdout) == 1, "\(r.stdout)")
        #expect((figure("kills", in: r.stdout) ?? 0) >= 2, "most rounds must kill the import: \(r.stdout)")
        #expect(r.stderr.isEmpty, "progress goes to a terminal only: \(r.stderr)")
        #expect(monotonic() - started < 30, "the reduced run must stay short")
    }

    /// The kill run's checks are not vacuous: a writer that reports an action before committing
    /// it is caught losing actions.
    @Test func aWriterThatReportsBeforeItsCommitIsCaught() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-fault")
        let r = stress(["kill", "--kills", "15", "--complaints", "20", "--max-delay-ms", "100", "--cli-every", "0",
                        "--aduan-verify-every", "0", "--fault", "report-before-commit", "--seed", "5"], scratch)
        #expect(r.status == 1, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasPrefix("aduan-stress kill: FAIL"), "\(r.stdout)")
        #expect(r.stdout.contains("confirmed action(s) lost") || r.stdout.contains("the log grew by"), "\(r.stdout)")
        #expect(r.stdout.contains("store kept in "), "a failed run keeps its store: \(r.stdout)")
    }

    /// An unknown option last on the line is called unknown (not "needs a value"); a known one
    /// without its value needs one; no mode at all is a usage error said on stderr.
    @Test func anUnknownOptionLastOnTheLineIsCalledUnknown() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-unknown")
        let bogus = AduanBinary.run(Self.stress, ["kill", "--bogus"], env: [:], stdin: nil, scratch: scratch)
        #expect(bogus.status == 2)
        #expect(bogus.stderr.hasPrefix("aduan-stress: unknown option --bogus"), "\(bogus.stderr)")
        let kills = AduanBinary.run(Self.stress, ["kill", "--kills"], env: [:], stdin: nil, scratch: scratch)
        #expect(kills.status == 2)
        #expect(kills.stderr.hasPrefix("aduan-stress: --kills needs a value"), "\(kills.stderr)")
        let none = AduanBinary.run(Self.stress, [], env: [:], stdin: nil, scratch: scratch)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("aduan-stress: "), "no mode: nothing on stderr (\(none.stdout.prefix(80)))")
    }

    @Test func usageErrorsExitTwoAndHelpExitsZero() throws {
        try requireBinaries()
        let scratch = Scratch("aduan-stress-usage")
        for args in [["kill", "--kills", "zero"], ["kill", "--kils", "3"], ["explode"], ["operators", "--processes", "2", "--cli-processes", "3"],
                     ["import-kill", "--rows", "0"], ["import-kill", "--twin", "3"]] {
            let r = AduanBinary.run(Self.stress, args, env: [:], stdin: nil, scratch: scratch)
            #expect(r.status == 2, "\(args): \(r.stdout) \(r.stderr)")
            #expect(r.stderr.hasPrefix("aduan-stress: "), "\(args): \(r.stderr)")
        }
        let help = AduanBinary.run(Self.stress, ["--help"], env: [:], stdin: nil, scratch: scratch)
        #expect(help.status == 0)
        #expect(help.stdout.contains("aduan-stress kill --kills 1000"))
        #expect(help.stdout.contains("aduan-stress operators --processes 4 --seconds 60"))
        #expect(help.stdout.contains("aduan-stress import-kill --kills 100 --rows 20000"))
    }
}
