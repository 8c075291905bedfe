import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 13: units are named by id, by the short name the Unit column shows, or by a
/// unique part of the name, everywhere (filter, `act --unit`); a name that fits none or several
/// is refused listing the valid ids.
@Suite struct UnitNameTests {
    @Test func theFilterAcceptsTheShortNameTheUnitColumnShows() throws {
        try requireBinary()
        let desk = Desk("unit-short")
        try desk.initStore()
        let id = try desk.receive("Jalan berlubang di Jl. Merdeka")
        try desk.must(id, "verify", ["--unit", "pupr"])
        let r = desk.run(["list", "unit:DPUPR"], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(desk.rows(as: "admin", ["unit:DPUPR"]).map(\.id) == [id])
    }

    @Test func actAcceptsAShortNameAndAUniquePartOfTheName() throws {
        try requireBinary()
        let desk = Desk("unit-act")
        try desk.initStore()
        let id = try desk.receive("Sampah menumpuk di pasar")
        try desk.must(id, "verify", ["--unit", "DPUPR"])
        try desk.must(id, "cc", ["--unit", "Dinas Lingkungan"])
        #expect(desk.rows(as: "admin", ["cc:dlh"]).map(\.id) == [id], "copied to dlh")
        #expect(desk.rows(as: "admin", ["unit:pupr"]).map(\.id) == [id])
    }

    @Test func anUnknownUnitIsRefusedListingTheValidIds() throws {
        try requireBinary()
        let desk = Desk("unit-unknown")
        try desk.initStore()
        let id = try desk.receive("Lampu jalan mati")
        let before = desk.snapshot()
        let r = desk.run(["act", "\(id)", "verify", "--unit", "Dinas Antah", "--lang", "en"], as: "admin")
        #expect(r.status != 0)
        #expect(r.stderr.contains("valid units:"), "\(r.stderr)")
        #expect(r.stderr.contains("pupr") && r.stderr.contains("dinkes"), "\(r.stderr)")
        #expect(desk.snapshot() == before)
    }

    @Test func anAmbiguousUnitIsRefusedListingTheCandidates() throws {
        try requireBinary()
        let desk = Desk("unit-ambiguous")
        try desk.initStore()
        let id = try desk.receive("Lampu jalan mati")
        let r = desk.run(["act", "\(id)", "verify", "--unit", "Kecamatan"], as: "admin")
        #expect(r.status != 0)
        #expect(r.stderr.contains("cocok dengan beberapa unit"), "\(r.stderr)")
        #expect(r.stderr.contains("kec-sukamaju") && r.stderr.contains("kec-karangrejo"), "\(r.stderr)")
        let filter = desk.run(["list", "unit:xyzzy"], as: "admin")
        #expect(filter.status == 2)
        #expect(filter.stderr.contains("pupr") && filter.stderr.contains("dinkes"), "filter lists valid ids: \(filter.stderr)")
    }

    @Test func theCoreResolverPrefersExactNamesThenUniqueParts() throws {
        guard case .success(let config) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { Issue.record("built-in"); return }
        let dir = config.directory
        #expect(dir.resolveUnit("pupr") == .found("pupr"))
        #expect(dir.resolveUnit("DPUPR") == .found("pupr"))
        #expect(dir.resolveUnit("dpupr") == .found("pupr"))
        #expect(dir.resolveUnit("Satpol PP") == .found("satpolpp"))
        #expect(dir.resolveUnit("Lingkungan") == .found("dlh"))
        #expect(dir.resolveUnit("Dinas Kesehatan") == .found("dinkes"))
        #expect(dir.resolveUnit("nowhere") == .unknown)
        guard case .ambiguous(let ids) = dir.resolveUnit("Kecamatan") else { Issue.record("Kecamatan is ambiguous"); return }
        #expect(ids.contains("kec-sukamaju"))
    }
}
