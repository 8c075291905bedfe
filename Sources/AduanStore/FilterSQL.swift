import AduanCore

/// A WHERE clause with its arguments.
struct SQLCondition {
    var sql: String
    var args: [SQLValue]

    static let always = SQLCondition(sql: "1", args: [])

    static func && (a: SQLCondition, b: SQLCondition) -> SQLCondition {
        if a.sql == "1" { return b }
        if b.sql == "1" { return a }
        return SQLCondition(sql: "(\(a.sql)) AND (\(b.sql))", args: a.args + b.args)
    }
}

/// Translates the core's scope and filter language into SQL over the `complaints` projection,
/// using the very thresholds `FilterContext` computes, so `FilterExpression.matches` and the
/// store agree (a property test holds them to it).
enum FilterSQL {
    /// `c.due_kind` is one of the timers that can be due soon (`DeadlineKind.isOperatorWork`).
    static let operatorWorkSQL = "c.due_kind IN (" + DeadlineKind.operatorWork.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    static func scope(_ s: InboxScope, formerHolders: Bool = true) -> SQLCondition {
        if !formerHolders { return holdsNow(s) }
        switch s {
        case .everything:
            return .always
        case .agency(let a):
            return SQLCondition(sql: "c.holder_agency = ? OR \(heldBefore(a).sql)", args: [.text(a)] + heldBefore(a).args)
        case .unit(let a, let u, let copies):
            if u.isEmpty { return SQLCondition(sql: "0", args: []) }
            let before = heldBefore(a, unit: u)
            if copies {
                return SQLCondition(sql: "(c.holder_agency = ? AND c.holder_unit = ?) OR c.id IN (SELECT complaint_id FROM cc WHERE unit = ?) OR \(before.sql)",
                                    args: [.text(a), .text(u), .text(u)] + before.args)
            }
            return SQLCondition(sql: "(c.holder_agency = ? AND c.holder_unit = ?) OR \(before.sql)", args: [.text(a), .text(u)] + before.args)
        }
    }

    /// The core's `InboxScope.holdsNow`.
    static func holdsNow(_ s: InboxScope) -> SQLCondition {
        switch s {
        case .everything:
            return .always
        case .agency(let a):
            return SQLCondition(sql: "c.holder_agency = ?", args: [.text(a)])
        case .unit(let a, let u, let copies):
            if copies {
                return SQLCondition(sql: "(c.holder_agency = ? AND c.holder_unit = ?) OR c.id IN (SELECT complaint_id FROM cc WHERE unit = ?)",
                                    args: [.text(a), .text(u), .text(u)])
            }
            return SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit = ?", args: [.text(a), .text(u)])
        }
    }

    /// Reports the agency (or its unit) received or held and holds no longer: `holders_before` by its key.
    static func heldBefore(_ agency: String, unit: String? = nil) -> SQLCondition {
        SQLCondition(sql: "c.id IN (SELECT complaint_id FROM holders_before WHERE agency = ? AND unit = ?)", args: [.text(agency), .text(unit ?? "")])
    }

    /// The core's `Complaint.wasForwardedAway(by:)`.
    static func forwarded(_ agency: String?) -> SQLCondition {
        guard let agency else {
            return SQLCondition(sql: "EXISTS (SELECT 1 FROM holders_before h WHERE h.complaint_id = c.id AND h.unit = '')", args: [])
        }
        // A probe of the key per row: never builds the agency's whole set before the first row.
        return SQLCondition(sql: "EXISTS (SELECT 1 FROM holders_before h WHERE h.agency = ? AND h.unit = '' AND h.complaint_id = c.id)",
                            args: [.text(agency)])
    }

    /// True when every report the filter selects has `forwarded` (a top-level AND term): then
    /// nothing the agency holds now can match, and a list skips that part.
    static func requiresForwarded(_ e: FilterExpression) -> Bool {
        switch e {
        case .term(.forwarded): return true
        case .and(let parts): return parts.contains(where: requiresForwarded)
        default: return false
        }
    }

    /// The core's `ContentAccess.mayRead` over the projection: true when the row's title and body
    /// may be read (and searched). Never NULL. Only a confidential row pays for more than one test,
    /// and that is a primary-key probe of `cc`, so it adds nothing to an index lookup's cost.
    static func readable(_ a: ContentAccess) -> SQLCondition {
        if a.all { return .always }
        var parts = ["c.confidential = 0"]
        var args: [SQLValue] = []
        if let agency = a.holderAgency {
            parts.append("c.holder_agency = ?")
            args.append(.text(agency))
        }
        if let h = a.holderUnit, let unit = h.unit {
            parts.append("(c.holder_agency = ? AND c.holder_unit IS NOT NULL AND c.holder_unit = ?)")
            args += [.text(h.agency), .text(unit)]
        }
        if let unit = a.copiedUnit {
            parts.append("EXISTS (SELECT 1 FROM cc WHERE cc.unit = ? AND cc.complaint_id = c.id)")
            args.append(.text(unit))
        }
        return SQLCondition(sql: parts.joined(separator: " OR "), args: args)
    }

    static func condition(_ e: FilterExpression, _ ctx: FilterContext) -> SQLCondition {
        switch e {
        case .all:
            return .always
        case .term(let t):
            return term(t, ctx)
        case .and(let parts):
            // One flat "(a) AND (b) AND (c)": folding with && nested a paren per part, and 100
            // parts overflowed SQLite's parser stack ("parser stack overflow").
            let cs = parts.map { condition($0, ctx) }.filter { $0.sql != "1" }
            if cs.isEmpty { return .always }
            if cs.count == 1 { return cs[0] }
            return SQLCondition(sql: cs.map { "(\($0.sql))" }.joined(separator: " AND "), args: cs.flatMap(\.args))
        case .or(let parts):
            if parts.isEmpty { return SQLCondition(sql: "0", args: []) }
            let cs = parts.map { condition($0, ctx) }
            return SQLCondition(sql: cs.map { "(\($0.sql))" }.joined(separator: " OR "), args: cs.flatMap(\.args))
        case .not(let inner):
            let c = condition(inner, ctx)
            return SQLCondition(sql: "(\(c.sql)) IS NOT TRUE", args: c.args)
        }
    }

    static func list(_ column: String, _ values: [SQLValue]) -> SQLCondition {
        if values.count == 1 { return SQLCondition(sql: "\(column) = ?", args: values) }
        return SQLCondition(sql: "\(column) IN (\(values.map { _ in "?" }.joined(separator: ",")))", args: values)
    }

    static func term(_ t: FilterTerm, _ ctx: FilterContext) -> SQLCondition {
        switch t {
        case .status(let s): return list("c.status", s.map { .int($0.code) })
        case .unit(let u): return list("c.holder_unit", u.map { .text($0) })
        case .agency(let a): return list("c.holder_agency", a.map { .text($0) })
        case .copiedTo(let u): return SQLCondition(sql: "c.id IN (SELECT complaint_id FROM cc WHERE unit = ?)", args: [.text(u)])
        case .category(let cat):
            // Range instead of LIKE: '_' in a path would be a LIKE wildcard; '0' follows '/' in ASCII.
            return SQLCondition(sql: "(c.category = ? OR (c.category > ? AND c.category < ?))",
                                args: [.text(cat.path), .text(cat.path + "/"), .text(cat.path + "0")])
        case .classification(let v): return list("c.classification", v.map { .text($0.rawValue) })
        case .channel(let v): return list("c.channel", v.map { .text($0.rawValue) })
        case .priority(let v): return list("c.priority", v.map { .text($0.rawValue) })
        case .overdue:
            return SQLCondition(sql: "c.due_key < ?", args: [.int(ctx.now.seconds)])
        case .dueSoon:
            // The core's rule (`DeadlinePolicy.state`): an operator's deadline, not yet passed, by the cutoff.
            return SQLCondition(sql: "c.due_key >= ? AND c.due_key <= ? AND \(Self.operatorWorkSQL)",
                                args: [.int(ctx.now.seconds), .int(ctx.dueSoonCutoff.seconds)])
        case .anonymous: return SQLCondition(sql: "c.anonymous = 1", args: [])
        case .confidential: return SQLCondition(sql: "c.confidential = 1", args: [])
        case .pingPong: return SQLCondition(sql: "c.ping_pong = 1", args: [])
        case .forwarded: return forwarded(ctx.viewerAgency)
        case .mine:
            // The core's `mine`: held now by the viewer's unit (or agency), never a copy (tembusan).
            guard let agency = ctx.viewerAgency else { return .always }
            guard let unit = ctx.viewerUnit else { return SQLCondition(sql: "c.holder_agency = ?", args: [.text(agency)]) }
            return SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit = ?", args: [.text(agency), .text(unit)])
        case .privacyUndecided: return SQLCondition(sql: "c.privacy_decided = 0", args: [])
        case .age(let cmp, let n, let counting):
            let r = ctx.receivedRange(cmp, n, counting)
            var parts: [String] = []
            var args: [SQLValue] = []
            if let lo = r.lower { parts.append("c.received_at >= ?"); args.append(.int(lo.seconds)) }
            if let hi = r.upper { parts.append("c.received_at < ?"); args.append(.int(hi.seconds)) }
            return parts.isEmpty ? .always : SQLCondition(sql: parts.joined(separator: " AND "), args: args)
        case .rating(let cmp, let n):
            return SQLCondition(sql: "c.rating \(cmp == .equal ? "=" : cmp.rawValue) ?", args: [.int(Int64(n))])
        case .trackingID(let t): return SQLCondition(sql: "c.tracking_id = ?", args: [.text(t)])
        case .localID(let id): return SQLCondition(sql: "c.id = ?", args: [.int(id)])
        case .text(let raw):
            let q = TextSearch.query(raw)
            if q.isEmpty { return .always }
            // The index holds every title and body; a row whose text the viewer may not read
            // never matches (the extra test runs on the index's candidates only).
            return SQLCondition(sql: "c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)", args: [.text(q.ftsExpression)])
                && readable(ctx.content)
        }
    }
}
