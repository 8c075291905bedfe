import Testing
import AduanCore

// Who sees what (`Privacy`) and who may act where (`Access`), on reports built by folding
// events the workflow accepted. docs/DOMAIN.md: Anonim hides the reporter's identity from the
// handling units, the reported party and the public; Rahasia hides the content from the
// public; a secret follow-up is for the handling parties only; notes are internal.

/// The shared test office, as this file calls it.
private typealias Office = TestOffice

private extension TestOffice {
    static let liaisonWithoutUnit = Actor(id: "yudi", name: "Yudi", role: .liaison, agency: "pemkab")
    static let supervisorPemkab = Actor(id: "kadis", name: "Kepala Dinas", role: .supervisor, agency: "pemkab")
    static let supervisorProv = Actor(id: "inspektur", name: "Inspektur Provinsi", role: .supervisor, agency: "prov")
    static let supervisorAll = Actor(id: "kominfo", name: "Pemantau Kominfo", role: .supervisor, agency: Access.allAgencies)

    static let operators = [adminPemkab, adminProv, liaisonDinkes, liaisonPupr, liaisonProvX, liaisonWithoutUnit,
                            supervisorPemkab, supervisorProv, supervisorAll]
    static let everyone = operators + [Actor.system]

    static let reporter = Reporter(name: "Siti Aminah", phone: "081234567890", email: "siti@example.id", nik: "3201010101010001")
}

/// A report's events and the state they fold into; each action goes through `Workflow.decide`.
private struct History {
    private(set) var events: [Event] = []
    private(set) var complaint: Complaint
    private var time: Timestamp

    init(anonymous: Bool = false, confidential: Bool = false, by actor: Actor = Office.adminPemkab) throws {
        time = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 6, day: 8), hour: 9)
        let intake = Intake(title: "Pungutan liar di puskesmas", body: "Petugas meminta uang tambahan.",
                            anonymous: anonymous, confidential: confidential, reporter: Office.reporter)
        let e = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: actor, at: time,
                                    context: Office.workflow, newID: 1).get()
        events = [e]
        complaint = Workflow.evolve(nil, e)
    }

    /// Applies an action one minute after the last; throws the refusal if the workflow does not accept it.
    @discardableResult
    mutating func apply(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor) throws -> Event {
        time = time.adding(seconds: 60)
        let e = try Workflow.decide(Command(kind, details), on: complaint, by: actor, at: time, context: Office.workflow).get()
        events.append(e)
        complaint = Workflow.evolve(complaint, e)
        return e
    }

    var intakeEvent: Event { events[0] }

    // The stories the tests tell.

    /// Verified to dinkes with the flags decided, and copied to pupr.
    static func heldByDinkes(anonymous: Bool = false, confidential: Bool = false) throws -> History {
        var h = try History(anonymous: anonymous, confidential: confidential)
        try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous, confidential: confidential)),
                    by: Office.adminPemkab)
        try h.apply(.cc, ActionDetails(unit: "pupr"), by: Office.adminPemkab)
        return h
    }

    /// Verified to dinkes, then forwarded by dinkes ("Bukan Wewenang") to prov, unit prov-x.
    static func forwardedToProv(anonymous: Bool = false) throws -> History {
        var h = try History(anonymous: anonymous)
        try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: anonymous)), by: Office.adminPemkab)
        try h.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi"), by: Office.liaisonDinkes)
        return h
    }

    /// Every story, for the rules that must hold everywhere.
    static func all() throws -> [History] {
        var stories = [try History(), try History(anonymous: true), try History(confidential: true)]
        for anonymous in [false, true] {
            for confidential in [false, true] {
                var h = try heldByDinkes(anonymous: anonymous, confidential: confidential)
                stories.append(h)
                try h.apply(.followUp, ActionDetails(text: "Petugas sudah ditegur.", secret: true), by: Office.liaisonDinkes)
                try h.apply(.note, ActionDetails(text: "Cek rekaman CCTV."), by: Office.supervisorPemkab)
                try h.apply(.followUp, ActionDetails(text: "Uang sudah dikembalikan."), by: Office.liaisonDinkes)
                try h.apply(.reply, ActionDetails(text: "Terima kasih."), by: Office.adminPemkab)
                stories.append(h)
            }
            var f = try forwardedToProv(anonymous: anonymous)
            stories.append(f)
            try f.apply(.followUp, ActionDetails(text: "Ditangani provinsi.", secret: true), by: Office.liaisonProvX)
            stories.append(f)
        }
        return stories
    }
}

// MARK: - Anonim: the reporter's identity

struct AnonymousReporterTests {
    @Test func intakeAgencyAdminSeesTheAnonymousReporter() throws {
        let c = try History.heldByDinkes(anonymous: true).complaint
        #expect(Privacy.canSeeReporter(c, viewer: Office.adminPemkab))
    }

    @Test func holdingUnitsLiaisonDoesNotSeeTheAnonymousReporter() throws {
        let c = try History.heldByDinkes(anonymous: true).complaint
        #expect(!Privacy.canSeeReporter(c, viewer: Office.liaisonDinkes))
    }

    @Test(arguments: [Office.supervisorPemkab, Office.supervisorAll])
    func supervisorDoesNotSeeTheAnonymousReporter(supervisor: Actor) throws {
        let c = try History.heldByDinkes(anonymous: true).complaint
        #expect(!Privacy.canSeeReporter(c, viewer: supervisor))
    }

    @Test func copiedUnitDoesNotSeeTheAnonymousReporter() throws {
        let c = try History.heldByDinkes(anonymous: true).complaint
        #expect(!Privacy.canSeeReporter(c, viewer: Office.liaisonPupr))
    }

    @Test(arguments: [Office.adminProv, Office.liaisonProvX, Office.supervisorProv])
    func newAgencyDoesNotSeeTheAnonymousReporterAfterAForward(viewer: Actor) throws {
        let c = try History.forwardedToProv(anonymous: true).complaint
        #expect(!Privacy.canSeeReporter(c, viewer: viewer))
    }

    @Test func intakeAgencyAdminStillSeesTheAnonymousReporterAfterAForward() throws {
        let c = try History.forwardedToProv(anonymous: true).complaint
        #expect(Privacy.canSeeReporter(c, viewer: Office.adminPemkab))
    }

    @Test func anonymousFlagFromIntakeHidesTheReporterBeforeAnyDecision() throws {
        let c = try History(anonymous: true).complaint
        #expect(!c.privacyDecided)
        #expect(!Privacy.canSeeReporter(c, viewer: Office.supervisorPemkab))
        #expect(Privacy.canSeeReporter(c, viewer: Office.adminPemkab))
    }

    @Test func anonymitySetAfterIntakeHidesTheReporterFromThenOn() throws {
        var h = try History.heldByDinkes()
        #expect(Privacy.canSeeReporter(h.complaint, viewer: Office.liaisonDinkes))
        try h.apply(.classify, ActionDetails(changes: ClassificationChange(anonymous: true)), by: Office.adminPemkab)
        #expect(!Privacy.canSeeReporter(h.complaint, viewer: Office.liaisonDinkes))
    }

    @Test func onlyIntakeAgencyAdminsAndTheSystemSeeAnAnonymousReporterInAnyStory() throws {
        for h in try History.all() where h.complaint.anonymous {
            for viewer in Office.everyone where Privacy.canSeeReporter(h.complaint, viewer: viewer) {
                let allowed = viewer.role == .system || (viewer.role == .admin && viewer.agency == h.complaint.intakeAgency)
                #expect(allowed, "\(viewer.id) sees the anonymous reporter of a report held by \(h.complaint.holder)")
            }
        }
    }
}

// MARK: - A named reporter

struct NamedReporterTests {
    @Test(arguments: [Office.adminPemkab, Office.liaisonDinkes, Office.supervisorPemkab])
    func handlingPartiesSeeANamedReporter(viewer: Actor) throws {
        let c = try History.heldByDinkes().complaint
        #expect(Privacy.canSeeReporter(c, viewer: viewer))
    }

    @Test func copiedUnitDoesNotSeeANamedReporter() throws {
        let c = try History.heldByDinkes().complaint
        #expect(!Privacy.canSeeReporter(c, viewer: Office.liaisonPupr))
    }

    @Test(arguments: [Office.adminProv, Office.liaisonProvX, Office.supervisorProv, Office.liaisonWithoutUnit])
    func outsidersDoNotSeeANamedReporter(viewer: Actor) throws {
        let c = try History.heldByDinkes().complaint
        #expect(!Privacy.canSeeReporter(c, viewer: viewer))
    }

    @Test(arguments: [Office.adminProv, Office.liaisonProvX, Office.supervisorProv])
    func newHandlingPartiesSeeANamedReporterAfterAForward(viewer: Actor) throws {
        let c = try History.forwardedToProv().complaint
        #expect(Privacy.canSeeReporter(c, viewer: viewer))
    }

    @Test func formerHoldingUnitNoLongerSeesANamedReporterAfterAForward() throws {
        let c = try History.forwardedToProv().complaint
        #expect(!Privacy.canSeeReporter(c, viewer: Office.liaisonDinkes))
    }

    @Test func systemSeesTheReporter() throws {
        #expect(Privacy.canSeeReporter(try History.heldByDinkes(anonymous: true).complaint, viewer: .system))
    }
}

// MARK: - Redaction

struct RedactionTests {
    @Test func redactedReportLosesTheReporterExactlyWhenItIsHidden() throws {
        for h in try History.all() {
            let c = h.complaint
            for viewer in Office.everyone {
                let r = Privacy.redacted(c, for: viewer)
                if Privacy.canSeeReporter(c, viewer: viewer) {
                    #expect(r.reporter == Office.reporter, "\(viewer.id) should see the reporter")
                } else {
                    #expect(r.reporter == nil, "\(viewer.id) must not see the reporter")
                }
            }
        }
    }

    @Test func redactedReportKeepsEverythingButTheReporter() throws {
        let c = try History.heldByDinkes(anonymous: true).complaint
        var r = Privacy.redacted(c, for: Office.liaisonDinkes)
        #expect(r.reporter == nil)
        r.reporter = c.reporter
        #expect(r == c)
    }

    @Test func intakeEventLosesTheReporterForTheHoldingUnitOfAnAnonymousReport() throws {
        let h = try History.heldByDinkes(anonymous: true)
        let e = try #require(Privacy.redacted(h.intakeEvent, in: h.complaint, for: Office.liaisonDinkes))
        #expect(e.details.intake?.reporter == nil)
        #expect(e.details.intake?.title == "Pungutan liar di puskesmas")
    }

    @Test func intakeEventKeepsTheReporterForTheIntakeAdmin() throws {
        let h = try History.heldByDinkes(anonymous: true)
        let e = try #require(Privacy.redacted(h.intakeEvent, in: h.complaint, for: Office.adminPemkab))
        #expect(e.details.intake?.reporter == Office.reporter)
        #expect(e == h.intakeEvent)
    }

    @Test func intakeEventRecordedBeforeAnonymityWasSetIsRedactedByTheCurrentFlag() throws {
        var h = try History.heldByDinkes()
        try h.apply(.classify, ActionDetails(changes: ClassificationChange(anonymous: true)), by: Office.adminPemkab)
        let e = try #require(Privacy.redacted(h.intakeEvent, in: h.complaint, for: Office.liaisonDinkes))
        #expect(e.details.intake?.reporter == nil)
    }

    @Test func eventIsHiddenEntirelyFromAViewerWhoCannotOpenTheReport() throws {
        let h = try History.heldByDinkes()
        #expect(Privacy.redacted(h.intakeEvent, in: h.complaint, for: Office.adminProv) == nil)
    }

    @Test func noRedactedEventCarriesAReporterTheViewerMayNotSee() throws {
        for h in try History.all() {
            for viewer in Office.everyone where !Privacy.canSeeReporter(h.complaint, viewer: viewer) {
                for e in h.events {
                    #expect(Privacy.redacted(e, in: h.complaint, for: viewer)?.details.intake?.reporter == nil,
                            "\(viewer.id) sees the reporter in a \(e.kind.rawValue) event")
                }
            }
        }
    }
}

// MARK: - Secret follow-ups

struct SecretFollowUpTests {
    /// Held by dinkes and copied to pupr; dinkes posts a secret follow-up.
    private func secret() throws -> (History, Event) {
        var h = try History.heldByDinkes()
        let e = try h.apply(.followUp, ActionDetails(text: "Petugas sudah ditegur.", secret: true), by: Office.liaisonDinkes)
        return (h, e)
    }

    @Test(arguments: [Office.liaisonDinkes, Office.adminPemkab, Office.supervisorPemkab, Actor.system])
    func currentHandlingPartiesSeeASecretFollowUp(viewer: Actor) throws {
        let (h, e) = try secret()
        #expect(Privacy.canSeeEvent(e, in: h.complaint, viewer: viewer))
        #expect(Privacy.redacted(e, in: h.complaint, for: viewer) == e)
    }

    @Test func copiedUnitDoesNotSeeASecretFollowUp() throws {
        let (h, e) = try secret()
        #expect(!Privacy.canSeeEvent(e, in: h.complaint, viewer: Office.liaisonPupr))
        #expect(Privacy.redacted(e, in: h.complaint, for: Office.liaisonPupr) == nil)
    }

    @Test func copiedUnitSeesAPublicFollowUp() throws {
        var h = try History.heldByDinkes()
        let e = try h.apply(.followUp, ActionDetails(text: "Petugas sudah ditegur."), by: Office.liaisonDinkes)
        #expect(Privacy.canSeeEvent(e, in: h.complaint, viewer: Office.liaisonPupr))
    }

    @Test func formerUnitDoesNotSeeASecretFollowUpAfterARedisposition() throws {
        var h = try History.heldByDinkes()
        try h.apply(.redispose, ActionDetails(unit: "pupr", reason: "Urusan jalan"), by: Office.adminPemkab)
        let e = try h.apply(.followUp, ActionDetails(text: "Segera diperbaiki.", secret: true), by: Office.liaisonPupr)
        #expect(Privacy.canView(h.complaint, viewer: Office.liaisonDinkes))
        #expect(!Privacy.canSeeEvent(e, in: h.complaint, viewer: Office.liaisonDinkes))
    }

    @Test(arguments: [Office.adminProv, Office.liaisonProvX, Office.supervisorProv])
    func newHoldingAgencySeesItsSecretFollowUpAfterAForward(viewer: Actor) throws {
        var h = try History.forwardedToProv()
        let e = try h.apply(.followUp, ActionDetails(text: "Ditangani provinsi.", secret: true), by: Office.liaisonProvX)
        #expect(Privacy.canSeeEvent(e, in: h.complaint, viewer: viewer))
    }

    @Test(arguments: [Office.liaisonDinkes, Office.supervisorPemkab])
    func formerHoldersDoNotSeeASecretFollowUpAfterAForward(viewer: Actor) throws {
        var h = try History.forwardedToProv()
        let e = try h.apply(.followUp, ActionDetails(text: "Ditangani provinsi.", secret: true), by: Office.liaisonProvX)
        #expect(Privacy.canView(h.complaint, viewer: viewer))
        #expect(!Privacy.canSeeEvent(e, in: h.complaint, viewer: viewer))
    }

    @Test func formerHoldingAgencysAdminDoesNotSeeASecretFollowUpAfterAForward() throws {
        // pemkab received the report and passed it on; prov's secret answer is not pemkab's to read.
        var h = try History.forwardedToProv()
        let e = try h.apply(.followUp, ActionDetails(text: "Ditangani provinsi.", secret: true), by: Office.liaisonProvX)
        let mayOpen = Privacy.canView(h.complaint, viewer: Office.adminPemkab)
        let handling = Privacy.isHandling(h.complaint, viewer: Office.adminPemkab)
        let seesSecret = Privacy.canSeeEvent(e, in: h.complaint, viewer: Office.adminPemkab)
        #expect(mayOpen, "the intake agency may still open the report")
        #expect(!handling, "pemkab passed the report on: it no longer handles it")
        #expect(!seesSecret, "pemkab's admin reads prov's secret follow-up")
    }
}

// MARK: - What may be published

struct PublicationTests {
    @Test func noteIsNeverPublishable() throws {
        var h = try History.heldByDinkes()
        let e = try h.apply(.note, ActionDetails(text: "Cek rekaman CCTV."), by: Office.liaisonDinkes)
        #expect(e.isInternal)
        #expect(!Privacy.isPublishable(e))
        #expect(Privacy.publicEvent(e, in: h.complaint) == nil)
    }

    @Test func secretFollowUpIsNeverPublishable() throws {
        var h = try History.heldByDinkes()
        let e = try h.apply(.followUp, ActionDetails(text: "Petugas sudah ditegur.", secret: true), by: Office.liaisonDinkes)
        #expect(e.isSecret)
        #expect(!Privacy.isPublishable(e))
        #expect(Privacy.publicEvent(e, in: h.complaint) == nil)
    }

    @Test func classificationAndCopyEventsAreNotPublishable() throws {
        let h = try History.heldByDinkes()
        for e in h.events where e.kind == .cc || e.kind == .classify {
            #expect(!Privacy.isPublishable(e))
        }
        #expect(h.events.contains { $0.kind == .cc })
    }

    @Test func publicFollowUpIsPublishedWithItsTextButWithoutTheOfficersName() throws {
        var h = try History.heldByDinkes()
        let e = try h.apply(.followUp, ActionDetails(text: "Uang sudah dikembalikan."), by: Office.liaisonDinkes)
        #expect(Privacy.isPublishable(e))
        let p = try #require(Privacy.publicEvent(e, in: h.complaint))
        #expect(p.details.text == "Uang sudah dikembalikan.")
        #expect(p.actor.name.isEmpty)
        #expect(p.actor.id.isEmpty)
    }

    @Test func publishedIntakeCarriesNoReporter() throws {
        let h = try History.heldByDinkes()
        let p = try #require(Privacy.publicEvent(h.intakeEvent, in: h.complaint))
        #expect(p.details.intake?.reporter == nil)
        #expect(p.details.intake?.title == "Pungutan liar di puskesmas")
        #expect(p.actor.name.isEmpty)
    }

    @Test func confidentialReportIsNotPublishable() throws {
        #expect(!Privacy.isPublishable(try History.heldByDinkes(confidential: true).complaint))
        #expect(Privacy.isPublishable(try History.heldByDinkes().complaint))
    }

    @Test func noEventOfAConfidentialReportIsPublished() throws {
        var h = try History.heldByDinkes(confidential: true)
        try h.apply(.followUp, ActionDetails(text: "Uang sudah dikembalikan."), by: Office.liaisonDinkes)
        for e in h.events {
            #expect(Privacy.publicEvent(e, in: h.complaint) == nil, "\(e.kind.rawValue) event published")
        }
    }

    @Test func publishedEventsNeverCarryTheReporterOrAnOperatorsName() throws {
        for h in try History.all() {
            for e in h.events {
                guard let p = Privacy.publicEvent(e, in: h.complaint) else { continue }
                #expect(p.details.intake?.reporter == nil)
                #expect(p.actor.name.isEmpty && p.actor.id.isEmpty)
                #expect(!p.isSecret && !p.isInternal)
            }
        }
    }
}

// MARK: - Opening a report

struct ViewingTests {
    @Test func formerHoldingUnitMayStillOpenTheReport() throws {
        let c = try History.forwardedToProv().complaint
        #expect(Privacy.canView(c, viewer: Office.liaisonDinkes))
    }

    @Test(arguments: [Office.adminPemkab, Office.supervisorPemkab])
    func intakeAgencyMayStillOpenTheReportAfterAForward(viewer: Actor) throws {
        let c = try History.forwardedToProv().complaint
        #expect(Privacy.canView(c, viewer: viewer))
    }

    @Test func copiedUnitMayOpenTheReport() throws {
        let c = try History.heldByDinkes().complaint
        #expect(Privacy.canView(c, viewer: Office.liaisonPupr))
    }

    @Test func copiedUnitOfAnotherAgencyMayOpenTheReport() throws {
        var h = try History.heldByDinkes()
        try h.apply(.cc, ActionDetails(unit: "prov-x"), by: Office.adminPemkab)
        #expect(Privacy.canView(h.complaint, viewer: Office.liaisonProvX))
        #expect(!Privacy.canView(h.complaint, viewer: Office.adminProv))
    }

    @Test func otherUnitOfTheSameAgencyMayNotOpenTheReport() throws {
        var h = try History()
        try h.apply(.verify, ActionDetails(unit: "dinkes"), by: Office.adminPemkab)
        #expect(!Privacy.canView(h.complaint, viewer: Office.liaisonPupr))
    }

    @Test(arguments: [Office.adminProv, Office.liaisonProvX, Office.supervisorProv, Office.liaisonWithoutUnit])
    func outsidersMayNotOpenTheReport(viewer: Actor) throws {
        let c = try History.heldByDinkes().complaint
        #expect(!Privacy.canView(c, viewer: viewer))
    }

    @Test func unverifiedReportIsOpenToTheAgencyNotToItsUnits() throws {
        let c = try History().complaint
        #expect(Privacy.canView(c, viewer: Office.adminPemkab))
        #expect(Privacy.canView(c, viewer: Office.supervisorPemkab))
        #expect(!Privacy.canView(c, viewer: Office.liaisonDinkes))
    }

    @Test func whoeverMaySeeTheReporterMayOpenTheReport() throws {
        for h in try History.all() {
            for viewer in Office.everyone where Privacy.canSeeReporter(h.complaint, viewer: viewer) {
                #expect(Privacy.canView(h.complaint, viewer: viewer))
            }
        }
    }
}

// MARK: - Acting on a report

struct AccessTests {
    @Test func adminMayActOnReportsItsAgencyHolds() throws {
        let c = try History().complaint
        #expect(Access.mayAct(.verify, on: c, actor: Office.adminPemkab))
        #expect(!Access.mayAct(.verify, on: c, actor: Office.adminProv))
    }

    @Test func formerAgencyAdminMayNoLongerActAfterAForward() throws {
        let c = try History.forwardedToProv().complaint
        #expect(!Access.mayAct(.classify, on: c, actor: Office.adminPemkab))
        #expect(!Access.mayAct(.note, on: c, actor: Office.adminPemkab))
        #expect(Access.mayAct(.classify, on: c, actor: Office.adminProv))
    }

    @Test func holdingUnitsLiaisonMayFollowUp() throws {
        let c = try History.heldByDinkes().complaint
        #expect(Access.mayAct(.followUp, on: c, actor: Office.liaisonDinkes))
        #expect(Access.mayAct(.forward, on: c, actor: Office.liaisonDinkes))
    }

    @Test func copiedUnitMayOnlyKeepNotes() throws {
        let c = try History.heldByDinkes().complaint
        #expect(Access.mayAct(.note, on: c, actor: Office.liaisonPupr))
        for kind in ActionKind.allCases where kind != .note {
            #expect(!Access.mayAct(kind, on: c, actor: Office.liaisonPupr), "\(kind.rawValue)")
        }
    }

    @Test func otherUnitMayNotActAtAll() throws {
        var h = try History()
        try h.apply(.verify, ActionDetails(unit: "dinkes"), by: Office.adminPemkab)
        for kind in ActionKind.allCases {
            #expect(!Access.mayAct(kind, on: h.complaint, actor: Office.liaisonPupr), "\(kind.rawValue)")
        }
    }

    @Test func formerHoldingUnitMayNotActAfterAForward() throws {
        let c = try History.forwardedToProv().complaint
        #expect(!Access.mayAct(.followUp, on: c, actor: Office.liaisonDinkes))
        #expect(!Access.mayAct(.note, on: c, actor: Office.liaisonDinkes))
    }

    @Test func liaisonWithoutAUnitMayNotAct() throws {
        let c = try History.heldByDinkes().complaint
        #expect(!Access.mayAct(.note, on: c, actor: Office.liaisonWithoutUnit))
    }

    @Test func supervisorMayActOnlyWithinItsAgency() throws {
        let c = try History.heldByDinkes().complaint
        #expect(Access.mayAct(.note, on: c, actor: Office.supervisorPemkab))
        #expect(!Access.mayAct(.note, on: c, actor: Office.supervisorProv))
    }

    @Test func systemMayAlwaysAct() throws {
        let c = try History.forwardedToProv().complaint
        for kind in ActionKind.allCases { #expect(Access.mayAct(kind, on: c, actor: .system)) }
    }

    @Test func workflowRefusesAFollowUpFromAnotherUnit() throws {
        let h = try History.heldByDinkes()
        let result = Workflow.decide(Command(.followUp, ActionDetails(text: "Sudah ditangani.")), on: h.complaint,
                                     by: Office.liaisonPupr, at: h.complaint.updatedAt.adding(seconds: 60), context: Office.workflow)
        #expect(result == .failure(.notYourUnit(.followUp, holder: Holder(agency: "pemkab", unit: "dinkes"), actor: Office.liaisonPupr)))
    }
}

// MARK: - The inbox

struct InboxTests {
    @Test(arguments: [
        (Office.adminPemkab, InboxScope.agency("pemkab")),
        (Office.liaisonDinkes, .unit("pemkab", "dinkes", includingCopies: true)),
        (Office.supervisorProv, .agency("prov")),
        (Office.supervisorAll, .everything),
        (Actor.system, .everything),
    ])
    func inboxScopeFollowsTheRole(actor: Actor, scope: InboxScope) {
        #expect(Access.inboxScope(of: actor) == scope)
    }

    @Test func unitInboxHoldsItsReportsAndItsCopies() throws {
        let c = try History.heldByDinkes().complaint
        #expect(Access.inboxScope(of: Office.liaisonDinkes).contains(c))
        #expect(Access.inboxScope(of: Office.liaisonPupr).contains(c))
        #expect(!InboxScope.unit("pemkab", "pupr", includingCopies: false).contains(c))
        #expect(!Access.inboxScope(of: Office.liaisonProvX).contains(c))
    }

    @Test func unverifiedReportIsInTheAgencyInboxOnly() throws {
        let c = try History().complaint
        #expect(Access.inboxScope(of: Office.adminPemkab).contains(c))
        #expect(!Access.inboxScope(of: Office.liaisonDinkes).contains(c))
        #expect(!Access.inboxScope(of: Office.liaisonWithoutUnit).contains(c))
    }

    @Test func forwardMovesTheReportToTheNewAgencysInbox() throws {
        let c = try History.forwardedToProv().complaint
        // The former holders keep it in what they may list (issue 11), no longer in their working inbox.
        #expect(!Access.inboxScope(of: Office.adminPemkab).holdsNow(c))
        #expect(!Access.inboxScope(of: Office.liaisonDinkes).holdsNow(c))
        #expect(Access.inboxScope(of: Office.adminPemkab).contains(c))
        #expect(Access.inboxScope(of: Office.liaisonDinkes).contains(c))
        #expect(c.wasForwardedAway(by: "pemkab") && !c.wasForwardedAway(by: "prov"))
        #expect(Access.inboxScope(of: Office.adminProv).holdsNow(c))
        #expect(Access.inboxScope(of: Office.adminProv).contains(c))
        #expect(Access.inboxScope(of: Office.liaisonProvX).contains(c))
    }

    @Test func everythingInTheInboxMayBeOpened() throws {
        for h in try History.all() {
            for actor in Office.everyone where Access.inboxScope(of: actor).contains(h.complaint) {
                #expect(Privacy.canView(h.complaint, viewer: actor), "\(actor.id) lists a report it may not open")
            }
        }
    }
}

// MARK: - The all-agency supervisor

struct AllAgencySupervisorTests {
    @Test func seesEveryReportInItsInboxAndMayOpenIt() throws {
        for h in try History.all() {
            #expect(Access.inboxScope(of: Office.supervisorAll).contains(h.complaint))
            #expect(Privacy.canView(h.complaint, viewer: Office.supervisorAll))
        }
    }

    @Test func mayKeepNotesOnEveryReport() throws {
        for h in try History.all() {
            #expect(Access.mayAct(.note, on: h.complaint, actor: Office.supervisorAll))
        }
    }

    /// A monitor watches figures across agencies; it is not a handling party, so secret follow-ups stay hidden.
    @Test func seesNoSecretFollowUp() throws {
        var checked = 0
        for h in try History.all() {
            for e in h.events where e.isSecret {
                #expect(!Privacy.canSeeEvent(e, in: h.complaint, viewer: Office.supervisorAll))
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func doesNotSeeANamedReporterEither() throws {
        for h in try History.all() {
            #expect(!Privacy.canSeeReporter(h.complaint, viewer: Office.supervisorAll))
        }
    }

    @Test func doesNotSeeAnAnonymousReporter() throws {
        for h in try History.all() where h.complaint.anonymous {
            #expect(!Privacy.canSeeReporter(h.complaint, viewer: Office.supervisorAll))
        }
    }
}

// MARK: - Confidential content in lists and searches

struct ConfidentialContentTests {
    static let now = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 6, day: 20), hour: 9)

    static func context(for viewer: Actor) -> FilterContext {
        FilterContext(now: now, calendar: .standard, deadlines: .standard, content: Privacy.contentAccess(of: viewer))
    }

    /// Held by dinkes, copied to pupr: the handlers (and the copy) read it; the all-agency monitor,
    /// a former holder and other agencies do not.
    @Test func onlyTheHandlingPartiesReadAConfidentialReport() throws {
        let c = try History.heldByDinkes(confidential: true).complaint
        for viewer in [Office.adminPemkab, Office.supervisorPemkab, Office.liaisonDinkes, Office.liaisonPupr, Actor.system] {
            #expect(Privacy.canSeeContent(c, viewer: viewer), "\(viewer.id) handles it")
        }
        for viewer in [Office.supervisorAll, Office.adminProv, Office.supervisorProv, Office.liaisonProvX, Office.liaisonWithoutUnit] {
            #expect(!Privacy.canSeeContent(c, viewer: viewer), "\(viewer.id) reads a confidential report")
        }
        let forwarded = try { () throws -> Complaint in
            var h = try History(confidential: true)
            try h.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(confidential: true)), by: Office.adminPemkab)
            try h.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Kewenangan provinsi"), by: Office.liaisonDinkes)
            return h.complaint
        }()
        #expect(Privacy.canView(forwarded, viewer: Office.liaisonDinkes))
        #expect(!Privacy.canSeeContent(forwarded, viewer: Office.liaisonDinkes), "a former holder reads it")
        #expect(!Privacy.canSeeContent(forwarded, viewer: Office.adminPemkab), "the intake agency after the forward reads it")
        #expect(Privacy.canSeeContent(forwarded, viewer: Office.liaisonProvX))
    }

    /// One rule: what a viewer may read is exactly what the store's content access covers among
    /// the reports the viewer may open, for every story and viewer.
    @Test func theStoresContentRuleIsCanSeeContent() throws {
        for h in try History.all() {
            for viewer in Office.everyone where Privacy.canView(h.complaint, viewer: viewer) {
                #expect(Privacy.contentAccess(of: viewer).mayRead(h.complaint) == Privacy.canSeeContent(h.complaint, viewer: viewer),
                        "\(viewer.id) on a \(h.complaint.confidential ? "confidential" : "plain") report")
            }
        }
    }

    /// A word of the hidden title or body never selects the report for a viewer who may not read
    /// it (the body could be probed word by word); handlers find it, NOT and empty searches behave.
    @Test func aSearchNeverMatchesTextTheViewerMayNotRead() throws {
        let c = try History.heldByDinkes(confidential: true).complaint
        for word in ["Pungutan", "puskesmas", "uang", "\"meminta uang\"", "Petugas tambahan"] {
            let f = FilterExpression.term(.text(word))
            #expect(!f.matches(c, Self.context(for: Office.supervisorAll)), "«\(word)» finds it for the monitor")
            #expect(FilterExpression.not(f).matches(c, Self.context(for: Office.supervisorAll)))
            #expect(!FilterExpression.or([f, .term(.localID(999))]).matches(c, Self.context(for: Office.supervisorAll)))
            #expect(f.matches(c, Self.context(for: Office.liaisonDinkes)), "«\(word)» for the handling unit")
            #expect(f.matches(c, Self.context(for: Office.supervisorPemkab)), "«\(word)» for the agency's supervisor")
        }
        #expect(FilterExpression.term(.text("")).matches(c, Self.context(for: Office.supervisorAll)))
        #expect(FilterExpression.term(.confidential).matches(c, Self.context(for: Office.supervisorAll)), "that it is confidential is not hidden")
        // A plain report is searchable by everyone who lists it.
        let plain = try History.heldByDinkes().complaint
        #expect(FilterExpression.term(.text("Pungutan")).matches(plain, Self.context(for: Office.supervisorAll)))
    }

    /// A monitor is not a handling party even of a report held by an agency it watches.
    @Test func theAllAgencyMonitorReadsNoConfidentialReport() throws {
        for h in try History.all() where h.complaint.confidential {
            #expect(!Privacy.canSeeContent(h.complaint, viewer: Office.supervisorAll))
            #expect(!Privacy.contentAccess(of: Office.supervisorAll).mayRead(h.complaint))
        }
    }
}

// MARK: - Privacy decisions (issue 10)

struct PrivacyDecisionTests {
    static let lift = ActionDetails(changes: ClassificationChange(anonymous: false))

    /// Lifting anonymity exposes the reporter to the handling units: a reason is required, kept in
    /// the event (and its stored form), and the history line says the anonymity was lifted.
    @Test func liftingAnonymityNeedsAReasonRecordedInTheHistory() throws {
        var h = try History.heldByDinkes(anonymous: true)
        #expect(throws: Refusal.reasonRequiredToLiftAnonymity(.classify)) { try h.apply(.classify, Self.lift, by: Office.adminPemkab) }
        var withReason = Self.lift
        withReason.reason = "Pelapor meminta namanya dicantumkan"
        let e = try h.apply(.classify, withReason, by: Office.adminPemkab)
        #expect(!h.complaint.anonymous)
        let stored = EventCodec.decodeStored(complaint: e.complaintID, version: e.version, at: e.at.seconds, kind: e.kind.rawValue,
                                             body: String(decoding: EventCodec.storedBody(e), as: UTF8.self))
        #expect(stored == e, "the reason survives the store's codec")
        let p = ComplaintPresentation.make(h.complaint, events: h.events, viewer: Office.adminPemkab, config: Self.config,
                                           now: e.at, strings: EnglishStrings())
        let line = try #require(p.timeline.last?.summary)
        #expect(line.contains("anonymity lifted") && line.contains("Pelapor meminta namanya dicantumkan"), "\(line)")
        // Verification cannot lift it quietly either.
        var fresh = try History(anonymous: true)
        #expect(throws: Refusal.reasonRequiredToLiftAnonymity(.verify)) {
            try fresh.apply(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false)), by: Office.adminPemkab)
        }
        // Making a report anonymous needs no reason.
        var other = try History.heldByDinkes()
        try other.apply(.classify, ActionDetails(changes: ClassificationChange(anonymous: true)), by: Office.adminPemkab)
        #expect(other.complaint.anonymous)
    }

    static let config = OfficeConfig(officeName: "Pemkab", agency: "pemkab", language: .en, directory: Office.directory)

    /// A report does not leave the office before its anonymity and confidentiality are decided.
    @Test func forwardFromBelumTerverifikasiNeedsThePrivacyDecision() throws {
        let forward = ActionDetails(agency: "prov", reason: "Kewenangan provinsi")
        var h = try History(anonymous: true)
        #expect(throws: Refusal.missing(.forward, .privacyDecision)) { try h.apply(.forward, forward, by: Office.adminPemkab) }
        var half = forward
        half.changes = ClassificationChange(anonymous: true)
        #expect(throws: Refusal.missing(.forward, .privacyDecision), "both flags are the decision") { try h.apply(.forward, half, by: Office.adminPemkab) }
        var decided = forward
        decided.changes = ClassificationChange(anonymous: true, confidential: true)
        try h.apply(.forward, decided, by: Office.adminPemkab)
        #expect(h.complaint.privacyDecided && h.complaint.anonymous && h.complaint.confidential)
        #expect(h.complaint.holder.agency == "prov")
        #expect(Workflow.replay(h.events, context: Office.workflow).map(\.privacyDecided) == .success(true))
        // Already decided: the forward needs nothing more.
        var d = try History()
        try d.apply(.classify, ActionDetails(changes: ClassificationChange(anonymous: false, confidential: false)), by: Office.adminPemkab)
        try d.apply(.forward, forward, by: Office.adminPemkab)
        #expect(d.complaint.holder.agency == "prov")
    }

    /// Only a forward from Belum Terverifikasi carries the decision: a liaison cannot change the flags
    /// by forwarding from Belum Ditindaklanjuti.
    @Test func aForwardFromBelumDitindaklanjutiChangesNoFlags() throws {
        var h = try History.heldByDinkes(anonymous: true)
        #expect(throws: Refusal.changesNotTakenBy(.forward)) {
            try h.apply(.forward, ActionDetails(agency: "prov", reason: "x", changes: ClassificationChange(anonymous: false, confidential: false)),
                        by: Office.liaisonDinkes)
        }
        #expect(h.complaint.anonymous)
    }

    /// Histories written before these rules (a forward without the decision, a lift without a reason)
    /// still replay: `verify` does not call yesterday's records damaged.
    @Test func historiesRecordedBeforeTheRulesStillReplay() throws {
        let h = try History(anonymous: true)
        let at = h.complaint.updatedAt
        let classify = Event(complaintID: 1, version: 2, at: at.adding(seconds: 60), actor: Office.adminPemkab, kind: .classify,
                             from: .belumTerverifikasi, to: .belumTerverifikasi, details: Self.lift)
        let forward = Event(complaintID: 1, version: 3, at: at.adding(seconds: 120), actor: Office.adminPemkab, kind: .forward,
                            from: .belumTerverifikasi, to: .belumTerverifikasi, details: ActionDetails(agency: "prov", reason: "Kewenangan provinsi"))
        let old = h.events + [classify, forward]
        guard case .success(let c) = Workflow.replay(old, context: Office.workflow) else {
            Issue.record("an old history no longer replays: \(Workflow.replay(old, context: Office.workflow))"); return
        }
        #expect(!c.anonymous && c.holder.agency == "prov")
        // New actions obey the rules.
        #expect(Workflow.decide(Command(.classify, Self.lift), on: h.complaint, by: Office.adminPemkab, at: at.adding(seconds: 60),
                                context: Office.workflow) == .failure(.reasonRequiredToLiftAnonymity(.classify)))
    }

    /// Public texts never carry the reporter's name (as a whole word), phone, e-mail or NIK, even
    /// when an old template wrote them in; other words are left alone.
    @Test func publicTextsNeverCarryTheReporterIdentity() throws {
        var h = try History.heldByDinkes()
        try h.apply(.followUp, ActionDetails(text: "Terima kasih, Siti Aminah. Hubungi 081234567890 / siti@example.id (NIK 3201010101010001). Siti Aminahwati lain orang."),
                    by: Office.liaisonDinkes)
        let e = try #require(Privacy.publicEvent(h.events.last!, in: h.complaint))
        let text = try #require(e.details.text)
        for s in ["Siti Aminah.", "081234567890", "siti@example.id", "3201010101010001"] { #expect(!text.contains(s), "\(s) in \(text)") }
        #expect(text.hasPrefix("Terima kasih, Pelapor."))
        #expect(text.contains("Siti Aminahwati"), "only whole-word occurrences of the name are replaced")
    }
}

extension PrivacyDecisionTests {
    /// A follow-up stored before the fix, naming an anonymous reporter, does not show the name to a
    /// unit that may not see the identity; the intake admin still reads it as written.
    @Test func anOldTextNamingAnAnonymousReporterIsScrubbedForThoseWhoMayNotSeeThem() throws {
        var h = try History.heldByDinkes(anonymous: true)
        let e = try h.apply(.followUp, ActionDetails(text: "Terima kasih, Siti Aminah."), by: Office.liaisonDinkes)
        #expect(Privacy.redacted(e, in: h.complaint, for: Office.liaisonDinkes)?.details.text == "Terima kasih, Pelapor.")
        #expect(Privacy.redacted(e, in: h.complaint, for: Office.adminPemkab)?.details.text == "Terima kasih, Siti Aminah.")
    }
}
