/// Words of the operator's screen added for issue 11 (items 4, 14, 15, 16, 18), in both languages.
/// Two exhaustive switches: a key without a translation does not compile.
public enum ScreenText: CaseIterable, Sendable {
    /// The "all" and "sent out" tabs, shortened for a narrow terminal.
    case tabAllTiny, tabForwardedTiny
    /// The approver's tab of drafts awaiting their approval (issue 15), and shortened.
    case tabApproval, tabApprovalTiny
    /// After a yes/no question.
    case yesNo
    /// The rating prompt after the action's name: the scale only.
    case ratingScale
    /// The inbox orders: "oldest received first", and the other three.
    case orderOldest, orderDeadline, orderReceived, orderUpdated
    /// The list's tracking-number and classification column headers.
    case trackingHeader, classHeader
    /// "days" after a calendar-day deadline rule's number.
    case calendarDaysUnit
    /// The Tunda tab's columns: since when, and why.
    case postponedHeader, postponedReasonHeader
    /// The line above the editor naming what the operator answers.
    case complaintAbove
    /// A search matched nothing.
    case notFound
    /// `n`/`N` went past the end of the list and on from the other end.
    case searchWrappedTop, searchWrappedBottom
    case noSearchYet
    /// Classification in a narrow list column.
    case pengaduanShort, aspirasiShort
    /// Help's words for keys that are not actions.
    case nextTab, previousTab, cycleOrder, views
    /// Input checks in dialogs.
    case required, ratingWholeNumber, reportNumberExample
    case selectAReportFirst

    public func text(_ language: Language) -> String {
        switch language {
        case .id: indonesian
        case .en: english
        }
    }

    var indonesian: String {
        switch self {
        case .tabAllTiny: "Sem"
        case .tabForwardedTiny: "Dit"
        case .tabApproval: "Persetujuan"
        case .tabApprovalTiny: "Stj"
        case .yesNo: "(y/t)"
        case .ratingScale: "nilai 1–5"
        case .orderOldest: "urutan: terlama dulu"
        case .orderDeadline: "urutan: tenggat paling mendesak dulu"
        case .orderReceived: "urutan: terbaru dulu"
        case .orderUpdated: "urutan: baru diubah dulu"
        case .trackingHeader: "No.LAPOR"
        case .classHeader: "Klas"
        case .calendarDaysUnit: "hari"
        case .postponedHeader: "Ditunda"
        case .postponedReasonHeader: "Alasan tunda"
        case .complaintAbove: "Laporan"
        case .notFound: "tidak ditemukan"
        case .searchWrappedTop: "pencarian kembali ke atas"
        case .searchWrappedBottom: "pencarian kembali ke bawah"
        case .noSearchYet: "belum ada pencarian: tekan /"
        case .pengaduanShort: "Pengd"
        case .aspirasiShort: "Aspir"
        case .nextTab: "tab status berikutnya"
        case .previousTab: "tab status sebelumnya"
        case .cycleOrder: "ganti urutan (tenggat, terbaru, diubah, terlama)"
        case .views: "tampilan"
        case .required: "wajib diisi"
        case .ratingWholeNumber: "angka 1 sampai 5"
        case .reportNumberExample: "nomor laporan, mis. 12"
        case .selectAReportFirst: "pilih laporan dulu"
        }
    }

    var english: String {
        switch self {
        case .tabAllTiny: "All"
        case .tabForwardedTiny: "Out"
        case .tabApproval: "To approve"
        case .tabApprovalTiny: "Appr"
        case .yesNo: "(y/n)"
        case .ratingScale: "score 1–5"
        case .orderOldest: "order: oldest first"
        case .orderDeadline: "order: most urgent deadline first"
        case .orderReceived: "order: newest first"
        case .orderUpdated: "order: recently changed first"
        case .trackingHeader: "LAPOR!"
        case .classHeader: "Class"
        case .calendarDaysUnit: "days"
        case .postponedHeader: "Postponed"
        case .postponedReasonHeader: "Why postponed"
        case .complaintAbove: "Report"
        case .notFound: "not found"
        case .searchWrappedTop: "search wrapped to the top"
        case .searchWrappedBottom: "search wrapped to the bottom"
        case .noSearchYet: "no search yet: press /"
        case .pengaduanShort: "Compl"
        case .aspirasiShort: "Aspir"
        case .nextTab: "next status tab"
        case .previousTab: "previous status tab"
        case .cycleOrder: "change the order (deadline, newest, changed, oldest)"
        case .views: "views"
        case .required: "required"
        case .ratingWholeNumber: "a whole number from 1 to 5"
        case .reportNumberExample: "a report number, e.g. 12"
        case .selectAReportFirst: "select a report first"
        }
    }

    /// "Tembusan · 3 laporan yang ditandai?": the question before an action on tagged reports.
    public static func bulkQuestion(action: String, count: Int, _ language: Language) -> String {
        switch language {
        case .id: "\(action) · \(NumberFormat.grouped(count, .id)) laporan yang ditandai?"
        case .en: "\(action) · \(NumberFormat.grouped(count, .en)) tagged reports?"
        }
    }

    /// "Teks dipotong pada 65.536 karakter": the editor's cap was reached.
    public static func textCut(at count: Int, _ language: Language) -> String {
        switch language {
        case .id: "Teks dipotong pada \(NumberFormat.grouped(count, .id)) karakter"
        case .en: "Text cut at \(NumberFormat.grouped(count, .en)) characters"
        }
    }

    /// "  + 12 lagi": rows of a group not shown.
    public static func more(_ count: Int, _ language: Language) -> String {
        switch language {
        case .id: "  + \(NumberFormat.grouped(count, .id)) lagi"
        case .en: "  + \(NumberFormat.grouped(count, .en)) more"
        }
    }

    /// After `;`: the next action goes to every tagged report.
    public static func nextActionForTagged(_ count: Int, _ language: Language) -> String {
        switch language {
        case .id: "aksi berikut berlaku untuk \(NumberFormat.grouped(count, .id)) laporan yang ditandai"
        case .en: "next action applies to \(NumberFormat.grouped(count, .en)) tagged reports"
        }
    }

    /// "sejak 21 Nov": the day a report went into Tunda, in a list column.
    public static func postponedSince(day: Int, month: String, _ language: Language) -> String {
        switch language {
        case .id: "sejak \(day) \(month)"
        case .en: "since \(day) \(month)"
        }
    }
}

extension Status {
    /// The tab name when even the short names do not fit (80 columns, large counts).
    public var tinyName: String {
        switch self {
        case .belumTerverifikasi: "BV"
        case .belumDitindaklanjuti: "BTL"
        case .proses: "Pros"
        case .selesai: "Sls"
        case .tunda: "Tnd"
        case .arsip: "Ars"
        }
    }
}

extension StringTable {
    /// A word of the screen (ScreenStrings.swift).
    public func screen(_ key: ScreenText) -> String { key.text(language) }
}

extension StringTable {
    /// The widest deadline reading a list row may show in this language ("10 working days left",
    /// "lewat 99 hari kerja", "ditunda"), in cells: a deadline column this wide never cuts one.
    public var widestCountdown: Int {
        let deadline = Deadline(kind: .firstFollowUp, startedAt: Timestamp(seconds: 0), dueAt: Timestamp(seconds: 0),
                                rule: DeadlineRule(days: 10, counting: .working, basis: ""))
        let samples = [
            DeadlineReading(deadline: deadline, state: .onTime, secondsLeft: 1, workingDaysLeft: 10, workingDaysOverdue: 0, daysOverdue: 0),
            DeadlineReading(deadline: deadline, state: .overdue, secondsLeft: -1, workingDaysLeft: 0, workingDaysOverdue: 99, daysOverdue: 99),
        ]
        return (samples.map { DisplayWidth.of(countdown($0)) } + [DisplayWidth.of(text(.paused)), DisplayWidth.of(text(.noDeadline))]).max() ?? 19
    }
}

/// The first 20 ids of a list a refusal names, then how many more and where to see them, so a
/// large directory does not flood the message.
func listedIDs(_ ids: [String], more: String) -> String {
    guard ids.count > 20 else { return ids.joined(separator: ", ") }
    return ids.prefix(20).joined(separator: ", ") + " … (+\(ids.count - 20) " + more + ")"
}
