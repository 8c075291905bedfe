import AduanCore
import Testing

/// The unit tree (agency → unit → sub-unit), unit operators and drafts for approval: issue 15
/// items 1 and 2, decided in the core.
@Suite struct HierarchyWorkflowTests {
    typealias F = GridFixture

    static let p2pLiaison = Actor(id: "tb", name: "Sari", role: .liaison, agency: "pemkab", unit: "dinkes-p2p", unitsBelow: ["pkm-sukamaju"])
    static let pkmOperator = Actor(id: "opk", name: "Joko", role: .unitOperator, agency: "pemkab", unit: "pkm-sukamaju")
    static let puprLiaison = Actor(id: "tp", name: "Budi", role: .liaison, agency: "pemkab", unit: "pupr")

    /// Runs steps on `start` (a report held by Dinkes in Belum Ditindaklanjuti by default), one minute apart.
    static func run(_ steps: [(Actor, Command)], from start: Complaint? = nil, context: WorkflowContext = F.context) -> Result<Complaint, Refusal> {
        var c = start ?? F.complaint(in: .belumDitindaklanjuti)!
        for (i, (actor, cmd)) in steps.enumerated() {
            switch Workflow.decide(cmd, on: c, by: actor, at: c.updatedAt.adding(seconds: Int64(60 * (i + 1))), context: context) {
            case .success(let e): c = Workflow.evolve(c, e)
            case .failure(let r): return .failure(r)
            }
        }
        return .success(c)
    }

    static func down(_ unit: String, by actor: Actor = F.liaison) -> (Actor, Command) { (actor, Command(.passDown, ActionDetails(unit: unit))) }
    static func up(by actor: Actor, to unit: String? = nil) -> (Actor, Command) {
        (actor, Command(.returnUp, ActionDetails(unit: unit, reason: "Bukan kewenangan unit ini")))
    }

    @Test func passDownMovesTwoLevelsAtOnceAndTheChainRecordsEveryStep() throws {
        let c = try Self.run([Self.down("pkm-sukamaju")]).get()
        #expect(c.holder == Holder(agency: "pemkab", unit: "pkm-sukamaju"))
        #expect(c.status == .belumDitindaklanjuti)
        #expect(c.holderChain.map(\.via) == [.receive, .verify, .passDown])
        #expect(!c.pingPong)
    }

    @Test func passDownOnlyGoesBelowTheHolder() {
        #expect(Self.run([Self.down("pupr")]) == .failure(.notBelowHolder(unit: "pupr", holder: Holder(agency: "pemkab", unit: "dinkes"))))
        #expect(Self.run([Self.down("dinkes-p2p"), Self.down("dinkes", by: Self.p2pLiaison)])
                == .failure(.notBelowHolder(unit: "dinkes", holder: Holder(agency: "pemkab", unit: "dinkes-p2p"))))
        #expect(Self.run([(F.liaison, Command(.passDown))]) == .failure(.missing(.passDown, .unitBelow)))
    }

    @Test func aReturnGoesBackToTheHolderThatPassedItDownWithItsReason() throws {
        // Dinkes passed it straight to the Puskesmas; the Puskesmas returns it to Dinkes, not to the Bidang.
        let c = try Self.run([Self.down("pkm-sukamaju"), Self.up(by: Self.pkmOperator)]).get()
        #expect(c.holder == Holder(agency: "pemkab", unit: "dinkes"))
        #expect(c.holderChain.last?.via == .returnUp)
        // A return names a unit above, or none: never a sibling.
        #expect(Self.run([Self.down("pkm-sukamaju"), Self.up(by: Self.pkmOperator, to: "pupr")])
                == .failure(.notAboveHolder(unit: "pupr", holder: Holder(agency: "pemkab", unit: "pkm-sukamaju"))))
        // From a top unit the return goes to the agency's admins.
        let top = try Self.run([Self.up(by: F.liaison)]).get()
        #expect(top.holder == Holder(agency: "pemkab", unit: nil))
        #expect(Self.run([Self.up(by: F.liaison), (F.admin, Command(.returnUp, ActionDetails(reason: "x")))])
                == .failure(.notYourRole(.returnUp, role: .admin, allowed: [.liaison, .unitOperator])))
    }

    @Test func passingDownAgainToAUnitThatReturnedItIsPingPong() throws {
        let c = try Self.run([Self.down("dinkes-p2p"), Self.up(by: Self.p2pLiaison), Self.down("dinkes-p2p")]).get()
        #expect(c.pingPong)
        #expect(c.holderChain.last?.pingPong == true)
        let once = try Self.run([Self.down("dinkes-p2p"), Self.up(by: Self.p2pLiaison)]).get()
        #expect(!once.pingPong, "a return by itself is not ping-pong")
    }

    @Test func everyLevelAboveSeesAndActsOnWhatItsSubtreeHolds() throws {
        let c = try Self.run([Self.down("pkm-sukamaju")]).get()
        for above in [F.liaison, F.unitOperator, Self.p2pLiaison, Self.pkmOperator] {
            #expect(Privacy.canView(c, viewer: above), "\(above.id) sees it")
            #expect(Privacy.isHandling(c, viewer: above), "\(above.id) handles it")
            #expect(Access.inboxScope(of: above).holdsNow(c), "\(above.id)'s inbox holds it")
            #expect(Access.mayAct(.note, on: c, actor: above))
        }
        #expect(!Privacy.canView(c, viewer: Self.puprLiaison), "a sibling unit sees nothing")
        // A sub-unit does not see what the unit above holds and it never held.
        let atTop = F.complaint(in: .belumDitindaklanjuti)!
        #expect(!Privacy.canView(atTop, viewer: Self.pkmOperator))
        #expect(!Access.inboxScope(of: Self.pkmOperator).contains(atTop))
        // After returning it, the sub-unit still sees what it held, but handles it no longer.
        let back = try Self.run([Self.down("pkm-sukamaju"), Self.up(by: Self.pkmOperator)]).get()
        #expect(Privacy.canView(back, viewer: Self.pkmOperator) && !Privacy.isHandling(back, viewer: Self.pkmOperator))
        #expect(Access.inboxScope(of: F.liaison) == .subtree("pemkab", "dinkes", below: ["dinkes-p2p", "pkm-sukamaju"], includingCopies: true))
    }

    @Test func theFirstFollowUpTimerIsKeptOnAPassDownUnlessTheOfficeResetsIt() throws {
        let start = F.complaint(in: .belumDitindaklanjuti)!
        let kept = try Self.run([Self.down("dinkes-p2p")], from: start).get()
        #expect(kept.dispositionAt == start.dispositionAt, "default keep: delegation inside a unit gives it no more time")
        var policy = WorkflowPolicy()
        policy.passDownResetsTimer = true
        let ctx = WorkflowContext(directory: F.directory, policy: policy)
        let reset = try Self.run([Self.down("dinkes-p2p")], from: start, context: ctx).get()
        #expect(reset.dispositionAt == reset.updatedAt)
        #expect(reset.firstDispositionAt == start.firstDispositionAt, "the first disposition is kept for the figures")
        // The event records the rule it was decided under: replay under the other setting gives the same state.
        let back = try Self.run([Self.up(by: Self.p2pLiaison)], from: reset, context: ctx).get()
        #expect(back.dispositionAt == reset.dispositionAt, "a return never restarts the timer")
    }

    @Test func aUnitOperatorDraftsButNeverPublishes() throws {
        let bd = F.complaint(in: .belumDitindaklanjuti)!
        #expect(Self.run([(F.unitOperator, Command(.followUp, ActionDetails(text: "x")))], from: bd)
                == .failure(.notYourRole(.followUp, role: .unitOperator, allowed: [.admin, .liaison])))
        #expect(Self.run([(F.unitOperator, Command(.approve))], from: bd)
                == .failure(.notYourRole(.approve, role: .unitOperator, allowed: [.admin, .liaison])))
        let drafted = try Self.run([(F.unitOperator, Command(.draft, ActionDetails(text: "Perbaikan minggu depan.")))], from: bd).get()
        #expect(drafted.status == .belumDitindaklanjuti && drafted.awaitingApproval && drafted.firstFollowUpAt == nil)
        let approved = try Self.run([(F.liaison, Command(.approve))], from: drafted).get()
        #expect(approved.status == .proses && !approved.awaitingApproval && approved.followUpCount == 1 && approved.awaitingReporter)
        guard case .success(let e) = Workflow.decide(Command(.approve), on: drafted, by: F.admin, at: drafted.updatedAt, context: F.context) else {
            Issue.record("approve refused"); return
        }
        #expect(e.details.text == "Perbaikan minggu depan.", "the draft's text is published")
        #expect(e.details.draft == DraftRef(version: drafted.version, drafter: "op", drafterName: "Rina"), "the drafter is kept")
        #expect(e.actor.id == "admin", "published by the approver")
    }

    @Test func aDrafterMayNotApproveTheirOwnDraft() throws {
        let drafted = try Self.run([(F.liaison, Command(.draft, ActionDetails(text: "Draf")))]).get()
        #expect(Self.run([(F.liaison, Command(.approve))], from: drafted) == .failure(.approverIsDrafter))
        #expect(Self.run([(F.admin, Command(.approve))], from: drafted).map(\.status) == .success(.proses))
    }

    @Test func aReturnedDraftIsNoLongerWaiting() throws {
        let drafted = try Self.run([(F.unitOperator, Command(.draft, ActionDetails(text: "Draf")))]).get()
        let returned = try Self.run([(F.liaison, Command(.returnDraft, ActionDetails(text: "Sebutkan tanggal.")))], from: drafted).get()
        #expect(!returned.awaitingApproval && returned.status == .belumDitindaklanjuti)
        #expect(Self.run([(F.liaison, Command(.approve))], from: returned) == .failure(.noPendingDraft))
        #expect(Self.run([(F.liaison, Command(.returnDraft))], from: drafted) == .failure(.missing(.returnDraft, .text)))
    }

    @Test func anAgencyThatRequiresApprovalRefusesALiaisonsDirectFollowUp() throws {
        var agencies = F.directory.agencies
        agencies[0].approvalRequired = true
        let ctx = WorkflowContext(directory: Directory(agencies: agencies))
        let followUp = (F.liaison, Command(.followUp, ActionDetails(text: "Langsung")))
        #expect(Self.run([followUp], context: ctx) == .failure(.approvalRequired(agency: "pemkab")))
        #expect(Self.run([followUp]).map(\.status) == .success(.proses), "without the setting, as before")
        #expect(Self.run([(F.admin, Command(.followUp, ActionDetails(text: "Admin")))], context: ctx).map(\.status) == .success(.proses))
        let viaDraft = Self.run([(F.liaison, Command(.draft, ActionDetails(text: "Draf"))), (F.admin, Command(.approve))], context: ctx)
        #expect(viaDraft.map(\.status) == .success(.proses))
    }

    /// A report's pending draft is the draft event's business: a viewer who may not read that
    /// event (not handling the report) learns only that a draft waits, never its text or author;
    /// a handling party who may not see the reporter reads the text without their name.
    @Test func aPendingDraftsTextIsRedactedLikeTheDraftEvent() throws {
        var start = F.complaint(in: .belumDitindaklanjuti)!
        start.reporter = Reporter(name: "Dewi Lestari", phone: "081298765432")
        let text = "Ibu Dewi Lestari sudah kami telepon di 081298765432."
        let c = try Self.run([(F.unitOperator, Command(.draft, ActionDetails(text: text, secret: true)))], from: start).get()
        #expect(c.pendingDraft?.text == text)
        let monitor = Actor(id: "kominfo", name: "Kominfo", role: .supervisor, agency: Access.allAgencies)
        #expect(Privacy.canView(c, viewer: monitor) && !Privacy.isHandling(c, viewer: monitor))
        let blind = Privacy.redacted(c, for: monitor).pendingDraft
        #expect(blind != nil, "that a draft waits is no secret: the inbox counts it")
        #expect(blind?.text == "" && blind?.drafterName == "" && blind?.secret == false, "\(String(describing: blind))")
        // Whose draft waits is what `drafted-by:` answers anyone who may open the report.
        #expect(blind?.drafter == F.unitOperator.id)
        #expect(blind?.version == c.pendingDraft?.version)
        #expect(Privacy.redacted(c, for: F.liaison).pendingDraft == c.pendingDraft, "the approver reads it whole")
        var anonymous = c
        anonymous.anonymous = true
        let masked = Privacy.redacted(anonymous, for: F.liaison).pendingDraft
        #expect(masked?.text == Privacy.publicText(text, of: anonymous) && masked?.text.contains("Dewi") == false)
        #expect(masked?.drafter == F.unitOperator.id)
    }

    @Test func draftsAreSeenOnlyByTheHandlingPartiesAndNeverPublished() throws {
        let bd = F.complaint(in: .belumDitindaklanjuti)!
        var events: [Event] = []
        var c = bd
        for (actor, cmd) in [(F.unitOperator, Command(.draft, ActionDetails(text: "Draf rahasia kantor"))),
                             (F.liaison, Command(.returnDraft, ActionDetails(text: "Perbaiki"))),
                             (F.unitOperator, Command(.draft, ActionDetails(text: "Draf kedua"))),
                             (F.liaison, Command(.approve)),
                             (F.admin, Command(.cc, ActionDetails(unit: "pupr")))] {
            guard case .success(let e) = Workflow.decide(cmd, on: c, by: actor, at: c.updatedAt.adding(seconds: 60), context: F.context) else {
                Issue.record("\(cmd.kind) refused"); return
            }
            c = Workflow.evolve(c, e)
            events.append(e)
        }
        let drafts = events.filter(\.isDraftWork)
        #expect(drafts.count == 3)
        for e in drafts {
            #expect(!Privacy.isPublishable(e))
            #expect(Privacy.publicEvent(e, in: c) == nil)
            #expect(Privacy.canSeeEvent(e, in: c, viewer: F.liaison) && Privacy.canSeeEvent(e, in: c, viewer: F.admin))
            #expect(!Privacy.canSeeEvent(e, in: c, viewer: Self.puprLiaison), "a unit on copy does not read drafts")
        }
        let approve = events[3]
        let published = Privacy.publicEvent(approve, in: c)
        #expect(published?.details.text == "Draf kedua")
        #expect(published?.details.draft == nil, "the drafter is internal")
        #expect(Privacy.canSeeEvent(approve, in: c, viewer: Self.puprLiaison))
    }

    @Test func theTablePrintsTheNewActionsAndRole() {
        let md = TransitionTable.standard().markdown()
        #expect(md.contains("| pass-down | Belum Ditindaklanjuti, Proses | admin, liaison, unit-operator | unit-below | unchanged |"))
        #expect(md.contains("| approve | Belum Ditindaklanjuti, Proses | admin, liaison | pending-draft, not-the-drafter | Proses |"))
        #expect(md.contains("| follow-up | Belum Ditindaklanjuti, Proses | liaison | text, no-approval-required | Proses |"))
    }

    @Test func passDownAndApproveEventsSurviveTheCodec() throws {
        let c = try Self.run([Self.down("dinkes-p2p"), (Self.p2pLiaison, Command(.draft, ActionDetails(text: "Draf", secret: true)))]).get()
        guard case .success(let e) = Workflow.decide(Command(.approve), on: c, by: F.admin, at: c.updatedAt, context: F.context) else {
            Issue.record("approve refused"); return
        }
        #expect(e.isSecret, "a secret draft stays secret when approved")
        let text = EventCodec.encode(e, style: .epoch)
        let node = try JSONParser.parse(text)
        let r = FieldReader()
        #expect(EventCodec.decode(node, path: "", reader: r) == e)
        var policy = WorkflowPolicy()
        policy.passDownResetsTimer = true
        guard case .success(let pd) = Workflow.decide(Command(.passDown, ActionDetails(unit: "dinkes-p2p")), on: F.complaint(in: .belumDitindaklanjuti)!,
                                                      by: F.admin, at: F.later, context: WorkflowContext(directory: F.directory, policy: policy)) else {
            Issue.record("pass-down refused"); return
        }
        #expect(pd.details.resetsTimer)
        #expect(EventCodec.decode(try JSONParser.parse(EventCodec.encode(pd, style: .epoch)), path: "", reader: FieldReader()) == pd)
    }
}
