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
    /// The units below `handlingUnit` (same agency): a unit handles what its sub-units hold too.
    public var unitsBelow: [String]

    public init(all: Bool = false, handlingAgency: String? = nil, handlingUnit: Holder? = nil, anonymousIntakeAgency: String? = nil,
                unitsBelow: [String] = []) {
        self.all = all
        self.handlingAgency = handlingAgency
        self.handlingUnit = handlingUnit?.unit == nil ? nil : handlingUnit
        self.anonymousIntakeAgency = anonymousIntakeAgency
        self.unitsBelow = self.handlingUnit == nil ? [] : unitsBelow
    }

    public static let everything = ReporterAccess(all: true)

    /// Is the viewer one of the parties handling `c` right now (`Privacy.isHandling`): the holding
    /// agency's admins and supervisors, the holding unit. They see a named reporter.
    public func handles(_ c: Complaint) -> Bool {
        if all { return true }
        if let a = handlingAgency, c.holder.agency == a { return true }
        if let h = handlingUnit, c.holder == h { return true }
        if let h = handlingUnit, c.holder.agency == h.agency, let u = c.holder.unit, unitsBelow.contains(u) { return true }
        return false
    }

    /// May the reporter of `c` be seen, given that the viewer may open it?
    public func maySee(_ c: Complaint) -> Bool {
        if all { return true }
        if c.anonymous { return anonymousIntakeAgency.map { c.intakeAgency == $0 } ?? false }
        return handles(c)
    }
}

extension Privacy {
    /// What a viewer who may open a report sees of it: its reporter, its content, and whether they
    /// handle it now. Every redaction of the report's events depends on these three answers only.
    public struct Sight: Hashable, Sendable {
        public var reporter: Bool
        public var content: Bool
        public var handling: Bool

        public init(reporter: Bool, content: Bool, handling: Bool) {
            self.reporter = reporter
            self.content = content
            self.handling = handling
        }

        /// Every combination, in `bit` order.
        public static let all: [Sight] = (0..<8).map { Sight(reporter: $0 & 4 != 0, content: $0 & 2 != 0, handling: $0 & 1 != 0) }

        /// This sight's position in a mask of sights (reporter 4, content 2, handling 1).
        public var bit: Int { (reporter ? 4 : 0) + (content ? 2 : 0) + (handling ? 1 : 0) }

        /// May an event be read with this sight (`Privacy.canSeeEvent` once the report may be opened)?
        public func mayRead(_ e: Event) -> Bool {
            if Privacy.eventNeedsHandling(e) { return handling }
            if Privacy.eventNeedsContent(e) { return content }
            return true
        }
    }
}
