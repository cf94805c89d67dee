import DossierCore
import Testing

@Suite("DomainCommand.isRetry")
struct DomainCommandRetryTests {
    static let register = RegisterCustomer(
        id: CustomerID(rawValue: "C-001"), name: " Wu Yi ", kind: .corporate, stage: .active, tier: .focus)

    static func complaint(
        subject: String = "mortgage", level: ComplaintLevel = .l2, unit: String? = "SH", anonymous: Bool = false,
        indirect: Bool = false, receivedAt: Timestamp? = Timestamp(rawValue: 1_709_254_800_000),
        incidentAt: Timestamp? = nil, customer: String = "C-001"
    ) -> FileComplaint {
        FileComplaint(
            customer: CustomerID(rawValue: customer), type: .fees, channel: .app, level: level, subject: subject,
            description: "fee", anonymous: anonymous, indirect: indirect, unit: unit, receivedAt: receivedAt,
            incidentAt: incidentAt)
    }

    static func filed(_ command: FileComplaint) throws -> DomainEvent {
        .complaint(.filed(
            try ComplaintDecisions.file(
                command,
                context: .init(
                    customer: registeredCustomer(), lastRunningNumber: 0, receiver: clerk,
                    now: Timestamp(rawValue: 1_709_258_400_000)),
                policy: Policy())))
    }

    @Test func theSameRegistrationIsARetry() throws {
        let event = DomainEvent.customer(.registered(try CustomerDecisions.register(Self.register, existing: nil)))
        #expect((Self.register).isRetry(of: event))
        var padded = Self.register
        padded.name = "Wu Yi\n"
        #expect((padded).isRetry(of: event))
    }

    @Test func aDifferentRegistrationIsNotARetry() throws {
        let event = DomainEvent.customer(.registered(try CustomerDecisions.register(Self.register, existing: nil)))
        var changes: [RegisterCustomer] = []
        var other = Self.register
        other.name = "Wu Er"
        changes.append(other)
        other = Self.register
        other.id = CustomerID(rawValue: "C-002")
        changes.append(other)
        other = Self.register
        other.kind = .individual
        changes.append(other)
        other = Self.register
        other.stage = .prospect
        changes.append(other)
        other = Self.register
        other.tier = .exit
        changes.append(other)
        for command in changes {
            #expect(!(command).isRetry(of: event), "\(command)")
        }
        #expect(!(Self.register).isRetry(of: try Self.filed(Self.complaint())))
    }

    @Test func theSameComplaintIsARetry() throws {
        let command = Self.complaint()
        let event = try Self.filed(command)
        #expect((command).isRetry(of: event))
        #expect((Self.complaint(subject: "  mortgage ")).isRetry(of: event))
        // Without a receiving time the first attempt used its own clock: a retry cannot repeat it.
        #expect((Self.complaint(receivedAt: nil)).isRetry(of: try Self.filed(Self.complaint(receivedAt: nil))))
    }

    @Test func aDifferentComplaintIsNotARetry() throws {
        let event = try Self.filed(Self.complaint())
        for command in [Self.complaint(subject: "loan"), Self.complaint(level: .l1), Self.complaint(customer: "C-002")] {
            #expect(!(command).isRetry(of: event), "\(command)")
        }
        let registered = DomainEvent.customer(.registered(try CustomerDecisions.register(Self.register, existing: nil)))
        #expect(!(Self.complaint()).isRetry(of: registered))
    }

    /// A command that names another unit, receiving time, incident time or flags would not produce
    /// the stored event, so the request id was reused.
    @Test(arguments: [
        complaint(unit: "BJ"),
        complaint(anonymous: true),
        complaint(indirect: true),
        complaint(receivedAt: Timestamp(rawValue: 1_709_254_800_000 - 3_600_000)),
        complaint(incidentAt: Timestamp(rawValue: 1_709_000_000_000)),
    ])
    func everyGivenComplaintFieldIsCompared(command: FileComplaint) throws {
        let event = try Self.filed(Self.complaint())
        #expect(!(command).isRetry(of: event))
    }
}
