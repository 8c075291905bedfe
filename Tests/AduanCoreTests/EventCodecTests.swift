import Testing
import AduanCore

// The event JSON that the store keeps (epoch times) and the export writes (ISO 8601 with the
// office's offset): encoding then decoding must give back the very same event, and a damaged
// record must be refused with the field's path and line.

// MARK: - Fixtures

/// 2026-03-17T10:00:00+07:00 (= 03:00:00Z).
private let t0 = Timestamp(seconds: 1_773_716_400)
private func later(hours: Int64) -> Timestamp { t0.adding(seconds: hours * 3600) }

private let admin = Actor(id: "admin", name: "Siti Rahmawati", role: .admin, agency: "pemkab")
private let liaison = Actor(id: "tl-dinkes", name: "dr. Andi Pratama", role: .liaison, agency: "pemkab", unit: "dinkes")
private let supervisor = Actor(id: "monitor", name: "Tim Monitoring Kominfo", role: .supervisor, agency: "*")

/// Text that exercises the escaper: quotes, backslashes, C0 controls, DEL, line separators,
/// accents, CJK, emoji with skin tone and a ZWJ family.
private let awkward = "Jalan \"rusak\" 🚧 di RT 03\\RW 05\nBaris dua\t(tab)\r\u{0}\u{1}\u{1F}\u{7F} é ü 中文 👍🏽 👨‍👩‍👧 \u{2028}\u{2029}\u{FEFF} akhir"

private func event(_ version: Int, _ kind: ActionKind, from: Status?, to: Status, by actor: Actor = admin,
                   at: Timestamp = t0, _ details: ActionDetails = ActionDetails(), id: Int64 = 42) -> Event {
    Event(complaintID: id, version: version, at: at, actor: actor, kind: kind, from: from, to: to, details: details)
}

private let fullIntake = Intake(
    trackingID: "5123456789", title: "Puskesmas tutup 🚑 saat jam layanan", body: awkward, channel: .sms1708,
    classification: .permintaanInformasi, category: Category("kesehatan/puskesmas"), location: "Desa Mekarsari, RT 03/RW 05",
    incidentDate: LocalDate(year: 2026, month: 3, day: 16), anonymous: true, confidential: true, priority: .high,
    reporter: Reporter(name: "Budi Hartono", phone: "+62 812-3456-7890", email: "budi@example.id", nik: "3507123456780001"),
    agency: "pemkab", receivedAt: Timestamp(seconds: 1_773_630_000))

/// One event of every kind, each with the details that kind carries (and some it may carry).
private let everyKind: [Event] = [
    event(1, .receive, from: nil, to: .belumTerverifikasi, ActionDetails(intake: fullIntake)),
    event(1, .receive, from: nil, to: .belumTerverifikasi,
          ActionDetails(intake: Intake(title: "Lampu jalan mati", body: "", agency: "pemkab"))),
    event(1, .import, from: nil, to: .proses, by: .system, ActionDetails(
        intake: Intake(trackingID: "7000001", title: "Imported ✓", body: "dari LAPOR!", channel: .twitter, agency: "pemkab",
                       receivedAt: Timestamp(seconds: 1_770_000_000)),
        imported: ImportedState(status: .proses, holderAgency: "pemkab", holderUnit: "dinkes", ccUnits: ["pupr", "prov-x"],
                                verifiedAt: Timestamp(seconds: 1_770_100_000), disposedAt: Timestamp(seconds: 1_770_200_000),
                                firstFollowUpAt: Timestamp(seconds: 1_770_300_000), lastFollowUpAt: Timestamp(seconds: 1_770_400_000),
                                closedAt: Timestamp(seconds: 1_770_500_000), awaitingReporter: true, archiveReason: .duplicate,
                                rating: 4, privacyDecided: true))),
    event(1, .import, from: nil, to: .arsip, by: .system, ActionDetails(
        intake: Intake(title: "Spam", body: "", agency: "pemkab"), imported: ImportedState(status: .arsip))),
    event(2, .verify, from: .belumTerverifikasi, to: .belumDitindaklanjuti, at: later(hours: 2), ActionDetails(
        unit: "dinkes", changes: ClassificationChange(title: "Puskesmas Sukamaju tutup lebih awal", classification: .pengaduan,
                                                      category: Category("kesehatan"), anonymous: false, confidential: true,
                                                      priority: .low))),
    event(3, .classify, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti,
          ActionDetails(changes: ClassificationChange(anonymous: true))),
    event(3, .classify, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti,
          ActionDetails(changes: ClassificationChange(title: awkward, classification: .whistleblowing))),
    event(4, .redispose, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, by: liaison,
          ActionDetails(unit: "pupr", reason: "Bangunan, bukan layanan medis")),
    event(5, .forward, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, by: liaison,
          ActionDetails(agency: "prov", unit: "prov-x", reason: "Bukan Wewenang: jalan provinsi")),
    event(5, .forward, from: .belumTerverifikasi, to: .belumTerverifikasi, ActionDetails(agency: "prov", reason: "Kewenangan provinsi")),
    event(6, .cc, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, ActionDetails(unit: "pupr")),
    event(2, .postpone, from: .belumTerverifikasi, to: .tunda, ActionDetails(reason: "Menunggu klarifikasi lokasi")),
    event(3, .resume, from: .tunda, to: .belumTerverifikasi, at: later(hours: 50)),
    event(2, .archive, from: .belumTerverifikasi, to: .arsip, ActionDetails(reason: "Isi tidak jelas", archiveReason: .other)),
    event(7, .followUp, from: .belumDitindaklanjuti, to: .proses, by: liaison, ActionDetails(text: awkward)),
    event(8, .followUp, from: .proses, to: .proses, by: liaison, ActionDetails(text: "Rahasia: nama petugas yang ditegur", secret: true)),
    event(9, .note, from: .proses, to: .proses, by: supervisor, ActionDetails(text: "Catatan internal ✍️")),
    event(10, .reply, from: .proses, to: .proses, by: .system, ActionDetails(text: "Masih tutup jam 11 😞")),
    event(11, .rate, from: .proses, to: .proses, by: .system, ActionDetails(rating: 5)),
    event(12, .close, from: .proses, to: .selesai),
    event(12, .autoClose, from: .proses, to: .selesai, by: .system, at: later(hours: 24 * 15)),
    event(13, .reopen, from: .selesai, to: .proses, by: liaison, ActionDetails(reason: "Pelapor keberatan")),
    event(2, .linkDuplicate, from: .belumTerverifikasi, to: .arsip, ActionDetails(duplicateOf: 41)),
    // The unit tree and drafts (issue 15).
    event(7, .passDown, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, by: liaison,
          ActionDetails(unit: "dinkes-p2p", reason: "Tangani", resetsTimer: true)),
    event(8, .returnUp, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, by: liaison, ActionDetails(reason: "Bukan kewenangan unit ini")),
    event(9, .draft, from: .belumDitindaklanjuti, to: .belumDitindaklanjuti, by: liaison, ActionDetails(text: awkward, secret: true)),
    event(10, .approve, from: .belumDitindaklanjuti, to: .proses, ActionDetails(text: awkward, secret: true,
          draft: DraftRef(version: 9, drafter: "tl", drafterName: "Andi \"Penghubung\" ✓"))),
    event(10, .returnDraft, from: .proses, to: .proses, ActionDetails(text: "Lengkapi", draft: DraftRef(version: 9, drafter: "tl", drafterName: "Andi"))),
    event(14, .message, from: .proses, to: .proses, by: liaison, ActionDetails(text: "Petugas datang Senin 🚧")),
    event(15, .escalate, from: .proses, to: .proses, by: .system, ActionDetails(escalation: EscalationMark(
        timer: .response, timerStart: Timestamp(seconds: 1_770_000_000), step: .breach(afterWorkingDays: 5, to: .agencyAdmin),
        dueAt: Timestamp(seconds: 1_770_900_000), holder: Holder(agency: "pemkab", unit: "dinkes")))),
    event(4, .escalate, from: .belumTerverifikasi, to: .belumTerverifikasi, by: .system, ActionDetails(escalation: EscalationMark(
        timer: nil, timerStart: Timestamp(seconds: 1_770_000_000), step: .breach(afterWorkingDays: 60, to: .external),
        dueAt: Timestamp(seconds: 1_775_000_000), holder: Holder(agency: "pemkab")))),
    // An id beyond 2^53 must survive: JSON numbers are kept as literals, never as doubles.
    event(1, .receive, from: nil, to: .belumTerverifikasi, at: Timestamp(seconds: -86_400 * 365),
          ActionDetails(intake: Intake(title: "x", body: "", agency: "pemkab")), id: 9_007_199_254_740_993),
]

private let styles: [TimeStyle] = [.epoch, .iso(.wib), .iso(.wita), .iso(.wit), .iso(.utc)]

private func styleName(_ s: TimeStyle) -> String {
    switch s {
    case .epoch: "epoch"
    case .iso(let z): "iso \(z.abbreviation)"
    }
}

/// Parses `text` and decodes it at `path`, returning the event or the errors.
private func decode(_ text: String, path: String = "event") -> (Event?, [FieldError]) {
    let node: JSONNode
    do {
        node = try JSONParser.parse(text)
    } catch {
        Issue.record("not JSON: \(error)")
        return (nil, [])
    }
    let reader = FieldReader()
    let e = EventCodec.decode(node, path: path, reader: reader)
    return (e, reader.errors)
}

private func roundTrip(_ e: Event, _ style: TimeStyle) -> Event? {
    let (back, errors) = decode(EventCodec.encode(e, style: style))
    #expect(errors.isEmpty, "\(errors)")
    return back
}

// MARK: - Round trips

@Suite("EventCodec round trips")
struct EventCodecRoundTripTests {
    @Test func everyActionKindIsCovered() {
        #expect(Set(everyKind.map(\.kind)) == Set(ActionKind.allCases))
    }

    @Test(arguments: everyKind.indices)
    func everyEventRoundTripsExactlyWithEpochTimes(index: Int) {
        let e = everyKind[index]
        #expect(roundTrip(e, .epoch) == e)
    }

    @Test(arguments: everyKind.indices)
    func everyEventRoundTripsExactlyWithIsoTimesInEveryZone(index: Int) {
        let e = everyKind[index]
        for style in styles.dropFirst() {
            #expect(roundTrip(e, style) == e, "\(styleName(style))")
        }
    }

    @Test func intakeWithReporterAndAwkwardTextSurvives() throws {
        let e = everyKind[0]
        let back = try #require(roundTrip(e, .iso(.wib)))
        let intake = try #require(back.details.intake)
        #expect(intake.reporter == fullIntake.reporter)
        #expect(intake.body == awkward)
        #expect(intake.body.unicodeScalars.contains("\u{0}"))
        #expect(intake.receivedAt == fullIntake.receivedAt)
        #expect(intake.incidentDate == LocalDate(year: 2026, month: 3, day: 16))
    }

    @Test func secretFollowUpStaysSecret() throws {
        let e = everyKind.first { $0.isSecret }!
        for style in styles {
            let back = try #require(roundTrip(e, style))
            #expect(back.isSecret)
            #expect(back.details.secret)
        }
        // A plain follow-up does not become secret.
        let plain = everyKind.first { $0.kind == .followUp && !$0.details.secret }!
        #expect(roundTrip(plain, .epoch)?.isSecret == false)
    }

    @Test func importedStateSurvivesEveryField() throws {
        let e = everyKind.first { $0.kind == .import && $0.to == .proses }!
        let back = try #require(roundTrip(e, .iso(.wit)))
        #expect(back.details.imported == e.details.imported)
        #expect(back.details.imported?.ccUnits == ["pupr", "prov-x"])
    }

    @Test func encodedTextIsOneJsonObjectWithTheRecordedTimes() {
        let e = event(2, .postpone, from: .belumTerverifikasi, to: .tunda, ActionDetails(reason: "r"))
        let epoch = EventCodec.encode(e, style: .epoch)
        #expect(epoch.hasPrefix("{") && epoch.hasSuffix("}"))
        #expect(epoch.contains("\"at\":1773716400"))
        #expect(epoch.contains("\"kind\":\"postpone\""))
        #expect(epoch.contains("\"from\":\"belum_terverifikasi\""))
        #expect(epoch.contains("\"to\":\"tunda\""))
        #expect(!epoch.contains("\n"))
        #expect(EventCodec.encode(e, style: .iso(.wib)).contains("\"at\":\"2026-03-17T10:00:00+07:00\""))
        #expect(EventCodec.encode(e, style: .iso(.wita)).contains("\"at\":\"2026-03-17T11:00:00+08:00\""))
    }

    @Test func firstEventHasNullFrom() {
        let text = EventCodec.encode(everyKind[1], style: .epoch)
        #expect(text.contains("\"from\":null"))
        #expect(roundTrip(everyKind[1], .epoch)?.from == nil)
    }

    @Test func theStoredBodyWithItsColumnsReadsBackEveryEvent() {
        for e in everyKind {
            let body = String(decoding: EventCodec.storedBody(e), as: UTF8.self)
            #expect(!body.contains("\"complaint\"") && !body.contains("\"version\""), "the envelope lives in columns")
            #expect(EventCodec.decodeStored(complaint: e.complaintID, version: e.version, at: e.at.seconds,
                                            kind: e.kind.rawValue, body: body) == e)
        }
        #expect(EventCodec.decodeStored(complaint: 1, version: 1, at: 0, kind: "note", body: "{not json") == nil)
        #expect(EventCodec.decodeStored(complaint: 1, version: 1, at: 0, kind: "note", body: "{}") == nil)
        #expect(EventCodec.decodeStored(complaint: 1, version: 1, at: 0, kind: "no-such-kind", body: "{}") == nil)
    }

    @Test func isoTimesFromAnotherZoneDecodeToTheSameInstant() throws {
        let text = EventCodec.encode(everyKind[12], style: .iso(.wib))
            .replacing("2026-03-19T12:00:00+07:00", with: "2026-03-19T13:00:00+08:00", maxReplacements: 1)
        let back = try #require(decode(text).0)
        #expect(back == everyKind[12])
    }

    @Test func longestTitleThatDecideAcceptsRoundTrips() throws {
        // The store must be able to read back every event it was allowed to write, so decide
        // refuses what the codec would refuse, and accepts exactly up to the limit.
        let context = WorkflowContext(directory: Directory(agencies: [Agency(id: "pemkab", name: "Pemkab")]))
        let longest = String(repeating: "J", count: Workflow.maxTitleBytes)
        let e = try Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: longest, body: "", agency: "pemkab"))),
                                    on: nil, by: admin, at: t0, context: context, newID: 1).get()
        let (back, errors) = decode(EventCodec.encode(e, style: .epoch))
        #expect(errors.isEmpty, "\(errors)")
        #expect(back?.details.intake?.title.utf8.count == Workflow.maxTitleBytes)
        let tooLong = String(repeating: "Jalan rusak parah di Desa Mekarsari. ", count: 140) // 5,180 bytes, 5,179 once trimmed
        let refused = Workflow.decide(Command(.receive, ActionDetails(intake: Intake(title: tooLong, body: "", agency: "pemkab"))),
                                      on: nil, by: admin, at: t0, context: context, newID: 1)
        #expect(refused == .failure(.tooLong(field: "title", bytes: 5179, limit: Workflow.maxTitleBytes)))
    }
}

// MARK: - Refusals

@Suite("EventCodec decode errors")
struct EventCodecErrorTests {
    @Test func missingKindNamesThePathAndTheLineOfTheEvent() {
        let text = """
        [
          {
            "complaint": 12,
            "version": 1,
            "at": 1773716400,
            "to": "belum_terverifikasi",
            "actor": {"id": "admin", "role": "admin", "agency": "pemkab"}
          }
        ]
        """
        let node = try! JSONParser.parse(text)
        let reader = FieldReader()
        let e = EventCodec.decode(node.array![0], path: "events[0]", reader: reader)
        #expect(e == nil)
        #expect(reader.errors == [FieldError(line: 2, field: "events[0].kind", message: "missing")])
        #expect(reader.errors.first?.description == "line 2: events[0].kind: missing")
    }

    @Test func unknownStatusValueIsNamedWithTheAllowedValues() throws {
        let text = """
        {
          "complaint": 12,
          "version": 2,
          "at": 1773716400,
          "kind": "forward",
          "from": "belum_ditindaklanjuti",
          "to": "diteruskan",
          "actor": {"id": "admin", "role": "admin", "agency": "pemkab"}
        }
        """
        let (e, errors) = decode(text)
        #expect(e == nil)
        let err = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(err.field == "event.to")
        #expect(err.line == 7)
        #expect(err.message.contains("unknown value \"diteruskan\""))
        #expect(err.message.contains("belum_terverifikasi"))
        #expect(err.message.contains("arsip"))
    }

    @Test func dateTimeWithoutZoneIsRefusedWithAHint() throws {
        let text = """
        {
          "complaint": 12,
          "version": 1,
          "at": "2026-03-17T10:00:00",
          "kind": "receive",
          "to": "belum_terverifikasi",
          "actor": {"id": "admin", "role": "admin", "agency": "pemkab"},
          "intake": {"title": "x", "agency": "pemkab"}
        }
        """
        let (e, errors) = decode(text)
        #expect(e == nil)
        let err = try #require(errors.first)
        #expect(err.field == "event.at")
        #expect(err.line == 4)
        #expect(err.message.contains("no time zone"))
        #expect(err.message.contains("2026-03-17T09:00:00+07:00"))
    }

    @Test func malformedDateTimeIsRefused() throws {
        let text = """
        {"complaint": 12, "version": 1, "kind": "receive", "to": "belum_terverifikasi",
         "actor": {"id": "admin", "role": "admin"},
         "at": "17/03/2026 10:00 WIB"}
        """
        let (_, errors) = decode(text)
        let err = try #require(errors.first)
        #expect(err.field == "event.at")
        #expect(err.line == 3)
        #expect(err.message.contains("not an ISO 8601 date-time"))
    }

    @Test func nestedDateTimeWithoutZoneNamesTheNestedPath() throws {
        let text = """
        {
          "complaint": 12, "version": 1, "at": 1773716400, "kind": "import", "to": "proses",
          "actor": {"id": "system", "role": "system"},
          "intake": {"title": "x", "agency": "pemkab"},
          "imported": {
            "status": "proses",
            "lastFollowUpAt": "2026-03-10 09:00"
          }
        }
        """
        let (_, errors) = decode(text)
        #expect(errors.map(\.field) == ["event.imported.lastFollowUpAt"])
        #expect(errors.first?.line == 7)
    }

    @Test func trackingIdWithLettersIsRefused() throws {
        let text = """
        {
          "complaint": 12,
          "version": 1,
          "at": 1773716400,
          "kind": "receive",
          "to": "belum_terverifikasi",
          "actor": {"id": "admin", "role": "admin", "agency": "pemkab"},
          "intake": {
            "trackingId": "LAP-5123456",
            "title": "Jalan rusak",
            "agency": "pemkab"
          }
        }
        """
        let (e, errors) = decode(text, path: "events[7]")
        #expect(e == nil)
        #expect(errors == [FieldError(line: 9, field: "events[7].intake.trackingId", message: "must be digits only, found \"LAP-5123456\"")])
    }

    @Test func missingIntakeTitleIsRefused() {
        let text = """
        {"complaint": 1, "version": 1, "at": 0, "kind": "receive", "to": "belum_terverifikasi",
         "actor": {"id": "admin", "role": "admin"},
         "intake": {
           "body": "tanpa judul"
         }}
        """
        let (_, errors) = decode(text)
        #expect(errors == [FieldError(line: 3, field: "event.intake.title", message: "missing")])
    }

    @Test(arguments: [
        // (member, field, message)
        (#""version": "satu""#, "event.version", "expected a whole number, found string"),
        (#""version": true"#, "event.version", "expected a whole number, found boolean"),
        (#""complaint": 1.5"#, "event.complaint", "expected a whole number, found number"),
        (#""at": true"#, "event.at", "expected an ISO 8601 date-time with a time zone, found boolean"),
        (#""kind": 3"#, "event.kind", "expected a string, found number"),
        (#""actor": "admin""#, "event.actor", "expected an object, found string"),
        (#""secret": "yes""#, "event.secret", "expected true or false, found string"),
        (#""rating": "lima""#, "event.rating", "expected a whole number, found string"),
        (#""text": ["a"]"#, "event.text", "expected a string, found array"),
        (#""changes": []"#, "event.changes", "expected an object, found array"),
        (#""intake": "x""#, "event.intake", "expected an object, found string"),
        (#""imported": {"status": 5}"#, "event.imported.status", "expected a string, found number"),
        (#""duplicateOf": {}"#, "event.duplicateOf", "expected a whole number, found object"),
    ])
    func wrongTypesAreNamed(member: String, field: String, message: String) {
        // Every member sits on its own line; the replaced one is on line 4.
        let base = [#""complaint": 12"#, #""version": 3"#, #""at": 1773716400"#, #""kind": "follow-up""#,
                    #""from": "proses""#, #""to": "proses""#, #""actor": {"id": "tl", "role": "liaison", "agency": "pemkab", "unit": "dinkes"}"#]
        let key = String(member.prefix { $0 != ":" })
        var members = base.filter { !$0.hasPrefix(key + ":") }
        members.insert(member, at: 2)
        let text = "{\n" + members.joined(separator: ",\n") + "\n}"
        let (e, errors) = decode(text)
        #expect(e == nil)
        #expect(errors == [FieldError(line: 4, field: field, message: message)])
    }

    @Test func importedCcUnitsOfTheWrongTypeAreRefusedNotDropped() {
        // A string where the list of copied units belongs must be named, not silently ignored.
        let text = """
        {"complaint": 1, "version": 1, "at": 0, "kind": "import", "to": "proses",
         "actor": {"id": "system", "role": "system"},
         "intake": {"title": "x", "agency": "pemkab"},
         "imported": {"status": "proses", "holderAgency": "pemkab", "holderUnit": "dinkes",
                      "ccUnits": "pupr"}}
        """
        let (e, errors) = decode(text)
        let accepted = e != nil
        #expect(!accepted, "decoded with ccUnits = \(e?.details.imported?.ccUnits ?? [])")
        #expect(errors.map(\.field) == ["event.imported.ccUnits"])
        #expect(errors.first?.line == 5)
    }

    @Test func versionZeroIsRefused() {
        let text = """
        {"complaint": 1, "version": 0, "at": 0, "kind": "note", "to": "proses", "text": "x",
         "actor": {"id": "admin", "role": "admin"}}
        """
        let (e, errors) = decode(text)
        #expect(e == nil)
        #expect(errors.map(\.field) == ["event.version"])
        #expect(errors.first?.message == "must be 1 or more")
    }

    @Test func missingActorIsRefused() {
        let text = """
        {"complaint": 1, "version": 1, "at": 0, "kind": "note", "to": "proses", "text": "x"}
        """
        let (e, errors) = decode(text)
        #expect(e == nil)
        #expect(errors == [FieldError(line: 1, field: "event.actor", message: "missing")])
    }

    @Test func unknownActorRoleIsRefused() throws {
        let text = """
        {"complaint": 1, "version": 1, "at": 0, "kind": "note", "to": "proses", "text": "x",
         "actor": {"id": "boss", "role": "boss"}}
        """
        let (_, errors) = decode(text)
        let err = try #require(errors.first)
        #expect(err.field == "event.actor.role")
        #expect(err.line == 2)
        #expect(err.message.contains("unknown value \"boss\""))
    }

    @Test func everyProblemIsReportedTogether() {
        let text = """
        {
          "complaint": "dua belas",
          "version": 1,
          "at": "2026-03-17T10:00:00",
          "to": "diteruskan",
          "actor": {"id": "admin", "role": "admin"},
          "intake": {"trackingId": "12a", "title": "x"}
        }
        """
        let (e, errors) = decode(text)
        #expect(e == nil)
        #expect(Set(errors.map(\.field)) == ["event.complaint", "event.at", "event.kind", "event.to", "event.intake.trackingId"])
        #expect(errors.first { $0.field == "event.complaint" }?.line == 2)
        #expect(errors.first { $0.field == "event.at" }?.line == 4)
        #expect(errors.first { $0.field == "event.kind" }?.line == 1)
        #expect(errors.first { $0.field == "event.to" }?.line == 5)
        #expect(errors.first { $0.field == "event.intake.trackingId" }?.line == 7)
    }

    @Test func anEventThatIsNotAnObjectIsRefused() {
        let (e, errors) = decode("[1, 2]", path: "events[0]")
        #expect(e == nil)
        #expect(errors == [FieldError(line: 1, field: "events[0]", message: "expected an object, found array")])
    }
}
