extension ComplaintState: StreamState {
    /// Folds one event of the complaint's own stream into the state.
    public static func apply(
        _ state: ComplaintState?, _ event: DomainEvent, at metadata: EventMetadata
    ) -> ComplaintState? {
        guard case .complaint(let event) = event else { return state }
        if case .filed(let filed) = event { return Self.opened(by: filed, at: metadata) }
        guard var state else { return nil }
        let now = metadata.occurredAt
        switch event {
        case .filed, .incidentRaised, .incidentJoined:
            // Filing opened the state above; incident events belong to the incident's stream.
            return state
        case .acknowledged:
            state.status = .acknowledged
            state.respondedAt = now
        case .handedOver(let handover):
            if state.status == .acknowledged { state.status = .assigned }
            state.owner = handover.to
            state.handovers += 1
        case .investigationStarted:
            state.status = .investigating
        case .temporaryMeasureTaken:
            state.status = .temporaryMeasure
            state.temporaryMeasureAt = now
        case .resolved(let resolved):
            state.status = .resolved
            state.resolvedAt = now
            state.result = resolved.result
            state.replySatisfaction = resolved.satisfaction
            state.revisitBy = resolved.revisitBy
        case .revisited(let revisited):
            state.status = .revisited
            state.revisitedAt = now
            state.revisitSatisfaction = revisited.satisfaction
        case .closed:
            state.status = .closed
            state.endedAt = now
        case .rejected(let rejected):
            state.status = .rejected
            state.endedAt = now
            state.rejectedUnder = rejected.rule
            state.endReason = rejected.note
        case .withdrawn(let withdrawn):
            state.status = .withdrawn
            state.endedAt = now
            state.endReason = withdrawn.reason
        case .returned(let returned):
            state.status = .returned
            state.endedAt = now
            state.endReason = returned.reason
        case .reopened(let reopened):
            state.reopenedAs = reopened.reopenedAs
        case .escalated(let escalated):
            state.level = escalated.to
            state.escalations += 1
            state.setDeadlines(escalated.deadlines)
            state.basis = escalated.basis
        case .extensionRequested(let requested):
            state.extensionRequest = ExtensionRequest(
                requestedBy: requested.requestedBy, reason: requested.reason, until: requested.until)
        case .extensionGranted(let granted):
            state.extensionRequest = nil
            state.resolveBy = granted.resolveBy
            state.extendedUntil = granted.resolveBy
        case .extensionRefused:
            state.extensionRequest = nil
        case .clockPaused:
            state.pausedSince = now
        case .clockResumed(let resumed):
            state.pausedSince = nil
            state.pausedWorkingMilliseconds += resumed.pausedWorkingMilliseconds
            state.setDeadlines(resumed.deadlines)
        case .outcomeRecorded(let outcome):
            state.outcome = ComplaintOutcome(
                responsibility: outcome.responsibility, ourSharePercent: outcome.ourSharePercent, loss: outcome.loss)
        case .compensationProposed(let proposed):
            state.compensation = Compensation(
                kind: proposed.kind, amount: proposed.amount, ourShare: proposed.ourShare,
                authorityNeeded: proposed.authorityNeeded, proposedBy: metadata.actor.user, decision: .pending)
        case .compensationApproved:
            state.compensation?.decision = .approved
            state.compensation?.decidedBy = metadata.actor.user
        case .compensationRefused:
            state.compensation?.decision = .refused
            state.compensation?.decidedBy = metadata.actor.user
        case .eightDStepRecorded(let recorded):
            state.eightD.removeAll { $0.step == recorded.step }
            state.eightD.append(
                EightDEntry(step: recorded.step, owner: recorded.owner, on: recorded.on, text: recorded.text))
            state.eightD.sort { $0.step < $1.step }
            if let until = recorded.trackingUntil { state.eightDTrackingUntil = until }
        case .linkedToIncident(let linked):
            state.incident = linked.incident
            state.scope = .group
            state.level = linked.level
            state.setDeadlines(linked.deadlines)
            state.basis = linked.basis
        }
        state.version = metadata.version
        return state
    }

    private static func opened(by filed: ComplaintFiled, at metadata: EventMetadata) -> ComplaintState {
        ComplaintState(
            number: filed.number, customer: filed.customer, type: filed.type, channel: filed.channel,
            level: filed.level, scope: filed.scope, subject: filed.subject,
            description: filed.description, anonymous: filed.anonymous, indirect: filed.indirect,
            foreign: filed.foreign, unit: filed.unit, externalId: filed.externalId, claim: filed.claim,
            status: .received, owner: filed.receiver, receivedAt: filed.receivedAt, incidentAt: filed.incidentAt,
            respondBy: filed.respondBy, resolveBy: filed.resolveBy, temporaryMeasureBy: filed.temporaryMeasureBy,
            closeBy: filed.closeBy, basis: filed.basis, reopenedFrom: filed.reopenedFrom, filedBy: metadata.actor,
            version: metadata.version)
    }
}
