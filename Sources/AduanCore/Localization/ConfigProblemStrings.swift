/// What is wrong in a config, office or holiday file (`ConfigReader`), in both languages.
/// Key names, option values, JSON type names (object, string, number) and the values found stay
/// as written: they are what the file must say.
public enum ConfigProblem: Hashable, Sendable {
    /// Given by its English words only (tests that pin the English text; the parsers never make one).
    case pinned(english: String)
    /// The file is not JSON: the parser's message (fixed English phrases) and its column.
    case notJSON(message: String, column: Int)
    /// A value of the wrong JSON type.
    case expected(JSONKind, found: String)
    case unknownKey(known: [String], suggestion: String?)
    case keyTwice
    case empty
    /// `found` is a JSON type name or the number written.
    case wholeNumber(from: Int, to: Int, found: String)
    case oneOf([String], found: String)
    case missing
    case officeMissing
    case agenciesMissing
    case roleMissing
    case notAListedAgency(String)
    case notAListedOperator(String, known: [String])
    case noWorkingDay
    case holidayFileUnreadable(path: String, reason: String)
    case expectedDate(String)
    case holidayRowShape
    case holidayKind(String)
    case agencyTwice(String)
    case unitTwice(String)
    case operatorTwice(String)
    case loginTwice(String)
    case allAgenciesOnlyForSupervisors
    case liaisonNeedsUnit
    case unitOperatorNeedsUnit
    case notAUnitOf(unit: String, agency: String)
    case unknownUnit(String)
    case notALogin(String)
    case themePair
    case colour(names: [String], found: String)
    case overrideNeedsSubject
    case overrideDaysMissing
    case overrideSetsNoTimer(known: [String])
    case percentTwice
    case stepDaysMissing
    case stepTargetMissing
    case stepTwice
    case ownParent
    case parentNotInAgency(parent: String, agency: String)
    case parentLoop(unit: String)
    case notAnObject
    case readsBackDifferently
    /// A personal config names a key of the office, which the store keeps.
    case belongsToOffice(store: String)
    case alreadyAnOfficeTemplate(String)
    case notAnOfficeOperator(String, known: [String])

    /// The JSON types a key may expect.
    public enum JSONKind: Hashable, Sendable { case object, string, bool, array }

    public func text(_ language: Language) -> String {
        language == .en ? english : indonesian
    }

    var english: String {
        switch self {
        case .pinned(let english): return english
        case .notJSON(let m, let c): return "not valid JSON: \(m) (column \(c))"
        case .expected(let kind, let found):
            let what = switch kind {
            case .object: "an object"
            case .string: "a string"
            case .bool: "true or false"
            case .array: "an array"
            }
            return "expected \(what), found \(found)"
        case .unknownKey(let known, let suggestion):
            return "unknown key (known: \(known.joined(separator: ", ")))" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .keyTwice: return "key appears twice"
        case .empty: return "must not be empty"
        case .wholeNumber(let lo, let hi, let found): return "expected a whole number from \(lo) to \(hi), found \(found)"
        case .oneOf(let options, let found): return "expected one of \(options.joined(separator: ", ")), found \(quoted(found))"
        case .missing: return "missing"
        case .officeMissing: return "missing: the office's name, agency id and time zone"
        case .agenciesMissing: return "missing: the agencies and units reports can go to"
        case .roleMissing: return "missing: admin, liaison, supervisor or unit-operator"
        case .notAListedAgency(let a): return "\(quoted(a)) is not one of the agencies listed under \"agencies\""
        case .notAListedOperator(let o, let known):
            return "\(quoted(o)) is not an operator id listed under \"operators\" (known: \(known.joined(separator: ", ")))"
        case .noWorkingDay: return "must name at least one working day"
        case .holidayFileUnreadable(let path, let reason): return "cannot read holiday file \(quoted(path)): \(reason)"
        case .expectedDate(let s): return "expected a date YYYY-MM-DD, found \(quoted(s))"
        case .holidayRowShape: return "expected [\"YYYY-MM-DD\", \"LN\"|\"CB\"|\"LD\", \"name\"]"
        case .holidayKind(let s): return "expected kind LN (libur nasional), CB (cuti bersama) or LD (libur daerah), found \(quoted(s))"
        case .agencyTwice(let id): return "agency \(quoted(id)) is listed twice"
        case .unitTwice(let id): return "unit \(quoted(id)) is listed twice (unit ids are unique across agencies)"
        case .operatorTwice(let id): return "operator \(quoted(id)) is listed twice"
        case .loginTwice(let login): return "login \(quoted(login)) is listed twice"
        case .allAgenciesOnlyForSupervisors: return "\"*\" (all agencies) is only for supervisors"
        case .liaisonNeedsUnit: return "a liaison needs the unit they answer for"
        case .unitOperatorNeedsUnit: return "a unit operator needs their unit"
        case .notAUnitOf(let unit, let agency): return "\(quoted(unit)) is not a unit of \(agency)"
        case .unknownUnit(let unit): return "\(quoted(unit)) is not a known unit"
        case .notALogin(let login):
            return "\(quoted(login)) is not an account name (letters, digits, \".\", \"_\", \"-\", \"@\"; at most 64 characters)"
        case .themePair: return "expected [foreground, background], e.g. [\"red\", \"default\"]"
        case .colour(let names, let found): return "expected a colour (\(names.joined(separator: ", "))), found \(quoted(found))"
        case .overrideNeedsSubject:
            return "needs a \"category\" (a subtree such as \"infrastruktur/jalan\") and/or a \"priority\" (low, normal, high)"
        case .overrideDaysMissing: return "missing: the number of days for this category or priority"
        case .overrideSetsNoTimer(let known): return "sets no timer (known: \(known.joined(separator: ", ")))"
        case .percentTwice: return "a percentage is listed twice"
        case .stepDaysMissing: return "missing: working days after the breach (0 = at once)"
        case .stepTargetMissing: return "missing: supervisor, agency-admin or external"
        case .stepTwice: return "the same step is listed twice"
        case .ownParent: return "a unit cannot be its own parent"
        case .parentNotInAgency(let p, let agency): return "\(quoted(p)) is not a unit of \(agency) (a parent must be a unit of the same agency)"
        case .parentLoop(let unit): return "the parents of \(quoted(unit)) form a loop"
        case .notAnObject: return "expected an object"
        case .readsBackDifferently: return "the office document does not read back the same (holiday files?)"
        case .belongsToOffice(let store):
            return "belongs to the office, which now lives in the store \(quoted(store)) (see `aduan office show`); remove it from this file (personal settings only: \(OfficeDocument.personalKeys.joined(separator: ", "))); an admin changes the office with `aduan office apply FILE`"
        case .alreadyAnOfficeTemplate(let id): return "\(quoted(id)) is already an office template; give the personal one another id"
        case .notAnOfficeOperator(let o, let known):
            return "\(quoted(o)) is not an operator of the office (known: \(known.joined(separator: ", ")))"
        }
    }

    var indonesian: String {
        switch self {
        case .pinned(let english): return english
        case .notJSON(let m, let c): return "bukan JSON yang sah: \(JSONSyntaxText.text(m, .id)) (kolom \(c))"
        case .expected(let kind, let found):
            let what = switch kind {
            case .object: "objek"
            case .string: "string"
            case .bool: "true atau false"
            case .array: "larik (array)"
            }
            return "seharusnya \(what), tertulis \(found)"
        case .unknownKey(let known, let suggestion):
            return "kunci tidak dikenal (yang dikenal: \(known.joined(separator: ", ")))" + (suggestion.map { "; maksud Anda \"\($0)\"?" } ?? "")
        case .keyTwice: return "kunci tertulis dua kali"
        case .empty: return "tidak boleh kosong"
        case .wholeNumber(let lo, let hi, let found): return "seharusnya bilangan bulat dari \(lo) sampai \(hi), tertulis \(found)"
        case .oneOf(let options, let found): return "seharusnya salah satu dari \(options.joined(separator: ", ")), tertulis \(quoted(found))"
        case .missing: return "tidak ada"
        case .officeMissing: return "tidak ada: nama kantor, id instansi, dan zona waktunya"
        case .agenciesMissing: return "tidak ada: daftar instansi dan unit tujuan laporan"
        case .roleMissing: return "tidak ada: admin, liaison, supervisor, atau unit-operator"
        case .notAListedAgency(let a): return "\(quoted(a)) tidak termasuk instansi yang terdaftar di \"agencies\""
        case .notAListedOperator(let o, let known):
            return "\(quoted(o)) bukan id operator yang terdaftar di \"operators\" (yang terdaftar: \(known.joined(separator: ", ")))"
        case .noWorkingDay: return "harus menyebut paling sedikit satu hari kerja"
        case .holidayFileUnreadable(let path, let reason):
            return "berkas hari libur \(quoted(path)) tidak bisa dibaca: \(SystemReason.text(reason, .id))"
        case .expectedDate(let s): return "seharusnya tanggal YYYY-MM-DD, tertulis \(quoted(s))"
        case .holidayRowShape: return "seharusnya [\"YYYY-MM-DD\", \"LN\"|\"CB\"|\"LD\", \"nama\"]"
        case .holidayKind(let s):
            return "seharusnya jenis LN (libur nasional), CB (cuti bersama), atau LD (libur daerah), tertulis \(quoted(s))"
        case .agencyTwice(let id): return "instansi \(quoted(id)) tercantum dua kali"
        case .unitTwice(let id): return "unit \(quoted(id)) tercantum dua kali (id unit harus unik di seluruh instansi)"
        case .operatorTwice(let id): return "operator \(quoted(id)) tercantum dua kali"
        case .loginTwice(let login): return "login \(quoted(login)) tercantum dua kali"
        case .allAgenciesOnlyForSupervisors: return "\"*\" (semua instansi) hanya untuk peran supervisor"
        case .liaisonNeedsUnit: return "liaison perlu unit yang menjadi tanggung jawabnya (\"unit\")"
        case .unitOperatorNeedsUnit: return "unit-operator perlu unitnya (\"unit\")"
        case .notAUnitOf(let unit, let agency): return "\(quoted(unit)) bukan unit dari \(agency)"
        case .unknownUnit(let unit): return "\(quoted(unit)) bukan unit yang dikenal"
        case .notALogin(let login):
            return "\(quoted(login)) bukan nama akun (huruf, angka, \".\", \"_\", \"-\", \"@\"; paling banyak 64 karakter)"
        case .themePair: return "seharusnya [warna huruf, warna latar], misalnya [\"red\", \"default\"]"
        case .colour(let names, let found): return "seharusnya nama warna (\(names.joined(separator: ", "))), tertulis \(quoted(found))"
        case .overrideNeedsSubject:
            return "perlu \"category\" (cabang kategori, misalnya \"infrastruktur/jalan\") dan/atau \"priority\" (low, normal, high)"
        case .overrideDaysMissing: return "tidak ada: jumlah hari untuk kategori atau prioritas ini"
        case .overrideSetsNoTimer(let known): return "tidak menetapkan tenggat apa pun (yang dikenal: \(known.joined(separator: ", ")))"
        case .percentTwice: return "ada persentase yang tercantum dua kali"
        case .stepDaysMissing: return "tidak ada: jumlah hari kerja setelah tenggat terlewati (0 = seketika)"
        case .stepTargetMissing: return "tidak ada: supervisor, agency-admin, atau external"
        case .stepTwice: return "langkah yang sama tercantum dua kali"
        case .ownParent: return "unit tidak boleh menjadi induknya sendiri"
        case .parentNotInAgency(let p, let agency):
            return "\(quoted(p)) bukan unit dari \(agency) (induk harus unit dari instansi yang sama)"
        case .parentLoop(let unit): return "induk-induk dari \(quoted(unit)) membentuk lingkaran"
        case .notAnObject: return "seharusnya objek"
        case .readsBackDifferently: return "dokumen kantor tidak terbaca kembali dengan isi yang sama (berkas hari libur?)"
        case .belongsToOffice(let store):
            return "milik kantor, yang kini disimpan di penyimpanan \(quoted(store)) (lihat `aduan office show`); hapus dari berkas ini (hanya pengaturan pribadi: \(OfficeDocument.personalKeys.joined(separator: ", "))); admin mengubah kantor dengan `aduan office apply BERKAS`"
        case .alreadyAnOfficeTemplate(let id): return "\(quoted(id)) sudah menjadi templat kantor; beri templat pribadi ini id lain"
        case .notAnOfficeOperator(let o, let known):
            return "\(quoted(o)) bukan operator kantor ini (yang terdaftar: \(known.joined(separator: ", ")))"
        }
    }
}
