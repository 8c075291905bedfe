/// The desk's sentences about work that must not be lost or hidden (issue 11 items 1 and 6):
/// arrivals, kept drafts and the conflict panel, in both languages. Kept apart from the two big
/// tables so each language's text sits next to the other; the `switch` over `language` still
/// makes the compiler demand both.
extension StringTable {
    /// Said in the status line when the list gained reports another operator received meanwhile.
    public func newComplaintsArrived(_ n: Int) -> String {
        let count = NumberFormat.grouped(n, language)
        switch language {
        case .en: return "\(count) new report\(n == 1 ? "" : "s") arrived; the selection stays on the same report (g: top of the list)"
        case .id: return "\(count) laporan baru masuk; pilihan tetap pada laporan yang sama (g: ke atas daftar)"
        }
    }
}
