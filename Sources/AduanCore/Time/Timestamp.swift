/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// The core never reads the clock; every "now" is passed in as a `Timestamp`.
/// Seconds are precise enough for a workflow whose deadlines fall at 23:59:59.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    public func adding(days: Int) -> Timestamp { Timestamp(seconds: seconds + Int64(days) * 86_400) }

    /// ISO 8601 in UTC, e.g. `2026-03-18T02:00:00Z`.
    public var description: String { iso8601(offsetSeconds: 0) }

    /// ISO 8601 with an explicit offset, e.g. `2026-03-18T09:00:00+07:00` (a `Z` for offset 0).
    public func iso8601(offsetSeconds: Int) -> String {
        let local = seconds + Int64(offsetSeconds)
        let day = Int(local.floorDiv(86_400))
        let secondOfDay = Int(local - Int64(day) * 86_400)
        let date = LocalDate(dayNumber: day)
        var text = date.iso8601
        text += "T" + twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":" + twoDigits(secondOfDay % 60)
        if offsetSeconds == 0 { return text + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return text + sign + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude / 60 % 60)
    }

    /// ISO 8601 in an office's zone, e.g. `2026-03-18T09:00:00+07:00`.
    public func iso8601(in zone: OfficeTimeZone) -> String { iso8601(offsetSeconds: zone.offsetSeconds) }

    /// Parses ISO 8601 date-times that carry a time zone: `2026-03-18T09:00:00+07:00`,
    /// `2026-03-18T02:00:00Z`, `2026-03-18T09:00+0700`, fractional seconds ignored.
    /// A date-time without a zone is refused: it would be ambiguous between WIB, WITA and WIT.
    public static func parseISO8601(_ text: String) -> Result<Timestamp, ISO8601Error> {
        ISO8601Parser.parse(text)
    }
}

/// Why an ISO 8601 text was refused.
public enum ISO8601Error: Error, Equatable, Sendable {
    case malformed(String)
    case missingTimeZone(String)
    case outOfRange(String)
}

extension Int64 {
    /// Division that rounds toward negative infinity, so dates before 1970 land on the right day.
    @inlinable func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

@inline(__always) func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Hand-written ISO 8601 reader; the core avoids Foundation so the binary starts fast.
enum ISO8601Parser {
    static func parse(_ raw: String) -> Result<Timestamp, ISO8601Error> {
        let bytes = Array(raw.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let b = bytes[k]
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else {
            return .failure(.malformed(raw))
        }
        guard i < bytes.count, bytes[i] == 84 || bytes[i] == 116 || bytes[i] == 32 else {
            // A bare date has no zone either; say so rather than "malformed".
            return i == bytes.count ? .failure(.missingTimeZone(raw)) : .failure(.malformed(raw))
        }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return .failure(.malformed(raw)) }
        var second = 0
        if expect(58) {
            guard let s = number(2) else { return .failure(.malformed(raw)) }
            second = s
            if i < bytes.count, bytes[i] == 46 || bytes[i] == 44 {
                i += 1
                let start = i
                while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
                if i == start { return .failure(.malformed(raw)) }
            }
        }
        var offset = 0
        if i == bytes.count { return .failure(.missingTimeZone(raw)) }
        if bytes[i] == 90 || bytes[i] == 122 {
            i += 1
        } else if bytes[i] == 43 || bytes[i] == 45 {
            let sign = bytes[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2) else { return .failure(.malformed(raw)) }
            var om = 0
            if expect(58) {
                guard let m = number(2) else { return .failure(.malformed(raw)) }
                om = m
            } else if i < bytes.count {
                guard let m = number(2) else { return .failure(.malformed(raw)) }
                om = m
            }
            guard oh <= 14, om < 60 else { return .failure(.outOfRange(raw)) }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return .failure(.malformed(raw))
        }
        guard i == bytes.count else { return .failure(.malformed(raw)) }
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 61 else {
            return .failure(.outOfRange(raw))
        }
        let date = LocalDate(year: year, month: month, day: day)
        let local = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return .success(Timestamp(seconds: local - Int64(offset)))
    }
}
