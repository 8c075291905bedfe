import AduanCore

/// Translates the core's filter language into SQL over the `complaints` projection, in a dialect,
/// using the very thresholds `FilterContext` computes, so `FilterExpression.matches` and the
/// store agree (a property test holds them to it). Who may see and read what is `ScopeSQL`'s.
struct FilterSQL {
    let dialect: any SQLDialect

    init(dialect: any SQLDialect = SQLiteDialect()) {
        self.dialect = dialect
    }

    /// `c.due_kind` is one of the timers that can be due soon (`DeadlineKind.isOperatorWork`).
    static let operatorWorkSQL = "c.due_kind IN (" + DeadlineKind.operatorWork.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// True when every report the filter selects has `forwarded` (a top-level AND term): then
    /// nothing the agency holds now can match, and a list skips that part.
    static func requiresForwarded(_ e: FilterExpression) -> Bool {
        switch e {
        case .term(.forwarded): return true
        case .and(let parts): return parts.contains(where: requiresForwarded)
        default: return false
        }
    }

    func condition(_ e: FilterExpression, _ ctx: FilterContext) -> SQLCondition {
        switch e {
        case .all:
            return .always
        case .term(let t):
            return term(t, ctx)
        case .and(let parts):
            // One flat "(a) AND (b) AND (c)": folding with && nested a paren per part, and 100
            // parts overflowed SQLite's parser stack ("parser stack overflow").
            let cs = parts.map { condition($0, ctx) }.filter { !$0.isAlways }
            if cs.isEmpty { return .always }
            if cs.count == 1 { return cs[0] }
            return SQLCondition(sql: cs.map { "(\($0.sql))" }.joined(separator: " AND "), args: cs.flatMap(\.args))
        case .or(let parts):
            if parts.isEmpty { return .never }
            let cs = parts.map { condition($0, ctx) }
            return SQLCondition(sql: cs.map { "(\($0.sql))" }.joined(separator: " OR "), args: cs.flatMap(\.args))
        case .not(let inner):
            return !condition(inner, ctx)
        }
    }

    func list(_ column: String, _ values: [SQLValue]) -> SQLCondition {
        if values.count == 1 { return SQLCondition(sql: "\(column) = ?", args: values) }
        return SQLCondition(sql: "\(column) IN (\(values.map { _ in "?" }.joined(separator: ",")))", args: values)
    }

    func term(_ t: FilterTerm, _ ctx: FilterContext) -> SQLCondition {
        switch t {
        case .status(let s): return list("c.status", s.map { .int($0.code) })
        case .unit(let u): return list("c.holder_unit", u.map { .text($0) })
        case .agency(let a): return list("c.holder_agency", a.map { .text($0) })
        case .copiedTo(let u): return ScopeSQL.copied(to: u, dialect: dialect)
        case .category(let cat):
            // Range instead of LIKE: '_' in a path would be a LIKE wildcard; '0' follows '/' in ASCII.
            let path = dialect.bytewise("c.category")
            return SQLCondition(sql: "(c.category = ? OR (\(path) > ? AND \(path) < ?))",
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
        case .anonymous: return SQLCondition(sql: dialect.flag("c.anonymous", set: true), args: [])
        case .confidential: return SQLCondition(sql: dialect.flag("c.confidential", set: true), args: [])
        case .pingPong: return SQLCondition(sql: dialect.flag("c.ping_pong", set: true), args: [])
        case .forwarded: return ScopeSQL.forwardedAway(by: ctx.viewerAgency, dialect: dialect)
        case .mine:
            // The core's `mine`: held now by the viewer's unit (or agency), never a copy (tembusan).
            guard let agency = ctx.viewerAgency else { return .always }
            guard let unit = ctx.viewerUnit else { return SQLCondition(sql: "c.holder_agency = ?", args: [.text(agency)]) }
            return SQLCondition(sql: "c.holder_agency = ?", args: [.text(agency)]) && list("c.holder_unit", ([unit] + ctx.viewerUnitsBelow).map { .text($0) })
        case .awaitingApproval: return ScopeSQL.awaitingApproval(dialect: dialect)
        // Never NULL (a NOT around it must hold where no draft waits).
        case .draftedBy(let id): return SQLCondition(sql: "(\(dialect.draftedBy) IS NOT NULL AND \(dialect.draftedBy) = ?)", args: [.text(id)])
        case .privacyUndecided: return SQLCondition(sql: dialect.flag("c.privacy_decided", set: false), args: [])
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
            return SQLCondition(sql: "c.id IN (\(dialect.textMatchIDs))", args: [.text(dialect.textQuery(q))])
                && ScopeSQL.readable(ctx.content, dialect: dialect)
        }
    }
}
