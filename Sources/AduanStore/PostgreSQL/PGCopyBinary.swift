import AduanCore

/// COPY's binary format (PostgreSQL manual, "COPY … File Formats → Binary Format"), used for the
/// events, their forms and the text rows of a bulk load: the server then reads each `tsvector`
/// with `tsvectorrecv` instead of parsing its literal, numbers without converting them and texts
/// without unescaping. Measured on 20,000 demo reports (server CPU, every index built at the end):
/// `complaint_texts` 0.61 s → 0.22 s, `events` 0.54 → 0.41 s, `event_views` 0.44 → 0.30 s
/// (notes/s7/RESULT-a.md).
///
/// Layout, all integers big-endian: the signature `PGCOPY\n\377\r\n\0`, a 32-bit flags field (0)
/// and a 32-bit header extension length (0); each row a 16-bit field count, then each field as a
/// 32-bit length (-1 for NULL) and its bytes in the type's binary form; the trailer a 16-bit -1.
public struct BinaryCopyWriter {
    public private(set) var bytes: [UInt8] = Self.header

    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]

    public init() {}

    /// Starts a row of `fields` fields.
    public mutating func row(_ fields: Int) { Self.int16(Int16(fields), &bytes) }
    public mutating func int8(_ v: Int64) { Self.int8Field(v, &bytes) }
    public mutating func bool(_ b: Bool) { Self.boolField(b, &bytes) }
    public mutating func text(_ s: String) { Self.textField(s, &bytes) }
    /// Bytes already in field form (length and value: a prepared row's tail).
    mutating func raw(_ slice: Slice<UnsafeBufferPointer<UInt8>>) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: slice)) }
    public mutating func raw(_ fields: [UInt8]) { bytes.append(contentsOf: fields) }
    /// A bytea field (the hash).
    mutating func bytea(_ b: [UInt8]) { Self.bytesField(b, &bytes) }
    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }
    /// The whole COPY data, trailer included.
    public func finished() -> [UInt8] { bytes + [0xFF, 0xFF] }

    static func int16(_ v: Int16, _ out: inout [UInt8]) {
        let u = UInt16(bitPattern: v)
        out.append(UInt8(u >> 8)); out.append(UInt8(u & 0xFF))
    }

    static func int32(_ v: Int32, _ out: inout [UInt8]) {
        let u = UInt32(bitPattern: v)
        out.append(UInt8(u >> 24)); out.append(UInt8((u >> 16) & 0xFF)); out.append(UInt8((u >> 8) & 0xFF)); out.append(UInt8(u & 0xFF))
    }

    static func int8Field(_ v: Int64, _ out: inout [UInt8]) {
        int32(8, &out)
        let u = UInt64(bitPattern: v)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((u >> UInt64(shift)) & 0xFF)) }
    }

    static func int4Field(_ v: Int32, _ out: inout [UInt8]) {
        int32(4, &out)
        int32(v, &out)
    }

    static func nullField(_ out: inout [UInt8]) { int32(-1, &out) }

    /// A text (UTF-8) or bytea field from bytes.
    static func bytesField(_ b: [UInt8], _ out: inout [UInt8]) {
        int32(Int32(b.count), &out)
        out.append(contentsOf: b)
    }

    static func boolField(_ b: Bool, _ out: inout [UInt8]) {
        int32(1, &out)
        out.append(b ? 1 : 0)
    }

    static func textField(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            int32(Int32(u.count), &out)
            out.append(contentsOf: u)
        }
    }

    /// Reserves a field's length, to be set by `closeField` once its bytes are written.
    static func openField(_ out: inout [UInt8]) -> Int {
        out.append(contentsOf: [0, 0, 0, 0])
        return out.count
    }

    static func closeField(_ start: Int, _ out: inout [UInt8]) {
        let n = UInt32(out.count - start)
        out[start - 4] = UInt8(n >> 24); out[start - 3] = UInt8((n >> 16) & 0xFF)
        out[start - 2] = UInt8((n >> 8) & 0xFF); out[start - 1] = UInt8(n & 0xFF)
    }
}

extension PGSearch {
    /// `vector(title:body:)` as a binary `tsvector` field (what `tsvectorrecv` reads): the number of
    /// lexemes, then each lexeme NUL-terminated with its count of positions and the positions
    /// (16 bits, weight D). Lexemes go in the server's order (bytewise, a prefix first), so the
    /// server has nothing to sort; the literal and this read back as the same value
    /// (`PGBulkTests.theBinaryVectorIsTheLiteralsValue`).
    public static func appendBinaryVector(title: String, body: String, to out: inout [UInt8]) {
        appendBinary(entries(title: title, body: body), to: &out)
    }

    /// `words` (lexemes with their positions) as a binary `tsvector` field.
    static func appendBinary(_ entries: [(word: String, positions: [Int])], to out: inout [UInt8]) {
        var words = entries.map { (bytes: Array($0.word.utf8), positions: $0.positions) }
        words.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        // The words under one empty prefix (PGScopedSearch.swift writes every vector).
        appendBinaryScopedVector(prefixes: [""], sortedWords: words, to: &out)
    }
}

extension PGConnection {
    /// Sends binary COPY data (`BinaryCopyWriter`, finished) to a `COPY … FROM STDIN WITH (FORMAT binary)`.
    public func copyBinary(_ sql: String, _ writer: BinaryCopyWriter) throws(PostgresError) {
        try copyBytes(sql, writer.finished())
    }
}
