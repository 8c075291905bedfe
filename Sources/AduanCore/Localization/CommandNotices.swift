/// Progress words, summaries and warnings of single commands (`export --format xlsx`, `sweep`,
/// `office roles`), in both languages, each sentence's two languages side by side.
public enum CommandNotice: Sendable {
    /// The progress label while exporting, and the unit it counts.
    case exporting, complaintsUnit
    /// An xlsx export would pass the rows one sheet holds.
    case xlsxTooMany(max: Int)
    /// An xlsx export is written.
    case exported(count: Int, path: String)
    /// `office roles`: a login that is no valid PostgreSQL role name (already quoted for output).
    case roleNameInvalid(login: String)
    /// `office roles`: the SQL script's comment header, naming the office.
    case rolesHeader(office: String)
    /// `sweep`: what it closed and recorded.
    case swept(closed: Int, recorded: Int)
    /// A progress line's "per second" after its rate, its unit of seconds, and backup's unit.
    case perSecond, secondsUnit, pagesUnit
}

extension StringTable {
    /// One command's notice, in this table's language.
    public func notice(_ m: CommandNotice) -> String {
        let en = language == .en
        func n(_ x: Int) -> String { NumberFormat.grouped(x, language) }
        switch m {
        case .exporting:
            return en ? "exporting" : "mengekspor"
        case .complaintsUnit:
            return en ? "complaints" : "laporan"
        case .xlsxTooMany(let max):
            return en ? "more than \(n(max)) complaints, the most one sheet holds; narrow the export with a filter (e.g. unit:dinkes or age:<30)"
                      : "lebih dari \(n(max)) laporan, batas satu lembar kerja; persempit ekspor dengan saringan (mis. unit:dinkes atau age:<30)"
        case .exported(let count, let path):
            return en ? "Exported \(n(count)) complaint(s) to \(path)." : "\(n(count)) laporan diekspor ke \(path)."
        case .roleNameInvalid(let login):
            return en ? "warning: login \(login) is not a valid role name; it gets no role"
                      : "peringatan: login \(login) bukan nama peran yang sah; tidak diberi peran"
        case .rolesHeader(let office):
            return en
                ? """
                  aduan office roles: PostgreSQL roles and row-level security for the operators of \(office).
                  Run it as the store's owner (a role with CREATEROLE that owns the schema aduan), e.g.
                    psql -v ON_ERROR_STOP=1 -f roles.sql 'postgres:///aduan?host=/run/postgresql'
                  New roles get no password: peer authentication over the Unix socket, or \\password ROLE for SCRAM over TCP.
                  """
                : """
                  aduan office roles: peran PostgreSQL dan keamanan tingkat baris untuk operator \(office).
                  Jalankan sebagai pemilik penyimpanan (peran dengan CREATEROLE pemilik skema aduan), misalnya
                    psql -v ON_ERROR_STOP=1 -f roles.sql 'postgres:///aduan?host=/run/postgresql'
                  Peran baru tanpa kata sandi: autentikasi peer lewat soket Unix, atau \\password PERAN untuk SCRAM lewat TCP.
                  """
        case .perSecond:
            return en ? "/s" : "/dtk"
        case .secondsUnit:
            return en ? "s" : "dtk"
        case .pagesUnit:
            return en ? "pages" : "halaman"
        case .swept(let closed, let recorded):
            return en ? "\(n(closed)) complaint(s) closed automatically; \(n(recorded)) warning(s) and escalation(s) recorded."
                      : "\(n(closed)) laporan selesai otomatis; \(n(recorded)) peringatan dan eskalasi dicatat."
        }
    }
}
