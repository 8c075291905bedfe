/// The short action names of the screen's key bar ("verifikasi", "teruskan"), in both languages.
/// Two exhaustive switches: an action without a short name does not compile.
extension StringTable {
    /// An action's name as the key bar shows it; the machine-only actions keep their key word.
    public func shortActionName(_ a: ActionKind) -> String {
        switch language {
        case .id: Self.indonesianShortName(a)
        case .en: Self.englishShortName(a)
        }
    }

    static func indonesianShortName(_ a: ActionKind) -> String {
        switch a {
        case .verify: "verifikasi"
        case .classify: "klasifikasi"
        case .redispose: "disposisi"
        case .forward: "teruskan"
        case .cc: "tembusan"
        case .postpone: "tunda"
        case .resume: "lanjutkan"
        case .archive: "arsip"
        case .followUp: "tindak lanjut"
        case .note: "catatan"
        case .reply: "balasan"
        case .rate: "nilai"
        case .close: "tutup"
        case .reopen: "buka"
        case .linkDuplicate: "duplikat"
        case .passDown: "turunkan"
        case .returnUp: "kembalikan"
        case .draft: "draf"
        case .approve: "setujui"
        case .returnDraft: "kembalikan draf"
        case .message: "pesan"
        case .receive, .import, .autoClose, .escalate: a.rawValue
        }
    }

    static func englishShortName(_ a: ActionKind) -> String {
        switch a {
        case .verify: "verify"
        case .classify: "classify"
        case .redispose: "re-dispose"
        case .forward: "forward"
        case .cc: "copy"
        case .postpone: "postpone"
        case .resume: "resume"
        case .archive: "archive"
        case .followUp: "follow-up"
        case .note: "note"
        case .reply: "reply"
        case .rate: "rating"
        case .close: "close"
        case .reopen: "reopen"
        case .linkDuplicate: "duplicate"
        case .passDown: "pass down"
        case .returnUp: "return"
        case .draft: "draft"
        case .approve: "approve"
        case .returnDraft: "return draft"
        case .message: "message"
        case .receive, .import, .autoClose, .escalate: a.rawValue
        }
    }
}
