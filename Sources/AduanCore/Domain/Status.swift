/// LAPOR!'s six mutually exclusive statuses, named exactly as LAPOR! names them.
///
/// "Diteruskan" (forwarded) is deliberately absent: a forward changes the holder, never the status.
public enum Status: String, CaseIterable, Sendable, Hashable, Comparable {
    case belumTerverifikasi = "belum_terverifikasi"
    case belumDitindaklanjuti = "belum_ditindaklanjuti"
    case proses
    case selesai
    case tunda
    case arsip

    /// The name LAPOR! shows, in every language (it is the system's own vocabulary).
    public var laporName: String {
        switch self {
        case .belumTerverifikasi: "Belum Terverifikasi"
        case .belumDitindaklanjuti: "Belum Ditindaklanjuti"
        case .proses: "Proses"
        case .selesai: "Selesai"
        case .tunda: "Tunda"
        case .arsip: "Arsip"
        }
    }

    /// A short label for narrow columns.
    public var shortName: String {
        switch self {
        case .belumTerverifikasi: "Blm Verif"
        case .belumDitindaklanjuti: "Blm TL"
        case .proses: "Proses"
        case .selesai: "Selesai"
        case .tunda: "Tunda"
        case .arsip: "Arsip"
        }
    }

    /// Selesai and Arsip end the work; nothing is due on them.
    public var isFinished: Bool { self == .selesai || self == .arsip }

    /// Order in which LAPOR! lists its tabs.
    public var order: Int {
        switch self {
        case .belumTerverifikasi: 0
        case .belumDitindaklanjuti: 1
        case .proses: 2
        case .selesai: 3
        case .tunda: 4
        case .arsip: 5
        }
    }

    public static func < (a: Status, b: Status) -> Bool { a.order < b.order }

    /// Accepts the export key (`belum_terverifikasi`), LAPOR!'s name in any case with spaces,
    /// hyphens or underscores, and the short codes `bt`/`bd`.
    public static func parse(_ text: String) -> Status? {
        switch text.vocabularyKey() {
        case "bt", "belum_terverifikasi", "belum_verifikasi", "unverified": return .belumTerverifikasi
        case "bd", "btl", "belum_ditindaklanjuti", "belum_tindak_lanjut", "not_followed_up": return .belumDitindaklanjuti
        case "proses", "process", "in_progress": return .proses
        case "selesai", "done", "finished", "closed": return .selesai
        case "tunda", "postponed": return .tunda
        case "arsip", "archived", "archive": return .arsip
        default: return nil
        }
    }
}

extension String {
    /// The key a vocabulary word is matched by: lower case, separators as one "_". Stored text is
    /// already in that form, so the common case returns `self` without allocating (verify and
    /// replay parse millions of these).
    public func vocabularyKey() -> String {
        var plain = true
        var last: UInt8 = UInt8(ascii: "_")
        for b in utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b == 0x5F && last != 0x5F)
            if !ok { plain = false; break }
            last = b
        }
        if plain && last != 0x5F { return self }
        return lowercased().replacingSeparators()
    }

    /// `Belum Terverifikasi` / `belum-terverifikasi` → `belum_terverifikasi`.
    public func replacingSeparators() -> String {
        var out = ""
        out.reserveCapacity(count)
        var lastWasSeparator = false
        for ch in self {
            if ch == " " || ch == "-" || ch == "_" {
                if !lastWasSeparator && !out.isEmpty { out.append("_") }
                lastWasSeparator = true
            } else {
                out.append(ch)
                lastWasSeparator = false
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}
