// Over 400 lines: one recursive-descent parser with its line/column error reporting; its parts only make sense together.
// A strict RFC 8259 parser over UTF-8 bytes that records the line and column of every value.

/// Parses JSON text strictly per RFC 8259, recording where every value and key starts.
///
/// Lines count LF characters; columns count Unicode scalars from 1 (a tab is one column).
/// A UTF-8 byte order mark at the very start is skipped and does not count as a column.
/// `maxDepth` bounds both the parser's recursion and the depth of the returned tree, so keep
/// it in the hundreds at most; the default of 64 suits configuration files and imports.
public struct JSONParser: Sendable {
    // Never instantiated: per-call state lives in JSONScanner, so concurrent parses share nothing.
    private init() {}

    /// Parses a complete JSON document from a string.
    public static func parse(_ text: String, maxDepth: Int = 64) throws(JSONSyntaxError) -> JSONNode {
        var text = text
        // withUTF8 is not typed-throws, so the error travels out inside a Result.
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONNode in
                try parseDocument(buffer, maxDepth: maxDepth)
            }
        }
        return try result.get()
    }

    /// Parses a complete JSON document from bytes, which may be anything, including invalid UTF-8.
    public static func parse(bytes: [UInt8], maxDepth: Int = 64) throws(JSONSyntaxError) -> JSONNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONNode in
            try parseDocument(buffer, maxDepth: maxDepth)
        }
    }

    /// Calls `body` with each element of a top-level array as soon as it is parsed, never building the whole array.
    ///
    /// Only one element's tree is alive at a time, so memory stays bounded by the largest element
    /// (plus the input bytes the caller holds). Syntax errors are thrown as `JSONSyntaxError`;
    /// errors thrown by `body` propagate unchanged and stop parsing. Because elements are delivered
    /// as they are read, `body` may already have seen earlier elements when a later syntax error is
    /// thrown, so treat an import as failed as a whole. Element depth counts the outer array as level 1.
    public static func forEachArrayElement(
        bytes: [UInt8],
        maxDepth: Int = 64,
        _ body: (JSONNode) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, maxDepth: maxDepth)
            try scanner.parseTopLevelArray(body)
        }
    }

    private static func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONSyntaxError) -> JSONNode {
        var scanner = JSONScanner(buffer, maxDepth: maxDepth)
        return try scanner.parseDocument()
    }
}

/// The parsing state: a cursor over the bytes plus the bookkeeping needed to turn offsets into lines and columns.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let maxDepth: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    // UTF-8 continuation bytes passed on the current line; subtracting them turns byte offsets into scalar columns.
    var lineAdjust = 0
    // Shared stacks let each container allocate its final array once, at its exact size.
    var nodeStack: [JSONNode] = []
    var memberStack: [JSONMember] = []
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.end = bytes.count
        self.maxDepth = maxDepth
        // Only a BOM at the very start is tolerated; it is not part of any column.
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
    }

    // MARK: Documents

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        let node = try parseValue(depth: 0)
        try expectEndOfDocument()
        return node
    }

    mutating func parseTopLevelArray(_ body: (JSONNode) throws -> Void) throws {
        skipWhitespace()
        guard pos < end, bytes[pos] == UInt8(ascii: "[") else {
            throw unexpected("expected '[' because the top level must be an array")
        }
        if maxDepth < 1 { throw error(at: pos, "nesting deeper than \(maxDepth) levels") }
        pos += 1
        skipWhitespace()
        if pos < end, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                try body(parseValue(depth: 1))
                skipWhitespace()
                guard pos < end else { throw errorAtEnd() }
                let b = bytes[pos]
                if b == UInt8(ascii: "]") { pos += 1; break }
                guard b == UInt8(ascii: ",") else { throw unexpected("expected ',' or ']' after an array element") }
                pos += 1
                skipWhitespace()
                try rejectTrailingComma(before: UInt8(ascii: "]"))
            }
        }
        try expectEndOfDocument()
    }

    private mutating func expectEndOfDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        if pos < end { throw error(at: pos, "unexpected text after the end of the JSON value") }
    }

    // MARK: Values

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = bytes[pos]
            if b > 0x20 { return }
            if b == 0x20 || b == 0x09 || b == 0x0D {
                pos += 1
            } else if b == 0x0A {
                pos += 1
                line += 1
                lineStart = pos
                lineAdjust = 0
            } else {
                return
            }
        }
    }

    /// Parses one value at `pos` (whitespace already skipped); `depth` is the number of enclosing containers.
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard pos < end else { throw errorAtEnd() }
        let line = self.line
        let column = pos - lineStart - lineAdjust + 1
        let value: JSONValue
        switch bytes[pos] {
        case UInt8(ascii: "\""):
            value = .string(try parseString())
        case UInt8(ascii: "{"):
            value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            value = .null
        default:
            throw unexpected("expected a value")
        }
        return JSONNode(value: value, line: line, column: column)
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        // Checked before descending, so hostile input like 100k '[' never recurses past maxDepth.
        if depth > maxDepth { throw error(at: pos, "nesting deeper than \(maxDepth) levels") }
        pos += 1
        skipWhitespace()
        if pos < end, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array([])
        }
        let base = nodeStack.count
        while true {
            let node = try parseValue(depth: depth)
            nodeStack.append(node)
            skipWhitespace()
            guard pos < end else { throw errorAtEnd() }
            let b = bytes[pos]
            if b == UInt8(ascii: "]") { pos += 1; break }
            guard b == UInt8(ascii: ",") else { throw unexpected("expected ',' or ']' after an array element") }
            pos += 1
            skipWhitespace()
            try rejectTrailingComma(before: UInt8(ascii: "]"))
        }
        let elements = Array(nodeStack[base...])
        nodeStack.removeSubrange(base...)
        return .array(elements)
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > maxDepth { throw error(at: pos, "nesting deeper than \(maxDepth) levels") }
        pos += 1
        skipWhitespace()
        guard pos < end else { throw errorAtEnd() }
        if bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object([])
        }
        let base = memberStack.count
        var keyExpectation = "expected a string key or '}'"
        while true {
            guard pos < end else { throw errorAtEnd() }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw unexpected(keyExpectation) }
            let keyLine = line
            let keyColumn = pos - lineStart - lineAdjust + 1
            let key = try parseString()
            skipWhitespace()
            guard pos < end else { throw errorAtEnd() }
            guard bytes[pos] == UInt8(ascii: ":") else { throw unexpected("expected ':' after an object key") }
            pos += 1
            skipWhitespace()
            let node = try parseValue(depth: depth)
            memberStack.append(JSONMember(key: key, line: keyLine, column: keyColumn, node: node))
            skipWhitespace()
            guard pos < end else { throw errorAtEnd() }
            let b = bytes[pos]
            if b == UInt8(ascii: "}") { pos += 1; break }
            guard b == UInt8(ascii: ",") else { throw unexpected("expected ',' or '}' after an object member") }
            pos += 1
            skipWhitespace()
            keyExpectation = "expected a string key after ','"
        }
        let members = Array(memberStack[base...])
        memberStack.removeSubrange(base...)
        return .object(members)
    }

    // Trailing commas are the most common hand-editing mistake, so they get their own message.
    private func rejectTrailingComma(before close: UInt8) throws(JSONSyntaxError) {
        if pos < end, bytes[pos] == close {
            throw error(at: pos, "expected a value after ',', found '\(Character(Unicode.Scalar(close)))'")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for i in 0..<count {
            let p = pos + i
            guard p < end else { throw errorAtEnd() }
            if bytes[p] != text[i] { throw unexpected("expected a value") }
        }
        pos += count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") {
            pos += 1
        }
        guard pos < end else { throw errorAtEnd() }
        let first = bytes[pos]
        if first == UInt8(ascii: "0") {
            pos += 1
            if pos < end, isDigit(bytes[pos]) {
                throw error(at: start, "leading zeros are not allowed in numbers")
            }
        } else if isDigit(first) {
            pos += 1
            skipDigits()
        } else {
            throw unexpected("expected a digit after '-'")
        }
        if pos < end, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < end else { throw errorAtEnd() }
            guard isDigit(bytes[pos]) else { throw unexpected("expected a digit after the decimal point") }
            skipDigits()
        }
        if pos < end, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if pos < end, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
                pos += 1
            }
            guard pos < end else { throw errorAtEnd() }
            guard isDigit(bytes[pos]) else { throw unexpected("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool {
        b &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private mutating func skipDigits() {
        while pos < end, isDigit(bytes[pos]) { pos += 1 }
    }

    // MARK: Strings

    /// Parses a string whose opening quote is at `pos`, leaving `pos` after the closing quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        pos += 1
        let start = pos
        // Fast path: most strings have no escapes, so they are validated in place and decoded once.
        while pos < end {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            if b >= 0x80 {
                try skipUTF8Sequence()
            } else {
                pos += 1
            }
        }
        return try parseEscapedString(from: start)
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while true {
            guard pos < end else { throw errorAtEnd() }
            let b = bytes[pos]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                if b >= 0x80 { try skipUTF8Sequence() } else { pos += 1 }
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
            if b == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b < 0x20 {
                throw error(at: pos, "control character \(JSONScanner.scalarName(UInt32(b))) in a string; write it as \(JSONScanner.escapeSuggestion(b))")
            }
            try decodeEscape()
            runStart = pos
        }
    }

    /// Decodes the escape whose backslash is at `pos` into `scratch`.
    private mutating func decodeEscape() throws(JSONSyntaxError) {
        let escapeStart = pos
        guard pos + 1 < end else { throw errorAtEnd() }
        let e = bytes[pos + 1]
        let simple: UInt8
        switch e {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let unit = try readHex4(at: pos + 2, escapeStart: escapeStart)
            pos += 6
            var scalarValue = unit
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw error(at: escapeStart, "unpaired surrogate \\u\(JSONScanner.hex(unit, digits: 4)) in a string")
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                // Built lazily: the message is only needed when the pair is broken.
                func unpaired() -> JSONSyntaxError {
                    error(at: escapeStart, "unpaired surrogate \\u\(JSONScanner.hex(unit, digits: 4)) in a string")
                }
                guard pos < end else { throw errorAtEnd() }
                guard bytes[pos] == UInt8(ascii: "\\") else { throw unpaired() }
                guard pos + 1 < end else { throw errorAtEnd() }
                guard bytes[pos + 1] == UInt8(ascii: "u") else { throw unpaired() }
                let low = try readHex4(at: pos + 2, escapeStart: pos)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw unpaired() }
                pos += 6
                scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(scalarValue)
            return
        default:
            if e >= 0x21 && e <= 0x7E {
                throw error(at: escapeStart, "invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
            }
            if e >= 0x80 && utf8Status(at: pos + 1) == 0 {
                throw error(at: pos + 1, "invalid UTF-8 byte 0x\(JSONScanner.hex(UInt32(e), digits: 2))")
            }
            throw error(at: escapeStart, "invalid escape: '\\' followed by \(describe(at: pos + 1))")
        }
        scratch.append(simple)
        pos += 2
    }

    private func readHex4(at start: Int, escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for p in start..<(start + 4) {
            guard p < end else { throw errorAtEnd(from: p) }
            let b = bytes[p]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw error(at: escapeStart, "expected four hex digits after '\\u'")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    // MARK: UTF-8

    /// Validates the multi-byte sequence at `pos` and steps over it.
    @inline(__always)
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let length = utf8Status(at: pos)
        if length > 0 {
            pos += length
            lineAdjust += length - 1
        } else if length < 0 {
            throw errorAtEnd()
        } else {
            throw error(at: pos, "invalid UTF-8 byte 0x\(JSONScanner.hex(UInt32(bytes[pos]), digits: 2))")
        }
    }

    /// The length of the well-formed UTF-8 sequence at `p`, 0 if it is malformed, or -1 if the input ends inside it.
    func utf8Status(at p: Int) -> Int {
        let lead = bytes[p]
        if lead < 0x80 { return 1 }
        let length: Int
        // The second byte's range is narrowed to exclude overlongs, surrogates and values past U+10FFFF.
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        for i in 1..<length {
            guard p + i < end else { return -1 }
            let b = bytes[p + i]
            if i == 1 {
                if b < low || b > high { return 0 }
            } else if b & 0xC0 != 0x80 {
                return 0
            }
        }
        return length
    }

    // MARK: Errors

    private func error(at p: Int, _ message: String) -> JSONSyntaxError {
        // Callers only point back over ASCII on the current line, so the running adjustment still applies.
        JSONSyntaxError(line: line, column: p - lineStart - lineAdjust + 1, message: message)
    }

    /// "unexpected end of input" at the end, counting any scalars between `from` and the end.
    private func errorAtEnd(from start: Int? = nil) -> JSONSyntaxError {
        var line = self.line
        var column = (start ?? pos) - lineStart - lineAdjust + 1
        var p = start ?? pos
        while p < end {
            let b = bytes[p]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            p += 1
        }
        return JSONSyntaxError(line: line, column: column, message: "unexpected end of input")
    }

    /// An error saying what was expected and what was found at `pos`.
    private func unexpected(_ expected: String) -> JSONSyntaxError {
        guard pos < end else { return errorAtEnd() }
        let b = bytes[pos]
        if b >= 0x80 {
            let status = utf8Status(at: pos)
            if status < 0 { return errorAtEnd() }
            if status == 0 {
                return error(at: pos, "invalid UTF-8 byte 0x\(JSONScanner.hex(UInt32(b), digits: 2))")
            }
        }
        return error(at: pos, "\(expected), found \(describe(at: pos))")
    }

    /// A short human description of the character at `p`, e.g. `'x'`, `'NaN'`, `U+000C` or `'“' (U+201C)`.
    private func describe(at p: Int) -> String {
        guard p < end else { return "end of input" }
        let b = bytes[p]
        if b < 0x80 {
            if b < 0x21 || b == 0x7F { return JSONScanner.scalarName(UInt32(b)) }
            if b == UInt8(ascii: "'") { return "\"'\"" }
            if isWordByte(b) {
                // A whole word reads better than one letter for NaN, True, undefined and the like.
                var q = p
                while q < end, q - p < 20, isWordByte(bytes[q]) { q += 1 }
                return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[p..<q]), as: UTF8.self) + "'"
            }
            return "'\(Character(Unicode.Scalar(b)))'"
        }
        let length = utf8Status(at: p)
        guard length > 0 else { return "byte 0x\(JSONScanner.hex(UInt32(b), digits: 2))" }
        var value = UInt32(b) & (0xFF >> (length + 1))
        for i in 1..<length {
            value = value << 6 | UInt32(bytes[p + i] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return JSONScanner.scalarName(value) }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return JSONScanner.scalarName(value)
        default:
            return "'\(Character(scalar))' (\(JSONScanner.scalarName(value)))"
        }
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- UInt8(ascii: "a") < 26 || isDigit(b) || b == UInt8(ascii: "_")
    }

    static func scalarName(_ value: UInt32) -> String {
        "U+" + hex(value, digits: 4)
    }

    static func escapeSuggestion(_ b: UInt8) -> String {
        switch b {
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        default: return "\\u" + hex(UInt32(b), digits: 4)
        }
    }

    /// Uppercase hexadecimal, zero-padded to at least `digits` digits.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }
}
