/// "Senin, 23 November 2026 14.05 WIB": a moment as an Indonesian office writes it.
public func formatDateTime(_ t: Timestamp, zone: OfficeTimeZone, table: any StringTable) -> String {
    let date = zone.date(of: t)
    let sec = zone.secondOfDay(of: t)
    return "\(table.weekdayName(date.weekday)), \(date.day) \(table.monthName(date.month)) \(date.year) "
        + twoDigits(sec / 3600) + table.timeSeparator + twoDigits(sec / 60 % 60) + " " + zone.abbreviation
}

/// "23 Nov 2026".
public func formatDate(_ d: LocalDate, table: any StringTable) -> String {
    "\(d.day) \(table.monthShort(d.month)) \(d.year)"
}

/// "23 Nov 14.05": compact, for timelines.
public func formatShortDateTime(_ t: Timestamp, zone: OfficeTimeZone, table: any StringTable) -> String {
    let date = zone.date(of: t)
    let sec = zone.secondOfDay(of: t)
    return "\(date.day) \(table.monthShort(date.month)) \(date.year) " + twoDigits(sec / 3600) + table.timeSeparator + twoDigits(sec / 60 % 60)
}

/// The age of a report for a list column: "3 hr" / "3d", "5 mg" / "5w", "14 bln" / "14mo".
public func formatAge(from received: Timestamp, now: Timestamp, zone: OfficeTimeZone, language: Language) -> String {
    let days = max(0, zone.dayNumber(of: now) - zone.dayNumber(of: received))
    switch language {
    case .id:
        if days < 14 { return "\(days) hr" }
        if days < 120 { return "\(days / 7) mg" }
        return "\(days / 30) bln"
    case .en:
        if days < 14 { return "\(days)d" }
        if days < 120 { return "\(days / 7)w" }
        return "\(days / 30)mo"
    }
}
