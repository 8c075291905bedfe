import AduanCore
import AduanStore

/// `aduan office roles`: prints the SQL that gives every login of the office directory a
/// PostgreSQL role and the row-level security policies the core's rules make for it (issue 14;
/// `PGAccessSQL` renders them). The store's owner runs it: `psql -v ON_ERROR_STOP=1 -f roles.sql`.
/// Printing changes nothing; running it again after `aduan office apply` brings the policies in
/// line with the new directory (a login gone from it reads nothing).
enum OfficeRolesCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        if s.arguments.flag("yes") { throw .usage(s.strings.command(.belongsTo(option: "yes", command: "aduan office apply"))) }
        if let f = s.arguments.value("format") { throw .usage(s.strings.command(.rolesPrintSQLOnly(format: f))) }
        let en = s.language == .en
        let operators = s.config.operators
        let skipped = PGAccessSQL.logins(of: operators).map(\.login).filter { !Identity.isValidLogin($0) }
        let header = en
            ? """
              aduan office roles: PostgreSQL roles and row-level security for the operators of \(SafeText.line(s.config.officeName)).
              Run it as the store's owner (a role with CREATEROLE that owns the schema aduan), e.g.
                psql -v ON_ERROR_STOP=1 -f roles.sql 'postgres:///aduan?host=/run/postgresql'
              New roles get no password: peer authentication over the Unix socket, or \\password ROLE for SCRAM over TCP.
              """
            : """
              aduan office roles: peran PostgreSQL dan keamanan tingkat baris untuk operator \(SafeText.line(s.config.officeName)).
              Jalankan sebagai pemilik penyimpanan (peran dengan CREATEROLE pemilik skema aduan), misalnya
                psql -v ON_ERROR_STOP=1 -f roles.sql 'postgres:///aduan?host=/run/postgresql'
              Peran baru tanpa kata sandi: autentikasi peer lewat soket Unix, atau \\password PERAN untuk SCRAM lewat TCP.
              """
        s.out.write(PGAccessSQL.rolesScript(operators: operators, header: header))
        for login in skipped {
            s.err.line(en ? "warning: login \(quoteInput(login)) is not a valid role name; it gets no role"
                          : "peringatan: login \(quoteInput(login)) bukan nama peran yang sah; tidak diberi peran")
        }
        return 0
    }
}
