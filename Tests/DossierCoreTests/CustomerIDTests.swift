import DossierCore
import Testing

@Suite("CustomerID")
struct CustomerIDTests {
    @Test(arguments: ["a", "C-001", "cust_42.x", "0", "A.B-C_D", String(repeating: "9", count: 64)])
    func parseAccepts(text: String) throws {
        #expect(try CustomerID.parse(text) == CustomerID(rawValue: text))
    }

    @Test(arguments: [
        "", String(repeating: "9", count: 65), "a b", " a", "a\n", "a/b", "a:b", "ü", "客户", "a@b", "a+b", "customer#1",
    ])
    func parseRejects(text: String) {
        #expect(throws: DomainError.invalidField(field: "customer", reason: "must be 1 to 64 letters, digits, '.', '_' or '-'")) {
            try CustomerID.parse(text)
        }
    }

    @Test func parseNamesTheGivenField() {
        let error = #expect(throws: DomainError.self) { try CustomerID.parse("", field: "id") }
        #expect(error?.details == ["field": "id"])
    }

    @Test func codesAsAPlainStringAndSorts() throws {
        let ids = [CustomerID(rawValue: "b"), CustomerID(rawValue: "a")]
        let bytes = try DossierJSON.encode(ids)
        #expect(String(decoding: bytes, as: UTF8.self) == #"["b","a"]"#)
        #expect(try DossierJSON.decode([CustomerID].self, from: bytes) == ids)
        #expect(ids.sorted().map(\.description) == ["a", "b"])
    }
}
