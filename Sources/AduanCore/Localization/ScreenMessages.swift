/// Sentences of the screen that were inline language choices in AduanTUI, in both languages
/// (issue 11, item 11).
public enum ScreenMessage: Sendable {
    case notATerminal, noTerm
    case unknownTerm(String)
    case cannotAddressCursor(String)
    case deadlineSummary(total: Int, units: Int)
    case nothingDue
    case moreInGroup(Int)
    case linePosition(line: Int, of: Int, percent: Int?)
    case selectAReport
    case change, save
    case decidePrivacy
    case days
    case actionsOffered
    case inDialogs
    case confirmClose, confirmApprove
    case writtenAtLabel, writtenAtExample
}

extension StringTable {
    public func screen(_ m: ScreenMessage) -> String {
        let en = language == .en
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .notATerminal:
            return en ? "the screen needs a terminal (stdin and stdout are not a tty); for scripts use `aduan list`, `aduan show`, `aduan act`"
                      : "layar memerlukan terminal (stdin dan stdout bukan tty); untuk skrip pakai `aduan list`, `aduan show`, `aduan act`"
        case .noTerm:
            return en ? "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)"
                      : "TERM belum diatur; atur sesuai jenis terminal Anda (mis. TERM=xterm-256color)"
        case .unknownTerm(let t):
            return en ? "TERM=\(t) is not a terminal type this system knows; try TERM=xterm-256color"
                      : "TERM=\(t) tidak dikenal sistem ini; coba TERM=xterm-256color"
        case .cannotAddressCursor(let t):
            return en ? "TERM=\(t) cannot move the cursor, so a full-screen desk cannot run; use a real terminal or `aduan list`"
                      : "TERM=\(t) tidak bisa memindahkan kursor, jadi layar penuh tidak bisa berjalan; pakai terminal sungguhan atau `aduan list`"
        case .deadlineSummary(let total, let units):
            return en ? "\(n(total)) in \(units) units" : "\(n(total)) di \(units) unit"
        case .nothingDue:
            return en ? "Nothing is overdue or due soon." : "Tidak ada yang terlambat atau segera jatuh tempo."
        case .moreInGroup(let c):
            return en ? "  + \(n(c)) more (Enter: list them in the Inbox)" : "  + \(n(c)) lagi (Enter: tampilkan di Kotak Masuk)"
        case .linePosition(let line, let of, let pct):
            let p = pct.map { ", \($0)%" } ?? ""
            return en ? "line \(line) of \(of)\(p)" : "baris \(line) dari \(of)\(p)"
        case .selectAReport:
            return en ? "Select a report in the Inbox and press Enter." : "Pilih laporan di Kotak Masuk lalu tekan Enter."
        case .change: return en ? "change" : "ubah"
        case .save: return en ? "save" : "simpan"
        case .decidePrivacy:
            return en ? "Decide: may the units see who reported? May the public read it?"
                      : "Putuskan: bolehkah unit tahu siapa pelapornya? Bolehkah publik membacanya?"
        case .days: return en ? "days" : "hari"
        case .actionsOffered:
            return en ? " (only those your role may take in the report's status are offered)"
                      : " (hanya yang boleh untuk peran Anda pada status laporan yang ditawarkan)"
        case .inDialogs:
            return en ? "In dialogs: Enter confirm · Esc cancel · Ctrl-S save text · Ctrl-T templates · Tab public/secret"
                      : "Dalam dialog: Enter setuju · Esc batal · Ctrl-S simpan teks · Ctrl-T templat · Tab publik/rahasia"
        case .confirmClose:
            return en ? "Close the report (Selesai)?" : "Tutup laporan (Selesai)?"
        case .confirmApprove:
            return en ? "Approve the draft and publish it as the follow-up?" : "Setujui draf dan terbitkan sebagai tindak lanjut?"
        case .writtenAtLabel:
            return en ? "written by the reporter at (YYYY-MM-DD HH:MM, empty if unknown)" : "ditulis pelapor pada (YYYY-MM-DD JJ:MM, kosongkan bila tidak tahu)"
        case .writtenAtExample:
            return en ? "a date and time such as 2026-11-20 10:00" : "tanggal dan jam seperti 2026-11-20 10:00"
        }
    }
}
