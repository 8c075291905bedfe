/// Numbers for screens and reports in the operator's language, without Foundation:
/// Indonesian groups thousands with "." and writes decimals with "," ("1.204", "78,3"),
/// English uses "," and "." ("1,204", "78.3"), negatives use an ASCII "-", rounding is half
/// away from zero on the decimal value as written (1.005 → 1.01), and nothing shows as "-0".
public enum NumberFormat {
    /// `n` with thousands grouped, "1.204", "1.000.000" or "-12.345" in Indonesian and
    /// "1,204" in English, for the whole range of `Int` including `Int.min`.
    public static func grouped(_ n: Int, _ language: Language) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + group(digits[...], separator: groupSeparator(language))
    }

    /// `x` rounded half away from zero to `fractionDigits` digits (negative counts as 0)
    /// with a grouped integer part, "78,3" in Indonesian and "78.3" in English; rounding
    /// works on the shortest decimal form of `x`, so 0.15 and 1.005 round the way they read,
    /// and NaN and infinities are shown as "–".
    public static func decimal(_ x: Double, fractionDigits: Int, _ language: Language) -> String {
        guard x.isFinite else { return "–" }
        let places = max(0, fractionDigits)
        var (digits, pointPosition) = decimalDigits(x.magnitude)
        // Pad so there is at least one integer digit and `places` fraction digits.
        if pointPosition <= 0 {
            digits = Array(repeating: 0, count: 1 - pointPosition) + digits
            pointPosition = 1
        }
        let wanted = pointPosition + places
        if digits.count < wanted { digits += Array(repeating: 0, count: wanted - digits.count) }
        if digits.count > wanted {
            let roundUp = digits[wanted] >= 5
            digits.removeSubrange(wanted...)
            if roundUp && !increment(&digits) {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        let isZero = digits.allSatisfy { $0 == 0 }
        let integer = String(digits[..<pointPosition].map { Character(Unicode.Scalar($0 + 0x30)) })
        let fraction = String(digits[pointPosition...].map { Character(Unicode.Scalar($0 + 0x30)) })
        let trimmed = integer.drop { $0 == "0" }
        var out = x < 0 && !isZero ? "-" : ""
        out += group(trimmed.isEmpty ? "0" : trimmed, separator: groupSeparator(language))
        if places > 0 { out += decimalSeparator(language) + fraction }
        return out
    }

    /// The one rounding rule for percentages (issue 11, item 19): `part` of `whole` in percent,
    /// rounded half away from zero to one decimal, as a number for JSON and CSV (74.3); the text
    /// `percent(_:of:_:)` rounds the same way, so both say 74,3% / 74.3. Nil when `whole` is 0.
    public static func percentValue(_ part: Int, of whole: Int) -> Double? {
        guard whole != 0 else { return nil }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return (Double(part) * 1000 / Double(whole)).rounded(.toNearestOrAwayFromZero) / 10 }
        let negative = (scaled < 0) != (whole < 0) && scaled != 0
        var q = (scaled / whole).magnitude
        let r = (scaled % whole).magnitude
        if r >= whole.magnitude - r { q += 1 }
        return (negative ? -1 : 1) * Double(q) / 10
    }

    /// `part` as a percentage of `whole`, such as "78,3%" (Indonesian) or "78.3%" (English),
    /// computed exactly with integers when they do not overflow and rounded half away from
    /// zero to `fractionDigits` (at most 15); a `whole` of 0 gives "–" (en dash).
    public static func percent(_ part: Int, of whole: Int, fractionDigits: Int = 1, _ language: Language) -> String {
        guard whole != 0 else { return "–" }
        let places = max(0, min(fractionDigits, 15))
        var scale = 100
        for _ in 0..<places { scale *= 10 }
        let (scaled, overflow) = part.multipliedReportingOverflow(by: scale)
        guard !overflow else {
            return decimal(Double(part) * 100 / Double(whole), fractionDigits: places, language) + "%"
        }
        // Exact quotient of part*100*10^places / whole, rounded half away from zero.
        let quotient = scaled / whole
        let remainder = scaled % whole
        let negative = (scaled < 0) != (whole < 0) && scaled != 0
        var q = quotient.magnitude
        if remainder.magnitude >= whole.magnitude - remainder.magnitude { q += 1 }
        return fixedPoint(q, places: places, negative: negative, language) + "%"
    }
}

extension NumberFormat {
    private static func groupSeparator(_ language: Language) -> String {
        language == .id ? "." : ","
    }

    private static func decimalSeparator(_ language: Language) -> String {
        language == .id ? "," : "."
    }

    /// Inserts `separator` every three digits from the right.
    private static func group(_ digits: Substring, separator: String) -> String {
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
        let count = digits.count
        for (i, d) in digits.enumerated() {
            if i > 0 && (count - i) % 3 == 0 { out += separator }
            out.append(d)
        }
        return out
    }

    /// `value / 10^places` written with the language's separators.
    private static func fixedPoint(_ value: UInt, places: Int, negative: Bool, _ language: Language) -> String {
        var digits = String(value)
        if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        let isZero = value == 0
        var out = negative && !isZero ? "-" : ""
        out += group(digits[..<split], separator: groupSeparator(language))
        if places > 0 { out += decimalSeparator(language) + digits[split...] }
        return out
    }

    /// Digits of a finite `x` ≥ 0 in shortest round-trip form, and how many precede the decimal point.
    private static func decimalDigits(_ x: Double) -> (digits: [UInt8], point: Int) {
        // `description` is the shortest text that reads back as `x`, e.g. "78.3", "1e-05", "1.5e+20".
        let text = x.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point: Int?
        for c in mantissa {
            if c == "." {
                point = digits.count
            } else if let d = c.asciiValue, d >= 0x30 && d <= 0x39 {
                digits.append(d - 0x30)
            }
        }
        return (digits, (point ?? digits.count) + exponent)
    }

    /// Adds one unit in the last place; false when the carry runs off the front.
    private static func increment(_ digits: inout [UInt8]) -> Bool {
        var i = digits.count - 1
        while i >= 0 {
            if digits[i] < 9 {
                digits[i] += 1
                return true
            }
            digits[i] = 0
            i -= 1
        }
        return false
    }
}
