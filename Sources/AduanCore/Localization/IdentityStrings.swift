/// Sentences about who may act on a store, training stores and the frozen clock.
public enum TrustMessage: Hashable, Sendable {
    case identity(Identity.Refusal)
    /// `ADUAN_NOW` on a store that is not a training store.
    case frozenClockOnOfficeStore(store: String)
    /// Said on stderr by every command on a training store.
    case trainingNotice
    /// `aduan demo` into an existing office store.
    case demoIntoOfficeStore(store: String)
    /// `--training`/`--demo` on an existing office store.
    case officeStoreCannotBecomeTraining(store: String)
}

func loginList(_ ids: [String]) -> String { ids.map { "\"\(SafeText.excerpt($0, limit: 40))\"" }.joined(separator: ", ") }
func quotedLogin(_ s: String) -> String { "\"" + SafeText.excerpt(s, limit: 64) + "\"" }

extension IndonesianStrings {
    public func trust(_ m: TrustMessage) -> String {
        switch m {
        case .identity(.unbound(let login)):
            return "akun \(quotedLogin(login)) tidak terikat ke operator mana pun di direktori kantor penyimpanan ini. "
                + "Admin kantor dapat menambahkannya: tulis \(quotedLogin(login)) pada \"logins\" operator di berkas kantor, lalu catat dengan `aduan office apply BERKAS`."
        case .identity(.notYours(let requested, let login, let own)):
            return "--as \(quotedLogin(requested)): operator itu milik akun lain; akun \(quotedLogin(login)) hanya boleh bertindak sebagai \(loginList(own)). "
                + "Hanya penyimpanan pelatihan yang membolehkan --as siapa saja."
        case .identity(.ambiguous(let login, let own)):
            return "akun \(quotedLogin(login)) terikat ke beberapa operator (\(loginList(own))); pilih satu dengan --as"
        case .identity(.unknownOperator(let requested, let known)):
            let hint = FilterParser.closest(requested, in: known).map { "; maksud Anda \($0)?" } ?? ""
            return "--as \(quotedLogin(requested)): tidak ada operator itu di direktori kantor (yang ada: \(known.joined(separator: ", ")))\(hint)"
        case .identity(.noOperators):
            return "direktori kantor tidak memuat operator; tambahkan di \"operators\""
        case .frozenClockOnOfficeStore(let store):
            return "ADUAN_NOW diisi, tetapi \(store) adalah penyimpanan kantor: jam hanya boleh dibekukan pada penyimpanan pelatihan "
                + "(aduan --demo, aduan init --training). Hapus ADUAN_NOW (unset ADUAN_NOW)."
        case .trainingNotice:
            return "PELATIHAN: penyimpanan latihan, bukan catatan resmi kantor; siapa pun boleh bertindak sebagai siapa pun (--as)."
        case .demoIntoOfficeStore(let store):
            return "\(store) adalah penyimpanan kantor: laporan demo hanya masuk ke penyimpanan pelatihan (penyimpanan baru, atau yang dibuat dengan aduan init --training)"
        case .officeStoreCannotBecomeTraining(let store):
            return "\(store) sudah ada sebagai penyimpanan kantor; penyimpanan kantor tidak bisa dijadikan penyimpanan pelatihan (buat penyimpanan baru untuk pelatihan)"
        }
    }
}

extension EnglishStrings {
    public func trust(_ m: TrustMessage) -> String {
        switch m {
        case .identity(.unbound(let login)):
            return "the account \(quotedLogin(login)) is not bound to any operator in this store's office directory. "
                + "An office admin can add it: put \(quotedLogin(login)) in an operator's \"logins\" in the office file and record it with `aduan office apply FILE`."
        case .identity(.notYours(let requested, let login, let own)):
            return "--as \(quotedLogin(requested)): that operator belongs to other accounts; the account \(quotedLogin(login)) may act only as \(loginList(own)). "
                + "Only training stores let --as name anyone."
        case .identity(.ambiguous(let login, let own)):
            return "the account \(quotedLogin(login)) is bound to several operators (\(loginList(own))); choose one with --as"
        case .identity(.unknownOperator(let requested, let known)):
            let hint = FilterParser.closest(requested, in: known).map { "; did you mean \($0)?" } ?? ""
            return "--as \(quotedLogin(requested)): no such operator in the office directory (known: \(known.joined(separator: ", ")))\(hint)"
        case .identity(.noOperators):
            return "the office directory lists no operators; add them under \"operators\""
        case .frozenClockOnOfficeStore(let store):
            return "ADUAN_NOW is set, but \(store) is an office store: the clock can be frozen only on a training store "
                + "(aduan --demo, aduan init --training). Unset ADUAN_NOW."
        case .trainingNotice:
            return "TRAINING: a practice store, not an office record; anyone may act as anyone (--as)."
        case .demoIntoOfficeStore(let store):
            return "\(store) is an office store: demo complaints go only into training stores (a new store, or one made with aduan init --training)"
        case .officeStoreCannotBecomeTraining(let store):
            return "\(store) already exists as an office store; an office store cannot become a training store (make a new store for training)"
        }
    }
}
