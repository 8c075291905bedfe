/// What is wrong with a store file, its folder or a write, in terms an operator can act on, in both
/// languages: the words of the store's errors (AduanStore's `StoreError.message`), kept here so
/// no sentence is chosen inline by language outside the string tables.
public enum StoreProblem: Sendable {
    /// `--store` names a path under a file, not a folder.
    case parentIsAFile(path: String, parent: String)
    case missing(path: String)
    case notADatabase(path: String)
    case foreignDatabase(path: String)
    case destinationExists(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    /// The store's file or folder lies on a read-only file system.
    case readOnlyDisk(path: String, store: String)
    /// This user may not write `path`; `mode` is its permission bits when known.
    case notWritable(path: String, store: String, mode: String?)
    case diskFull(path: String)
    case locked(path: String)
    case corrupt(path: String, detail: String)
    /// Another operator changed the report meanwhile; the change is not told (the operator may not see it).
    case changedUnseen(id: Int64, expected: Int, current: Int)
    /// Another operator changed the report meanwhile: who, what (the action's name) and when.
    case changed(id: Int64, byName: String, byID: String, change: String, when: String, expected: Int, current: Int)
}

extension StringTable {
    /// One line about a store's trouble, in this table's language.
    public func storeProblem(_ p: StoreProblem) -> String {
        let en = language == .en
        switch p {
        case .parentIsAFile(let p, let dir):
            return en ? "\(p): \(dir) is a file, not a folder; choose another --store path."
                      : "\(p): \(dir) adalah berkas, bukan folder; pilih jalur --store lain."
        case .missing(let p):
            return en ? "\(p): no store here yet; create one with `aduan init` (or `aduan demo`)."
                      : "\(p): belum ada penyimpanan; buat dengan `aduan init` (atau `aduan demo`)."
        case .notADatabase(let p):
            return en ? "\(p): not an Aduan store (the file is not an SQLite database)."
                      : "\(p): bukan penyimpanan Aduan (berkas bukan basis data SQLite)."
        case .foreignDatabase(let p):
            return en ? "\(p): an SQLite database of another program, not an Aduan store; it was left untouched."
                      : "\(p): basis data SQLite milik program lain, bukan penyimpanan Aduan; berkas tidak diubah."
        case .destinationExists(let p):
            return en ? "\(p): the file exists already; back up to a new name (nothing was overwritten)."
                      : "\(p): berkas sudah ada; cadangkan ke nama baru (tidak ada yang ditimpa)."
        case .newerSchema(let p, let found, let supported):
            return en ? "\(p): written by a newer Aduan (schema \(found); this one understands up to \(supported)). Nothing was changed; update Aduan."
                      : "\(p): dibuat oleh Aduan yang lebih baru (skema \(found); versi ini hanya sampai \(supported)). Tidak ada yang diubah; perbarui Aduan."
        case .cannotOpen(let p, let reason):
            return en ? "\(p): cannot open the store: \(reason)." : "\(p): penyimpanan tidak bisa dibuka: \(SystemReason.text(reason, .id))."
        case .readOnly(let p):
            return en ? "\(p): the store is read-only for this user; nothing was written."
                      : "\(p): penyimpanan hanya-baca untuk pengguna ini; tidak ada yang ditulis."
        case .readOnlyDisk(let p, let store):
            return en ? "\(p): on a read-only disk; \(store) can be read (list, show, verify, export) but not changed. Nothing was written."
                      : "\(p): ada di disk hanya-baca; \(store) dapat dibaca (list, show, verify, export) tetapi tidak dapat diubah. Tidak ada yang ditulis."
        case .notWritable(let p, let store, let m):
            let mode = m.map { " (mode \($0))" } ?? ""
            return en ? "\(p) is not writable for this user\(mode), so \(store) cannot be changed; nothing was written. Give the owner write permission (e.g. `chmod u+w \(p)`); reading works meanwhile."
                      : "\(p) tidak dapat ditulis pengguna ini\(mode), jadi \(store) tidak dapat diubah; tidak ada yang ditulis. Beri pemilik izin tulis (mis. `chmod u+w \(p)`); membaca tetap bisa."
        case .diskFull(let p):
            return en ? "\(p): the disk is full; the action was not saved and the store is unchanged."
                      : "\(p): disk penuh; aksi tidak tersimpan dan penyimpanan tidak berubah."
        case .locked(let p):
            return en ? "\(p): the store is busy (another operator is writing); try again in a moment. Nothing was written."
                      : "\(p): penyimpanan sedang sibuk (operator lain sedang menulis); coba lagi sebentar. Tidak ada yang ditulis."
        case .corrupt(let p, let detail):
            return en ? "\(p): the store is damaged (\(detail)); run `aduan verify` and restore from a backup."
                      : "\(p): penyimpanan rusak (\(detail)); jalankan `aduan verify` dan pulihkan dari cadangan."
        case .changedUnseen(let id, let expected, let current):
            return en ? "Report #\(id) was changed after you opened it (version \(expected) → \(current)). Nothing was written; look again and retry."
                      : "Laporan #\(id) telah berubah setelah Anda membukanya (versi \(expected) → \(current)). Tidak ada yang ditulis; periksa lagi lalu ulangi."
        case .changed(let id, let name, let login, let change, let when, let expected, let current):
            return en ? "Report #\(id) was changed by \(name) (\(login)): \(change) at \(when), after you opened it (version \(expected) → \(current)). Nothing was written; look again and retry."
                      : "Laporan #\(id) telah diubah oleh \(name) (\(login)): \(change) pada \(when), setelah Anda membukanya (versi \(expected) → \(current)). Tidak ada yang ditulis; periksa lagi lalu ulangi."
        }
    }
}
