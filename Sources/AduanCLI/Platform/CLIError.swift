import AduanCore
import AduanStore

/// How a command ends badly. Exit code 1: refused or invalid data; 2: usage or environment.
public enum CLIError: Error {
    /// Bad arguments: exit 2, with the command's usage hint.
    case usage(String)
    /// The environment is unfit (no terminal, unreadable config, missing store): exit 2.
    case environment(String)
    /// The data or action was refused: exit 1.
    case refused(String)
    /// Several invalid records (import): exit 1, each line printed.
    case invalid([String])
    /// A store problem, rendered in the operator's language.
    case store(StoreError)

    public var exitCode: Int32 {
        switch self {
        case .usage, .environment: 2
        case .refused, .invalid: 1
        case .store(let e): e.exitCode
        }
    }

    /// Any error met while running a command, as the command line reports it: its own errors as
    /// they are, the store's in the operator's language, anything else as an environment problem.
    static func from(_ error: any Error) -> CLIError {
        if let e = error as? CLIError { return e }
        if let e = error as? StoreError { return .store(e) }
        return .environment("\(error)")
    }
}
