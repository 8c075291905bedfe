import AduanCore

/// The one rendering into SQL of what an operator may see and read: the core decides the scope
/// (`Access.inboxScope`, read as `InboxScope.contains` and `.holdsNow`) and the content access
/// (`Privacy.contentAccess`); this renders those values over the store's tables, in a dialect.
/// Lists, counts, the Diteruskan tab and the dashboard all take their scope SQL from here, and
/// the filter agreement tests hold it to the core's rules.
///
/// The tables it speaks of: the projection `complaints c` (holder_agency, holder_unit, NULL for an
/// agency's undisposed reports), `cc` (unit, complaint_id: the copies), `holders_before` (agency,
/// unit: '' for the agency itself, complaint_id: who received or held a report and holds it no
/// longer) and the counters `counts`, `weekly`, `first_follow_up` (agency, unit: '' for undisposed).
struct ScopeSQL {
    let scope: InboxScope
    let dialect: any SQLDialect

    init(_ scope: InboxScope, dialect: any SQLDialect = SQLiteDialect()) {
        self.scope = scope
        self.dialect = dialect
    }

    /// A liaison without a unit holds nothing ('' is the agency's own, undisposed, reports).
    var holdsNothing: Bool {
        if case .unit(_, let u, _) = scope { return u.isEmpty }
        if case .subtree(_, let u, _, _) = scope { return u.isEmpty }
        return false
    }

    /// A unit scope as its parts: the agency, the unit itself (what is copied to it counts), and
    /// the units it covers (the unit, then those below it in the unit tree). Nil for the others.
    var unitParts: (agency: String, unit: String, units: [String], copies: Bool)? {
        switch scope {
        case .unit(let a, let u, let copies): return (a, u, [u], copies)
        case .subtree(let a, let u, let below, let copies): return (a, u, [u] + below, copies)
        default: return nil
        }
    }

    /// `column = ?` for one value, `column IN (?, …)` for several.
    static func among(_ column: String, _ values: [String]) -> SQLCondition {
        if values.count == 1 { return SQLCondition(sql: "\(column) = ?", args: [.text(values[0])]) }
        return SQLCondition(sql: "\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))", args: values.map { .text($0) })
    }

    // MARK: over the projection `complaints c`

    /// The scope's reports: `InboxScope.contains` with `formerHolders`, else `InboxScope.holdsNow`.
    func condition(formerHolders: Bool) -> SQLCondition {
        formerHolders ? contains : holdsNow
    }

    /// `InboxScope.holdsNow`: what the agency or unit holds now (and, with copies, is copied on).
    var holdsNow: SQLCondition {
        switch scope {
        case .everything:
            return .always
        case .agency(let a):
            return SQLCondition(sql: "c.holder_agency = ?", args: [.text(a)])
        case .unit, .subtree:
            let (a, u, units, copies) = unitParts!
            let held = Self.heldNow(a, units)
            let copy = Self.copied(to: u, dialect: dialect)
            return copies ? SQLCondition(sql: "(\(held.sql)) OR \(copy.sql)", args: held.args + copy.args) : held
        }
    }

    /// What the scope holds now, its copies left out: the reports the dashboard and the recap
    /// count per holder (the counters' rows, over the projection). A liaison without a unit
    /// holds nothing, as `InboxScope.holdsNow` says.
    /// For everything and an agency that is `holdsNow` itself (no copies to leave out).
    var held: SQLCondition {
        guard let (a, u, units, _) = unitParts else { return holdsNow }
        return u.isEmpty ? .never : Self.heldNow(a, units)
    }

    /// `InboxScope.contains`: what the scope holds now plus what it received or held before.
    var contains: SQLCondition {
        if dialect.holdsArraysOnTheRow {
            // Every agency and unit that received or held the report is on its row.
            switch scope {
            case .everything:
                return .always
            case .agency(let a):
                return SQLCondition(sql: "? = ANY(c.held_agencies)", args: [.text(a)])
            case .unit, .subtree:
                let (a, u, units, copies) = unitParts!
                if u.isEmpty { return .never }
                // Any of the unit's subtree on the row's held units (`&&`: the arrays overlap).
                let keys = units.map { SQLValue.text(PGAccessSQL.unitKey(a, $0)) }
                let held = SQLCondition(sql: "ARRAY[\(keys.map { _ in "?" }.joined(separator: ", "))]::text[] && c.held_units", args: keys)
                return copies ? SQLCondition(sql: "(\(held.sql)) OR ? = ANY(c.cc_units)", args: held.args + [.text(u)]) : held
            }
        }
        switch scope {
        case .everything:
            return .always
        case .agency(let a):
            let before = Self.heldBefore(a)
            return SQLCondition(sql: "\(holdsNow.sql) OR \(before.sql)", args: holdsNow.args + before.args)
        case .unit, .subtree:
            let (a, u, units, _) = unitParts!
            if u.isEmpty { return .never }
            let now = holdsNow, before = Self.heldBefore(a, units: units)
            return SQLCondition(sql: "(\(now.sql)) OR \(before.sql)", args: now.args + before.args)
        }
    }

    /// Reports any of the units of the agency holds now.
    static func heldNow(_ agency: String, _ units: [String]) -> SQLCondition {
        SQLCondition(sql: "c.holder_agency = ?", args: [.text(agency)]) && among("c.holder_unit", units)
    }

    /// Reports any of the units of the agency held before and holds no longer (a set; the units of
    /// a subtree may pass a report among themselves, so one of them may hold what another held).
    static func heldBefore(_ agency: String, units: [String]) -> SQLCondition {
        if units.count == 1 { return heldBefore(agency, unit: units[0]) }
        let inUnits = among("unit", units)
        return SQLCondition(sql: "c.id IN (SELECT complaint_id FROM holders_before WHERE agency = ? AND \(inUnits.sql))",
                            args: [.text(agency)] + inUnits.args)
    }

    /// Reports the unit of the agency holds now.
    static func heldNow(_ agency: String, _ unit: String) -> SQLCondition {
        SQLCondition(sql: "c.holder_agency = ? AND c.holder_unit = ?", args: [.text(agency), .text(unit)])
    }

    /// Reports copied (tembusan) to the unit.
    static func copied(to unit: String, dialect: any SQLDialect = SQLiteDialect()) -> SQLCondition {
        if dialect.holdsArraysOnTheRow { return SQLCondition(sql: "? = ANY(c.cc_units)", args: [.text(unit)]) }
        return SQLCondition(sql: "c.id IN (SELECT complaint_id FROM cc WHERE unit = ?)", args: [.text(unit)])
    }

    /// Reports the agency (or its unit) received or held and holds no longer, by the key of
    /// `holders_before`: the set read first (`probe` false: few rows), or the key probed per row
    /// (`probe` true: many rows, walked in a list's order).
    static func heldBefore(_ agency: String, unit: String = "", probe: Bool = false) -> SQLCondition {
        if probe {
            return SQLCondition(sql: "EXISTS (SELECT 1 FROM holders_before hb WHERE hb.agency = ? AND hb.unit = ? AND hb.complaint_id = c.id)",
                                args: [.text(agency), .text(unit)])
        }
        return SQLCondition(sql: "c.id IN (SELECT complaint_id FROM holders_before WHERE agency = ? AND unit = ?)", args: [.text(agency), .text(unit)])
    }

    /// The core's `Complaint.wasForwardedAway(by:)`: the agency received or held the report and
    /// holds it no longer; with no agency, any agency did.
    static func forwardedAway(by agency: String?, dialect: any SQLDialect = SQLiteDialect()) -> SQLCondition {
        if dialect.holdsArraysOnTheRow {
            guard let agency else {
                return SQLCondition(sql: "EXISTS (SELECT 1 FROM unnest(c.held_agencies) h(agency) WHERE h.agency <> c.holder_agency)", args: [])
            }
            return SQLCondition(sql: "c.holder_agency <> ? AND ? = ANY(c.held_agencies)", args: [.text(agency), .text(agency)])
        }
        guard let agency else {
            return SQLCondition(sql: "EXISTS (SELECT 1 FROM holders_before h WHERE h.complaint_id = c.id AND h.unit = '')", args: [])
        }
        // A probe of the key per row: never builds the agency's whole set before the first row.
        return SQLCondition(sql: "EXISTS (SELECT 1 FROM holders_before h WHERE h.agency = ? AND h.unit = '' AND h.complaint_id = c.id)",
                            args: [.text(agency)])
    }

    /// The scope as disjoint parts, each walked in the list's order by an index and merged:
    /// instead of one OR that would sort the whole list on every page. A unit's inbox is what it
    /// holds, plus what it is copied on, plus what it held before (each part excludes the ones
    /// before it). `onlyForwarded`: the filter selects only what the agency passed away, so what
    /// it holds now is left out. `heldBefore` renders the former-holder part (a set or a probe,
    /// as the store's sizes suggest). Empty when the scope holds nothing.
    func listParts(formerHolders: Bool, onlyForwarded: Bool,
                   heldBefore: (_ agency: String, _ unit: String) throws -> SQLCondition) rethrows -> [SQLCondition] {
        switch scope {
        case .everything:
            return [.always]
        case .agency(let a):
            var parts = [holdsNow]
            if formerHolders {
                // What the agency passed away is none of what it holds now.
                if onlyForwarded { parts = [] }
                parts.append(try heldBefore(a, ""))
            }
            return parts
        case .unit, .subtree:
            let (a, u, units, copies) = unitParts!
            if u.isEmpty { return [] }
            let inUnits = Self.among("coalesce(c.holder_unit, '')", units)
            let notHeld = SQLCondition(sql: "NOT (c.holder_agency = ? AND \(inUnits.sql))", args: [.text(a)] + inUnits.args)
            var parts = [Self.heldNow(a, units)]
            if formerHolders && onlyForwarded { parts = [] }
            if copies { parts.append(Self.copied(to: u) && notHeld) }
            // A subtree's former holders may include what another of its units holds now.
            var before = formerHolders ? (units.count == 1 ? try heldBefore(a, u) : Self.heldBefore(a, units: units) && notHeld) : .always
            if copies { before = before && !Self.copied(to: u) }
            if formerHolders { parts.append(before) }
            return parts
        }
    }

    // MARK: over the counters (`counts`, `weekly`, `first_follow_up`)

    /// What the scope holds now, over a counters table's `agency` and `unit` columns. A liaison
    /// without a unit holds nothing (the counters' unit '' is the agency's undisposed reports).
    var counters: SQLCondition {
        switch scope {
        case .everything: return .always
        case .agency(let a): return SQLCondition(sql: "agency = ?", args: [.text(a)])
        case .unit, .subtree:
            let (a, u, units, _) = unitParts!
            if u.isEmpty { return .never }
            return SQLCondition(sql: "agency = ?", args: [.text(a)]) && Self.among("unit", units)
        }
    }

    /// The statements whose (status, count) rows add up to the scope's reports per status: the
    /// counters of what it holds, then (each disjoint from the ones before) what it is copied on
    /// and does not hold, and with `formerHolders` what it held before. Few rows each, by keys.
    func statusCountStatements(formerHolders: Bool) -> [SQLCondition] {
        let held = counters
        var out = [SQLCondition(sql: "SELECT status, sum(n) FROM counts\(held.isAlways ? "" : " WHERE \(held.sql)") GROUP BY status", args: held.args)]
        switch scope {
        case .everything:
            break
        case .agency(let a):
            // What the agency passed away (or received for another): few rows, by the history's key.
            if formerHolders {
                out.append(SQLCondition(sql: """
                    SELECT c.status, count(*) FROM holders_before h JOIN complaints c ON c.id = h.complaint_id
                    WHERE h.agency = ? AND h.unit = '' GROUP BY c.status
                    """, args: [.text(a)]))
            }
        case .subtree:
            let (a, u, units, copies) = unitParts!
            if u.isEmpty { return [] }
            let inUnits = Self.among("coalesce(c.holder_unit, '')", units)
            let notHeld = SQLCondition(sql: "NOT (c.holder_agency = ? AND \(inUnits.sql))", args: [.text(a)] + inUnits.args)
            if copies {
                out.append(SQLCondition(sql: """
                    SELECT c.status, count(*) FROM cc JOIN complaints c ON c.id = cc.complaint_id
                    WHERE cc.unit = ? AND \(notHeld.sql) GROUP BY c.status
                    """, args: [.text(u)] + notHeld.args))
            }
            if formerHolders {
                let before = Self.heldBefore(a, units: units)
                out.append(SQLCondition(sql: """
                    SELECT c.status, count(*) FROM complaints c WHERE \(before.sql) AND \(notHeld.sql)
                      AND (? = 0 OR NOT EXISTS (SELECT 1 FROM cc WHERE cc.unit = ? AND cc.complaint_id = c.id)) GROUP BY c.status
                    """, args: before.args + notHeld.args + [.int(copies ? 1 : 0), .text(u)]))
            }
        case .unit(let a, let u, let copies):
            if u.isEmpty { return [] }
            if copies {
                out.append(SQLCondition(sql: """
                    SELECT c.status, count(*) FROM cc JOIN complaints c ON c.id = cc.complaint_id
                    WHERE cc.unit = ? AND NOT (c.holder_agency = ? AND coalesce(c.holder_unit, '') = ?) GROUP BY c.status
                    """, args: [.text(u), .text(a), .text(u)]))
            }
            if formerHolders {
                out.append(SQLCondition(sql: """
                    SELECT c.status, count(*) FROM holders_before h JOIN complaints c ON c.id = h.complaint_id
                    WHERE h.agency = ? AND h.unit = ?
                      AND (? = 0 OR NOT EXISTS (SELECT 1 FROM cc WHERE cc.unit = ? AND cc.complaint_id = c.id)) GROUP BY c.status
                    """, args: [.text(a), .text(u), .int(copies ? 1 : 0), .text(u)]))
            }
        }
        return out
    }

    /// The statement counting the scope's reports its agency forwarded away (the Diteruskan tab),
    /// by `holders_before`'s key: the same set as a list with the filter `forwarded`. Nil when the
    /// scope holds nothing.
    var forwardedCountStatement: SQLCondition? {
        switch scope {
        case .everything:
            return SQLCondition(sql: "SELECT count(DISTINCT complaint_id) FROM holders_before WHERE unit = ''", args: [])
        case .agency(let a):
            return SQLCondition(sql: "SELECT count(*) FROM holders_before WHERE agency = ? AND unit = ''", args: [.text(a)])
        case .unit, .subtree:
            let (a, u, units, copies) = unitParts!
            if u.isEmpty { return nil }
            let probe = "EXISTS (SELECT 1 FROM holders_before h WHERE h.agency = ? AND h.unit = '' AND h.complaint_id = x.complaint_id)"
            let copied = copies ? " UNION SELECT complaint_id FROM cc WHERE unit = ?" : ""
            let inUnits = Self.among("unit", units)
            let args: [SQLValue] = [.text(a)] + inUnits.args + (copies ? [.text(u)] : []) + [.text(a)]
            return SQLCondition(sql: "SELECT count(*) FROM (SELECT complaint_id FROM holders_before WHERE agency = ? AND \(inUnits.sql)" + copied + ") x WHERE " + probe,
                                args: args)
        }
    }

    /// The core's `Complaint.awaitingApproval`: a drafter is recorded for the row (`draftedBy`).
    static func awaitingApproval(dialect: any SQLDialect) -> SQLCondition {
        SQLCondition(sql: "\(dialect.draftedBy) IS NOT NULL", args: [])
    }

    // MARK: what the viewer may read

    /// The core's `ContentAccess.mayRead` over the projection: true when the row's title and body
    /// may be read (and searched). Never NULL. Only a confidential row pays for more than one test,
    /// and that is a primary-key probe of `cc`, so it adds nothing to an index lookup's cost.
    static func readable(_ a: ContentAccess, dialect: any SQLDialect) -> SQLCondition {
        if a.all { return .always }
        var parts = [dialect.flag("c.confidential", set: false)]
        var args: [SQLValue] = []
        if let agency = a.holderAgency {
            parts.append("c.holder_agency = ?")
            args.append(.text(agency))
        }
        if let h = a.holderUnit, let unit = h.unit {
            parts.append("(c.holder_agency = ? AND c.holder_unit IS NOT NULL AND c.holder_unit = ?)")
            args += [.text(h.agency), .text(unit)]
            // The units below it (the unit tree): every level above handles what it passed down.
            if !a.unitsBelow.isEmpty {
                let below = among("c.holder_unit", a.unitsBelow)
                parts.append("(c.holder_agency = ? AND \(below.sql))")
                args += [.text(h.agency)] + below.args
            }
        }
        if let unit = a.copiedUnit {
            let copy = dialect.holdsArraysOnTheRow ? copied(to: unit, dialect: dialect)
                : SQLCondition(sql: "EXISTS (SELECT 1 FROM cc WHERE cc.unit = ? AND cc.complaint_id = c.id)", args: [.text(unit)])
            parts.append(copy.sql)
            args += copy.args
        }
        return SQLCondition(sql: parts.joined(separator: " OR "), args: args)
    }
}
