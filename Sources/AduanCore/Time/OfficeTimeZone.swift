/// The time zone an office works in.
///
/// Indonesia's three zones have had fixed offsets without daylight saving since 1988
/// (WIB +07:00, WITA +08:00, WIT +09:00), so a zone is an offset plus its local name,
/// and no time zone database is needed.
public struct OfficeTimeZone: Hashable, Sendable, CustomStringConvertible {
    /// IANA name (`Asia/Jakarta`) or a fixed offset written `+07:00`.
    public let identifier: String
    /// What operators call it: WIB, WITA, WIT, or `UTC+07:00`.
    public let abbreviation: String
    public let offsetSeconds: Int

    public init(identifier: String, abbreviation: String, offsetSeconds: Int) {
        self.identifier = identifier
        self.abbreviation = abbreviation
        self.offsetSeconds = offsetSeconds
    }

    public static let wib = OfficeTimeZone(identifier: "Asia/Jakarta", abbreviation: "WIB", offsetSeconds: 7 * 3600)
    public static let wita = OfficeTimeZone(identifier: "Asia/Makassar", abbreviation: "WITA", offsetSeconds: 8 * 3600)
    public static let wit = OfficeTimeZone(identifier: "Asia/Jayapura", abbreviation: "WIT", offsetSeconds: 9 * 3600)
    public static let utc = OfficeTimeZone(identifier: "UTC", abbreviation: "UTC", offsetSeconds: 0)

    /// IANA names of Indonesian zones that map to the three offsets.
    static let known: [String: OfficeTimeZone] = [
        "asia/jakarta": .wib, "asia/pontianak": OfficeTimeZone(identifier: "Asia/Pontianak", abbreviation: "WIB", offsetSeconds: 7 * 3600),
        "asia/makassar": .wita, "asia/ujung_pandang": OfficeTimeZone(identifier: "Asia/Ujung_Pandang", abbreviation: "WITA", offsetSeconds: 8 * 3600),
        "asia/jayapura": .wit,
        "wib": .wib, "wita": .wita, "wit": .wit, "utc": .utc,
    ]

    /// Accepts `Asia/Jakarta`, `Asia/Makassar`, `Asia/Jayapura`, `Asia/Pontianak`, `WIB`, `WITA`, `WIT`,
    /// `UTC`, or a fixed offset such as `+07:00`. Returns nil for anything else.
    public static func named(_ name: String) -> OfficeTimeZone? {
        if let zone = known[name.lowercased()] { return zone }
        let bytes = Array(name.utf8)
        // Digits only in the fields: Int("-7") would accept "+-7:00".
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        guard bytes.count == 6, bytes[0] == 43 || bytes[0] == 45, bytes[3] == 58,
              isDigit(bytes[1]), isDigit(bytes[2]), isDigit(bytes[4]), isDigit(bytes[5]),
              let h = Int(String(name.dropFirst().prefix(2))), let m = Int(String(name.suffix(2))),
              h <= 14, m < 60 else { return nil }
        let sign = bytes[0] == 45 ? -1 : 1
        return OfficeTimeZone(identifier: name, abbreviation: "UTC" + name, offsetSeconds: sign * (h * 3600 + m * 60))
    }

    /// The local calendar day that `t` falls on in this zone.
    public func date(of t: Timestamp) -> LocalDate {
        LocalDate(dayNumber: dayNumber(of: t))
    }

    public func dayNumber(of t: Timestamp) -> Int {
        Int((t.seconds + Int64(offsetSeconds)).floorDiv(86_400))
    }

    /// Seconds since local midnight.
    public func secondOfDay(of t: Timestamp) -> Int {
        Int(t.seconds + Int64(offsetSeconds) - Int64(dayNumber(of: t)) * 86_400)
    }

    /// 00:00:00 local on `date`.
    public func startOfDay(_ date: LocalDate) -> Timestamp { startOfDay(dayNumber: date.dayNumber) }

    public func startOfDay(dayNumber: Int) -> Timestamp {
        Timestamp(seconds: Int64(dayNumber) * 86_400 - Int64(offsetSeconds))
    }

    /// 23:59:59 local on `date`: where deadlines fall.
    public func endOfDay(_ date: LocalDate) -> Timestamp { endOfDay(dayNumber: date.dayNumber) }

    public func endOfDay(dayNumber: Int) -> Timestamp {
        Timestamp(seconds: Int64(dayNumber) * 86_400 + 86_399 - Int64(offsetSeconds))
    }

    /// A local wall-clock time on a day.
    public func timestamp(_ date: LocalDate, hour: Int, minute: Int = 0, second: Int = 0) -> Timestamp {
        Timestamp(seconds: Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds))
    }

    public var description: String { "\(identifier) (\(abbreviation))" }
}
