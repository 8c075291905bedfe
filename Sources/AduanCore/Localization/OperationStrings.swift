/// What the store commands (init, verify, backup, auto-close, export) say, in both languages
/// (issue 11, item 11): moved here from inline `language == .en ? … : …` choices in AduanCLI.
public enum OperationMessage: Sendable {
    case initRefusedOfficeExists(store: String, file: String)
    case initRefusedTrainingExists(store: String)
    case initStoreExists(store: String, complaints: Int)
    case initCreated(store: String, training: Bool)
    case initOffice(version: Int, source: String?, sha256: String)
    case verifying, steps, events, complaints, backupLabel, exporting
    case verifyFigures(complaints: Int, events: Int, seconds: Double)
    case note
    case officeProblems(count: Int)
    case intact
    case problems(count: Int, affected: [Int64])
    case backedUp(store: String, dest: String)
    case autoClosed(Int)
    case exportOverStore(String)
    case exported(count: Int, to: String)
    case cannotWrite(String, reason: String)
    case writableByOthers(store: String)
    case officeMigration(store: String, configPath: String?, file: String, admin: Bool, agency: String)
}

extension StringTable {
    public func operation(_ m: OperationMessage) -> String {
        let en = language == .en
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .initRefusedOfficeExists(let store, let file):
            return en ? "\(store): a store already exists; init never overwrites one. Change its office with `aduan office apply \(file) --store \(store)`."
                      : "\(store): penyimpanan sudah ada; init tidak pernah menimpanya. Ubah data kantornya dengan `aduan office apply \(file) --store \(store)`."
        case .initRefusedTrainingExists(let store):
            return en ? "\(store): a store already exists; --training only marks a new store."
                      : "\(store): penyimpanan sudah ada; --training hanya menandai penyimpanan baru."
        case .initStoreExists(let store, let c):
            return en ? "\(store): store already exists (\(n(c)) complaints); left unchanged."
                      : "\(store): penyimpanan sudah ada (\(n(c)) laporan); tidak diubah."
        case .initCreated(let store, let training):
            switch (en, training) {
            case (true, true): return "Created an empty training store at \(store)."
            case (true, false): return "Created an empty store at \(store)."
            case (false, true): return "Penyimpanan pelatihan kosong dibuat di \(store)."
            case (false, false): return "Penyimpanan kosong dibuat di \(store)."
            }
        case .initOffice(let v, let source, let sha):
            return en ? "Office version \(v) from \(source ?? "the built-in config") (sha256 \(sha))."
                      : "Data kantor versi \(v) dari \(source ?? "konfigurasi bawaan") (sha256 \(sha))."
        case .verifying: return en ? "verifying" : "memeriksa"
        case .steps: return en ? "steps" : "langkah"
        case .events: return en ? "events" : "peristiwa"
        case .complaints: return en ? "complaints" : "laporan"
        case .backupLabel: return en ? "backup" : "cadangan"
        case .exporting: return en ? "exporting" : "mengekspor"
        case .verifyFigures(let c, let e, let seconds):
            let s = NumberFormat.decimal(seconds, fractionDigits: 1, language)
            return en ? "\(n(c)) complaints, \(n(e)) events checked in \(s) s" : "\(n(c)) laporan, \(n(e)) peristiwa diperiksa dalam \(s) dtk"
        case .note: return en ? "note: " : "catatan: "
        case .officeProblems(let c):
            return en ? "PROBLEMS: \(c) found in the office records. " : "MASALAH: \(c) ditemukan di catatan data kantor. "
        case .intact: return en ? "OK: the store is intact. " : "OK: penyimpanan utuh. "
        case .problems(let c, let affected):
            let list = affected.prefix(50).map { "#\($0)" }.joined(separator: ", ")
            let tail = affected.isEmpty ? "" : (en ? "; complaints affected: " : "; laporan terdampak: ") + list
            return (en ? "PROBLEMS: \(c) found" : "MASALAH: \(c) ditemukan") + tail + ". "
        case .backedUp(let store, let dest):
            return en ? "Backed up \(store) to \(dest)." : "\(store) dicadangkan ke \(dest)."
        case .autoClosed(let c):
            return en ? "\(n(c)) complaint(s) closed automatically." : "\(n(c)) laporan selesai otomatis."
        case .exportOverStore(let out):
            return en ? "--out \(out) is the store (or another database); export to a new file"
                      : "--out \(out) adalah penyimpanan (atau basis data lain); ekspor ke berkas baru"
        case .exported(let c, let to):
            return en ? "Exported \(n(c)) complaint(s) to \(to)." : "\(n(c)) laporan diekspor ke \(to)."
        case .cannotWrite(let what, let reason):
            return en ? "\(what): cannot write: \(reason)" : "\(what): tidak bisa ditulis: \(SystemReason.text(reason, .id))"
        case .writableByOthers(let store):
            return en ? "warning: \(store) can be written by other users of this machine; run `chmod 600 \(store)`"
                      : "peringatan: \(store) dapat ditulis pengguna lain di mesin ini; jalankan `chmod 600 \(store)`"
        case .officeMigration(let store, let configPath, let file, let admin, let agency):
            if en {
                return admin
                    ? "note: \(store) keeps no office record yet; its directory and rules come from \(configPath ?? "the built-in config"), which each operator could change. Move them into the store: `aduan office apply \(file) --store \(store) --yes`."
                    : "note: \(store) keeps no office record yet; its directory and rules come from each operator's config. Ask an admin of \(agency) to run `aduan office apply CONFIG --yes`."
            }
            return admin
                ? "catatan: \(store) belum menyimpan data kantor; direktori dan aturannya berasal dari \(configPath ?? "konfigurasi bawaan"), yang dapat diubah setiap operator. Pindahkan ke penyimpanan: `aduan office apply \(file) --store \(store) --yes`."
                : "catatan: \(store) belum menyimpan data kantor; direktori dan aturannya berasal dari konfigurasi tiap operator. Minta admin \(agency) menjalankan `aduan office apply KONFIGURASI --yes`."
        }
    }
}
