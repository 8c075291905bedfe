/// Column names of the command line's tables, in both languages (issue 11, item 20): the help
/// names exactly the columns the output has, and `--header` prints the same names.
extension StringTable {
    /// The tab-separated columns of `aduan list`, in order.
    public var listColumns: [String] {
        switch language {
        case .en: ["id", "tracking", "status", "due", "deadline_state", "holder", "title"]
        case .id: ["id", "no_lapor", "status", "tenggat", "keadaan_tenggat", "pemegang", "judul"]
        }
    }

    /// "Total" as the last column and row of the report's status × unit table.
    public var totalColumn: String {
        switch language {
        case .en: "total"
        case .id: "jumlah"
        }
    }

    /// The first columns of the report's status × unit table.
    public var holderColumns: [String] {
        switch language {
        case .en: ["agency", "unit", "unit_name"]
        case .id: ["instansi", "unit", "nama_unit"]
        }
    }
}
