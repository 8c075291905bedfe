@testable import AduanCLI
import AduanCore
import Testing

/// The demo data: deterministic, replayable, LAPOR!'s status mix, and realistic enough to demo
/// every screen (overdue work, privacy decisions, forwards, every channel).
@Suite struct DemoGeneratorTests {
    static let config: OfficeConfig = try! OfficeConfig.parse(BuiltInConfig.json, file: "BuiltInConfig.json").get()
    /// A Wednesday afternoon in WIB.
    static let now = try! Timestamp.parseISO8601("2026-03-18T14:30:00+07:00").get()

    /// 20,000 histories from seed 7, made once and shared by the statistical tests.
    static let sample: [[Event]] = histories(20_000, seed: 7)
    static let states: [Complaint] = sample.map { Workflow.fold($0)! }

    /// Tracking numbers never repeat, even on a day far busier than a million-report store has
    /// (the 1M store once held 3,327 repeats, which import then skipped as already present).
    @Test func trackingNumbersOfABusyDayAreUnique() {
        var generator = DemoGenerator(config: Self.config, seed: 5, now: Self.now)
        let day = generator.clock.firstDay + 400
        var seen = Set<String>()
        for _ in 0..<30_000 { seen.insert(generator.trackingID(day: day)) }
        #expect(seen.count == 30_000)
        #expect(seen.allSatisfy { (7...8).contains($0.count) && $0.allSatisfy(\.isNumber) })
    }

    static func histories(_ n: Int, seed: UInt64, now: Timestamp = now, config: OfficeConfig = config) -> [[Event]] {
        var generator = DemoGenerator(config: config, seed: seed, now: now)
        var out: [[Event]] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(generator.nextHistory()) }
        return out
    }

    static func share(_ predicate: (Complaint) -> Bool) -> Double {
        Double(states.filter(predicate).count) / Double(states.count)
    }

    // MARK: determinism

    @Test func sameSeedGivesSameHistories() {
        let a = Self.histories(500, seed: 42)
        let b = Self.histories(500, seed: 42)
        #expect(a == b)
    }

    @Test func differentSeedsDiffer() {
        let a = Self.histories(200, seed: 1)
        let b = Self.histories(200, seed: 2)
        #expect(a != b)
        let differing = zip(a, b).filter { $0.0 != $0.1 }.count
        #expect(differing > 190)
    }

    @Test func generatorStartsTheSameWhateverCameBefore() {
        var first = DemoGenerator(config: Self.config, seed: 99, now: Self.now)
        var second = DemoGenerator(config: Self.config, seed: 99, now: Self.now)
        for _ in 0..<50 { #expect(first.nextHistory() == second.nextHistory()) }
    }

    // MARK: the workflow

    @Test func sampleOf2000ReplaysToTheSameStateAsFolding() {
        var generator = DemoGenerator(config: Self.config, seed: 2024, now: Self.now)
        for _ in 0..<2_000 {
            let history = generator.nextHistory()
            #expect(!history.isEmpty)
            #expect(history.allSatisfy { $0.complaintID == 0 })
            #expect(history.enumerated().allSatisfy { $0.element.version == $0.offset + 1 })
            switch Workflow.replay(history, context: Self.config.context) {
            case .success(let replayed): #expect(replayed == Workflow.fold(history))
            case .failure(let error): Issue.record("replay failed: \(error)")
            }
        }
        #expect(generator.refusals == 0)
    }

    @Test func nothingHappensAfterNowAndTimesIncrease() {
        for history in Self.sample {
            #expect(history.last!.at <= Self.now)
            for (a, b) in zip(history, history.dropFirst()) where !(a.at < b.at) {
                Issue.record("time does not increase: v\(a.version) \(a.at) → v\(b.version) \(b.at)")
            }
        }
    }

    @Test func everyHistoryStartsWithAReceive() {
        #expect(Self.sample.allSatisfy { $0.first?.kind == .receive && $0.first?.details.intake != nil })
        #expect(Self.sample.allSatisfy { $0.dropFirst().allSatisfy { $0.kind != .receive && $0.kind != .import } })
    }

    // MARK: the status mix

    @Test func finalStatusMixMatchesLapor2023() {
        let expected: [Status: Double] = [.selesai: 78, .proses: 9, .arsip: 8, .belumDitindaklanjuti: 3,
                                          .belumTerverifikasi: 2, .tunda: 1.5]
        let total = expected.values.reduce(0, +)
        for (status, raw) in expected {
            let target = raw / total * 100
            let actual = Self.share { $0.status == status } * 100
            #expect(abs(actual - target) <= 2, "\(status.laporName): \(actual)% vs \(target)%")
        }
    }

    @Test func openWorkIsRecentAndFinishedWorkIsOlder() {
        let fourWeeks: Int64 = 28 * 86_400
        let recent = Self.states.filter { Self.now.seconds - $0.receivedAt.seconds < fourWeeks }
        let old = Self.states.filter { Self.now.seconds - $0.receivedAt.seconds > 4 * fourWeeks }
        #expect(Double(recent.filter { !$0.status.isFinished }.count) / Double(recent.count) > 0.5)
        #expect(Double(old.filter { $0.status.isFinished }.count) / Double(old.count) > 0.97)
        // About 18 months back, no earlier than ~20 months.
        let oldest = Self.states.map(\.receivedAt).min()!
        #expect(Self.now.seconds - oldest.seconds > 500 * 86_400)
        #expect(Self.now.seconds - oldest.seconds < 620 * 86_400)
    }

    // MARK: deadlines

    @Test func someOpenItemsAreOverdueOfBothKinds() {
        let deadlines = Self.config.deadlines
        var verificationLate = 0, followUpLate = 0, responseLate = 0, open = 0, overdue = 0
        var daysLate: [Int] = []
        for c in Self.states where !c.status.isFinished {
            open += 1
            guard let reading = deadlines.reading(for: c, now: Self.now, calendar: Self.config.calendar),
                  reading.state == .overdue else { continue }
            overdue += 1
            daysLate.append(reading.workingDaysOverdue)
            if c.status == .belumTerverifikasi && reading.deadline.kind == .verification { verificationLate += 1 }
            if c.status == .belumDitindaklanjuti && reading.deadline.kind == .firstFollowUp { followUpLate += 1 }
            if c.status == .proses && reading.deadline.kind == .response { responseLate += 1 }
        }
        #expect(verificationLate > 20)
        #expect(followUpLate > 20)
        #expect(responseLate > 20)
        // Several working days late, not months.
        daysLate.sort()
        #expect(daysLate[daysLate.count / 2] <= 10)
        #expect(daysLate.last! < 40)
        // A small share of the open work, not most of it.
        #expect(Double(overdue) / Double(open) < 0.3)
    }

    @Test func autoCloseOnlyWhenDue() {
        var autoCloses = 0
        for history in Self.sample {
            for e in history where e.kind == .autoClose {
                autoCloses += 1
                #expect(e.actor == .system)
            }
        }
        #expect(autoCloses > 1_000)
    }

    // MARK: channels, privacy, routing

    @Test func everyChannelAppearsWebMost() {
        var counts: [Channel: Int] = [:]
        for c in Self.states { counts[c.channel, default: 0] += 1 }
        for channel in Channel.allCases { #expect((counts[channel] ?? 0) > 100, "\(channel)") }
        #expect(counts[.web]! > counts[.android]!)
        #expect(counts[.android]! > counts[.sms1708]!)
    }

    @Test func privacyFlagsAndUndecidedItems() {
        let anonymous = Self.share(\.anonymous)
        let confidential = Self.share(\.confidential)
        #expect(anonymous > 0.11 && anonymous < 0.19, "anonymous \(anonymous)")
        #expect(confidential > 0.03 && confidential < 0.08, "confidential \(confidential)")
        let open = Self.states.filter { !$0.status.isFinished }
        let undecided = open.filter { !$0.privacyDecided }
        #expect(undecided.count > 50)
        #expect(Double(undecided.count) / Double(open.count) < 0.25)
        // Verified-but-undecided ones too, not only untouched new reports.
        #expect(undecided.contains { $0.status == .proses || $0.status == .belumDitindaklanjuti })
    }

    @Test func forwardsReachOtherAgenciesAndPingPongIsRare() {
        let forwarded = Self.states.filter { $0.forwardCount > 0 }
        let pingPong = Self.states.filter(\.pingPong)
        #expect(forwarded.count > 500)
        #expect(!pingPong.isEmpty)
        #expect(Double(pingPong.count) / Double(Self.states.count) < 0.01)
        let holders = Set(Self.states.map(\.holder.agency))
        for agency in ["pemprov-jatim", "bpjs-kesehatan", "pln", "atr-bpn", "bbpjn"] { #expect(holders.contains(agency)) }
        // Every forward says why.
        for history in Self.sample {
            for e in history where e.kind == .forward || e.kind == .redispose { #expect(e.details.reason != nil) }
        }
    }

    @Test func workflowVarietyAppears() {
        var kinds: Set<ActionKind> = []
        var codes: Set<ArchiveReason> = []
        var secret = 0, ratings: [Int] = []
        for history in Self.sample {
            for e in history {
                kinds.insert(e.kind)
                if let code = e.details.archiveReason { codes.insert(code) }
                if e.isSecret { secret += 1 }
                if let r = e.details.rating { ratings.append(r) }
            }
        }
        for kind in [ActionKind.receive, .verify, .classify, .redispose, .forward, .cc, .postpone, .resume, .archive,
                     .followUp, .note, .reply, .rate, .close, .autoClose, .reopen] {
            #expect(kinds.contains(kind), "\(kind)")
        }
        #expect(codes.isSuperset(of: [.spam, .unclear, .tooGeneral, .notPublicService, .duplicate]))
        #expect(secret > 100)
        let mean = Double(ratings.reduce(0, +)) / Double(ratings.count)
        #expect(mean > 3.7 && mean < 4.6, "mean rating \(mean)")
        #expect(Set(ratings) == [1, 2, 3, 4, 5])
        let classifications = Set(Self.states.map(\.classification))
        #expect(classifications.isSuperset(of: [.pengaduan, .aspirasi, .permintaanInformasi]))
    }

    @Test func operatorsFromTheConfigAndSynthesizedOnesAct() {
        var ids: Set<String> = []
        for history in Self.sample { for e in history { ids.insert(e.actor.id) } }
        for id in ["admin", "tl-dinkes", "tl-pupr", "tl-disdukcapil", "tl-kec-sukamaju", "admin-prov", "system",
                   "tl-dinsos", "tl-prov-disdik", "admin-bpjs-kesehatan"] {
            #expect(ids.contains(id), "\(id)")
        }
        // Liaisons act for their own unit only, or (issue 15) for a unit below it in the unit tree.
        let directory = BuiltInConfigDirectory.directory
        for history in Self.sample {
            var state: Complaint?
            for e in history {
                if e.actor.role == .liaison, e.kind != .note, let c = state {
                    #expect(c.holder.unit == e.actor.unit || directory.ancestors(of: c.holder.unit ?? "").contains(e.actor.unit ?? "-"))
                }
                state = Workflow.evolve(state, e)
            }
        }
    }

    // MARK: text

    @Test func noControlCharactersExceptLineBreaksInBodies() {
        func clean(_ s: String?, lineBreaks: Bool = false) -> Bool {
            guard let s else { return true }
            return s.unicodeScalars.allSatisfy { u in
                (lineBreaks && u == "\n") || !(u.value < 0x20 || (0x7F...0x9F).contains(u.value))
            } && (lineBreaks ? s.split(separator: "\n").allSatisfy { SafeText.isSafe(String($0)) } : SafeText.isSafe(s))
        }
        var bodiesWithBreaks = 0
        for history in Self.sample {
            for e in history {
                let d = e.details
                if let i = d.intake {
                    #expect(clean(i.title) && clean(i.location) && clean(i.trackingID))
                    #expect(clean(i.body, lineBreaks: true))
                    if i.body.contains("\n") { bodiesWithBreaks += 1 }
                    #expect(clean(i.reporter?.name) && clean(i.reporter?.phone) && clean(i.reporter?.email) && clean(i.reporter?.nik))
                }
                #expect(clean(d.reason) && clean(d.text) && clean(d.changes?.title) && clean(e.actor.name))
            }
        }
        #expect(bodiesWithBreaks > 1_000)
    }

    @Test func titlesBodiesAndReportersLookReal() {
        let intakes = Self.sample.map { $0[0].details.intake! }
        let titleLengths = intakes.map(\.title.count)
        let bodyLengths = intakes.map(\.body.count)
        #expect(Double(titleLengths.filter { (30...100).contains($0) }.count) / Double(intakes.count) > 0.9)
        #expect(titleLengths.contains { $0 >= 150 })
        #expect(Double(bodyLengths.filter { (150...700).contains($0) }.count) / Double(intakes.count) > 0.97)
        #expect(Set(intakes.map(\.title)).count > 5_000)

        // LAPOR! tracking numbers: 7–8 digits for about 90%; none for walk-ins.
        let tracked = intakes.filter { $0.trackingID != nil }
        #expect(Double(tracked.count) / Double(intakes.count) > 0.84 && Double(tracked.count) / Double(intakes.count) < 0.95)
        #expect(tracked.allSatisfy { ($0.trackingID!.count == 7 || $0.trackingID!.count == 8) && $0.trackingID!.allSatisfy(\.isNumber) })
        #expect(intakes.filter { $0.channel == .walkIn }.allSatisfy { $0.trackingID == nil })
        #expect(Set(tracked.map(\.trackingID!)).count == tracked.count)

        // Phones 08xx-xxxx-xxx(x), NIK 16 digits, SMS mostly just a number, walk-ins with NIK.
        let reporters = intakes.compactMap(\.reporter)
        for phone in reporters.compactMap(\.phone) {
            let parts = phone.split(separator: "-")
            #expect(parts.count == 3 && parts[0].count == 4 && parts[0].hasPrefix("08") && parts[1].count == 4 && (3...4).contains(parts[2].count))
        }
        #expect(reporters.compactMap(\.nik).allSatisfy { $0.count == 16 && $0.allSatisfy(\.isNumber) })
        #expect(reporters.compactMap(\.email).allSatisfy { $0.contains("@") && !$0.contains(" ") })
        let sms = intakes.filter { $0.channel == .sms1708 }.compactMap(\.reporter)
        #expect(Double(sms.filter { $0.name == nil }.count) / Double(sms.count) > 0.7)
        let walkIns = intakes.filter { $0.channel == .walkIn }.compactMap(\.reporter)
        #expect(Double(walkIns.filter { $0.nik != nil && $0.name != nil }.count) / Double(walkIns.count) > 0.8)
        #expect(reporters.contains { $0.name?.contains("'") == true })
        #expect(reporters.contains { $0.name?.unicodeScalars.contains { $0.value > 0x7F } == true })
    }

    @Test func officeHoursAndWorkingDays() {
        let calendar = Self.config.calendar
        var officeActions = 0, inHours = 0, onWorkingDays = 0
        var weekdayArrivals = 0, weekendArrivals = 0
        for history in Self.sample {
            let arrival = calendar.zone.dayNumber(of: history[0].at)
            if calendar.isWorkingDay(arrival) { weekdayArrivals += 1 } else { weekendArrivals += 1 }
            for e in history.dropFirst() where e.actor.role == .admin || e.actor.role == .liaison {
                officeActions += 1
                let second = calendar.zone.secondOfDay(of: e.at)
                if second >= 7 * 3600 && second <= 18 * 3600 { inHours += 1 }
                if calendar.isWorkingDay(calendar.zone.dayNumber(of: e.at)) { onWorkingDays += 1 }
            }
        }
        #expect(Double(inHours) / Double(officeActions) > 0.95)
        #expect(Double(onWorkingDays) / Double(officeActions) > 0.97)
        // Per day, working days see far more arrivals than weekends and holidays.
        #expect(Double(weekdayArrivals) / Double(weekendArrivals) > 5)
    }

    // MARK: other moments and offices

    @Test func earlyOnASundayAndLateOnAHolidayStillReplay() throws {
        for moment in ["2026-03-22T05:00:00+07:00", "2026-03-20T23:30:00+07:00", "2026-01-01T00:10:00+07:00"] {
            let now = try Timestamp.parseISO8601(moment).get()
            var generator = DemoGenerator(config: Self.config, seed: 5, now: now)
            for _ in 0..<400 {
                let history = generator.nextHistory()
                #expect(history.last!.at <= now)
                if case .failure(let error) = Workflow.replay(history, context: Self.config.context) {
                    Issue.record("\(moment): \(error)")
                }
            }
            #expect(generator.refusals == 0)
        }
    }

    @Test func aSmallOfficeWithoutKecamatanOrOperatorsWorks() {
        let directory = Directory(agencies: [
            Agency(id: "pemkot-contoh", name: "Pemerintah Kota Contoh", units: [
                Unit(id: "dinkes", name: "Dinas Kesehatan"), Unit(id: "pupr", name: "Dinas PUPR"),
            ]),
            Agency(id: "pln", name: "PT PLN (Persero)", units: [Unit(id: "pln-up3", name: "PLN UP3")]),
        ])
        let config = OfficeConfig(officeName: "Pemerintah Kota Contoh", agency: "pemkot-contoh", directory: directory)
        var generator = DemoGenerator(config: config, seed: 11, now: Self.now)
        var statuses: Set<Status> = []
        for _ in 0..<1_000 {
            let history = generator.nextHistory()
            if case .failure(let error) = Workflow.replay(history, context: config.context) { Issue.record("\(error)") }
            statuses.insert(Workflow.fold(history)!.status)
        }
        #expect(generator.refusals == 0)
        #expect(statuses == Set(Status.allCases))
    }
}


/// The built-in office's directory, for rules that need the unit tree.
enum BuiltInConfigDirectory {
    static let directory: Directory = {
        guard case .success(let c) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { fatalError("built-in config") }
        return c.directory
    }()
}
