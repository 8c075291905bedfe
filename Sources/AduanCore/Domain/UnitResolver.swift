/// How a unit someone named was found (issue 11, item 13). One resolver for every place units
/// are named: the filter's `unit:`/`cc:`, `aduan act … --unit`, the screen's dialogs.
public enum UnitLookup: Equatable, Sendable {
    case found(String)
    /// Several units match: their ids.
    case ambiguous([String])
    case unknown

    /// The ids found: one, several, or none.
    public var candidates: [String] {
        switch self {
        case .found(let id): [id]
        case .ambiguous(let ids): ids
        case .unknown: []
        }
    }
}

extension Directory {
    /// Resolves what an operator typed for a unit: its id ("pupr"), its short name as the Unit
    /// column shows it ("DPUPR", "Kec. Sukamaju"), its full name, or a part of the name, short
    /// name or id that only one unit has ("Lingkungan"). Case and accents do not matter. An exact
    /// id, short name or full name wins over parts; `agency` (when given) prefers its own units,
    /// so "Sukamaju" picks the kecamatan of the agency being disposed to.
    public func resolveUnit(_ text: String, preferring agency: String? = nil) -> UnitLookup {
        let raw = text.trimmingSpaces()
        guard !raw.isEmpty else { return .unknown }
        if unit(raw) != nil { return .found(raw) }
        let folded = TextSearch.fold(raw)
        let units = allUnits
        func pick(_ hits: [Unit]) -> UnitLookup? {
            if hits.isEmpty { return nil }
            if hits.count == 1 { return .found(hits[0].id) }
            if let agency {
                let own = hits.filter { contains(unit: $0.id, in: agency) }
                if own.count == 1 { return .found(own[0].id) }
            }
            return .ambiguous(hits.map(\.id))
        }
        let exact = units.filter {
            TextSearch.fold($0.id) == folded || TextSearch.fold($0.name) == folded || $0.short.map(TextSearch.fold) == folded
        }
        if let r = pick(exact) { return r }
        let parts = units.filter {
            TextSearch.fold($0.name).contains(folded) || TextSearch.fold($0.id).contains(folded)
                || ($0.short.map { TextSearch.fold($0).contains(folded) } ?? false)
        }
        return pick(parts) ?? .unknown
    }
}
