/// The words of the .xlsx export and the report workbook (issue 16), in both languages.
public enum WorkbookText: CaseIterable, Sendable {
    case exportSheet, yes, no
    // Report sheets.
    case statusByUnitSheet, overdueSheet, selesaiSheet, firstFollowUpSheet, weeklySheet, forwardsSheet, longTundaSheet, aboutSheet
    // Report headings.
    case recapTitle, period, made, unitColumn, totalColumn, overdueColumn, receivedColumn, selesaiColumn, percentColumn
    case medianColumn, sampleColumn, allUnits, weekStartColumn, forwardsOutRow, forwardsInRow, countColumn
    case idColumn, trackingColumn, pausedSinceColumn, daysColumn, cohortNote, tundaNote, forwardsNote, firstFollowUpNote
    case ruleColumn, daysCountColumn, countingColumn, basisColumn, working, calendar, dueSoonRule, tundaRule, zoneRow, none
    // Messages.
    case xlsxNeedsOut, xlsxNotAFile, xlsxTruncated, reportWritten
}

extension StringTable {
    public func workbook(_ key: WorkbookText) -> String {
        let en = language == .en
        switch key {
        case .exportSheet: return en ? "Complaints" : "Laporan"
        case .yes: return en ? "yes" : "ya"
        case .no: return en ? "no" : "tidak"
        case .statusByUnitSheet: return en ? "Status by unit" : "Status per unit"
        case .overdueSheet: return en ? "Overdue per unit" : "Lewat tenggat per unit"
        case .selesaiSheet: return "% Selesai"
        case .firstFollowUpSheet: return en ? "First follow-up" : "Tindak lanjut pertama"
        case .weeklySheet: return en ? "Intake per week" : "Laporan masuk per minggu"
        case .forwardsSheet: return en ? "Forwards" : "Penerusan"
        case .longTundaSheet: return en ? "Long Tunda" : "Tunda lama"
        case .aboutSheet: return en ? "About" : "Tentang"
        case .recapTitle: return en ? "Complaint recap" : "Rekapitulasi pengaduan"
        case .period: return en ? "Period" : "Periode"
        case .made: return en ? "Made" : "Dibuat"
        case .unitColumn: return "Unit"
        case .totalColumn: return en ? "Total" : "Jumlah"
        case .overdueColumn: return en ? "Overdue" : "Lewat tenggat"
        case .receivedColumn: return en ? "Received" : "Diterima"
        case .selesaiColumn: return "Selesai"
        case .percentColumn: return "% Selesai"
        case .medianColumn: return en ? "Median working days" : "Median hari kerja"
        case .sampleColumn: return en ? "Reports (n)" : "Jumlah laporan (n)"
        case .allUnits: return en ? "All units" : "Semua unit"
        case .weekStartColumn: return en ? "Week of (Monday)" : "Minggu mulai (Senin)"
        case .forwardsOutRow: return en ? "Forwarded out" : "Diteruskan ke luar"
        case .forwardsInRow: return en ? "Forwarded in" : "Diterima dari luar"
        case .countColumn: return en ? "Count" : "Jumlah"
        case .idColumn: return "ID"
        case .trackingColumn: return en ? "Tracking no." : "No. Tracking"
        case .pausedSinceColumn: return en ? "In Tunda since" : "Tunda sejak"
        case .daysColumn: return en ? "Days" : "Hari"
        case .cohortNote: return en ? "Reports received in the period, in their status at the moment made."
                                    : "Laporan yang diterima dalam periode, dengan status pada saat dibuat."
        case .tundaNote: return en ? "Reports in Tunda longer than the office allows, at the moment made (whenever received)."
                                   : "Laporan dalam Tunda lebih lama dari batas kantor, pada saat dibuat (kapan pun diterima)."
        case .forwardsNote: return en ? "Forwards to or from another agency made in the period." : "Penerusan ke atau dari instansi lain dalam periode."
        case .firstFollowUpNote: return en ? "Working days from disposition to the first follow-up, reports received in the period."
                                           : "Hari kerja dari disposisi sampai tindak lanjut pertama, laporan yang diterima dalam periode."
        case .ruleColumn: return en ? "Deadline" : "Tenggat"
        case .daysCountColumn: return en ? "Days" : "Hari"
        case .countingColumn: return en ? "Counting" : "Hitungan"
        case .basisColumn: return en ? "Regulation" : "Dasar hukum"
        case .working: return en ? "working days" : "hari kerja"
        case .calendar: return en ? "calendar days" : "hari kalender"
        case .dueSoonRule: return en ? "Due soon: within this many working days" : "Segera jatuh tempo: dalam sekian hari kerja"
        case .tundaRule: return en ? "Long Tunda: paused longer than (days)" : "Tunda lama: ditunda lebih dari (hari)"
        case .zoneRow: return en ? "Office time zone" : "Zona waktu kantor"
        case .none: return "–"
        case .xlsxNeedsOut: return en ? "--format xlsx writes a workbook file: give --out FILE.xlsx (a workbook cannot go to a terminal or a pipe)"
                                      : "--format xlsx menulis berkas workbook: berikan --out BERKAS.xlsx (workbook tidak bisa ke terminal atau pipa)"
        case .xlsxNotAFile: return en ? "is not a regular file; write the workbook to a file" : "bukan berkas biasa; tulis workbook ke sebuah berkas"
        case .xlsxTruncated: return en ? "text cell(s) longer than Excel's 32,767 characters were cut" : "sel teks yang lebih panjang dari 32.767 karakter Excel dipotong"
        case .reportWritten: return en ? "Report written to" : "Laporan rekap ditulis ke"
        }
    }

    /// The export column's header label (CSV column names are the keys).
    public func exportColumnLabel(_ column: String) -> String {
        let en = language == .en
        switch column {
        case "id": return "ID"
        case "tracking_id": return en ? "Tracking no." : "No. Tracking"
        case "title": return en ? "Title" : "Judul"
        case "body": return en ? "Body" : "Isi laporan"
        case "status": return "Status"
        case "channel": return en ? "Channel" : "Kanal"
        case "classification": return en ? "Classification" : "Klasifikasi"
        case "category": return en ? "Category" : "Kategori"
        case "location": return en ? "Location" : "Lokasi"
        case "incident_date": return en ? "Incident date" : "Tanggal kejadian"
        case "anonymous": return en ? "Anonymous" : "Anonim"
        case "confidential": return en ? "Confidential" : "Rahasia"
        case "priority": return en ? "Priority" : "Prioritas"
        case "reporter_name": return en ? "Reporter name" : "Nama pelapor"
        case "reporter_phone": return en ? "Reporter phone" : "Telepon pelapor"
        case "reporter_email": return en ? "Reporter email" : "Email pelapor"
        case "reporter_nik": return en ? "Reporter NIK" : "NIK pelapor"
        case "agency": return en ? "Intake agency" : "Instansi penerima"
        case "holder_agency": return en ? "Holding agency" : "Instansi pemegang"
        case "holder_unit": return en ? "Holding unit" : "Unit pemegang"
        case "cc_units": return en ? "Copies to" : "Tembusan"
        case "received_at": return en ? "Received" : "Diterima"
        case "verified_at": return en ? "Verified" : "Diverifikasi"
        case "disposed_at": return en ? "Disposed" : "Didisposisi"
        case "first_follow_up_at": return en ? "First follow-up" : "Tindak lanjut pertama"
        case "last_follow_up_at": return en ? "Last follow-up" : "Tindak lanjut terakhir"
        case "last_reply_at": return en ? "Last reporter reply" : "Balasan pelapor terakhir"
        case "closed_at": return en ? "Closed" : "Ditutup"
        case "awaiting_reporter": return en ? "Awaiting reporter" : "Menunggu pelapor"
        case "archive_reason": return en ? "Archive reason" : "Alasan arsip"
        case "rating": return en ? "Rating" : "Penilaian"
        case "privacy_decided": return en ? "Privacy decided" : "Privasi diputuskan"
        case "due_at": return en ? "Due" : "Tenggat"
        case "due_kind": return en ? "Deadline kind" : "Jenis tenggat"
        case "overdue": return en ? "Overdue" : "Lewat tenggat"
        case "updated_at": return en ? "Updated" : "Diperbarui"
        case "version": return en ? "Version" : "Versi"
        default: return column
        }
    }
}
