/// The sentences of the unit tree, unit operators and drafts (issue 15 items 1–2), in both
/// languages; the two string tables delegate here so their big switches grow by one line each.
enum HierarchyStrings {
    static func actionName(_ kind: ActionKind, _ l: Language) -> String? {
        let en = l == .en
        switch kind {
        case .passDown: return en ? "Pass down" : "Disposisi ke bawah"
        case .returnUp: return en ? "Return up" : "Kembalikan ke atas"
        case .draft: return en ? "Draft follow-up" : "Draf tindak lanjut"
        case .approve: return en ? "Approve draft" : "Setujui draf"
        case .returnDraft: return en ? "Return draft" : "Kembalikan draf"
        default: return nil
        }
    }

    static func roleName(_ l: Language) -> String { l == .en ? "unit operator" : "operator unit" }

    static func requirementName(_ r: Requirement, _ l: Language) -> String? {
        let en = l == .en
        switch r {
        case .unitBelow: return en ? "a unit below the current holder" : "unit di bawah pemegang sekarang"
        case .unitAbove: return en ? "a unit above the current holder" : "unit di atas pemegang sekarang"
        case .pendingDraft: return en ? "a draft awaiting approval" : "draf yang menunggu persetujuan"
        case .notTheDrafter: return en ? "an approver other than the drafter" : "penyetuju selain penyusun draf"
        case .noApprovalRequired: return en ? "an agency that does not require approval of follow-ups" : "instansi yang tidak mewajibkan persetujuan tindak lanjut"
        default: return nil
        }
    }

    static func holderName(_ h: Holder, _ names: Directory) -> String { names.holderName(h) }

    static func refusal(_ r: Refusal, names: Directory, _ l: Language) -> String? {
        let en = l == .en
        switch r {
        case .notBelowHolder(let unit, let holder):
            let u = names.unit(unit) == nil ? "\"\(SafeText.excerpt(unit, limit: 60))\"" : names.unitName(unit)
            return en ? "\(u) is not below \(names.holderName(holder)), which holds the report; a pass down goes to a unit below the holder."
                : "\(u) tidak berada di bawah \(names.holderName(holder)), pemegang laporan; disposisi ke bawah hanya ke unit di bawah pemegang."
        case .notAboveHolder(let unit, let holder):
            let u = names.unit(unit) == nil ? "\"\(SafeText.excerpt(unit, limit: 60))\"" : names.unitName(unit)
            return en ? "\(u) is not above \(names.holderName(holder)); a return goes up the unit tree."
                : "\(u) tidak berada di atas \(names.holderName(holder)); pengembalian hanya ke atas."
        case .nothingAbove(let holder):
            return en ? "\(names.agencyName(holder.agency)) itself holds the report: there is nothing above to return it to (forward it as Bukan Wewenang instead)."
                : "Laporan dipegang \(names.agencyName(holder.agency)) sendiri: tidak ada tingkat di atasnya (teruskan sebagai Bukan Wewenang)."
        case .noPendingDraft:
            return en ? "No draft is awaiting approval on this report." : "Tidak ada draf yang menunggu persetujuan pada laporan ini."
        case .approverIsDrafter:
            return en ? "You wrote this draft; another operator must approve it." : "Anda penyusun draf ini; operator lain yang harus menyetujuinya."
        case .approvalRequired(let agency):
            return en ? "\(names.agencyName(agency)) requires follow-ups to be approved: save it as a draft (aduan act ID draft)."
                : "\(names.agencyName(agency)) mewajibkan persetujuan tindak lanjut: simpan sebagai draf (aduan act ID draft)."
        default:
            return nil
        }
    }

    static func eventSummary(_ e: Event, names: Directory, _ l: Language) -> String? {
        let en = l == .en
        let d = e.details
        let reason = d.reason.map { ": " + $0 } ?? ""
        switch e.kind {
        case .passDown:
            let to = names.unitName(d.unit ?? "-")
            let timer = d.resetsTimer ? (en ? " (first follow-up timer restarted)" : " (batas tindak lanjut pertama diulang)") : ""
            return (en ? "Passed down to \(to)" : "Didisposisikan ke bawah ke \(to)") + timer + reason
        case .returnUp:
            let to = d.unit.map(names.unitName) ?? names.agencyName(e.actor.agency)
            return (en ? "Returned up to \(to)" : "Dikembalikan ke atas ke \(to)") + reason
        case .draft:
            return en ? (d.secret ? "Secret follow-up drafted" : "Follow-up drafted, awaiting approval")
                : (d.secret ? "Draf tindak lanjut rahasia" : "Draf tindak lanjut, menunggu persetujuan")
        case .approve:
            let by = d.draft.map { " (\(en ? "drafted by" : "disusun") \($0.drafterName))" } ?? ""
            return (en ? (d.secret ? "Secret follow-up approved" : "Follow-up approved") : (d.secret ? "Tindak lanjut rahasia disetujui" : "Tindak lanjut disetujui")) + by
        case .returnDraft:
            return en ? "Draft returned to \(d.draft?.drafterName ?? "-")" : "Draf dikembalikan ke \(d.draft?.drafterName ?? "-")"
        default:
            return nil
        }
    }
}

/// Words of the unit tree and drafts that other modules show (the screen's status line).
public enum HierarchyText {
    /// "3 menunggu persetujuan" / "3 awaiting approval": drafts an approver may act on.
    public static func awaitingApproval(_ n: Int, _ l: Language) -> String {
        NumberFormat.grouped(n, l) + (l == .en ? " awaiting approval" : " menunggu persetujuan")
    }

    /// Roles that approve drafts (the transition table's approvers).
    public static func approves(_ role: Role) -> Bool {
        Approval.approves(role)
    }
}
