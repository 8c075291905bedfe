import AduanCore
import AduanStore
import AduanTestSupport
import Foundation
import Testing

/// Issue 13 §4: an import says what it is. One event by the importing operator and login, naming
/// the file and its hash; the source's history kept as quoted data, never as actions of this
/// office's operators; and only into the importing admin's own agency's inbox.
@Suite struct ImportProvenanceTests {
    /// A desk on training stores (where `--as` picks anyone). The shared desk's user config carries
    /// the whole office, which a store keeping its own office refuses since issue 13 §1; these
    /// tests need no login binding, so they run without it.
    static func desk(_ name: String) throws -> Desk {
        let desk = Desk(name)
        unlink(desk.scratch.file("config/aduan/config.json"))
        try desk.initStore()
        return desk
    }

    /// A JSON export whose history names `admin`, `tl-dinkes` and `ghost-op` (an operator not in
    /// the directory), with a secret follow-up, made on a training store and then forged.
    static func forgedHistory(_ desk: Desk) throws -> String {
        let source = desk.scratch.file("sumber.db")
        _ = desk.run(["init", "--training"], store: source)
        let r = desk.run(["act", "new", "receive", "--title", "Puskesmas tutup siang hari", "--body", "Sudah tiga kali tutup jam 11"],
                         as: "admin", env: ["ADUAN_NOW": "2026-11-02T09:00:00+07:00"], store: source)
        try #require(r.status == 0, "\(r.stderr)")
        let id = try #require(complaintID(in: r.stdout))
        for (op, args) in [("admin", ["verify", "--unit", "dinkes", "--anonymous", "no", "--confidential", "no"]),
                           ("tl-dinkes", ["follow-up", "--text", "Jadwal puskesmas sedang kami periksa"]),
                           ("tl-dinkes", ["follow-up", "--text", "Kepala puskesmas dipanggil", "--secret"]),
                           ("tl-dinkes", ["note", "--text", "catatan operator hantu"])] {
            // The source's clock, days before this office's now: its times must stay the source's.
            let a = desk.run(["act", "\(id)"] + args, as: op, env: ["ADUAN_NOW": "2026-11-03T10:00:00+07:00"], store: source)
            try #require(a.status == 0, "\(op) \(args): \(a.stderr)")
        }
        let exported = desk.scratch.file("asli.json")
        try #require(desk.run(["export", "--format", "json", "--out", exported], as: "admin", store: source).status == 0)
        // The forgery: the last event now claims an operator this office does not have.
        var items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: exported))) as? [[String: Any]])
        var events = try #require(items[0]["events"] as? [[String: Any]])
        var last = events[events.count - 1]
        last["actor"] = ["id": "ghost-op", "name": "Operator Hantu", "role": "liaison", "agency": "pemkab-sukamaju", "unit": "dinkes"]
        events[events.count - 1] = last
        items[0]["events"] = events
        let forged = desk.scratch.file("forged.json")
        try JSONSerialization.data(withJSONObject: items).write(to: URL(fileURLWithPath: forged))
        return forged
    }

    static func events(_ desk: Desk, store: String, as op: String = "admin") throws -> [JSONNode] {
        let items = try parseJSONArray(desk.run(["export", "--format", "json"], as: op, store: store).stdout)
        return items.flatMap { $0["events"]?.array ?? [] }
    }

    @Test func anotherAgencysAdminCannotImportAHistoryIntoTheKabupatensInbox() throws {
        try requireBinary()
        let desk = try Self.desk("import-prov-json")
        let forged = try Self.forgedHistory(desk)
        let before = desk.snapshot()
        let r = desk.run(["import", forged, "--lang", "en"], as: "admin-prov")
        #expect(r.status != 0, "the import must be refused: \(r.stdout)")
        #expect(r.stderr.contains("forged.json:") && r.stderr.contains("events:") && r.stderr.contains("another agency")
                    && r.stderr.contains("nothing was imported"), "\(r.stderr)")
        #expect(desk.snapshot() == before, "a refused import writes nothing")
        #expect(desk.rows(as: "admin").isEmpty)
    }

    @Test func anotherAgencysAdminCannotImportRowsNamingTheKabupatensHolder() throws {
        try requireBinary()
        let desk = try Self.desk("import-prov-csv")
        let csv = desk.scratch.write("forged.csv", "title,received_at,holder_agency,holder_unit,status\r\n"
            + "Jalan provinsi rusak,2026-11-20T09:00:00+07:00,pemprov-jatim,,belum_terverifikasi\r\n"
            + "Puskesmas tutup,2026-11-02T09:00:00+07:00,pemkab-sukamaju,dinkes,proses\r\n")
        let json = desk.scratch.write("forged-fields.json",
            #"[{"title":"Puskesmas tutup","receivedAt":"2026-11-02T09:00:00+07:00","status":"proses","holder":{"agency":"pemkab-sukamaju","unit":"dinkes"}}]"#)
        let before = desk.snapshot()
        let a = desk.run(["import", csv, "--lang", "en"], as: "admin-prov")
        #expect(a.status != 0)
        #expect(a.stderr.contains("forged.csv:3: holder_agency:") && a.stderr.contains("another agency"), "\(a.stderr)")
        let b = desk.run(["import", json, "--lang", "en"], as: "admin-prov")
        #expect(b.status != 0)
        #expect(b.stderr.contains("forged-fields.json:1: holder.agency:"), "\(b.stderr)")
        #expect(desk.snapshot() == before, "nothing written under the kabupaten (or anywhere)")
        // The prov admin's own row goes in with --skip-invalid, and only into prov's inbox.
        let c = desk.run(["import", csv, "--skip-invalid", "--lang", "en"], as: "admin-prov")
        #expect(c.stdout.hasPrefix("Imported 1 complaint(s)"), "\(c.stdout) \(c.stderr)")
        #expect(desk.rows(as: "admin").isEmpty, "nothing in the kabupaten's inbox")
        #expect(desk.rows(as: "admin-prov").map(\.title) == ["Jalan provinsi rusak"])
    }

    @Test func aSourceHistoryIsQuotedNeverRecordedAsLocalOperatorsActions() throws {
        try requireBinary()
        let desk = try Self.desk("import-quoted")
        let forged = try Self.forgedHistory(desk)
        let r = desk.run(["import", forged], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        let events = try Self.events(desk, store: desk.store)
        // One event: the import, by the importing operator at the trusted now; nobody else acts.
        #expect(events.count == 1)
        let e = try #require(events.first)
        #expect(e["kind"]?.string == "import")
        #expect(e["actor"]?["id"]?.string == "admin")
        #expect(e["at"]?.string == fixedNow, "the import's own time is now, not a source time")
        #expect(!events.contains { ["tl-dinkes", "ghost-op"].contains($0["actor"]?["id"]?.string ?? "") })
        // The source's people and steps are there as quoted names.
        let quoted = e["source"]?["history"]?.array ?? []
        #expect(quoted.map { $0["actor"]?.string ?? "" } == ["admin", "admin", "tl-dinkes", "tl-dinkes", "ghost-op"])
        #expect(quoted.map { $0["kind"]?.string ?? "" } == ["receive", "verify", "follow-up", "follow-up", "note"])
        #expect(quoted.allSatisfy { ($0["at"]?.string ?? "") < fixedNow })
        // The state the source reached is kept: held by Dinkes, in Proses.
        let rows = desk.rows(as: "admin")
        #expect(rows.count == 1 && rows.first?.status == "proses")
        let show = desk.run(["show", "\(rows[0].id)"], as: "admin")
        #expect(show.stdout.contains("menurut sumber:") && show.stdout.contains("ghost-op (Operator Hantu)"), "\(show.stdout)")
        #expect(show.stdout.contains("Kepala puskesmas dipanggil"), "the handling admin reads the secret follow-up")
        #expect(desk.run(["verify"]).status == 0)
    }

    @Test func aQuotedSecretFollowUpStaysWithTheHandlingParties() throws {
        try requireBinary()
        let desk = try Self.desk("import-quoted-secret")
        let forged = try Self.forgedHistory(desk)
        #expect(desk.run(["import", forged], as: "admin").status == 0)
        let id = try #require(desk.rows(as: "admin").first?.id)
        // A unit copied on it reads the report, not the secret follow-up the source quoted.
        try desk.must(id, "cc", ["--unit", "pupr"], as: "admin")
        let cc = desk.run(["show", "\(id)"], as: "tl-pupr")
        #expect(cc.status == 0, "\(cc.stderr)")
        #expect(cc.stdout.contains("menurut sumber:"))
        #expect(!cc.stdout.contains("Kepala puskesmas dipanggil"), "\(cc.stdout)")
        let open311 = desk.run(["export", "--format", "open311"], as: "admin")
        #expect(!open311.stdout.contains("ghost-op") && !open311.stdout.contains("Kepala puskesmas"))
    }

    @Test func theImportEventNamesTheOperatorLoginFileAndHash() throws {
        try requireBinary()
        let desk = try Self.desk("import-origin")
        let file = desk.scratch.write("lapor.csv", "title,received_at,tracking_id\r\nLampu PJU mati,2026-11-20T09:00:00+07:00,4812399\r\n")
        let r = desk.run(["import", file], as: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        let e = try #require(try Self.events(desk, store: desk.store).first)
        #expect(e["actor"]?["id"]?.string == "admin")
        #expect((e["login"]?.string ?? "").isEmpty == false, "the authenticated login is stamped")
        #expect(e["source"]?["file"]?.string == "lapor.csv")
        let bytes = try #require(readFile(file))
        #expect(e["source"]?["sha256"]?.string == AduanStore.SHA256.hexString(AduanStore.SHA256.hash(bytes)))
        let show = desk.run(["show", "\(desk.rows(as: "admin")[0].id)"], as: "admin")
        #expect(show.stdout.contains("dari lapor.csv, sha256 "), "\(show.stdout)")
    }

    /// The import happens now: a row claiming to have arrived in 2099 is refused, not stored with a
    /// future time that would freeze the report.
    @Test func aRowReceivedAfterTheImportIsRefused() throws {
        try requireBinary()
        let desk = try Self.desk("import-future")
        let file = desk.scratch.write("future.csv", "title,received_at\r\nLampu mati,2099-01-01T09:00:00+07:00\r\n")
        let before = desk.snapshot()
        let r = desk.run(["import", file, "--lang", "en"], as: "admin")
        #expect(r.status == 1)
        #expect(r.stderr.contains("future.csv:2: received_at:") && r.stderr.contains("later than now"), "\(r.stderr)")
        #expect(desk.snapshot() == before)
    }

    @Test func reimportingAQuotedHistoryAddsNothingAndVerifies() throws {
        try requireBinary()
        let desk = try Self.desk("import-quoted-twice")
        let forged = try Self.forgedHistory(desk)
        #expect(desk.run(["import", forged], as: "admin").status == 0)
        let before = desk.snapshot()
        let again = desk.run(["import", forged], as: "admin")
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("0 laporan diimpor") && again.stdout.contains("1 sudah ada"), "\(again.stdout)")
        #expect(desk.snapshot() == before)
        #expect(desk.run(["verify"]).status == 0)
    }
}
