/// A work unit of an agency: an OPD (dinas, badan), a kecamatan, a kelurahan, a bagian.
public struct Unit: Hashable, Sendable {
    public var id: String
    public var name: String
    /// What the office calls it in a list column: "Dinkes", "DPUPR", "Kec. Wonosari".
    public var short: String?
    /// The unit above this one in its agency (a bidang under its dinas, a kelurahan under its
    /// kecamatan); nil for a unit directly under the agency. See `Directory.parent(of:)`.
    public var parent: String?

    public init(id: String, name: String, short: String? = nil, parent: String? = nil) {
        self.id = id
        self.name = name
        self.short = short
        self.parent = parent
    }
}

/// A government agency (instansi) that can hold reports, with its units.
public struct Agency: Hashable, Sendable {
    public var id: String
    public var name: String
    public var units: [Unit]
    /// A follow-up of this agency's units is drafted and approved by another operator before it
    /// is published (the office file's `agencies[].approvalRequired`, default off).
    public var approvalRequired: Bool

    public init(id: String, name: String, units: [Unit] = [], approvalRequired: Bool = false) {
        self.id = id
        self.name = name
        self.units = units
        self.approvalRequired = approvalRequired
    }
}

/// The agencies and units this office deals with: where reports can be disposed and forwarded.
public struct Directory: Sendable, Equatable {
    public let agencies: [Agency]
    private let agencyIndex: [String: Int]
    private let unitIndex: [String: (agency: Int, unit: Int)]
    /// unit id → its children, in directory order (the tree of `Unit.parent`).
    let childIndex: [String: [String]]

    public init(agencies: [Agency]) {
        self.agencies = agencies
        var a: [String: Int] = [:]
        var u: [String: (Int, Int)] = [:]
        var children: [String: [String]] = [:]
        for (i, agency) in agencies.enumerated() {
            a[agency.id] = i
            for (j, unit) in agency.units.enumerated() {
                u[unit.id] = (i, j)
                if let p = unit.parent { children[p, default: []].append(unit.id) }
            }
        }
        agencyIndex = a
        unitIndex = u
        childIndex = children
    }

    public static func == (l: Directory, r: Directory) -> Bool { l.agencies == r.agencies }

    public func agency(_ id: String) -> Agency? { agencyIndex[id].map { agencies[$0] } }

    public func unit(_ id: String) -> Unit? {
        unitIndex[id].map { agencies[$0.agency].units[$0.unit] }
    }

    /// The agency a unit belongs to.
    public func agencyOf(unit id: String) -> Agency? { unitIndex[id].map { agencies[$0.agency] } }

    public func contains(unit: String, in agency: String) -> Bool {
        guard let idx = unitIndex[unit] else { return false }
        return agencies[idx.agency].id == agency
    }

    /// A display name for a holder: "Dinas Kesehatan (Pemkab Sukamaju)"-style pieces.
    public func agencyName(_ id: String) -> String { agency(id)?.name ?? id }
    public func unitName(_ id: String) -> String { unit(id)?.name ?? id }
    public func unitShortName(_ id: String) -> String? { unit(id)?.short }

    public func holderName(_ holder: Holder) -> String {
        if let unit = holder.unit { return unitName(unit) }
        return agencyName(holder.agency)
    }

    /// Every unit id, for pickers and validation.
    public var allUnits: [Unit] { agencies.flatMap(\.units) }
}
