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

/// What is wrong with one field of an imported record (the file, line and column are said by the
/// caller). Issue 11, items 11–12: in the session's language, naming what is wrong.
public enum ImportFieldProblem: Sendable {
    case dateTime(String, DateTimeProblem)
    case notYesNo(String)
    case unknownValue(String, options: [String])
    case fieldCount(expected: Int, found: Int)
    case titleMissing
    case notComplaintNumber(String)
    case tooLong(bytes: Int, limit: Int)
    case notDigits(String)
    case receivedMissing
    case notDate(String)
    case notRating(String)
}

extension StringTable {
    public func importField(_ p: ImportFieldProblem) -> String {
        let en = language == .en
        func q(_ s: String) -> String { "\"" + SafeText.excerpt(s, limit: 80) + "\"" }
        switch p {
        case .dateTime(let v, let problem): return dateTimeProblem(v, problem)
        case .notYesNo(let v): return en ? "\(q(v)) is not yes/no" : "\(q(v)) bukan ya/tidak (yes/no)"
        case .unknownValue(let v, let options):
            return en ? "unknown value \(q(v)); expected one of \(options.joined(separator: ", "))"
                      : "nilai \(q(v)) tidak dikenal; harus salah satu dari \(options.joined(separator: ", "))"
        case .fieldCount(let expected, let found):
            return en ? "expected \(expected) fields as in the header, found \(found)"
                      : "seharusnya \(expected) kolom seperti pada baris judul, ada \(found)"
        case .titleMissing: return en ? "missing (every complaint needs a title)" : "kosong (setiap laporan perlu judul)"
        case .notComplaintNumber(let v): return en ? "\(q(v)) is not a complaint number" : "\(q(v)) bukan nomor laporan"
        case .tooLong(let bytes, let limit): return en ? "too long: \(bytes) bytes, at most \(limit)" : "terlalu panjang: \(bytes) bita, paling banyak \(limit)"
        case .notDigits(let v): return en ? "must be digits only, found \(q(v))" : "harus angka saja, tertulis \(q(v))"
        case .receivedMissing:
            return en ? "missing (when the complaint arrived, e.g. 2026-03-18T09:00:00+07:00)"
                      : "kosong (kapan laporan diterima, mis. 2026-03-18T09:00:00+07:00)"
        case .notDate(let v):
            if let problem = DateTimeProblem.of(String(v.prefix(10)), dateOnly: true), problem != .malformed {
                return dateTimeProblem(v, problem)
            }
            return en ? "\(q(v)) is not a date YYYY-MM-DD" : "\(q(v)) bukan tanggal YYYY-MM-DD"
        case .notRating(let v): return en ? "\(q(v)) is not a rating from 1 to 5" : "\(q(v)) bukan penilaian 1 sampai 5"
        }
    }
}
