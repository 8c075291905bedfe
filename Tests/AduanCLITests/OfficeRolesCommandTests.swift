import AduanCore
import AduanTestSupport
import Testing

/// Issue 14: `aduan office roles` prints the SQL that makes a PostgreSQL role for every login of
/// the office directory, with the row-level security policies the core's rules make for it
/// (applied and checked against a real server in AduanStoreTests/PGAccessTests).
@Suite struct OfficeRolesCommandTests {
    @Test func officeRolesPrintsARoleAndPoliciesForEveryLoginOfTheDirectory() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-roles")
        let r = desk.run(["office", "roles", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("-- aduan office roles:"))
        #expect(r.stdout.contains("BEGIN;"))
        #expect(r.stdout.hasSuffix("COMMIT;\n"))
        for login in ["siti", "andi", "budi", runnerLogin] {
            #expect(r.stdout.contains("CREATE ROLE \"\(login)\" LOGIN;"), "no role for \(login)")
            #expect(r.stdout.contains("CREATE POLICY \"aduan:see:\(login)\" ON aduan.complaints"), "no policy for \(login)")
            #expect(r.stdout.contains("CREATE POLICY \"aduan:reporter:\(login)\" ON aduan.complaint_reporters"))
            #expect(r.stdout.contains("CREATE POLICY \"aduan:texts:\(login)\" ON aduan.complaint_texts"))
        }
        // The liaison of Dinas Kesehatan sees what its unit held or was copied.
        #expect(r.stdout.contains("'dinkes' = ANY(complaints.cc_units)"))
        // Printing changes nothing.
        #expect(desk.run(["verify"]).status == 0)
        let id = desk.run(["office", "roles", "--lang", "id"])
        #expect(id.stdout.contains("Jalankan sebagai pemilik penyimpanan"))
    }

    @Test func officeRolesRefusesOptionsThatBelongElsewhere() throws {
        try requireBinary()
        let desk = try OfficeCommandTests.seeded("office-roles-bad")
        let yes = desk.run(["office", "roles", "--yes"])
        #expect(yes.status != 0)
        #expect(yes.stderr.contains("--yes belongs to `aduan office apply`"))
        let extra = desk.run(["office", "roles", "now"])
        #expect(extra.status != 0)
        #expect(desk.run(["office", "rolse"]).stderr.contains("did you mean `aduan office roles`"))
    }
}
