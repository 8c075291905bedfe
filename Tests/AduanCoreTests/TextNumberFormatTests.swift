import Testing
import AduanCore

struct TextNumberFormatTests {
    @Test func groupedUsesTheLanguagesSeparator() {
        #expect(NumberFormat.grouped(1204, .id) == "1.204")
        #expect(NumberFormat.grouped(1_000_000, .id) == "1.000.000")
        #expect(NumberFormat.grouped(-12345, .id) == "-12.345")
        #expect(NumberFormat.grouped(1204, .en) == "1,204")
        #expect(NumberFormat.grouped(-1_000_000, .en) == "-1,000,000")
        #expect(NumberFormat.grouped(0, .id) == "0")
        #expect(NumberFormat.grouped(999, .id) == "999")
        #expect(NumberFormat.grouped(-999, .en) == "-999")
        #expect(NumberFormat.grouped(Int.max, .id) == "9.223.372.036.854.775.807")
        #expect(NumberFormat.grouped(Int.min, .en) == "-9,223,372,036,854,775,808")
    }

    @Test func decimalRoundsHalfAwayFromZero() {
        #expect(NumberFormat.decimal(78.3, fractionDigits: 1, .id) == "78,3")
        #expect(NumberFormat.decimal(78.3, fractionDigits: 1, .en) == "78.3")
        #expect(NumberFormat.decimal(78.25, fractionDigits: 1, .id) == "78,3")
        #expect(NumberFormat.decimal(-78.25, fractionDigits: 1, .id) == "-78,3")
        #expect(NumberFormat.decimal(0.15, fractionDigits: 1, .en) == "0.2")
        #expect(NumberFormat.decimal(1.005, fractionDigits: 2, .en) == "1.01")
        #expect(NumberFormat.decimal(2.5, fractionDigits: 0, .en) == "3")
        #expect(NumberFormat.decimal(-2.5, fractionDigits: 0, .en) == "-3")
        #expect(NumberFormat.decimal(9.96, fractionDigits: 1, .id) == "10,0")
        #expect(NumberFormat.decimal(999_999.96, fractionDigits: 1, .id) == "1.000.000,0")
        #expect(NumberFormat.decimal(1234567.891, fractionDigits: 2, .id) == "1.234.567,89")
        #expect(NumberFormat.decimal(1234567.891, fractionDigits: 2, .en) == "1,234,567.89")
        #expect(NumberFormat.decimal(5, fractionDigits: 2, .id) == "5,00")
        #expect(NumberFormat.decimal(0.0001, fractionDigits: 2, .id) == "0,00")
        #expect(NumberFormat.decimal(0.00005, fractionDigits: 4, .en) == "0.0001")
        #expect(NumberFormat.decimal(1e20, fractionDigits: 0, .en) == "100,000,000,000,000,000,000")
        #expect(NumberFormat.decimal(3.7, fractionDigits: -1, .en) == "4")
    }

    @Test func decimalNeverShowsNegativeZeroOrNonFiniteValues() {
        #expect(NumberFormat.decimal(-0.04, fractionDigits: 1, .id) == "0,0")
        #expect(NumberFormat.decimal(-0.0, fractionDigits: 0, .id) == "0")
        #expect(NumberFormat.decimal(.nan, fractionDigits: 1, .id) == "–")
        #expect(NumberFormat.decimal(.infinity, fractionDigits: 1, .en) == "–")
    }

    @Test func percentOfAWhole() {
        #expect(NumberFormat.percent(783, of: 1000, .id) == "78,3%")
        #expect(NumberFormat.percent(783, of: 1000, .en) == "78.3%")
        #expect(NumberFormat.percent(1, of: 3, .id) == "33,3%")
        #expect(NumberFormat.percent(2, of: 3, .id) == "66,7%")
        #expect(NumberFormat.percent(1, of: 8, fractionDigits: 1, .en) == "12.5%")
        #expect(NumberFormat.percent(1, of: 16, fractionDigits: 1, .en) == "6.3%")
        #expect(NumberFormat.percent(1, of: 3, fractionDigits: 0, .id) == "33%")
        #expect(NumberFormat.percent(5, of: 5, .id) == "100,0%")
        #expect(NumberFormat.percent(0, of: 5, .id) == "0,0%")
        #expect(NumberFormat.percent(25, of: 10, .en) == "250.0%")
        #expect(NumberFormat.percent(12_345, of: 1, fractionDigits: 0, .id) == "1.234.500%")
        #expect(NumberFormat.percent(-1, of: 8, .en) == "-12.5%")
        #expect(NumberFormat.percent(1, of: -8, .en) == "-12.5%")
        #expect(NumberFormat.percent(-1, of: 3000, .en) == "0.0%")
        #expect(NumberFormat.percent(3, of: 0, .id) == "–")
        #expect(NumberFormat.percent(0, of: 0, .en) == "–")
        #expect(NumberFormat.percent(Int.max, of: Int.max, .en) == "100.0%")
    }
}
