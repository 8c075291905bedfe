import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// Figures for notes, not a benchmark: with ADUAN_PG_SCALE=N, a province store of N reports
/// (receive, verify to a unit, every other one a note) loaded through COPY, exported by the
/// office admin (every report) and by a unit's liaison (its unit's) over TCP with SCRAM, as
/// csv and json, each timed. Skipped otherwise.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_PG_SCALE") != nil, "set ADUAN_PG_SCALE=N to measure"), .serialized)
struct PostgresExportMeasureTests {
    @Test func measureExportAtScale() throws {
        try requireBinary()
        let n = Int(String(cString: getenv("ADUAN_PG_SCALE"))) ?? 1000
        let p = try PostgresCLITests.Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let owner = try p.ownerConnection()
        try owner.execute(p.run("owner", ["office", "roles"]).stdout)
        let ctx = p.config.context, admin = p.actor("admin")
        let units = ["dinkes", "pupr", "disdukcapil"]
        let now = Int64(time(nil))
        var histories: [[Event]] = []
        for i in 0..<n {
            let at = Timestamp(seconds: now - 86_400 * 20 + Int64(i % 1_700_000))
            let intake = Intake(title: "Laporan \(i): jalan rusak di RT \(i % 9)", body: "Mohon ditindaklanjuti segera, sudah \(i % 12) bulan.",
                                anonymous: i % 7 == 0, reporter: Reporter(name: "Pelapor \(i)", phone: "08\(i)"))
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin, at: at, context: ctx, newID: 1).get()
            var c = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: units[i % 3], changes: ClassificationChange(anonymous: i % 7 == 0, confidential: false))),
                                        on: c, by: admin, at: at.adding(seconds: 60), context: ctx).get()
            c = Workflow.evolve(c, v)
            var h = [r, v]
            if i % 2 == 0 {
                h.append(try Workflow.decide(Command(.note, ActionDetails(text: "Sudah dicek ke lokasi \(i).")), on: c, by: admin,
                                             at: at.adding(seconds: 120), context: ctx).get())
            }
            histories.append(h)
        }
        let pg = try PGStore(owner, context: ctx)
        for chunk in stride(from: 0, to: n, by: 5_000) { _ = try pg.bulkInsertHistories(Array(histories[chunk..<min(n, chunk + 5_000)])) }
        try owner.execute("ANALYZE")
        // ADUAN_PG_SCALE_QUICK: the admin's csv only (the slow path at 100,000 takes minutes per export).
        let quick = getenv("ADUAN_PG_SCALE_QUICK") != nil
        for (login, who) in [("siti", "admin"), ("andi", "tl-dinkes")] where !quick || login == "siti" {
            for format in ["csv", "json"] where !quick || format == "csv" {
                let out = p.desk.scratch.file("export-\(login).\(format)")
                let start = monotonic()
                // ADUAN_PG_SCALE_BINARY: another build of aduan (a release one) to time instead of the debug build.
                let r = getenv("ADUAN_PG_SCALE_BINARY").map { binary in
                    AduanBinary.run(String(cString: binary), ["export", "--format", format, "--as", who, "--out", out, "--store", p.operatorURI(login), "--lang", "en"],
                                    env: ["PGPASSFILE": p.passfile], stdin: nil, scratch: p.desk.scratch)
                } ?? p.run(login, ["export", "--format", format, "--as", who, "--out", out])
                let seconds = monotonic() - start
                try #require(r.status == 0, "\(r.stderr)")
                print("PG scale export: \(n) reports, \(login) (\(who)), \(format): \(Int(seconds * 1000)) ms — \(r.stderr.split(separator: "\n").last ?? "")")
            }
        }
    }
}
