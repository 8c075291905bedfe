/// The command line's own sentences (argument errors, usage lines, summaries), in both languages
/// (issue 11, item 11): an Indonesian session never reads an English sentence, and the reverse.
/// Kept apart from the two big tables so each sentence's two languages sit side by side.
public enum CommandMessage: Sendable {
    /// Under every usage error: where to read more.
    case seeHelp
    case usageLabel, optionsForEveryCommand, examplesLabel
    case unknownCommand(String, suggestion: String?, commands: [String])
    case unknownShortOption(String)
    case unknownOption(String, command: String, suggestion: String?)
    case needsValue(option: String, valueName: String)
    case givenTwice(option: String)
    case takesNoValue(option: String)
    case wholeNumber(option: String, value: String, range: ClosedRange<Int>)
    case noHelpFor(String, topics: [String])
    /// `--as NAME` names nobody in the office (`office`: a config file, or the office kept by the store).
    case unknownOperator(String, office: OfficeSource, known: [String], suggestion: String?)
    case unknownAction(String, actions: [String], suggestion: String?)
    case receiveNeedsNew
    case receiveNeedsTitle
    case importFromFile
    case notAComplaintNumber(String)
    case belongsTo(option: String, command: String)
    case textAndTextFile
    case cannotRead(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case cannotReadConfig(file: String, reason: String)
    case cannotReadOffice(file: String, reason: String)
    /// `ADUAN_NOW` is not an ISO 8601 date-time with a zone.
    case badFrozenClock(String)
    /// The office document a store keeps does not parse (its problems follow, one per line).
    case storeOfficeUnreadable(store: String)
    /// `aduan office roles` prints SQL; it takes no --format.
    case rolesPrintSQLOnly(format: String)
    /// `report --format xlsx`: a period bound that is not a date, or an empty period.
    case expectedDate(option: String, value: String)
    case fromAfterTo(from: String, to: String)
    /// `--out` names the store itself (or another database).
    case outIsTheStore(String)
    /// `--out`, `--from`, `--to` given to a text/csv/json report.
    case onlyForWorkbook(option: String)
    case notUTF8Text(file: String)
    case expectedYesNo(option: String, value: String)
    case expectedOneOf(option: String, value: String, options: [String])
    case notAComplaintID(option: String, value: String)
    case writtenAt(String)
    case missingArguments(command: String, usage: String)
    case unexpectedArgument(command: String, argument: String)
    case calendarUsage
    case calendarDueUsage
    case calendarHolidaysUsage
    case dayCount(String)
    case noHolidaysKnown(year: Int)
    case workflowTitle
    /// After `aduan demo`: what was added, and what the operator will see (issue 11, item 21).
    case generating
    case creatingDemoStore
    case demoAdded(count: Int, store: String, seconds: Double, perSecond: Int)
    case demoView(operatorID: String, inbox: Int, forwarded: Int, others: Int)

    public enum OfficeSource: Sendable {
        case file(String)
        case store(String, version: Int)
        case builtIn
    }
}

extension StringTable {
    public func command(_ m: CommandMessage) -> String {
        let en = language == .en
        func q(_ s: String) -> String { "\"" + SafeText.excerpt(s, limit: 80) + "\"" }
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .usageLabel: return en ? "Usage: " : "Pemakaian: "
        case .optionsForEveryCommand: return en ? "Options for every command:\n" : "Opsi untuk setiap perintah:\n"
        case .examplesLabel: return en ? "Examples:\n" : "Contoh:\n"
        case .seeHelp:
            return en ? "(see `aduan --help`)" : "(lihat `aduan --help`)"
        case .unknownCommand(let c, let s, let commands):
            let hint = s.map { en ? "; did you mean `aduan \($0)`?" : "; maksud Anda `aduan \($0)`?" } ?? ""
            return en ? "unknown command \(q(c))\(hint) (commands: \(commands.joined(separator: ", ")))"
                      : "perintah \(q(c)) tidak dikenal\(hint) (perintah: \(commands.joined(separator: ", ")))"
        case .unknownShortOption(let o):
            return en ? "unknown option \(SafeText.excerpt(o, limit: 80)) (options start with --, e.g. --help)"
                      : "opsi \(SafeText.excerpt(o, limit: 80)) tidak dikenal (opsi diawali --, mis. --help)"
        case .unknownOption(let o, let cmd, let s):
            let hint = s.map { en ? "; did you mean --\($0)?" : "; maksud Anda --\($0)?" } ?? ""
            return en ? "unknown option --\(SafeText.excerpt(o, limit: 80)) for `\(cmd)`\(hint)"
                      : "opsi --\(SafeText.excerpt(o, limit: 80)) tidak dikenal untuk `\(cmd)`\(hint)"
        case .needsValue(let o, let v):
            return en ? "--\(o) needs a value (\(v))" : "--\(o) perlu nilai (\(v))"
        case .takesNoValue(let o):
            return en ? "--\(o) takes no value" : "--\(o) tidak memakai nilai"
        case .givenTwice(let o):
            return en ? "--\(o) is given twice" : "--\(o) diberikan dua kali"
        case .wholeNumber(let o, let v, let r):
            return en ? "--\(o) \(SafeText.excerpt(v, limit: 80)): expected a whole number from \(r.lowerBound) to \(r.upperBound)"
                      : "--\(o) \(SafeText.excerpt(v, limit: 80)): harus bilangan bulat dari \(r.lowerBound) sampai \(r.upperBound)"
        case .noHelpFor(let t, let topics):
            return en ? "no help for \(q(t)) (topics: \(topics.joined(separator: ", ")))"
                      : "tidak ada bantuan untuk \(q(t)) (topik: \(topics.joined(separator: ", ")))"
        case .unknownOperator(let id, let office, let known, let s):
            let hint = s.map { en ? "; did you mean \($0)?" : "; maksud Anda \($0)?" } ?? ""
            let where_: String
            switch office {
            case .file(let f): where_ = f
            case .store(let path, let v): where_ = en ? "the office of \(path) (version \(v))" : "kantor \(path) (versi \(v))"
            case .builtIn: where_ = en ? "the built-in config" : "konfigurasi bawaan"
            }
            let who = SafeText.excerpt(id, limit: 80)
            return en ? "--as \(who): no such operator in \(where_) (known: \(known.joined(separator: ", ")))\(hint)"
                      : "--as \(who): tidak ada operator itu di \(where_) (yang ada: \(known.joined(separator: ", ")))\(hint)"
        case .unknownAction(let a, let actions, let s):
            let hint = s.map { en ? "; did you mean \($0)?" : "; maksud Anda \($0)?" } ?? ""
            return en ? "unknown action \(q(a)) (actions: \(actions.joined(separator: ", ")))\(hint)"
                      : "aksi \(q(a)) tidak dikenal (aksi: \(actions.joined(separator: ", ")))\(hint)"
        case .receiveNeedsTitle: return en ? "receive needs --title" : "receive perlu --title"
        case .importFromFile:
            return en ? "import records come from a file: use `aduan import FILE`" : "catatan impor berasal dari berkas: pakai `aduan import BERKAS`"
        case .notAComplaintNumber(let v):
            return en ? "\(q(v)) is not a complaint id (a number such as 12, or a LAPOR! tracking number)"
                      : "\(q(v)) bukan nomor laporan (angka seperti 12, atau nomor LAPOR!)"
        case .belongsTo(let o, let c):
            return en ? "--\(o) belongs to `\(c)`" : "--\(o) milik `\(c)`"
        case .receiveNeedsNew:
            return en ? "receive creates a complaint: write `aduan act new receive …`"
                      : "receive membuat laporan baru: tulis `aduan act new receive …`"
        case .textAndTextFile:
            return en ? "give either --text or --text-file, not both" : "pakai --text atau --text-file, jangan keduanya"
        case .cannotRead(let f, let reason):
            return en ? "\(f): cannot read: \(reason)" : "\(f): tidak bisa dibaca: \(SystemReason.text(reason, .id))"
        case .cannotReadConfig(let f, let reason):
            return en ? "\(f): cannot read the config file: \(reason)" : "\(f): berkas konfigurasi tidak bisa dibaca: \(SystemReason.text(reason, .id))"
        case .cannotReadOffice(let f, let reason):
            return en ? "\(f): cannot read the office file: \(reason)" : "\(f): berkas kantor tidak bisa dibaca: \(SystemReason.text(reason, .id))"
        case .badFrozenClock(let v):
            return en ? "ADUAN_NOW=\(q(v)) is not an ISO 8601 date-time with a time zone, e.g. 2026-11-23T09:00:00+07:00"
                      : "ADUAN_NOW=\(q(v)) bukan tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-11-23T09:00:00+07:00"
        case .storeOfficeUnreadable(let store):
            return en ? "\(store): the office kept by the store cannot be read:" : "\(store): data kantor yang disimpan penyimpanan tidak bisa dibaca:"
        case .rolesPrintSQLOnly(let f):
            return en ? "--format \(q(f)): `aduan office roles` prints SQL only" : "--format \(q(f)): `aduan office roles` hanya mencetak SQL"
        case .cannotWrite(let f, let reason):
            return en ? "\(f): cannot write: \(reason)" : "\(f): tidak bisa ditulis: \(SystemReason.text(reason, .id))"
        case .expectedDate(let o, let v):
            return en ? "--\(o) \(q(v)): expected a date YYYY-MM-DD, e.g. 2026-11-01" : "--\(o) \(q(v)): harus tanggal YYYY-MM-DD, mis. 2026-11-01"
        case .fromAfterTo(let from, let to):
            return en ? "--from \(from) is after --to \(to)" : "--from \(from) sesudah --to \(to)"
        case .outIsTheStore(let out):
            return en ? "--out \(q(out)) is the store (or another database); export to a new file"
                      : "--out \(q(out)) adalah penyimpanan (atau basis data lain); ekspor ke berkas baru"
        case .onlyForWorkbook(let o):
            return en ? "--\(o) is for the workbook: add --format xlsx --out FILE.xlsx" : "--\(o) untuk workbook: tambahkan --format xlsx --out BERKAS.xlsx"
        case .notUTF8Text(let f):
            return en ? "\(f): not UTF-8 text (save it as UTF-8 plain text)" : "\(f): bukan teks UTF-8 (simpan sebagai teks biasa UTF-8)"
        case .expectedYesNo(let o, let v):
            return en ? "--\(o) \(SafeText.excerpt(v, limit: 80)): expected yes or no" : "--\(o) \(SafeText.excerpt(v, limit: 80)): harus ya atau tidak (yes/no)"
        case .expectedOneOf(let o, let v, let options):
            return en ? "--\(o) \(SafeText.excerpt(v, limit: 80)): expected one of \(options.joined(separator: ", "))"
                      : "--\(o) \(SafeText.excerpt(v, limit: 80)): harus salah satu dari \(options.joined(separator: ", "))"
        case .notAComplaintID(let o, let v):
            return en ? "--\(o) \(SafeText.excerpt(v, limit: 80)): expected a complaint id" : "--\(o) \(SafeText.excerpt(v, limit: 80)): harus nomor laporan"
        case .writtenAt(let v):
            return en ? "--written-at \(SafeText.excerpt(v, limit: 80)): expected a date and time such as 2026-11-20T10:00+07:00 (without a zone, the office's time zone is used)"
                      : "--written-at \(SafeText.excerpt(v, limit: 80)): harus tanggal dan jam seperti 2026-11-20T10:00+07:00 (tanpa zona, zona waktu kantor yang dipakai)"
        case .missingArguments(let c, let usage):
            return en ? "`aduan \(c)` needs more arguments: \(usage)" : "`aduan \(c)` kurang argumen: \(usage)"
        case .unexpectedArgument(let c, let a):
            return en ? "`aduan \(c)`: unexpected argument \(q(a))" : "`aduan \(c)`: argumen \(q(a)) tidak diharapkan"
        case .calendarUsage:
            return (en ? "usage: " : "pemakaian: ") + "aduan calendar due DATE N | aduan calendar holidays YEAR"
        case .calendarDueUsage:
            return (en ? "usage: aduan calendar due DATE N   (e.g. " : "pemakaian: aduan calendar due TANGGAL N   (mis. ") + "aduan calendar due 2026-03-17T10:00:00+07:00 3)"
        case .calendarHolidaysUsage:
            return (en ? "usage: aduan calendar holidays YEAR   (e.g. " : "pemakaian: aduan calendar holidays TAHUN   (mis. ") + "aduan calendar holidays 2026)"
        case .dayCount(let v):
            return en ? "\(SafeText.excerpt(v, limit: 80)): N must be a whole number of days from 0 to 10000"
                      : "\(SafeText.excerpt(v, limit: 80)): N harus bilangan bulat hari dari 0 sampai 10000"
        case .noHolidaysKnown(let year):
            return en ? "No holidays known for \(year): add them under calendar.holidays in the config."
                      : "Belum ada hari libur untuk \(year): tambahkan di calendar.holidays pada konfigurasi."
        case .workflowTitle:
            return en ? "The SP4N-LAPOR! workflow as Aduan enforces it:\n" : "Alur kerja SP4N-LAPOR! sebagaimana ditegakkan Aduan:\n"
        case .generating: return en ? "generating" : "membuat"
        case .creatingDemoStore: return en ? "creating the demo store" : "membuat penyimpanan demo"
        case .demoAdded(let count, let store, let seconds, let rate):
            return en ? "Added \(n(count)) demo complaints to \(store) in \(NumberFormat.decimal(seconds, fractionDigits: 1, language)) s (\(n(rate))/s)."
                      : "\(n(count)) laporan demo ditambahkan ke \(store) dalam \(NumberFormat.decimal(seconds, fractionDigits: 1, language)) dtk (\(n(rate))/dtk)."
        case .demoView(let op, let inbox, let forwarded, let others):
            let rest = others > 0 ? (en ? "; \(n(others)) more belong to other agencies only" : "; \(n(others)) lainnya hanya milik instansi lain") : ""
            return en ? "As \(op) you will see \(n(inbox)) in the inbox (tab \(text(.tabAll))) and \(n(forwarded)) your agency forwarded away (tab \(text(.tabForwarded)))\(rest)."
                      : "Sebagai \(op) Anda melihat \(n(inbox)) di Kotak Masuk (tab \(text(.tabAll))) dan \(n(forwarded)) yang diteruskan instansi Anda (tab \(text(.tabForwarded)))\(rest)."
        }
    }
}
