/// Which per-unit figure rows (escalations per level and unit, boilerplate shares per answering
/// unit: issue 15) an operator's dashboard and `aduan report` show: the rows of the units their
/// inbox covers, decided once here for both.
extension InboxScope {
    /// Every agency; the agency's own rows; or the unit and the units below it.
    public func includesFigures(agency: String, unit: String?) -> Bool {
        switch self {
        case .everything: return true
        case .agency(let a): return agency == a
        case .unit, .subtree: return agency == self.agency && unit.map(units.contains) == true
        }
    }
}
