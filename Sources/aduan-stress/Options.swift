/// The command line: `aduan-stress MODE [--name value | --flag]…`. Small on purpose: every
/// option is a number, a path or a flag.
struct Options {
    let mode: String?
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    private(set) var used: Set<String> = []
    /// The last option on the line, given without a value.
    private var missingValue: String?

    /// `flagNames` are the options that take no value.
    init(_ args: [String], flagNames: Set<String>) throws(StressError) {
        var rest = args[...]
        if let first = rest.first, !first.hasPrefix("-") {
            mode = first
            rest = rest.dropFirst()
        } else {
            mode = nil
        }
        while let arg = rest.popFirst() {
            if arg == "-h" { flags.insert("help"); continue }
            guard arg.hasPrefix("--"), arg.count > 2 else { throw .usage("unexpected argument \"\(arg)\"") }
            var name = String(arg.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if flagNames.contains(name) {
                if inline != nil { throw .usage("--\(name) takes no value") }
                flags.insert(name)
                continue
            }
            // Missing only at the end of the line: said once the mode has told which options it knows
            // (an unknown name is unknown, a known one needs its value).
            guard let value = inline ?? rest.popFirst() else { missingValue = name; break }
            if values[name] != nil { throw .usage("--\(name) given twice") }
            values[name] = value
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value without counting it as read (to choose the mode's variant).
    func peek(_ name: String) -> String? { values[name] }

    mutating func string(_ name: String) -> String? {
        used.insert(name)
        return values[name]
    }

    mutating func int(_ name: String, default d: Int, range: ClosedRange<Int>) throws(StressError) -> Int {
        used.insert(name)
        guard let text = values[name] else { return d }
        guard let v = Int(text), range.contains(v) else {
            throw .usage("--\(name) \(text): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    mutating func double(_ name: String, default d: Double, range: ClosedRange<Double>) throws(StressError) -> Double {
        used.insert(name)
        guard let text = values[name] else { return d }
        guard let v = Double(text), range.contains(v) else {
            throw .usage("--\(name) \(text): expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    /// After reading every option a mode knows: a misspelt option is an error, never ignored.
    func rejectUnknown(known flagNames: Set<String>) throws(StressError) {
        if let name = missingValue { throw .usage(used.contains(name) ? "--\(name) needs a value" : "unknown option --\(name)") }
        for name in values.keys where !used.contains(name) { throw .usage("unknown option --\(name)") }
        for name in flags where !flagNames.contains(name) && name != "help" { throw .usage("--\(name) is not an option of this mode") }
    }
}
