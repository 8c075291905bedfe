import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// An independent reader for the workbooks Aduan writes: Python's openpyxl (scripts/test installs
/// python3-openpyxl), so the tests never trust libxlsxwriter or Aduan's own code to read back
/// what they wrote. Tests that need it are skipped, saying so, when it is missing.
enum XlsxReader {
    /// A python3 that can import openpyxl, or nil.
    static let python: String? = {
        let scratch = Scratch("aduan-xlsx-probe")
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where fileExists(candidate) {
            if AduanBinary.run(candidate, ["-c", "import openpyxl"], env: [:], stdin: nil, scratch: scratch).status == 0 { return candidate }
        }
        return nil
    }()

    static var available: Bool { python != nil }
    static let skipReason: Comment = "python3 with openpyxl is not installed (apt-get install python3-openpyxl; scripts/test installs it)"

    /// Prints every sheet as JSON: name, frozen cell, autofilter range, rows of [type, value, bold]
    /// (type: s string, n number, d date, f formula, b bool; dates as ISO 8601 local wall-clock),
    /// and how many <f> formula elements the sheet XML holds. Strings are unescaped the way Excel
    /// reads them (_xHHHH_), so control characters come back as written.
    static let script = #"""
import json, sys, zipfile, re
import openpyxl
from openpyxl.utils.escape import unescape
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
formulas = 0
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            formulas += len(re.findall(rb"<f[ >]", z.read(name)))
out = {"formulas": formulas, "sheets": []}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append(None)
                continue
            t = c.data_type
            if t == "d" or hasattr(v, "isoformat"):
                cells.append(["d", v.isoformat(), bool(c.font.b)])
            elif t == "n":
                cells.append(["n", repr(v), bool(c.font.b)])
            elif t == "s":
                cells.append(["s", unescape(v), bool(c.font.b)])
            else:
                cells.append([t, str(v), bool(c.font.b)])
        rows.append(cells)
    out["sheets"].append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows})
sys.stdout.write(json.dumps(out, ensure_ascii=True))
"""#

    struct Cell: Equatable {
        var type: String
        var value: String
        var bold: Bool
    }

    struct Sheet {
        var name: String
        var freeze: String?
        var filter: String?
        var rows: [[Cell?]]

        /// Every string in the sheet, for leak checks.
        var allText: String { rows.flatMap { $0 }.compactMap { $0?.value }.joined(separator: "\n") }
    }

    struct Book {
        var sheets: [Sheet]
        var formulas: Int
        var allText: String { sheets.map(\.allText).joined(separator: "\n") }
        func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
    }

    /// Reads a workbook with openpyxl; records an issue and throws when it cannot be read.
    static func read(_ path: String, in scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation) throws -> Book {
        let python = try #require(python, "\(skipReason)", sourceLocation: sourceLocation)
        let scriptPath = scratch.write("read-xlsx.py", script)
        let r = AduanBinary.run(python, [scriptPath, path], env: [:], stdin: nil, scratch: scratch)
        try #require(r.status == 0, "openpyxl cannot read \(path): \(r.stderr.suffix(800))", sourceLocation: sourceLocation)
        let root = try parseJSON(r.stdout, sourceLocation: sourceLocation)
        var sheets: [Sheet] = []
        for s in root["sheets"]?.array ?? [] {
            let rows: [[Cell?]] = (s["rows"]?.array ?? []).map { row in
                (row.array ?? []).map { cell in
                    guard let parts = cell.array, parts.count == 3 else { return nil }
                    return Cell(type: parts[0].string ?? "?", value: parts[1].string ?? "", bold: parts[2].bool ?? false)
                }
            }
            sheets.append(Sheet(name: s["name"]?.string ?? "", freeze: s["freeze"]?.string, filter: s["filter"]?.string, rows: rows))
        }
        return Book(sheets: sheets, formulas: Int(text(root["formulas"]) ?? "") ?? -1)
    }
}
