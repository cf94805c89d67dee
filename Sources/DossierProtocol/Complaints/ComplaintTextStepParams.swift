import DossierCore
import Foundation

// The steps whose params are the complaint's number and one text: a note they may carry
// (acknowledge, investigate, close, resume) or a reason they must give (pause, return). One
// shape each, told apart by the step it asks for, so that a new one is a line, not a type.

/// A step that carries one text beside the complaint's number.
public protocol ComplaintTextStep: Sendable {
    static func step(_ text: String) -> ComplaintStep
}

/// Params of a step that may carry a note.
public struct NotedComplaintStepParams<Step: ComplaintTextStep>: ComplaintStepParams {
    public var number: String
    public var note: String?
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, note: String? = nil, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.note = note
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep { Step.step(self.note ?? "") }
}

/// Params of a step that must say why.
public struct ReasonedComplaintStepParams<Step: ComplaintTextStep>: ComplaintStepParams {
    public var number: String
    public var reason: String
    public var expectedVersion: ExpectedVersion?
    public var requestId: UUID?

    public init(number: String, reason: String, expectedVersion: ExpectedVersion? = nil, requestId: UUID? = nil) {
        self.number = number
        self.reason = reason
        self.expectedVersion = expectedVersion
        self.requestId = requestId
    }

    public func step(authority: CompensationAuthority?) -> ComplaintStep { Step.step(self.reason) }
}

/// `complaint.acknowledge`.
public typealias AcknowledgeComplaintParams = NotedComplaintStepParams<Acknowledging>
/// `complaint.investigate`.
public typealias InvestigateComplaintParams = NotedComplaintStepParams<Investigating>
/// `complaint.close`.
public typealias CloseComplaintParams = NotedComplaintStepParams<Closing>
/// `complaint.resume`.
public typealias ResumeComplaintParams = NotedComplaintStepParams<Resuming>
/// `complaint.pause`.
public typealias PauseComplaintParams = ReasonedComplaintStepParams<Pausing>
/// `complaint.return`.
public typealias ReturnComplaintParams = ReasonedComplaintStepParams<ReturningOutOfScope>

public enum Acknowledging: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .acknowledge(note: text) }
}

public enum Investigating: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .investigate(note: text) }
}

public enum Closing: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .close(note: text) }
}

public enum Resuming: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .resume(note: text) }
}

public enum Pausing: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .pause(reason: text) }
}

public enum ReturningOutOfScope: ComplaintTextStep {
    public static func step(_ text: String) -> ComplaintStep { .returnOutOfScope(reason: text) }
}
