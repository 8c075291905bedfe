import AduanCore
import Testing

/// Issue 13 §4 in the core: an import is one event by the importing operator, carrying the
/// source's history as quoted data; a new import lands only in the importer's own agency.
@Suite struct ImportSourceTests {
    typealias F = GridFixture
    static let provAdmin = Actor(id: "admin-prov", name: "Dewi", role: .admin, agency: "prov")
    static let now = F.t0.adding(days: 21)

    /// A history as a source store recorded it, event by event.
    static func history(_ steps: [(Actor, Command)]) -> [Event] {
        var c: Complaint?
        var events: [Event] = []
        for (i, (actor, cmd)) in steps.enumerated() {
            let e = try! Workflow.decide(cmd, on: c, by: actor, at: F.t0.adding(seconds: Int64(i * 3600)), context: F.context, newID: 0).get()
            events.append(e)
            c = Workflow.evolve(c, e)
        }
        return events
    }

    static let source = history([
        F.receive, F.verify, F.followUp,
        (F.liaison, Command(.followUp, ActionDetails(text: "Kontraktor dipanggil, nama pelapor Wati", secret: true))),
        (F.admin, Command(.classify, ActionDetails(changes: ClassificationChange(title: "Jalan berlubang Mekarsari", priority: .high)))),
        (F.admin, Command(.cc, ActionDetails(unit: "pupr"))),
    ])

    static func importEvent(_ events: [Event], by actor: Actor = F.admin) -> Result<Event, Refusal> {
        let replayed = try! Workflow.replay(events, context: F.context).get()
        let details = ImportSource.importDetails(from: events, replayed: replayed, file: "sumber.json", sha256: String(repeating: "ab", count: 32))
        return Workflow.decide(Command(.import, details), on: nil, by: actor, at: now, context: F.context, newID: 7)
    }

    @Test func oneImportEventByTheImporterReachesTheSourcesStateAndQuotesItsHistory() throws {
        let e = try Self.importEvent(Self.source).get()
        #expect(e.actor.id == "admin" && e.at == Self.now && e.kind == .import)
        let c = Workflow.evolve(nil, e)
        let original = try Workflow.replay(Self.source, context: F.context).get()
        #expect(c.status == original.status && c.holder == original.holder && c.ccUnits == original.ccUnits)
        #expect(c.title == "Jalan berlubang Mekarsari" && c.priority == .high && c.receivedAt == original.receivedAt)
        #expect(c.firstFollowUpAt == original.firstFollowUpAt && c.lastFollowUpAt == original.lastFollowUpAt)
        let quoted = try #require(e.details.source?.history)
        #expect(quoted.map(\.actor) == Self.source.map(\.actor.id))
        #expect(quoted.map(\.at) == Self.source.map(\.at))
        #expect(quoted.map(\.kind) == Self.source.map(\.kind.rawValue))
        #expect(quoted.filter(\.secret).count == 1)
        // The original intake is kept, so a re-import finds the report by the same key.
        #expect(e.details.intake?.title == F.intake.title)
    }

    @Test func anImportLandsOnlyInTheImportersOwnAgency() {
        #expect(Self.importEvent(Self.source, by: Self.provAdmin) == .failure(.importOutsideOwnAgency(field: "holder", value: "pemkab", agency: "prov")))
        // Rows: a holder of another agency, or a copy to another agency's unit.
        let row = ActionDetails(intake: Intake(title: "Jalan", body: "", agency: "pemkab"),
                                imported: ImportedState(status: .belumTerverifikasi, holderAgency: "pemkab"))
        #expect(Workflow.decide(Command(.import, row), on: nil, by: Self.provAdmin, at: Self.now, context: F.context)
                    == .failure(.importOutsideOwnAgency(field: "holder", value: "pemkab", agency: "prov")))
        var copied = row
        copied.imported?.ccUnits = ["prov-dik"]
        #expect(Workflow.decide(Command(.import, copied), on: nil, by: F.admin, at: Self.now, context: F.context)
                    == .failure(.importOutsideOwnAgency(field: "cc", value: "prov-dik", agency: "pemkab")))
        #expect(Workflow.decide(Command(.import, row), on: nil, by: F.admin, at: Self.now, context: F.context).isSuccess)
    }

    @Test func anImportRecordedBeforeTheRuleStillReplays() throws {
        // An old store: prov's admin imported a report held by pemkab. Verify must stay clean.
        let old = Event(complaintID: 3, version: 1, at: F.t0, actor: Self.provAdmin, kind: .import, from: nil, to: .belumTerverifikasi,
                        details: ActionDetails(intake: Intake(title: "Lama", body: "", agency: "pemkab"),
                                               imported: ImportedState(status: .belumTerverifikasi, holderAgency: "pemkab")))
        #expect(Workflow.replay([old], context: F.context).isSuccess)
        // And its stored text has no source key: old events keep their bytes and hashes.
        #expect(!String(decoding: EventCodec.storedBody(old), as: UTF8.self).contains("source"))
    }

    @Test func theSourceRoundTripsThroughTheCodec() throws {
        let e = try Self.importEvent(Self.source).get()
        for style in [TimeStyle.epoch, .iso(.wib)] {
            let reader = FieldReader()
            let node = try JSONParser.parse(EventCodec.encode(e, style: style))
            #expect(EventCodec.decode(node, path: "e", reader: reader) == e)
            #expect(reader.errors.isEmpty)
        }
        let stored = EventCodec.decodeStored(complaint: e.complaintID, version: e.version, at: e.at.seconds, kind: e.kind.rawValue,
                                             body: String(decoding: EventCodec.storedBody(e), as: UTF8.self))
        #expect(stored == e)
    }

    @Test func quotedSecretsAndIdentityFollowThePrivacyRules() throws {
        let e = try Self.importEvent(Self.source).get()
        let c = Workflow.evolve(nil, e)
        // The handling unit reads the secret quote; a unit only copied on it does not.
        let handling = try #require(Privacy.redacted(e, in: c, for: F.liaison)?.details.source?.history)
        #expect(handling.contains { $0.secret })
        let copied = Actor(id: "tl-pupr", name: "Budi", role: .liaison, agency: "pemkab", unit: "pupr")
        let seen = try #require(Privacy.redacted(e, in: c, for: copied)?.details.source?.history)
        #expect(!seen.contains { $0.secret })
        #expect(seen.count == Self.source.count - 1)
        // The public never sees the source's history.
        #expect(Privacy.publicEvent(e, in: c)?.details.source == nil)
    }
}
