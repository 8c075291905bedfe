/// The sentences about trustworthy time (issue 13 §3), in both languages. Kept apart from the two
/// big tables so each language's text sits next to the other; the `switch` over `language` still
/// makes the compiler demand both.
extension StringTable {
    /// Why an action's time (or the reporter's time it carries) was refused.
    func timeRefusal(_ r: Refusal, zone: OfficeTimeZone) -> String {
        func at(_ t: Timestamp) -> String { formatDateTime(t, zone: zone, table: self) }
        switch (r, language) {
        case (.timeAfterNow(let t, let now, let skew), .en):
            return "The action's time (\(at(t))) is later than now (\(at(now))) plus the allowed clock difference of \(skew) seconds; check the computer's clock."
        case (.timeAfterNow(let t, let now, let skew), .id):
            return "Waktu aksi (\(at(t))) lebih lambat dari sekarang (\(at(now))) ditambah selisih jam yang diizinkan \(skew) detik; periksa jam komputer."
        case (.timeBeforeStoreLast(let t, let last, let skew), .en):
            return "The action's time (\(at(t))) is more than \(skew) seconds before the store's last recorded event (\(at(last))); actions cannot be backdated. Check the computer's clock."
        case (.timeBeforeStoreLast(let t, let last, let skew), .id):
            return "Waktu aksi (\(at(t))) lebih dari \(skew) detik sebelum kejadian terakhir yang tercatat di penyimpanan (\(at(last))); aksi tidak boleh dimundurkan tanggalnya. Periksa jam komputer."
        case (.reportedTimeInFuture(let reported, let recorded), .en):
            return "The reporter's time (--written-at) \(at(reported)) is after the moment it is recorded (\(at(recorded))); the reporter cannot have written in the future."
        case (.reportedTimeInFuture(let reported, let recorded), .id):
            return "Waktu tulis pelapor (--written-at) \(at(reported)) lebih lambat dari saat dicatat (\(at(recorded))); pelapor tidak mungkin menulis di masa depan."
        case (.reportedTimeBeforeFollowUp(let reported, let followUp), .en):
            return "The reporter's time (--written-at) \(at(reported)) is before the follow-up it answers (\(at(followUp))); the reporter's answer cannot come before it."
        case (.reportedTimeBeforeFollowUp(let reported, let followUp), .id):
            return "Waktu tulis pelapor (--written-at) \(at(reported)) lebih awal dari tindak lanjut yang dijawabnya (\(at(followUp))); jawaban pelapor tidak mungkin mendahuluinya."
        case (.reportedTimeNotTakenBy(let a), .en):
            return "\(actionName(a)) does not take a reporter's time (--written-at); only a reporter's reply or rating does."
        case (.reportedTimeNotTakenBy(let a), .id):
            return "\(actionName(a)) tidak memakai waktu dari pelapor (--written-at); hanya balasan atau penilaian pelapor."
        default:
            return refusal(r, names: Directory(agencies: []), zone: zone)
        }
    }

    /// Said when a store is opened on a computer whose clock lies behind the store's last event
    /// by more than the allowed difference (stderr; the screen's status line).
    public func clockBehindStore(last: Timestamp, now: Timestamp, skewSeconds: Int64, zone: OfficeTimeZone) -> String {
        let l = formatDateTime(last, zone: zone, table: self), n = formatDateTime(now, zone: zone, table: self)
        switch language {
        case .en:
            return "warning: this computer's clock (\(n)) is more than \(skewSeconds) seconds behind the store's last event (\(l)); the clock jumped back or the store was written by a clock running ahead. New actions are refused until the clock is right."
        case .id:
            return "peringatan: jam komputer ini (\(n)) tertinggal lebih dari \(skewSeconds) detik dari kejadian terakhir di penyimpanan (\(l)); jam mundur atau penyimpanan ditulis oleh jam yang terlalu cepat. Aksi baru ditolak sampai jam benar."
        }
    }

    /// "ditulis pelapor 20 Nov 2026 10.00": the time the reporter gave, in a history line.
    public func writtenByReporter(_ t: Timestamp, zone: OfficeTimeZone) -> String {
        let when = formatShortDateTime(t, zone: zone, table: self)
        switch language {
        case .en: return "written by the reporter \(when)"
        case .id: return "ditulis pelapor \(when)"
        }
    }
}
