import AduanCore
import Glibc

/// Training stores: `aduan demo`, `aduan --demo` and `aduan init --training` make stores marked by
/// a `training` row in `meta`, written once when the store is created (never added later, so an
/// office store cannot be turned into one by a flag). On a training store `--as` may name anyone
/// and `ADUAN_NOW` freezes the clock; everything it shows says TRAINING / PELATIHAN.
extension ComplaintStore {
    func readTrainingMark() throws -> Bool {
        let hasMeta = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") ?? 0
        guard hasMeta > 0 else { return false }
        return try db.scalarText("SELECT value FROM meta WHERE key='training'") == "1"
    }

    /// Whether the store at `path` is marked as a training store, read without changing anything:
    /// nil when there is no store there or it cannot be read (the caller then treats it as an
    /// office store, the stricter rule, and the real open reports what is wrong).
    public static func trainingMark(at path: String) -> Bool? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        guard let db = try? Database(path: path, options: Database.OpenOptions(readOnly: true)) else { return nil }
        db.setBusyTimeout(milliseconds: 5000)
        do {
            let hasMeta = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") ?? 0
            guard hasMeta > 0 else { return nil }
            return try db.scalarText("SELECT value FROM meta WHERE key='training'") == "1"
        } catch {
            return nil
        }
    }
}
