import AduanCore
@testable import AduanStore
import Testing

/// The automatic close sweep, the overdue/due-soon groups, and the supervisor's figures.
@Suite struct StoreDeadlineTests {
    typealias F = StoreFixture

    /// Receives a report, verifies it to `unit` and runs further steps, each at its own time.
    @discardableResult
    static func report(_ store: ComplaintStore, _ title: String, received: Timestamp, agency: String = "pemkab",
                       unit: String? = "dinkes", _ steps: [(Actor, Command, Timestamp)] = []) throws -> Complaint {
        let admin = F.admin(agency)
        var c = try store.receive(F.intake(title, agency: agency), by: admin, at: received)
        if let unit {
            c = try store.apply(Command(.verify, ActionDetails(unit: unit)), to: c.id, expectedVersion: c.version, by: admin,
                                at: received.adding(seconds: 3_600))
        }
        for (actor, command, at) in steps {
            c = try store.apply(command, to: c.id, expectedVersion: c.version, by: actor, at: at)
        }
        return c
    }

    static let followUp = Command(.followUp, ActionDetails(text: "Sudah kami tindak lanjuti."))
    static let reply = Command(.reply, ActionDetails(text: "Belum selesai."))

    @Test func autoCloseClosesExactlyTheReportsWhosePeriodRanOutWithoutAReply() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let tl = F.liaison("dinkes"), admin = F.admin()
                        // Due (10 working days after the follow-up, no reply since):
            let a = try Self.report(store, "A: TL 1 Okt, tanpa balasan", received: F.day(2026, 9, 28, 9), [(tl, Self.followUp, F.day(2026, 10, 1, 10))])
            let f = try Self.report(store, "F: balasan lalu TL baru", received: F.day(2026, 9, 28, 9), [
                (tl, Self.followUp, F.day(2026, 9, 29, 10)), (.system, Self.reply, F.day(2026, 10, 1, 10)), (tl, Self.followUp, F.day(2026, 10, 2, 10))])
            let i = try Self.report(store, "I: catatan tidak menghentikan waktu", received: F.day(2026, 9, 28, 9), [
                (tl, Self.followUp, F.day(2026, 10, 1, 10)), (admin, Command(.note, ActionDetails(text: "Cek")), F.day(2026, 10, 20))])
            let j = try Self.report(store, "J: nilai bukan balasan", received: F.day(2026, 9, 28, 9), [
                (tl, Self.followUp, F.day(2026, 10, 1, 10)), (.system, Command(.rate, ActionDetails(rating: 2)), F.day(2026, 10, 2))])
            // Due too, but its 60-day resolution cap falls earlier, so that is its most urgent deadline.
            let capped = try Self.report(store, "D: batas 60 hari lebih dulu", received: F.day(2026, 8, 20, 9), [(tl, Self.followUp, F.day(2026, 10, 13, 10))])
            // Not due:
            let b = try Self.report(store, "B: pelapor membalas", received: F.day(2026, 9, 28, 9), [
                (tl, Self.followUp, F.day(2026, 10, 1, 10)), (.system, Self.reply, F.day(2026, 10, 5, 10))])
            let c = try Self.report(store, "C: TL baru", received: F.day(2026, 10, 26, 9), [(tl, Self.followUp, F.day(2026, 10, 30, 10))])
            let e = try Self.report(store, "E: belum ada TL", received: F.day(2026, 9, 28, 9))
            let g = try Self.report(store, "G: dibuka kembali", received: F.day(2026, 9, 28, 9), [
                (tl, Self.followUp, F.day(2026, 10, 1, 10)), (admin, Command(.close), F.day(2026, 10, 2)),
                (tl, Command(.reopen, ActionDetails(reason: "Keberatan")), F.day(2026, 10, 5))])
            let h = try Self.report(store, "H: tunda", received: F.day(2026, 9, 28, 9), unit: nil, [
                (admin, Command(.postpone, ActionDetails(reason: "Menunggu")), F.day(2026, 9, 29))])

            // The core's own view of which are due, as a cross-check of the fixture.
            let due = [a, f, i, j, capped]
            for r in due + [b, c, e, g, h] {
                let decided = Workflow.decide(Command(.autoClose), on: r, by: .system, at: F.now, context: F.context)
                if case .success = decided { #expect(due.contains(r), "#\(r.id) \(r.title) is due for the core") } else {
                    #expect(!due.contains(r), "#\(r.id) \(r.title) is not due for the core")
                }
            }
            let before = try F.allComplaints(store)
            let closed = try store.autoCloseDue(at: F.now)
            #expect(closed == due.count, "closed \(closed) of \(due.count)")
            for r in before {
                let now = try #require(try store.complaint(r.id))
                if due.contains(where: { $0.id == r.id }) {
                    #expect(now.status == .selesai, "#\(r.id) \(r.title) should be closed automatically")
                    let last = try store.events(of: r.id).last
                    #expect(last?.kind == .autoClose && last?.actor == .system && last?.at == F.now && last?.version == r.version + 1,
                            "#\(r.id) \(r.title): last event \(String(describing: last?.kind)) by \(String(describing: last?.actor.id))")
                } else {
                    #expect(now == r, "#\(r.id) \(r.title) must be left alone")
                }
            }
            #expect(try store.autoCloseDue(at: F.now) == 0, "a second sweep finds nothing")
            #expect(try store.verify().isClean)
        }
    }

    @Test func autoCloseBoundaryAndLimit() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let tl = F.liaison("dinkes")
            let r1 = try Self.report(store, "satu", received: F.day(2026, 9, 28), [(tl, Self.followUp, F.day(2026, 10, 1, 10))])
            try Self.report(store, "dua", received: F.day(2026, 9, 28), [(tl, Self.followUp, F.day(2026, 10, 1, 11))])
            let dueAt = try #require(F.context.deadlines.running(for: r1, calendar: F.context.calendar))
            #expect(dueAt.kind == .autoClose)
            #expect(dueAt.dueAt == F.zone.endOfDay(LocalDate(year: 2026, month: 10, day: 15)), "10 working days after 1 October")
            #expect(try store.autoCloseDue(at: dueAt.dueAt) == 0, "not at the due second itself")
            #expect(try store.autoCloseDue(at: dueAt.dueAt.adding(seconds: 1), limit: 1) == 1, "limit respected")
            #expect(try store.autoCloseDue(at: dueAt.dueAt.adding(seconds: 1)) == 1)
            #expect(try store.statusCounts(.everything)[.selesai] == 2)
        }
    }

    // MARK: deadline groups

    struct Expected {
        /// "holder overdue/dueSoon oldest" per group, in list order.
        var groups: [String]
        var rows: [Holder: [Int64]]
    }

    static func text(_ g: DeadlineGroup) -> String { "\(g.holder) \(g.overdue)/\(g.dueSoon) \(g.oldestDue.seconds)" }

    static func expectedGroups(_ all: [Complaint], scope: InboxScope, ctx: FilterContext) -> Expected {
        var byHolder: [Holder: [(Int64, Timestamp)]] = [:]
        for c in all {
            // Deadlines are the holder's business: a CC'd unit does not own them.
            switch scope {
            case .everything: break
            case .agency(let a): if c.holder.agency != a { continue }
            case .unit(let a, let u, _): if c.holder.agency != a || c.holder.unit != u { continue }
            case .subtree(let a, let u, let below, _): if c.holder.agency != a || !([u] + below).contains(c.holder.unit ?? "") { continue }
            }
            guard let d = ctx.deadlines.running(for: c, calendar: ctx.calendar), d.dueAt <= ctx.dueSoonCutoff,
                  d.dueAt < ctx.now || d.kind.isOperatorWork else { continue }
            let due = d.dueAt
            byHolder[c.holder, default: []].append((c.id, due))
        }
        var groups: [(holder: Holder, overdue: Int, dueSoon: Int, oldest: Timestamp)] = []
        var rows: [Holder: [Int64]] = [:]
        for (holder, items) in byHolder {
            let sorted = items.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            rows[holder] = sorted.map(\.0)
            let overdue = items.filter { $0.1 < ctx.now }.count
            groups.append((holder, overdue, items.count - overdue, sorted[0].1))
        }
        groups.sort { (-$0.overdue, $0.oldest, $0.holder.description) < (-$1.overdue, $1.oldest, $1.holder.description) }
        return Expected(groups: groups.map { "\($0.holder) \($0.overdue)/\($0.dueSoon) \($0.oldest.seconds)" }, rows: rows)
    }

    @Test func deadlineGroupsAndRowsListOverdueAndDueSoonPerHolderLongestOverdueFirst() throws {
        let store = try SharedDataset.open()
        let all = try StoreDataset.load(store)
        let ctx = store.filterContext(now: F.now)
        for scope: InboxScope in [.everything, .agency("pemkab"), .agency("prov"), .unit("pemkab", "dinkes", includingCopies: true)] {
            let expected = Self.expectedGroups(all, scope: scope, ctx: ctx)
            let groups = try store.deadlineGroups(scope, now: F.now)
            #expect(groups.map(Self.text) == expected.groups, "\(scope)")
            if scope == .everything {
                #expect(groups.count >= 4, "the data set has overdue work at several holders")
                #expect(groups.contains { $0.dueSoon > 0 }, "and some due soon")
            }
            for group in groups {
                var ids: [Int64] = []
                var cursor: PageCursor?
                for _ in 0..<100 {
                    let page = try store.deadlineRows(group.holder, content: .everything, after: cursor, limit: 7, now: F.now)
                    if page.isEmpty { break }
                    #expect(page.allSatisfy { $0.holder == group.holder && $0.dueAt != nil })
                    ids += page.map(\.id)
                    cursor = page.last!.cursor
                }
                #expect(ids == expected.rows[group.holder], "rows of \(group.holder)")
                #expect(ids.count == group.overdue + group.dueSoon)
            }
        }
    }

    // MARK: figures

    /// The figures in comparable form: each as text or numbers.
    struct Figures {
        var cells: Set<String>
        var total: Int
        var selesai: Int
        var overdue: [String]
        var median: Double?
        var sample: Int
        var weeks: [String]
        var forwardsOut: Int
        var forwardsIn: Int
        var tundaOld: Int
        var tundaOldIDs: Set<Int64>
        var undecided: Int
        var undecidedIDs: [Int64]

        init(_ f: SupervisorFigures) {
            cells = Set(f.byHolderAndStatus.map { "\($0.holder) \($0.status.rawValue)=\($0.count)" })
            total = f.total
            selesai = f.selesai
            overdue = f.overdueByHolder.map { "\($0.holder)=\($0.count)" }
            median = f.medianFirstFollowUpWorkingDays
            sample = f.firstFollowUpSample
            weeks = f.receivedPerWeek.map { "\($0.weekStart)=\($0.count)" }
            forwardsOut = f.forwardsOut
            forwardsIn = f.forwardsIn
            tundaOld = f.tundaOld
            tundaOldIDs = Set(f.tundaOldIDs)
            undecided = f.privacyUndecided
            undecidedIDs = f.privacyUndecidedIDs
        }

        init(cells: Set<String>, total: Int, selesai: Int, overdue: [String], median: Double?, sample: Int, weeks: [String],
             forwardsOut: Int, forwardsIn: Int, tundaOld: Int, tundaOldIDs: Set<Int64>, undecided: Int, undecidedIDs: [Int64]) {
            self.cells = cells
            self.total = total
            self.selesai = selesai
            self.overdue = overdue
            self.median = median
            self.sample = sample
            self.weeks = weeks
            self.forwardsOut = forwardsOut
            self.forwardsIn = forwardsIn
            self.tundaOld = tundaOld
            self.tundaOldIDs = tundaOldIDs
            self.undecided = undecided
            self.undecidedIDs = undecidedIDs
        }
    }

    /// The figures recounted from the reports and their events, as docs/DOMAIN.md defines them.
    static func recount(_ all: [Complaint], events: [Event], scope: InboxScope, ctx: FilterContext,
                        tundaAlertDays: Int) -> Figures {
        let zone = F.zone
        func held(_ c: Complaint) -> Bool {
            switch scope {
            case .everything: true
            case .agency(let a): c.holder.agency == a
            case .unit(let a, let u, _): c.holder.agency == a && c.holder.unit == u
            case .subtree(let a, let u, let below, _): c.holder.agency == a && ([u] + below).contains(c.holder.unit ?? "")
            }
        }
        let inScope = all.filter(held)
        var cells: [Holder: [Status: Int]] = [:]
        for c in inScope { cells[c.holder, default: [:]][c.status, default: 0] += 1 }
        let cellList = Set(cells.flatMap { h, s in s.map { "\(h) \($0.key.rawValue)=\($0.value)" } })

        var overdue: [Holder: Int] = [:]
        for c in inScope {
            if let due = ctx.deadlines.running(for: c, calendar: ctx.calendar)?.dueAt, due < ctx.now { overdue[c.holder, default: 0] += 1 }
        }
        let overdueList = overdue.map { (holder: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.holder.description) > ($1.count, $0.holder.description) }
            .map { "\($0.holder)=\($0.count)" }

        // The median covers the same 12 Monday-based weeks as the weekly chart.
        let today = zone.dayNumber(of: ctx.now)
        let since = zone.startOfDay(dayNumber: today - (LocalDate(dayNumber: today).weekday.rawValue - 1) - 77)
        var samples: [Int] = []
        for c in all where scope.holdsNow(c) && c.receivedAt >= since {
            if let disposed = c.firstDispositionAt, let first = c.firstFollowUpAt {
                samples.append(ctx.calendar.workingDays(after: zone.dayNumber(of: disposed), through: zone.dayNumber(of: first)))
            }
        }
        samples.sort()
        let median: Double? = samples.isEmpty ? nil
            : samples.count % 2 == 1 ? Double(samples[samples.count / 2]) : Double(samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2

        let monday = today - (LocalDate(dayNumber: today).weekday.rawValue - 1) - 77
        var weeks = (0..<12).map { (weekStart: LocalDate(dayNumber: monday + $0 * 7), count: 0) }
        for c in all where scope.holdsNow(c) {
            let w = zone.dayNumber(of: c.receivedAt) - monday
            if w >= 0 && w < 84 { weeks[w / 7].count += 1 }
        }

        let forwards = events.filter { $0.kind == .forward }
        let agency: String? = switch scope {
        case .everything: nil
        case .agency(let a): a
        case .unit(let a, _, _), .subtree(let a, _, _, _): a
        }
        let out = agency.map { a in forwards.filter { $0.actor.agency == a }.count } ?? forwards.count
        let into = agency.map { a in forwards.filter { $0.details.agency == a }.count } ?? forwards.count

        // "In Tunda longer than N days": since it was postponed, whatever notes came later.
        let limit = ctx.now.adding(days: -tundaAlertDays)
        let tunda = all.filter { scope.holdsNow($0) && $0.status == .tunda && ($0.pausedAt ?? $0.updatedAt) < limit }
            .sorted { ($0.pausedAt ?? $0.updatedAt, $0.id) < ($1.pausedAt ?? $1.updatedAt, $1.id) }
        let undecided = all.filter { scope.holdsNow($0) && !$0.privacyDecided && !$0.status.isFinished }.map(\.id).sorted()

        return Figures(cells: cellList, total: inScope.count, selesai: inScope.filter { $0.status == .selesai }.count,
                       overdue: overdueList, median: median, sample: samples.count, weeks: weeks.map { "\($0.weekStart)=\($0.count)" },
                       forwardsOut: out, forwardsIn: into, tundaOld: tunda.count, tundaOldIDs: Set(tunda.prefix(10).map(\.id)),
                       undecided: undecided.count, undecidedIDs: Array(undecided.prefix(10)))
    }

    /// Field by field, so a failure names the figure that is off.
    static func compare(_ figures: SupervisorFigures, _ want: Figures, _ label: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let got = Figures(figures)
        #expect(got.cells == want.cells, "\(label): holder × status", sourceLocation: sourceLocation)
        #expect(got.total == want.total && got.selesai == want.selesai,
                "\(label): total \(got.total)/\(want.total), selesai \(got.selesai)/\(want.selesai)", sourceLocation: sourceLocation)
        #expect(got.overdue == want.overdue, "\(label): overdue per holder", sourceLocation: sourceLocation)
        #expect(got.median == want.median && got.sample == want.sample,
                "\(label): median \(String(describing: got.median)) of \(got.sample), expected \(String(describing: want.median)) of \(want.sample)",
                sourceLocation: sourceLocation)
        #expect(got.weeks == want.weeks, "\(label): weekly intake", sourceLocation: sourceLocation)
        #expect(got.forwardsOut == want.forwardsOut && got.forwardsIn == want.forwardsIn,
                "\(label): forwards out \(got.forwardsOut)/\(want.forwardsOut), in \(got.forwardsIn)/\(want.forwardsIn)", sourceLocation: sourceLocation)
        #expect(got.tundaOld == want.tundaOld && got.tundaOldIDs == want.tundaOldIDs,
                "\(label): old Tunda \(got.tundaOld) \(got.tundaOldIDs.sorted()), expected \(want.tundaOld) \(want.tundaOldIDs.sorted())",
                sourceLocation: sourceLocation)
        #expect(got.undecided == want.undecided && got.undecidedIDs == want.undecidedIDs,
                "\(label): privacy undecided \(got.undecided)/\(want.undecided)", sourceLocation: sourceLocation)
    }

    @Test func dueSoonLeavesOutAutoCloseAndUnitsStandByTheirOverdueCount() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let tl = F.liaison("dinkes")
            // Now is Wed 4 Nov 2026 10:00; due soon runs to the end of Thu 5 Nov.
            // Dinkes: an auto-close due Thu 5 Nov (the system's work) and a first follow-up due then (an operator's).
            let auto = try Self.report(store, "Menunggu pelapor", received: F.day(2026, 10, 20), [(tl, Self.followUp, F.day(2026, 10, 22, 10))])
            let soon = try Self.report(store, "TL pertama segera", received: F.day(2026, 10, 29))
            // PUPR: two overdue since Mon 2 Nov. The agency: one overdue since Fri 23 Oct, the oldest.
            try Self.report(store, "PUPR 1", received: F.day(2026, 10, 26), unit: "pupr")
            try Self.report(store, "PUPR 2", received: F.day(2026, 10, 26), unit: "pupr")
            try Self.report(store, "Belum diverifikasi", received: F.day(2026, 10, 20), unit: nil)
            #expect(F.context.deadlines.running(for: auto, calendar: F.context.calendar)?.kind == .autoClose)
            #expect(F.context.deadlines.running(for: auto, calendar: F.context.calendar)?.dueAt == F.zone.endOfDay(LocalDate(year: 2026, month: 11, day: 5)))

            let groups = try store.deadlineGroups(.everything, now: F.now)
            #expect(groups.map { "\($0.holder) \($0.overdue)/\($0.dueSoon)" } == ["pemkab/pupr 2/0", "pemkab 1/0", "pemkab/dinkes 0/1"])
            #expect(try store.deadlineRows(Holder(agency: "pemkab", unit: "dinkes"), content: .everything, after: nil, limit: 10, now: F.now).map(\.id) == [soon.id])
            let dueSoon = try FilterParser.parse("is:due-soon", vocabulary: FilterVocabulary(directory: F.directory)).get()
            #expect(try store.count(InboxQuery(scope: .everything, filter: dueSoon), now: F.now) == 1)
        }
    }

    @Test func figuresEqualARecountOfTheDataSet() throws {
        let store = try SharedDataset.open()
        let all = try StoreDataset.load(store)
        let events = try all.flatMap { try store.events(of: $0.id) }
        let ctx = store.filterContext(now: F.now)
        for scope: InboxScope in [.everything, .agency("pemkab"), .agency("prov"), .agency("kota")] {
            let got = try store.figures(scope, now: F.now)
            Self.compare(got, Self.recount(all, events: events, scope: scope, ctx: ctx, tundaAlertDays: F.context.policy.tundaAlertDays), "\(scope)")
        }
    }

    @Test func figuresOnAHandMadeOffice() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/aduan.db")
            let tl = F.liaison("dinkes"), admin = F.admin()
            // Working days from first disposition to first follow-up: 1, 3, 4, 4 (re-disposed), 8.
            try Self.report(store, "R1", received: F.day(2026, 10, 5), [(tl, Self.followUp, F.day(2026, 10, 6, 10)), (admin, Command(.close), F.day(2026, 10, 7))])
            try Self.report(store, "R2", received: F.day(2026, 10, 12), [(tl, Self.followUp, F.day(2026, 10, 15, 10))])
            try Self.report(store, "R3", received: F.day(2026, 10, 19), [(tl, Self.followUp, F.day(2026, 10, 23, 10))])
            try Self.report(store, "R4", received: F.day(2026, 10, 5), [
                (admin, Command(.redispose, ActionDetails(unit: "pupr", reason: "PUPR")), F.day(2026, 10, 8)),
                (F.liaison("pupr"), Self.followUp, F.day(2026, 10, 9, 10))])
            try Self.report(store, "R5", received: F.day(2026, 9, 7), [(tl, Self.followUp, F.day(2026, 9, 17, 10))])
            // Outside the sample: received more than 12 weeks ago, another agency, no follow-up yet.
            try Self.report(store, "lama", received: F.day(2026, 7, 1), [(tl, Self.followUp, F.day(2026, 7, 2, 10))])
            try Self.report(store, "provinsi", received: F.day(2026, 10, 5), agency: "prov", unit: "prov-pu", [
                (F.liaison("prov-pu"), Self.followUp, F.day(2026, 10, 30, 10))])
            try Self.report(store, "belum TL", received: F.day(2026, 10, 26))
            // Tunda: one postponed long ago with a recent note, one long ago, one recent.
            try Self.report(store, "tunda lama + catatan", received: F.day(2026, 9, 1), unit: nil, [
                (admin, Command(.postpone, ActionDetails(reason: "Menunggu foto")), F.day(2026, 9, 2)),
                (admin, Command(.note, ActionDetails(text: "Ditelepon lagi")), F.day(2026, 11, 3))])
            try Self.report(store, "tunda lama", received: F.day(2026, 9, 1), unit: nil, [(admin, Command(.postpone, ActionDetails(reason: "Menunggu")), F.day(2026, 9, 3))])
            try Self.report(store, "tunda baru", received: F.day(2026, 10, 28), unit: nil, [(admin, Command(.postpone, ActionDetails(reason: "Menunggu")), F.day(2026, 10, 29))])
            // Privacy decided on one, an archived one (finished: not counted as undecided).
            try Self.report(store, "diputuskan", received: F.day(2026, 10, 27), unit: nil, [
                (admin, Command(.classify, ActionDetails(changes: ClassificationChange(anonymous: true))), F.day(2026, 10, 27, 11))])
            try Self.report(store, "spam", received: F.day(2026, 10, 27), unit: nil, [(admin, Command(.archive, ActionDetails(archiveReason: .spam)), F.day(2026, 10, 27, 11))])
            // Forwards: one out of pemkab, one into it.
            try Self.report(store, "keluar", received: F.day(2026, 10, 27), unit: nil, [
                (admin, Command(.forward, ActionDetails(agency: "prov", reason: "Jalan provinsi", changes: ClassificationChange(anonymous: false, confidential: false))), F.day(2026, 10, 27, 12))])
            try Self.report(store, "masuk", received: F.day(2026, 10, 27), agency: "prov", unit: nil, [
                (F.admin("prov"), Command(.forward, ActionDetails(agency: "pemkab", reason: "Jalan kabupaten", changes: ClassificationChange(anonymous: false, confidential: false))), F.day(2026, 10, 27, 12))])

            let got = try store.figures(.agency("pemkab"), now: F.now)
            #expect(got.medianFirstFollowUpWorkingDays == 4.0, "median of 1, 3, 4, 4, 8")
            #expect(got.firstFollowUpSample == 5)
            #expect(got.forwardsOut == 1 && got.forwardsIn == 1)
            #expect(got.selesai == 1)
            #expect(got.tundaOld == 2, "postponed on 2 and 3 September: both in Tunda for two months (a later note does not end the Tunda)")
            #expect(got.receivedPerWeek.count == 12)
            #expect(got.receivedPerWeek.first?.weekStart == LocalDate(year: 2026, month: 8, day: 17))
            #expect(got.receivedPerWeek.last?.weekStart == LocalDate(year: 2026, month: 11, day: 2))
            #expect(got.receivedPerWeek.first { $0.weekStart == LocalDate(year: 2026, month: 10, day: 5) }?.count == 2, "R1 and R4")
            #expect(got.receivedPerWeek.first { $0.weekStart == LocalDate(year: 2026, month: 10, day: 26) }?.count == 5)

            let all = try F.allComplaints(store)
            let events = try all.flatMap { try store.events(of: $0.id) }
            let ctx = store.filterContext(now: F.now)
            for scope: InboxScope in [.agency("pemkab"), .everything, .agency("prov")] {
                Self.compare(try store.figures(scope, now: F.now),
                             Self.recount(all, events: events, scope: scope, ctx: ctx, tundaAlertDays: F.context.policy.tundaAlertDays), "\(scope)")
            }
        }
    }
}

/// Changing the calendar or the deadline rules moves the stored deadlines at the next open, once
/// (issue 10, item 11).
@Suite struct StoreDeadlineSettingsTests {
    typealias F = StoreFixture
    typealias D = StoreDeadlineTests

    /// Stricter verification, looser first follow-up, a shorter auto-close, and a regional holiday
    /// on Thursday 29 October 2026.
    static let changed: WorkflowContext = {
        var deadlines = DeadlinePolicy.standard
        deadlines.verification.days = 1
        deadlines.firstFollowUp.days = 10
        deadlines.autoClose.days = 3
        let calendar = WorkingCalendar(holidays: BuiltInHolidays.all + [
            Holiday(date: LocalDate(year: 2026, month: 10, day: 29), kind: .regional, name: "Hari Jadi")])
        return WorkflowContext(directory: F.directory, calendar: calendar, deadlines: deadlines)
    }()

    static func build(_ path: String) throws {
        let store = try F.open(path)
        let tl = F.liaison("dinkes"), admin = F.admin()
        try D.report(store, "BT: belum diverifikasi", received: F.day(2026, 11, 3), unit: nil)
        try D.report(store, "BD: menunggu tindak lanjut", received: F.day(2026, 10, 26))
        try D.report(store, "Proses: menunggu pelapor", received: F.day(2026, 10, 26), [(tl, D.followUp, F.day(2026, 10, 27, 10))])
        try D.report(store, "Selesai: angka hari kerja", received: F.day(2026, 10, 26), [
            (tl, D.followUp, F.day(2026, 10, 30, 10)), (admin, Command(.close), F.day(2026, 10, 30, 11))])
        try D.report(store, "Tunda", received: F.day(2026, 11, 2), unit: nil, [
            (admin, Command(.postpone, ActionDetails(reason: "Menunggu")), F.day(2026, 11, 2, 10))])
        #expect(try store.verify().isClean)
    }

    /// The PostgreSQL agreement tests' SQLite side: `build`'s store at `path`, swept a fortnight
    /// later (every open report past its levels); `recorded` is how many levels the sweep wrote.
    static func sweptAFortnightLater(_ path: String) throws -> (store: ComplaintStore, later: Timestamp, recorded: Int) {
        try build(path)
        let store = try F.open(path, create: false)
        let later = F.now.adding(days: 14)
        return (store, later, try store.recordEscalations(at: later))
    }

    /// The stored deadline of every report is the core's under `context`, and the lists built on
    /// the stored columns agree with the core.
    static func expectStoredDeadlinesFollow(_ store: ComplaintStore, _ context: WorkflowContext,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = try F.allComplaints(store)
        let rows = try store.page(InboxQuery(scope: .everything), limit: 100, now: F.now)
        #expect(rows.count == all.count, sourceLocation: sourceLocation)
        for c in all {
            let row = try #require(rows.first { $0.id == c.id }, sourceLocation: sourceLocation)
            let due = context.deadlines.running(for: c, calendar: context.calendar)
            #expect(row.dueAt == due?.dueAt && row.dueKind == due?.kind, "#\(c.id) \(c.title): stored \(String(describing: row.dueAt))",
                    sourceLocation: sourceLocation)
        }
        let ctx = store.filterContext(now: F.now)
        let expected = D.expectedGroups(all, scope: .everything, ctx: ctx)
        #expect(try store.deadlineGroups(.everything, now: F.now).map(D.text) == expected.groups, sourceLocation: sourceLocation)
        let events = try all.flatMap { try store.events(of: $0.id) }
        D.compare(try store.figures(.everything, now: F.now),
                  D.recount(all, events: events, scope: .everything, ctx: ctx, tundaAlertDays: context.policy.tundaAlertDays), "figures")
    }

    @Test func changedSettingsRecomputeStoredDeadlinesOnceAtOpenAndVerifyStaysClean() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            try Self.build(path)
            #expect(F.context.calendar.fingerprint != Self.changed.calendar.fingerprint)

            let store = try ComplaintStore.open(path: path, context: Self.changed)
            let done = try #require(store.deadlinesRecomputed, "the settings changed: the open recomputes")
            #expect(done.open == 3, "Belum Terverifikasi, Belum Ditindaklanjuti and Proses run timers")
            #expect(done.changed == 4, "three deadlines and one working-day figure moved")
            #expect(try !store.deadlinesAreStale())
            try Self.expectStoredDeadlinesFollow(store, Self.changed)
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            // The sweep follows the new auto-close period (3 working days, not 10).
            #expect(try store.autoCloseDue(at: F.now) == 1)

            // Once: the next open under the same settings does nothing.
            #expect(try ComplaintStore.open(path: path, context: Self.changed).deadlinesRecomputed == nil)
            // Back to the old settings: recomputed again, clean again.
            let back = try F.open(path, create: false)
            #expect(back.deadlinesRecomputed != nil)
            try Self.expectStoredDeadlinesFollow(back, F.context)
            let backReport = try back.verify()
            #expect(backReport.isClean, "\(backReport.problems)")
        }
    }

    @Test func deadlinesStoredUnderTheOldSaturdayRuleAreRecomputedAtOpenAndVerifyStaysClean() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            do {
                let store = try F.open(path)
                // Disposed Sat 31 Oct 2026: Mon 2 Nov is day 1 of 5, due Fri 6 Nov.
                try D.report(store, "Disposisi hari Sabtu", received: F.day(2026, 10, 31, 8))
                // As a store written before issue 11 holds it: Mon 9 Nov (the Saturday moved to
                // Monday first) under the fingerprint of that time.
                let old = F.zone.endOfDay(dayNumber: LocalDate(year: 2026, month: 11, day: 9).dayNumber).seconds
                try store.db.run("UPDATE complaints SET due_at = ?, due_key = ?", [.int(old), .int(old)])
                let legacy = Self.legacyCalendarFingerprint(F.context.calendar) + "/" + F.context.deadlines.fingerprint
                try store.db.run("UPDATE meta SET value = ? WHERE key = 'deadline_fingerprint'", [.text(legacy)])
            }
            let store = try F.open(path, create: false)
            #expect(store.deadlinesRecomputed != nil, "deadlines made under the old rule are recomputed at open")
            let row = try #require(try store.page(InboxQuery(scope: .everything), limit: 10, now: F.now).first)
            #expect(row.dueAt?.iso8601(in: .wib) == "2026-11-06T23:59:59+07:00")
            try Self.expectStoredDeadlinesFollow(store, F.context)
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
        }
    }

    /// The calendar fingerprint stores recorded before issue 11 (zone, work week, holidays only).
    static func legacyCalendarFingerprint(_ cal: WorkingCalendar) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: Int) {
            var x = UInt64(bitPattern: Int64(v))
            for _ in 0..<8 {
                hash ^= x & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
                x >>= 8
            }
        }
        mix(cal.zone.offsetSeconds)
        mix(cal.workWeek.reduce(0) { $0 | (1 << $1.rawValue) })
        for day in cal.holidays.keys.sorted() { mix(day) }
        return String(hash, radix: 16)
    }

    @Test func anEarlyAutoCloseRecordedAfterTheSettingsChangedIsStillBlamed() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            try Self.build(path)
            let store = try F.open(path, create: false)
            // The settings change (and back): events so far were decided under other rules.
            _ = try ComplaintStore.open(path: path, context: Self.changed)
            let reopened = try F.open(path, create: false)
            #expect(reopened.deadlinesRecomputed != nil)
            // A history whose auto-close came a day after the follow-up, not ten working days: forged.
            var h = F.History()
            let received = F.day(2026, 10, 5)
            h.must(F.admin(), Command(.receive, ActionDetails(intake: F.intake("Tutup terlalu cepat"))), at: received)
            h.must(F.admin(), Command(.verify, ActionDetails(unit: "dinkes")), at: received.adding(seconds: 3_600))
            h.must(F.liaison("dinkes"), D.followUp, at: F.day(2026, 10, 6, 10))
            h.must(.system, Command(.autoClose), at: F.day(2026, 10, 30))
            var forged = h.events
            forged[forged.count - 1].at = F.day(2026, 10, 7)
            let ids = try store.insertUncheckedHistories([forged])
            let report = try reopened.verify()
            #expect(report.problems.contains { $0.kind == .history && $0.complaintID == ids.first }, "\(report.problems)")
        }
    }

    @Test func aReadOnlyStoreWithOtherSettingsVerifiesWithANoteInsteadOfBlame() throws {
        try withTempDir { dir in
            let path = dir + "/aduan.db"
            try Self.build(path)
            let store = try ComplaintStore.open(path: path, context: Self.changed, readOnly: true)
            #expect(store.deadlinesRecomputed == nil, "a read-only store is not written")
            #expect(try store.deadlinesAreStale())
            let report = try store.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.notes.contains { $0.contains("deadlines not compared") }, "\(report.notes)")
        }
    }
}
