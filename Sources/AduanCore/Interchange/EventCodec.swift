// Over 400 lines: encode and decode of every field sit together so they cannot drift apart.
/// A value in an interchange file or stored record that could not be read: where and why.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    /// Dotted path of the field, e.g. `events[2].details.unit`.
    public var field: String
    public var message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "line \(line): \(field): \(message)" }
}

/// How timestamps are written: epoch seconds in the store (compact, exact), ISO 8601 with the
/// office's offset in exports (what people and other systems read).
public enum TimeStyle: Sendable {
    case epoch
    case iso(OfficeTimeZone)
}

/// Reads JSON fields with type checks, collecting every problem with its line and path.
public final class FieldReader {
    public private(set) var errors: [FieldError] = []
    let basePath: String

    /// The session's table for what is wrong with a field (imports); English when unset.
    public var strings: (any StringTable)?

    public init(basePath: String = "") { self.basePath = basePath }

    /// A field's problem, said in the reader's language (English without a table).
    public func fail(_ line: Int, _ path: String, _ problem: FieldProblem) {
        fail(line, path, problem.text(strings?.language ?? .en))
    }

    public func fail(_ line: Int, _ path: String, _ message: String) {
        errors.append(FieldError(line: line, field: path, message: message))
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func object(_ node: JSONNode, _ path: String) -> JSONNode? {
        guard node.members != nil else {
            fail(node.line, path, .expectedObject(found: node.typeName))
            return nil
        }
        return node
    }

    public func string(_ parent: JSONNode, _ key: String, _ path: String, required: Bool = false, maxBytes: Int = 1 << 20) -> String? {
        guard let n = parent[key], !n.isNull else {
            if required { fail(parent.line, join(path, key), .missing) }
            return nil
        }
        guard let s = n.string else {
            fail(n.line, join(path, key), .expectedString(found: n.typeName))
            return nil
        }
        if s.utf8.count > maxBytes {
            fail(n.line, join(path, key), .tooLong(bytes: s.utf8.count, max: maxBytes))
            return nil
        }
        return s
    }

    public func bool(_ parent: JSONNode, _ key: String, _ path: String) -> Bool? {
        guard let n = parent[key], !n.isNull else { return nil }
        if let b = n.bool { return b }
        fail(n.line, join(path, key), .expectedBool(found: n.typeName))
        return nil
    }

    public func int64(_ parent: JSONNode, _ key: String, _ path: String, required: Bool = false) -> Int64? {
        guard let n = parent[key], !n.isNull else {
            if required { fail(parent.line, join(path, key), .missing) }
            return nil
        }
        if let v = n.int64 { return v }
        if let s = n.string, let v = Int64(s) { return v }
        fail(n.line, join(path, key), .expectedWholeNumber(found: n.typeName))
        return nil
    }

    public func time(_ parent: JSONNode, _ key: String, _ path: String, required: Bool = false) -> Timestamp? {
        guard let n = parent[key], !n.isNull else {
            if required { fail(parent.line, join(path, key), .missing) }
            return nil
        }
        if let v = n.int64 { return Timestamp(seconds: v) }
        guard let s = n.string else {
            fail(n.line, join(path, key), .expectedDateTime(found: n.typeName))
            return nil
        }
        // Says what is wrong: an impossible month or day is named, never "add a time zone".
        let table = strings ?? AduanCore.strings(.en)
        if let problem = DateTimeProblem.of(s) {
            fail(n.line, join(path, key), table.dateTimeProblem(s, problem))
            return nil
        }
        guard case .success(let t) = Timestamp.parseISO8601(s) else {
            fail(n.line, join(path, key), table.dateTimeProblem(s, .malformed))
            return nil
        }
        return t
    }

    public func choice<T>(_ parent: JSONNode, _ key: String, _ path: String, required: Bool = false,
                          options: [String], parse: (String) -> T?) -> T? {
        guard let s = string(parent, key, path, required: required) else { return nil }
        if let v = parse(s) { return v }
        fail(parent[key]!.line, join(path, key), .unknownValue(s, options: options))
        return nil
    }
}

/// Event and complaint-state encoding. The store keeps each event as this JSON (and hashes it),
/// and the JSON export writes the same shape with ISO times, so an export can be replayed.
public enum EventCodec {
    // MARK: encode

    public static func encode(_ e: Event, style: TimeStyle) -> String {
        var w = JSONStreamWriter()
        write(e, to: &w, style: style)
        return w.text
    }

    /// Writes an event. The store leaves out the envelope (report, version, time, kind), which it
    /// keeps in columns covered by the event's hash; exports write it.
    public static func write(_ e: Event, to w: inout JSONStreamWriter, style: TimeStyle, envelope: Bool = true) {
        w.beginObject()
        if envelope {
            w.key("complaint"); w.int(e.complaintID)
            w.key("version"); w.int(e.version)
            w.key("at"); time(e.at, &w, style)
            w.key("kind"); w.string(e.kind.rawValue)
        }
        w.key("from"); w.string(e.from?.rawValue)
        w.key("to"); w.string(e.to.rawValue)
        w.key("actor"); writeActor(e.actor, &w)
        // Only when known: events stored before logins keep their exact text (and hash).
        if let login = e.login { w.key("login"); w.string(login) }
        writeDetails(e.details, &w, style)
        w.endObject()
    }

    static func time(_ t: Timestamp, _ w: inout JSONStreamWriter, _ style: TimeStyle) {
        switch style {
        case .epoch: w.int(t.seconds)
        case .iso(let zone): w.string(t.iso8601(in: zone))
        }
    }

    static func writeActor(_ a: Actor, _ w: inout JSONStreamWriter) {
        w.beginObject()
        w.key("id"); w.string(a.id)
        w.key("name"); w.string(a.name)
        w.key("role"); w.string(a.role.rawValue)
        w.key("agency"); w.string(a.agency)
        if let u = a.unit { w.key("unit"); w.string(u) }
        w.endObject()
    }

    static func writeReporter(_ r: Reporter, _ w: inout JSONStreamWriter) {
        w.beginObject()
        if let v = r.name { w.key("name"); w.string(v) }
        if let v = r.phone { w.key("phone"); w.string(v) }
        if let v = r.email { w.key("email"); w.string(v) }
        if let v = r.nik { w.key("nik"); w.string(v) }
        w.endObject()
    }

    static func writeDetails(_ d: ActionDetails, _ w: inout JSONStreamWriter, _ style: TimeStyle) {
        if let i = d.intake {
            w.key("intake"); w.beginObject()
            if let t = i.trackingID { w.key("trackingId"); w.string(t) }
            w.key("title"); w.string(i.title)
            w.key("body"); w.string(i.body)
            w.key("channel"); w.string(i.channel.rawValue)
            w.key("classification"); w.string(i.classification.rawValue)
            w.key("category"); w.string(i.category.path)
            if !i.location.isEmpty { w.key("location"); w.string(i.location) }
            if let d = i.incidentDate { w.key("incidentDate"); w.string(d.iso8601) }
            w.key("anonymous"); w.bool(i.anonymous)
            w.key("confidential"); w.bool(i.confidential)
            if i.priority != .normal { w.key("priority"); w.string(i.priority.rawValue) }
            if let r = i.reporter { w.key("reporter"); writeReporter(r, &w) }
            w.key("agency"); w.string(i.agency)
            if let r = i.receivedAt { w.key("receivedAt"); time(r, &w, style) }
            if i.privacyDecided { w.key("privacyDecided"); w.bool(true) }
            w.endObject()
        }
        if let s = d.imported {
            w.key("imported"); w.beginObject()
            w.key("status"); w.string(s.status.rawValue)
            if let v = s.holderAgency { w.key("holderAgency"); w.string(v) }
            if let v = s.holderUnit { w.key("holderUnit"); w.string(v) }
            if !s.ccUnits.isEmpty { w.key("ccUnits"); w.beginArray(); for u in s.ccUnits { w.string(u) }; w.endArray() }
            for (k, v) in [("verifiedAt", s.verifiedAt), ("disposedAt", s.disposedAt), ("firstFollowUpAt", s.firstFollowUpAt),
                           ("lastFollowUpAt", s.lastFollowUpAt), ("lastReplyAt", s.lastReplyAt), ("closedAt", s.closedAt)] {
                if let v { w.key(k); time(v, &w, style) }
            }
            if s.awaitingReporter { w.key("awaitingReporter"); w.bool(true) }
            if let v = s.archiveReason { w.key("archiveReason"); w.string(v.rawValue) }
            if let v = s.rating { w.key("rating"); w.int(v) }
            if s.privacyDecided { w.key("privacyDecided"); w.bool(true) }
            w.endObject()
        }
        if let v = d.agency { w.key("agency"); w.string(v) }
        if let v = d.unit { w.key("unit"); w.string(v) }
        if let v = d.reason { w.key("reason"); w.string(v) }
        if let v = d.archiveReason { w.key("archiveReason"); w.string(v.rawValue) }
        if let v = d.text { w.key("text"); w.string(v) }
        if d.secret { w.key("secret"); w.bool(true) }
        if let v = d.rating { w.key("rating"); w.int(v) }
        if let v = d.duplicateOf { w.key("duplicateOf"); w.int(v) }
        if let c = d.changes {
            w.key("changes"); w.beginObject()
            if let v = c.title { w.key("title"); w.string(v) }
            if let v = c.classification { w.key("classification"); w.string(v.rawValue) }
            if let v = c.category { w.key("category"); w.string(v.path) }
            if let v = c.anonymous { w.key("anonymous"); w.bool(v) }
            if let v = c.confidential { w.key("confidential"); w.bool(v) }
            if let v = c.priority { w.key("priority"); w.string(v.rawValue) }
            w.endObject()
        }
        // Written only when given, after every older field: events without it keep their bytes
        // (and so their hashes).
        if let v = d.reportedAt { w.key("reportedAt"); time(v, &w, style) }
        if let dr = d.draft {
            w.key("draft"); w.beginObject()
            w.key("event"); w.int(Int64(dr.version)); w.key("by"); w.string(dr.drafter); w.key("byName"); w.string(dr.drafterName)
            w.endObject()
        }
        if d.resetsTimer { w.key("resetsTimer"); w.bool(true) }
        // An import's source, likewise last and only when present (older imports keep their bytes).
        if let src = d.source {
            w.key("source"); w.beginObject()
            w.key("file"); w.string(src.file)
            w.key("sha256"); w.string(src.sha256)
            if !src.history.isEmpty {
                w.key("history"); w.beginArray()
                for q in src.history {
                    w.beginObject()
                    w.key("at"); time(q.at, &w, style)
                    w.key("actor"); w.string(q.actor)
                    if let v = q.actorName { w.key("actorName"); w.string(v) }
                    w.key("kind"); w.string(q.kind)
                    if let v = q.status { w.key("status"); w.string(v) }
                    if let v = q.text { w.key("text"); w.string(v) }
                    if q.secret { w.key("secret"); w.bool(true) }
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        writeWorkflowExtras(d, &w, style)
    }

    // MARK: decode

    /// Reads an event; problems are added to `r` and nil returned.
    public static func decode(_ node: JSONNode, path: String, reader r: FieldReader) -> Event? {
        guard r.object(node, path) != nil else { return nil }
        let before = r.errors.count
        let complaint = r.int64(node, "complaint", path, required: true)
        let version = r.int64(node, "version", path, required: true)
        let at = r.time(node, "at", path, required: true)
        let kind = r.choice(node, "kind", path, required: true, options: ActionKind.allCases.map(\.rawValue), parse: ActionKind.parse)
        let from = r.choice(node, "from", path, options: Status.allCases.map(\.rawValue), parse: Status.parse)
        let to = r.choice(node, "to", path, required: true, options: Status.allCases.map(\.rawValue), parse: Status.parse)
        var actor: Actor?
        if let a = node["actor"], r.object(a, path + ".actor") != nil {
            let p = path + ".actor"
            let role = r.choice(a, "role", p, required: true, options: Role.allCases.map(\.rawValue), parse: Role.parse)
            if let id = r.string(a, "id", p, required: true), let role {
                actor = Actor(id: id, name: r.string(a, "name", p) ?? id, role: role,
                              agency: r.string(a, "agency", p) ?? "", unit: r.string(a, "unit", p))
            }
        } else if node["actor"] == nil {
            r.fail(node.line, path + ".actor", .missing)
        }
        let details = decodeDetails(node, path: path, reader: r)
        let login = r.string(node, "login", path, maxBytes: 256)
        guard r.errors.count == before, let complaint, let version, let at, let kind, let to, let actor else { return nil }
        if version < 1 || version > Int64(Int32.max) {
            r.fail(node["version"]!.line, path + ".version", .atLeastOne)
            return nil
        }
        return Event(complaintID: complaint, version: Int(version), at: at, actor: actor, kind: kind,
                     from: from, to: to, details: details, login: login)
    }

    static func decodeReporter(_ node: JSONNode?, path: String, reader r: FieldReader) -> Reporter? {
        guard let node, !node.isNull, r.object(node, path) != nil else { return nil }
        let rep = Reporter(name: r.string(node, "name", path), phone: r.string(node, "phone", path),
                           email: r.string(node, "email", path), nik: r.string(node, "nik", path))
        return rep.isEmpty ? nil : rep
    }

    /// Reads an intake record (the content of a new report).
    public static func decodeIntake(_ i: JSONNode, path p: String, reader r: FieldReader) -> Intake? {
        guard r.object(i, p) != nil else { return nil }
        let before = r.errors.count
        let title = r.string(i, "title", p, required: true, maxBytes: Workflow.maxTitleBytes)
        let body = r.string(i, "body", p, maxBytes: Workflow.maxTextBytes) ?? ""
        let channel = r.choice(i, "channel", p, options: Channel.allCases.map(\.rawValue), parse: Channel.parse) ?? .other
        let cls = r.choice(i, "classification", p, options: Classification.allCases.map(\.rawValue), parse: Classification.parse) ?? .pengaduan
        let category = r.string(i, "category", p).map(Category.init) ?? .uncategorised
        var incident: LocalDate?
        if let s = r.string(i, "incidentDate", p) {
            incident = LocalDate.parse(String(s.prefix(10)))
            if incident == nil { r.fail(i["incidentDate"]!.line, p + ".incidentDate", .expectedDate(s)) }
        }
        let priority = r.choice(i, "priority", p, options: Priority.allCases.map(\.rawValue), parse: Priority.parse) ?? .normal
        let tracking = r.string(i, "trackingId", p)
        if let t = tracking, !t.isEmpty, !t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            r.fail(i["trackingId"]!.line, p + ".trackingId", .digitsOnly(t))
        }
        let intake = Intake(trackingID: (tracking?.isEmpty ?? true) ? nil : tracking, title: title ?? "", body: body,
                            channel: channel, classification: cls, category: category,
                            location: r.string(i, "location", p) ?? "", incidentDate: incident,
                            anonymous: r.bool(i, "anonymous", p) ?? false, confidential: r.bool(i, "confidential", p) ?? false,
                            priority: priority, reporter: decodeReporter(i["reporter"], path: p + ".reporter", reader: r),
                            agency: r.string(i, "agency", p) ?? "", receivedAt: r.time(i, "receivedAt", p),
                            privacyDecided: r.bool(i, "privacyDecided", p) ?? false)
        return r.errors.count == before ? intake : nil
    }

    static func decodeDetails(_ node: JSONNode, path: String, reader r: FieldReader) -> ActionDetails {
        var d = ActionDetails()
        if let i = node["intake"] { d.intake = decodeIntake(i, path: path + ".intake", reader: r) }
        if let s = node["imported"], r.object(s, path + ".imported") != nil {
            let p = path + ".imported"
            if let status = r.choice(s, "status", p, required: true, options: Status.allCases.map(\.rawValue), parse: Status.parse) {
                var st = ImportedState(status: status, holderAgency: r.string(s, "holderAgency", p), holderUnit: r.string(s, "holderUnit", p))
                if let ccNode = s["ccUnits"], !ccNode.isNull {
                    if let cc = ccNode.array, cc.allSatisfy({ $0.string != nil }) {
                        st.ccUnits = cc.compactMap(\.string)
                    } else {
                        r.fail(ccNode.line, p + ".ccUnits", .expectedUnitIDs(found: ccNode.typeName))
                    }
                }
                st.verifiedAt = r.time(s, "verifiedAt", p)
                st.disposedAt = r.time(s, "disposedAt", p)
                st.firstFollowUpAt = r.time(s, "firstFollowUpAt", p)
                st.lastFollowUpAt = r.time(s, "lastFollowUpAt", p)
                st.lastReplyAt = r.time(s, "lastReplyAt", p)
                st.closedAt = r.time(s, "closedAt", p)
                st.awaitingReporter = r.bool(s, "awaitingReporter", p) ?? false
                st.archiveReason = r.choice(s, "archiveReason", p, options: ArchiveReason.allCases.map(\.rawValue), parse: ArchiveReason.parse)
                st.rating = r.int64(s, "rating", p).map { Int(clamping: $0) }
                st.privacyDecided = r.bool(s, "privacyDecided", p) ?? false
                d.imported = st
            }
        }
        d.agency = r.string(node, "agency", path)
        d.unit = r.string(node, "unit", path)
        d.reason = r.string(node, "reason", path)
        d.archiveReason = r.choice(node, "archiveReason", path, options: ArchiveReason.allCases.map(\.rawValue), parse: ArchiveReason.parse)
        d.text = r.string(node, "text", path)
        d.secret = r.bool(node, "secret", path) ?? false
        d.rating = r.int64(node, "rating", path).map { Int(clamping: $0) }
        d.duplicateOf = r.int64(node, "duplicateOf", path)
        if let c = node["changes"], r.object(c, path + ".changes") != nil {
            let p = path + ".changes"
            d.changes = ClassificationChange(
                title: r.string(c, "title", p),
                classification: r.choice(c, "classification", p, options: Classification.allCases.map(\.rawValue), parse: Classification.parse),
                category: r.string(c, "category", p).map(Category.init),
                anonymous: r.bool(c, "anonymous", p), confidential: r.bool(c, "confidential", p),
                priority: r.choice(c, "priority", p, options: Priority.allCases.map(\.rawValue), parse: Priority.parse))
        }
        d.reportedAt = r.time(node, "reportedAt", path)
        if let dn = node["draft"], r.object(dn, path + ".draft") != nil {
            let p = path + ".draft"
            if let v = r.int64(dn, "event", p), let by = r.string(dn, "by", p, required: true, maxBytes: 4096) {
                d.draft = DraftRef(version: Int(clamping: v), drafter: by, drafterName: r.string(dn, "byName", p, maxBytes: 4096) ?? by)
            } else if dn["event"] == nil {
                r.fail(dn.line, p + ".event", .missing)
            }
        }
        d.resetsTimer = r.bool(node, "resetsTimer", path) ?? false
        if let src = node["source"], r.object(src, path + ".source") != nil {
            let p = path + ".source"
            var history: [QuotedEntry] = []
            if let list = src["history"], !list.isNull {
                if let items = list.array {
                    for (i, q) in items.enumerated() {
                        let qp = "\(p).history[\(i)]"
                        guard r.object(q, qp) != nil else { continue }
                        let at = r.time(q, "at", qp, required: true)
                        let actor = r.string(q, "actor", qp, required: true, maxBytes: 4096)
                        let kind = r.string(q, "kind", qp, required: true, maxBytes: 256)
                        let entry = QuotedEntry(at: at ?? Timestamp(seconds: 0), actor: actor ?? "", actorName: r.string(q, "actorName", qp, maxBytes: 4096),
                                                kind: kind ?? "", status: r.string(q, "status", qp, maxBytes: 256),
                                                text: r.string(q, "text", qp), secret: r.bool(q, "secret", qp) ?? false)
                        if at != nil, actor != nil, kind != nil { history.append(entry) }
                    }
                } else {
                    r.fail(list.line, p + ".history", .expectedArray(found: list.typeName))
                }
            }
            d.source = ImportSource(file: r.string(src, "file", p, required: true, maxBytes: 4096) ?? "",
                                    sha256: r.string(src, "sha256", p, required: true, maxBytes: 128) ?? "", history: history)
        }
        readWorkflowExtras(node, path: path, reader: r, into: &d)
        return d
    }

    /// The stored form of an event: its JSON without the envelope, as UTF-8.
    public static func storedBody(_ e: Event) -> [UInt8] {
        var w = JSONStreamWriter()
        write(e, to: &w, style: .epoch, envelope: false)
        return w.takeBytes()
    }

    /// Decodes an event stored by this program from its columns and body; nil when damaged.
    public static func decodeStored(complaint: Int64, version: Int, at: Int64, kind: String, body: String) -> Event? {
        guard let node = try? JSONParser.parse(body), node.members != nil, let kind = ActionKind(rawValue: kind) else { return nil }
        let r = FieldReader()
        let from = r.choice(node, "from", "event", options: [], parse: Status.parse)
        guard let to = r.choice(node, "to", "event", required: true, options: [], parse: Status.parse),
              let a = node["actor"], let id = a["id"]?.string, let role = a["role"]?.string.flatMap(Role.parse) else { return nil }
        let actor = Actor(id: id, name: a["name"]?.string ?? id, role: role, agency: a["agency"]?.string ?? "", unit: a["unit"]?.string)
        let details = decodeDetails(node, path: "event", reader: r)
        let login = r.string(node, "login", "event")
        guard r.errors.isEmpty else { return nil }
        return Event(complaintID: complaint, version: version, at: Timestamp(seconds: at), actor: actor, kind: kind,
                     from: from, to: to, details: details, login: login)
    }
}
