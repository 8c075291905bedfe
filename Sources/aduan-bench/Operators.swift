import AduanCore

/// The operators the benchmark acts as, from the built-in configuration (config.example.json).
struct Operators {
    let config: OfficeConfig

    static func load() -> Operators? {
        guard case .success(let c) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { return nil }
        return Operators(config: c)
    }

    func actor(_ id: String) -> Actor? { config.operators.first { $0.id == id } }

    /// Someone who sees every report, to export all of them (a supervisor of all agencies).
    var seesEverything: Actor? { config.operators.first { Access.inboxScope(of: $0) == .everything } }

    /// The supervisor who reads the office's report.
    var supervisor: Actor? { config.operators.first { $0.role == .supervisor && $0.agency == config.agency } ?? config.operators.first { $0.role == .supervisor } }
}
