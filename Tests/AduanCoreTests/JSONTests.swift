import Testing
@testable import AduanCore

// MARK: - Helpers

/// SplitMix64: tiny, deterministic and good enough to drive fuzzing and generated values.
private extension SplitMix64 {
    init(state: UInt64) { self.init(seed: state) }

    mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(n))
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}

private func parseError(_ text: String) -> JSONSyntaxError? {
    parseError(bytes: Array(text.utf8))
}

private func parseError(bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

/// Generates a random tree whose strings mix ASCII, escapes-needing characters, emoji, CJK and separators.
private func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
    let kind = depth >= 4 ? rng.below(4) : rng.below(6)
    switch kind {
    case 0: return .null
    case 1: return .bool(rng.below(2) == 0)
    case 2: return .number(rng.pick(["0", "-0", "12", "-3.5e2", "1E+9", "0.000001", "9223372036854775807", "1e-7", "123456789012345678901234567890"]))
    case 3: return .string(randomString(&rng))
    case 4: return .array((0..<rng.below(5)).map { _ in JSONNode(randomValue(&rng, depth: depth + 1)) })
    default:
        return .object((0..<rng.below(5)).map { _ in
            JSONMember(randomString(&rng), randomValue(&rng, depth: depth + 1))
        })
    }
}

private func randomString(_ rng: inout SplitMix64) -> String {
    let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
                  "\u{7F}", "é", "ü", "中", "文", "😀", "👍🏽", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{10FFFF}", "aduan",
                  "\u{9B}", "\u{80}", "\u{9F}", "\u{A0}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{61C}", "\u{2065}"]
    var s = ""
    for _ in 0..<rng.below(8) { s += rng.pick(pieces) }
    return s
}

/// Drives the stream writer call by call, independently of `JSONStreamWriter.value(_:)`.
private func write(_ value: JSONValue, to writer: inout JSONStreamWriter, chunks: inout String, rng: inout SplitMix64) {
    if rng.below(4) == 0 { chunks += writer.takeText() }
    switch value {
    case .null: writer.null()
    case .bool(let b): writer.bool(b)
    case .number(let n): writer.number(n)
    case .string(let s): writer.string(s)
    case .array(let elements):
        writer.beginArray()
        for e in elements { write(e.value, to: &writer, chunks: &chunks, rng: &rng) }
        writer.endArray()
    case .object(let members):
        writer.beginObject()
        for m in members {
            writer.key(m.key)
            write(m.node.value, to: &writer, chunks: &chunks, rng: &rng)
        }
        writer.endObject()
    }
}

// MARK: - Parsing values and positions

@Test func parsesScalars() throws {
    #expect(try JSONParser.parse("null").isNull)
    #expect(try JSONParser.parse("true").bool == true)
    #expect(try JSONParser.parse(" false ").bool == false)
    #expect(try JSONParser.parse("-3.5e2").value == .number("-3.5e2"))
    #expect(try JSONParser.parse("\"hi\"").string == "hi")
    #expect(try JSONParser.parse("[]").array == [])
    #expect(try JSONParser.parse("{}").members == [])
}

@Test func recordsLinesAndScalarColumns() throws {
    let text = "{\n  \"nama\": \"Siti\",\n\t\"kota\": [1, \"é😀\", true],\n  \"catatan\": \"中文\", \"x\": null\n}"
    let root = try JSONParser.parse(text)
    #expect(root.line == 1 && root.column == 1)
    let nama = try #require(root.member("nama"))
    #expect(nama.line == 2 && nama.column == 3)
    #expect(nama.node.line == 2 && nama.node.column == 11)
    let kota = try #require(root["kota"]?.array)
    #expect(kota.map(\.column) == [11, 14, 20])
    #expect(kota.allSatisfy { $0.line == 3 })
    // Columns count scalars: "中文" is two columns, not six bytes.
    let x = try #require(root.member("x"))
    #expect(x.line == 4 && x.column == 20)
    #expect(x.node.column == 25)
}

@Test func skipsByteOrderMarkWithoutCountingIt() throws {
    let node = try JSONParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
    #expect(node.column == 1)
    #expect(node.array?.first?.column == 2)
    #expect(try JSONParser.parse("\u{FEFF}{}").members == [])
    // Anywhere else a BOM is an ordinary character, and not a valid value.
    #expect(parseError(" \u{FEFF}{}")?.message == "expected a value, found U+FEFF")
}

@Test func stringAndBytesEntryPointsAgree() throws {
    let text = "{\"a\": [1, 2.5, \"\\u00e9\\ud83d\\ude00\"], \"b\": {\"c\": null}}"
    #expect(try JSONParser.parse(text) == JSONParser.parse(bytes: Array(text.utf8)))
}

@Test func keepsMemberOrderAndDuplicates() throws {
    let node = try JSONParser.parse(#"{"b": 1, "a": 2, "b": 3}"#)
    #expect(node.members?.map(\.key) == ["b", "a", "b"])
    #expect(node["b"]?.int == 1)
    #expect(node["missing"] == nil)
    #expect(try JSONParser.parse("[1]")["b"] == nil)
}

@Test func decodesEscapes() throws {
    let node = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u4e2d\ud83d\ude00\u0000 x""#)
    #expect(node.string == "\"\\/\u{08}\u{0C}\n\r\tAé中😀\u{0} x")
    #expect(try JSONParser.parse(#""caf\u00C9 ok""#).string == "cafÉ ok")
    #expect(try JSONParser.parse("\"mixed é then \\n then 😀\"").string == "mixed é then \n then 😀")
}

// MARK: - Accessors and builders

@Test func numericAccessors() throws {
    let node = try JSONParser.parse(#"[12, -7, 1.0, 1e3, 9223372036854775807, 9223372036854775808, -0, 2.5, 1e400, "3"]"#)
    let items = try #require(node.array)
    #expect(items.map(\.int) == [12, -7, nil, nil, Int.max, nil, 0, nil, nil, nil])
    #expect(items[4].int64 == Int64.max)
    #expect(items[5].int64 == nil)
    #expect(items[2].double == 1.0)
    #expect(items[3].double == 1000)
    #expect(items[7].double == 2.5)
    #expect(items[8].double == nil)
    #expect(items[9].double == nil)
    #expect(JSONNode(.number("+5")).int == nil)
}

@Test func typeNamesAndKindAccessors() throws {
    let node = try JSONParser.parse(#"[null, true, 1, "s", [], {}]"#)
    let items = try #require(node.array)
    #expect(items.map(\.typeName) == ["null", "boolean", "number", "string", "array", "object"])
    #expect(items[0].string == nil && items[1].int == nil && items[2].bool == nil)
    #expect(items[3].array == nil && items[4].members == nil && !items[5].isNull)
}

@Test func buildersAndLiterals() throws {
    let built: JSONValue = .object(pairs: [("id", .int(1)), ("title", .string("x")), ("tags", .array(values: ["a", 2]))])
    let literal: JSONValue = ["id": 1, "title": "x", "tags": ["a", 2]]
    #expect(built == literal)
    #expect(built.serialized() == #"{"id":1,"title":"x","tags":["a",2]}"#)
    let parsed = try JSONParser.parse(built.serialized())
    #expect(parsed.value != built)
    #expect(parsed.value.withoutPositions == built)
    #expect(JSONValue.double(.nan) == .null)
    #expect(JSONValue.double(0.1) == .number("0.1"))
    #expect(JSONValue.string(orNull: nil) == .null)
    let f: JSONValue = 2.5
    #expect(f == .number("2.5"))
    #expect(JSONNode(.bool(true)).line == 0)
}

// MARK: - Syntax errors

@Test(arguments: [
    ("", 1, 1, "unexpected end of input"),
    ("  \n ", 2, 2, "unexpected end of input"),
    ("{\"a\": 1", 1, 8, "unexpected end of input"),
    ("{\"a\": \"b", 1, 9, "unexpected end of input"),
    ("[1, 2", 1, 6, "unexpected end of input"),
    ("[tr", 1, 4, "unexpected end of input"),
    ("\"\\u12", 1, 6, "unexpected end of input"),
    ("{\"a\": 1 x}", 1, 9, "expected ',' or '}' after an object member, found 'x'"),
    ("{\"a\" 1}", 1, 6, "expected ':' after an object key, found '1'"),
    ("{a: 1}", 1, 2, "expected a string key or '}', found 'a'"),
    ("{'a': 1}", 1, 2, "expected a string key or '}', found \"'\""),
    ("{\"a\": 1,}", 1, 9, "expected a string key after ',', found '}'"),
    ("[1,]", 1, 4, "expected a value after ',', found ']'"),
    ("[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
    ("[1] x", 1, 5, "unexpected text after the end of the JSON value"),
    ("{} {}", 1, 4, "unexpected text after the end of the JSON value"),
    ("NaN", 1, 1, "expected a value, found 'NaN'"),
    ("[Infinity]", 1, 2, "expected a value, found 'Infinity'"),
    ("-Infinity", 1, 2, "expected a digit after '-', found 'Infinity'"),
    ("True", 1, 1, "expected a value, found 'True'"),
    ("nul", 1, 4, "unexpected end of input"),
    ("nulL", 1, 1, "expected a value, found 'nulL'"),
    ("+1", 1, 1, "expected a value, found '+'"),
    (".5", 1, 1, "expected a value, found '.'"),
    ("01", 1, 1, "leading zeros are not allowed in numbers"),
    ("-01", 1, 1, "leading zeros are not allowed in numbers"),
    ("1.", 1, 3, "unexpected end of input"),
    ("1.e5", 1, 3, "expected a digit after the decimal point, found 'e5'"),
    ("1e", 1, 3, "unexpected end of input"),
    ("1e+", 1, 4, "unexpected end of input"),
    ("[1E+x]", 1, 5, "expected a digit in the exponent, found 'x'"),
    ("\"a\u{0}b\"", 1, 3, "control character U+0000 in a string; write it as \\u0000"),
    ("{\n\"a\": \"line\nbreak\"}", 2, 11, "control character U+000A in a string; write it as \\n"),
    ("\"tab\there\"", 1, 5, "control character U+0009 in a string; write it as \\t"),
    ("\"bad \\x escape\"", 1, 6, "invalid escape '\\x' in a string"),
    ("\"\\u12G4\"", 1, 2, "expected four hex digits after '\\u'"),
    ("\"\\ud83d\"", 1, 2, "unpaired surrogate \\uD83D in a string"),
    ("\"\\ud83d\\u0041\"", 1, 2, "unpaired surrogate \\uD83D in a string"),
    ("\"\\ude00\"", 1, 2, "unpaired surrogate \\uDE00 in a string"),
    ("\"é\\q\"", 1, 3, "invalid escape '\\q' in a string"),
    ("[\"ü\", \u{201C}x\u{201D}]", 1, 7, "expected a value, found '\u{201C}' (U+201C)"),
    ("[1,\u{A0}2]", 1, 4, "expected a value, found U+00A0"),
    ("\u{0C}1", 1, 1, "expected a value, found U+000C"),
    ("1\r\n\r\n]", 3, 1, "unexpected text after the end of the JSON value"),
])
func reportsSyntaxErrors(input: String, line: Int, column: Int, message: String) throws {
    let error = try #require(parseError(input))
    #expect(error == JSONSyntaxError(line: line, column: column, message: message))
    // Both entry points report the same thing.
    #expect(throws: error) { try JSONParser.parse(input) }
}

@Test func errorDescriptionNamesLineAndColumn() {
    let error = JSONSyntaxError(line: 3, column: 7, message: "unexpected end of input")
    #expect(error.description == "line 3, column 7: unexpected end of input")
    #expect("\(parseError("{\n  \"a\" 1}")!)" == "line 2, column 7: expected ':' after an object key, found '1'")
}

@Test(arguments: [
    ([0x22, 0xC3, 0x22] as [UInt8], 1, 2, "invalid UTF-8 byte 0xC3"),    // lead byte without continuation
    ([0x22, 0x80, 0x22], 1, 2, "invalid UTF-8 byte 0x80"),                // lone continuation byte
    ([0x22, 0xC0, 0x80, 0x22], 1, 2, "invalid UTF-8 byte 0xC0"),          // overlong NUL
    ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1, 2, "invalid UTF-8 byte 0xE0"),    // overlong 3-byte
    ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 1, 2, "invalid UTF-8 byte 0xF0"),
    ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8 byte 0xED"),    // UTF-8 encoded surrogate
    ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2, "invalid UTF-8 byte 0xF4"), // above U+10FFFF
    ([0x22, 0xFF, 0x22], 1, 2, "invalid UTF-8 byte 0xFF"),
    ([0x22, 0xC3, 0xA9, 0xE2, 0x82, 0x22], 1, 3, "invalid UTF-8 byte 0xE2"), // column counts é as one
    ([0x22, 0xE2, 0x82], 1, 3, "unexpected end of input"),                // truncated at end of input
    ([0x5B, 0xC3, 0x28, 0x5D], 1, 2, "invalid UTF-8 byte 0xC3"),          // outside a string
    ([0x31, 0x0A, 0xFE], 2, 1, "unexpected text after the end of the JSON value"),
    ([0x22, 0x5C, 0xC3, 0x22], 1, 3, "invalid UTF-8 byte 0xC3"),          // after a backslash
])
func rejectsInvalidUTF8(bytes: [UInt8], line: Int, column: Int, message: String) throws {
    let error = try #require(parseError(bytes: bytes))
    #expect(error == JSONSyntaxError(line: line, column: column, message: message))
}

@Test func acceptsValidUTF8Boundaries() throws {
    let text = "\"\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}\u{7F}\""
    #expect(try JSONParser.parse(bytes: Array(text.utf8)).string == "\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}\u{7F}")
}

@Test func acceptsRFCNumbers() throws {
    for literal in ["0", "-0", "7", "-12", "0.5", "-0.0", "10.25", "1e5", "1E5", "1e+5", "1e-5", "-1.5E-05", "123456789012345678901234567890"] {
        #expect(try JSONParser.parse(literal).value == .number(literal))
        #expect(JSONStreamWriter.isValidNumber(literal))
    }
    for literal in ["", "-", "+1", ".5", "5.", "01", "1e", "1e+", "0x10", "NaN", "1 "] {
        #expect(!JSONStreamWriter.isValidNumber(literal))
    }
}

@Test func enforcesMaxDepth() throws {
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(throws: Never.self) { try JSONParser.parse(ok) }
    let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(parseError(tooDeep) == JSONSyntaxError(line: 1, column: 65, message: "nesting deeper than 64 levels"))
    #expect(parseError(String(repeating: "{\"a\":", count: 5) + "1" + String(repeating: "}", count: 5)) == nil)
    #expect(throws: JSONSyntaxError(line: 1, column: 3, message: "nesting deeper than 2 levels")) {
        try JSONParser.parse("[[[1]]]", maxDepth: 2)
    }
}

@Test func hostileNestingStopsEarly() {
    for opener in ["[", "{\"a\":", "[{\"k\":"] {
        let bytes = Array(String(repeating: opener, count: 100_000).utf8)
        let error = parseError(bytes: bytes)
        #expect(error?.message == "nesting deeper than 64 levels")
        #expect(throws: JSONSyntaxError.self) {
            try JSONParser.forEachArrayElement(bytes: bytes) { _ in }
        }
    }
}

// MARK: - Streaming arrays

@Test func streamsTopLevelArrayElements() throws {
    let text = "\u{FEFF}[\n  {\"id\": 1},\n  {\"id\": 2, \"tags\": [\"a\"]},\n  3\n]\n"
    var seen: [JSONNode] = []
    try JSONParser.forEachArrayElement(bytes: Array(text.utf8)) { seen.append($0) }
    #expect(seen == (try JSONParser.parse(text).array))
    #expect(seen.map(\.line) == [2, 3, 4])
    var count = 0
    try JSONParser.forEachArrayElement(bytes: Array(" [ ] ".utf8)) { _ in count += 1 }
    #expect(count == 0)
}

@Test func streamingReportsSyntaxErrorsAfterDeliveredElements() throws {
    var ids: [Int] = []
    let bytes = Array("[{\"id\": 1},\n{\"id\": 2}\n{\"id\": 3}]".utf8)
    do {
        try JSONParser.forEachArrayElement(bytes: bytes) { ids.append($0["id"]?.int ?? -1) }
        Issue.record("expected a syntax error")
    } catch let error as JSONSyntaxError {
        #expect(error == JSONSyntaxError(line: 3, column: 1, message: "expected ',' or ']' after an array element, found '{'"))
    }
    #expect(ids == [1, 2])
}

@Test func streamingRequiresTopLevelArray() {
    #expect(throws: JSONSyntaxError(line: 1, column: 2, message: "expected '[' because the top level must be an array, found '{'")) {
        try JSONParser.forEachArrayElement(bytes: Array(" {}".utf8)) { _ in }
    }
    #expect(throws: JSONSyntaxError(line: 1, column: 5, message: "unexpected text after the end of the JSON value")) {
        try JSONParser.forEachArrayElement(bytes: Array("[1] 2".utf8)) { _ in }
    }
    #expect(throws: JSONSyntaxError(line: 1, column: 4, message: "expected a value after ',', found ']'")) {
        try JSONParser.forEachArrayElement(bytes: Array("[1,]".utf8)) { _ in }
    }
}

@Test func streamingPassesBodyErrorsThroughUnchanged() {
    struct Stop: Error, Equatable { let line: Int }
    #expect(throws: Stop(line: 2)) {
        try JSONParser.forEachArrayElement(bytes: Array("[1,\n2, 3]".utf8)) { node in
            if node.int == 2 { throw Stop(line: node.line) }
        }
    }
}

// MARK: - Writing

@Test func writesCompactAndPretty() {
    let value: JSONValue = ["id": 1, "tags": ["a", true, .null], "empty": [], "obj": [:], "nested": ["x": [1, 2]]]
    #expect(value.serialized() == #"{"id":1,"tags":["a",true,null],"empty":[],"obj":{},"nested":{"x":[1,2]}}"#)
    #expect(value.serialized(pretty: true) == """
    {
      "id": 1,
      "tags": [
        "a",
        true,
        null
      ],
      "empty": [],
      "obj": {},
      "nested": {
        "x": [
          1,
          2
        ]
      }
    }
    """)
    #expect(JSONValue.string("x").serialized(pretty: true) == "\"x\"")
}

@Test func escapesStrings() {
    func quoted(_ s: String) -> String {
        var out = "<"
        JSONEscaping.appendQuoted(s, to: &out)
        return out
    }
    #expect(quoted("plain é 中 😀") == "<\"plain é 中 😀\"")
    #expect(quoted("q\"b\\s/") == #"<"q\"b\\s/""#)
    #expect(quoted("\n\r\t\u{08}\u{0C}") == #"<"\n\r\t\b\f""#)
    #expect(quoted("\u{00}\u{01}\u{1F}\u{7F}") == "<\"\\u0000\\u0001\\u001f\\u007f\"")
    #expect(quoted("a\u{2028}b\u{2029}c\u{2027}") == "<\"a\\u2028b\\u2029c\u{2027}\"")
    #expect(quoted("") == "<\"\"")
    #expect(quoted("😀\n") == "<\"😀\\n\"")
}

@Test func jsonEscapesTerminalControlsAndBidiOverridesAlways() throws {
    func quoted(_ s: String) -> String {
        var out = ""
        JSONEscaping.appendQuoted(s, to: &out)
        var bytes: [UInt8] = []
        JSONEscaping.appendQuoted(s, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == out)
        return out
    }
    // OSC 0 (retitle) and OSC 52 (clipboard) with ESC and BEL, an 8-bit CSI, DEL.
    #expect(quoted("\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{1B}\\\u{9B}2J\u{7F}")
            == #""\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u001b\\\u009b2J\u007f""#)
    #expect(quoted("\u{80}\u{9F}\u{A0}") == "\"\\u0080\\u009f\u{A0}\"")
    #expect(quoted("a\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}b") == #""a\u202a\u202b\u202c\u202d\u202eb""#)
    #expect(quoted("\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{61C}") == #""\u2066\u2067\u2068\u2069\u200e\u200f\u061c""#)
    // Neighbours stay raw UTF-8.
    #expect(quoted("\u{2065}\u{206A}\u{2027}\u{2029}\u{200D}\u{61B}é") == "\"\u{2065}\u{206A}\u{2027}\\u2029\u{200D}\u{61B}é\"")
    // The text read back is the text written.
    let hostile = "judul\u{1B}]0;x\u{07}\u{9B}\u{202E}kanan\u{2066}"
    let node = try JSONParser.parse(bytes: Array(("[" + quoted(hostile) + "]").utf8), maxDepth: 4)
    #expect(node.array?.first?.string == hostile)
}

@Test func streamWriterBasics() {
    var w = JSONStreamWriter(pretty: false)
    #expect(!w.isComplete)
    w.beginObject()
    w.key("s"); w.string(nil)
    w.key("i"); w.int(nil)
    w.key("j"); w.int(Int64(-5))
    w.key("k"); w.int(7)
    w.key("o"); w.int(Int?.none)
    w.key("u"); w.int(UInt8(200))
    w.key("d"); w.double(.infinity)
    w.key("e"); w.double(1.5)
    w.key("b"); w.bool(nil)
    w.key("n"); w.null()
    w.key("raw"); w.number("-3.5e2")
    w.key("v"); w.value(["x": [1]])
    let first = w.takeText()
    #expect(w.text.isEmpty)
    w.endObject()
    #expect(w.isComplete)
    #expect(first + w.takeText() == #"{"s":null,"i":null,"j":-5,"k":7,"o":null,"u":200,"d":null,"e":1.5,"b":null,"n":null,"raw":-3.5e2,"v":{"x":[1]}}"#)
}

@Test func streamWriterMatchesSerializedAndRoundTrips() throws {
    var rng = SplitMix64(state: 2024)
    for i in 0..<400 {
        let value = randomValue(&rng, depth: 0)
        for pretty in [false, true] {
            let text = value.serialized(pretty: pretty)
            var writer = JSONStreamWriter(pretty: pretty)
            var chunks = ""
            write(value, to: &writer, chunks: &chunks, rng: &rng)
            chunks += writer.takeText()
            #expect(chunks == text, "case \(i), pretty \(pretty)")
            let parsed = try JSONParser.parse(text)
            #expect(parsed.value.withoutPositions == value, "case \(i): \(text)")
            #expect(try JSONParser.parse(bytes: Array(text.utf8)) == parsed)
        }
    }
}

@Test func roundTripsAwkwardStrings() throws {
    let strings = ["", "😀", "👨‍👩‍👧", "中文字", "\u{0}\u{1}\u{1F}", "\u{2028}\u{2029}", "\"\\/", "\u{FEFF}x", "é\u{301}", String(repeating: "ab\n", count: 300)]
    for s in strings {
        let value = JSONValue.object(pairs: [(s, .string(s))])
        #expect(try JSONParser.parse(value.serialized()).value.withoutPositions == value)
        #expect(try JSONParser.parse(value.serialized(pretty: true)).value.withoutPositions == value)
    }
}

// MARK: - Robustness

@Test func survivesRandomlyMutatedDocuments() throws {
    let seeds = [
        #"{"id": 12, "title": "Jalan rusak \u00e9 😀", "tags": ["a", "b"], "ok": true, "n": null, "x": -3.5e-2}"#,
        "[\n  {\"a\": [1, 2, {\"b\": \"\\ud83d\\ude00\"}]},\n  \"中文\", 0, -0.5E+3, false\n]",
        #"{"nested": {"deeper": {"deepest": [[[["x"]]]]}}, "esc": "\"\\\/\b\f\n\r\t"}"#,
        "\u{FEFF}[\"line\\u2028sep\", {}, [], \"\"]",
    ].map { Array($0.utf8) }
    let interesting: [UInt8] = Array("{}[],:\"\\-0123456789.eE+tfnu \n\t".utf8) + [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
    var rng = SplitMix64(state: 0xAD0A_0001)
    var parsedCount = 0
    var failedCount = 0
    for _ in 0..<6000 {
        var doc = rng.pick(seeds)
        for _ in 0..<(1 + rng.below(4)) {
            guard !doc.isEmpty else { break }
            let at = rng.below(doc.count)
            switch rng.below(6) {
            case 0: doc.removeSubrange(at...)                                   // truncation
            case 1: doc[at] ^= UInt8(1) << UInt8(rng.below(8))                   // bit flip
            case 2: doc.insert(rng.pick(interesting), at: at)                   // inserted byte
            case 3: doc.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)   // random byte
            case 4: doc.remove(at: at)                                          // deleted byte
            default:                                                            // duplicated slice
                let end = min(doc.count, at + rng.below(12))
                doc.insert(contentsOf: doc[at..<end], at: at)
            }
        }
        if rng.below(50) == 0 {
            doc = Array(repeating: UInt8(ascii: "["), count: 1000 + rng.below(100_000)) + doc
        }
        let lineCount = doc.count(where: { $0 == 0x0A }) + 1
        do {
            let node = try JSONParser.parse(bytes: doc)
            parsedCount += 1
            let again = try JSONParser.parse(node.value.serialized())
            #expect(again.value.withoutPositions == node.value.withoutPositions)
        } catch {
            failedCount += 1
            #expect(error.line >= 1 && error.line <= lineCount)
            #expect(error.column >= 1 && error.column <= doc.count + 1)
            #expect(!error.message.isEmpty)
        }
        do {
            try JSONParser.forEachArrayElement(bytes: doc) { _ in }
        } catch {
            #expect(error is JSONSyntaxError)
        }
    }
    #expect(parsedCount > 100)
    #expect(failedCount > 1000)
}
