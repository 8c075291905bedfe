/// Whose reporter identity (name, phone, e-mail, NIK) a viewer may see, among the reports the
/// viewer may open: the second half of `Privacy.canSeeReporter`, as data, like `ContentAccess`,
/// so a store renders the very same rule (the PostgreSQL store's policies) instead of deciding it again.
public struct ReporterAccess: Hashable, Sendable {
    /// Every reporter (the system itself).
    public var all: Bool
    /// Named reporters of reports this agency holds (its admins and supervisors handle them).
    public var handlingAgency: String?
    /// Named reporters of reports this unit holds (a holder with a unit).
    public var handlingUnit: Holder?
    /// Anonymous reporters of reports this agency received (its admins).
    public var anonymousIntakeAgency: String?

    public init(all: Bool = false, handlingAgency: String? = nil, handlingUnit: Holder? = nil, anonymousIntakeAgency: String? = nil) {
        self.all = all
        self.handlingAgency = handlingAgency
        self.handlingUnit = handlingUnit?.unit == nil ? nil : handlingUnit
        self.anonymousIntakeAgency = anonymousIntakeAgency
    }

    public static let everything = ReporterAccess(all: true)

    /// May the reporter of `c` be seen, given that the viewer may open it?
    public func maySee(_ c: Complaint) -> Bool {
        if all { return true }
        if c.anonymous { return anonymousIntakeAgency.map { c.intakeAgency == $0 } ?? false }
        if let a = handlingAgency, c.holder.agency == a { return true }
        if let h = handlingUnit, c.holder == h { return true }
        return false
    }
}
