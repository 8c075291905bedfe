/// A problem in a configuration file, with where it is and what was expected.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// Dotted path of the key, e.g. `operators[2].role`.
    public var key: String
    /// What is wrong, as data; the words come from the string tables (ConfigProblemStrings.swift).
    public var problem: ConfigProblem

    public init(file: String, line: Int, key: String, problem: ConfigProblem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    /// An error given by its English words only (tests pin the English text this way; the
    /// parsers never make one).
    public init(file: String, line: Int, key: String, message: String) {
        self.init(file: file, line: line, key: key, problem: .pinned(english: message))
    }

    /// The problem in English (what existing callers and tests read).
    public var message: String { problem.text(.en) }

    /// `config.json:14: operators[2].role: expected one of admin, liaison, supervisor, found "boss"`,
    /// the problem said in `language`.
    public func text(_ language: Language) -> String {
        // Key and message may quote the file's text, which may hold a megabyte value: excerpts only.
        let message = SafeText.excerpt(problem.text(language), limit: 1_000)
        return key.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(SafeText.excerpt(key, limit: 120)): \(message)"
    }

    /// In English.
    public var description: String { text(.en) }

    /// Two errors are the same when they name the same place and say the same in English.
    public static func == (a: ConfigError, b: ConfigError) -> Bool {
        a.file == b.file && a.line == b.line && a.key == b.key && a.message == b.message
    }

    public func hash(into h: inout Hasher) {
        h.combine(file); h.combine(line); h.combine(key); h.combine(message)
    }
}

/// Every problem found in one configuration file.
public struct ConfigErrors: Error, Sendable {
    public var all: [ConfigError]
    public init(_ all: [ConfigError]) { self.all = all }

    /// Each error on its line, said in `language`.
    public func lines(_ language: Language) -> [String] { all.map { $0.text(language) } }
}
