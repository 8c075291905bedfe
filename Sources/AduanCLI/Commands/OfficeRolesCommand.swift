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
        let operators = s.config.operators
        let skipped = PGAccessSQL.logins(of: operators).map(\.login).filter { !Identity.isValidLogin($0) }
        let header = s.strings.notice(.rolesHeader(office: SafeText.line(s.config.officeName)))
        s.out.write(PGAccessSQL.rolesScript(operators: operators, header: header))
        for login in skipped {
            s.err.line(s.strings.notice(.roleNameInvalid(login: quoteInput(login))))
        }
        return 0
    }
}
