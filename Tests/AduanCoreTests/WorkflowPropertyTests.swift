import AduanCore
import Testing

/// Deterministic pseudo-random numbers (SplitMix64), so a failing sequence can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
    var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }
}

@Suite struct WorkflowPropertyTests {
    typealias F = GridFixture

    static let prov = Actor(id: "pa", name: "Dewi", role: .admin, agency: "prov")
    static let provLiaison = Actor(id: "pl", name: "Eko", role: .liaison, agency: "prov", unit: "prov-dik")
    static let puprLiaison = Actor(id: "tp", name: "Budi", role: .liaison, agency: "pemkab", unit: "pupr")
    static let p2pLiaison = Actor(id: "tb", name: "Sari", role: .liaison, agency: "pemkab", unit: "dinkes-p2p", unitsBelow: ["pkm-sukamaju"])
    static let pkmOperator = Actor(id: "opk", name: "Joko", role: .unitOperator, agency: "pemkab", unit: "pkm-sukamaju")
    static let actors: [Actor] = [F.admin, F.liaison, F.supervisor, .system, prov, provLiaison, puprLiaison,
                                  F.unitOperator, p2pLiaison, pkmOperator]
    static let units = ["diskominfo", "dinkes", "pupr", "prov-dik", "ghost", "dinkes-p2p", "pkm-sukamaju"]
    static let agencies = ["pemkab", "prov", "nowhere"]

    /// A random step: mostly an action the gate allows for a random operator with valid
    /// parameters, sometimes anything with missing or wrong parameters, so refusals are exercised too.
    static func randomStep(_ state: Complaint, _ rng: inout SeededRandom) -> (Actor, Command) {
        let actor = actors.randomElement(using: &rng)!
        let available = Workflow.availableActions(on: state, by: actor, context: F.context)
        let sane = Int.random(in: 0..<10, using: &rng) < 8
        let kind = sane && !available.isEmpty ? available.randomElement(using: &rng)!
            : ActionKind.allCases.filter { $0 != .receive && $0 != .import }.randomElement(using: &rng)!
        return (actor, Command(kind, sane ? validDetails(kind, state, &rng) : randomDetails(&rng)))
    }

    static func validDetails(_ kind: ActionKind, _ c: Complaint, _ rng: inout SeededRandom) -> ActionDetails {
        var d = ActionDetails()
        let own: [String] = (F.directory.agency(c.holder.agency)?.units.map(\.id) ?? []).filter { $0 != c.holder.unit }
        switch kind {
        case .verify, .redispose:
            d.unit = own.randomElement(using: &rng)
            d.reason = "Kewenangan unit lain"
        case .cc:
            d.unit = F.directory.allUnits.map(\.id).filter { $0 != c.holder.unit && !c.ccUnits.contains($0) }.randomElement(using: &rng)
        case .forward:
            d.agency = c.holder.agency == "pemkab" ? "prov" : "pemkab"
            if Bool.random(using: &rng) { d.unit = d.agency == "prov" ? "prov-dik" : "dinkes" }
            d.reason = "Bukan kewenangan"
        case .postpone, .reopen: d.reason = "Menunggu klarifikasi"
        case .archive: d.archiveReason = [.spam, .unclear, .tooGeneral, .notPublicService, .duplicate].randomElement(using: &rng)
        case .followUp, .note, .reply, .message:
            d.text = ["Sudah ditangani 👍", "Mohon data tambahan", "\u{1B}[2J berbahaya"].randomElement(using: &rng)
            d.secret = kind == .followUp && Bool.random(using: &rng)
        case .passDown:
            d.unit = F.directory.unitTree(of: c.holder.agency).map(\.unit.id)
                .filter { F.directory.isBelow(Holder(agency: c.holder.agency, unit: $0), c.holder) }.randomElement(using: &rng)
        case .returnUp:
            d.reason = "Bukan kewenangan unit ini"
            if Bool.random(using: &rng), let u = c.holder.unit { d.unit = F.directory.ancestors(of: u).randomElement(using: &rng) }
        case .draft, .returnDraft:
            d.text = ["Draf jawaban", "Perbaiki lampiran"].randomElement(using: &rng)
            d.secret = kind == .draft && Int.random(in: 0..<5, using: &rng) == 0
        case .approve: break
        case .rate: d.rating = Int.random(in: 1...5, using: &rng)
        case .linkDuplicate: d.duplicateOf = Int64.random(in: 2...9, using: &rng)
        case .classify:
            d.changes = ClassificationChange(classification: Classification.allCases.randomElement(using: &rng),
                                             anonymous: Bool.random(using: &rng), confidential: Bool.random(using: &rng))
        case .escalate:
            // The earliest step not recorded yet: accepted once time has reached it.
            d.escalation = F.context.escalation.all(for: c, deadlines: F.context.deadlines, calendar: F.context.calendar)
                .first { !c.escalations.contains($0.key) }
        case .resume, .close, .autoClose, .receive, .import: break
        }
        return d
    }

    static func randomDetails(_ rng: inout SeededRandom) -> ActionDetails {
        var d = ActionDetails()
        if Bool.random(using: &rng) { d.unit = units.randomElement(using: &rng) }
        if Bool.random(using: &rng) { d.agency = agencies.randomElement(using: &rng) }
        if Bool.random(using: &rng) { d.reason = ["Bukan kewenangan", " ", ""].randomElement(using: &rng) }
        if Bool.random(using: &rng) { d.text = ["x", "   ", "\u{1B}]52;c;ZXZpbA==\u{07}"].randomElement(using: &rng) }
        if Bool.random(using: &rng) { d.archiveReason = ArchiveReason.allCases.randomElement(using: &rng) }
        if Bool.random(using: &rng) { d.rating = Int.random(in: -1...7, using: &rng) }
        if Bool.random(using: &rng) { d.duplicateOf = Int64.random(in: -1...3, using: &rng) }
        return d
    }

    /// The invariants every reachable state must satisfy.
    static func checkInvariants(_ c: Complaint, events: [Event], seed: UInt64) {
        let ctx = F.context
        #expect(!c.holder.agency.isEmpty, "seed \(seed): no holder")
        #expect(c.holderChain.last?.holder == c.holder, "seed \(seed): chain does not end at the holder")
        #expect(Status.allCases.contains(c.status))
        #expect(c.version == events.count, "seed \(seed): version \(c.version) after \(events.count) events")
        #expect(Workflow.fold(events) == c, "seed \(seed): fold differs from the evolved state")
        switch Workflow.replay(events, context: ctx) {
        case .success(let replayed): #expect(replayed == c, "seed \(seed): replay differs")
        case .failure(let e): Issue.record("seed \(seed): replay refused \(e)")
        }
        for d in ctx.deadlines.activeTimers(for: c, calendar: ctx.calendar) {
            #expect(d.dueAt >= d.startedAt, "seed \(seed): \(d.kind) due before it started")
        }
        if c.status == .tunda { #expect(ctx.deadlines.running(for: c, calendar: ctx.calendar) == nil, "clock runs in Tunda") }
        if c.status.isFinished { #expect(c.closedAt != nil) } else { #expect(c.closedAt == nil) }
        #expect(c.awaitingReporter == false || c.status == .proses)
        #expect(c.pingPong == c.holderChain.contains { $0.pingPong })
        // One holder: a unit of the holding agency, or the agency itself.
        if let u = c.holder.unit { #expect(ctx.directory.contains(unit: u, in: c.holder.agency), "seed \(seed): holder unit \(u) outside \(c.holder.agency)") }
        // A draft waits only while the report is open for follow-ups, and is the last draft event not yet acted on.
        if let d = c.pendingDraft {
            #expect(c.status == .belumDitindaklanjuti || c.status == .proses, "seed \(seed): draft pending in \(c.status)")
            #expect(events.indices.contains(d.version - 1) && events[d.version - 1].kind == .draft, "seed \(seed): pending draft is no draft event")
            #expect(!events[d.version...].contains { $0.kind == .approve || $0.kind == .returnDraft || $0.kind == .draft }, "seed \(seed): draft acted on")
        }
        // Every approved follow-up names a draft by someone else.
        for e in events where e.kind == .approve { #expect(e.details.draft.map { $0.drafter != e.actor.id } == true, "seed \(seed): approve without another's draft") }
    }

    @Test(arguments: 0..<25)
    func randomSequencesKeepTheInvariants(batch: Int) {
        for k in 0..<100 {
            let seed = UInt64(batch * 100 + k)
            var rng = SeededRandom(seed: seed)
            var now = F.t0
            guard case .success(let first) = Workflow.decide(Command(.receive, ActionDetails(intake: F.intake)), on: nil,
                                                             by: F.admin, at: now, context: F.context, newID: 1) else {
                Issue.record("receive refused"); return
            }
            var state = Workflow.evolve(nil, first)
            var events = [first]
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                now = now.adding(seconds: Int64.random(in: 0...(3 * 86_400), using: &rng))
                let (actor, command) = Self.randomStep(state, &rng)
                let before = state
                switch Workflow.decide(command, on: state, by: actor, at: now, context: F.context) {
                case .success(let e):
                    #expect(e.from == before.status)
                    #expect(e.version == before.version + 1)
                    state = Workflow.evolve(state, e)
                    events.append(e)
                case .failure:
                    #expect(state == before, "a refusal changed nothing")
                }
            }
            Self.checkInvariants(state, events: events, seed: seed)
        }
    }

    @Test func randomSequencesReachEveryStatusAndPingPong() {
        var seen = Set<Status>()
        var accepted = Set<ActionKind>()
        var pingPong = false
        for seed in 0..<500 as Range<UInt64> {
            var rng = SeededRandom(seed: seed)
            var now = F.t0
            guard case .success(let first) = Workflow.decide(Command(.receive, ActionDetails(intake: F.intake)), on: nil,
                                                             by: F.admin, at: now, context: F.context, newID: 1) else { return }
            var state = Workflow.evolve(nil, first)
            for _ in 0..<40 {
                now = now.adding(seconds: Int64.random(in: 0...(3 * 86_400), using: &rng))
                let (actor, command) = Self.randomStep(state, &rng)
                if case .success(let e) = Workflow.decide(command, on: state, by: actor, at: now, context: F.context) {
                    state = Workflow.evolve(state, e)
                    accepted.insert(e.kind)
                    seen.insert(state.status)
                    pingPong = pingPong || state.pingPong
                }
            }
        }
        #expect(seen == Set(Status.allCases))
        #expect(accepted == Set(ActionKind.allCases).subtracting([.receive, .import]))
        #expect(pingPong)
    }

    @Test func tamperedHistoriesAreRejectedByReplay() {
        var events: [Event] = []
        var state: Complaint?
        for (i, (actor, cmd)) in [F.receive, F.verify, F.followUp, (F.admin, Command(.close))].enumerated() {
            guard case .success(let e) = Workflow.decide(cmd, on: state, by: actor, at: F.t0.adding(seconds: Int64(i * 60)),
                                                         context: F.context, newID: 1) else { return }
            state = Workflow.evolve(state, e)
            events.append(e)
        }
        // A liaison cannot have verified; a history claiming so is refused.
        var forged = events
        forged[1].actor = F.liaison
        if case .success = Workflow.replay(forged, context: F.context) { Issue.record("forged actor accepted") }
        // A removed event leaves a gap.
        var gap = events
        gap.remove(at: 1)
        #expect(Workflow.replay(gap, context: F.context) == .failure(.versionGap(expected: 2, found: 3)))
        // A recorded status that the rules would not produce.
        var wrong = events
        wrong[3].to = .arsip
        if case .success = Workflow.replay(wrong, context: F.context) { Issue.record("wrong status accepted") }
    }
}
