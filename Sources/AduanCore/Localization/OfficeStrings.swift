/// What `aduan office show|apply` says, in both languages (issue 11, item 11).
public enum OfficeMessage: Sendable {
    case noRecordForJSON(store: String)
    case recordedHeader(store: String, version: Int, when: String, by: String, login: String, sha256: String)
    case noRecordShown(store: String, source: String?)
    case agencies(Int, units: Int)
    case units(Int)
    case operators(Int)
    case deadlinesLabel, workflowLabel, templatesLabel, historyLabel, overrideLabel, escalationLabel
    case calendar(week: String, holidays: Int)
    case onlyAdmin(agency: String, id: String, role: String, of: String)
    case noAdminLeft(file: String, agency: String)
    case unchanged(file: String, version: Int)
    case removesHolders(file: String, list: String)
    case changesHeader(file: String, version: Int, store: String)
    case noChangeInEffect
    case notApplied
    case changedMeanwhile(Int)
    case recorded(version: Int, by: String, login: String, open: Int, moved: Int)
}

extension StringTable {
    public func office(_ m: OfficeMessage) -> String {
        let en = language == .en
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .noRecordForJSON(let store):
            return en ? "\(store) keeps no office record yet; an admin moves it into the store with `aduan office apply CONFIG --yes`"
                      : "\(store) belum menyimpan data kantor; admin memindahkannya dengan `aduan office apply KONFIGURASI --yes`"
        case .recordedHeader(let store, let v, let when, let by, let login, let sha):
            return en ? "Office of \(store): version \(v), recorded \(when) by \(by) (login \(login)); sha256 \(sha)"
                      : "Kantor di \(store): versi \(v), dicatat \(when) oleh \(by) (login \(login)); sha256 \(sha)"
        case .noRecordShown(let store, let source):
            return en ? "\(store) keeps no office record yet; shown: the office of \(source ?? "the built-in config")."
                      : "\(store) belum menyimpan data kantor; yang ditampilkan: kantor dari \(source ?? "konfigurasi bawaan")."
        case .agencies(let a, let u): return en ? "Agencies: \(a), units: \(u)" : "Instansi: \(a), unit: \(u)"
        case .units(let u): return en ? "\(u) units" : "\(u) unit"
        case .operators(let o): return en ? "Operators (\(o)):" : "Operator (\(o)):"
        case .deadlinesLabel: return en ? "Deadlines: " : "Tenggat: "
        case .overrideLabel: return en ? "  override " : "  pengecualian "
        case .escalationLabel: return en ? "Escalation:" : "Eskalasi:"
        case .workflowLabel: return en ? "Workflow: " : "Alur: "
        case .templatesLabel: return en ? "Templates: " : "Templat: "
        case .historyLabel: return en ? "History:" : "Riwayat:"
        case .calendar(let week, let h):
            return en ? "Calendar: work week \(week), \(h) holidays" : "Kalender: hari kerja \(week), \(h) hari libur"
        case .onlyAdmin(let agency, let id, let role, let of):
            return en ? "only an admin of \(agency) may change the office; \(id) is \(role) of \(of). Nothing was changed."
                      : "hanya admin \(agency) yang boleh mengubah data kantor; \(id) adalah \(role) \(of). Tidak ada yang diubah."
        case .noAdminLeft(let file, let agency):
            return en ? "\(file): the new office has no admin of \(agency); nobody could change it again. Nothing was changed."
                      : "\(file): kantor baru tidak punya admin \(agency); tidak ada yang dapat mengubahnya lagi. Tidak ada yang diubah."
        case .unchanged(let file, let v):
            return en ? "\(file) is the office the store keeps (version \(v)); nothing to change."
                      : "\(file) sama dengan data kantor di penyimpanan (versi \(v)); tidak ada yang diubah."
        case .removesHolders(let file, let list):
            return en ? "\(file) removes units or agencies that still hold complaints: \(list); dispose or forward those first, or keep them. Nothing was changed."
                      : "\(file) menghapus unit atau instansi yang masih memegang laporan: \(list); disposisikan atau teruskan dulu, atau pertahankan. Tidak ada yang diubah."
        case .changesHeader(let file, let v, let store):
            return en ? "Office changes from \(file) (version \(v) of \(store)):" : "Perubahan data kantor dari \(file) (versi \(v) di \(store)):"
        case .noChangeInEffect: return en ? "  (no change in effect)" : "  (tidak ada perubahan yang berpengaruh)"
        case .notApplied:
            return en ? "not applied: check the changes above, then run again with --yes. Nothing was changed."
                      : "belum diterapkan: periksa perubahan di atas, lalu jalankan lagi dengan --yes. Tidak ada yang diubah."
        case .changedMeanwhile(let v):
            return en ? "another admin recorded office version \(v) meanwhile; look at it (`aduan office show`) and apply again. Nothing was changed."
                      : "admin lain mencatat data kantor versi \(v) sementara itu; lihat (`aduan office show`) lalu terapkan lagi. Tidak ada yang diubah."
        case .recorded(let v, let by, let login, let open, let moved):
            return en ? "Recorded office version \(v) by \(by) (login \(login)); deadlines recomputed for \(n(open)) open complaint(s), \(n(moved)) moved."
                      : "Data kantor versi \(v) dicatat oleh \(by) (login \(login)); tenggat dihitung ulang untuk \(n(open)) laporan terbuka, \(n(moved)) bergeser."
        }
    }
}

