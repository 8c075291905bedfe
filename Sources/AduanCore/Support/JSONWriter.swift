// Over 400 lines: escaping, tree and streaming writers share one escaping routine and its tests' expectations.
// JSON output: string escaping, whole-tree serialization and a streaming builder for large exports.

/// String quoting for JSON output.
public enum JSONEscaping {
    /// Appends `s` as a quoted JSON string, escaping quotes, backslashes, control characters,
    /// bidi controls and U+2028/U+2029.
    ///
    /// `\"`, `\\`, `\n`, `\r`, `\t`, `\b` and `\f` use their short forms, other C0 controls, DEL and
    /// the C1 controls become `\u00XX`, the bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9)
    /// become `\uXXXX` so a terminal or viewer showing the file cannot be driven by them, and
    /// U+2028/U+2029 become `\u2028`/`\u2029` so the output is also safe inside JavaScript.
    /// Everything else, including emoji and CJK, is written as raw UTF-8.
    public static func appendQuoted(_ s: String, to out: inout String) {
        var s = s
        let escaped: [UInt8]? = s.withUTF8 { utf8 in
            guard let first = firstByteNeedingEscape(utf8) else { return nil }
            return escapedBytes(utf8, from: first)
        }
        out.append("\"")
        if let escaped {
            out.append(String(decoding: escaped, as: UTF8.self))
        } else {
            out.append(s)
        }
        out.append("\"")
    }

    /// Appends `s` as a quoted JSON string to UTF-8 bytes (the fast path for big outputs).
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(0x22)
            if let first = firstByteNeedingEscape(utf8) {
                out.append(contentsOf: escapedBytes(utf8, from: first))
            } else {
                out.append(contentsOf: utf8)
            }
            out.append(0x22)
        }
    }

    private static func firstByteNeedingEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == 0x22 || b == 0x5C { return i }
            if b >= 0x7F, unicodeEscape(utf8, at: i) != nil { return i }
            i += 1
        }
        return nil
    }

    /// The code point and its UTF-8 length when the character at `i` is written as a `\uXXXX`
    /// escape rather than raw: DEL and the C1 controls (a terminal reads U+009B as CSI), the
    /// bidi controls U+061C, U+200E/U+200F, U+202A–U+202E and U+2066–U+2069 (they reorder what a
    /// reader sees), and U+2028/U+2029 (line breaks to JavaScript). The JSON means the same text;
    /// only a terminal or viewer showing the file can no longer be driven by it.
    @inline(__always)
    private static func unicodeEscape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let b = utf8[i]
        if b == 0x7F { return (0x7F, 1) }
        guard i + 1 < utf8.count else { return nil }
        let b1 = utf8[i + 1]
        switch b {
        case 0xC2 where (0x80...0x9F).contains(b1): return (UInt32(b1), 2)
        case 0xD8 where b1 == 0x9C: return (0x061C, 2)
        case 0xE2 where i + 2 < utf8.count:
            let b2 = utf8[i + 2]
            if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2) { return (0x2000 + UInt32(b2 - 0x80), 3) }
            if b1 == 0x81, (0xA6...0xA9).contains(b2) { return (0x2040 + UInt32(b2 - 0x80), 3) }
            return nil
        default: return nil
        }
    }

    private static func escapedBytes(_ utf8: UnsafeBufferPointer<UInt8>, from first: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<first]))
        var runStart = first
        var i = first
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            let unicode = b >= 0x7F ? unicodeEscape(utf8, at: i) : nil
            let needsEscape = b < 0x20 || b == 0x22 || b == 0x5C || unicode != nil
            if !needsEscape {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            out.append(UInt8(ascii: "\\"))
            if let (code, length) = unicode {
                out.append(UInt8(ascii: "u"))
                for shift in [12, 8, 4, 0] { out.append(hexDigit(UInt8((code >> UInt32(shift)) & 0xF))) }
                i += length
                runStart = i
                continue
            }
            switch b {
            case 0x22: out.append(UInt8(ascii: "\""))
            case 0x5C: out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0x0F))
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
        return out
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10
    }
}

extension JSONValue {
    /// The value as JSON text: compact with no spaces, or pretty with 2-space indentation and one member or element per line.
    ///
    /// Pretty output writes `"key": value`, keeps empty containers as `[]` and `{}`, and has no trailing newline.
    /// The output is byte-for-byte what `JSONStreamWriter` produces for the same tree.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONStreamWriter(pretty: pretty)
        writer.value(self)
        return writer.text
    }
}

/// Builds JSON text incrementally, inserting commas, newlines and indentation automatically.
///
/// Call `key(_:)` before each value inside an object. Misuse, such as a value in an object
/// without a key, a key inside an array, a mismatched end call or a second top-level value,
/// is a programming error and stops the program with a precondition failure. For big exports,
/// call `takeText()` now and then and write the chunk to a file.
public struct JSONStreamWriter: Sendable {
    /// The UTF-8 written since creation or since the last `takeText()`. Bytes, not a String:
    /// appending to a String re-checks every piece, which dominated the cost of storing events.
    public private(set) var bytes: [UInt8] = []

    /// The text written since creation or since the last `takeText()`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Whether output is indented with two spaces per level.
    public let pretty: Bool

    private struct Frame: Sendable {
        var isObject: Bool
        var count: Int
    }

    private var stack: [Frame] = []
    private var awaitingValueForKey = false
    private var startedTopLevel = false

    /// Creates an empty writer; `pretty` selects the same layout as `serialized(pretty: true)`.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// True once exactly one complete top-level value has been written.
    public var isComplete: Bool {
        startedTopLevel && stack.isEmpty
    }

    /// Returns everything written so far and clears the buffer, so callers can flush to a file in chunks.
    public mutating func takeText() -> String {
        let chunk = text
        bytes.removeAll(keepingCapacity: true)
        return chunk
    }

    /// Returns the bytes written so far and clears the buffer.
    public mutating func takeBytes() -> [UInt8] {
        let chunk = bytes
        bytes.removeAll(keepingCapacity: true)
        return chunk
    }

    @inline(__always)
    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    private mutating func rawByte(_ b: UInt8) { bytes.append(b) }

    /// Decimal digits of an integer, without going through a String.
    private mutating func rawInt(_ v: Int64) {
        if v == 0 { bytes.append(48); return }
        var n = v.magnitude
        if v < 0 { bytes.append(45) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 {
                buf[count] = UInt8(48 + n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buf[i]) }
        }
    }

    /// Opens an object; follow with `key(_:)`/value pairs and `endObject()`.
    public mutating func beginObject() {
        beforeValue()
        rawByte(0x7B)
        stack.append(Frame(isObject: true, count: 0))
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        precondition(stack.last?.isObject == true, "endObject() without a matching beginObject()")
        precondition(!awaitingValueForKey, "endObject() right after key(_:); the key needs a value")
        close(0x7D)
    }

    /// Opens an array; follow with values and `endArray()`.
    public mutating func beginArray() {
        beforeValue()
        rawByte(0x5B)
        stack.append(Frame(isObject: false, count: 0))
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        precondition(stack.last?.isObject == false, "endArray() without a matching beginArray()")
        close(0x5D)
    }

    /// Writes an object member's key; the next call must write its value.
    public mutating func key(_ k: String) {
        precondition(stack.last?.isObject == true, "key(_:) outside an object")
        precondition(!awaitingValueForKey, "key(_:) twice in a row; the first key needs a value")
        startItem()
        JSONEscaping.appendQuoted(k, to: &bytes)
        if pretty { raw(": ") } else { rawByte(0x3A) }
        awaitingValueForKey = true
    }

    /// Writes a string, or `null` when `s` is nil.
    public mutating func string(_ s: String?) {
        beforeValue()
        if let s {
            JSONEscaping.appendQuoted(s, to: &bytes)
        } else {
            raw("null")
        }
    }

    /// Writes an integer, or `null` when `v` is nil.
    public mutating func int(_ v: Int64?) {
        beforeValue()
        if let v { rawInt(v) } else { raw("null") }
    }

    /// Writes an integer of any width, such as an `Int` or `Int32?`, or `null` when `v` is nil.
    public mutating func int<T: BinaryInteger>(_ v: T?) {
        beforeValue()
        if let v, let small = Int64(exactly: v) { rawInt(small) } else if let v { bytes.append(contentsOf: String(v).utf8) } else { raw("null") }
    }

    /// Writes a double in Swift's shortest round-tripping form, or `null` when it is nil, NaN or infinite.
    public mutating func double(_ v: Double?) {
        beforeValue()
        if let v, v.isFinite {
            bytes.append(contentsOf: JSONValue.literal(for: v).utf8)
        } else {
            raw("null")
        }
    }

    /// Writes `true` or `false`, or `null` when `v` is nil.
    public mutating func bool(_ v: Bool?) {
        beforeValue()
        switch v {
        case true?: raw("true")
        case false?: raw("false")
        case nil: raw("null")
        }
    }

    /// Writes `null`.
    public mutating func null() {
        beforeValue()
        raw("null")
    }

    /// Writes number text as is, e.g. a literal kept from parsing; it must follow the JSON number grammar.
    ///
    /// The grammar is checked only in debug builds, to keep exports fast.
    public mutating func number(_ literal: String) {
        assert(JSONStreamWriter.isValidNumber(literal), "not a JSON number: \(literal)")
        beforeValue()
        bytes.append(contentsOf: literal.utf8)
    }

    /// Writes a whole value tree at the current position.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null:
            null()
        case .bool(let b):
            bool(b)
        case .number(let literal):
            number(literal)
        case .string(let s):
            string(s)
        case .array(let elements):
            beginArray()
            for element in elements {
                value(element.value)
            }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                value(member.node.value)
            }
            endObject()
        }
    }

    // MARK: Layout

    private mutating func beforeValue() {
        guard let top = stack.last else {
            precondition(!startedTopLevel, "a JSON document holds only one top-level value")
            startedTopLevel = true
            return
        }
        if top.isObject {
            precondition(awaitingValueForKey, "a value inside an object needs key(_:) first")
            awaitingValueForKey = false
        } else {
            startItem()
        }
    }

    /// Writes the separator and indentation that precede an array element or object key.
    private mutating func startItem() {
        let index = stack.count - 1
        if stack[index].count > 0 {
            rawByte(0x2C)
        }
        stack[index].count += 1
        if pretty {
            newline(depth: stack.count)
        }
    }

    private mutating func close(_ bracket: UInt8) {
        let frame = stack.removeLast()
        if pretty && frame.count > 0 {
            newline(depth: stack.count)
        }
        rawByte(bracket)
    }

    private mutating func newline(depth: Int) {
        rawByte(0x0A)
        for _ in 0..<depth {
            raw("  ")
        }
    }

    static func isValidNumber(_ literal: String) -> Bool {
        let bytes = Array(literal.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == bytes.count
    }
}
