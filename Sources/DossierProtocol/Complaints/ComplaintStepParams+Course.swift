import DossierCore
import Foundation

// The params of the steps that change a complaint's course rather than advance it: deadlines
// extended, the complaint escalated or withdrawn (pausing, resuming and returning are text
// steps, `ComplaintTextStepParams.swift`).

/// `complaint.escalate`.
public struct EscalateComplaintParams: ComplaintStepParams {
    public var number: String
    public var level: ComplaintLevel
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, level: ComplaintLevel, reason: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.level = level
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .escalate(to: self.level, reason: self.reason)
    }
}

/// `complaint.request-extension`.
public struct RequestExtensionComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String
    public var customerConsent: Bool
    public var until: Timestamp
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, reason: String, customerConsent: Bool, until: Timestamp,
        expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.reason = reason
        self.customerConsent = customerConsent
        self.until = until
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .requestExtension(reason: self.reason, customerConsent: self.customerConsent, until: self.until)
    }
}

/// `complaint.decide-extension`.
public struct DecideExtensionComplaintParams: ComplaintStepParams {
    public var number: String
    public var grant: Bool
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, grant: Bool, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.grant = grant
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .decideExtension(grant: self.grant, note: self.note ?? "")
    }
}

/// `complaint.withdraw`.
public struct WithdrawComplaintParams: ComplaintStepParams {
    public var number: String
    public var reason: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, reason: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil)
    {
        self.number = number
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .withdraw(reason: self.reason ?? "")
    }
}
