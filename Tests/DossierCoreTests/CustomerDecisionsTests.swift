import DossierCore
import Testing

@Suite("CustomerDecisions.register")
struct CustomerDecisionsTests {
    let id = CustomerID(rawValue: "C-001")

    @Test func registersANewCustomer() throws {
        let registered = try CustomerDecisions.register(
            RegisterCustomer(id: id, name: "Shenzhen Widget Co.", kind: .corporate, stage: .key, tier: .gold),
            existing: nil)
        #expect(
            registered
                == CustomerRegistered(customer: id, name: "Shenzhen Widget Co.", kind: .corporate, stage: .key, tier: .gold))
    }

    @Test func newCustomersDefaultToProspectAndOrdinary() throws {
        let registered = try CustomerDecisions.register(
            RegisterCustomer(id: id, name: "Li Si", kind: .individual), existing: nil)
        #expect(registered.stage == .prospect)
        #expect(registered.tier == .ordinary)
    }

    @Test func refusesADuplicate() {
        #expect(throws: DomainError.customerAlreadyRegistered(id)) {
            try CustomerDecisions.register(
                RegisterCustomer(id: id, name: "Li Si", kind: .individual), existing: registeredCustomer("C-001"))
        }
    }

    @Test(arguments: [
        ("  Li Si  ", "Li Si"),
        ("\tLi Si\n", "Li Si"),
        ("\u{3000}李四\u{3000}", "李四"),  // ideographic space
        ("Li  Si", "Li  Si"),  // inner spaces stay
    ])
    func trimsTheName(given: String, stored: String) throws {
        let registered = try CustomerDecisions.register(
            RegisterCustomer(id: id, name: given, kind: .individual), existing: nil)
        #expect(registered.name == stored)
    }

    @Test(arguments: ["", " ", "\n\t ", "\u{3000}", String(repeating: "a", count: 201), String(repeating: "张", count: 201)])
    func refusesABlankOrLongName(name: String) {
        #expect(throws: DomainError.invalidField(field: "name", reason: "must be 1 to 200 characters")) {
            try CustomerDecisions.register(RegisterCustomer(id: id, name: name, kind: .individual), existing: nil)
        }
    }

    @Test(arguments: [String(repeating: "a", count: 200), String(repeating: "张", count: 200), " " + String(repeating: "b", count: 200) + " "])
    func acceptsNamesUpTo200CharactersAfterTrimming(name: String) throws {
        let registered = try CustomerDecisions.register(
            RegisterCustomer(id: id, name: name, kind: .individual), existing: nil)
        #expect(registered.name.count == 200)
    }

    @Test func duplicateIsCheckedBeforeTheName() {
        #expect(throws: DomainError.customerAlreadyRegistered(id)) {
            try CustomerDecisions.register(
                RegisterCustomer(id: id, name: "", kind: .individual), existing: registeredCustomer("C-001"))
        }
    }
}
