/// What is wrong with a date or date-time someone wrote, in both languages (issue 11, item 12):
/// an impossible month or day is named as such, and only a valid date-time without a zone is told
/// to add one.
extension StringTable {
    /// `"2026-13-02 10:00": month 13 does not exist (01–12)`. `dateOnly`: a bare date is accepted
    /// where this is said, so the examples offer one.
    public func dateTimeProblem(_ text: String, _ p: DateTimeProblem, dateOnly: Bool = false, zoneName: String = "WIB") -> String {
        let q = "\"" + SafeText.excerpt(text, limit: 60) + "\""
        let en = language == .en
        switch p {
        case .month(let m):
            return en ? "\(q): month \(m) does not exist (months are 01 to 12)"
                      : "\(q): bulan \(m) tidak ada (bulan 01 sampai 12)"
        case .day(let d, let m, let y):
            let days = LocalDate.daysIn(month: m, year: y)
            return en ? "\(q): \(monthName(m)) \(y) has no day \(d) (it has \(days) days)"
                      : "\(q): tanggal \(d) tidak ada pada \(monthName(m)) \(y) (hanya \(days) hari)"
        case .hour(let h):
            return en ? "\(q): hour \(h) does not exist (00 to 23)" : "\(q): jam \(h) tidak ada (00 sampai 23)"
        case .minute(let m):
            return en ? "\(q): minute \(m) does not exist (00 to 59)" : "\(q): menit \(m) tidak ada (00 sampai 59)"
        case .second(let s):
            return en ? "\(q): second \(s) does not exist (00 to 59)" : "\(q): detik \(s) tidak ada (00 sampai 59)"
        case .zoneOffset:
            return en ? "\(q): impossible time zone offset (at most ±14:00, e.g. +07:00)"
                      : "\(q): selisih zona waktu tidak mungkin (paling jauh ±14:00, mis. +07:00)"
        case .missingTimeZone:
            let example = SafeText.excerpt(String(text.prefix(10)), limit: 10) + "T09:00:00+07:00"
            if dateOnly {
                return en ? "\(q): add a time zone, e.g. \(example), or give a date only (YYYY-MM-DD, read in \(zoneName))"
                          : "\(q): tambahkan zona waktu, mis. \(example), atau tulis tanggal saja (YYYY-MM-DD, dibaca dalam \(zoneName))"
            }
            return en ? "\(q) has no time zone; write e.g. \(example)"
                      : "\(q) tanpa zona waktu; tulis mis. \(example)"
        case .malformed:
            if dateOnly {
                return en ? "\(q): expected a date (2026-03-17) or an ISO 8601 date-time with a zone (2026-03-17T10:00:00+07:00)"
                          : "\(q): harus tanggal (2026-03-17) atau tanggal-jam ISO 8601 dengan zona (2026-03-17T10:00:00+07:00)"
            }
            return en ? "\(q) is not an ISO 8601 date-time such as 2026-03-18T09:00:00+07:00"
                      : "\(q) bukan tanggal-jam ISO 8601 seperti 2026-03-18T09:00:00+07:00"
        }
    }
}
