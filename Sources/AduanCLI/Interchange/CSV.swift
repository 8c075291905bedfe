import AduanCore

/// A CSV problem with the line it starts on.
public struct CSVError: Error, Equatable, Sendable {
    public var line: Int
    /// What is wrong, said in a language by `problem.text(_:)`.
    public var problem: CSVProblem
    /// The 0-based field the problem is in, when known (so the column can be named).
    public var field: Int? = nil
    /// The problem in English.
    public var message: String { problem.text(.en) }
}

/// RFC 4180 reader over bytes: quoted fields with "" escapes and line breaks, CRLF or LF rows,
/// an optional UTF-8 BOM, and `,` or `;` as the separator (Excel in an Indonesian locale writes `;`).
/// Refuses invalid UTF-8, NUL bytes and oversized fields with the line where they occur.
public struct CSVReader {
    let bytes: [UInt8]
    var index: Int
    var line = 1
    public let separator: UInt8
    public var maxFieldBytes = 1 << 20

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The separator is whichever of , and ; the header line uses more (outside quotes).
        var commas = 0, semicolons = 0, inQuotes = false
        var i = index
        while i < bytes.count, bytes[i] != 10 || inQuotes {
            if bytes[i] == 34 { inQuotes.toggle() } else if !inQuotes && bytes[i] == 44 { commas += 1 } else if !inQuotes && bytes[i] == 59 { semicolons += 1 }
            i += 1
        }
        separator = semicolons > commas ? 59 : 44
    }

    public var isAtEnd: Bool { index >= bytes.count }

    /// The next record and the line it starts on, or nil at the end. Blank lines are skipped.
    public mutating func next() throws(CSVError) -> (line: Int, fields: [String])? {
        while index < bytes.count, bytes[index] == 10 || (bytes[index] == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) {
            if bytes[index] == 10 { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStartLine = line
        while true {
            if index >= bytes.count {
                if quoted { throw CSVError(line: fieldStartLine, problem: .unclosedQuote) }
                fields.append(try text(field, startLine, fields.count))
                return (startLine, fields)
            }
            let b = bytes[index]
            if b == 0 { throw CSVError(line: line, problem: .nulByte) }
            if quoted {
                if b == 34 {
                    if index + 1 < bytes.count, bytes[index + 1] == 34 {
                        field.append(34)
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    continue
                }
                if b == 10 { line += 1 }
                field.append(b)
                index += 1
            } else if b == separator {
                fields.append(try text(field, startLine, fields.count))
                field.removeAll(keepingCapacity: true)
                index += 1
                fieldStartLine = line
            } else if b == 10 || (b == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) {
                index += b == 13 ? 2 : 1
                line += 1
                fields.append(try text(field, startLine, fields.count))
                return (startLine, fields)
            } else if b == 34 && field.isEmpty {
                quoted = true
                fieldStartLine = line
                index += 1
            } else {
                field.append(b)
                index += 1
            }
            if field.count > maxFieldBytes {
                throw CSVError(line: fieldStartLine, problem: .fieldTooLong(kib: maxFieldBytes / 1024, field: fields.count + 1), field: fields.count)
            }
        }
    }

    func text(_ field: [UInt8], _ line: Int, _ index: Int) throws(CSVError) -> String {
        var utf8 = UTF8()
        var iterator = field.makeIterator()
        var offset = 0
        loop: while true {
            switch utf8.decode(&iterator) {
            case .scalarValue: offset += 1
            case .emptyInput: break loop
            case .error: throw CSVError(line: line, problem: .invalidUTF8(near: offset + 1), field: index)
            }
        }
        return String(decoding: field, as: UTF8.self)
    }
}

/// RFC 4180 writing, made safe for spreadsheets.
public enum CSVWriter {
    public static let bom = "\u{FEFF}"

    /// One row, CRLF-terminated. Each cell is neutralised against formula injection, then quoted
    /// when it holds a separator, a quote, a line break or edge spaces.
    public static func row(_ cells: [String]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            let safe = neutralised(cell)
            // Scalars, not Characters: "\r\n" is one Character and would match neither.
            if safe.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
                || safe.first == " " || safe.last == " " {
                out += "\"" + safe.replacingQuotes() + "\""
            } else {
                out += safe
            }
        }
        return out + "\r\n"
    }

    /// OWASP: a cell starting with = + - @ tab or CR could run as a formula; a leading apostrophe
    /// makes it text. Import strips that apostrophe again.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return "'" + cell
        // Text that already looks neutralised gets one more apostrophe, so `restored` is an exact inverse.
        case "'" where restored(cell) != cell: return "'" + cell
        default: return cell
        }
    }

    /// Undoes `neutralised` on import.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        switch second {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return rest
        case "'" where restored(rest) != rest: return rest
        default: return cell
        }
    }
}

extension String {
    /// Doubles every quote scalar (a quote followed by a combining mark is one Character, so
    /// comparing Characters would miss it and break the quoting).
    func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        return String(out)
    }
}
