/// The operating system's reasons (`strerror`, always English in the C locale) in the session's
/// language: "No such file or directory" reads "berkas atau folder tidak ada" in Indonesian. A
/// reason not in the table is shown as the system gave it.
public enum SystemReason {
    /// `reason` as `strerror` wrote it, said in `language`.
    public static func text(_ reason: String, _ language: Language) -> String {
        guard language == .id else { return reason }
        // Files.read's size limit: "larger than 4096 MiB".
        if reason.hasPrefix("larger than "), reason.hasSuffix(" MiB") {
            return "lebih besar dari " + reason.dropFirst("larger than ".count)
        }
        return indonesian[reason] ?? reason
    }

    static let indonesian: [String: String] = [
        "No such file or directory": "berkas atau folder tidak ada",
        "Permission denied": "izin ditolak",
        "Is a directory": "itu sebuah folder",
        "Not a directory": "bagian jalurnya bukan folder",
        "No space left on device": "ruang disk habis",
        "Read-only file system": "sistem berkas hanya-baca",
        "File exists": "berkas sudah ada",
        "Too many levels of symbolic links": "terlalu banyak tingkat tautan simbolik",
        "Too many open files": "terlalu banyak berkas terbuka",
        "File name too long": "nama berkas terlalu panjang",
        "Input/output error": "galat masukan/keluaran",
        "Operation not permitted": "operasi tidak diizinkan",
        "File too large": "berkas terlalu besar",
        "Disk quota exceeded": "kuota disk terlampaui",
        "Text file busy": "berkas sedang dipakai",
        "Device or resource busy": "perangkat atau sumber daya sedang sibuk",
        "No such device or address": "perangkat atau alamat tidak ada",
        "Invalid argument": "argumen tidak sah",
        // Files.read's own reason (not strerror's).
        "it is a folder": "itu sebuah folder",
    ]
}
