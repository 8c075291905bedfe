/// Who is acting: the operator of the office directory bound to the authenticated login.
///
/// On a SQLite store the login is the Unix account running the program; on PostgreSQL it will be
/// the database role. An office store lets a login act only as an operator bound to it (`--as`
/// chooses among their own hats); a training store lets anyone be anyone, and says so.
/// The decision is made here once; the command line and the screen only render it.
public enum Identity {
    /// Why a login may not act as the operator asked for.
    public enum Refusal: Hashable, Sendable, Error {
        /// `--as` names no operator of the directory.
        case unknownOperator(requested: String, known: [String])
        /// `--as` names an operator bound to other logins.
        case notYours(requested: String, login: String, own: [String])
        /// No operator of the directory is bound to this login.
        case unbound(login: String)
        /// Several operators are bound to this login and none was chosen with `--as`.
        case ambiguous(login: String, own: [String])
        /// The directory lists no operators at all.
        case noOperators
    }

    /// A Unix account name (or database role): letters, digits, `.`, `_`, `-`, `@`, `$`; not
    /// starting with `-`; 1 to 64 bytes.
    public static func isValidLogin(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 64, s.utf8.first != UInt8(ascii: "-") else { return false }
        return s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == UInt8(ascii: "$")
        }
    }

    /// The operators bound to `login`, in directory order.
    public static func operators(boundTo login: String, in operators: [Actor]) -> [Actor] {
        operators.filter { $0.logins.contains(login) }
    }

    /// The operator `login` acts as. `requested` is `--as`; `training` is the store's mark.
    ///
    /// - Office store: only an operator bound to `login`. Without `--as`: the only one, else the
    ///   directory's default when it is among them, else refused with the choices.
    /// - Training store: `--as` may name anyone; without it, the login's own operator when that is
    ///   unambiguous, else the directory's default (else the first operator).
    public static func resolve(operators: [Actor], defaultOperator: String?, login: String, requested: String?,
                               training: Bool) -> Result<Actor, Refusal> {
        guard !operators.isEmpty else { return .failure(.noOperators) }
        if let requested, !operators.contains(where: { $0.id == requested }) {
            // An unbound login learns nothing of the directory from a wrong guess on an office store.
            if !training, Self.operators(boundTo: login, in: operators).isEmpty { return .failure(.unbound(login: login)) }
            return .failure(.unknownOperator(requested: requested, known: operators.map(\.id)))
        }
        let own = Self.operators(boundTo: login, in: operators)
        if training {
            if let requested { return .success(operators.first { $0.id == requested }!) }
            if case .success(let mine) = choose(own, defaultOperator: defaultOperator, login: login) { return .success(mine) }
            if let d = defaultOperator, let op = operators.first(where: { $0.id == d }) { return .success(op) }
            return .success(operators[0])
        }
        guard !own.isEmpty else { return .failure(.unbound(login: login)) }
        if let requested {
            if let op = own.first(where: { $0.id == requested }) { return .success(op) }
            return .failure(.notYours(requested: requested, login: login, own: own.map(\.id)))
        }
        return choose(own, defaultOperator: defaultOperator, login: login)
    }

    static func choose(_ own: [Actor], defaultOperator: String?, login: String) -> Result<Actor, Refusal> {
        if own.count == 1 { return .success(own[0]) }
        if let d = defaultOperator, let op = own.first(where: { $0.id == d }) { return .success(op) }
        if own.isEmpty { return .failure(.unbound(login: login)) }
        return .failure(.ambiguous(login: login, own: own.map(\.id)))
    }
}
