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

/// What `aduan import` itself says (counts, file-level problems), in both languages (issue 11, item 11).
public enum ImportMessage: Sendable {
    case checking, rows, importing, complaints
    case duplicateLinkOutside(target: Int64)
    case moreProblems(Int)
    case nothingImported(path: String, problems: Int, records: Int)
    case dryRun(path: String, valid: Int, duplicates: Int, invalid: Int)
    case imported(count: Int, path: String, duplicates: Int, invalid: Int, seconds: Double, perSecond: Int)
    case noTitleColumn(found: [String], expected: [String])
    case unknownColumns([String], known: [String])
    case columnTwice(String, times: Int)
    case storeBusy(String)
    /// A CSV file with not even a header row.
    case emptyFile(path: String)
}

extension StringTable {
    public func importMessage(_ m: ImportMessage) -> String {
        let en = language == .en
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .checking: return en ? "checking" : "memeriksa"
        case .rows: return en ? "rows" : "baris"
        case .importing: return en ? "importing" : "mengimpor"
        case .complaints: return en ? "complaints" : "laporan"
        case .duplicateLinkOutside(let t):
            return en ? "links a duplicate of #\(t), which is not in this file" : "menautkan duplikat #\(t), yang tidak ada di berkas ini"
        case .moreProblems(let c):
            return en ? "… and \(c) more problems" : "… dan \(c) masalah lain"
        case .nothingImported(let path, let problems, let records):
            let what = records == 0 ? (en ? "the file" : "berkas") : (en ? "\(records) record(s)" : "\(records) catatan")
            return en ? "aduan: \(path): \(problems) problem(s) in \(what); nothing was imported (fix them, or use --skip-invalid)."
                      : "aduan: \(path): \(problems) masalah pada \(what); tidak ada yang diimpor (perbaiki, atau pakai --skip-invalid)."
        case .dryRun(let path, let valid, let duplicates, let invalid):
            return en ? "\(path): \(valid) valid, \(duplicates) already present, \(invalid) invalid. Nothing written (--dry-run)."
                      : "\(path): \(valid) sah, \(duplicates) sudah ada, \(invalid) tidak sah. Tidak ada yang ditulis (--dry-run)."
        case .imported(let c, let path, let duplicates, let invalid, let seconds, let rate):
            let s = NumberFormat.decimal(seconds, fractionDigits: 1, language)
            return en ? "Imported \(n(c)) complaint(s) from \(path) (\(duplicates) already present, \(invalid) invalid skipped) in \(s) s, \(n(rate))/s."
                      : "\(n(c)) laporan diimpor dari \(path) (\(duplicates) sudah ada, \(invalid) tidak sah dilewati) dalam \(s) dtk, \(n(rate))/dtk."
        case .noTitleColumn(let found, let expected):
            return en ? "the header has no \"title\" column (found: \(found.joined(separator: ", ")); expected columns such as \(expected.joined(separator: ", ")) …)"
                      : "baris judul tidak memuat kolom \"title\" (ada: \(found.joined(separator: ", ")); kolom yang diharapkan mis. \(expected.joined(separator: ", ")) …)"
        case .unknownColumns(let cols, let known):
            let list = cols.map { "\"\($0)\"" }.joined(separator: ", ")
            return en ? "unknown column(s) \(list); known: \(known.joined(separator: ", "))"
                      : "kolom \(list) tidak dikenal; yang dikenal: \(known.joined(separator: ", "))"
        case .emptyFile(let path):
            return en ? "\(path): the file is empty (expected a header row)" : "\(path): berkas kosong (seharusnya ada baris judul kolom)"
        case .storeBusy(let store):
            return en ? "\(store): the store is busy: another import or operator is writing to it; nothing was imported. Try again when it has finished."
                      : "\(store): penyimpanan sedang sibuk: impor lain atau operator lain sedang menulis ke sana; tidak ada yang diimpor. Coba lagi setelah selesai."
        case .columnTwice(let c, let times):
            return en ? "column \"\(c)\" appears \(times) times in the header; keep one"
                      : "kolom \"\(c)\" muncul \(times) kali di baris judul; sisakan satu"
        }
    }
}
