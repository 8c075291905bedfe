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

/// What `aduan anchor` and the end of `aduan verify` say, in both languages (issue 11, item 11).
public enum AnchorMessage: Sendable {
    case chainBroken
    case storeNoLongerMatches(file: String)
    case cannotSign
    case newKey(path: String)
    case keepPublicKey
    case anchored(events: Int, hash: String, at: String, file: String, key: String)
    case noKey(path: String)
    case signedBy(String)
    case anchorsOK(count: Int, file: String, signedBy: String)
    case anchorsBroken(count: Int, file: String)
}

extension AnchorText {
    public static func message(_ m: AnchorMessage, _ language: Language) -> String {
        let en = language == .en
        switch m {
        case .chainBroken:
            return en ? "the event chain is broken; not anchored (run `aduan verify`): " : "rantai peristiwa rusak; tidak dijangkarkan (jalankan `aduan verify`): "
        case .storeNoLongerMatches(let path):
            return en ? "the store no longer matches its anchors; not anchored (see `aduan verify --anchors \(path)`)"
                      : "penyimpanan tidak lagi cocok dengan jangkarnya; tidak dijangkarkan (lihat `aduan verify --anchors \(path)`)"
        case .cannotSign:
            return en ? "libcrypto could not sign the anchor line" : "libcrypto tidak dapat menandatangani baris jangkar"
        case .newKey(let p):
            return en ? "New anchor key \(p) (mode 0600); public key \(p).pub:" : "Kunci jangkar baru \(p) (mode 0600); kunci publik \(p).pub:"
        case .keepPublicKey:
            return en ? "  Keep the public key on record (e.g. in the supervisor's report); `verify --anchors` checks signatures with it."
                      : "  Simpan kunci publik ini di catatan (mis. laporan pengawas); `verify --anchors` memeriksa tanda tangan dengannya."
        case .anchored(let n, let hash, let at, let file, let key):
            let count = NumberFormat.grouped(n, language)
            return en ? "Anchored \(count) events, sha256 \(hash), at \(at) in \(file) (signed, key \(key))."
                      : "Dijangkarkan \(count) peristiwa, sha256 \(hash), pada \(at) di \(file) (ditandatangani, kunci \(key))."
        case .noKey(let p):
            return en ? "note: no anchor key at \(p) (or --key): signatures not checked"
                      : "catatan: tidak ada kunci jangkar di \(p) (atau --key): tanda tangan tidak diperiksa"
        case .signedBy(let fp):
            return en ? ", signatures by key \(fp)" : ", tanda tangan kunci \(fp)"
        case .anchorsOK(let n, let file, let signedBy):
            return en ? "Anchors OK: the chain extends all \(n) anchor(s) in \(file)\(signedBy)."
                      : "Jangkar OK: rantai melanjutkan semua \(n) jangkar di \(file)\(signedBy)."
        case .anchorsBroken(let n, let file):
            return en ? "ANCHORS BROKEN: \(n) problem(s) against \(file)." : "JANGKAR RUSAK: \(n) masalah terhadap \(file)."
        }
    }
}

extension AnchorText {
    public static func problem(_ p: AnchorFileProblem, _ language: Language) -> String {
        let en = language == .en
        switch p {
        case .missing(let path):
            return en ? "\(path): no such anchor file" : "\(path): berkas jangkar tidak ada"
        case .cannotUse(let path, let reason):
            return en ? "\(path): cannot use the file: \(reason)" : "\(path): berkas tidak dapat dipakai: \(SystemReason.text(reason, .id))"
        case .notRegular(let path):
            return en ? "\(path): not a regular file (a symlink or folder?); refused" : "\(path): bukan berkas biasa (tautan simbolik atau folder?); ditolak"
        case .tooOpen(let path):
            return en ? "\(path): other users may read or write it; run `chmod 600 \(path)` first"
                      : "\(path): pengguna lain dapat membaca atau menulisnya; jalankan `chmod 600 \(path)` dulu"
        case .malformedKey(let path):
            return en ? "\(path): not an Aduan anchor key file" : "\(path): bukan berkas kunci jangkar Aduan"
        case .tooLarge(let path):
            return en ? "\(path): too large for an anchor file" : "\(path): terlalu besar untuk berkas jangkar"
        }
    }
}
