/// What is wrong with a store's hash chain, as far as a write can tell or `verify` recorded.
public enum ChainDamage: Hashable, Sendable {
    /// `aduan verify` found the chain broken (at this report, when it named one).
    case foundByVerify(complaint: Int64?)
    /// The last event no longer matches its hash (edited in place).
    case lastEventAltered(seq: Int64, complaint: Int64)
    /// The recorded head of the chain is not the last event (events removed or added at the end).
    case headMismatch
}

extension EnglishStrings {
    public func chainBroken(path: String, _ damage: ChainDamage) -> String {
        let what: String
        switch damage {
        case .foundByVerify(let id):
            what = "`aduan verify` found the event log's hash chain broken" + (id.map { " (first at report #\($0))" } ?? "")
        case .lastEventAltered(let seq, let id):
            what = "the last event in the log (event \(seq), report #\(id)) was altered after it was written"
        case .headMismatch:
            what = "the end of the event log is not the recorded head of its hash chain (events removed or added outside Aduan)"
        }
        return "\(path): writing is refused: \(what), so the record can no longer be trusted and nothing is added to it. "
            + "Reading still works. Restore the latest good backup (made with `aduan backup DEST`): check it with "
            + "`aduan verify --store BACKUP`, then, with Aduan closed everywhere, copy it over \(path). Nothing was written."
    }

    public func holidayYearsUnknown(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return "warning: the calendar knows no holidays for \(list), so deadlines there skip weekends only; add them under "
            + "calendar.holidays (or calendar.holidayFiles) in the office file and run `aduan office apply`."
    }

    public func deadlinesRecomputed(open: Int, changed: Int) -> String {
        "The calendar or deadline settings changed: stored deadlines and working-day figures recomputed "
            + "(\(NumberFormat.grouped(open, .en)) open complaint(s); \(NumberFormat.grouped(changed, .en)) complaint(s) updated)."
    }
}

extension IndonesianStrings {
    public func chainBroken(path: String, _ damage: ChainDamage) -> String {
        let what: String
        switch damage {
        case .foundByVerify(let id):
            what = "`aduan verify` menemukan rantai hash log peristiwa rusak" + (id.map { " (pertama pada laporan #\($0))" } ?? "")
        case .lastEventAltered(let seq, let id):
            what = "peristiwa terakhir di log (peristiwa \(seq), laporan #\(id)) diubah setelah ditulis"
        case .headMismatch:
            what = "ujung log peristiwa bukan kepala rantai hash yang tercatat (peristiwa dihapus atau ditambah di luar Aduan)"
        }
        return "\(path): penulisan ditolak: \(what), sehingga catatan tidak lagi dapat dipercaya dan tidak ditambah. "
            + "Membaca tetap bisa. Pulihkan dari cadangan terakhir yang baik (dibuat dengan `aduan backup TUJUAN`): periksa dengan "
            + "`aduan verify --store CADANGAN`, lalu, saat Aduan tertutup di semua tempat, salin cadangan itu menggantikan \(path). Tidak ada yang ditulis."
    }

    public func holidayYearsUnknown(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return "peringatan: kalender belum mengenal hari libur tahun \(list), jadi tenggat di sana hanya melompati akhir pekan; tambahkan di "
            + "calendar.holidays (atau calendar.holidayFiles) pada berkas kantor lalu jalankan `aduan office apply`."
    }

    public func deadlinesRecomputed(open: Int, changed: Int) -> String {
        "Pengaturan kalender atau tenggat berubah: tenggat dan angka hari kerja tersimpan dihitung ulang "
            + "(\(NumberFormat.grouped(open, .id)) laporan terbuka; \(NumberFormat.grouped(changed, .id)) laporan diperbarui)."
    }
}
