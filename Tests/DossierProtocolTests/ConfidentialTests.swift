import DossierCore
import DossierProtocol
import Foundation
import Testing

@Suite("Confidential fields")
struct ConfidentialTests {
    static let secret = Confidentiality(name: "secret", roles: [.auditor, .admin])

    @Test func pathsParseAndPrint() {
        let field = ConfidentialField("customers[].openFlags", .badRecords)
        #expect(field.path == [.key("customers"), .eachElement, .key("openFlags")])
        #expect(field.description == "customers[].openFlags")
        #expect(ConfidentialField("a.b", Self.secret).path == [.key("a"), .key("b")])
    }

    @Test func visibilityFollowsTheRoles() {
        #expect(!Confidentiality.badRecords.isVisible(to: .viewer))
        #expect(!Confidentiality.badRecords.isVisible(to: nil))
        for role in [Role.clerk, .approver, .auditor, .admin] { #expect(Confidentiality.badRecords.isVisible(to: role)) }
    }

    @Test func removingFollowsThePathAndLeavesTheRest() {
        let value: JSONValue = .object([
            "a": .object(["b": .number(1), "c": .number(2)]),
            "list": .array([.object(["b": .number(3), "d": .bool(true)]), .object(["d": .bool(false)]), .number(9)]),
        ])
        let nested = value.removing(ConfidentialField("a.b", Self.secret))
        #expect(nested == .object([
            "a": .object(["c": .number(2)]), "list": value["list"]!,
        ]))
        let each = value.removing(ConfidentialField("list[].b", Self.secret))
        #expect(each["list"] == .array([.object(["d": .bool(true)]), .object(["d": .bool(false)]), .number(9)]))
        // A path that does not fit the value changes nothing.
        #expect(value.removing(ConfidentialField("a.b.c", Self.secret)) == value)
        #expect(value.removing(ConfidentialField("missing[].x", Self.secret)) == value)
        #expect(JSONValue.string("x").removing(ConfidentialField("a", Self.secret)) == .string("x"))
    }

    @Test func typedFieldsAreReplacedOnlyInMatchingObjects() {
        let events: JSONValue = .object([
            "events": .array([
                .object(["type": .string("CustomerRegistered"), "data": .object(["name": .string("A")])]),
                .object(["type": .string("CustomerFlagged"), "data": .object(["detail": .string("90 days")])]),
            ])
        ])
        let field = ConfidentialField("events[].data", Self.secret, onlyForTypes: ["CustomerFlagged"], replacement: .null)
        #expect(events.removing(field) == .object([
            "events": .array([
                .object(["type": .string("CustomerRegistered"), "data": .object(["name": .string("A")])]),
                .object(["type": .string("CustomerFlagged"), "data": .null]),
            ])
        ]))
    }

    @Test func redactionListsWhatWasWithheldWhateverTheData() {
        let fields = [ConfidentialField("x", Self.secret), ConfidentialField("y", .badRecords)]
        let value: JSONValue = .object(["x": .number(1), "z": .number(3)])
        #expect(value.redacted(fields, for: .admin) == value)
        #expect(value.redacted(fields, for: .clerk) == .object(["z": .number(3), "withheld": .array([.string("secret")])]))
        // `y` was not there, but is still named: the list depends on the role alone.
        #expect(
            value.redacted(fields, for: .viewer)
                == .object(["z": .number(3), "withheld": .array([.string("badRecords"), .string("secret")])]))
    }

    static let customer: CustomerState = {
        var state = CustomerState(
            id: CustomerID(rawValue: "c1"), name: "Acme", kind: .corporate, stage: .active, tier: .gold,
            registeredAt: Timestamp(iso8601: "2024-03-01T02:00:00Z")!, version: 3)
        state.openFlags = 2
        state.lastFlaggedAt = Timestamp(iso8601: "2024-03-02T02:00:00Z")!
        return state
    }()

    @Test func everyResultWithCustomersOrEventsDeclaresItsBadRecords() {
        #expect(
            CustomerResult.confidentialFields.map(\.description)
                == ["customer.openFlags", "customer.flags", "customer.flagsRecorded", "customer.lastFlaggedAt"])
        #expect(
            CustomersResult.confidentialFields.map(\.description)
                == ["customers[].openFlags", "customers[].flags", "customers[].flagsRecorded", "customers[].lastFlaggedAt"])
        // For each confidential event type: its data, its salt, then its type.
        #expect(
            EventsResult.confidentialFields.map(\.description)
                == Array(
                    repeating: ["events[].data", "events[].salt", "events[].type"],
                    count: DomainEvent.confidentialTypeNames.count
                ).flatMap { $0 })
        // Every confidential event type of the domain has its kind; the type is replaced last.
        #expect(Set(Confidentiality.ofEventTypes.keys) == DomainEvent.confidentialTypeNames)
        #expect(EventsResult.confidentialFields.last?.replacement == .string(Confidentiality.withheldEventType))
        for field in CustomerResult.confidentialFields + CustomersResult.confidentialFields {
            #expect(field.confidentiality == .badRecords)
        }
        for field in EventsResult.confidentialFields {
            #expect(field.confidentiality == Confidentiality.ofEventTypes[field.onlyForTypes?.first ?? ""])
        }
        #expect(Confidentiality.ofEventTypes["CustomerFlagged"] == .badRecords)
        #expect(Confidentiality.ofEventTypes["RatingApproved"] == .internalRatings)
        #expect(Confidentiality.ofEventTypes["CreditLimitApproved"] == .creditLimits)
    }

    @Test func aRedactedResultDecodesAndReencodesAsReceived() throws {
        let result = CustomerResult(customer: Self.customer)
        let full = try DossierJSON.decode(JSONValue.self, from: DossierJSON.encode(result))
        let redacted = full.redacted(CustomerResult.confidentialFields, for: .viewer)
        #expect(redacted["customer"]?["openFlags"] == nil)
        #expect(redacted["customer"]?["version"] == .number(3))
        #expect(redacted["customer"]?["name"] == .string("Acme"))

        let decoded = try DossierJSON.decode(CustomerResult.self, from: DossierJSON.encode(redacted))
        #expect(decoded.isWithheld(.badRecords))
        #expect(try DossierJSON.decode(JSONValue.self, from: decoded.encodedAsReceived()) == redacted)
        // Nothing withheld: the plain encoding.
        #expect(try result.encodedAsReceived() == DossierJSON.encode(result))
        #expect(!result.isWithheld(.badRecords))
    }
}
