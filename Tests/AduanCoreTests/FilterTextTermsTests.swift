import Testing
import AduanCore

/// `FilterExpression.textTerms`: every search a store must run to render a filter, wherever it sits.
@Suite struct FilterTextTermsTests {
    @Test func everyTextTermIsFoundUnderAndOrAndNot() {
        let e = FilterExpression.and([.term(.text("jalan")), .or([.not(.term(.text("rusak"))), .term(.trackingID("x"))]), .term(.text("desa"))])
        #expect(e.textTerms == ["jalan", "rusak", "desa"])
        #expect(FilterExpression.all.textTerms.isEmpty)
        #expect(FilterExpression.term(.trackingID("x")).textTerms.isEmpty)
    }
}
