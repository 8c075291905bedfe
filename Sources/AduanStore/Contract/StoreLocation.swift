/// Where a store lives, read from `--store` or the personal config's `"store"`: a file path is an
/// embedded SQLite store (the default, needing nothing); a libpq connection URI
/// (`postgresql://…`, `postgres:///aduan?host=/run/postgresql`) or a connection string of
/// `key=value` words (`service=aduan`, `host=… dbname=…`) is a PostgreSQL store.
///
/// A password never comes from the command line (it would sit in the shell's history and in
/// `ps` for everyone on the machine): a location carrying one is refused, naming where it goes
/// instead (a 0600 PGPASSFILE / ~/.pgpass, or a service file).
public enum StoreLocation: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(conninfo: String)

    /// Why a location was refused.
    public enum Problem: Error, Equatable, Sendable {
        /// The location carries a password (`user:secret@`, `password=`).
        case passwordInLocation
        /// A `key=value` connection string whose words are not all `key=value`.
        case malformedConnectionString(word: String)
    }

    /// Reads a location. Only PostgreSQL-looking locations can be refused.
    public static func parse(_ text: String) -> Result<StoreLocation, Problem> {
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") {
            let rest = text[text.index(text.startIndex, offsetBy: lower.hasPrefix("postgres://") ? 11 : 13)...]
            // userinfo is what comes before an '@' in the authority (up to the first '/' or '?').
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return .failure(.passwordInLocation) }
            if let q = rest.firstIndex(of: "?") {
                for pair in rest[rest.index(after: q)...].split(separator: "&") {
                    if pair.lowercased().hasPrefix("password=") { return .failure(.passwordInLocation) }
                }
            }
            return .success(.postgres(conninfo: text))
        }
        if let first = text.split(separator: " ").first, isConnectionWord(first) {
            for word in text.split(separator: " ") {
                guard isConnectionWord(word) else { return .failure(.malformedConnectionString(word: String(word))) }
                if word.lowercased().hasPrefix("password=") { return .failure(.passwordInLocation) }
            }
            return .success(.postgres(conninfo: text))
        }
        return .success(.sqlite(path: text))
    }

    /// `key=value` with a key of lowercase letters and underscores (libpq's keywords).
    static func isConnectionWord(_ w: Substring) -> Bool {
        guard let eq = w.firstIndex(of: "="), eq != w.startIndex else { return false }
        return w[..<eq].allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "_" }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }
}
