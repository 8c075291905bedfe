import AduanCore

/// Renders the core's access and privacy rules as PostgreSQL roles, grants and row-level
/// security policies, so the database itself withholds what an operator may not see, also from
/// `psql` with their own login. The core decides (`Access.inboxScope`, which is `Privacy.canView`
/// as data; `Privacy.contentAccess`; `Privacy.reporterAccess`); this only writes those values in
/// SQL, with the directory's agencies and units as literals, one set of policies per login.
///
/// Where it should meet the SQLite rendering (`FilterSQL.scope`, `FilterSQL.readable`): both turn
/// `InboxScope` and `ContentAccess` into a predicate over one `complaints` row; this one tests the
/// row's own arrays (`held_agencies`, `held_units`, `cc_units`) because a policy must not read
/// tables the role may not read. A shared dialect abstraction can take these three functions.
public enum PGAccessSQL {
    /// An agency/unit pair as one array element of `held_units`.
    public static func unitKey(_ agency: String, _ unit: String) -> String { agency + "\u{1F}" + unit }

    static func lit(_ s: String) -> String { PGConnection.quoteLiteral(s) }

    /// `Privacy.canView` (= `InboxScope.contains`) over the row `alias`.
    public static func view(_ s: InboxScope, alias c: String = "c") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency(let a):
            return "\(lit(a)) = ANY(\(c).held_agencies)"
        case .unit(let a, let u, let copies):
            if u.isEmpty { return "false" }
            let held = "\(lit(unitKey(a, u))) = ANY(\(c).held_units)"
            return copies ? "(\(held) OR \(lit(u)) = ANY(\(c).cc_units))" : held
        case .subtree(let a, let u, let below, let copies):
            if u.isEmpty { return "false" }
            let keys = ([u] + below).map { lit(unitKey(a, $0)) }.joined(separator: ", ")
            let held = "(ARRAY[\(keys)]::text[] && \(c).held_units)"
            return copies ? "(\(held) OR \(lit(u)) = ANY(\(c).cc_units))" : held
        }
    }

    /// The counters (`desk_counts` row `alias`, PGDeskCounts.swift) of what the scope holds now
    /// (`InboxScope.holdsNow`): its holders' rows and, with copies, the rows of its unit's copies.
    public static func counted(_ s: InboxScope, alias d: String = "desk_counts") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency(let a):
            return "\(d).agency = \(lit(a))"
        case .unit(let a, let u, let copies), .subtree(let a, let u, _, let copies):
            if u.isEmpty { return "false" }
            let held = "(\(d).copied_to = '' AND \(d).agency = \(lit(a)) AND \(d).unit IN (\(s.units.map(lit).joined(separator: ", "))))"
            return copies ? "(\(held) OR \(d).copied_to = \(lit(u)))" : held
        }
    }

    /// The Diteruskan counters (`forward_counts` row `alias`, PGDeskCounts.swift) of the scope:
    /// its agency's, its units' (their copies' with copies), province-wide the whole province's.
    public static func forwardCounted(_ s: InboxScope, alias f: String = "forward_counts") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency(let a):
            return "\(f).agency = \(lit(a))"
        case .unit(let a, let u, let copies), .subtree(let a, let u, _, let copies):
            if u.isEmpty { return "false" }
            let held = "\(f).agency = \(lit(a)) AND \(f).unit IN (\(s.units.map(lit).joined(separator: ", ")))"
            return copies ? "(\(held))" : "(\(held) AND NOT \(f).copied)"
        }
    }

    /// The rows of `complaint_copies` (alias `p`, PGCopies.swift) a scope may read: a unit's (or a
    /// subtree's) login its own unit's copies, which are exactly the copied reports `InboxScope`
    /// lets it open (`ccUnits.contains(unit)`), none without copies; an agency's the copies of the
    /// reports it may open (what their `cc_units` already show it); province-wide all.
    public static func copies(_ s: InboxScope, alias p: String = "complaint_copies") -> String {
        switch s {
        case .everything:
            return "true"
        case .agency:
            return "EXISTS (SELECT 1 FROM aduan.complaints c WHERE c.id = \(p).complaint_id AND \(view(s, alias: "c")))"
        case .unit(_, let u, let copies), .subtree(_, let u, _, let copies):
            return u.isEmpty || !copies ? "false" : "\(p).unit = \(lit(u))"
        }
    }

    /// The holder is `unit` of `agency` or one of the units below it.
    static func heldByUnit(_ agency: String, _ unit: String, below: [String], alias c: String) -> String {
        if below.isEmpty { return "(\(c).holder_agency = \(lit(agency)) AND \(c).holder_unit = \(lit(unit)))" }
        let units = ([unit] + below).map(lit).joined(separator: ", ")
        return "(\(c).holder_agency = \(lit(agency)) AND \(c).holder_unit IN (\(units)))"
    }

    /// `ContentAccess.mayRead` over the row `alias`.
    public static func content(_ a: ContentAccess, alias c: String = "c") -> String {
        if a.all { return "true" }
        var parts = ["NOT \(c).confidential"]
        if let agency = a.holderAgency { parts.append("\(c).holder_agency = \(lit(agency))") }
        if let h = a.holderUnit, let unit = h.unit { parts.append(heldByUnit(h.agency, unit, below: a.unitsBelow, alias: c)) }
        if let unit = a.copiedUnit { parts.append("\(lit(unit)) = ANY(\(c).cc_units)") }
        return "(" + parts.joined(separator: " OR ") + ")"
    }

    /// `ReporterAccess.maySee` over the row `alias`.
    public static func reporter(_ r: ReporterAccess, alias c: String = "c") -> String {
        if r.all { return "true" }
        let anonymous = r.anonymousIntakeAgency.map { "\(c).intake_agency = \(lit($0))" } ?? "false"
        var named: [String] = []
        if let a = r.handlingAgency { named.append("\(c).holder_agency = \(lit(a))") }
        if let h = r.handlingUnit, let unit = h.unit { named.append(heldByUnit(h.agency, unit, below: r.unitsBelow, alias: c)) }
        let namedSQL = named.isEmpty ? "false" : named.joined(separator: " OR ")
        return "((\(c).anonymous AND \(anonymous)) OR (NOT \(c).anonymous AND (\(namedSQL))))"
    }

    /// `ReporterAccess.handles` (= `Privacy.isHandling`) over the row `alias`.
    public static func handling(_ r: ReporterAccess, alias c: String = "c") -> String {
        if r.all { return "true" }
        var parts: [String] = []
        if let a = r.handlingAgency { parts.append("\(c).holder_agency = \(lit(a))") }
        if let h = r.handlingUnit, let unit = h.unit { parts.append(heldByUnit(h.agency, unit, below: r.unitsBelow, alias: c)) }
        return parts.isEmpty ? "false" : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// An operator may read a form of an event (`event_views` row `v`) of report `c`: they may open
    /// the report, `Sight.mayRead` holds for the event, and the form is the one for their sight.
    static func eventRule(_ op: Actor, event v: String = "event_views", alias c: String = "c") -> String {
        let r = reporter(Privacy.reporterAccess(of: op), alias: c)
        let content = content(Privacy.contentAccess(of: op), alias: c)
        let handles = handling(Privacy.reporterAccess(of: op), alias: c)
        let sightBit = "(CASE WHEN \(r) THEN 4 ELSE 0 END) + (CASE WHEN \(content) THEN 2 ELSE 0 END) + (CASE WHEN \(handles) THEN 1 ELSE 0 END)"
        return "(\(view(Access.inboxScope(of: op), alias: c)) AND (CASE WHEN \(v).needs_handling THEN \(handles) WHEN \(v).needs_content THEN \(content) ELSE true END)"
            + " AND ((\(v).shown_to >> (\(sightBit))) & 1) = 1)"
    }

    /// A login's search keys as an SQL array of literals.
    static func keysLiteral(_ keys: [String]) -> String {
        "ARRAY[" + keys.map(lit).joined(separator: ", ") + "]::text[]"
    }

    /// `text` for a `--` comment line: PostgreSQL ends a comment at a line feed or a carriage
    /// return, so every control character becomes `?` (an office admin writes the directory's
    /// names; the owner runs the script).
    static func commentText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    /// `DO $tag$ body $tag$;` with a tag the body does not contain (compared as bytes: a login
    /// may hold `$`, and a dollar quote ends at the first byte-for-byte occurrence of its tag).
    static func doBlock(_ body: String) -> String {
        var tag = "$aduan$"
        var n = 0
        while containsBytes(body, tag) { n += 1; tag = "$aduan\(n)$" }
        return "DO \(tag)\n\(body)\n\(tag);"
    }

    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard n.count <= h.count else { return false }
        return (0...(h.count - n.count)).contains { i in h[i..<(i + n.count)].elementsEqual(n) }
    }

    /// The operators each login may act as (a login with several hats sees what any of them may).
    public static func logins(of operators: [Actor]) -> [(login: String, operators: [Actor])] {
        var order: [String] = []
        var byLogin: [String: [Actor]] = [:]
        for op in operators {
            for login in op.logins {
                if byLogin[login] == nil { order.append(login) }
                byLogin[login, default: []].append(op)
            }
        }
        return order.map { ($0, byLogin[$0]!) }
    }

    /// A policy's name: `aduan:<what>:<login>`, or a digest of the login when that is too long
    /// for an identifier (63 bytes).
    static func policyName(_ what: String, _ login: String) -> String {
        let plain = "aduan:\(what):\(login)"
        if plain.utf8.count <= 63 { return plain }
        var h = SHA256()
        h.update(login)
        return "aduan:\(what):#" + String(SHA256.hexString(h.finalize()).prefix(24))
    }

    /// The whole script `aduan office roles` prints: run by the store's owner (a role with
    /// CREATEROLE that owns the `aduan` schema), in one transaction. Creates a login role for
    /// every login of the directory that has none (no password: peer authentication on the
    /// socket, or `\password` for SCRAM over TCP), grants reading and submitting commands
    /// (`aduan.commands`; nothing else is writable), and replaces every policy this program made,
    /// so a login gone from the directory reads nothing from then on.
    /// A login that is a superuser or bypasses row-level security is refused, since no policy
    /// would bind it. Logins must pass `Identity.isValidLogin`; others are left out.
    public static func rolesScript(operators: [Actor], header: String = "") -> String {
        let logins = logins(of: operators).filter { Identity.isValidLogin($0.login) }
        var out: [String] = []
        if !header.isEmpty { out += header.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + commentText(String($0)) } }
        out.append("BEGIN;")
        // A session left idle in a transaction holds its tables; replacing a policy waits for it.
        // Fail after a while, changing nothing, rather than queue every operator behind the script.
        out.append("SET LOCAL lock_timeout = '10s';")
        out.append("""
            DO $aduan$
            DECLARE p record;
            BEGIN
                FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'aduan' AND policyname LIKE 'aduan:%' LOOP
                    EXECUTE format('DROP POLICY %I ON aduan.%I', p.policyname, p.tablename);
                END LOOP;
            END
            $aduan$;
            """)
        // Search keys (PGScopedSearch.swift): replaced like the policies, so a login gone from the
        // directory searches nothing from then on.
        out.append("DELETE FROM aduan.login_audiences;")
        for (login, ops) in logins {
            let role = PGConnection.quoteIdentifier(login)
            out.append("")
            out.append("-- " + commentText("\(login): " + ops.map { "\($0.id) (\($0.role.rawValue), \($0.agency)\($0.unit.map { "/" + $0 } ?? ""))" }.joined(separator: ", ")))
            out.append(doBlock("""
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(lit(login))) THEN
                        CREATE ROLE \(role) LOGIN;
                    ELSIF EXISTS (SELECT FROM pg_roles WHERE rolname = \(lit(login)) AND (rolsuper OR rolbypassrls)) THEN
                        RAISE EXCEPTION 'role % bypasses row-level security: an operator''s login must be an ordinary role', \(lit(login));
                    END IF;
                END
                """))
            out.append("GRANT USAGE ON SCHEMA aduan TO \(role);")
            out.append("GRANT SELECT ON aduan.complaints, aduan.complaint_reporters, aduan.event_views TO \(role);")
            // The texts by column: not their words (a login's EXPLAIN would estimate from every
            // row's); it searches through its keys (PGScopedSearch.swift).
            out.append("REVOKE SELECT ON aduan.complaint_texts FROM \(role);")
            out.append("GRANT SELECT (id, masked, title, body, location) ON aduan.complaint_texts TO \(role);")
            let viewRule = ops.map { Self.view(Access.inboxScope(of: $0), alias: "complaints") }.joined(separator: " OR ")
            let reporterRule = ops.map { "(\(Self.view(Access.inboxScope(of: $0))) AND \(reporter(Privacy.reporterAccess(of: $0))))" }
                .joined(separator: " OR ")
            let textRule = ops.map {
                "(\(Self.view(Access.inboxScope(of: $0))) AND \(content(Privacy.contentAccess(of: $0))) AND (complaint_texts.masked OR \(reporter(Privacy.reporterAccess(of: $0)))))"
            }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("see", login))) ON aduan.complaints AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(viewRule));")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("reporter", login))) ON aduan.complaint_reporters AS PERMISSIVE FOR SELECT TO \(role)\n    USING (EXISTS (SELECT 1 FROM aduan.complaints c WHERE c.id = complaint_reporters.id AND (\(reporterRule))));")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("texts", login))) ON aduan.complaint_texts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (EXISTS (SELECT 1 FROM aduan.complaints c WHERE c.id = complaint_texts.id AND (\(textRule))));")
            out.append("GRANT SELECT, INSERT ON aduan.commands TO \(role);")
            out.append("GRANT USAGE ON SEQUENCE aduan.commands_id_seq TO \(role);")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("commands", login))) ON aduan.commands AS PERMISSIVE FOR ALL TO \(role)\n    USING (login = current_user) WITH CHECK (login = current_user);")
            out.append("GRANT SELECT ON aduan.desk_counts TO \(role);")
            let countedRule = ops.map { Self.counted(Access.inboxScope(of: $0)) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("counts", login))) ON aduan.desk_counts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(countedRule));")
            out.append("GRANT SELECT ON aduan.forward_counts TO \(role);")
            let forwardRule = ops.map { Self.forwardCounted(Access.inboxScope(of: $0)) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("forwards", login))) ON aduan.forward_counts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(forwardRule));")
            out.append("INSERT INTO aduan.login_audiences(login, keys) VALUES (\(lit(login)), \(keysLiteral(Audience.keys(of: ops))));")
            out.append("GRANT SELECT ON aduan.complaint_copies TO \(role);")
            let copiesRule = ops.map { Self.copies(Access.inboxScope(of: $0)) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("copies", login))) ON aduan.complaint_copies AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(copiesRule));")
            out.append("GRANT SELECT ON aduan.event_counts TO \(role);")
            let eventCountedRule = ops.map { Self.eventCounted(Access.inboxScope(of: $0)) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("figures", login))) ON aduan.event_counts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(eventCountedRule));")
            out.append("GRANT SELECT ON aduan.due_counts TO \(role);")
            let dueRule = ops.map { Self.dueCounted(Access.inboxScope(of: $0)) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("deadlines", login))) ON aduan.due_counts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(dueRule));")
            out.append("GRANT SELECT ON aduan.followup_forms TO \(role);")
            let followUpRule = ops.map { Self.eventRule($0, event: "followup_forms", alias: "followup_forms") }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("followups", login))) ON aduan.followup_forms AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(followUpRule));")
            out.append("GRANT SELECT ON aduan.week_counts TO \(role);")
            let weekRule = ops.map { Self.dueCounted(Access.inboxScope(of: $0), alias: "week_counts") }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("weeks", login))) ON aduan.week_counts AS PERMISSIVE FOR SELECT TO \(role)\n    USING (\(weekRule));")
            let eventRule = ops.map { Self.eventRule($0) }.joined(separator: " OR ")
            out.append("CREATE POLICY \(PGConnection.quoteIdentifier(policyName("events", login))) ON aduan.event_views AS PERMISSIVE FOR SELECT TO \(role)\n    USING (EXISTS (SELECT 1 FROM aduan.complaints c WHERE c.id = event_views.complaint_id AND (\(eventRule))));")
        }
        out.append("COMMIT;")
        return out.joined(separator: "\n") + "\n"
    }
}
