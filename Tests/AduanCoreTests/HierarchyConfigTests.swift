import AduanCore
import Testing

/// The office file's unit tree, per-agency approval and the pass-down timer (issue 15 items 1–2).
@Suite struct HierarchyConfigTests {
    static func office(units: String, approval: String = "", hierarchy: String = "", operators: String = "[]") -> String {
        """
        {
          "office": { "name": "Uji", "agency": "pemkab" },
          \(hierarchy.isEmpty ? "" : "\"hierarchy\": \(hierarchy),")
          "agencies": [ { "id": "pemkab", "name": "Pemkab", \(approval)
            "units": \(units) } ],
          "operators": \(operators)
        }
        """
    }

    static let tree = """
    [ { "id": "dinkes", "name": "Dinas Kesehatan" },
      { "id": "yankes", "name": "Bidang Yankes", "parent": "dinkes" },
      { "id": "pkm", "name": "Puskesmas", "parent": "yankes" },
      { "id": "pupr", "name": "PUPR" } ]
    """

    static func parse(_ text: String) -> Result<OfficeConfig, ConfigErrors> { OfficeConfig.parse(text, file: "office.json") }

    @Test func aFlatOfficeFileIsATreeOfDepthOne() throws {
        let c = try Self.parse(Self.office(units: #"[ { "id": "dinkes", "name": "Dinkes" }, { "id": "pupr", "name": "PUPR" } ]"#)).get()
        #expect(c.directory.parent(of: "dinkes") == nil && !c.directory.hasSubUnits)
        #expect(!c.policy.passDownResetsTimer, "default: keep the first-follow-up timer on a pass down")
        #expect(c.directory.agency("pemkab")?.approvalRequired == false)
    }

    @Test func parentsBuildTheTreeAndOperatorsCoverTheirSubtree() throws {
        let ops = """
        [ { "id": "tl", "name": "Andi", "role": "liaison", "unit": "dinkes" },
          { "id": "op", "name": "Nur", "role": "admin_unit_kerja", "unit": "yankes" } ]
        """
        let c = try Self.parse(Self.office(units: Self.tree, approval: #""approvalRequired": true,"#,
                                           hierarchy: #"{ "passDownTimer": "reset" }"#, operators: ops)).get()
        #expect(c.directory.ancestors(of: "pkm") == ["yankes", "dinkes"])
        #expect(c.directory.subtree(of: "dinkes") == ["dinkes", "yankes", "pkm"])
        #expect(c.operators.map(\.unitsBelow) == [["yankes", "pkm"], ["pkm"]])
        #expect(c.operators[1].role == .unitOperator)
        #expect(c.policy.passDownResetsTimer)
        #expect(c.directory.agency("pemkab")?.approvalRequired == true)
    }

    @Test func aParentThatIsUnknownOrALoopIsNamedWithItsLine() {
        let unknown = Self.parse(Self.office(units: #"[ { "id": "pkm", "name": "Puskesmas", "parent": "dinkes" } ]"#))
        guard case .failure(let e) = unknown else { Issue.record("accepted an unknown parent"); return }
        #expect(e.all.map(\.key) == ["agencies[0].units[0].parent"])
        #expect(e.all[0].message.contains("not a unit of pemkab"))
        let loop = Self.parse(Self.office(units: """
        [ { "id": "a", "name": "A", "parent": "b" }, { "id": "b", "name": "B", "parent": "a" } ]
        """))
        guard case .failure(let l) = loop else { Issue.record("accepted a loop"); return }
        #expect(l.all.contains { $0.message.contains("loop") && $0.line > 1 && $0.key.hasSuffix(".parent") })
        let timer = Self.parse(Self.office(units: Self.tree, hierarchy: #"{ "passDownTimer": "sometimes" }"#))
        guard case .failure(let t) = timer else { Issue.record("accepted a bad timer"); return }
        #expect(t.all.map(\.key) == ["hierarchy.passDownTimer"])
    }

    @Test func aUnitOperatorNeedsAUnit() {
        let r = Self.parse(Self.office(units: Self.tree, operators: #"[ { "id": "op", "name": "Nur", "role": "unit-operator" } ]"#))
        guard case .failure(let e) = r else { Issue.record("accepted a unit operator without a unit"); return }
        #expect(e.all.map(\.key) == ["operators[0].unit"])
    }
}
