import AduanCore
import AduanStore
import AduanTUI
import Glibc

/// `aduan` without a command: the screen.
enum ScreenCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        // Refuse early, before touching any store, when there is no terminal to draw on.
        guard isatty(0) == 1, isatty(1) == 1 else { throw .environment(TerminalError.notATerminal.message(s.language)) }
        guard let term = Platform.env("TERM") else { throw .environment(TerminalError.noTerm.message(s.language)) }
        if term == "dumb" { throw .environment(TerminalError.cannotAddressCursor(term).message(s.language)) }
        let now = try s.now()
        if s.location.isPostgres { return try runOnPostgres(s, now: now) }
        if s.usesDemoStore && !Files.exists(s.storePath) {
            let store = try s.openStore(create: true)
            _ = try DemoCommand.generate(into: store, config: s.config, count: DemoCommand.defaultCount, seed: 1, now: now,
                                         progressLabel: s.strings.command(.creatingDemoStore), language: s.language)
        }
        let store = try s.openStore(create: true)
        _ = try? store.autoCloseDue(at: now, limit: 5_000)
        // Warnings and escalations that fell due since the last sweep, each once (EscalationSweep.swift).
        _ = try? store.recordEscalations(at: now, limit: 5_000, scan: 20_000)
        let frozen = Platform.env("ADUAN_NOW") != nil
        let clock: () -> Timestamp = { frozen ? now : ((try? Platform.now()) ?? now) }
        let context = DeskContext(store: store, config: s.config, me: s.operatorActor, language: s.language, clock: clock)
        context.anchorsPath = AnchorPaths.anchors(s)
        // What was printed at open is wiped by the screen; repeat it where the operator looks.
        if let notice = s.deadlinesNotice(store) { context.say(notice) }
        // Once, at open: deadlines started today would run into years without holidays.
        let unknownYears = s.config.deadlines.unknownHolidayYears(now: now, calendar: s.config.calendar)
        if !unknownYears.isEmpty { context.say(s.strings.holidayYearsUnknown(unknownYears), .dueSoon) }
        if let refusal = store.writeRefusal() { context.fail(s.describe(refusal)) }
        if store.isWritableByOthers { context.fail(s.writableWarning) }
        if let warning = s.clockWarning { context.fail(warning) }
        return try runDesk(s, context: context)
    }

    /// The screen on a PostgreSQL store (issue 14): connected as the operator's own role, so the
    /// database decides which reports and texts reach the screen; actions go through the store's
    /// writer (`aduan serve`), sweeps are the writer's, and drafts stay on this machine
    /// (`$XDG_DATA_HOME/aduan/drafts.db`, 0600: see `LocalDrafts`).
    static func runOnPostgres(_ s: Session, now: Timestamp) throws(CLIError) -> Int32 {
        guard let store = try s.openContract() as? PGOperatorStore else {
            throw .environment(PostgresText.message(.noStore(location: quoteInput(s.storePath)), s.language))
        }
        if Files.makeDirectories(Platform.dataDirectory) { store.draftsPath = Platform.dataDirectory + "/drafts.db" }
        let frozen = Platform.env("ADUAN_NOW") != nil
        let clock: () -> Timestamp = { frozen ? now : ((try? Platform.now()) ?? now) }
        let context = DeskContext(store: store, config: s.config, me: s.operatorActor, language: s.language, clock: clock)
        let unknownYears = s.config.deadlines.unknownHolidayYears(now: now, calendar: s.config.calendar)
        if !unknownYears.isEmpty { context.say(s.strings.holidayYearsUnknown(unknownYears), .dueSoon) }
        if let warning = s.clockWarning { context.fail(warning) }
        return try runDesk(s, context: context)
    }

    /// The desk on the terminal, the same for either store once its context is made.
    private static func runDesk(_ s: Session, context: DeskContext) throws(CLIError) -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: s.config.theme, noColor: Platform.noColor)
        } catch {
            throw .environment(error.message(s.language))
        }
        Desk(terminal: terminal, context: context, profilePath: Platform.env("ADUAN_PROFILE")).run()
        return 0
    }
}
