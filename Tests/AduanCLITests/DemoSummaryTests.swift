import AduanCore
import AduanTestSupport
import Testing

/// Issue 11, item 21: after `aduan demo` the summary says what the operator will see: the
/// inbox (what the agency holds) and what it forwarded away, not just how many were made.
@Suite struct DemoSummaryTests {
    /// The grouped number before `word` in `text` ("1.785 di Kotak Masuk" → 1785).
    static func number(before word: String, in text: String) -> Int? {
        guard let i = indexOf(word, in: text) else { return nil }
        let digits = text[..<i].dropLast().reversed().prefix { $0.isNumber || $0 == "." || $0 == "," }
        return Int(String(digits.reversed()).filter(\.isNumber))
    }

    @Test func theDemoSummarySaysWhatTheAdminsInboxAndForwardedTabHold() throws {
        try requireBinary()
        let desk = Desk("demo-summary")
        let r = desk.run(["demo", "--count", "400", "--seed", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Sebagai admin Anda melihat"), "\(r.stdout)")
        let inbox = try #require(Self.number(before: "di Kotak Masuk (tab Semua)", in: r.stdout), "\(r.stdout)")
        let forwarded = try #require(Self.number(before: "yang diteruskan instansi Anda (tab Diteruskan)", in: r.stdout), "\(r.stdout)")
        #expect(forwarded > 0 && inbox < 400, "some demo complaints are forwarded away: \(r.stdout)")
        #expect(desk.rows(as: "admin", ["forwarded"]).count == forwarded)
        let en = Desk("demo-summary-en").run(["demo", "--count", "400", "--seed", "3", "--lang", "en"])
        #expect(en.stdout.contains("As admin you will see \(NumberFormat.grouped(inbox, .en)) in the inbox"), "\(en.stdout)")
    }
}
