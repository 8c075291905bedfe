/// The desk's sentences about work that must not be lost or hidden (issue 11 items 1 and 6):
/// arrivals, kept drafts and the conflict panel, in both languages. Kept apart from the two big
/// tables so each language's text sits next to the other; the `switch` over `language` still
/// makes the compiler demand both.
extension StringTable {
    /// Said in the status line when the list gained reports another operator received meanwhile.
    public func newComplaintsArrived(_ n: Int) -> String {
        let count = NumberFormat.grouped(n, language)
        switch language {
        case .en: return "\(count) new report\(n == 1 ? "" : "s") arrived; the selection stays on the same report (g: top of the list)"
        case .id: return "\(count) laporan baru masuk; pilihan tetap pada laporan yang sama (g: ke atas daftar)"
        }
    }

    /// The status line after a written action was refused because the report changed meanwhile.
    public func conflictDraftKept(_ id: Int64, changedBy: String?) -> String {
        switch (language, changedBy) {
        case (.en, let name?): return "Report #\(id) was changed by \(name) while you wrote; your text is kept as a draft."
        case (.en, nil): return "Report #\(id) changed while you wrote; your text is kept as a draft."
        case (.id, let name?): return "Laporan #\(id) telah diubah oleh \(name) sementara Anda menulis; teks Anda disimpan sebagai draf."
        case (.id, nil): return "Laporan #\(id) berubah sementara Anda menulis; teks Anda disimpan sebagai draf."
        }
    }

    /// The screen's reply and rating dialogs refuse the reporter's time with the CLI's rule, in
    /// words without the CLI's option name (issue 11 item 17).
    public func reporterTimeOnScreen(_ r: Refusal, zone: OfficeTimeZone) -> String {
        func at(_ t: Timestamp) -> String { formatDateTime(t, zone: zone, table: self) }
        switch (r, language) {
        case (.reportedTimeInFuture(let reported, let recorded), .en):
            return "The reporter's time \(at(reported)) is after now (\(at(recorded))); the reporter cannot have written in the future."
        case (.reportedTimeInFuture(let reported, let recorded), .id):
            return "Waktu tulis pelapor \(at(reported)) lebih lambat dari sekarang (\(at(recorded))); pelapor tidak mungkin menulis di masa depan."
        case (.reportedTimeBeforeFollowUp(let reported, let followUp), .en):
            return "The reporter's time \(at(reported)) is before the follow-up it answers (\(at(followUp))); the reporter's answer cannot come before it."
        case (.reportedTimeBeforeFollowUp(let reported, let followUp), .id):
            return "Waktu tulis pelapor \(at(reported)) lebih awal dari tindak lanjut yang dijawabnya (\(at(followUp))); jawaban pelapor tidak mungkin mendahuluinya."
        default:
            return refusal(r, names: Directory(agencies: []), zone: zone)
        }
    }

    /// The conflict panel's fixed words.
    public func conflictPanel(_ w: ConflictPanelText) -> String {
        switch (w, language) {
        case (.title, .en): return "The report changed while you wrote"
        case (.title, .id): return "Laporan berubah sementara Anda menulis"
        case (.changes, .en): return "What changed:"
        case (.changes, .id): return "Yang berubah:"
        case (.yourText, .en): return "Your text (kept as a draft until sent or discarded):"
        case (.yourText, .id): return "Teks Anda (disimpan sebagai draf sampai dikirim atau dibuang):"
        case (.keysResend, .en): return "Enter send the same text again · e edit first · Esc later (r/m/p opens the draft)"
        case (.keysResend, .id): return "Enter kirim lagi teks yang sama · e ubah dulu · Esc nanti (r/m/p membuka draf)"
        case (.keysNoResend, .en): return "Esc close; the draft stays (r/m/p opens it)"
        case (.keysNoResend, .id): return "Esc tutup; draf tetap tersimpan (r/m/p membukanya)"
        case (.cannotResend, .en): return "It cannot be sent as it is now:"
        case (.cannotResend, .id): return "Tidak dapat dikirim pada keadaan sekarang:"
        }
    }

    /// "2 perubahan yang tidak boleh Anda lihat" in the conflict panel.
    public func hiddenChanges(_ n: Int) -> String {
        switch language {
        case .en: return "\(n) change\(n == 1 ? "" : "s") you may not see"
        case .id: return "\(n) perubahan yang tidak boleh Anda lihat"
        }
    }

    /// Said when a kept draft is opened again.
    public func draftRestored(savedAt: Timestamp, zone: OfficeTimeZone) -> String {
        let when = formatShortDateTime(savedAt, zone: zone, table: self)
        switch language {
        case .en: return "Your draft of \(when) is back in the editor (Esc, y discards it)."
        case .id: return "Draf Anda dari \(when) dibuka kembali (Esc, y membuangnya)."
        }
    }

    /// The editor's question on Esc with text typed.
    public var discardOrKeepQuestion: String {
        switch language {
        case .en: return "Discard the text? (y discard · d keep as a draft · n go on writing)"
        case .id: return "Buang teks ini? (y buang · d simpan sebagai draf · t lanjut menulis)"
        }
    }

    /// Said when a flow with typed text ends without sending it.
    public var draftKept: String {
        switch language {
        case .en: return "Your text is kept as a draft; the same key opens it again."
        case .id: return "Teks Anda disimpan sebagai draf; tombol yang sama membukanya lagi."
        }
    }
}

/// The conflict panel's fixed words (`StringTable.conflictPanel`).
public enum ConflictPanelText: Sendable {
    case title, changes, yourText, keysResend, keysNoResend, cannotResend
}
