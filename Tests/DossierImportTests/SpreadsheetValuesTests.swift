import DossierFoundation
import DossierImport
import Testing

@Suite("Values as spreadsheets re-save them")
struct SpreadsheetValuesTests {
    @Test func datesInTheShapesSpreadsheetsWrite() {
        let day = LocalDate("2020-03-18")
        #expect(SpreadsheetValues.date("2020/3/18") == day)
        #expect(SpreadsheetValues.date("3/18/2020") == day)
        #expect(SpreadsheetValues.date("2020-03-18 00:00:00") == day)
        #expect(SpreadsheetValues.date("20200318") == day)
        #expect(SpreadsheetValues.date("18.03.2020") == day)
        #expect(SpreadsheetValues.date("7/30/2010") == LocalDate("2010-07-30"))
        #expect(SpreadsheetValues.date("3/4/2020") == LocalDate("2020-03-04"))
        #expect(SpreadsheetValues.date("3/4/2020", order: .dayFirst) == LocalDate("2020-04-03"))
        #expect(SpreadsheetValues.date("2/30/2020") == nil)
        #expect(SpreadsheetValues.date("yesterday") == nil)
    }

    @Test func numbersInScientificAndGroupedForm() {
        #expect(SpreadsheetValues.decimal("5e+05") == ExactDecimal("500000"))
        #expect(SpreadsheetValues.decimal("1.5E3") == ExactDecimal("1500"))
        #expect(SpreadsheetValues.decimal("1,200,000.50") == ExactDecimal("1200000.5"))
        #expect(SpreadsheetValues.decimal("20000.0") == ExactDecimal("20000"))
        #expect(SpreadsheetValues.decimal("-2") == ExactDecimal("-2"))
        #expect(SpreadsheetValues.decimal("abc") == nil)
        #expect(SpreadsheetValues.decimal("") == nil)
        #expect(SpreadsheetValues.integer("2.0") == 2)
        #expect(SpreadsheetValues.integer("2.5") == nil)
    }

    @Test func zipCodesGetTheirLeadingZerosBack() {
        #expect(SpreadsheetValues.zip("2134") == "02134")
        #expect(SpreadsheetValues.zip("2134.0") == "02134")
        #expect(SpreadsheetValues.zip("90210") == "90210")
        #expect(SpreadsheetValues.zip("021XX") == "021XX")
    }

    @Test func yesAndNo() {
        #expect(SpreadsheetValues.bool("Yes") == true)
        #expect(SpreadsheetValues.bool("N") == false)
        #expect(SpreadsheetValues.bool("N/A") == nil)
    }
}
