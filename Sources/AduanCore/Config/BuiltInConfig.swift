/// The configuration Aduan runs with when no config file exists: the documented example office.
/// SwiftPM embeds config.example.json at build time (`.embedInCode` in Package.swift; the file in
/// this folder is a link to the one at the top of the repository), so the file users read and the
/// defaults the program runs with are the same bytes. No Foundation is involved.
public enum BuiltInConfig {
    /// The text of config.example.json.
    public static let json = String(decoding: PackageResources.config_example_json, as: UTF8.self)
}
