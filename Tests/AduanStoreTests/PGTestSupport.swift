import AduanStore
import Glibc
import Testing

/// The private PostgreSQL cluster `./scripts/test` starts (scripts/pg-cluster): its socket
/// folder and port come in ADUAN_TEST_PGHOST / ADUAN_TEST_PGPORT. Without them the PostgreSQL
/// tests are skipped with `PGTest.skipReason`, so a bare `swift test` still passes.
enum PGTest {
    static func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }

    static let host = env("ADUAN_TEST_PGHOST")
    static let port = env("ADUAN_TEST_PGPORT")
    static let superuser = env("ADUAN_TEST_PGUSER") ?? "postgres"
    static var available: Bool { host != nil && port != nil }
    static let skipReason: Comment = "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test), which sets ADUAN_TEST_PGHOST and ADUAN_TEST_PGPORT"

    /// A connection over the cluster's Unix socket (local connections are trusted) as `user`.
    static func socket(user: String = superuser, database: String = "postgres") throws -> PGConnection {
        try PGConnection(parameters: [("host", host!), ("port", port!), ("user", user), ("dbname", database)])
    }

    /// A connection over TCP to 127.0.0.1 as a login role, authenticated by SCRAM with the
    /// password in a 0600 passfile (as an operator on another machine would connect).
    static func tcp(user: String, database: String, passfile: String) throws -> PGConnection {
        try PGConnection(parameters: [("host", "127.0.0.1"), ("port", port!), ("user", user), ("dbname", database),
                                      ("passfile", passfile), ("sslmode", "disable")])
    }

    /// A short unique tag for this test's database and roles (roles are cluster-wide).
    static func tag() -> String {
        "t" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
    }
}

/// A fresh database for one test, owned by a fresh role (`<tag>_owner`, CREATEROLE, not a
/// superuser) that creates the store; the superuser only sets things up.
struct PGTestDatabase {
    let tag: String
    let name: String
    let owner: String

    init() throws {
        tag = PGTest.tag()
        name = tag
        owner = "\(tag)_owner"
        let su = try PGTest.socket()
        try su.execute("CREATE ROLE \(owner) LOGIN CREATEROLE")
        try su.execute("CREATE DATABASE \(name) OWNER \(owner)")
    }

    /// A database an earlier step made (`tag` names it and its owner `<tag>_owner`).
    init(existing tag: String) {
        self.tag = tag
        name = tag
        owner = "\(tag)_owner"
    }

    /// Connected as the owner (over the socket).
    func ownerConnection() throws -> PGConnection { try PGTest.socket(user: owner, database: name) }

    /// Connected as the superuser, to this database.
    func superuserConnection() throws -> PGConnection { try PGTest.socket(database: name) }

    /// Gives each role a password and writes a 0600 passfile for them; returns its path.
    func passwords(for roles: [String]) throws -> String {
        let su = try PGTest.socket()
        var lines: [String] = []
        for role in roles {
            let password = "pw-" + PGTest.tag() + PGTest.tag()
            try su.execute("ALTER ROLE \(PGConnection.quoteIdentifier(role)) PASSWORD \(PGConnection.quoteLiteral(password))")
            let escaped = role.replacingOccurrencesOfColonAndBackslash()
            lines.append("127.0.0.1:\(PGTest.port!):\(name):\(escaped):\(password)")
        }
        // In the cluster's own folder when there is one, so it goes when the cluster goes.
        var template = Array(((PGTest.env("ADUAN_TEST_PGDIR") ?? "/tmp") + "/aduan-pgpass-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw PostgresError(sqlState: nil, message: "mkstemp failed") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(fd, 0o600)
        let text = lines.joined(separator: "\n") + "\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        return path
    }
}

extension String {
    /// A passfile field: `:` and `\` escaped with `\`.
    func replacingOccurrencesOfColonAndBackslash() -> String {
        var out = ""
        for ch in self {
            if ch == ":" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
