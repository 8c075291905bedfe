/// The words of anchors (`aduan anchor`, `verify --anchors`, the dashboard line), in both languages.
public enum AnchorText {
    /// What is wrong with the store or the anchor file, naming the anchor line.
    public static func finding(_ f: AnchorFinding, file: String, _ language: Language) -> String {
        let en = language == .en
        let at = "\(file):\(f.line)"
        switch f {
        case .unreadable:
            return en ? "\(at): not an anchor line (altered or cut?)" : "\(at): bukan baris jangkar (diubah atau terpotong?)"
        case .rolledBack(_, let anchored, let holds):
            return en ? "\(at): the store holds \(holds) events but \(anchored) were anchored: events were lost (a lost -wal file, or an older copy put back)"
                      : "\(at): penyimpanan berisi \(holds) peristiwa padahal \(anchored) sudah dijangkarkan: ada peristiwa yang hilang (berkas -wal hilang, atau salinan lama dipasang kembali)"
        case .rewritten(_, let count):
            return en ? "\(at): event \(count) no longer has the anchored hash: the history up to it was rewritten (and rehashed)"
                      : "\(at): peristiwa \(count) tidak lagi memiliki hash yang dijangkarkan: riwayat sampai titik itu ditulis ulang (dan di-hash ulang)"
        case .badSignature:
            return en ? "\(at): the signature does not match the line (the anchor line was altered)"
                      : "\(at): tanda tangan tidak cocok dengan barisnya (baris jangkar diubah)"
        case .otherKey(_, let fp):
            return en ? "\(at): signed by key \(fp), not by this office's anchor key"
                      : "\(at): ditandatangani kunci \(fp), bukan kunci jangkar kantor ini"
        case .unsigned:
            return en ? "\(at): the line is not signed, unlike the others" : "\(at): baris tidak bertanda tangan, tidak seperti yang lain"
        }
    }

    /// The chain head as `verify` ends with it, for copying into a report.
    public static func head(_ h: ChainHead, _ language: Language) -> String {
        language == .en ? "Chain head: \(h.count) events, sha256 \(h.hash)"
                        : "Kepala rantai: \(h.count) peristiwa, sha256 \(h.hash)"
    }

    /// How long ago the last anchor was taken: whole minutes, hours or days.
    public static func age(since at: Timestamp, now: Timestamp, _ language: Language) -> String {
        let seconds = max(0, now.seconds - at.seconds)
        let en = language == .en
        if seconds < 3_600 { return en ? "\(seconds / 60) min ago" : "\(seconds / 60) menit lalu" }
        if seconds < 172_800 { return en ? "\(seconds / 3_600) h ago" : "\(seconds / 3_600) jam lalu" }
        return en ? "\(seconds / 86_400) days ago" : "\(seconds / 86_400) hari lalu"
    }

    /// The dashboard's line: the last anchor's age and head, or that there is none yet.
    public static func dashboard(last: AnchorLine?, now: Timestamp, _ language: Language) -> (label: String, value: String, stale: Bool) {
        let label = language == .en ? "Last anchor" : "Jangkar terakhir"
        guard let last else { return (label, language == .en ? "no anchor yet (aduan anchor)" : "belum ada jangkar (aduan anchor)", true) }
        let value = age(since: last.at, now: now, language) + " · " + (language == .en ? "\(last.head.count) events" : "\(last.head.count) peristiwa")
        return (label, value, now.seconds - last.at.seconds > 7 * 86_400)
    }
}
