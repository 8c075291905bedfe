// JSON value types with source positions, plus read accessors and builders.

/// A JSON value as parsed or built in code; numbers keep their literal text so no precision is lost.
///
/// Objects keep members in source order and keep duplicate keys, so callers can report
/// duplicates themselves. Nested values are `JSONNode`s, which carry source positions.
public enum JSONValue: Equatable, Sendable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number, holding the literal exactly as written, e.g. `"12"` or `"-3.5e2"`.
    case number(String)
    /// A string with all escapes decoded.
    case string(String)
    /// An array of positioned elements.
    case array([JSONNode])
    /// An object's members in source order, duplicates included.
    case object([JSONMember])
}

/// A JSON value together with the 1-based line and column of its first character.
///
/// Columns count Unicode scalars, not bytes. Values built in code have line and column 0.
public struct JSONNode: Equatable, Sendable {
    /// The value itself.
    public var value: JSONValue
    /// 1-based line of the value's first character (0 when built in code).
    public var line: Int
    /// 1-based column, in Unicode scalars, of the value's first character (0 when built in code).
    public var column: Int

    /// Creates a node with an explicit position.
    public init(value: JSONValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// Creates a node for a value built in code, with line and column 0.
    public init(_ value: JSONValue) {
        self.init(value: value, line: 0, column: 0)
    }
}

/// One `"key": value` member of an object, with the position of the key's opening quote.
public struct JSONMember: Equatable, Sendable {
    /// The decoded key.
    public var key: String
    /// 1-based line of the key's opening quote (0 when built in code).
    public var line: Int
    /// 1-based column, in Unicode scalars, of the key's opening quote (0 when built in code).
    public var column: Int
    /// The member's value.
    public var node: JSONNode

    /// Creates a member with an explicit key position.
    public init(key: String, line: Int, column: Int, node: JSONNode) {
        self.key = key
        self.line = line
        self.column = column
        self.node = node
    }

    /// Creates a member for a value built in code, with all positions 0.
    public init(_ key: String, _ value: JSONValue) {
        self.init(key: key, line: 0, column: 0, node: JSONNode(value))
    }
}

/// A malformed-JSON error naming the 1-based line and column (in Unicode scalars) where it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending character, or of the end of input.
    public var line: Int
    /// 1-based column, in Unicode scalars, of the offending character.
    public var column: Int
    /// A short plain-English explanation, e.g. `expected ':' after an object key, found '}'`.
    public var message: String

    /// Creates an error at the given position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `line 3, column 7: <message>`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

// MARK: - Accessors

extension JSONValue {
    /// The JSON type name: `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A copy with every nested line and column set to 0, so parsed trees compare equal to trees built in code.
    public var withoutPositions: JSONValue {
        switch self {
        case .null, .bool, .number, .string:
            return self
        case .array(let elements):
            return .array(elements.map { JSONNode($0.value.withoutPositions) })
        case .object(let members):
            return .object(members.map { JSONMember($0.key, $0.node.value.withoutPositions) })
        }
    }
}

extension JSONNode {
    /// The first member's value with this key, or nil if there is none or this is not an object.
    public subscript(key: String) -> JSONNode? {
        member(key)?.node
    }

    /// The first member with this key (with the key's position), or nil if there is none or this is not an object.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        // Linear scan: objects are small and keep duplicates, so a dictionary would not pay off.
        for member in members where member.key == key {
            return member
        }
        return nil
    }

    /// The string, or nil if this is not a string.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The boolean, or nil if this is not `true` or `false`.
    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// The number as an `Int` when it is written as a plain integer that fits; nil otherwise.
    ///
    /// Only integer literals qualify: `1.0`, `1e3` and out-of-range values give nil, as do non-numbers.
    public var int: Int? {
        guard case .number(let literal) = value, JSONNode.isPlainInteger(literal) else { return nil }
        return Int(literal)
    }

    /// The number as an `Int64` when it is written as a plain integer that fits; nil otherwise.
    ///
    /// Only integer literals qualify: `1.0`, `1e3` and out-of-range values give nil, as do non-numbers.
    public var int64: Int64? {
        guard case .number(let literal) = value, JSONNode.isPlainInteger(literal) else { return nil }
        return Int64(literal)
    }

    /// The number as the nearest `Double`, or nil if this is not a number or it overflows to infinity.
    public var double: Double? {
        guard case .number(let literal) = value, let d = Double(literal), d.isFinite else { return nil }
        return d
    }

    /// True when this is the literal `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The elements, or nil if this is not an array.
    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The members in source order, or nil if this is not an object.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The JSON type name of the value: `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`.
    public var typeName: String {
        value.typeName
    }

    // Int("+5") succeeds in Swift, but JSON forbids '+', so the literal is checked first.
    private static func isPlainInteger(_ literal: String) -> Bool {
        var utf8 = literal.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        return !utf8.isEmpty && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

// MARK: - Building values in code

extension JSONValue {
    /// An object from key/value pairs in the given order, e.g. `.object(pairs: [("id", 1), ("title", "x")])`.
    public static func object(pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { JSONMember($0.0, $0.1) })
    }

    /// An array of values built in code, e.g. `.array(values: ["a", 1, .null])`.
    public static func array(values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }

    /// A number from any integer type.
    public static func int(_ value: some BinaryInteger) -> JSONValue {
        .number(String(value))
    }

    /// A number from a `Double`; NaN and infinities become `null` because JSON cannot express them.
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONValue.literal(for: value)) : .null
    }

    /// A string, or `null` when the string is nil.
    public static func string(orNull value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    // Swift prints whole doubles as "1.0" and keeps exponents like "1e-05", both valid JSON numbers.
    static func literal(for value: Double) -> String {
        value.description
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string value from a literal, so `"x"` can stand for `.string("x")`.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// A number value from an integer literal, so `12` can stand for `.number("12")`.
    public init(integerLiteral value: Int) {
        self = .number(String(value))
    }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A number value from a floating-point literal, using Swift's shortest round-tripping text.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A boolean value from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array value from a literal such as `["a", 1, true]`.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(values: elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An object value from a literal such as `["id": 1, "title": "x"]`, keeping the written order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(pairs: elements)
    }
}
