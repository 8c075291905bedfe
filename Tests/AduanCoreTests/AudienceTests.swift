import Testing
import AduanCore

/// `Audience` is the text-reading rule written as keys (a store searches words only among the
/// texts that share a key with the operator): for every role, every generated report and both of
/// its texts, sharing a key must be exactly what `Privacy` decides.
@Suite struct AudienceTests {
    static let agencies = ["dinkes", "dishub", "kec-a"]
    static let units = ["u1", "u2", "u3", "u4"]

    /// Every kind of hat over the agencies and units above: admins and supervisors with and
    /// without a unit, the all-agency monitor, liaisons and unit operators with and without units
    /// below them.
    static var hats: [Actor] {
        var out: [Actor] = []
        var n = 0
        func add(_ role: Role, _ agency: String, _ unit: String?, _ below: [String] = []) {
            n += 1
            out.append(Actor(id: "op\(n)", name: "Op \(n)", role: role, agency: agency, unit: unit, unitsBelow: below))
        }
        add(.supervisor, Access.allAgencies, nil)
        add(.supervisor, Access.allAgencies, "u2")
        for a in agencies {
            for role in [Role.admin, .supervisor] {
                add(role, a, nil)
                add(role, a, "u1")
            }
            for role in [Role.liaison, .unitOperator] {
                add(role, a, nil)
                add(role, a, "u1")
                add(role, a, "u2", ["u3", "u4"])
                add(role, a, "u3", ["u3"])
            }
        }
        return out
    }

    /// Reports from a seeded generator: holder chains across agencies and units (the holder the
    /// last step, as the workflow keeps it), copies, and every combination of the two flags.
    static func reports(_ count: Int, seed: UInt64) -> [Complaint] {
        var rng = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let system = Actor.system
        return (0..<count).map { i in
            let intake = agencies[below(agencies.count)]
            var c = Complaint(id: Int64(i + 1), intake: Intake(title: "t", body: "b", anonymous: below(2) == 0,
                                                                 confidential: below(2) == 0, agency: intake),
                              at: Timestamp(seconds: 1_700_000_000), actor: system)
            for _ in 0..<below(4) {
                let agency = below(3) == 0 ? agencies[below(agencies.count)] : c.holder.agency
                let unit: String? = below(4) == 0 ? nil : units[below(units.count)]
                c.holder = Holder(agency: agency, unit: unit)
                c.holderChain.append(HolderStep(holder: c.holder, since: Timestamp(seconds: 1_700_000_100), via: .forward))
            }
            c.ccUnits = units.filter { _ in below(5) == 0 }
            return c
        }
    }

    static func privacyReads(_ v: Actor, _ c: Complaint, masked: Bool) -> Bool {
        Privacy.canView(c, viewer: v) && Privacy.contentAccess(of: v).mayRead(c)
            && (masked || Privacy.reporterAccess(of: v).maySee(c))
    }

    @Test func sharingAKeyIsExactlyWhatPrivacyLetsEveryRoleRead() {
        var checked = 0, readable = 0
        for c in Self.reports(3_000, seed: 14) {
            let masked = Set(Audience.tokens(of: c, masked: true)), full = Set(Audience.tokens(of: c, masked: false))
            for v in Self.hats {
                let keys = Set(Audience.keys(of: v))
                for (isMasked, tokens) in [(true, masked), (false, full)] {
                    let expected = Self.privacyReads(v, c, masked: isMasked)
                    #expect(!keys.isDisjoint(with: tokens) == expected,
                            "\(v.role) \(v.agency)/\(v.unit ?? "-") below \(v.unitsBelow), report \(c.id) masked \(isMasked): \(c.holderChain.map(\.holder.description)), cc \(c.ccUnits), anonymous \(c.anonymous), confidential \(c.confidential); tokens \(tokens.sorted())")
                    checked += 1
                    if expected { readable += 1 }
                }
            }
        }
        // The generator reaches both answers often enough to mean something.
        #expect(readable > checked / 10 && readable < checked * 9 / 10)
    }

    @Test func aLoginWithSeveralHatsHoldsTheUnionOfTheirKeys() {
        let hats = Array(Self.hats.prefix(6))
        let union = Set(hats.flatMap { Audience.keys(of: $0) })
        #expect(Set(Audience.keys(of: hats)) == union)
        #expect(Audience.keys(of: hats) == Audience.keys(of: hats).sorted())
    }

    @Test func theProgramItselfAndAnAllAgencyAdminHoldNoKeys() {
        #expect(Audience.keys(of: Actor.system).isEmpty)
        #expect(Audience.keys(of: Actor(id: "x", name: "x", role: .admin, agency: Access.allAgencies)).isEmpty)
    }
}
