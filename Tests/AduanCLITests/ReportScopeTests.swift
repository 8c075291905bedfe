import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 19: `aduan report --as LIAISON` scopes every figure to what that liaison sees
/// (forwards out and in included), and a percentage rounds the same way in JSON and in text.
@Suite struct ReportScopeTests {
    /// A value of `"key": N` in pretty JSON.
    static func number(_ key: String, in json: String) -> String? {
        guard let r = indexOf("\"\(key)\"", in: json) else { return nil }
        let rest = json[r...].drop { $0 != ":" }.dropFirst().drop { $0 == " " }
        return String(rest.prefix { $0 != "," && $0 != "\n" })
    }

    @Test func aLiaisonsReportCountsOnlyForwardsOfReportsTheLiaisonSees() throws {
        try requireBinary()
        let desk = Desk("report-scope")
        try desk.initStore()
        let dinkes = try desk.receive("Puskesmas tutup")
        let pupr = try desk.receive("Jalan provinsi rusak")
        let direct = try desk.receive("Jembatan provinsi retak")
        try desk.must(dinkes, "verify", ["--unit", "dinkes"])
        try desk.must(pupr, "verify", ["--unit", "pupr"])
        try desk.must(pupr, "forward", ["--agency", "pemprov-jatim", "--reason", "Jalan provinsi"])
        try desk.must(direct, "forward", ["--agency", "pemprov-jatim", "--reason", "Jembatan provinsi", "--anonymous", "no", "--confidential", "no"])
        let liaison = desk.run(["report", "--format", "json"], as: "tl-dinkes")
        #expect(liaison.status == 0, "\(liaison.stderr)")
        #expect(Self.number("forwardsOut", in: liaison.stdout) == "0", "Dinkes forwarded nothing: \(liaison.stdout)")
        #expect(Self.number("forwardsIn", in: liaison.stdout) == "0")
        let admin = desk.run(["report", "--format", "json"], as: "admin")
        #expect(Self.number("forwardsOut", in: admin.stdout) == "2", "\(admin.stdout)")
        // The liaison's text report says the same.
        let text = desk.run(["report", "--lang", "en"], as: "tl-dinkes")
        #expect(text.stdout.contains("Forwarded out: 0"), "\(text.stdout)")
    }

    @Test func percentSelesaiRoundsTheSameInJSONAndText() throws {
        try requireBinary()
        let desk = Desk("report-rounding")
        try desk.initStore()
        // Two of three Selesai: 66.666…% reads 66.7 in both (JSON used to cut it to 66.6).
        for title in ["Satu", "Dua", "Tiga"] {
            let id = try desk.receive(title)
            try desk.must(id, "verify", ["--unit", "dinkes"])
            if title != "Tiga" {
                try desk.must(id, "follow-up", ["--text", "Sudah ditangani."])
                try desk.must(id, "close")
            }
        }
        let json = desk.run(["report", "--format", "json"], as: "admin")
        #expect(Self.number("percentSelesai", in: json.stdout) == "66.7", "\(json.stdout)")
        let text = desk.run(["report", "--lang", "en"], as: "admin")
        #expect(text.stdout.contains("66.7%"), "\(text.stdout)")
        #expect(NumberFormat.percentValue(2, of: 3) == 66.7)
        #expect(NumberFormat.percentValue(1, of: 8) == 12.5)
        #expect(NumberFormat.percentValue(1, of: 0) == nil)
    }
}
