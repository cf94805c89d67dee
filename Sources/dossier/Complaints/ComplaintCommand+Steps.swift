import ArgumentParser
import DossierCore
import DossierProtocol

// The handling steps of `dossier complaint`: one subcommand per method, each sending that
// method's params and printing the complaint after the step.

extension ComplaintCommand {
    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "acknowledge",
            abstract: "Record the first response to the complainant (complaint.acknowledge).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = AcknowledgeComplaintParams(number: self.target.number, note: self.note)
            try self.target.run(Method.acknowledgeComplaint, params)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Hand a complaint over to another handler, who owns it from then on (complaint.assign).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "User name of the new owner.") var to: String
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = AssignComplaintParams(number: self.target.number, to: self.to, note: self.note)
            try self.target.run(Method.assignComplaint, params)
        }
    }

    struct Investigate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "investigate",
            abstract: "Record that the owner began investigating (complaint.investigate).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = InvestigateComplaintParams(number: self.target.number, note: self.note)
            try self.target.run(Method.investigateComplaint, params)
        }
    }

    struct TemporaryMeasure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "temporary-measure",
            abstract: "Record the temporary measure put in place (complaint.temporary-measure).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "What was done, 1 to 10000 characters.") var measure: String

        func run() throws {
            let params = TemporaryMeasureComplaintParams(number: self.target.number, measure: self.measure)
            try self.target.run(Method.temporaryMeasureComplaint, params)
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record the reply with its result; the revisit falls due (complaint.resolve).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "The result told to the complainant.") var result: String
        @Option(help: "Satisfaction at the reply.") var satisfaction: Satisfaction?

        func run() throws {
            let params = ResolveComplaintParams(
                number: self.target.number, result: self.result, satisfaction: self.satisfaction)
            try self.target.run(Method.resolveComplaint, params)
        }
    }

    struct Revisit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revisit",
            abstract: "Record the follow-up call and the customer's satisfaction (complaint.revisit).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Satisfaction on the 5-level scale.") var satisfaction: Satisfaction
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = RevisitComplaintParams(
                number: self.target.number, satisfaction: self.satisfaction, note: self.note)
            try self.target.run(Method.revisitComplaint, params)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a complaint; it never changes afterwards (complaint.close).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = CloseComplaintParams(number: self.target.number, note: self.note)
            try self.target.run(Method.closeComplaint, params)
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Record that a complaint is invalid under a rule of invalid complaints (complaint.reject).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "The rule that makes it invalid.") var rule: InvalidComplaintRule
        @Option(help: "The handler's judgement, 1 to 10000 characters.") var note: String

        func run() throws {
            let params = RejectComplaintParams(number: self.target.number, rule: self.rule, note: self.note)
            try self.target.run(Method.rejectComplaint, params)
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate",
            abstract: "Raise a complaint to a more urgent level; its deadlines are counted again (complaint.escalate).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "The new, more urgent level.") var level: ComplaintLevel
        @Option(help: "Why.") var reason: String

        func run() throws {
            let params = EscalateComplaintParams(number: self.target.number, level: self.level, reason: self.reason)
            try self.target.run(Method.escalateComplaint, params)
        }
    }

    struct RequestExtension: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request-extension",
            abstract: "Ask for more time to resolve, with a reason and the customer's consent"
                + " (complaint.request-extension).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Why more time is needed.") var reason: String
        @Flag(help: "The customer agreed.") var customerConsent = false
        @Option(help: "The new resolution deadline.") var until: Timestamp

        func run() throws {
            let params = RequestExtensionComplaintParams(
                number: self.target.number, reason: self.reason, customerConsent: self.customerConsent,
                until: self.until)
            try self.target.run(Method.requestExtensionComplaint, params)
        }
    }

    struct DecideExtension: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide-extension",
            abstract:
                "Grant or refuse a requested extension; the requester may not decide it (complaint.decide-extension).")

        @OptionGroup var target: ComplaintStepTarget
        @Argument(help: "grant or refuse.") var decision: ExtensionDecision
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = DecideExtensionComplaintParams(
                number: self.target.number, grant: self.decision == .grant, note: self.note)
            try self.target.run(Method.decideExtensionComplaint, params)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Record that the customer withdrew the complaint (complaint.withdraw).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Free text.") var reason: String?

        func run() throws {
            let params = WithdrawComplaintParams(number: self.target.number, reason: self.reason)
            try self.target.run(Method.withdrawComplaint, params)
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return a complaint as out of scope, with a reason (complaint.return).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Why it is out of scope.") var reason: String

        func run() throws {
            let params = ReturnComplaintParams(number: self.target.number, reason: self.reason)
            try self.target.run(Method.returnComplaint, params)
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause",
            abstract: "Stop the clock while the complaint waits on the customer (complaint.pause).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "What the customer must provide.") var reason: String

        func run() throws {
            let params = PauseComplaintParams(number: self.target.number, reason: self.reason)
            try self.target.run(Method.pauseComplaint, params)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Run the clock again; every deadline moves by the paused working time (complaint.resume).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = ResumeComplaintParams(number: self.target.number, note: self.note)
            try self.target.run(Method.resumeComplaint, params)
        }
    }

    struct EightD: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eight-d",
            abstract: "Record one step (D0 to D8) of a quality complaint's 8D record (complaint.eight-d).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "The 8D step.") var step: EightDStep
        @Option(help: "Who owns the step.") var owner: String
        @Option(help: "The step's date; default today.") var on: LocalDate?
        @Option(help: "What was found or done.") var text: String

        func run() throws {
            let params = EightDComplaintParams(
                number: self.target.number, step: self.step, owner: self.owner, on: self.on, text: self.text)
            try self.target.run(Method.eightDComplaint, params)
        }
    }

    struct RecordOutcome: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-outcome",
            abstract: "Record responsibility (with our share) and the loss (complaint.record-outcome).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "Who was responsible.") var responsibility: Responsibility
        @Option(
            help:
                "Our share of the responsibility, 0 to 100; default 100 for ours, 0 for customer; required for third_party."
        ) var ourSharePercent: Int?
        @Option(help: "The loss, e.g. \"1200.50\".") var loss: DecimalAmount?
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = RecordOutcomeComplaintParams(
                number: self.target.number, responsibility: self.responsibility, ourSharePercent: self.ourSharePercent,
                loss: self.loss, note: self.note)
            try self.target.run(Method.recordOutcomeComplaint, params)
        }
    }

    struct ProposeCompensation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose-compensation",
            abstract: "Propose compensation; it waits for an approver other than the proposer"
                + " (complaint.propose-compensation).")

        @OptionGroup var target: ComplaintStepTarget
        @Option(help: "What the customer gets.") var kind: CompensationKind
        @Option(help: "E.g. \"20000\" or \"99.90\".") var amount: DecimalAmount
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = ProposeCompensationComplaintParams(
                number: self.target.number, kind: self.kind, amount: self.amount, note: self.note)
            try self.target.run(Method.proposeCompensationComplaint, params)
        }
    }

    struct DecideCompensation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide-compensation",
            abstract: "Approve or refuse pending compensation: not its proposer, and with the authority its"
                + " amount needs (complaint.decide-compensation).")

        @OptionGroup var target: ComplaintStepTarget
        @Argument(help: "approve or refuse.") var decision: CompensationDecision
        @Option(help: "Free text, at most 10000 characters.") var note: String?

        func run() throws {
            let params = DecideCompensationComplaintParams(
                number: self.target.number, approve: self.decision == .approve, note: self.note)
            try self.target.run(Method.decideCompensationComplaint, params)
        }
    }

    static let steps: [any ParsableCommand.Type] = [
        Acknowledge.self, Assign.self, Investigate.self, TemporaryMeasure.self, Resolve.self, Revisit.self, Close.self,
        Reject.self, Escalate.self, RequestExtension.self, DecideExtension.self, Withdraw.self, Return.self, Pause.self,
        Resume.self, EightD.self, RecordOutcome.self, ProposeCompensation.self, DecideCompensation.self,
    ]
}
