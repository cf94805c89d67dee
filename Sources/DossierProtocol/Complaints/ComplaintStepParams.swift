import DossierCore
import Foundation

// The params of each handling step of a complaint: one type per method, its required fields
// non-optional, and the step it asks for.

/// The params every handling step shares, and the step they ask for.
public protocol ComplaintStepParams: Codable, Hashable, Sendable {
    var number: String { get }
    var expectedVersion: ExpectedVersion? { get set }
    var requestId: UUID? { get set }
    /// The step; `authority` is what the caller's role holds for compensation decisions.
    func step(authority: CompensationAuthority?) -> ComplaintStep
}

/// `complaint.assign`.
public struct AssignComplaintParams: ComplaintStepParams {
    public var number: String
    public var to: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, to: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil
    ) {
        self.number = number
        self.to = to
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .assign(to: self.to, note: self.note ?? "")
    }
}

/// `complaint.temporary-measure`.
public struct TemporaryMeasureComplaintParams: ComplaintStepParams {
    public var number: String
    public var measure: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, measure: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.measure = measure
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .temporaryMeasure(measure: self.measure)
    }
}

/// `complaint.resolve`.
public struct ResolveComplaintParams: ComplaintStepParams {
    public var number: String
    public var result: String
    public var satisfaction: Satisfaction?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, result: String, satisfaction: Satisfaction? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.result = result
        self.satisfaction = satisfaction
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .resolve(result: self.result, satisfaction: self.satisfaction)
    }
}

/// `complaint.revisit`.
public struct RevisitComplaintParams: ComplaintStepParams {
    public var number: String
    public var satisfaction: Satisfaction
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, satisfaction: Satisfaction, note: String? = nil, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.satisfaction = satisfaction
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .revisit(satisfaction: self.satisfaction, note: self.note ?? "")
    }
}

/// `complaint.reject`.
public struct RejectComplaintParams: ComplaintStepParams {
    public var number: String
    public var rule: InvalidComplaintRule
    public var note: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(
        number: String, rule: InvalidComplaintRule, note: String, expectedVersion: ExpectedVersion? = nil,
        requestId: UUID? = nil
    ) {
        self.number = number
        self.rule = rule
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep {
        .reject(rule: self.rule, note: self.note)
    }
}
