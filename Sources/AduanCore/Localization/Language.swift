/// The languages Aduan speaks. Indonesian is the operators' language and the default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case id
    case en

    /// Picks a language from a `--lang` value or a POSIX locale such as `en_US.UTF-8`;
    /// anything that is not clearly English falls back to Indonesian.
    public static func from(_ value: String?) -> Language? {
        guard let value, !value.isEmpty else { return nil }
        let lower = value.lowercased()
        if lower == "c" || lower == "posix" { return nil }
        if lower.hasPrefix("en") { return .en }
        if lower.hasPrefix("id") || lower.hasPrefix("in") { return .id }
        return nil
    }
}
