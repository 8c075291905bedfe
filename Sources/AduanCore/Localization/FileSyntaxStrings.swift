/// What is wrong with the syntax of an imported file (CSV, JSON), in both languages.
public enum CSVProblem: Equatable, Sendable {
    case unclosedQuote
    case nulByte
    case fieldTooLong(kib: Int, field: Int)
    case invalidUTF8(near: Int)

    public func text(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .unclosedQuote:
            return en ? "a quoted field is never closed (missing \")" : "kolom berkutip tidak pernah ditutup (kurang \")"
        case .nulByte:
            return en ? "NUL byte in the data (is this a binary file?)" : "ada bita NUL di data (berkas biner?)"
        case .fieldTooLong(let kib, let field):
            return en ? "longer than \(kib) KiB (field \(field))" : "lebih dari \(kib) KiB (kolom ke-\(field))"
        case .invalidUTF8(let near):
            return en ? "invalid UTF-8 near character \(near) (save the file as UTF-8)"
                      : "UTF-8 tidak sah di dekat karakter ke-\(near) (simpan berkas sebagai UTF-8)"
        }
    }
}

/// A JSON syntax error (`JSONSyntaxError.message`, written in English by the parser from fixed
/// phrases and a description of what was found) in the session's language, and its position.
public enum JSONSyntaxText {
    /// "column 3: …" / "kolom 3: …" with the message in `language`.
    public static func at(column: Int, _ message: String, _ language: Language) -> String {
        (language == .en ? "column \(column): " : "kolom \(column): ") + text(message, language)
    }

    /// The parser's English message in `language`: each fixed phrase is replaced, longest first,
    /// so what was found ('{', U+000C) stays as it is.
    public static func text(_ message: String, _ language: Language) -> String {
        guard language == .id else { return message }
        var out = message
        for (en, id) in phrases where out.contains(en) { out = out.replacing(en, with: id) }
        return out
    }

    /// English phrase → Indonesian, longest first (a phrase is never a part of a later one's result).
    static let phrases: [(String, String)] = [
        ("expected '[' because the top level must be an array", "seharusnya '[' karena tingkat teratas harus berupa larik (array)"),
        ("unexpected text after the end of the JSON value", "ada teks setelah akhir nilai JSON"),
        ("leading zeros are not allowed in numbers", "angka tidak boleh diawali nol"),
        ("expected ',' or ']' after an array element", "seharusnya ',' atau ']' setelah unsur larik"),
        ("expected ',' or '}' after an object member", "seharusnya ',' atau '}' setelah anggota objek"),
        ("expected a digit after the decimal point", "seharusnya angka setelah titik desimal"),
        ("expected four hex digits after '\\u'", "seharusnya empat digit heksadesimal setelah '\\u'"),
        ("expected a string key or '}'", "seharusnya kunci berupa string atau '}'"),
        ("expected a string key after ','", "seharusnya kunci berupa string setelah ','"),
        ("expected ':' after an object key", "seharusnya ':' setelah kunci objek"),
        ("expected a digit in the exponent", "seharusnya angka pada eksponen"),
        ("expected a digit after '-'", "seharusnya angka setelah '-'"),
        ("expected a value after ','", "seharusnya nilai setelah ','"),
        ("expected a value", "seharusnya ada nilai"),
        ("unexpected end of input", "berkas berakhir sebelum waktunya"),
        ("end of input", "akhir berkas"),
        ("nesting deeper than", "bersarang lebih dalam dari"),
        (" levels", " tingkat"),
        ("invalid UTF-8 byte", "bita UTF-8 tidak sah"),
        ("unpaired surrogate", "surrogate tanpa pasangan"),
        ("invalid escape: '\\' followed by", "escape tidak sah: '\\' diikuti"),
        ("invalid escape", "escape tidak sah"),
        ("control character", "karakter kendali"),
        ("in a string; write it as", "dalam string; tulis sebagai"),
        ("in a string", "dalam string"),
        (", found ", ", tertulis "),
        ("byte 0x", "bita 0x"),
    ]
}

/// What is wrong with one field of an imported JSON record (`FieldReader`), in both languages;
/// JSON type names (object, string, number) and the values found stay as written.
public enum FieldProblem: Sendable {
    case expectedObject(found: String), expectedString(found: String), expectedBool(found: String)
    case expectedWholeNumber(found: String), expectedDateTime(found: String), expectedArray(found: String)
    case expectedUnitIDs(found: String)
    case missing, atLeastOne
    case tooLong(bytes: Int, max: Int)
    case unknownValue(String, options: [String])
    case expectedDate(String), digitsOnly(String)
    case notAnEscalationStep(String), expectedTemplateOrEarlierAnswers
    case unknownKey(suggestion: String?)
    case firstEventIsIntake, receivedAtMissing, descriptionMissing

    public func text(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .expectedObject(let f): return en ? "expected an object, found \(f)" : "seharusnya objek, tertulis \(f)"
        case .expectedString(let f): return en ? "expected a string, found \(f)" : "seharusnya string, tertulis \(f)"
        case .expectedBool(let f): return en ? "expected true or false, found \(f)" : "seharusnya true atau false, tertulis \(f)"
        case .expectedWholeNumber(let f): return en ? "expected a whole number, found \(f)" : "seharusnya bilangan bulat, tertulis \(f)"
        case .expectedDateTime(let f):
            return en ? "expected an ISO 8601 date-time with a time zone, found \(f)" : "seharusnya tanggal-waktu ISO 8601 dengan zona waktu, tertulis \(f)"
        case .expectedArray(let f): return en ? "expected an array, found \(f)" : "seharusnya larik (array), tertulis \(f)"
        case .expectedUnitIDs(let f): return en ? "expected an array of unit ids, found \(f)" : "seharusnya larik id unit, tertulis \(f)"
        case .missing: return en ? "missing" : "tidak ada"
        case .atLeastOne: return en ? "must be 1 or more" : "harus 1 atau lebih"
        case .tooLong(let b, let m): return en ? "too long: \(b) bytes, at most \(m)" : "terlalu panjang: \(b) bita, paling banyak \(m)"
        case .unknownValue(let v, let options):
            return en ? "unknown value \"\(v)\"; expected one of \(options.joined(separator: ", "))"
                      : "nilai \"\(v)\" tidak dikenal; seharusnya salah satu dari \(options.joined(separator: ", "))"
        case .expectedDate(let v): return en ? "expected a date YYYY-MM-DD, found \"\(v)\"" : "seharusnya tanggal YYYY-MM-DD, tertulis \"\(v)\""
        case .digitsOnly(let v): return en ? "must be digits only, found \"\(v)\"" : "harus angka saja, tertulis \"\(v)\""
        case .notAnEscalationStep(let k): return en ? "not a warning or escalation step: \(k)" : "bukan langkah peringatan atau eskalasi: \(k)"
        case .expectedTemplateOrEarlierAnswers:
            return en ? "expected \"template\" or \"earlierAnswers\"" : "seharusnya \"template\" atau \"earlierAnswers\""
        case .unknownKey(let s):
            return en ? "unknown key" + (s.map { "; did you mean \"\($0)\"?" } ?? "") : "kunci tidak dikenal" + (s.map { "; maksud Anda \"\($0)\"?" } ?? "")
        case .firstEventIsIntake:
            return en ? "the first event must be the intake (receive or import)" : "peristiwa pertama harus penerimaan (receive atau import)"
        case .receivedAtMissing: return en ? "missing (when the complaint arrived)" : "tidak ada (kapan laporan diterima)"
        case .descriptionMissing:
            return en ? "missing: a service request needs a description" : "tidak ada: permintaan layanan perlu deskripsi"
        }
    }
}
