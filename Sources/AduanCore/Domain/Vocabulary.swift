/// Who an operator is in the workflow.
public enum Role: String, CaseIterable, Sendable, Hashable {
    /// Admin instansi / admin koordinator / kecamatan admin: triages the inbox.
    case admin
    /// Pejabat or admin penghubung of a unit: follows up, or forwards as "Bukan Wewenang".
    case liaison
    /// Kepala dinas, inspektorat, Kominfo monitoring: watches, notes, escalates.
    case supervisor
    /// Admin unit kerja / operator of a unit: drafts follow-ups, keeps notes and passes a report
    /// down within their unit's subtree; never publishes (a liaison or admin approves the draft).
    case unitOperator = "unit-operator"
    /// The program itself: intake from an import, automatic closing. Never an operator's role.
    case system

    /// The roles a config file may give an operator.
    public static let operatorRoles: [Role] = [.admin, .liaison, .supervisor, .unitOperator]

    /// Roles that work for one unit and see its subtree (liaison, unit operator).
    public var isUnitRole: Bool { self == .liaison || self == .unitOperator }

    public static func parse(_ text: String) -> Role? {
        switch text.vocabularyKey() {
        case "admin", "admin_instansi", "admin_koordinator": .admin
        case "liaison", "penghubung", "pejabat_penghubung", "admin_penghubung": .liaison
        case "supervisor", "pengawas", "pimpinan": .supervisor
        case "unit_operator", "operator", "operator_unit", "admin_unit", "admin_unit_kerja": .unitOperator
        case "system", "sistem": .system
        default: nil
        }
    }
}

/// The channel a report arrived through.
public enum Channel: String, CaseIterable, Sendable, Hashable {
    case web
    case sms1708
    case twitter
    case android
    case ios
    case walkIn = "walk-in"
    case integrated
    case other

    public static func parse(_ text: String) -> Channel? {
        switch text.vocabularyKey() {
        case "web", "website", "situs": .web
        case "sms1708", "sms", "sms_1708": .sms1708
        case "twitter", "x", "lapor1708", "@lapor1708": .twitter
        case "android": .android
        case "ios", "iphone": .ios
        case "walk_in", "walkin", "tatap_muka", "langsung", "loket": .walkIn
        case "integrated", "terintegrasi", "kanal_daerah": .integrated
        case "other", "lainnya": .other
        default: nil
        }
    }
}

/// What a report is, as LAPOR! classifies it.
public enum Classification: String, CaseIterable, Sendable, Hashable {
    case pengaduan
    case aspirasi
    case permintaanInformasi = "permintaan_informasi"
    case whistleblowing

    public static func parse(_ text: String) -> Classification? {
        switch text.vocabularyKey() {
        case "pengaduan", "complaint": .pengaduan
        case "aspirasi", "aspiration": .aspirasi
        case "permintaan_informasi", "informasi", "info", "information_request", "information": .permintaanInformasi
        case "whistleblowing", "wbs", "whistle_blowing": .whistleblowing
        default: nil
        }
    }
}

/// Why a report was archived instead of handled.
public enum ArchiveReason: String, CaseIterable, Sendable, Hashable {
    case spam
    case unclear
    case tooGeneral = "too-general"
    case notPublicService = "not-public-service"
    case duplicate
    case other

    public static func parse(_ text: String) -> ArchiveReason? {
        switch text.vocabularyKey() {
        case "spam": .spam
        case "unclear", "tidak_jelas": .unclear
        case "too_general", "terlalu_umum", "umum": .tooGeneral
        case "not_public_service", "bukan_pelayanan_publik": .notPublicService
        case "duplicate", "duplikat", "ganda": .duplicate
        case "other", "lainnya": .other
        default: nil
        }
    }
}

/// How urgent a report is for the office (Aduan's own field; LAPOR! has none).
public enum Priority: String, CaseIterable, Sendable, Hashable, Comparable {
    case low
    case normal
    case high

    public static func < (a: Priority, b: Priority) -> Bool {
        let order: [Priority: Int] = [.low: 0, .normal: 1, .high: 2]
        return order[a]! < order[b]!
    }

    public static func parse(_ text: String) -> Priority? {
        switch text.lowercased() {
        case "low", "rendah": .low
        case "normal", "biasa", "sedang": .normal
        case "high", "tinggi", "urgent", "mendesak": .high
        default: nil
        }
    }
}

/// A node in the hierarchical topic list, written as a path: `infrastruktur/jalan`.
public struct Category: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Lower-case path segments joined by `/`.
    public let path: String

    public init(_ path: String) {
        // Already a clean path (as stored): no work. Checked on bytes, the common case.
        var clean = !path.isEmpty
        var last = UInt8(ascii: "/")
        for b in path.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || (b == 0x2F && last != 0x2F)
            if !ok { clean = false; break }
            last = b
        }
        if clean && last != 0x2F { self.path = path; return }
        // Ids keep their own spelling (air-minum stays air-minum); spaces become hyphens.
        self.path = path.lowercased()
            .split(separator: "/", omittingEmptySubsequences: true)
            .map { String($0.trimmingSpaces().split(separator: " ", omittingEmptySubsequences: true).joined(separator: "-")) }
            .filter { !$0.isEmpty }
            .joined(separator: "/")
    }

    public static let uncategorised = Category("lainnya")

    public var segments: [Substring] { path.split(separator: "/") }
    public var top: String { segments.first.map(String.init) ?? path }

    /// True when `self` is `other` or lies beneath it (`infrastruktur/jalan` is within `infrastruktur`).
    public func isWithin(_ other: Category) -> Bool {
        path == other.path || path.hasPrefix(other.path + "/")
    }

    public var description: String { path }
    public static func < (a: Category, b: Category) -> Bool { a.path < b.path }
}

/// The reporter (pelapor). Any field may be absent (SMS reports carry only a number).
public struct Reporter: Hashable, Sendable {
    public var name: String?
    public var phone: String?
    public var email: String?
    /// Nomor Induk Kependudukan, the national identity number: the most sensitive field.
    public var nik: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil, nik: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.nik = nik
    }

    public var isEmpty: Bool { [name, phone, email, nik].allSatisfy { ($0 ?? "").isEmpty } }
}

/// Who holds a report now: an agency (instansi) and, once disposed, one of its units.
public struct Holder: Hashable, Sendable, CustomStringConvertible {
    public var agency: String
    public var unit: String?

    public init(agency: String, unit: String? = nil) {
        self.agency = agency
        self.unit = unit
    }

    public var description: String { unit.map { "\(agency)/\($0)" } ?? agency }
}

/// One link of the holder chain: who held the report from when, and how it got there.
public struct HolderStep: Hashable, Sendable {
    public var holder: Holder
    public var since: Timestamp
    /// The action that moved the report here (receive, verify, redispose, forward, import).
    public var via: ActionKind
    /// True when this step brought the report back to an agency that had already passed it on.
    public var pingPong: Bool

    public init(holder: Holder, since: Timestamp, via: ActionKind, pingPong: Bool = false) {
        self.holder = holder
        self.since = since
        self.via = via
        self.pingPong = pingPong
    }
}

/// Who did something: an operator from the config, stamped into each event as it was then.
public struct Actor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var role: Role
    public var agency: String
    public var unit: String?
    /// The accounts bound to this operator in the office directory: Unix account names on a
    /// SQLite store (the database role on PostgreSQL). Part of the directory, never of an event:
    /// `Event` keeps the one login that acted (`Event.login`) and stamps its actor without these.
    public var logins: [String]
    /// The units below `unit` in the office directory's tree (`Directory.subtree(of:)` less the
    /// unit itself), filled in when the operator is read from the directory. Part of the
    /// directory, never of an event (like `logins`). A liaison or unit operator sees and acts on
    /// what their unit or any unit below it holds.
    public var unitsBelow: [String]

    public init(id: String, name: String, role: Role, agency: String, unit: String? = nil, logins: [String] = [],
                unitsBelow: [String] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.agency = agency
        self.unit = unit
        self.logins = logins
        self.unitsBelow = unitsBelow
    }

    /// The operator's unit and every unit below it (empty without a unit).
    public var subtreeUnits: [String] { unit.map { [$0] + unitsBelow.filter { $0 != unit } } ?? [] }

    /// Is `holder` the operator's unit or a unit below it, in the operator's agency?
    public func subtreeHolds(_ holder: Holder) -> Bool {
        guard let u = holder.unit, holder.agency == agency, let mine = unit else { return false }
        return u == mine || unitsBelow.contains(u)
    }

    /// The program itself (automatic closing, intake by import).
    public static let system = Actor(id: "system", name: "Sistem", role: .system, agency: "")
}

extension StringProtocol {
    /// Strips spaces, tabs and newlines at both ends (the stdlib has no trim without Foundation).
    public func trimmingSpaces() -> String {
        // Most text has a plain ASCII letter at both ends: decide on bytes, without Unicode tables.
        let whole = String(self)
        guard let f = whole.utf8.first, let l = whole.utf8.last else { return "" }
        func plainEdge(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && !(0x09...0x0D).contains(b) }
        if plainEdge(f) && plainEdge(l) { return whole }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
