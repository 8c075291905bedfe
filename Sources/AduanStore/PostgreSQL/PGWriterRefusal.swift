import AduanCore

/// Why the writer refused a command, as it is kept in the command's `message`: a code, never a
/// sentence (issue 14). The operator's program turns it back into the core's refusal, or a
/// `PostgresMessage`, and says it in the session's language through the string tables.
public enum PGWriterRefusal: Equatable, Sendable {
    /// The core refused the action (`RefusalCode`).
    case workflow(Refusal)
    /// The login that queued the command is not bound to the operator it named (`Identity.resolve`).
    case notOperatorOfLogin(login: String, operatorID: String)
    /// The command's details could not be read (another program wrote them).
    case unreadableCommand

    public var code: String {
        switch self {
        case .workflow(let r): RefusalCode.encode(r)
        case .notOperatorOfLogin(let login, let op): JSONValue.array(values: ["writer.notOperatorOfLogin", .string(login), .string(op)]).serialized()
        case .unreadableCommand: JSONValue.array(values: ["writer.unreadableCommand"]).serialized()
        }
    }

    /// The refusal `code` names; nil for anything else (an older writer's words).
    public init?(code: String) {
        if let r = RefusalCode.decode(code) { self = .workflow(r); return }
        guard let items = (try? JSONParser.parse(code))?.array else { return nil }
        let words = items.compactMap(\.string)
        guard words.count == items.count else { return nil }
        switch words.first {
        case "writer.notOperatorOfLogin" where words.count == 3: self = .notOperatorOfLogin(login: words[1], operatorID: words[2])
        case "writer.unreadableCommand" where words.count == 1: self = .unreadableCommand
        default: return nil
        }
    }
}
