import AduanCore

/// A complaint read from an interchange file, before it is stored.
public struct IncomingRecord: Sendable {
    /// The line the record starts on, for messages.
    public var line: Int
    /// The local id the record had where it came from (an Aduan export), kept when free.
    public var sourceID: Int64? = nil
    /// A whole history (JSON exports), or nil for field-only records (CSV, Open311).
    public var events: [Event]?
    public var intake: Intake
    public var imported: ImportedState
}

/// The CSV layout Aduan writes and reads. Import also accepts the Indonesian column names of
/// LAPOR! spreadsheets listed in `aliases`.
public enum CSVLayout {
    public static let columns = [
        "id", "tracking_id", "title", "body", "status", "channel", "classification", "category", "location",
        "incident_date", "anonymous", "confidential", "priority", "reporter_name", "reporter_phone", "reporter_email",
        "reporter_nik", "agency", "holder_agency", "holder_unit", "cc_units", "received_at", "verified_at", "disposed_at",
        "first_follow_up_at", "last_follow_up_at", "last_reply_at", "closed_at", "awaiting_reporter", "archive_reason", "rating",
        "privacy_decided", "due_at", "due_kind", "overdue", "updated_at", "version",
    ]

    static let aliases: [String: String] = [
        "no_tracking": "tracking_id", "no_lapor": "tracking_id", "nomor_tracking": "tracking_id", "tracking": "tracking_id", "trackingid": "tracking_id",
        "judul": "title", "judul_laporan": "title", "isi": "body", "isi_laporan": "body", "deskripsi": "body", "description": "body",
        "kanal": "channel", "sumber": "channel", "klasifikasi": "classification", "kategori": "category", "lokasi": "location",
        "tanggal_kejadian": "incident_date", "anonim": "anonymous", "rahasia": "confidential", "prioritas": "priority",
        "nama_pelapor": "reporter_name", "pelapor": "reporter_name", "telepon": "reporter_phone", "hp": "reporter_phone",
        "email": "reporter_email", "nik": "reporter_nik", "instansi": "agency", "instansi_pemegang": "holder_agency",
        "unit": "holder_unit", "unit_kerja": "holder_unit", "disposisi": "holder_unit", "tembusan": "cc_units",
        "tanggal": "received_at", "tanggal_lapor": "received_at", "tanggal_laporan": "received_at", "waktu_lapor": "received_at",
        "receivedat": "received_at", "trackingId": "tracking_id",
    ].merging(zip(indonesianColumns, columns).filter { $0.0 != $0.1 }.map { ($0.0, $0.1) }) { old, _ in old }

    /// The columns as an Indonesian office names them (`export --header id`), in the order of
    /// `columns`; import reads them back (each is an alias or a column name).
    public static let indonesianColumns = [
        "id", "no_tracking", "judul", "isi", "status", "kanal", "klasifikasi", "kategori", "lokasi",
        "tanggal_kejadian", "anonim", "rahasia", "prioritas", "nama_pelapor", "telepon", "email",
        "nik", "instansi", "instansi_pemegang", "unit_kerja", "tembusan", "tanggal_lapor", "tanggal_verifikasi", "tanggal_disposisi",
        "tindak_lanjut_pertama", "tindak_lanjut_terakhir", "balasan_terakhir", "tanggal_selesai", "menunggu_pelapor", "alasan_arsip", "penilaian",
        "privasi_diputuskan", "tenggat", "jenis_tenggat", "terlambat", "diubah", "versi",
    ]

    /// The flag columns, written yes/no (or ya/tidak).
    static let flagColumns: Set<String> = ["anonymous", "confidential", "awaiting_reporter", "privacy_decided", "overdue"]

    /// A row of `row(_:viewer:now:config:)` with Indonesian values: ya/tidak, and the status as
    /// LAPOR! writes it ("Belum Terverifikasi").
    static func indonesianValues(_ row: [String]) -> [String] {
        var out = row
        for (i, name) in columns.enumerated() where i < out.count {
            if flagColumns.contains(name) { out[i] = out[i] == "yes" ? "ya" : out[i] == "no" ? "tidak" : out[i] }
            if name == "status", let st = Status(rawValue: out[i]) { out[i] = st.laporName }
        }
        return out
    }

    static func normalise(_ header: String) -> String {
        let k = header.trimmingSpaces().lowercased()
            .map { $0 == " " || $0 == "-" || $0 == "." ? "_" : $0 }
        let key = String(k).replacingSeparators()
        return aliases[key] ?? key
    }

    /// One complaint as a CSV row, as `viewer` may see it (the cells decide; see ExportCells.swift).
    static func row(_ c: Complaint, viewer: Actor, now: Timestamp, config: OfficeConfig) -> [String] {
        let zone = config.calendar.zone
        return cells(c, viewer: viewer, now: now, config: config).map { $0.csv(zone: zone) }
    }

    /// Text keeps its edge spaces and tabs (a round trip must give back what was written); codes,
    /// dates and flags are trimmed.
    static let textColumns: Set<String> = ["title", "body", "location", "reporter_name"]

    /// Reads one CSV record into an incoming complaint, collecting every problem with its line and column name.
    static func record(_ fields: [String], header: [String], line: Int, file: String, operatorAgency: String,
                       strings t: any StringTable = AduanCore.strings(.en), errors: inout [String]) -> IncomingRecord? {
        var values: [String: String] = [:]
        values.reserveCapacity(header.count)
        for (i, name) in header.enumerated() where i < fields.count {
            let restored = CSVWriter.restored(fields[i])
            let v = textColumns.contains(name) ? restored : restored.trimmingSpaces()
            if !v.trimmingSpaces().isEmpty { values[name] = v }
        }
        let before = errors.count
        func fail(_ column: String, _ message: String) { errors.append("\(file):\(line): \(column): \(message)") }
        func fail(_ column: String, _ problem: ImportFieldProblem) { fail(column, t.importField(problem)) }
        func time(_ column: String) -> Timestamp? {
            guard let v = values[column] else { return nil }
            // Says what is wrong: an impossible month or day is named, never "add a time zone".
            if let problem = DateTimeProblem.of(v) { fail(column, .dateTime(v, problem)); return nil }
            guard case .success(let time) = Timestamp.parseISO8601(v) else { fail(column, .dateTime(v, .malformed)); return nil }
            return time
        }
        func flag(_ column: String) -> Bool? {
            guard let v = values[column] else { return nil }
            switch v.lowercased() {
            case "yes", "ya", "y", "true", "1": return true
            case "no", "tidak", "t", "n", "false", "0": return false
            default: fail(column, .notYesNo(v)); return nil
            }
        }
        func choice<T>(_ column: String, _ options: @autoclosure () -> [String], _ parse: (String) -> T?) -> T? {
            guard let v = values[column] else { return nil }
            if let x = parse(v) { return x }
            fail(column, .unknownValue(v, options: options()))
            return nil
        }
        if fields.count != header.count {
            fail("(row)", .fieldCount(expected: header.count, found: fields.count))
            return nil
        }
        guard let title = values["title"] else { fail("title", .titleMissing); return nil }
        var sourceID: Int64?
        if let raw = values["id"] {
            sourceID = Int64(raw)
            if sourceID == nil || sourceID! <= 0 { fail("id", .notComplaintNumber(raw)); sourceID = nil }
        }
        if title.utf8.count > 4096 { fail("title", .tooLong(bytes: title.utf8.count, limit: 4096)) }
        if let tr = values["tracking_id"], !tr.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { fail("tracking_id", .notDigits(tr)) }
        let received = time("received_at")
        if values["received_at"] == nil { fail("received_at", .receivedMissing) }
        var incident: LocalDate?
        if let d = values["incident_date"] {
            incident = LocalDate.parse(String(d.prefix(10)))
            if incident == nil { fail("incident_date", .notDate(d)) }
        }
        let status = choice("status", Status.allCases.map(\.rawValue), Status.parse) ?? .belumTerverifikasi
        let channel = choice("channel", Channel.allCases.map(\.rawValue), Channel.parse) ?? .other
        let cls = choice("classification", Classification.allCases.map(\.rawValue), Classification.parse) ?? .pengaduan
        let priority = choice("priority", Priority.allCases.map(\.rawValue), Priority.parse) ?? .normal
        let archive = choice("archive_reason", ArchiveReason.allCases.map(\.rawValue), ArchiveReason.parse)
        var rating: Int?
        if let r = values["rating"] {
            rating = Int(r)
            if rating == nil || !(1...5).contains(rating!) { fail("rating", .notRating(r)) }
        }
        let reporter = Reporter(name: values["reporter_name"], phone: values["reporter_phone"], email: values["reporter_email"], nik: values["reporter_nik"])
        let intake = Intake(trackingID: values["tracking_id"], title: title, body: values["body"] ?? "", channel: channel,
                            classification: cls, category: values["category"].map(Category.init) ?? .uncategorised,
                            location: values["location"] ?? "", incidentDate: incident, anonymous: flag("anonymous") ?? false,
                            confidential: flag("confidential") ?? false, priority: priority,
                            reporter: reporter.isEmpty ? nil : reporter, agency: values["agency"] ?? operatorAgency,
                            receivedAt: received)
        let imported = ImportedState(status: status, holderAgency: values["holder_agency"], holderUnit: values["holder_unit"],
                                     ccUnits: (values["cc_units"] ?? "").split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty },
                                     verifiedAt: time("verified_at"), disposedAt: time("disposed_at"),
                                     firstFollowUpAt: time("first_follow_up_at"), lastFollowUpAt: time("last_follow_up_at"),
                                     lastReplyAt: time("last_reply_at"),
                                     closedAt: time("closed_at"), awaitingReporter: flag("awaiting_reporter") ?? false,
                                     archiveReason: archive, rating: rating, privacyDecided: flag("privacy_decided") ?? false)
        guard errors.count == before, received != nil else { return nil }
        return IncomingRecord(line: line, sourceID: sourceID, events: nil, intake: intake, imported: imported)
    }
}

/// JSON export objects and their import.
public enum JSONLayout {
    /// One complaint as an export object, as `viewer` may see it; `events` redacted the same way.
    static func write(_ c: Complaint, events: [Event], viewer: Actor, now: Timestamp, config: OfficeConfig, to w: inout JSONStreamWriter) {
        let zone = config.calendar.zone
        let dir = config.directory
        let due = config.deadlines.running(for: c, calendar: config.calendar)
        func time(_ t: Timestamp?) { if let t { w.string(t.iso8601(in: zone)) } else { w.null() } }
        w.beginObject()
        w.key("id"); w.int(c.id)
        w.key("trackingId"); w.string(c.trackingID)
        let readable = Privacy.canSeeContent(c, viewer: viewer)
        let texts = Privacy.redacted(c, for: viewer)
        w.key("title"); w.string(readable ? texts.title : nil)
        w.key("body"); w.string(readable ? texts.body : nil)
        w.key("status"); w.string(c.status.rawValue)
        w.key("statusName"); w.string(c.status.laporName)
        w.key("classification"); w.string(c.classification.rawValue)
        w.key("category"); w.string(c.category.path)
        w.key("channel"); w.string(c.channel.rawValue)
        w.key("priority"); w.string(c.priority.rawValue)
        w.key("location"); w.string(texts.location.isEmpty ? nil : texts.location)
        w.key("incidentDate"); w.string(c.incidentDate?.iso8601)
        w.key("anonymous"); w.bool(c.anonymous)
        w.key("confidential"); w.bool(c.confidential)
        w.key("privacyDecided"); w.bool(c.privacyDecided)
        w.key("reporter")
        if Privacy.canSeeReporter(c, viewer: viewer), let r = c.reporter {
            w.beginObject()
            w.key("name"); w.string(r.name)
            w.key("phone"); w.string(r.phone)
            w.key("email"); w.string(r.email)
            w.key("nik"); w.string(r.nik)
            w.endObject()
        } else {
            w.null()
        }
        w.key("intakeAgency"); w.string(c.intakeAgency)
        w.key("holder"); w.beginObject()
        w.key("agency"); w.string(c.holder.agency)
        w.key("agencyName"); w.string(dir.agencyName(c.holder.agency))
        w.key("unit"); w.string(c.holder.unit)
        w.key("unitName"); w.string(c.holder.unit.map(dir.unitName))
        w.endObject()
        w.key("ccUnits"); w.beginArray(); for u in c.ccUnits { w.string(u) }; w.endArray()
        w.key("duplicateOf"); w.int(c.duplicateOf)
        w.key("pingPong"); w.bool(c.pingPong)
        w.key("receivedAt"); time(c.receivedAt)
        w.key("updatedAt"); time(c.updatedAt)
        w.key("dueAt"); time(due?.dueAt)
        w.key("deadlineKind"); w.string(due?.kind.rawValue)
        w.key("overdue"); w.bool((due?.dueAt).map { $0 < now } ?? false)
        w.key("rating"); w.int(c.rating.map(Int64.init))
        w.key("version"); w.int(Int64(c.version))
        w.key("events"); w.beginArray()
        for e in events {
            if let visible = Privacy.redacted(e, in: c, for: viewer) { EventCodec.write(visible, to: &w, style: .iso(zone)) }
        }
        w.endArray()
        w.endObject()
    }

    /// Reads one export object. Histories are taken as they are (and replayed later); objects without
    /// events are read from their fields like a CSV row.
    static func record(_ node: JSONNode, index: Int, file: String, operatorAgency: String,
                       strings t: any StringTable = AduanCore.strings(.en), errors: inout [String]) -> IncomingRecord? {
        let path = "[\(index)]"
        let reader = FieldReader(basePath: path)
        reader.strings = t
        defer { errors += reader.errors.map { "\(file):\($0.line): \($0.field): \($0.message)" } }
        guard reader.object(node, path) != nil else { return nil }
        // Every key must be one the export writes: a misspelt "stauts" must not import silently.
        for m in node.members ?? [] where !exportKeys.contains(m.key) {
            reader.fail(m.line, path + "." + m.key, .unknownKey(suggestion: FilterParser.closest(m.key, in: exportKeys)))
        }
        let sourceID = reader.int64(node, "id", path)
        if let list = node["events"]?.array, !list.isEmpty {
            var events: [Event] = []
            for (i, e) in list.enumerated() {
                if let ev = EventCodec.decode(e, path: "\(path).events[\(i)]", reader: reader) { events.append(ev) }
            }
            guard reader.errors.isEmpty, let first = events.first, let intake = first.details.intake else {
                if reader.errors.isEmpty { reader.fail(node.line, path + ".events[0]", .firstEventIsIntake) }
                return nil
            }
            return IncomingRecord(line: node.line, sourceID: sourceID, events: events, intake: intake,
                                  imported: first.details.imported ?? ImportedState(status: .belumTerverifikasi))
        }
        // Fields only.
        var intakeNode = node
        if node["reporter"]?.isNull == true, case .object(var members) = node.value {
            members.removeAll { $0.key == "reporter" }
            intakeNode = JSONNode(value: .object(members), line: node.line, column: node.column)
        }
        guard var intake = EventCodec.decodeIntake(intakeNode, path: path, reader: reader) else { return nil }
        if intake.agency.isEmpty { intake.agency = node["intakeAgency"]?.string ?? operatorAgency }
        if intake.receivedAt == nil { reader.fail(node.line, path + ".receivedAt", .receivedAtMissing) }
        let status = reader.choice(node, "status", path, options: Status.allCases.map(\.rawValue), parse: Status.parse) ?? .belumTerverifikasi
        var imported = ImportedState(status: status)
        if let h = node["holder"], h.members != nil {
            imported.holderAgency = reader.string(h, "agency", path + ".holder")
            imported.holderUnit = reader.string(h, "unit", path + ".holder")
        }
        imported.ccUnits = node["ccUnits"]?.array?.compactMap(\.string) ?? []
        imported.privacyDecided = reader.bool(node, "privacyDecided", path) ?? false
        imported.rating = reader.int64(node, "rating", path).map { Int(clamping: $0) }
        guard reader.errors.isEmpty else { return nil }
        return IncomingRecord(line: node.line, sourceID: sourceID, events: nil, intake: intake, imported: imported)
    }

    /// The keys `write` produces (and the intake keys a hand-written file may use).
    static let exportKeys = [
        "id", "trackingId", "title", "body", "status", "statusName", "classification", "category", "channel", "priority",
        "location", "incidentDate", "anonymous", "confidential", "privacyDecided", "reporter", "intakeAgency", "agency",
        "holder", "ccUnits", "duplicateOf", "pingPong", "receivedAt", "updatedAt", "dueAt", "deadlineKind", "overdue",
        "rating", "version", "events",
    ]
}

/// Open311 GeoReport v2 service requests: the public view (no confidential complaints, no reporter,
/// no secret follow-ups or internal notes). No field carries the reporter's name, phone, e-mail or
/// NIK, anonymous or not: texts pass through `Privacy.publicText` (old templates baked names in).
public enum Open311Layout {
    static func write(_ c: Complaint, events: [Event], now: Timestamp, config: OfficeConfig, to w: inout JSONStreamWriter) {
        let zone = config.calendar.zone
        let due = config.deadlines.running(for: c, calendar: config.calendar)
        let publicEvents = events.compactMap { Privacy.publicEvent($0, in: c) }
        let lastNote = publicEvents.last { $0.kind == .followUp || $0.kind == .approve }?.details.text
        w.beginObject()
        w.key("service_request_id"); w.string(c.trackingID ?? "aduan-\(c.id)")
        w.key("status"); w.string(c.status.isFinished ? "closed" : "open")
        var notes = "LAPOR!: \(c.status.laporName)"
        if c.status == .arsip, let r = c.archiveReason { notes += " (\(r.rawValue))" }
        if let lastNote { notes += ". " + lastNote }
        w.key("status_notes"); w.string(notes)
        w.key("service_name"); w.string(config.categoryName(c.category))
        w.key("service_code"); w.string(c.category.path)
        w.key("description"); w.string(Privacy.publicText(c.body.isEmpty ? c.title : c.title + "\n\n" + c.body, of: c))
        w.key("agency_responsible"); w.string(config.directory.holderName(c.holder))
        w.key("service_notice"); w.string(due.map { "\(strings(.id).deadlineName($0.kind)): \($0.rule.days) \($0.rule.counting == .working ? "hari kerja" : "hari") (\($0.rule.basis))" })
        w.key("requested_datetime"); w.string(c.receivedAt.iso8601(in: zone))
        w.key("updated_datetime"); w.string(c.updatedAt.iso8601(in: zone))
        w.key("expected_datetime"); w.string(due?.dueAt.iso8601(in: zone))
        w.key("address"); w.string(c.location.isEmpty ? nil : Privacy.publicText(c.location, of: c))
        w.key("address_id"); w.null()
        w.key("zipcode"); w.null()
        w.key("lat"); w.null()
        w.key("long"); w.null()
        w.key("media_url"); w.null()
        w.endObject()
    }

    static func record(_ node: JSONNode, index: Int, file: String, config: OfficeConfig, operatorAgency: String,
                       strings t: any StringTable = AduanCore.strings(.en), errors: inout [String]) -> IncomingRecord? {
        let path = "[\(index)]"
        let r = FieldReader(basePath: path)
        r.strings = t
        defer { errors += r.errors.map { "\(file):\($0.line): \($0.field): \($0.message)" } }
        guard r.object(node, path) != nil else { return nil }
        let description = r.string(node, "description", path, maxBytes: 1 << 20) ?? ""
        let requestID = r.string(node, "service_request_id", path)
        let openClosed = r.choice(node, "status", path, required: true, options: ["open", "closed"]) { s -> String? in
            ["open", "closed"].contains(s.lowercased()) ? s.lowercased() : nil
        }
        let received = r.time(node, "requested_datetime", path, required: true)
        let notes = r.string(node, "status_notes", path) ?? ""
        // Our own exports name the LAPOR! status in status_notes; otherwise open → not yet verified, closed → Selesai.
        var status: Status = openClosed == "closed" ? .selesai : .belumTerverifikasi
        if let named = Status.allCases.first(where: { notes.contains("LAPOR!: " + $0.laporName) }) { status = named }
        let code = r.string(node, "service_code", path)
        let titleLine = description.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        var body = description
        if let nl = description.firstIndex(of: "\n") { body = String(description[nl...]).trimmingSpaces() }
        let title = titleLine.isEmpty ? (r.string(node, "service_name", path) ?? "") : String(titleLine.prefix(200))
        if title.isEmpty { r.fail(node.line, path + ".description", .descriptionMissing) }
        guard r.errors.isEmpty, let received else { return nil }
        var holderAgency: String?
        if let agency = r.string(node, "agency_responsible", path) {
            holderAgency = config.directory.agencies.first { $0.name == agency || $0.id == agency }?.id
        }
        let tracking = requestID.flatMap { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && !$0.isEmpty ? $0 : nil }
        let intake = Intake(trackingID: tracking, title: title, body: body, channel: .integrated, category: code.map(Category.init) ?? .uncategorised,
                            location: r.string(node, "address", path) ?? "", agency: operatorAgency, receivedAt: received)
        var imported = ImportedState(status: status, holderAgency: holderAgency)
        if status.isFinished { imported.closedAt = r.time(node, "updated_datetime", path) }
        return IncomingRecord(line: node.line, events: nil, intake: intake, imported: imported)
    }
}
