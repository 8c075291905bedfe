import AduanCore

/// One export field as a typed value. `CSVLayout.cells` decides once what a viewer may see of a
/// complaint; CSV writes each cell as text (`csv`), a workbook as a typed cell (XlsxExport).
enum ExportCell: Equatable {
    /// Text someone wrote (title, body, names): a string, never a formula.
    case text(String)
    /// A code or identifier (status, channel, unit id, tracking number): a string too.
    case code(String)
    case number(Int64?)
    case time(Timestamp?)
    case date(LocalDate?)
    case flag(Bool)

    /// The cell as the CSV export writes it (ISO 8601 in the office's zone, yes/no).
    func csv(zone: OfficeTimeZone) -> String {
        switch self {
        case .text(let s), .code(let s): s
        case .number(let n): n.map { "\($0)" } ?? ""
        case .time(let t): t.map { $0.iso8601(in: zone) } ?? ""
        case .date(let d): d?.iso8601 ?? ""
        case .flag(let b): b ? "yes" : "no"
        }
    }
}

extension CSVLayout {
    /// One complaint's export cells, in `columns` order, as `viewer` may see it: the one place
    /// CSV and xlsx exports learn what to show.
    static func cells(_ c: Complaint, viewer: Actor, now: Timestamp, config: OfficeConfig) -> [ExportCell] {
        let showReporter = Privacy.canSeeReporter(c, viewer: viewer)
        let r = showReporter ? c.reporter : nil
        let due = config.deadlines.running(for: c, calendar: config.calendar)
        let readable = Privacy.canSeeContent(c, viewer: viewer)
        let texts = Privacy.redacted(c, for: viewer)
        return [
            .number(c.id), .code(c.trackingID ?? ""), .text(readable ? texts.title : "[hidden]"), .text(texts.body),
            .code(c.status.rawValue), .code(c.channel.rawValue), .code(c.classification.rawValue),
            .code(c.category.path), .text(texts.location), .date(c.incidentDate), .flag(c.anonymous), .flag(c.confidential),
            .code(c.priority.rawValue), .text(r?.name ?? ""), .text(r?.phone ?? ""), .text(r?.email ?? ""), .text(r?.nik ?? ""),
            .code(c.intakeAgency), .code(c.holder.agency), .code(c.holder.unit ?? ""),
            .code(c.ccUnits.joined(separator: ";")), .time(c.receivedAt), .time(c.verifiedAt), .time(c.dispositionAt),
            .time(c.firstFollowUpAt), .time(c.lastFollowUpAt), .time(c.lastReplyAt), .time(c.closedAt),
            .flag(c.awaitingReporter), .code(c.archiveReason?.rawValue ?? ""), .number(c.rating.map(Int64.init)),
            .flag(c.privacyDecided), .time(due?.dueAt), .code(due?.kind.rawValue ?? ""),
            .flag((due?.dueAt).map { $0 < now } ?? false), .time(c.updatedAt), .number(Int64(c.version)),
        ]
    }
}
