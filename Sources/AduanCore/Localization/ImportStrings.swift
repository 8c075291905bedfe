/// The sentences about imports saying what they are (issue 13 §4), in both languages.
extension StringTable {
    /// "menurut sumber: 18 Mar 2026 09.00 · admin (Admin Dinkes) · Tindak lanjut → Proses: text":
    /// one line of an imported source history, a quotation, never an action of this office.
    public func quotedSourceLine(_ q: QuotedEntry, zone: OfficeTimeZone) -> String {
        let when = formatShortDateTime(q.at, zone: zone, table: self)
        let who = q.actor + (q.actorName.map { " (\($0))" } ?? "")
        let what = ActionKind(rawValue: q.kind).map(actionName) ?? q.kind
        let status = q.status.flatMap(Status.parse).map { " → \($0.laporName)" } ?? ""
        let secret: String
        switch language {
        case .en: secret = q.secret ? " [secret]" : ""
        case .id: secret = q.secret ? " [rahasia]" : ""
        }
        let text = q.text.map { ": " + $0 } ?? ""
        switch language {
        case .en: return "according to the source: \(when) · \(who) · \(what)\(status)\(secret)\(text)"
        case .id: return "menurut sumber: \(when) · \(who) · \(what)\(status)\(secret)\(text)"
        }
    }
}
