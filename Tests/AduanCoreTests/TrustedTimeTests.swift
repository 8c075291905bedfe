import AduanCore
import Testing

/// Issue 13 §3: an event's time lies within what the store vouches for, and a time the reporter
/// gave is a field of the event, never its own time.
@Suite("Trusted time")
struct TrustedTimeTests {
    typealias F = GridFixture
    static let skew: Int64 = 300

    /// A report in Proses whose follow-up (the last event) was at t0 + 2 minutes.
    static var proses: Complaint { F.complaint(in: .proses)! }

    @Test func anActionEarlierThanTheReportsPreviousEventIsRefused() {
        let c = Self.proses
        let clock = TrustedClock(now: c.updatedAt, storeLast: c.updatedAt, skewSeconds: Self.skew)
        // Even inside the skew: a report's own history never runs backwards.
        #expect(Workflow.decide(Command(.note, ActionDetails(text: "x")), on: c, by: F.admin, at: c.updatedAt.adding(seconds: -1),
                                context: F.context, clock: clock) == .failure(.clockBeforeLastChange(last: c.updatedAt)))
    }

    @Test func anActionLaterThanNowPlusTheSkewIsRefused() {
        let c = Self.proses
        let now = c.updatedAt.adding(days: 1)
        let clock = TrustedClock(now: now, storeLast: c.updatedAt, skewSeconds: Self.skew)
        let at2099 = OfficeTimeZone.wib.timestamp(LocalDate(year: 2099, month: 1, day: 1), hour: 9)
        #expect(Workflow.decide(Command(.close), on: c, by: F.admin, at: at2099, context: F.context, clock: clock)
                == .failure(.timeAfterNow(at: at2099, now: now, skewSeconds: Self.skew)))
        // Within the skew it is accepted (two computers' clocks disagree a little).
        if case .failure(let r) = Workflow.decide(Command(.close), on: c, by: F.admin, at: now.adding(seconds: Self.skew),
                                                  context: F.context, clock: clock) {
            Issue.record("refused within the skew: \(r)")
        }
    }

    @Test func anActionBeforeTheStoresLastEventMinusTheSkewIsRefused() {
        // The report's own last change is old, but the store has moved on: a backdated follow-up
        // (the ADUAN_NOW=2026-11-05 attack) is refused even though this report allows it.
        let c = Self.proses
        let storeLast = c.updatedAt.adding(days: 20)
        let backdated = c.updatedAt.adding(days: 3)
        let clock = TrustedClock(now: storeLast, storeLast: storeLast, skewSeconds: Self.skew)
        #expect(Workflow.decide(F.complete(.followUp), on: c, by: F.liaison, at: backdated, context: F.context, clock: clock)
                == .failure(.timeBeforeStoreLast(at: backdated, last: storeLast, skewSeconds: Self.skew)))
        #expect(Workflow.decide(F.complete(.followUp), on: c, by: F.liaison, at: storeLast.adding(seconds: -Self.skew),
                                context: F.context, clock: clock).isSuccess)
    }

    @Test func recordedHistoryIsNotHeldToTheClockOfToday() {
        // Replaying (verify, import of a history) checks the report's own order only.
        let c = Self.proses
        let clock = TrustedClock(now: c.updatedAt, storeLast: c.updatedAt.adding(days: 100), skewSeconds: 0)
        #expect(Workflow.decide(F.complete(.followUp), on: c, by: F.liaison, at: c.updatedAt.adding(days: 1), context: F.context,
                                recorded: true, clock: clock).isSuccess)
    }

    @Test func aClockBehindTheStoresLastEventByMoreThanTheSkewIsNoticed() {
        let last = F.t0.adding(days: 10)
        #expect(Workflow.clockIsBehindStore(now: last.adding(seconds: -Self.skew - 1), storeLast: last, skewSeconds: Self.skew))
        #expect(!Workflow.clockIsBehindStore(now: last.adding(seconds: -Self.skew), storeLast: last, skewSeconds: Self.skew))
        #expect(!Workflow.clockIsBehindStore(now: last, storeLast: nil, skewSeconds: Self.skew))
    }

    @Test func theReportersTimeIsAFieldAndTheEventKeepsTheRecordingMoment() {
        let c = Self.proses
        let recorded = c.updatedAt.adding(days: 2)
        let written = c.updatedAt.adding(days: 1)
        guard case .success(let e) = Workflow.decide(Command(.reply, ActionDetails(text: "Belum beres", reportedAt: written)),
                                                     on: c, by: F.admin, at: recorded, context: F.context) else {
            Issue.record("reply refused"); return
        }
        #expect(e.at == recorded)
        #expect(e.details.reportedAt == written)
        // Deadlines run from when the office learned of it, as before.
        #expect(Workflow.evolve(c, e).lastReplyAt == recorded)
    }

    @Test func aReportersTimeInTheFutureIsRefused() {
        let c = Self.proses
        let recorded = c.updatedAt.adding(days: 2)
        let written = recorded.adding(seconds: 60)
        #expect(Workflow.decide(Command(.reply, ActionDetails(text: "x", reportedAt: written)), on: c, by: F.admin, at: recorded,
                                context: F.context) == .failure(.reportedTimeInFuture(reported: written, recordedAt: recorded)))
    }

    @Test func aReportersTimeBeforeTheFollowUpItAnswersIsRefused() {
        let c = Self.proses
        let followUp = c.lastFollowUpAt!
        let written = followUp.adding(seconds: -60)
        #expect(Workflow.decide(Command(.reply, ActionDetails(text: "x", reportedAt: written)), on: c, by: F.admin,
                                at: followUp.adding(days: 1), context: F.context)
                == .failure(.reportedTimeBeforeFollowUp(reported: written, followUp: followUp)))
        let closed = Workflow.evolve(c, try! Workflow.decide(Command(.close), on: c, by: F.admin, at: followUp.adding(days: 1),
                                                               context: F.context).get())
        #expect(Workflow.decide(Command(.rate, ActionDetails(rating: 4, reportedAt: written)), on: closed, by: F.admin,
                                at: followUp.adding(days: 2), context: F.context)
                == .failure(.reportedTimeBeforeFollowUp(reported: written, followUp: followUp)))
    }

    @Test func onlyAReplyOrARatingTakesAReportersTime() {
        let c = Self.proses
        #expect(Workflow.decide(Command(.note, ActionDetails(text: "x", reportedAt: c.updatedAt)), on: c, by: F.admin,
                                at: c.updatedAt.adding(days: 1), context: F.context) == .failure(.reportedTimeNotTakenBy(.note)))
    }

    @Test func theReportersTimeSurvivesTheStoredAndExportedForms() throws {
        let c = Self.proses
        let e = try Workflow.decide(Command(.reply, ActionDetails(text: "x", reportedAt: c.updatedAt.adding(seconds: 3600))), on: c,
                                    by: F.admin, at: c.updatedAt.adding(days: 1), context: F.context).get()
        let body = String(decoding: EventCodec.storedBody(e), as: UTF8.self)
        #expect(body.contains("\"reportedAt\""))
        let back = EventCodec.decodeStored(complaint: e.complaintID, version: e.version, at: e.at.seconds, kind: e.kind.rawValue, body: body)
        #expect(back == e)
        let iso = EventCodec.encode(e, style: .iso(.wib))
        let r = FieldReader()
        #expect(EventCodec.decode(try JSONParser.parse(iso), path: "e", reader: r) == e)
    }

    @Test func anEventWithoutAReportersTimeKeepsItsStoredBytes() {
        // Backward compatibility: the stored body (and so the hash chain) of every older event is unchanged.
        let c = Self.proses
        let e = try! Workflow.decide(Command(.reply, ActionDetails(text: "x")), on: c, by: F.admin,
                                     at: c.updatedAt.adding(days: 1), context: F.context).get()
        #expect(String(decoding: EventCodec.storedBody(e), as: UTF8.self)
                == #"{"from":"proses","to":"proses","actor":{"id":"admin","name":"Siti","role":"admin","agency":"pemkab","unit":"diskominfo"},"text":"x"}"#)
    }

    @Test func timeRefusalsReadAsSentencesInBothLanguages() {
        let t = F.t0
        let refusals: [Refusal] = [.timeAfterNow(at: t, now: t, skewSeconds: 300), .timeBeforeStoreLast(at: t, last: t, skewSeconds: 300),
                                   .reportedTimeInFuture(reported: t, recordedAt: t), .reportedTimeBeforeFollowUp(reported: t, followUp: t),
                                   .reportedTimeNotTakenBy(.note)]
        for r in refusals {
            let id = IndonesianStrings().refusal(r, names: F.directory, zone: .wib)
            let en = EnglishStrings().refusal(r, names: F.directory, zone: .wib)
            #expect(id != en && id.count > 30 && en.count > 30, "\(r)")
        }
        #expect(IndonesianStrings().refusal(.timeBeforeStoreLast(at: t, last: t, skewSeconds: 300), names: F.directory, zone: .wib)
            .contains("dimundurkan"))
    }

    @Test func theSkewIsAnOfficeSettingWithADefault() {
        #expect(WorkflowPolicy.standard.clockSkewSeconds == 300)
        let json = BuiltInConfig.json.replacing("\"clockSkewSeconds\": 300", with: "\"clockSkewSeconds\": 60", maxReplacements: 1)
        guard case .success(let config) = OfficeConfig.parse(Array(json.utf8), file: "x") else { Issue.record("config refused"); return }
        #expect(config.context.policy.clockSkewSeconds == 60)
        let bad = BuiltInConfig.json.replacing("\"clockSkewSeconds\": 300", with: "\"clockSkewSeconds\": -5", maxReplacements: 1)
        guard case .failure(let e) = OfficeConfig.parse(Array(bad.utf8), file: "x") else { Issue.record("negative skew accepted"); return }
        #expect(e.all.map(\.description).joined().contains("workflow.clockSkewSeconds"))
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}

