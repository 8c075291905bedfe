/// What the PostgreSQL store (issue 14) says to people, in both languages: refusals of the store
/// and of its location, the writer (`aduan serve`), and what a command cannot do there yet.
public enum PostgresMessage: Sendable, Equatable {
    /// The store's schema was made by a newer build.
    case newerSchema(found: Int, known: Int)
    /// A schema named `aduan` that Aduan did not make.
    case foreignSchema(reason: String)
    /// The database holds no store and the command does not create one.
    case noStore(location: String)
    /// A location with a password in it (`user:secret@`, `password=`).
    case passwordInLocation(location: String)
    /// A `key=value` connection string with a word that is not `key=value`.
    case malformedLocation(word: String)
    /// The server refused or lost the connection, or a statement failed (already scrubbed of values).
    case database(detail: String)
    /// No `aduan serve` holds the store's writer lock: nothing was queued.
    case noWriter(location: String)
    /// The action was queued but no writer settled it in time.
    case writerSlow(command: Int64, seconds: Int)
    /// The writer refused the action for a reason this program cannot name.
    case writerRefused(detail: String)
    /// The writer found the login that queued the action not bound to the operator it named.
    case writerNotOperatorOfLogin(login: String, operatorID: String)
    /// The writer could not read the queued action (written by another program).
    case writerUnreadableCommand
    /// `aduan backup` on PostgreSQL: the command to run instead.
    case backupWithPgDump(command: String)
    /// A command not available on a PostgreSQL store yet.
    case notOnPostgres(command: String)
    /// A view of the screen not available on a PostgreSQL store yet (its name, the Inbox's name).
    case viewNotOnPostgres(view: String, inbox: String)
    /// `aduan serve` started / lost its connection / reconnected.
    case serving(location: String)
    case writerLostConnection(detail: String, retryIn: Int)
    case writerReconnected
    /// `aduan init` on PostgreSQL.
    case created(location: String)
    case storeExists(location: String)
    /// `aduan verify` on PostgreSQL: whole / problems found.
    case verifiedWhole(complaints: Int, events: Int64)
    case verifyProblems(count: Int)
    /// `aduan serve` on a SQLite store.
    case serveNeedsPostgres
    /// A command that reads the whole event log or writes for the store (anchor, auto-close), run
    /// by a login that is not the store's owner.
    case ownerOnly(command: String, role: String)
    /// `aduan import` on PostgreSQL by a role that is not the store's owner.
    case importNeedsOwner(role: String)
    /// The connected role may not use the store (no role script run for it).
    case noAccess(role: String)
    /// What `aduan verify` finds on PostgreSQL.
    case chainBreaks(at: Int64)
    case projectionMissing(id: Int64)
    case projectionDiffers(id: Int64)
    case textsDiffer(id: Int64)
    case countersDiffer(count: Int)
    case copiesDiffer(count: Int)
    case securityOff(table: String)
    case policyMissing(login: String, table: String)
}

public enum PostgresText {
    public static func message(_ m: PostgresMessage, _ language: Language) -> String {
        let en = language == .en
        switch m {
        case .newerSchema(let found, let known):
            return en ? "the store's schema is version \(found), newer than this program's \(known): update aduan; nothing was changed"
                      : "skema penyimpanan versi \(found), lebih baru dari versi program ini (\(known)): perbarui aduan; tidak ada yang diubah"
        case .foreignSchema(let reason):
            return en ? "the schema 'aduan' in this database is not an Aduan store (\(reason)); nothing was changed"
                      : "skema 'aduan' di basis data ini bukan penyimpanan Aduan (\(reason)); tidak ada yang diubah"
        case .noStore(let location):
            return en ? "\(location): no Aduan store in this database; the store's owner creates one with `aduan init --store … --office FILE`"
                      : "\(location): belum ada penyimpanan Aduan di basis data ini; pemilik penyimpanan membuatnya dengan `aduan init --store … --office BERKAS`"
        case .passwordInLocation(let location):
            return en ? "\(location): a password is never given on the command line (shell history, ps); put it in a 0600 PGPASSFILE (~/.pgpass) or a service file (PGSERVICEFILE, `service=NAME`)"
                      : "\(location): kata sandi tidak pernah diberikan di baris perintah (riwayat shell, ps); simpan di PGPASSFILE 0600 (~/.pgpass) atau berkas layanan (PGSERVICEFILE, `service=NAMA`)"
        case .malformedLocation(let word):
            return en ? "the store location is a PostgreSQL connection string but '\(word)' is not key=value"
                      : "lokasi penyimpanan adalah string koneksi PostgreSQL tetapi '\(word)' bukan kunci=nilai"
        case .database(let detail):
            return en ? "PostgreSQL: \(detail)" : "PostgreSQL: \(detail)"
        case .noWriter(let location):
            return en ? "no writer is running for the store \(location): the store's owner starts it on the server with `aduan serve --store …`; nothing was queued or written"
                      : "tidak ada penulis yang berjalan untuk penyimpanan \(location): pemilik penyimpanan menjalankannya di server dengan `aduan serve --store …`; tidak ada yang diantrekan atau ditulis"
        case .writerSlow(let command, let seconds):
            return en ? "the writer did not settle the action within \(seconds) s; it stays queued as command \(command) and will be recorded (or refused) when the writer gets to it: look again with `aduan show`"
                      : "penulis belum menyelesaikan tindakan dalam \(seconds) detik; tindakan tetap dalam antrean sebagai perintah \(command) dan akan dicatat (atau ditolak) saat penulis memprosesnya: periksa lagi dengan `aduan show`"
        case .writerRefused(let detail):
            return en ? "the store's writer refused the action: \(detail)" : "penulis penyimpanan menolak tindakan: \(detail)"
        case .writerNotOperatorOfLogin(let login, let operatorID):
            return en ? "the store's writer refused the action: the database role \(quotedLogin(login)) may not act as operator \(quotedLogin(operatorID)) in the office the store keeps; nothing was written"
                      : "penulis penyimpanan menolak tindakan: peran basis data \(quotedLogin(login)) tidak boleh bertindak sebagai operator \(quotedLogin(operatorID)) menurut kantor yang disimpan; tidak ada yang ditulis"
        case .writerUnreadableCommand:
            return en ? "the store's writer could not read the queued action (not written by this program); nothing was written"
                      : "penulis penyimpanan tidak dapat membaca tindakan dalam antrean (bukan ditulis oleh program ini); tidak ada yang ditulis"
        case .backupWithPgDump(let command):
            return en ? "a PostgreSQL store is backed up by PostgreSQL itself; as the store's owner run: \(command)"
                      : "penyimpanan PostgreSQL dicadangkan oleh PostgreSQL sendiri; sebagai pemilik penyimpanan jalankan: \(command)"
        case .notOnPostgres(let command):
            return en ? "`aduan \(command)` does not work on a PostgreSQL store yet; nothing was changed"
                      : "`aduan \(command)` belum bisa dipakai pada penyimpanan PostgreSQL; tidak ada yang diubah"
        case .viewNotOnPostgres(let view, let inbox):
            return en ? "\(view) is not available on a PostgreSQL store yet; the reports are all there: see them in \(inbox) (key 1)."
                      : "\(view) belum tersedia pada penyimpanan PostgreSQL; semua laporan tetap ada: lihat di \(inbox) (tombol 1)."
        case .serving(let location):
            return en ? "Writing for the store \(location): operators' actions are recorded as they come (Ctrl-C ends)."
                      : "Menulis untuk penyimpanan \(location): tindakan operator dicatat begitu datang (Ctrl-C untuk berhenti)."
        case .writerLostConnection(let detail, let retryIn):
            return en ? "the writer lost its connection (\(detail)); reconnecting in \(retryIn) s"
                      : "penulis kehilangan koneksi (\(detail)); menyambung lagi dalam \(retryIn) detik"
        case .writerReconnected:
            return en ? "the writer is connected again" : "penulis tersambung kembali"
        case .created(let location):
            return en ? "Created the store in \(location)." : "Penyimpanan dibuat di \(location)."
        case .storeExists(let location):
            return en ? "The store in \(location) exists already; nothing was changed."
                      : "Penyimpanan di \(location) sudah ada; tidak ada yang diubah."
        case .verifiedWhole(let complaints, let events):
            return en ? "Intact: hash chain of \(events) events, \(complaints) reports replayed, row-level security and every login's policies in place."
                      : "Utuh: rantai hash \(events) peristiwa, \(complaints) laporan diputar ulang, keamanan tingkat baris dan kebijakan setiap login terpasang."
        case .verifyProblems(let count):
            return en ? "\(count) problem(s) found." : "\(count) masalah ditemukan."
        case .noAccess(let role):
            return en ? "the database role \(role) may not use this store: the store's owner gives it access with the SQL of `aduan office roles` (a login of the office directory)"
                      : "peran basis data \(role) tidak boleh memakai penyimpanan ini: pemilik penyimpanan memberinya akses dengan SQL dari `aduan office roles` (login dalam direktori kantor)"
        case .chainBreaks(let seq):
            return en ? "chain: the hash chain breaks at event \(seq)" : "rantai: rantai hash putus pada peristiwa \(seq)"
        case .projectionMissing(let id):
            return en ? "projection #\(id): the report has events but no row" : "proyeksi #\(id): laporan punya peristiwa tetapi tidak punya baris"
        case .projectionDiffers(let id):
            return en ? "projection #\(id): the report's row differs from its events" : "proyeksi #\(id): baris laporan berbeda dari peristiwanya"
        case .textsDiffer(let id):
            return en ? "projection #\(id): the report's texts differ from its events" : "proyeksi #\(id): teks laporan berbeda dari peristiwanya"
        case .countersDiffer(let count):
            return en ? "projection: \(count) of the screen's status and forwarded counters (aduan.desk_counts, aduan.forward_counts) differ from the reports"
                      : "proyeksi: \(count) penghitung status dan diteruskan layar (aduan.desk_counts, aduan.forward_counts) berbeda dari laporannya"
        case .copiesDiffer(let count):
            return en ? "projection: \(count) row(s) of the units' copies (aduan.complaint_copies) differ from the reports' copies"
                      : "proyeksi: \(count) baris tembusan unit (aduan.complaint_copies) berbeda dari tembusan laporannya"
        case .securityOff(let table):
            return en ? "security: row-level security is not enabled on \(table)" : "keamanan: keamanan tingkat baris tidak aktif pada \(table)"
        case .policyMissing(let login, let table):
            return en ? "security: login \(login) has no policy on \(table): run the SQL of `aduan office roles` as the store's owner"
                      : "keamanan: login \(login) tidak punya kebijakan pada \(table): jalankan SQL dari `aduan office roles` sebagai pemilik penyimpanan"
        case .ownerOnly(let command, let role):
            return en ? "`aduan \(command)` on a PostgreSQL store runs as the store's owner (it reads the whole event chain, aduan.events, and writes for the store; the writer `aduan serve` also closes due reports and records due warnings and escalations by itself every minute); the database role \(role) is an operator's login: nothing was changed"
                      : "`aduan \(command)` pada penyimpanan PostgreSQL dijalankan sebagai pemilik penyimpanan (membaca seluruh rantai peristiwa, aduan.events, dan menulis untuk penyimpanan; penulis `aduan serve` juga menutup sendiri laporan yang jatuh tempo serta mencatat peringatan dan eskalasi yang jatuh waktu setiap menit); peran basis data \(role) adalah login operator: tidak ada yang diubah"
        case .importNeedsOwner(let role):
            return en ? "`aduan import` on a PostgreSQL store runs as the store's owner (the role that ran `aduan init`), not as the role \(role); nothing was imported"
                      : "`aduan import` pada penyimpanan PostgreSQL dijalankan oleh pemilik penyimpanan (role yang menjalankan `aduan init`), bukan oleh role \(role); tidak ada yang diimpor"
        case .serveNeedsPostgres:
            return en ? "`aduan serve` is the writer of a PostgreSQL store (--store postgresql://…); a SQLite store needs none"
                      : "`aduan serve` adalah penulis penyimpanan PostgreSQL (--store postgresql://…); penyimpanan SQLite tidak memerlukannya"
        }
    }
}
