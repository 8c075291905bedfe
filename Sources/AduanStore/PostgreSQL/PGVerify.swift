import AduanCore

/// `aduan verify` on PostgreSQL, so far as a store method: the hash chain, the projections
/// against a replay of the log, and the database's own enforcement (row-level security enabled
/// on every table operators read, each login of the directory with its policies).
extension PGStore {
    public struct VerifyProblem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case chain, projection, security }
        public var kind: Kind
        public var complaintID: Int64?
        public var detail: String
        /// The problem in the string tables' terms (both languages), for the command line.
        public var message: PostgresMessage? = nil
        public var description: String { "\(kind.rawValue)\(complaintID.map { " #\($0)" } ?? ""): \(detail)" }
    }

    /// The tables operators read, each of which must have row-level security enabled.
    static let guardedTables = ["events", "complaints", "complaint_reporters", "complaint_texts", "event_views", "commands", "desk_counts", "forward_counts",
                                "complaint_copies", "event_counts", "due_counts", "week_counts", "followup_forms", "audience_keys", "login_audiences"]
    /// The policies `PGAccessSQL.rolesScript` gives every login, by table.
    public static let policiesPerLogin = [("see", "complaints"), ("reporter", "complaint_reporters"), ("texts", "complaint_texts"), ("events", "event_views"),
                                          ("commands", "commands"), ("counts", "desk_counts"), ("forwards", "forward_counts"), ("copies", "complaint_copies"),
                                          ("figures", "event_counts"), ("deadlines", "due_counts"), ("weeks", "week_counts"), ("followups", "followup_forms")]

    /// Every problem found (empty when the store is whole). Reads as the owner.
    public func verify(operators: [Actor]) throws -> [VerifyProblem] {
        var problems: [VerifyProblem] = []
        if let seq = try firstBrokenLink() {
            problems.append(VerifyProblem(kind: .chain, complaintID: nil, detail: "the hash chain breaks at event \(seq)", message: .chainBreaks(at: seq)))
        }
        // Projections against a replay of each report's events.
        let ids = try conn.query("SELECT DISTINCT complaint_id FROM aduan.events ORDER BY 1").column("complaint_id").compactMap { $0.flatMap { Int64($0) } }
        for id in ids {
            var state: Complaint?
            for e in try events(of: id) { state = Workflow.evolve(state, e) }
            guard let c = state else { continue }
            let row = try conn.query("SELECT version, status, holder_agency, holder_unit, state, escalation FROM aduan.complaints WHERE id = $1", [.int(id)])
            guard row.rowCount == 1 else {
                problems.append(VerifyProblem(kind: .projection, complaintID: id, detail: "no complaints row", message: .projectionMissing(id: id)))
                continue
            }
            let want: [String?] = [String(c.version), String(c.status.code), c.holder.agency, c.holder.unit, StateCodec.encode(Self.skeleton(c)),
                                  Self.escalationLevel(c, context: context)?.rawValue]
            let have = ["version", "status", "holder_agency", "holder_unit", "state", "escalation"].map { row.text(0, $0) }
            if want != have { problems.append(VerifyProblem(kind: .projection, complaintID: id, detail: "the complaints row differs from the log", message: .projectionDiffers(id: id))) }
            let texts = try conn.query("SELECT masked, title, body, location FROM aduan.complaint_texts WHERE id = $1 ORDER BY masked", [.int(id)])
            let wantTexts = [[c.title, c.body, c.location],
                             [Privacy.publicText(c.title, of: c), Privacy.publicText(c.body, of: c), Privacy.publicText(c.location, of: c)]]
            let haveTexts = (0..<texts.rowCount).map { i in ["title", "body", "location"].map { texts.text(i, $0) ?? "" } }
            if wantTexts != haveTexts { problems.append(VerifyProblem(kind: .projection, complaintID: id, detail: "the texts differ from the log", message: .textsDiffer(id: id))) }
            if try !searchKeysHold(c) {
                problems.append(VerifyProblem(kind: .projection, complaintID: id, detail: "the texts' search keys differ from the log", message: .textsDiffer(id: id)))
            }
        }
        // The screen's counters against a count of the reports (PGDeskCounts.swift).
        let counters = try PGSchema.countersDiffering(conn)
        if counters > 0 {
            problems.append(VerifyProblem(kind: .projection, complaintID: nil, detail: "\(counters) counter(s) of aduan.desk_counts and aduan.forward_counts differ from the reports",
                                          message: .countersDiffer(count: Int(counters))))
        }
        // The copies' rows against the reports' copies (PGCopies.swift).
        let copies = try PGSchema.copiesDiffering(conn)
        if copies > 0 {
            problems.append(VerifyProblem(kind: .projection, complaintID: nil, detail: "\(copies) row(s) of aduan.complaint_copies differ from the reports' copies",
                                          message: .copiesDiffer(count: Int(copies))))
        }
        let eventCounters = try PGSchema.eventCountersDiffering(conn) + PGSchema.dueCountersDiffering(conn) + PGSchema.weekCountersDiffering(conn)
            + PGSchema.followUpFormsDiffering(conn)
        if eventCounters > 0 {
            problems.append(VerifyProblem(kind: .projection, complaintID: nil, detail: "\(eventCounters) counter(s) of aduan.event_counts, due_counts, week_counts and followup_forms differ from the events and reports",
                                          message: .countersDiffer(count: Int(eventCounters))))
        }
        // The database's own enforcement.
        for table in Self.guardedTables {
            let r = try conn.query("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass($1)", [.text("aduan." + table)])
            if r.rowCount == 0 || r.bool(0, "relrowsecurity") != true {
                problems.append(VerifyProblem(kind: .security, complaintID: nil, detail: "row-level security is not enabled on aduan.\(table)",
                                              message: .securityOff(table: "aduan." + table)))
            }
        }
        let present = Set(try conn.query("SELECT tablename || ' ' || policyname AS p FROM pg_policies WHERE schemaname = 'aduan'").column("p").compactMap { $0 })
        for (login, _) in PGAccessSQL.logins(of: operators) where Identity.isValidLogin(login) {
            for (what, table) in Self.policiesPerLogin where !present.contains("\(table) \(PGAccessSQL.policyName(what, login))") {
                problems.append(VerifyProblem(kind: .security, complaintID: nil,
                                              detail: "login \(login) has no policy on aduan.\(table): run the SQL of `aduan office roles`",
                                              message: .policyMissing(login: login, table: "aduan." + table)))
            }
        }
        let directory = Set(PGAccessSQL.logins(of: operators).map(\.login))
        for login in try conn.query("SELECT login FROM aduan.login_audiences ORDER BY login").column("login").compactMap({ $0 }) where !directory.contains(login) {
            problems.append(VerifyProblem(kind: .security, complaintID: nil,
                                          detail: "login \(login) is not in the directory but has search keys: run the SQL of `aduan office roles`",
                                          message: .policyMissing(login: login, table: "aduan.login_audiences")))
        }
        for (login, ops) in PGAccessSQL.logins(of: operators) where Identity.isValidLogin(login) {
            let keys = Audience.keys(of: ops)
            let r = try conn.query("SELECT keys = $2::text[] AS same FROM aduan.login_audiences WHERE login = $1", [.text(login), .text(Self.arrayLiteral(keys))])
            if r.rowCount == 0 ? !keys.isEmpty : r.bool(0, "same") != true {
                problems.append(VerifyProblem(kind: .security, complaintID: nil,
                                              detail: "login \(login)'s search keys are not the directory's: run the SQL of `aduan office roles`",
                                              message: .policyMissing(login: login, table: "aduan.login_audiences")))
            }
        }
        return problems
    }

    /// Do the report's text rows carry the core's tokens and their words under each (schema 9)?
    func searchKeysHold(_ c: Complaint) throws -> Bool {
        for (masked, title, body, _) in Self.textRows(c) {
            let tokens = Audience.tokens(of: c, masked: masked)
            guard let prefixes = try? audiencePrefixes(tokens, numbering: false) else { return false }
            let r = try conn.query("""
                SELECT audience = $3::text[] AND scoped_words = $4::tsvector AS same FROM aduan.complaint_texts WHERE id = $1 AND masked = $2
                """, [.int(c.id), .bool(masked), .text(Self.arrayLiteral(tokens)), .text(PGSearch.scopedVector(prefixes: prefixes, title: title, body: body))])
            if r.rowCount != 1 || r.bool(0, "same") != true { return false }
        }
        return true
    }
}
