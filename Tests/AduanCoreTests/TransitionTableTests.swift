import AduanCore
import Testing

/// Reports in every status, held by the Dinas Kesehatan (or, before disposition, by the agency),
/// and an operator of each role, for exercising the whole transition table.
enum GridFixture {
    static let directory = Directory(agencies: [
        Agency(id: "pemkab", name: "Pemkab Sukamaju", units: [Unit(id: "diskominfo", name: "Diskominfo"),
                                                              Unit(id: "dinkes", name: "Dinas Kesehatan"),
                                                              Unit(id: "pupr", name: "Dinas PUPR"),
                                                              // The unit tree: Dinkes → Bidang P2P → Puskesmas Sukamaju.
                                                              Unit(id: "dinkes-p2p", name: "Bidang P2P", parent: "dinkes"),
                                                              Unit(id: "pkm-sukamaju", name: "Puskesmas Sukamaju", parent: "dinkes-p2p")]),
        Agency(id: "prov", name: "Pemprov", units: [Unit(id: "prov-dik", name: "Disdik Provinsi")]),
    ])
    static let context = WorkflowContext(directory: directory)
    static let admin = Actor(id: "admin", name: "Siti", role: .admin, agency: "pemkab", unit: "diskominfo")
    static let liaison = Actor(id: "tl", name: "Andi", role: .liaison, agency: "pemkab", unit: "dinkes",
                               unitsBelow: ["dinkes-p2p", "pkm-sukamaju"])
    static let supervisor = Actor(id: "sup", name: "Hendra", role: .supervisor, agency: "pemkab", unit: nil)
    /// Admin unit kerja of the Dinas Kesehatan: drafts, notes, passes down; never publishes.
    static let unitOperator = Actor(id: "op", name: "Rina", role: .unitOperator, agency: "pemkab", unit: "dinkes",
                                    unitsBelow: ["dinkes-p2p", "pkm-sukamaju"])
    static let actors: [Role: Actor] = [.admin: admin, .liaison: liaison, .supervisor: supervisor, .system: .system,
                                        .unitOperator: unitOperator]

    /// Monday 2 November 2026, 09:00 WIB.
    static let t0 = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 11, day: 2), hour: 9)
    /// Far enough later that the 10-working-day auto-close period has run out.
    static let later = t0.adding(days: 30)

    static let intake = Intake(trackingID: "1234567", title: "Jalan rusak di Desa Mekarsari", body: "Lubang besar.",
                               channel: .web, category: Category("infrastruktur/jalan"),
                               reporter: Reporter(name: "Wati", phone: "0812"), agency: "pemkab")

    static func run(_ steps: [(Actor, Command)]) -> Complaint {
        var c: Complaint?
        for (i, (actor, cmd)) in steps.enumerated() {
            let at = t0.adding(seconds: Int64(i * 60))
            switch Workflow.decide(cmd, on: c, by: actor, at: at, context: context, newID: 1) {
            case .success(let e): c = Workflow.evolve(c, e)
            case .failure(let r): fatalError("fixture step \(i) \(cmd.kind) refused: \(r)")
            }
        }
        return c!
    }

    static let receive = (admin, Command(.receive, ActionDetails(intake: intake)))
    static let verify = (admin, Command(.verify, ActionDetails(unit: "dinkes")))
    static let followUp = (liaison, Command(.followUp, ActionDetails(text: "Sudah ditinjau.")))

    /// A report in `status` (nil: none yet).
    static func complaint(in status: Status?) -> Complaint? {
        switch status {
        case nil: return nil
        case .belumTerverifikasi: return run([receive])
        case .belumDitindaklanjuti: return run([receive, verify])
        case .proses: return run([receive, verify, followUp])
        case .selesai: return run([receive, verify, followUp, (admin, Command(.close))])
        case .tunda: return run([receive, (admin, Command(.postpone, ActionDetails(reason: "Menunggu klarifikasi")))])
        case .arsip: return run([receive, (admin, Command(.archive, ActionDetails(archiveReason: .spam)))])
        }
    }

    /// A command carrying everything its action requires.
    static func complete(_ kind: ActionKind) -> Command {
        switch kind {
        case .receive: Command(kind, ActionDetails(intake: intake))
        case .import: Command(kind, ActionDetails(intake: intake, imported: ImportedState(status: .proses, holderUnit: "dinkes",
                                                                                         lastFollowUpAt: t0, awaitingReporter: true)))
        case .verify: Command(kind, ActionDetails(unit: "dinkes"))
        case .classify: Command(kind, ActionDetails(changes: ClassificationChange(classification: .aspirasi, anonymous: true)))
        case .redispose: Command(kind, ActionDetails(unit: "pupr", reason: "Kewenangan PUPR"))
        case .forward: Command(kind, ActionDetails(agency: "prov", reason: "Jalan provinsi"))
        case .cc: Command(kind, ActionDetails(unit: "pupr"))
        case .postpone: Command(kind, ActionDetails(reason: "Menunggu klarifikasi"))
        case .resume: Command(kind)
        case .archive: Command(kind, ActionDetails(archiveReason: .tooGeneral))
        case .followUp: Command(kind, ActionDetails(text: "Perbaikan dijadwalkan."))
        case .note: Command(kind, ActionDetails(text: "Cek lapangan Senin."))
        case .reply: Command(kind, ActionDetails(text: "Belum diperbaiki."))
        case .rate: Command(kind, ActionDetails(rating: 4))
        case .close: Command(kind)
        case .autoClose: Command(kind)
        case .reopen: Command(kind, ActionDetails(reason: "Pelapor keberatan"))
        case .linkDuplicate: Command(kind, ActionDetails(duplicateOf: 99))
        case .passDown: Command(kind, ActionDetails(unit: "dinkes-p2p"))
        case .returnUp: Command(kind, ActionDetails(reason: "Bukan kewenangan unit ini"))
        case .draft: Command(kind, ActionDetails(text: "Draf: perbaikan dijadwalkan."))
        case .approve: Command(kind)
        case .returnDraft: Command(kind, ActionDetails(text: "Lengkapi jadwal perbaikan."))
        case .message: Command(kind, ActionDetails(text: "Petugas datang Senin."))
        // The step itself depends on the report: the grid fills in its first one (`cell`).
        case .escalate: Command(kind)
        }
    }
}

/// What should happen to one (status, action, role) cell.
enum Expected: Equatable, CustomStringConvertible {
    case becomes(Status)
    case notYourRole
    case wrongStatus
    case notYourUnit

    var description: String {
        switch self {
        case .becomes(let s): "→ \(s.laporName)"
        case .notYourRole: "not your role"
        case .wrongStatus: "wrong status"
        case .notYourUnit: "not your unit"
        }
    }
}

struct GridCell: CustomStringConvertible, Sendable {
    var status: Status?
    var action: ActionKind
    var role: Role
    var description: String { "\(status?.rawValue ?? "new") × \(action.rawValue) × \(role.rawValue)" }
}

@Suite struct TransitionTableTests {
    typealias F = GridFixture

    /// The specification, written out by hand from docs/DOMAIN.md. Anything not listed is refused:
    /// "not your role" when the role may never take the action, else "wrong status".
    static let allowed: [ActionKind: [Role: [Status?: Expected]]] = {
        let bt = Status.belumTerverifikasi, bd = Status.belumDitindaklanjuti, pr = Status.proses
        let se = Status.selesai, tu = Status.tunda, ar = Status.arsip
        let noteCells: [Status?: Expected] = [bt: .becomes(bt), bd: .becomes(bd), pr: .becomes(pr), se: .becomes(se), tu: .becomes(tu), ar: .becomes(ar)]
        // Before disposition no unit holds the report, so a liaison may not act on it.
        let liaisonNote: [Status?: Expected] = [bt: .notYourUnit, bd: .becomes(bd), pr: .becomes(pr), se: .becomes(se), tu: .notYourUnit, ar: .notYourUnit]
        return [
            .receive: [.admin: [nil: .becomes(bt)], .system: [nil: .becomes(bt)]],
            .import: [.admin: [nil: .becomes(pr)], .system: [nil: .becomes(pr)]],
            .verify: [.admin: [bt: .becomes(bd)]],
            .classify: [.admin: [bt: .becomes(bt), bd: .becomes(bd), pr: .becomes(pr), tu: .becomes(tu)]],
            .redispose: [.admin: [bd: .becomes(bd)], .liaison: [bd: .becomes(bd)]],
            .forward: [.admin: [bt: .becomes(bt), bd: .becomes(bd)], .liaison: [bd: .becomes(bd)]],
            .cc: [.admin: [bd: .becomes(bd), pr: .becomes(pr)]],
            .postpone: [.admin: [bt: .becomes(tu)]],
            .resume: [.admin: [tu: .becomes(bt)]],
            .archive: [.admin: [bt: .becomes(ar), tu: .becomes(ar)]],
            .followUp: [.admin: [bd: .becomes(pr), pr: .becomes(pr)], .liaison: [bd: .becomes(pr), pr: .becomes(pr)]],
            .note: [.admin: noteCells, .supervisor: noteCells, .liaison: liaisonNote, .unitOperator: liaisonNote],
            .reply: [.admin: [pr: .becomes(pr)], .liaison: [pr: .becomes(pr)], .system: [pr: .becomes(pr)]],
            .rate: [.admin: [pr: .becomes(pr), se: .becomes(se)], .liaison: [pr: .becomes(pr), se: .becomes(se)],
                    .system: [pr: .becomes(pr), se: .becomes(se)]],
            .close: [.admin: [pr: .becomes(se)]],
            .autoClose: [.system: [pr: .becomes(se)]],
            .reopen: [.admin: [se: .becomes(pr)], .liaison: [se: .becomes(pr)]],
            .linkDuplicate: [.admin: [bt: .becomes(ar), bd: .becomes(ar), tu: .becomes(ar)]],
            // The unit tree and drafts (issue 15 items 1–2).
            .passDown: [.admin: [bd: .becomes(bd), pr: .becomes(pr)], .liaison: [bd: .becomes(bd), pr: .becomes(pr)],
                        .unitOperator: [bd: .becomes(bd), pr: .becomes(pr)]],
            .returnUp: [.liaison: [bd: .becomes(bd), pr: .becomes(pr)], .unitOperator: [bd: .becomes(bd), pr: .becomes(pr)]],
            .draft: [.liaison: [bd: .becomes(bd), pr: .becomes(pr)], .unitOperator: [bd: .becomes(bd), pr: .becomes(pr)]],
            .approve: [.admin: [bd: .becomes(pr), pr: .becomes(pr)], .liaison: [bd: .becomes(pr), pr: .becomes(pr)]],
            .returnDraft: [.admin: [bd: .becomes(bd), pr: .becomes(pr)], .liaison: [bd: .becomes(bd), pr: .becomes(pr)]],
            .message: [.admin: [pr: .becomes(pr)], .liaison: [pr: .becomes(pr)]],
            .escalate: [.system: [bt: .becomes(bt), bd: .becomes(bd), pr: .becomes(pr)]],
        ]
    }()

    static func expectation(_ cell: GridCell) -> Expected {
        let byRole = allowed[cell.action] ?? [:]
        guard let cells = byRole[cell.role] else { return .notYourRole }
        return cells[cell.status] ?? .wrongStatus
    }

    static let grid: [GridCell] = {
        var out: [GridCell] = []
        for status in [nil] + Status.allCases.map(Optional.some) {
            for action in ActionKind.allCases {
                for role in Role.allCases { out.append(GridCell(status: status, action: action, role: role)) }
            }
        }
        return out
    }()

    @Test("every status × action × role is allowed with the expected result or refused with the expected reason",
          arguments: grid)
    func cell(_ cell: GridCell) {
        var complaint = F.complaint(in: cell.status)
        let actor = F.actors[cell.role]!
        // Approving or returning a draft needs one waiting: the unit operator drafted it.
        if cell.action == .approve || cell.action == .returnDraft, let c = complaint, c.status == .belumDitindaklanjuti || c.status == .proses,
           case .success(let drafted) = Workflow.decide(F.complete(.draft), on: c, by: F.unitOperator, at: F.later, context: F.context) {
            complaint = Workflow.evolve(c, drafted)
        }
        var command = F.complete(cell.action)
        // From Belum Terverifikasi the privacy decision travels with the forward.
        if cell.action == .forward && cell.status == .belumTerverifikasi {
            command.details.changes = ClassificationChange(anonymous: false, confidential: false)
        }
        var at = F.later
        // An escalation records the report's first step, at a moment it is due.
        if cell.action == .escalate, let c = complaint,
           let m = F.context.escalation.all(for: c, deadlines: F.context.deadlines, calendar: F.context.calendar).first {
            command.details.escalation = m
            at = max(at, m.dueAt.adding(seconds: 1))
        }
        let result = Workflow.decide(command, on: complaint, by: actor, at: at,
                                     context: F.context, newID: 1)
        switch (Self.expectation(cell), result) {
        case (.becomes(let status), .success(let event)):
            #expect(event.to == status, "\(cell)")
            #expect(event.from == cell.status, "\(cell)")
            #expect(event.version == (complaint?.version ?? 0) + 1)
            #expect(Workflow.evolve(complaint, event).status == status)
        case (.notYourRole, .failure(.notYourRole(let a, let role, _))):
            #expect(a == cell.action && role == cell.role)
        case (.wrongStatus, .failure(.wrongStatus(let a, let s, let allowed))):
            #expect(a == cell.action && s == cell.status)
            #expect(!allowed.contains(cell.status))
        case (.notYourUnit, .failure(.notYourUnit)):
            break
        case (let expected, let actual):
            Issue.record("\(cell): expected \(expected), got \(actual)")
        }
    }

    @Test func tableHasARowForEveryAction() {
        let table = TransitionTable.standard()
        for action in ActionKind.allCases {
            #expect(!table.rules(for: action).isEmpty, "no rule for \(action)")
        }
    }

    @Test func everyOutcomeOfTheTableMatchesTheSpecification() {
        // The table itself, read row by row, lists exactly the allowed cells of the specification.
        let table = TransitionTable.standard()
        for rule in table.rules {
            for role in rule.roles {
                for from in rule.from {
                    #expect(Self.allowed[rule.action]?[role]?[from] != nil, "table allows \(rule.action) by \(role) in \(String(describing: from)), the spec does not")
                }
            }
        }
    }

    @Test func markdownListsEveryRule() {
        let md = TransitionTable.standard().markdown()
        #expect(md.split(separator: "\n").count == TransitionTable.standard().rules.count + 2)
        #expect(md.contains("| forward | Belum Ditindaklanjuti | admin, liaison | agency, reason | unchanged |"))
        #expect(md.contains("| forward | Belum Terverifikasi | admin | agency, reason, privacy-decision | unchanged |"))
    }

    @Test func reopenCanBeSwitchedOff() {
        let ctx = WorkflowContext(directory: F.directory, policy: WorkflowPolicy(reopenAllowed: false))
        let r = Workflow.decide(F.complete(.reopen), on: F.complaint(in: .selesai), by: F.admin, at: F.later, context: ctx)
        #expect(r == .failure(.disabled(.reopen)))
    }

    @Test func postponeFromBelumDitindaklanjutiWhenTheOfficeAllowsIt() {
        let ctx = WorkflowContext(directory: F.directory, policy: WorkflowPolicy(postponeFrom: [.belumTerverifikasi, .belumDitindaklanjuti]))
        let bd = F.complaint(in: .belumDitindaklanjuti)!
        guard case .success(let e) = Workflow.decide(F.complete(.postpone), on: bd, by: F.admin, at: F.later, context: ctx) else {
            Issue.record("postpone refused"); return
        }
        let paused = Workflow.evolve(bd, e)
        guard case .success(let back) = Workflow.decide(Command(.resume), on: paused, by: F.admin, at: F.later, context: ctx) else {
            Issue.record("resume refused"); return
        }
        #expect(back.to == .belumDitindaklanjuti, "resume returns to the status before Tunda")
    }

    // MARK: requirements

    @Test(arguments: [
        (ActionKind.verify, Status.belumTerverifikasi, Requirement.targetUnit),
        (.redispose, .belumDitindaklanjuti, .targetUnit),
        (.forward, .belumDitindaklanjuti, .targetAgency),
        (.cc, .proses, .targetUnit),
        (.postpone, .belumTerverifikasi, .reason),
        (.archive, .belumTerverifikasi, .archiveCode),
        (.followUp, .belumDitindaklanjuti, .text),
        (.note, .proses, .text),
        (.reply, .proses, .text),
        (.rate, .selesai, .rating),
        (.reopen, .selesai, .reason),
        (.linkDuplicate, .belumTerverifikasi, .duplicateOf),
        (.classify, .belumTerverifikasi, .changes),
    ])
    func missingRequirementIsNamed(_ action: ActionKind, _ status: Status, _ requirement: Requirement) {
        let r = Workflow.decide(Command(action), on: F.complaint(in: status), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.missing(action, requirement)))
    }

    @Test func forwardFromBelumTerverifikasiNamesTheMissingPrivacyDecision() {
        let r = Workflow.decide(Command(.forward, ActionDetails(agency: "prov", reason: "Jalan provinsi")),
                                on: F.complaint(in: .belumTerverifikasi), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.missing(.forward, .privacyDecision)))
    }

    @Test func forwardNeedsAReasonEvenWithATarget() {
        let r = Workflow.decide(Command(.forward, ActionDetails(agency: "prov", reason: "   ")),
                                on: F.complaint(in: .belumDitindaklanjuti), by: F.liaison, at: F.later, context: F.context)
        #expect(r == .failure(.missing(.forward, .reason)))
    }

    @Test func forwardToTheSameAgencyIsRefused() {
        let r = Workflow.decide(Command(.forward, ActionDetails(agency: "pemkab", reason: "x")),
                                on: F.complaint(in: .belumDitindaklanjuti), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.sameAgency("pemkab")))
    }

    @Test func forwardToAnUnknownAgencyIsRefused() {
        let r = Workflow.decide(Command(.forward, ActionDetails(agency: "nowhere", reason: "x")),
                                on: F.complaint(in: .belumDitindaklanjuti), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.unknownAgency("nowhere")))
    }

    @Test func verifyToAUnitOfAnotherAgencyIsRefused() {
        let r = Workflow.decide(Command(.verify, ActionDetails(unit: "prov-dik")),
                                on: F.complaint(in: .belumTerverifikasi), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.unitNotInAgency(unit: "prov-dik", agency: "pemkab")))
    }

    @Test func redisposeToTheSameUnitIsRefused() {
        let r = Workflow.decide(Command(.redispose, ActionDetails(unit: "dinkes", reason: "x")),
                                on: F.complaint(in: .belumDitindaklanjuti), by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.sameUnit("dinkes")))
    }

    @Test(arguments: [0, 6, -1, 100])
    func ratingOutsideOneToFiveIsRefused(_ n: Int) {
        let r = Workflow.decide(Command(.rate, ActionDetails(rating: n)), on: F.complaint(in: .selesai), by: F.admin,
                                at: F.later, context: F.context)
        #expect(r == .failure(.ratingOutOfRange(n)))
    }

    @Test func archiveWithReasonOtherNeedsAnExplanation() {
        let bt = F.complaint(in: .belumTerverifikasi)
        #expect(Workflow.decide(Command(.archive, ActionDetails(archiveReason: .other)), on: bt, by: F.admin, at: F.later, context: F.context)
                == .failure(.reasonRequiredForOther))
        if case .failure(let r) = Workflow.decide(Command(.archive, ActionDetails(reason: "Laporan uji coba", archiveReason: .other)),
                                                  on: bt, by: F.admin, at: F.later, context: F.context) {
            Issue.record("refused: \(r)")
        }
    }

    @Test func aReportCannotDuplicateItself() {
        let r = Workflow.decide(Command(.linkDuplicate, ActionDetails(duplicateOf: 1)), on: F.complaint(in: .belumTerverifikasi),
                                by: F.admin, at: F.later, context: F.context)
        #expect(r == .failure(.duplicateOfSelf))
    }

    @Test func trackingIDMustBeDigits() {
        var intake = F.intake
        intake.trackingID = "12A45"
        let r = Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: F.admin, at: F.t0, context: F.context, newID: 1)
        #expect(r == .failure(.trackingIDNotDigits("12A45")))
    }

    @Test func autoCloseWaitsForTenWorkingDays() {
        let proses = F.complaint(in: .proses)!
        // Follow-up Monday 2 Nov 2026 → 10 working days end Monday 16 Nov 23:59:59 WIB.
        let due = OfficeTimeZone.wib.endOfDay(LocalDate(year: 2026, month: 11, day: 16))
        #expect(Workflow.decide(Command(.autoClose), on: proses, by: .system, at: due, context: F.context)
                == .failure(.autoCloseNotDue(due: due)))
        guard case .success(let e) = Workflow.decide(Command(.autoClose), on: proses, by: .system, at: due.adding(seconds: 1), context: F.context) else {
            Issue.record("auto-close refused after the period"); return
        }
        #expect(e.to == .selesai)
    }

    @Test func aReporterReplyStopsTheAutoCloseClock() {
        let proses = F.complaint(in: .proses)!
        guard case .success(let reply) = Workflow.decide(F.complete(.reply), on: proses, by: F.liaison, at: F.t0.adding(days: 1), context: F.context) else {
            Issue.record("reply refused"); return
        }
        let answered = Workflow.evolve(proses, reply)
        #expect(Workflow.decide(Command(.autoClose), on: answered, by: .system, at: F.later, context: F.context) == .failure(.autoCloseNotDue(due: nil)))
    }

    @Test func anActionDatedBeforeTheLastChangeIsRefused() {
        let bt = F.complaint(in: .belumTerverifikasi)!
        #expect(Workflow.decide(F.complete(.verify), on: bt, by: F.admin, at: F.t0.adding(seconds: -1), context: F.context)
                == .failure(.clockBeforeLastChange(last: bt.updatedAt)))
    }

    @Test func refusalsReadAsSentencesInBothLanguages() {
        let r = Refusal.wrongStatus(.verify, status: .proses, allowed: [.belumTerverifikasi])
        let id = IndonesianStrings().refusal(r, names: F.directory, zone: .wib)
        let en = EnglishStrings().refusal(r, names: F.directory, zone: .wib)
        #expect(id == "Verifikasi & disposisi tidak bisa untuk laporan berstatus Proses; hanya untuk: Belum Terverifikasi.")
        #expect(en == "Verify & dispose is not possible in status Proses; only in: Belum Terverifikasi.")
        let unit = Refusal.notYourUnit(.followUp, holder: Holder(agency: "pemkab", unit: "pupr"), actor: F.liaison)
        #expect(IndonesianStrings().refusal(unit, names: F.directory, zone: .wib).contains("Dinas PUPR"))
    }

    // MARK: forwarding

    @Test func forwardKeepsTheStatusAndExtendsTheHolderChain() {
        let bd = F.complaint(in: .belumDitindaklanjuti)!
        guard case .success(let e) = Workflow.decide(F.complete(.forward), on: bd, by: F.liaison, at: F.later, context: F.context) else {
            Issue.record("forward refused"); return
        }
        let c = Workflow.evolve(bd, e)
        #expect(c.status == .belumDitindaklanjuti)
        #expect(c.holder == Holder(agency: "prov"))
        #expect(c.holderChain.map(\.holder.agency) == ["pemkab", "pemkab", "prov"])
        #expect(!c.pingPong)
        #expect(c.dispositionAt == F.later, "a forward restarts the first follow-up timer")
    }

    @Test func aReportThatComesBackIsFlaggedAsPingPong() {
        let provAdmin = Actor(id: "pa", name: "Dewi", role: .admin, agency: "prov")
        let c = F.run([F.receive, F.verify,
                       (F.liaison, F.complete(.forward)),
                       (provAdmin, Command(.forward, ActionDetails(agency: "pemkab", reason: "Jalan kabupaten")))])
        #expect(c.pingPong)
        #expect(c.holderChain.last?.pingPong == true)
        #expect(c.agenciesLeft == ["pemkab", "prov"])
    }

    @Test func availableActionsAreWhatTheGateAllows() {
        let bd = F.complaint(in: .belumDitindaklanjuti)!
        // Issue 15: Dinkes has units below it, so the liaison may also pass down, return up and draft
        // (approve and return-draft wait for a draft).
        #expect(Workflow.availableActions(on: bd, by: F.liaison, context: F.context) == [.redispose, .forward, .followUp, .note,
                                                                                           .passDown, .returnUp, .draft])
        #expect(Workflow.availableActions(on: bd, by: F.supervisor, context: F.context) == [.note])
    }
}
