/// What exactly is wrong with a date or date-time someone wrote (a command argument, an import
/// field), so the message can say "month 13 does not exist" instead of suggesting a time zone
/// for an impossible date (issue 11, item 12). Fields are checked in reading order: the date,
/// then the time, then the zone.
public enum DateTimeProblem: Equatable, Sendable {
    /// The month is not 01–12.
    case month(Int)
    /// The month has no such day ("2026-02-30").
    case day(Int, month: Int, year: Int)
    case hour(Int)
    case minute(Int)
    case second(Int)
    /// The zone offset is impossible (beyond ±14:00, or minutes ≥ 60).
    case zoneOffset
    /// A valid date-time with no zone (ambiguous between WIB, WITA and WIT).
    case missingTimeZone
    /// Not a date-time in the form 2026-03-18T09:00:00+07:00 at all.
    case malformed

    /// The problem with `text` read as an ISO 8601 date-time with a zone, or nil when it is one.
    /// With `dateOnly`, a bare valid date (YYYY-MM-DD) is fine too.
    public static func of(_ text: String, dateOnly: Bool = false) -> DateTimeProblem? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            return v
        }
        guard let year = number(0, 4), b.count >= 10, b[4] == 45, b[7] == 45,
              let month = number(5, 2), let day = number(8, 2) else { return .malformed }
        guard (1...12).contains(month) else { return .month(month) }
        guard day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return .day(day, month: month, year: year) }
        if b.count == 10 { return dateOnly ? nil : .missingTimeZone }
        guard b[10] == 84 || b[10] == 116 || b[10] == 32, let hour = number(11, 2), b.count > 13, b[13] == 58,
              let minute = number(14, 2) else { return .malformed }
        guard hour < 24 else { return .hour(hour) }
        guard minute < 60 else { return .minute(minute) }
        if b.count > 16, b[16] == 58, let second = number(17, 2), second > 60 { return .second(second) }
        switch Timestamp.parseISO8601(text) {
        case .success: return nil
        case .failure(.missingTimeZone): return .missingTimeZone
        case .failure(.outOfRange): return .zoneOffset
        case .failure(.malformed): return .malformed
        }
    }
}
